"""A reminder the day before each planned meeting, at MEETING_REMINDER_HOUR Copenhagen time,
scheduled through the same outbox: an event of kind `meeting_reminder`, due then, named by
the meeting and its time (`dedupe_key`), so a meeting has at most one reminder per time.

The meeting's own events keep it in step when they are fanned out: a moved meeting moves its
waiting reminder, a cancelled one cancels it. When the reminder falls due, the meeting is
looked at again, and a reminder for a time the meeting no longer has tells nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.domain.clocks import COPENHAGEN
from portal.models import Meeting, OutboxMessage
from portal.notify.texts import MEETING_REMINDER


def reminder_time(starts_at: datetime, hour: int) -> datetime:
    """The day before the meeting (in Copenhagen) at `hour` o'clock, in UTC."""
    day_before = starts_at.astimezone(COPENHAGEN).date() - timedelta(days=1)
    return datetime.combine(day_before, time(hour), tzinfo=COPENHAGEN).astimezone(UTC)


def reminder_key(meeting: Meeting) -> str:
    return f"{MEETING_REMINDER}:{meeting.id}:{meeting.starts_at.astimezone(UTC):%Y%m%dT%H%MZ}"


def follow_meeting(session: Session, meeting: Meeting, hour: int, now: datetime) -> None:
    """Schedule, move or cancel the meeting's waiting reminder to match the meeting now.
    Runs inside the fan-out's transaction, with the family locked."""
    waiting = [
        row
        for row in session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.kind == MEETING_REMINDER,
                OutboxMessage.family_id == meeting.family_id,
                OutboxMessage.status == "pending",
            )
            .order_by(OutboxMessage.id)
            # One that another worker is fanning out right now looks at the meeting itself.
            .with_for_update(skip_locked=True)
        )
        if (row.payload or {}).get("meeting_id") == meeting.id
    ]
    due = reminder_time(meeting.starts_at, hour)
    wanted = meeting.status == "planned" and due > now
    key = reminder_key(meeting)
    keep = None
    if wanted and waiting:
        keep = next((row for row in waiting if row.dedupe_key == key), waiting[0])
    for row in waiting:
        if row is not keep:
            row.status = "cancelled"
    if not wanted:
        return
    exists = session.scalar(
        select(OutboxMessage.id).where(
            OutboxMessage.dedupe_key == key,
            OutboxMessage.id != (keep.id if keep else -1),
        )
    )
    if exists is not None:  # this very reminder was sent (or taken) already
        if keep is not None:
            keep.status = "cancelled"
        return
    if keep is None:
        session.add(
            OutboxMessage(
                kind=MEETING_REMINDER,
                family_id=meeting.family_id,
                payload={"meeting_id": meeting.id},
                dedupe_key=key,
                next_attempt_at=due,
                created_at=now,
            )
        )
    else:
        keep.dedupe_key = key
        keep.next_attempt_at = due
