"""Coordination meetings a department plans with a family, and who takes part. (The times a
staff member offers for booking, and booking, moving and cancelling: records/booking.py.)"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from portal.models import Case, Department, Family, Meeting, Participant, StaffMember
from portal.records.errors import invalid
from portal.records.fields import KEEP, kept
from portal.records.pages import Page, page
from portal.records.unit import (
    MEETING_CANCELLED,
    MEETING_MOVED,
    MEETING_PLANNED,
    Actor,
    UnitOfWork,
    require_own,
)

NOT_OWN_CASE = "no case with this id for this family in your department"
NOT_OWN_STAFF = "no staff member with this id in your department"
NOT_A_GUARDIAN = "not a guardian in this family"


def plan_meeting(
    unit: UnitOfWork,
    department: Department,
    family: Family,
    *,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    external_id: str | None = None,
    case: Case | None = None,
    organizer: StaffMember | None = None,
    location: str | None = None,
    video_url: str | None = None,
    status: str | None = None,
    agenda: str | None = None,
    participants: list[dict] = (),
) -> Meeting:
    """A meeting of the department with a family, about one of its cases or none. Each
    participant is {"staff": ...}, {"guardian": ...} or {"name": ...}, with an optional "role".
    A planned or cancelled meeting queues a notification."""
    unit.own(department)
    _check(department.id, family, case, organizer, starts_at, ends_at)
    _check_participants(department.id, family, participants)
    meeting = Meeting(department_id=department.id, external_id=external_id)
    unit.session.add(meeting)
    values = dict(location=location, video_url=video_url, agenda=agenda)
    _set(meeting, family, case, organizer, kind, title, starts_at, ends_at, values)
    meeting.status = status or "planned"
    for values in participants:
        add_participant(unit, meeting, **values)
    _note(unit, meeting, None)
    return meeting


def change_meeting(
    unit: UnitOfWork,
    meeting: Meeting,
    *,
    family: Family,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    case: Case | None = None,
    organizer: StaffMember | None = None,
    location: str | None = KEEP,
    video_url: str | None = KEEP,
    status: str = KEEP,
    agenda: str | None = KEEP,
    participants: list[dict] = KEEP,
) -> Meeting:
    """Change a meeting; what is left out (KEEP) keeps its value, and participants when given
    replace those sent before (not those added in the portal). A moved or cancelled meeting
    queues a notification."""
    unit.own(meeting)
    _check(meeting.department_id, family, case, organizer, starts_at, ends_at)
    if participants is not KEEP:
        _check_participants(meeting.department_id, family, participants)
    before = (meeting.starts_at, meeting.ends_at, meeting.status)
    values = dict(location=location, video_url=video_url, agenda=agenda)
    values = {name: value for name, value in values.items() if value is not KEEP}
    _set(meeting, family, case, organizer, kind, title, starts_at, ends_at, values)
    meeting.status = kept(status, None) or meeting.status or "planned"
    if participants is not KEEP:
        _replace_sent_participants(unit, meeting, participants)
    if before != (meeting.starts_at, meeting.ends_at, meeting.status):
        # Calendars (iCalendar SEQUENCE, portal/calendar.py) replace the event they hold.
        meeting.sequence = (meeting.sequence or 0) + 1
    _note(unit, meeting, before)
    return meeting


def _replace_sent_participants(unit: UnitOfWork, meeting: Meeting, people: list[dict]) -> None:
    """The case system's list replaces what it sent before; people added in the portal (a
    booking, an invitation) stay, once, also when the case system now names them too."""
    unit.session.execute(
        delete(Participant).where(
            Participant.meeting_id == meeting.id, Participant.added_in_portal.is_(False)
        )
    )
    unit.session.expire(meeting, ["participants"])
    kept_people = {(p.staff_id, p.guardian_id) for p in meeting.participants}
    for values in people:
        staff, guardian = values.get("staff"), values.get("guardian")
        if (staff or guardian) and (
            staff.id if staff else None,
            guardian.id if guardian else None,
        ) in kept_people:
            continue
        add_participant(unit, meeting, **values)


def add_participant(
    unit: UnitOfWork,
    meeting: Meeting,
    *,
    staff: StaffMember | None = None,
    guardian=None,
    name: str | None = None,
    role: str | None = None,
) -> Participant:
    """Someone taking part in a meeting: a staff member of either department, a guardian the
    meeting's department has stated, or someone outside the portal by name."""
    unit.own(meeting)
    if sum(who is not None for who in (staff, guardian, name)) != 1:
        raise invalid("participants", "a participant is a staff member, a guardian or a name")
    participant = Participant(meeting=meeting, staff=staff, guardian=guardian, name=name, role=role)
    unit.session.add(participant)
    return participant


def _check(department_id, family, case, organizer, starts_at, ends_at) -> None:
    if case is not None and (
        case.department_id != department_id or case.child.family is not family
    ):
        raise invalid("case_id", NOT_OWN_CASE)
    if organizer is not None and organizer.department_id != department_id:
        raise invalid("organizer_id", NOT_OWN_STAFF)
    if ends_at <= starts_at:
        raise invalid("ends_at", "must be after starts_at")


def _check_participants(department_id: int, family: Family, people: list[dict]) -> None:
    """Each person once; guardians only of this family and stated by the meeting's department
    (docs/access.md, S3). Staff of the other department see this meeting only (T3)."""
    seen: set[tuple] = set()
    for index, person in enumerate(people):
        guardian = person.get("guardian")
        if guardian is not None and (
            guardian.family is not family
            or not any(s.department_id == department_id for s in guardian.statements)
        ):
            raise invalid(("participants", index, "person_number"), NOT_A_GUARDIAN)
        if person.get("staff") is not None:
            key = ("staff", person["staff"].id)
        elif guardian is not None:
            key = ("guardian", guardian.id)
        else:
            key = ("name", index)
        if key in seen:
            raise invalid(("participants", index), "this participant is listed twice")
        seen.add(key)


def _set(meeting, family, case, organizer, kind, title, starts_at, ends_at, values) -> None:
    meeting.family = family
    meeting.case = case
    meeting.organizer = organizer
    meeting.kind, meeting.title = kind, title
    meeting.starts_at, meeting.ends_at = starts_at, ends_at
    for name, value in values.items():
        setattr(meeting, name, value)


def _note(unit: UnitOfWork, meeting: Meeting, before: tuple | None) -> None:
    unit.wrote(meeting.family, "meeting", meeting, f"{unit.door}: meeting")
    kind = _news(before, meeting)
    if kind:
        unit.notify(kind, meeting.family, meeting=meeting)


def _news(before: tuple | None, meeting: Meeting) -> str | None:
    if meeting.status == "cancelled":
        return MEETING_CANCELLED if before is None or before[2] != "cancelled" else None
    if meeting.status != "planned":
        return None
    if before is None or before[2] != "planned":
        return MEETING_PLANNED
    if (before[0], before[1]) != (meeting.starts_at, meeting.ends_at):
        return MEETING_MOVED
    return None


# Reading back (the API finds a meeting by its external id: portal/api/rows.py).


def list_meetings(
    session: Session, actor: Actor, department: str, after: int | None, limit: int
) -> Page:
    require_own(actor, department)
    statement = (
        select(Meeting)
        .where(Meeting.department_id == actor.department_id, Meeting.external_id.is_not(None))
        .options(selectinload(Meeting.participants))
    )
    return page(session, statement, Meeting.id, after, limit)
