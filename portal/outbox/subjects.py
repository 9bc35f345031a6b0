"""What an event in the outbox is about, found again when it is fanned out, and whether one
guardian may hear of it. Who may see what is decided by `portal/access.py` alone: a case by
`FamilyAccess.sees_case`, a child's offer by `sees_offer`, a meeting by `meeting_visible`, an
update from staff by `sees_update`, an answer in a conversation by `sees_thread` — the same
rules as the family pages, so an information-only guardian hears of the meetings they are
invited to and of answers in their own conversations, never of a case's steps or decisions
or of an update."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from portal.access import FamilyAccess, meeting_visible, sees_thread
from portal.models import (
    Case,
    CaseEvent,
    ChildOffer,
    Handover,
    Meeting,
    OutboxMessage,
    Stage,
    Thread,
    Update,
)
from portal.notify.texts import (
    CONTACT_PERSON_CHANGED,
    DECISION_MADE,
    MEETING_CANCELLED,
    MEETING_KINDS,
    MEETING_MOVED,
    MEETING_PLANNED,
    MEETING_REMINDER,
    MESSAGE_ANSWERED,
    OFFER_DECIDED,
    STAGE_STARTED,
    UPDATE_POSTED,
)
from portal.outbox.reminders import reminder_key

log = logging.getLogger("portal.outbox")
DECIDED = ("granted", "declined")


@dataclass(frozen=True)
class Subject:
    """`topic` names the thing (e.g. "meeting:12"), `fingerprint` what is told about it: a
    guardian who was last told the same fingerprint on the topic is not told again."""

    kind: str
    topic: str
    fingerprint: str
    starts_at: datetime | None = None
    case: Case | None = None
    meeting: Meeting | None = None
    child_offer: ChildOffer | None = None
    update: Update | None = None
    thread: Thread | None = None  # a conversation with an answer (M4)

    @property
    def meeting_change(self) -> bool:
        return self.kind in MEETING_KINDS and self.kind != MEETING_REMINDER


def subject_of(session: Session, message: OutboxMessage) -> Subject | None:
    """The subject as it stands now; None when there is nothing (left) to tell."""
    ids = message.payload or {}
    kind = message.kind
    if kind == STAGE_STARTED:
        stage = _get(session, Stage, ids.get("stage_id"))
        if stage is None:
            return None
        return Subject(kind, f"stage:{stage.id}", "started", case=stage.case)
    if kind == DECISION_MADE:
        event = _get(session, CaseEvent, ids.get("event_id"))
        if event is None or event.kind != "decision" or event.visibility != "family":
            return None
        return Subject(kind, f"decision:{event.id}", "decided", case=event.case)
    if kind == OFFER_DECIDED:
        offer = _get(session, ChildOffer, ids.get("child_offer_id"))
        if offer is None or offer.status not in DECIDED:
            return None
        return Subject(kind, f"offer:{offer.id}", offer.status, child_offer=offer)
    if kind == UPDATE_POSTED:
        posted = _get(session, Update, ids.get("update_id"))
        if posted is None:
            return None
        return Subject(kind, f"update:{posted.id}", "posted", update=posted)
    if kind == MESSAGE_ANSWERED:
        thread = _get(session, Thread, ids.get("thread_id"))
        if thread is None:
            return None
        # Each answer is news of its own; what it says never leaves the portal.
        answer = f"answer:{ids.get('message_id')}"
        return Subject(kind, f"thread:{thread.id}", answer, thread=thread)
    if kind == CONTACT_PERSON_CHANGED:
        return _contact_news(session, ids)
    if kind in MEETING_KINDS:
        meeting = _get(session, Meeting, ids.get("meeting_id"))
        if meeting is None:
            return None
        if kind == MEETING_REMINDER:
            if meeting.status != "planned" or message.dedupe_key != reminder_key(meeting):
                return None  # cancelled or moved since: its own reminder is kept elsewhere
            when = meeting.starts_at
            return Subject(kind, f"reminder:{meeting.id}", _minute(when), when, meeting=meeting)
        return _meeting_news(kind, meeting)
    log.warning("outbox event %s has an unknown kind %r; nothing told", message.id, kind)
    return None


def _contact_news(session: Session, ids: dict) -> Subject | None:
    """A hand-over (docs/access.md H1), told only while its new contact person is still the
    one the family sees: after a quick second hand-over, the second one tells."""
    handover = _get(session, Handover, ids.get("handover_id"))
    if handover is None or handover.to_staff_id is None:
        return None
    if handover.family.contact_person_id != handover.to_staff_id:
        return None
    topic = f"contact_person:{handover.family_id}"
    return Subject(CONTACT_PERSON_CHANGED, topic, f"staff:{handover.to_staff_id}")


def _meeting_news(kind: str, meeting: Meeting) -> Subject | None:
    """What a meeting's event tells, by what the meeting is now (events may be late)."""
    if meeting.status == "cancelled":
        told = MEETING_CANCELLED
    elif meeting.status != "planned":
        return None  # held: nothing to tell
    elif kind == MEETING_MOVED:
        told = MEETING_MOVED
    else:
        told = MEETING_PLANNED
    fingerprint = f"{meeting.status} {_minute(meeting.starts_at)}"
    return Subject(told, f"meeting:{meeting.id}", fingerprint, meeting.starts_at, meeting=meeting)


def who_may_see(session: Session, accesses: list[FamilyAccess], subject: Subject) -> list[bool]:
    """For each guardian's access, whether they may hear of the subject (docs/access.md
    G1-G3). A meeting is asked of the database once for all of them, by `meeting_visible`."""
    if subject.meeting is not None:
        known = [a for a in accesses if a.known_by]
        sees: dict[int, bool] = {}
        if known:
            row = session.execute(
                select(
                    *(
                        exists().where(Meeting.id == subject.meeting.id, meeting_visible(a))
                        for a in known
                    )
                )
            ).one()
            sees = {id(a): bool(value) for a, value in zip(known, row, strict=True)}
        return [sees.get(id(a), False) for a in accesses]
    return [bool(a.known_by) and _sees(a, subject) for a in accesses]


def _sees(access: FamilyAccess, subject: Subject) -> bool:
    """By the subject's own rule (G2, G3); `who_may_see` has checked G1 first."""
    if subject.case is not None:
        return access.sees_case(subject.case)
    if subject.child_offer is not None:
        offer = subject.child_offer
        return access.sees_offer(offer) and access.sees_child(offer.child)
    if subject.update is not None:
        return access.sees_update(subject.update)
    if subject.thread is not None:
        return sees_thread(access, subject.thread)
    # Every guardian a department vouches for (G1) sees their contact person (H1).
    return subject.kind == CONTACT_PERSON_CHANGED


def _get(session: Session, model, row_id):
    return session.get(model, row_id) if isinstance(row_id, int) else None


def _minute(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
