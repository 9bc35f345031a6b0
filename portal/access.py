"""Who may see which family, decided in one place, and the audit entry every look leaves.
The rules, per door and per department, are written down in docs/access.md.

Every family-scoped lookup in the family and staff doors goes through `family_for` (or `case_for`),
which answers 404 for what the viewer may not see (never revealing that it exists) and only then
writes the audit entry; lists of families go through `listed`.

The looks are written with portal/audit.py into the request's transaction; nothing here
commits (portal/transactions.py commits each request once).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort, g
from sqlalchemy import and_, exists, false, or_, select, union
from sqlalchemy.orm import selectinload

from portal.audit import record
from portal.extensions import db
from portal.models import (
    Case,
    Child,
    Family,
    FamilyStatement,
    Guardian,
    Meeting,
    Participant,
    StaffMember,
    Stage,
)
from portal.records.statements import settled

CUSTODY = "custody"
INFORMATION = "information"
STAFF = "staff"


@dataclass
class Viewer:
    """The person behind the request: a guardian (by person-number hash) or a staff member."""

    kind: str  # "guardian" | "staff"
    name: str
    person_number_hash: str | None = None
    staff: StaffMember | None = None
    _guardians: list[Guardian] | None = field(default=None, repr=False)

    @property
    def guardians(self) -> list[Guardian]:
        """The guardian rows of this person, one per family they are a guardian in."""
        if self._guardians is None:
            self._guardians = (
                db.session.scalars(
                    select(Guardian).where(Guardian.person_number_hash == self.person_number_hash)
                ).all()
                if self.kind == "guardian"
                else []
            )
        return self._guardians

    @property
    def role(self) -> str:
        return self.staff.role if self.staff else "guardian"


@dataclass(frozen=True)
class FamilyAccess:
    """What one viewer may see of one family. Case content is decided per department
    (docs/access.md): `case_departments` are the departments whose cases, updates, meetings
    and offers this viewer sees in full; `known_by` the departments that know the viewer at
    all here (their children and the offers a child attends are shown)."""

    family: Family
    level: str  # custody | information | staff
    guardian: Guardian | None
    case_departments: frozenset[int] = frozenset()
    known_by: frozenset[int] = frozenset()
    staff: StaffMember | None = None

    @property
    def sees_case_content(self) -> bool:
        return bool(self.case_departments)

    @property
    def informed_only_by_some(self) -> bool:
        """Some department knows this viewer for information only: show what that gives."""
        return bool(self.known_by - self.case_departments)

    def stated(self, row, name: str):
        """A field of a child (or family, guardian) as the departments that know this viewer
        stated it, earliest first: what only the other department said stays with it."""
        return settled([s for s in row.statements if s.department_id in self.known_by], name)

    def sees_case(self, case: Case) -> bool:
        """A joint case belongs to both its departments; either may show it."""
        return bool({case.department_id, case.partner_department_id} & self.case_departments)

    def sees_child(self, child: Child) -> bool:
        return any(s.department_id in self.known_by for s in child.statements)

    def sees_offer(self, offer) -> bool:
        """In full for case-content departments; otherwise only the offer the child attends."""
        if offer.department_id in self.case_departments:
            return True
        return offer.status == "started" and offer.department_id in self.known_by


def guardian_access(guardian: Guardian) -> FamilyAccess:
    custody = guardian.custody_department_ids
    return FamilyAccess(
        guardian.family,
        CUSTODY if custody else INFORMATION,
        guardian,
        case_departments=custody,
        known_by=frozenset(s.department_id for s in guardian.statements),
    )


def meeting_visible(access: FamilyAccess):
    """SQL condition on a meeting: one of the family's meetings of a department whose case
    content the viewer sees (G2, T2), or one they are invited to themselves (G3, T3). The family
    pages, the staff pages and the notifications (portal/outbox) all ask this."""
    if access.guardian is not None:
        invited = Participant.guardian_id == access.guardian.id
    elif access.staff is not None:
        invited = Participant.staff_id == access.staff.id
    else:  # nobody to be invited (never `staff_id IS NULL`, which any guardian would match)
        invited = false()
    return and_(
        Meeting.family_id == access.family.id,
        or_(
            Meeting.department_id.in_(access.case_departments),
            Meeting.participants.any(invited),
        ),
    )


def _holds(staff: StaffMember):
    """SQL condition on a case: the staff member holds it, or holds or held one of its steps."""
    return or_(
        Case.holder_staff_id == staff.id,
        exists().where(Stage.case_id == Case.id, Stage.holder_staff_id == staff.id),
    )


def staff_case_departments(staff: StaffMember, family_id: int) -> frozenset[int]:
    """The departments that give this staff member their case content in this family, each
    only through itself: it assigned them as contact person, they hold (or held) one of its
    cases or a step of one, or they take part in a meeting it organises while working in
    it. Taking part in the other department's meeting gives that meeting only (T3)."""
    family_cases = select(Case.id).join(Child).where(Child.family_id == family_id)
    assigned = select(FamilyStatement.department_id).where(
        FamilyStatement.family_id == family_id, FamilyStatement.contact_person_id == staff.id
    )
    holds = select(Case.department_id).where(Case.id.in_(family_cases), _holds(staff))
    organises = select(Meeting.department_id).where(
        Meeting.family_id == family_id,
        Meeting.department_id == staff.department_id,
        or_(
            Meeting.organizer_id == staff.id,
            Meeting.participants.any(Participant.staff_id == staff.id),
        ),
    )
    return frozenset(db.session.scalars(union(assigned, holds, organises)))


def staff_assigned_to(staff: StaffMember):
    """SQL condition: families a staff member works with (contact person chosen by either
    department, case holder now or before, or participant in one of the family's meetings).
    What they see of each is decided by `staff_case_departments`."""
    holds_case = exists().where(
        Case.child_id == Child.id, Child.family_id == Family.id, _holds(staff)
    )
    in_meeting = exists().where(
        Meeting.family_id == Family.id,
        Participant.meeting_id == Meeting.id,
        Participant.staff_id == staff.id,
    )
    is_contact = exists().where(
        FamilyStatement.family_id == Family.id, FamilyStatement.contact_person_id == staff.id
    )
    return or_(is_contact, holds_case, in_meeting)


def access_level(viewer: Viewer, family_id: int) -> FamilyAccess | None:
    if viewer.kind == "guardian":
        guardian = next((g for g in viewer.guardians if g.family_id == family_id), None)
        return guardian_access(guardian) if guardian else None
    if viewer.kind == "staff" and viewer.staff is not None and viewer.staff.active:
        family = db.session.scalar(
            select(Family).where(Family.id == family_id, staff_assigned_to(viewer.staff))
        )
        if family is None:
            return None
        departments = staff_case_departments(viewer.staff, family_id)
        return FamilyAccess(
            family,
            STAFF,
            None,
            case_departments=departments,
            known_by=departments,
            staff=viewer.staff,
        )
    return None


def families_of(viewer: Viewer) -> list[Family]:
    """The families a viewer may open, for lists (opening one still goes through family_for)."""
    if viewer.kind == "guardian":
        return [g.family for g in viewer.guardians]
    if viewer.staff is None or not viewer.staff.active:
        return []
    return db.session.scalars(
        select(Family).where(staff_assigned_to(viewer.staff)).order_by(Family.display_name)
    ).all()


def _open(family_id: int, *, child_id: int | None = None, case_content: bool = False):
    """The viewer, their access to the family and the child asked for, or 404. Writes nothing."""
    viewer: Viewer | None = g.get("viewer")
    found = access_level(viewer, family_id) if viewer else None
    if found is None or (case_content and not found.sees_case_content):
        abort(404)
    child = None
    if child_id is not None:
        child = db.session.scalar(
            select(Child)
            .where(Child.id == child_id, Child.family_id == family_id)
            .options(selectinload(Child.statements))
        )
        if child is None or not found.sees_child(child):
            abort(404)
    return viewer, found, child


def _seen(viewer: Viewer, family_id: int, what: str, object_type: str, object_id: int) -> None:
    record(
        viewer,
        "read",
        family_id=family_id,
        object_type=object_type,
        object_id=object_id,
        detail=what,
    )


def family_for(
    family_id: int, what: str, *, child_id: int | None = None, case_content: bool = False
):
    """The family (and child) the current viewer may see, or 404; `case_content` pages also 404
    for an information-only guardian. Every 404 is decided before the look is written to the
    audit log (committed with the request), so the log holds the reads that happened and only
    those."""
    viewer, found, child = _open(family_id, child_id=child_id, case_content=case_content)
    if child is not None:
        _seen(viewer, family_id, what, "child", child.id)
    else:
        _seen(viewer, family_id, what, "family", family_id)
    return found, child


def case_for(family_id: int, case_id: int, what: str, *, options=()):
    """One of the family's cases for a viewer who may see case content, or 404 (also for a case
    of another family); the look is written after every check, like in `family_for`."""
    viewer, found, _ = _open(family_id, case_content=True)
    case = db.session.scalar(
        select(Case)
        .join(Child)
        .where(Case.id == case_id, Child.family_id == family_id)
        .options(*options)
    )
    if case is None or not found.sees_case(case):
        abort(404)
    _seen(viewer, family_id, what, "case", case.id)
    return found, case


def listed(families: list[Family], what: str) -> list[Family]:
    """A list of families shown to the current viewer (e.g. a caseload): each family's name is
    family data, so each gets an audit entry ("list") and sees it on its access log."""
    viewer: Viewer | None = g.get("viewer")
    for family in families:
        record(
            viewer,
            "list",
            family_id=family.id,
            object_type="family",
            object_id=family.id,
            detail=what,
        )
    return families
