"""Sending due deliveries: claim with a lease, commit, send outside any transaction, record.

A claim gives the delivery to this worker until `claimed_until`. If the worker dies mid-send,
the delivery is taken up again when the lease has run out, and goes out under the same
reference, so the receiving side can tell a resend from a new message. The guardian's channel
and language are settled at the first attempt (a preference changed before then counts; a
retry keeps them); the address is read from the guardian each time, and never kept.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from portal.models import Delivery, Guardian
from portal.notify.channels import Outgoing, PermanentFailure, TemporaryFailure, send
from portal.notify.texts import Item, compose, portal_links
from portal.outbox.claims import claim
from portal.outbox.retries import next_try, short_error
from portal.outbox.settings import Clock, OutboxSettings

log = logging.getLogger("portal.outbox")


@dataclass(frozen=True)
class Job:
    delivery_id: int
    token: str
    claimed_until: datetime
    outgoing: Outgoing


def claimable(now: datetime):
    """Due and waiting, or held by a worker whose lease has run out."""
    return ((Delivery.status == "pending") & (Delivery.next_attempt_at <= now)) | (
        (Delivery.status == "sending") & (Delivery.claimed_until < now)
    )


def claim_deliveries(
    session: Session, settings: OutboxSettings, clock: Clock
) -> tuple[int, list[Job]]:
    """Take up to a batch of due deliveries for this worker and prepare what to send; returns
    how many were taken and the jobs to send. A delivery whose guardian chose no notifications
    is marked skipped here, with nothing sent."""
    now = clock()
    token = uuid.uuid4().hex
    until = now + settings.lease
    ids = claim(
        session,
        Delivery,
        claimable(now),
        (Delivery.next_attempt_at, Delivery.id),
        settings.batch_size,
        status="sending",
        attempts=Delivery.attempts + 1,
        claimed_until=until,
        lease_token=token,
        started_at=func.coalesce(Delivery.started_at, now),
        last_attempt_at=now,
    )
    if not ids:
        session.commit()
        return 0, []
    deliveries = session.scalars(
        select(Delivery)
        .where(Delivery.id.in_(ids))
        .options(selectinload(Delivery.notices), selectinload(Delivery.guardian))
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .execution_options(populate_existing=True)
    ).all()
    links = portal_links(current_app)  # a setting missing: nothing is taken (rolled back)
    jobs = []
    for delivery in deliveries:
        try:
            outgoing = _prepare(delivery, settings, links, now)
        except Exception as error:  # this delivery cannot be written: the operator sees it
            log.exception("outbox: delivery %s could not be composed", delivery.reference)
            _settle(delivery, "failed", short_error(error))
            continue
        if outgoing is not None:
            jobs.append(Job(delivery.id, token, until, outgoing))
    session.commit()
    return len(ids), jobs


def _prepare(
    delivery: Delivery, settings: OutboxSettings, links: tuple[str, str], now: datetime
) -> Outgoing | None:
    guardian: Guardian = delivery.guardian
    if delivery.attempts > settings.max_attempts:  # workers died on it again and again
        _settle(delivery, "failed", "gave up: the worker stopped during every attempt")
        return None
    if delivery.channel is None:
        delivery.channel = guardian.notify_by
        delivery.language = guardian.preferred_language
    if delivery.channel == "none":
        _settle(delivery, "skipped", None)
        return None
    address = guardian.email if delivery.channel == "email" else guardian.phone
    if not address:
        what = "e-mail address" if delivery.channel == "email" else "mobile number"
        _settle(delivery, "failed", f"the guardian has no {what} for the chosen channel")
        return None
    items = [Item(n.kind, n.starts_at) for n in delivery.notices]
    composed = compose(items, delivery.language, *links, now=now)
    return Outgoing(delivery.reference, delivery.channel, address, delivery.language, composed)


def _settle(delivery: Delivery, status: str, error: str | None) -> None:
    delivery.status = status
    delivery.last_error = error
    delivery.claimed_until = None
    delivery.lease_token = None


def send_jobs(
    session: Session, jobs: list[Job], settings: OutboxSettings, clock: Clock, config: Mapping
) -> int:
    """Send each claimed delivery and record what happened; returns how many went out. A
    delivery whose lease is half gone before its turn is handed back untouched."""
    sent = 0
    for index, job in enumerate(jobs):
        if clock() > job.claimed_until - settings.lease / 2:
            release(session, jobs[index:], clock())
            break
        try:
            send(job.outgoing, config)
        except PermanentFailure as error:
            record_failure(session, job, error, clock(), settings, permanent=True)
        except TemporaryFailure as error:
            record_failure(session, job, error, clock(), settings, permanent=False)
        except Exception as error:  # a fault of ours: log it, and try again later
            log.exception("outbox: delivery %s failed unexpectedly", job.outgoing.reference)
            record_failure(session, job, error, clock(), settings, permanent=False)
        else:
            record_sent(session, job, clock())
            sent += 1
    return sent


def _mine(job: Job):
    """Only while this worker still holds the delivery (its lease may have been taken over)."""
    return (
        (Delivery.id == job.delivery_id)
        & (Delivery.status == "sending")
        & (Delivery.lease_token == job.token)
    )


def _record(session: Session, job: Job, **values) -> bool:
    done = session.execute(
        update(Delivery).where(_mine(job)).values(claimed_until=None, lease_token=None, **values),
        execution_options={"synchronize_session": False},
    )
    session.commit()
    return done.rowcount == 1


def record_sent(session: Session, job: Job, now: datetime) -> None:
    _record(session, job, status="sent", sent_at=now, last_error=None)
    log.info("outbox: delivery %s sent by %s", job.outgoing.reference, job.outgoing.channel)


def record_failure(
    session: Session,
    job: Job,
    error: Exception,
    now: datetime,
    settings: OutboxSettings,
    *,
    permanent: bool,
) -> None:
    attempts = session.scalar(select(Delivery.attempts).where(Delivery.id == job.delivery_id))
    gave_up = permanent or attempts >= settings.max_attempts
    _record(
        session,
        job,
        status="failed" if gave_up else "pending",
        next_attempt_at=now if gave_up else next_try(now, attempts, settings),
        last_error=short_error(error),
    )
    log.warning(
        "outbox: delivery %s %s: %s",
        job.outgoing.reference,
        "failed" if gave_up else f"will be tried again (attempt {attempts})",
        short_error(error),
    )


def release(session: Session, jobs: list[Job], now: datetime) -> None:
    """Hand claimed deliveries back without an attempt counted, due at once."""
    for job in jobs:
        session.execute(
            update(Delivery)
            .where(_mine(job))
            .values(
                status="pending",
                attempts=Delivery.attempts - 1,
                next_attempt_at=now,
                claimed_until=None,
                lease_token=None,
            ),
            execution_options={"synchronize_session": False},
        )
    session.commit()
