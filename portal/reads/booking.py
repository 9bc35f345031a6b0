"""What the booking pages load: the times offered to a family (decided by
`access.slot_offered`), a staff member's own coming times with who booked them, the families'
"no time fits" requests, and the colleagues who may join a time. Each loader costs a fixed
number of statements, however many times there are."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.access import FamilyAccess, slot_offered
from portal.domain.clocks import local_day
from portal.extensions import db
from portal.models import (
    Family,
    Guardian,
    GuardianStatement,
    Meeting,
    Participant,
    Slot,
    SlotColleague,
    StaffMember,
    TimeRequest,
)
from portal.models.base import utcnow
from portal.reads.plans import step_owners

SLOT_LOADING = (
    selectinload(Slot.staff).selectinload(StaffMember.department),
    selectinload(Slot.colleagues).selectinload(SlotColleague.staff),
)
# A meeting about to be moved or cancelled: who takes part, and the family's contact persons.
MEETING_CHANGE_LOADING = (
    selectinload(Meeting.participants).selectinload(Participant.staff),
    selectinload(Meeting.participants).selectinload(Participant.guardian),
    selectinload(Meeting.organizer),
    selectinload(Meeting.department),
    selectinload(Meeting.family).selectinload(Family.statements),
    selectinload(Meeting.family).selectinload(Family.contact_person),
)


def offered_slots(access: FamilyAccess, *, staff_id: int | None = None) -> list[Slot]:
    """The free times offered to the family that this viewer may book, soonest first;
    only those of one staff member with `staff_id` (moving a meeting to another time)."""
    query = select(Slot).where(slot_offered(access)).options(*SLOT_LOADING)
    if staff_id is not None:
        query = query.where(Slot.staff_id == staff_id)
    return db.session.scalars(query.order_by(Slot.starts_at, Slot.id)).all()


def offered_slot(access: FamilyAccess, slot_id: int) -> Slot | None:
    """One time offered to the family that this viewer may book, or None (also when it was
    booked or withdrawn in the meantime)."""
    return db.session.scalar(
        select(Slot).where(Slot.id == slot_id, slot_offered(access)).options(*SLOT_LOADING)
    )


def by_day(slots: list[Slot]) -> list[tuple[date, list[Slot]]]:
    """Times grouped by the day they fall on in Copenhagen, in order."""
    days: dict[date, list[Slot]] = defaultdict(list)
    for slot in sorted(slots, key=lambda s: s.starts_at):
        days[local_day(slot.starts_at)].append(slot)
    return sorted(days.items())


def coming_times(staff: StaffMember) -> list[Slot]:
    """The staff member's times that have not ended, booked or not, with who booked them."""
    return db.session.scalars(
        select(Slot)
        .where(Slot.staff_id == staff.id, Slot.ends_at > utcnow())
        .options(
            *SLOT_LOADING,
            selectinload(Slot.family),
            selectinload(Slot.meeting).selectinload(Meeting.family),
            selectinload(Slot.meeting).selectinload(Meeting.booked_by),
        )
        .order_by(Slot.starts_at, Slot.id)
    ).all()


def own_slot(staff: StaffMember, slot_id: int, *, whole_series: bool = False) -> list[Slot]:
    """The staff member's own time (and, with `whole_series`, the coming times of its series),
    or nothing when it is not theirs."""
    slot = db.session.scalar(select(Slot).where(Slot.id == slot_id, Slot.staff_id == staff.id))
    if slot is None or not whole_series or slot.series is None:
        return [slot] if slot is not None else []
    return db.session.scalars(
        select(Slot)
        .where(
            Slot.staff_id == staff.id,
            Slot.series == slot.series,
            Slot.starts_at > utcnow(),
        )
        .order_by(Slot.starts_at)
    ).all()


def open_requests(staff: StaffMember) -> list[TimeRequest]:
    """The "no time fits" requests sent to this contact person that are not handled yet."""
    return db.session.scalars(
        select(TimeRequest)
        .where(TimeRequest.staff_id == staff.id, TimeRequest.handled_at.is_(None))
        .options(selectinload(TimeRequest.family), selectinload(TimeRequest.guardian))
        .order_by(TimeRequest.created_at, TimeRequest.id)
    ).all()


def open_request(staff: StaffMember, request_id: int) -> TimeRequest | None:
    return db.session.scalar(
        select(TimeRequest).where(TimeRequest.id == request_id, TimeRequest.staff_id == staff.id)
    )


def colleagues_of(staff: StaffMember) -> list[StaffMember]:
    """Who may join a time: the active staff of the staff member's own department."""
    return db.session.scalars(
        select(StaffMember)
        .where(
            StaffMember.department_id == staff.department_id,
            StaffMember.active.is_(True),
            StaffMember.id != staff.id,
        )
        .order_by(StaffMember.name)
    ).all()


def invitable(access: FamilyAccess, meeting: Meeting) -> tuple[list, list[StaffMember]]:
    """Whom a staff member may invite to the meeting (B4): the family's guardians that the
    meeting's department states, and the staff a next step may be given to (P2), who do not
    take part yet. `meeting` comes with MEETING_CHANGE_LOADING."""
    present = {(p.staff_id, p.guardian_id) for p in meeting.participants}
    guardians = db.session.scalars(
        select(Guardian)
        .join(GuardianStatement, GuardianStatement.guardian_id == Guardian.id)
        .where(
            Guardian.family_id == meeting.family_id,
            GuardianStatement.department_id == meeting.department_id,
        )
        .options(selectinload(Guardian.statements))
        .order_by(Guardian.id)
    ).all()
    return (
        [g for g in guardians if (None, g.id) not in present],
        [s for s in step_owners(access, meeting) if (s.id, None) not in present],
    )
