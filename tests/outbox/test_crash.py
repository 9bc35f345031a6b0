"""A worker killed (SIGKILL) in the middle of a send: once its lease has run out, another
worker sends the message again under the same reference, and the receiving side, counting
distinct references, has every message once and none missing. Real processes
(`flask --app portal outbox work`) against the test database (a SQLite file or PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from portal.models import Delivery
from portal.models.base import utcnow
from tests.mail import LOOPBACK
from tests.outbox.conftest import PUBLIC_URL
from tests.outbox.receivers import StallingServer
from tests.outbox_factories import Parent, current_stage, event, household

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 1


def worker(app, server: StallingServer, log: Path, *args: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "PORTAL_ENV": "test",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "PUBLIC_URL": PUBLIC_URL,
        "SMTP_HOST": LOOPBACK,
        "SMTP_PORT": str(server.port),
        "SMTP_TIMEOUT_SECONDS": "30",
        "OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
        "OUTBOX_POLL_SECONDS": "0.1",
    }
    command = [sys.executable, "-m", "flask", "--app", "portal", "outbox", "work", *args]
    with log.open("a") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)


def test_a_send_cut_short_by_sigkill_goes_out_again_under_the_same_reference(
    app, session, tmp_path
):
    for n in range(3):
        home = household(session, [Parent(f"Forælder {n}", email=f"crash{n}@example.org")])
        event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))
    log = tmp_path / "workers.log"
    with StallingServer() as server:
        first = worker(app, server, log)
        try:
            assert server.stalled.wait(60), log.read_text()
            first.send_signal(signal.SIGKILL)  # mid-send: the message is there, no answer yet
            first.wait(10)
        finally:
            if first.poll() is None:
                first.kill()
        stalled_reference = server.references[0]
        server.release.set()
        # The killed worker's lease runs out; until then nobody touches its deliveries.
        deadline = time.monotonic() + 10
        while session.scalar(select(func.max(Delivery.claimed_until))) > utcnow():
            assert time.monotonic() < deadline
            time.sleep(0.1)
            session.rollback()
        second = worker(app, server, log, "--once")
        assert second.wait(60) == 0, log.read_text()

    session.expire_all()
    deliveries = session.scalars(select(Delivery)).all()
    assert [d.status for d in deliveries] == ["sent"] * 3, log.read_text()
    assert set(server.references) == {d.reference for d in deliveries}, "none missing"
    assert server.references.count(stalled_reference) == 2, "sent again, same reference"
    assert len(server.references) == 4
    assert (
        session.scalar(select(Delivery.attempts).where(Delivery.reference == stalled_reference))
        == 2
    )
