"""Bookable times and the meetings booked, moved and cancelled at them (docs/access.md B1-B3).

A staff member offers times (`offer_times`: one, or weekly for some weeks, to one family or to
all the families they work with); no person gets two things at once (`Clash`). A guardian with
custody books one (`book_slot`): the time is claimed by one conditional update in the same
unit of work that creates the meeting, so of two families booking the same time at once one
gets the meeting and the other `SlotTaken`, and nothing of theirs is written. Moving and
cancelling (`move_meeting`, `cancel_meeting`) raise the meeting's sequence, keep the reason
and tell the family, through the same `_note` as every other meeting change.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session, selectinload

from portal.access import change_deadline, guardian_may_change, staff_may_change
from portal.config import MEETING_CHANGE_CUTOFF_HOURS
from portal.links import link_problem
from portal.models import (
    Family,
    Guardian,
    Meeting,
    Participant,
    Slot,
    SlotColleague,
    StaffMember,
    TimeRequest,
)
from portal.models.base import utcnow
from portal.models.meetings import MEETING_KINDS
from portal.records.errors import Conflict, Forbidden, invalid
from portal.records.meetings import _check_participants, _note
from portal.records.unit import MEETING_PLANNED, UnitOfWork

# A booked meeting's title, in Danish like the titles the case systems send.
MEETING_TITLES = {
    "tvaerfagligt": "Tværfagligt møde",
    "netvaerk": "Netværksmøde",
    "opfoelgning": "Opfølgningsmøde",
    "samtale": "Samtale",
}
LENGTHS = (30, 45, 60, 90)  # minutes a staff member may offer
MOST_WEEKS = 12
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
TIMES_OF_DAY = ("morning", "midday", "afternoon")
LONGEST_NOTE = 1000
LONGEST_REASON = 1000
LONGEST_PLACE = 300
LONGEST_LINK = 500


class SlotTaken(Conflict):
    """The time was booked by someone else in the meantime, or is no longer offered."""

    def __init__(self, detail: str = "this time was just taken"):
        super().__init__(detail)


class TooLate(Conflict):
    """The meeting can no longer be changed here: it is over, cancelled, or past the cut-off."""


class Clash(Conflict):
    """A person would be in two places at once: `person` has a time (`kind` "slot") or a
    meeting ("meeting") from `starts_at` to `ends_at` already."""

    def __init__(self, person: StaffMember, starts_at: datetime, ends_at: datetime, kind: str):
        super().__init__(f"{person.name} already has a {kind} then")
        self.person, self.starts_at, self.ends_at, self.kind = person, starts_at, ends_at, kind


# ---- offering times ---------------------------------------------------------------------------


def offer_times(
    unit: UnitOfWork,
    staff: StaffMember,
    *,
    starts: list[datetime],
    minutes: int,
    kind: str = "samtale",
    location: str | None = None,
    video_url: str | None = None,
    family: Family | None = None,
    colleagues: list[StaffMember] = (),
) -> list[Slot]:
    """Times a staff member offers for booking, all of one length: to one family, or to every
    family they work with (`family` None). Several times form a series, withdrawn together.
    Refuses the lot (`Clash`) when the staff member or a colleague already has a time or a
    planned meeting that overlaps one of them."""
    unit.own(staff)
    if not starts:
        raise invalid("starts_at", "give at least one time")
    if kind not in MEETING_KINDS:
        raise invalid("kind", "not a kind of meeting")
    if minutes not in LENGTHS:
        raise invalid("minutes", f"a time lasts {', '.join(map(str, LENGTHS))} minutes")
    if video_url and link_problem(video_url):
        raise invalid("video_url", link_problem(video_url))
    if any(c.id == staff.id or not c.active for c in colleagues):
        raise invalid("colleagues", "colleagues are other active staff members")
    times = sorted((start, start + timedelta(minutes=minutes)) for start in starts)
    if any(end > later for (_, end), (later, _) in zip(times, times[1:], strict=False)):
        raise invalid("starts_at", "the times overlap each other")
    clash = find_clash(unit.session, [staff, *colleagues], times)
    if clash is not None:
        raise clash
    if family is not None and family.id is None:
        unit.session.flush()  # the slot keeps the family's id
    series = str(uuid.uuid4()) if len(times) > 1 else None
    slots = []
    for start, end in times:
        slot = Slot(
            staff=staff,
            family_id=family.id if family is not None else None,
            starts_at=start,
            ends_at=end,
            kind=kind,
            location=location or None,
            video_url=video_url or None,
            series=series,
        )
        slot.colleagues = [SlotColleague(staff=colleague) for colleague in colleagues]
        unit.session.add(slot)
        if family is not None:
            unit.wrote(family, "slot", slot, f"{unit.door}: bookable time")
        slots.append(slot)
    return slots


def offer_time(
    unit: UnitOfWork,
    staff: StaffMember,
    *,
    starts_at: datetime,
    ends_at: datetime,
    location: str | None = None,
    family: Family | None = None,
    kind: str = "samtale",
    video_url: str | None = None,
) -> Slot:
    """One time a staff member offers (see `offer_times`)."""
    minutes = int((ends_at - starts_at).total_seconds() // 60)
    [slot] = offer_times(
        unit,
        staff,
        starts=[starts_at],
        minutes=minutes,
        kind=kind,
        location=location,
        video_url=video_url,
        family=family,
    )
    return slot


def find_clash(
    session: Session,
    people: list[StaffMember],
    times: list[tuple[datetime, datetime]],
    *,
    ignore: Meeting | None = None,
) -> Clash | None:
    """The first of these people's times or planned meetings that overlaps one of `times`
    (each a start and an end), leaving out the meeting `ignore` and its own time."""
    ids = {person.id for person in people}
    start, end = min(t[0] for t in times), max(t[1] for t in times)
    ignored = ignore.id if ignore is not None else -1
    slots = session.scalars(
        select(Slot)
        .where(
            Slot.starts_at < end,
            Slot.ends_at > start,
            or_(Slot.meeting_id.is_(None), Slot.meeting_id != ignored),
            or_(Slot.staff_id.in_(ids), Slot.colleagues.any(SlotColleague.staff_id.in_(ids))),
        )
        .options(selectinload(Slot.staff), selectinload(Slot.colleagues))
    ).all()
    meetings = session.scalars(
        select(Meeting)
        .where(
            Meeting.status == "planned",
            Meeting.id != ignored,
            Meeting.starts_at < end,
            Meeting.ends_at > start,
            or_(
                Meeting.organizer_id.in_(ids),
                Meeting.participants.any(Participant.staff_id.in_(ids)),
            ),
        )
        .options(selectinload(Meeting.organizer), selectinload(Meeting.participants))
    ).all()
    by_id = {person.id: person for person in people}
    for new_start, new_end in sorted(times):
        for slot in sorted(slots, key=lambda s: s.starts_at):
            if slot.starts_at < new_end and slot.ends_at > new_start:
                who = [slot.staff_id, *(c.staff_id for c in slot.colleagues)]
                person = by_id[next(i for i in who if i in ids)]
                return Clash(person, slot.starts_at, slot.ends_at, "slot")
        for meeting in sorted(meetings, key=lambda m: m.starts_at):
            if meeting.starts_at < new_end and meeting.ends_at > new_start:
                who = [meeting.organizer_id, *(p.staff_id for p in meeting.participants)]
                person = by_id[next(i for i in who if i in ids)]
                return Clash(person, meeting.starts_at, meeting.ends_at, "meeting")
    return None


def withdraw_slots(unit: UnitOfWork, staff: StaffMember, slots: list[Slot]) -> int:
    """Withdraw the staff member's own times that are not booked (a booked one stays, also
    when it was booked a moment ago); returns how many were withdrawn."""
    unit.own(staff)
    if any(slot.staff_id != staff.id for slot in slots):
        raise Forbidden("only the staff member who offers a time withdraws it")
    ids = [slot.id for slot in slots]
    if not ids:
        return 0
    for slot in slots:
        if slot.family_id is not None and slot.meeting_id is None:
            unit.wrote(slot.family_id, "slot", slot, f"{unit.door}: time withdrawn")
    return unit.session.execute(
        delete(Slot)
        .where(Slot.id.in_(ids), Slot.meeting_id.is_(None))
        .execution_options(synchronize_session=False)
    ).rowcount


# ---- booking, moving, cancelling ----------------------------------------------------------------


def book_slot(unit: UnitOfWork, slot: Slot, guardian: Guardian, note: str | None) -> Meeting:
    """A guardian with custody books a time offered to their family (B1): the meeting of the
    staff member's department, organised by them, with the colleagues the time names, the
    booking guardian and the family's other guardians whom that department states with
    custody. Raises `SlotTaken` when the time was booked in the meantime."""
    staff = slot.staff
    family = guardian.family
    if slot.family_id not in (None, guardian.family_id):
        raise Forbidden("this time is offered to another family")
    if not staff.active or staff.department_id not in guardian.custody_department_ids:
        raise Forbidden("this guardian may not book this staff member's times")
    if slot.meeting_id is not None or slot.starts_at <= utcnow():
        raise SlotTaken()
    if note is not None and len(note) > LONGEST_NOTE:
        raise invalid("note", f"at most {LONGEST_NOTE} characters")
    people = [
        {"staff": staff},
        *({"staff": c.staff} for c in slot.colleagues if c.staff.active),
        {"guardian": guardian},
        *(
            {"guardian": other}
            for other in family.guardians
            if other.id != guardian.id and staff.department_id in other.custody_department_ids
        ),
    ]
    _check_participants(staff.department_id, family, people)
    meeting = Meeting(
        department_id=staff.department_id,
        family=family,
        organizer=staff,
        kind=slot.kind,
        title=f"{MEETING_TITLES[slot.kind]} med {staff.name}"[:200],
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        location=slot.location,
        video_url=slot.video_url,
        status="planned",
        booked_by=guardian,
        booking_note=(note or "").strip() or None,
    )
    unit.session.add(meeting)
    unit.session.add_all(
        Participant(meeting=meeting, added_in_portal=True, **person) for person in people
    )
    unit.session.flush()
    _claim(unit.session, slot, meeting)
    _note(unit, meeting, None)
    return meeting


def move_meeting(
    unit: UnitOfWork,
    meeting: Meeting,
    *,
    by: Guardian | StaffMember,
    reason: str | None,
    slot: Slot | None = None,
    starts_at: datetime | None = None,
    ends_at: datetime | None = None,
    cutoff_hours: float = MEETING_CHANGE_CUTOFF_HOURS,
) -> Meeting:
    """Move a planned meeting. A guardian (B2) moves it to `slot`, another time its organiser
    offers the family, until the cut-off; the old time is offered again. Staff (B3) move it to
    `starts_at`-`ends_at`, refused when one of its staff has something else then (`Clash`);
    the time that was booked for it is withdrawn."""
    _lock_and_check(unit, meeting, by, cutoff_hours)
    before = (meeting.starts_at, meeting.ends_at, meeting.status)
    if isinstance(by, Guardian):
        if slot is None:
            raise invalid("slot", "choose a new time")
        if slot.staff_id != meeting.organizer_id or slot.family_id not in (
            None,
            meeting.family_id,
        ):
            raise Forbidden("a meeting moves to another time its organiser offers the family")
        if slot.meeting_id is not None or slot.starts_at <= utcnow():
            raise SlotTaken()
        _release(unit.session, meeting)
        _claim(unit.session, slot, meeting)
        meeting.starts_at, meeting.ends_at = slot.starts_at, slot.ends_at
        if slot.location or slot.video_url:  # where the new time is, if it says
            meeting.location, meeting.video_url = slot.location, slot.video_url
    else:
        if starts_at is None or ends_at is None or ends_at <= starts_at:
            raise invalid("starts_at", "give a new start and a later end")
        if starts_at <= utcnow():
            raise invalid("starts_at", "a meeting moves to a time that has not begun")
        if (starts_at, ends_at) == (meeting.starts_at, meeting.ends_at):
            raise invalid("starts_at", "the meeting is at this time already")
        people = [p.staff for p in meeting.participants if p.staff is not None]
        if meeting.organizer is not None:
            people.append(meeting.organizer)
        clash = find_clash(unit.session, people, [(starts_at, ends_at)], ignore=meeting)
        if clash is not None:
            raise clash
        _withdraw(unit.session, meeting)
        meeting.starts_at, meeting.ends_at = starts_at, ends_at
    return _changed(unit, meeting, reason, before)


def cancel_meeting(
    unit: UnitOfWork,
    meeting: Meeting,
    *,
    by: Guardian | StaffMember,
    reason: str | None,
    cutoff_hours: float = MEETING_CHANGE_CUTOFF_HOURS,
) -> Meeting:
    """Cancel a planned meeting: by a guardian until the cut-off (B2; its time is offered
    again), or by staff (B3; its time is withdrawn)."""
    _lock_and_check(unit, meeting, by, cutoff_hours)
    before = (meeting.starts_at, meeting.ends_at, meeting.status)
    if isinstance(by, Guardian):
        _release(unit.session, meeting)
    else:
        _withdraw(unit.session, meeting)
    meeting.status = "cancelled"
    return _changed(unit, meeting, reason, before)


def invite(
    unit: UnitOfWork,
    meeting: Meeting,
    *,
    by: StaffMember,
    staff: StaffMember | None = None,
    guardian: Guardian | None = None,
) -> Participant:
    """A staff member who may change the meeting (B4) invites a colleague or a parent the
    meeting's department states, e.g. a parent with information only. The invited parent (and
    nobody told before) hears of the meeting through the outbox; a case system that sends the
    participants again keeps them (`added_in_portal`)."""
    _lock_and_check(unit, meeting, by, cutoff_hours=0)  # staff: until the meeting starts
    if (staff is None) == (guardian is None):
        raise invalid("who", "invite one staff member or one parent")
    if staff is not None and not staff.active:
        raise invalid("who", "this staff member no longer works here")
    if guardian is not None:
        _check_participants(meeting.department_id, meeting.family, [{"guardian": guardian}])
    present = {(p.staff_id, p.guardian_id) for p in meeting.participants}
    if (staff.id if staff else None, guardian.id if guardian else None) in present:
        raise invalid("who", "already takes part")
    participant = Participant(meeting=meeting, staff=staff, guardian=guardian, added_in_portal=True)
    unit.session.add(participant)
    unit.wrote(meeting.family, "meeting", meeting, f"{unit.door}: invitation to a meeting")
    unit.notify(MEETING_PLANNED, meeting.family, meeting=meeting)
    return participant


def _lock_and_check(unit: UnitOfWork, meeting: Meeting, by, cutoff_hours: float) -> None:
    """Wait for another change of the same meeting to finish, then check it afresh."""
    unit.session.refresh(meeting, with_for_update=True)
    now = utcnow()
    if meeting.status != "planned" or meeting.starts_at <= now:
        raise TooLate("the meeting is no longer planned")
    if isinstance(by, Guardian):
        if unit.actor.kind != "guardian" or not guardian_may_change(by, meeting):
            raise Forbidden("this guardian may not change this meeting")
        if now > change_deadline(meeting, cutoff_hours):
            raise TooLate("it is too close to the meeting to change it here")
    elif unit.actor.kind != "staff" or unit.actor.actor_id != by.id:
        raise Forbidden("a staff member changes meetings as themselves")
    elif not staff_may_change(by, meeting):
        raise Forbidden("only the meeting's organiser, participants or contact person change it")


def _changed(unit: UnitOfWork, meeting: Meeting, reason: str | None, before: tuple) -> Meeting:
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > LONGEST_REASON:
        raise invalid("reason", f"at most {LONGEST_REASON} characters")
    meeting.sequence = (meeting.sequence or 0) + 1
    meeting.change_reason = reason
    _note(unit, meeting, before)
    return meeting


def _claim(session: Session, slot: Slot, meeting: Meeting) -> None:
    """Book the time for the meeting, unless someone else did a moment ago: one conditional
    update, which on PostgreSQL waits for a competing booking to end and then sees its result."""
    claimed = session.execute(
        update(Slot)
        .where(Slot.id == slot.id, Slot.meeting_id.is_(None))
        .values(meeting_id=meeting.id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        raise SlotTaken()
    session.expire(slot, ["meeting_id", "meeting"])


def _release(session: Session, meeting: Meeting) -> None:
    """The meeting's time is offered again."""
    session.execute(
        update(Slot)
        .where(Slot.meeting_id == meeting.id)
        .values(meeting_id=None)
        .execution_options(synchronize_session=False)
    )


def _withdraw(session: Session, meeting: Meeting) -> None:
    """The meeting's time is no longer offered."""
    session.execute(
        delete(Slot)
        .where(Slot.meeting_id == meeting.id)
        .execution_options(synchronize_session=False)
    )


# ---- "no time fits" --------------------------------------------------------------------------


def ask_for_time(
    unit: UnitOfWork,
    guardian: Guardian,
    *,
    weekdays: list[str],
    times_of_day: list[str],
    note: str | None,
) -> TimeRequest:
    """A guardian's "no time fits", for the family's contact person."""
    if not weekdays or set(weekdays) - set(WEEKDAYS):
        raise invalid("weekdays", "choose days from Monday to Friday")
    if not times_of_day or set(times_of_day) - set(TIMES_OF_DAY):
        raise invalid("times_of_day", f"choose from {', '.join(TIMES_OF_DAY)}")
    if note is not None and len(note) > LONGEST_NOTE:
        raise invalid("note", f"at most {LONGEST_NOTE} characters")
    family = guardian.family
    request = TimeRequest(
        family=family,
        guardian=guardian,
        staff_id=family.contact_person_id,
        weekdays=[day for day in WEEKDAYS if day in weekdays],
        times_of_day=[time for time in TIMES_OF_DAY if time in times_of_day],
        note=(note or "").strip() or None,
        created_at=utcnow(),
    )
    unit.session.add(request)
    unit.wrote(family, "time_request", request, f"{unit.door}: no time fits")
    return request


def mark_request_handled(unit: UnitOfWork, request: TimeRequest, staff: StaffMember) -> None:
    """The contact person has answered the family's request."""
    unit.own(staff)
    if request.staff_id != staff.id:
        raise Forbidden("only the contact person it was sent to handles a request")
    if request.handled_at is None:
        request.handled_at = utcnow()
        unit.wrote(request.family_id, "time_request", request, f"{unit.door}: handled")
