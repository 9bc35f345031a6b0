"""From events to notices: each due event in the outbox becomes one notice per guardian who
may see it, put into a delivery for that guardian.

Calm, not noisy: a guardian gets at most one delivery per OUTBOX_DIGEST_MINUTES. A notice
joins the guardian's delivery that is still waiting (never one already attempted, whose
reference the receiving side may have seen) or starts a new one, due when the window since
their last delivery has passed. A meeting planned, moved or cancelled less than
OUTBOX_URGENT_HOURS before it is due at once. What the guardian was last told about the same
thing is not told again (the same stage reported twice gives one notice).

Fan-out only reads and writes the database, so it runs in one short transaction per batch of
events, with the events' families locked (`claims.lock_families`).
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from portal.access import guardian_access
from portal.models import Delivery, Guardian, Notice, OutboxMessage
from portal.outbox.claims import claim, lock_families
from portal.outbox.reminders import follow_meeting
from portal.outbox.retries import next_try, short_error
from portal.outbox.settings import Clock, OutboxSettings
from portal.outbox.subjects import Subject, subject_of, who_may_see

log = logging.getLogger("portal.outbox")
# Deliveries that count for the quiet window: taken up by a worker, and not given up.
WINDOW_STATUSES = ("pending", "sending", "sent")


def fan_out_due(session: Session, settings: OutboxSettings, clock: Clock) -> int:
    """Fan out up to one batch of due events; returns how many were taken."""
    now = clock()
    due = (OutboxMessage.status == "pending") & (OutboxMessage.next_attempt_at <= now)
    ids: list[int] = []
    try:
        ids = claim(
            session,
            OutboxMessage,
            due,
            (OutboxMessage.next_attempt_at, OutboxMessage.id),
            settings.batch_size,
            status="done",
            attempts=OutboxMessage.attempts + 1,
            sent_at=now,
            last_error=None,
        )
        if ids:
            _fan_out(session, ids, settings, now)
        session.commit()
        return len(ids)
    except Exception:
        session.rollback()
        if not ids:
            raise
        log.exception("outbox: fanning out a batch failed; trying its events one at a time")
    for message_id in ids:
        _fan_out_alone(session, message_id, settings, clock)
    return len(ids)


def _fan_out_alone(session: Session, message_id: int, settings: OutboxSettings, clock: Clock):
    now = clock()
    claimable = (OutboxMessage.id == message_id) & (OutboxMessage.status == "pending")
    try:
        taken = claim(
            session,
            OutboxMessage,
            claimable,
            (OutboxMessage.id,),
            1,
            status="done",
            attempts=OutboxMessage.attempts + 1,
            sent_at=now,
            last_error=None,
        )
        if taken:
            _fan_out(session, taken, settings, now)
        session.commit()
    except Exception as error:
        session.rollback()
        log.exception("outbox: event %s could not be fanned out", message_id)
        attempts = (session.get(OutboxMessage, message_id).attempts or 0) + 1
        gave_up = attempts >= settings.max_attempts
        session.execute(
            update(OutboxMessage)
            .where(claimable)
            .values(
                attempts=attempts,
                status="failed" if gave_up else "pending",
                next_attempt_at=now if gave_up else next_try(now, attempts, settings),
                last_error=short_error(error),
            ),
            execution_options={"synchronize_session": False},
        )
        session.commit()


def _fan_out(session: Session, ids: list[int], settings: OutboxSettings, now: datetime) -> None:
    messages = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.id.in_(ids))
        .order_by(OutboxMessage.id)
        .execution_options(populate_existing=True)
    ).all()
    family_ids = {m.family_id for m in messages}
    lock_families(session, family_ids)
    guardians: dict[int, list[Guardian]] = defaultdict(list)
    for guardian in session.scalars(
        select(Guardian)
        .where(Guardian.family_id.in_([i for i in family_ids if i is not None]))
        .options(selectinload(Guardian.statements), selectinload(Guardian.family))
        .order_by(Guardian.id)
    ):
        guardians[guardian.family_id].append(guardian)
    for message in messages:
        fan_out(session, message, guardians[message.family_id], settings, now)


def fan_out(
    session: Session,
    message: OutboxMessage,
    guardians: list[Guardian],
    settings: OutboxSettings,
    now: datetime,
) -> int:
    """One event: a notice for each of the family's guardians who may see it (or only the
    guardian it names). Returns how many were told."""
    subject = subject_of(session, message)
    if subject is None:
        return 0
    targets = [g for g in guardians if message.guardian_id in (None, g.id)]
    seeing = who_may_see(session, [guardian_access(g) for g in targets], subject)
    allowed = [g.id for g, sees in zip(targets, seeing, strict=True) if sees]
    told = tell(session, message, allowed, subject, settings, now)
    if subject.meeting_change:
        follow_meeting(session, subject.meeting, settings.reminder_hour, now)
    return told


def tell(
    session: Session,
    message: OutboxMessage,
    guardian_ids: list[int],
    subject: Subject,
    settings: OutboxSettings,
    now: datetime,
) -> int:
    """A notice for each of these guardians, unless it is what they were last told about the
    same thing; returns how many were told."""
    if not guardian_ids:
        return 0
    last = {
        row.guardian_id: row
        for row in session.execute(
            select(Notice.guardian_id, Notice.fingerprint, Notice.starts_at)
            .where(Notice.guardian_id.in_(guardian_ids), Notice.topic == subject.topic)
            .order_by(Notice.id)
        )
    }  # the newest per guardian wins
    fresh = [g for g in guardian_ids if g not in last or last[g].fingerprint != subject.fingerprint]
    urgent = {g: _urgent(subject, last.get(g), settings, now) for g in fresh}
    deliveries = _deliveries_for(session, fresh, urgent, settings, now)
    for guardian_id in fresh:
        notice = Notice(
            message_id=message.id,
            guardian_id=guardian_id,
            kind=subject.kind,
            topic=subject.topic,
            fingerprint=subject.fingerprint,
            starts_at=subject.starts_at,
            urgent=urgent[guardian_id],
            created_at=now,
            case_id=subject.case.id if subject.case else None,
            meeting_id=subject.meeting.id if subject.meeting else None,
            child_offer_id=subject.child_offer.id if subject.child_offer else None,
            update_id=subject.update.id if subject.update else None,
        )
        delivery = deliveries[guardian_id]
        if isinstance(delivery, Delivery):  # new in this transaction
            notice.delivery = delivery
        else:
            notice.delivery_id = delivery
        session.add(notice)
    return len(fresh)


def _urgent(subject: Subject, last, settings: OutboxSettings, now: datetime) -> bool:
    """A meeting change less than OUTBOX_URGENT_HOURS before the meeting, at its new time or
    at the time the guardian was last told."""
    return subject.meeting_change and any(
        when is not None and when - now < settings.urgent
        for when in (subject.starts_at, last.starts_at if last else None)
    )


def _deliveries_for(
    session: Session,
    guardian_ids: list[int],
    urgent: dict[int, bool],
    settings: OutboxSettings,
    now: datetime,
) -> dict[int, int | Delivery]:
    """Per guardian: their waiting delivery's id (brought forward when urgent), or a new
    delivery, due when their quiet window since the last delivery has passed."""
    found: dict[int, int | Delivery] = {}
    waiting = {}
    for row in session.execute(
        select(Delivery.guardian_id, Delivery.id, Delivery.next_attempt_at)
        .where(
            Delivery.guardian_id.in_(guardian_ids),
            Delivery.status == "pending",
            Delivery.started_at.is_(None),
        )
        .order_by(Delivery.id.desc())
    ):
        waiting[row.guardian_id] = row  # the oldest per guardian
    for guardian_id, row in waiting.items():
        due = min(row.next_attempt_at, now) if urgent[guardian_id] else row.next_attempt_at
        # Join it only if no worker has taken it meanwhile (the row's lock, or SQLite's one
        # writer, makes this check and the join one step).
        joined = session.execute(
            update(Delivery)
            .where(
                Delivery.id == row.id,
                Delivery.status == "pending",
                Delivery.started_at.is_(None),
            )
            .values(next_attempt_at=due),
            execution_options={"synchronize_session": False},
        )
        if joined.rowcount == 1:
            found[guardian_id] = row.id
    others = [g for g in guardian_ids if g not in found]
    if not others:
        return found
    last_started = dict(
        session.execute(
            select(Delivery.guardian_id, func.max(Delivery.started_at))
            .where(Delivery.guardian_id.in_(others), Delivery.status.in_(WINDOW_STATUSES))
            .group_by(Delivery.guardian_id)
        ).all()
    )
    for guardian_id in others:
        last = last_started.get(guardian_id)
        due = now if urgent[guardian_id] or last is None else max(now, last + settings.digest)
        delivery = Delivery(
            reference=str(uuid.uuid4()),
            guardian_id=guardian_id,
            status="pending",
            created_at=now,
            next_attempt_at=due,
        )
        session.add(delivery)
        found[guardian_id] = delivery
    return found
