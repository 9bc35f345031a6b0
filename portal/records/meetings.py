"""Coordination meetings a department's case system plans, with who takes part."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from portal.models import Guardian, Meeting, Participant
from portal.records.errors import NotFound, invalid
from portal.records.families import family_of
from portal.records.pages import Page, page
from portal.records.unit import (
    MEETING_CANCELLED,
    MEETING_MOVED,
    MEETING_PLANNED,
    Actor,
    UnitOfWork,
    require_own,
)

MEETING_FIELDS = ("kind", "title", "starts_at", "ends_at", "location", "video_url", "agenda")


def upsert_meeting(
    unit: UnitOfWork, department: str, external_id: str, **fields
) -> tuple[Meeting, bool]:
    """Plan or change a meeting of the actor's department. When `participants` is sent it
    replaces the list. A new meeting, a moved one and a cancelled one queue a notification."""
    unit.own_department(department)
    own = unit.actor.department_id
    meeting = unit.find.meeting(own, external_id)
    family = family_of_field(unit, fields["family_id"])
    case = None
    if fields.get("case_id") is not None:
        case = unit.find.case(own, fields["case_id"])
        if case is None or case.child.family is not family:
            raise invalid("case_id", "no case with this id for this family in your department")
    organizer = None
    if fields.get("organizer_id") is not None:
        organizer = unit.find.staff(own, fields["organizer_id"])
        if organizer is None:
            raise invalid("organizer_id", "no staff member with this id in your department")
    starts_at = fields["starts_at"]
    ends_at = fields["ends_at"]
    if ends_at <= starts_at:
        raise invalid("ends_at", "must be after starts_at")
    participants = (
        _participants(unit, family, fields["participants"]) if "participants" in fields else None
    )

    created = meeting is None
    before = None if created else (meeting.starts_at, meeting.ends_at, meeting.status)
    if created:
        meeting = Meeting(department_id=own, external_id=external_id)
        unit.session.add(meeting)
        unit.find.remember(("meeting", own, external_id), meeting)
    meeting.family = family
    meeting.case = case
    meeting.organizer = organizer
    for name in MEETING_FIELDS:
        if name in fields:
            setattr(meeting, name, fields[name])
    meeting.status = fields.get("status") or meeting.status or "planned"
    if participants is not None:
        if not created:
            unit.session.execute(delete(Participant).where(Participant.meeting_id == meeting.id))
            unit.session.expire(meeting, ["participants"])
        for values in participants:
            unit.session.add(Participant(meeting=meeting, **values))

    unit.wrote(family, "meeting", meeting, f"{unit.door}: meeting")
    kind = _news(before, meeting)
    if kind:
        unit.notify(kind, family, meeting=meeting)
    return meeting, created


def family_of_field(unit: UnitOfWork, external_id: str):
    try:
        return family_of(unit, external_id)
    except NotFound:
        raise invalid("family_id", "no family with this external id for your department") from None


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


def _participants(unit: UnitOfWork, family, people: list[dict]) -> list[dict]:
    """Participant rows from the request: staff of either department by their external id,
    guardians of this family the department has stated by person number, or others by name.
    Staff of the other department see this meeting only, not the family's cases (T3)."""
    rows: list[dict] = []
    seen: set[tuple] = set()
    guardians = None
    for index, person in enumerate(people):
        values: dict = {"role": person.get("role")}
        if person["kind"] == "staff":
            department = unit.find.department(person["department"])
            staff = unit.find.staff(department.id, person["staff_id"])
            if staff is None:
                raise invalid(("participants", index, "staff_id"), "no staff member with this id")
            values["staff"], key = staff, ("staff", staff.id)
        elif person["kind"] == "guardian":
            if guardians is None:
                guardians = _guardians_by_hash(unit, family)
            guardian = guardians.get(unit.person_hash(person["person_number"]))
            if guardian is None:
                raise invalid(
                    ("participants", index, "person_number"), "not a guardian in this family"
                )
            values["guardian"], key = guardian, ("guardian", guardian.id)
        else:
            values["name"], key = person["name"], ("name", index)
        if key in seen:
            raise invalid(("participants", index), "this participant is listed twice")
        seen.add(key)
        rows.append(values)
    return rows


def _guardians_by_hash(unit: UnitOfWork, family) -> dict[str, Guardian]:
    """Only guardians the department itself has stated: whether the other department knows a
    person number must not show in the answer (docs/access.md, S4)."""
    own = unit.actor.department_id
    return {
        g.person_number_hash: g
        for g in family.guardians
        if any(s.department_id == own for s in g.statements)
    }


# Reading back.


def get_meeting(session: Session, actor: Actor, department: str, external_id: str) -> Meeting:
    require_own(actor, department)
    meeting = session.scalar(
        select(Meeting).filter_by(department_id=actor.department_id, external_id=external_id)
    )
    if meeting is None:
        raise NotFound("no meeting with this external id in your department")
    return meeting


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
