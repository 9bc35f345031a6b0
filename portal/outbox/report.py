"""What the operator sees of the outbox (`flask --app portal outbox status|failed|retry`):
counts by state, the oldest waiting work, failed deliveries — never content or addresses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from portal.models import Delivery, OutboxMessage
from portal.models.messages import OUTBOX_STATUSES
from portal.models.notifications import DELIVERY_STATUSES


@dataclass(frozen=True)
class Oldest:
    id: int
    kind: str  # an event's kind, or "delivery"
    due: datetime
    created_at: datetime


@dataclass(frozen=True)
class Status:
    events: dict[str, int]
    deliveries: dict[str, int]
    oldest_event: Oldest | None
    oldest_delivery: Oldest | None


def _counts(session: Session, model, statuses: tuple[str, ...]) -> dict[str, int]:
    found = dict(session.execute(select(model.status, func.count()).group_by(model.status)).all())
    return {status: found.get(status, 0) for status in statuses}


def status(session: Session) -> Status:
    event = session.execute(
        select(
            OutboxMessage.id,
            OutboxMessage.kind,
            OutboxMessage.next_attempt_at,
            OutboxMessage.created_at,
        )
        .where(OutboxMessage.status == "pending")
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
        .limit(1)
    ).first()
    delivery = session.execute(
        select(Delivery.id, Delivery.next_attempt_at, Delivery.created_at)
        .where(Delivery.status.in_(("pending", "sending")))
        .order_by(Delivery.created_at, Delivery.id)
        .limit(1)
    ).first()
    return Status(
        events=_counts(session, OutboxMessage, OUTBOX_STATUSES),
        deliveries=_counts(session, Delivery, DELIVERY_STATUSES),
        oldest_event=Oldest(*event) if event else None,
        oldest_delivery=Oldest(delivery[0], "delivery", delivery[1], delivery[2])
        if delivery
        else None,
    )


def failed_deliveries(session: Session, limit: int = 100) -> list[Delivery]:
    return session.scalars(
        select(Delivery)
        .where(Delivery.status == "failed")
        .order_by(Delivery.last_attempt_at.desc(), Delivery.id.desc())
        .limit(limit)
    ).all()


def failed_events(session: Session, limit: int = 100) -> list[OutboxMessage]:
    return session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == "failed")
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    ).all()


def retry_delivery(session: Session, delivery_id: int, now: datetime) -> bool:
    """Send a failed delivery again, under its reference, by the guardian's channel and in
    their language as they are now, with its attempts counted afresh. False if it is not
    failed (sent, waiting or unknown)."""
    done = session.execute(
        update(Delivery)
        .where(Delivery.id == delivery_id, Delivery.status == "failed")
        .values(
            status="pending",
            attempts=0,
            next_attempt_at=now,
            channel=None,
            language=None,
            last_error=None,
        ),
        execution_options={"synchronize_session": False},
    )
    session.commit()
    return done.rowcount == 1


def retry_event(session: Session, message_id: int, now: datetime) -> bool:
    """Fan a failed event out again."""
    done = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.status == "failed")
        .values(status="pending", attempts=0, next_attempt_at=now, last_error=None),
        execution_options={"synchronize_session": False},
    )
    session.commit()
    return done.rowcount == 1
