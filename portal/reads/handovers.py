"""What the family and the staff pages show of hand-overs and absences (docs/access.md H1-H3),
each loader in a fixed number of SQL statements.

The family sees, beside their contact person's name, the newest hand-over that made that person
their contact person (for a while: `SHOWN_DAYS`), and, while the person is away, until when and
who covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal.access import FamilyAccess
from portal.extensions import db
from portal.models import Absence, Case, Handover, StaffMember
from portal.models.base import utcnow

# How long the family's pages tell them that their contact person is new: long enough to be
# read by a parent who logs in once a month, short enough not to become noise.
SHOWN_DAYS = 60
# How many earlier hand-overs of one case the staff page lists.
CASE_HISTORY = 5


@dataclass(frozen=True)
class ContactNews:
    """What the family's contact box says besides the name: a recent hand-over to the contact
    person (with its note, for those who may read it), and an absence going on today."""

    handover: Handover | None = None
    show_note: bool = False
    absence: Absence | None = None


def contact_news(access: FamilyAccess, today: date) -> ContactNews:
    """For the contact person the family sees now (`Family.contact_person`): two statements.
    The note is for guardians with custody from the department that handed over (H1)."""
    person_id = access.family.contact_person_id
    if person_id is None:
        return ContactNews()
    handover = db.session.scalar(
        select(Handover)
        .where(
            Handover.family_id == access.family.id,
            Handover.role == "contact_person",
            Handover.to_staff_id == person_id,
            Handover.handed_over_at >= utcnow() - timedelta(days=SHOWN_DAYS),
        )
        .options(joinedload(Handover.from_staff))
        .order_by(Handover.handed_over_at.desc(), Handover.id.desc())
        .limit(1)
    )
    absence = db.session.scalar(
        select(Absence)
        .where(Absence.staff_id == person_id, Absence.starts_on <= today, Absence.ends_on >= today)
        .options(joinedload(Absence.cover))
        .order_by(Absence.starts_on)
        .limit(1)
    )
    show_note = bool(
        handover is not None
        and handover.note
        and access.guardian is not None
        and handover.department_id in access.case_departments
    )
    return ContactNews(handover=handover, show_note=show_note, absence=absence)


def colleagues(staff: StaffMember, *, including_self: bool = False) -> list[StaffMember]:
    """The active staff of the staff member's own department, by name: whom a hand-over or a
    cover may name (H1-H3)."""
    query = select(StaffMember).where(
        StaffMember.department_id == staff.department_id, StaffMember.active.is_(True)
    )
    if not including_self:
        query = query.where(StaffMember.id != staff.id)
    return db.session.scalars(query.order_by(StaffMember.name, StaffMember.id)).all()


def case_handovers(case: Case, limit: int = CASE_HISTORY) -> list[Handover]:
    """The newest hand-overs of one case, with who handed it from and to whom."""
    return db.session.scalars(
        select(Handover)
        .where(Handover.case_id == case.id, Handover.role == "case_holder")
        .options(
            joinedload(Handover.from_staff),
            joinedload(Handover.to_staff),
            joinedload(Handover.by_staff),
        )
        .order_by(Handover.handed_over_at.desc(), Handover.id.desc())
        .limit(limit)
    ).all()


def absences_of(staff_ids: list[int], today: date) -> list[Absence]:
    """The absences of these staff members that are going on or coming, soonest first."""
    if not staff_ids:
        return []
    return db.session.scalars(
        select(Absence)
        .where(Absence.staff_id.in_(staff_ids), Absence.ends_on >= today)
        .options(joinedload(Absence.staff), joinedload(Absence.cover))
        .order_by(Absence.starts_on, Absence.id)
    ).all()


def absence(absence_id: int) -> Absence | None:
    """One absence with its staff member (whose department decides who may end it: H3)."""
    return db.session.scalar(
        select(Absence).where(Absence.id == absence_id).options(joinedload(Absence.staff))
    )


def department_decides(family, department_id: int) -> bool:
    """Whether a contact person this department names is the one the family sees: no
    department that stated the family before it names one (S1: the earliest statement with a
    contact person wins, as `records.statements.settled` settles it)."""
    for statement in family.statements:
        if statement.department_id == department_id:
            return True
        if statement.contact_person_id is not None:
            return False
    return True
