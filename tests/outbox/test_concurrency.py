"""Any number of workers share one PostgreSQL without sending a message twice: three workers
drain 1,000 notifications into a real SMTP server on loopback, each exactly once."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Delivery, Family, Guardian, GuardianStatement, Meeting, OutboxMessage
from portal.models.base import utcnow
from portal.outbox.worker import run
from tests.factories import staff_of
from tests.outbox.receivers import ReferenceCounter

FAMILIES, GUARDIANS = 100, 10  # one meeting event per family: 1,000 notifications


def crowd(session, families: int, guardians: int) -> None:
    """Families whose guardians BUF states with custody, each with a BUF meeting planned."""
    buf, staff = staff_of(session, "buf")
    starts = utcnow() + timedelta(days=20)
    for f in range(families):
        family = Family(external_id=f"crowd-{uuid.uuid4().hex[:10]}", display_name="Familien")
        for g in range(guardians):
            details = {
                "name": f"Forælder {f}-{g}",
                "access_level": "custody",
                "email": f"crowd{f}-{g}@example.org",
                "preferred_language": "da",
                "notify_by": "email",
            }
            guardian = Guardian(family=family, person_number_hash=uuid.uuid4().hex, **details)
            guardian.statements.append(GuardianStatement(department_id=buf.id, **details))
            session.add(guardian)
        session.add(
            Meeting(
                family=family,
                department_id=buf.id,
                organizer=staff[0],
                kind="samtale",
                title="Møde",
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
            )
        )
    session.flush()
    for meeting in session.scalars(select(Meeting).where(Meeting.title == "Møde")):
        if meeting.family.external_id.startswith("crowd-"):
            session.add(
                OutboxMessage(
                    kind="meeting_planned",
                    family_id=meeting.family_id,
                    payload={"meeting_id": meeting.id},
                )
            )
    session.commit()


@pytest.fixture
def counter(app):
    """A lean SMTP server for the load (tests/mail.py's parses every message)."""
    smtp = {name: app.config[name] for name in ("SMTP_HOST", "SMTP_PORT")}
    with ReferenceCounter() as server:
        app.config.update(server.config())
        yield server
    app.config.update(smtp)


def drain_in_threads(app, settings, workers: int, done) -> dict[int, int]:
    """Run `workers` workers (threads, each with its own session) until `done()`."""
    stop = threading.Event()
    sent: dict[int, int] = {}
    failures: list[BaseException] = []

    def worker(number: int) -> None:
        try:
            with app.app_context():
                sent[number] = run(settings, stop).sent
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    try:
        done()
    finally:
        stop.set()
        for thread in threads:
            thread.join(30)
    assert failures == []
    return sent


def test_three_workers_deliver_a_thousand_notifications_each_exactly_once(
    app, session, settings, counter
):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("several workers share PostgreSQL; on SQLite one worker is enough")
    crowd(session, FAMILIES, GUARDIANS)
    total = FAMILIES * GUARDIANS

    def all_sent() -> None:
        counter.wait_for(total, timeout=120)
        deadline = time.monotonic() + 30
        while session.scalar(select(func.count()).where(Delivery.status != "sent")):
            assert time.monotonic() < deadline, "not all recorded as sent"
            time.sleep(0.05)
            session.rollback()

    sent = drain_in_threads(app, settings, 3, all_sent)

    assert len(counter.references) == total, "none twice"
    deliveries = session.scalars(select(Delivery)).all()
    assert len(deliveries) == total
    assert {d.reference for d in deliveries} == set(counter.references), "none missing"
    assert {d.attempts for d in deliveries} == {1}
    assert sum(sent.values()) == total, sent
