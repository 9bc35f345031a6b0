"""A web worker killed with SIGKILL in the middle of a write leaves the whole change or none of
it (issue 15): a parent's booking, a parent's new message and an API batch.

One real gunicorn (one worker) on PostgreSQL, through a line that slows every packet
(tests/faults.py), so a request spends a while talking to the database. Each write is sent once
untouched, to learn what it leaves and how long it takes; then it is sent again (fresh data each
time) and the worker is killed at four moments: while it reads, as soon as its transaction holds
written rows, later in the writing, and as soon as it has committed (before it has heard so over
the slow line). The client sees the connection dropped; the master starts a new worker; the
database, read past the line, must then hold every row the untouched write left, or none."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from portal.api.oauth import SCOPES, create_client
from portal.extensions import db
from portal.models import (
    AuditEntry,
    Case,
    CaseEvent,
    ExternalReference,
    IdempotencyRecord,
    Message,
    OutboxMessage,
    Participant,
    Slot,
    Stage,
    Thread,
    ThreadRead,
)
from tests.api.conftest import basic_auth, family_body, first_stage_code, unique
from tests.database_state import row_counts
from tests.faults import FaultyLine
from tests.integration import booking_helpers
from tests.integration.test_two_instances import (
    LoopbackBrowser,
    csrf_from,
    gunicorn_master,
    instance_environment,
)

world = booking_helpers.world  # the fixture
# Decided before any fixture is built (tests/conftest.py's `own_database` reads the same).
pytestmark = pytest.mark.skipif(
    os.environ.get("TEST_DATABASE", "sqlite") == "sqlite",
    reason="a worker is killed while it talks to PostgreSQL (TEST_DATABASE is SQLite)",
)

PACKET_DELAY = 0.03  # seconds each packet waits, both ways, between the worker and PostgreSQL
EVENTS_PER_BATCH = 4
SETTLE_BOUND = 20  # seconds for a new worker to serve and the killed transaction to end
FIGURES: dict[str, dict] = {}  # printed with -s; quoted in the report


@dataclass
class Portal:
    base: str
    master: subprocess.Popen
    line: FaultyLine
    watch: object  # an engine straight on the database, in autocommit: fresh statistics

    def worker(self) -> int | None:
        """The master's one worker (None while it starts a new one)."""
        found = subprocess.run(
            ["pgrep", "-P", str(self.master.pid)], capture_output=True, text=True
        ).stdout.split()
        return int(found[0]) if len(found) == 1 else None

    def writing(self) -> str | None:
        """The transaction id of the worker's transaction while it holds written rows (PostgreSQL
        gives one at the first write; it is gone when the transaction ends), else None. Nothing
        but the worker writes to this database while a write is in flight."""
        with self.watch.connect() as connection:
            return connection.scalar(
                text(
                    "SELECT backend_xid::text FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    " AND backend_xid IS NOT NULL LIMIT 1"
                )
            )

    def settle(self, killed: int) -> float:
        """Wait for a new worker that serves and for the killed one's transaction to be gone."""
        started = time.monotonic()
        while time.monotonic() - started < SETTLE_BOUND:
            worker = self.worker()
            if worker not in (None, killed) and self.writing() is None:
                try:
                    if httpx.get(f"{self.base}/readyz", timeout=5).status_code == 200:
                        return time.monotonic() - started
                except httpx.HTTPError:
                    pass
            time.sleep(0.05)
        raise AssertionError(f"no new worker served within {SETTLE_BOUND} s of the kill")


@pytest.fixture(scope="module")
def portal(app, database_url, identity_provider, tmp_path_factory):
    with FaultyLine.to(database_url) as line:
        env = instance_environment(line.proxied(database_url), identity_provider.url)
        env.pop("REDIS_URL")  # one worker: its own memory holds the rate limits
        env["LOGIN_RATE_LIMIT"] = "1000 per minute"
        log_path = tmp_path_factory.mktemp("killed") / "gunicorn.log"
        watch = create_engine(database_url, isolation_level="AUTOCOMMIT")
        try:
            with gunicorn_master(env, log_path) as (base, master):
                yield Portal(base, master, line, watch)
        finally:
            watch.dispose()
    key = "kills (moment, answer, rows in flight, left)"
    kills = [kill for kind in FIGURES.values() for kill in kind[key]]
    left = [kill[3] for kill in kills]
    print(
        f"\nkilled workers: {len(kills)} kills; whole {left.count('whole')}, none "
        f"{left.count('none')}, half-written {left.count('half')}"
    )


def grown(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {name: after[name] - before[name] for name in after if after[name] != before[name]}


@dataclass
class Attempt:
    """One write, ready to send: `send` posts it (on a client of its own) and returns the
    status; `parts` counts, straight on the database, each kind of row it leaves."""

    send: Callable[[], int]
    parts: Callable[[], dict[str, int]]


@dataclass
class Outcome:
    moment: str
    answer: str  # the status the client got, or "dropped"
    writing_when_killed: bool
    left: str  # "whole", "none" or "half"
    detail: dict  # the rows it left


def logged_in_form(portal: Portal, identity_provider, parent, path: str):
    """Log `parent` in through the real OIDC flow on the instance and open the form at `path`:
    the browser's cookies and the form's CSRF token."""
    with httpx.Client(transport=LoopbackBrowser(), timeout=30) as browser:
        browser.cookies.set("portal_lang", "en", domain="127.0.0.1")
        start = browser.get(f"{portal.base}/log-ind/citizen")
        assert start.status_code == 302, start.status_code
        callback = identity_provider.approve(start.headers["location"], parent.subject)
        assert browser.get(callback).status_code == 302
        form = browser.get(f"{portal.base}{path}")
        assert form.status_code == 200, form.status_code
        return httpx.Cookies(browser.cookies), csrf_from(form)


def post_once(cookies: httpx.Cookies, url: str, data: dict) -> int:
    """One POST on a connection of its own (nothing is retried)."""
    with httpx.Client(transport=LoopbackBrowser(), cookies=cookies, timeout=30) as once:
        return once.post(url, data=data).status_code


def count(session: Session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def run(portal: Portal, attempt: Attempt, kill: Callable | None) -> tuple[object, dict]:
    """Send `attempt` over the slowed line. Without `kill`, watch it: which transactions wrote,
    from when to when, and when the answer came. With `kill`, kill the worker at the moment
    `kill` returns; returns what the client got and whether rows were in flight at the kill."""
    answers: list = []
    sent = threading.Event()

    def send():
        sent.set()
        try:
            answers.append(attempt.send())
        except httpx.HTTPError as error:  # the worker died under the request
            answers.append(f"dropped ({type(error).__name__})")

    worker = portal.worker()
    assert worker is not None
    portal.line.slow(PACKET_DELAY)
    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    sent.wait()
    started = time.monotonic()
    try:
        if kill is None:
            seen: dict[str, list[float]] = {}
            while thread.is_alive():
                xid = portal.writing()
                if xid is not None:
                    seen.setdefault(xid, []).append(time.monotonic() - started)
                time.sleep(0.003)
            return answers[0], {"transactions": seen, "answer": time.monotonic() - started}
        kill(started, portal.writing)
        writing = portal.writing() is not None
        os.kill(worker, signal.SIGKILL)
        thread.join(timeout=30)
        assert not thread.is_alive(), "the client hung after the worker was killed"
    finally:
        portal.line.heal()
    return answers[0], {"writing": writing, "settled in": portal.settle(worker)}


def after(seconds: float) -> Callable:
    def wait(started, writing):
        time.sleep(max(0.0, started + seconds - time.monotonic()))

    return wait


def first_rows_written(started, writing) -> None:
    """As soon as the worker's transaction has written its first row."""
    while writing() is None and time.monotonic() - started < 10:
        time.sleep(0.002)


def just_committed(started, writing) -> None:
    """As soon as the transaction has ended, before the worker has heard so over the slow
    line: the commit is done, the answer not sent."""
    first_rows_written(started, writing)
    while writing() is not None and time.monotonic() - started < 10:
        time.sleep(0.002)


def exercise(name, portal, world, make: Callable[[], Attempt], success: int, resend=False):
    """Send the write untouched once, then kill the worker under it at four moments. With
    `resend`, the client then sends the same request again (as an API client told to retry
    with the same Idempotency-Key does): it must end with the whole change, once."""
    reference = make()
    before, start = row_counts(world.session), reference.parts()
    answer, watched = run(portal, reference, kill=None)
    assert answer == success, answer
    whole = grown(before, row_counts(world.session))
    whole_parts = parts_grown(start, reference.parts())
    assert all(whole_parts.values()), whole_parts  # every kind of row is there
    # All of it is written in one transaction (what all or nothing rests on).
    transactions = list(watched["transactions"].values())
    assert len(transactions) == 1, f"{len(transactions)} transactions wrote"
    first, last = transactions[0][0], transactions[0][-1]
    moments = {
        "reading": after(first / 2),
        "first rows written": first_rows_written,
        "writing": after(first + (last - first) * 0.6),
        "just committed": just_committed,
    }
    outcomes, settled = [], []
    for moment, kill in moments.items():
        attempt = make()
        before, start = row_counts(world.session), attempt.parts()
        answer, seen = run(portal, attempt, kill)
        rows = grown(before, row_counts(world.session))
        parts = parts_grown(start, attempt.parts())
        if not rows and not any(parts.values()):
            left = "none"
        elif rows == whole and parts == whole_parts:
            left = "whole"
        else:
            left = "half"
        outcomes.append(
            Outcome(moment, str(answer), seen["writing"], left, {"rows": rows, **parts})
        )
        settled.append(seen["settled in"])
        if answer == success:
            assert left == "whole", outcomes[-1]  # told it was done: it is all there
        else:  # never an answer that says something else happened
            assert str(answer).startswith("dropped"), outcomes[-1]
        if resend:
            assert attempt.send() == success
            assert grown(before, row_counts(world.session)) == whole, moment
            assert parts_grown(start, attempt.parts()) == whole_parts, moment
    timings = {"first write": first, "last write": last, "answer": watched["answer"]}
    FIGURES[name] = {
        "untouched (s)": {key: round(value, 3) for key, value in timings.items()},
        "rows one write leaves": whole,
        "kills (moment, answer, rows in flight, left)": [
            (o.moment, o.answer, o.writing_when_killed, o.left) for o in outcomes
        ],
        "slowest new worker serving (s)": round(max(settled), 3),
    }
    print(f"\n{name}:", FIGURES[name])
    assert [o for o in outcomes if o.left == "half"] == []
    by_moment = {o.moment: o for o in outcomes}
    # Killed with rows in flight: none of them kept. Killed once committed: all of them kept.
    assert by_moment["first rows written"].writing_when_killed, by_moment["first rows written"]
    assert by_moment["first rows written"].left == "none", by_moment["first rows written"]
    assert by_moment["just committed"].left == "whole", by_moment["just committed"]


def parts_grown(start: dict[str, int], end: dict[str, int]) -> dict[str, int]:
    return {name: end[name] - start[name] for name in end}


def test_a_booking_killed_in_the_middle_is_whole_or_absent(portal, world, identity_provider):
    def make() -> Attempt:
        parent = world.parent(log_in=False)
        slot = world.offer(world.staff(), family=parent.family)
        cookies, token = logged_in_form(portal, identity_provider, parent, parent.book_url)
        data = {"csrf_token": token, "tid": str(slot.id), "note": "Vi kommer."}

        def parts() -> dict[str, int]:
            session = world.session
            session.expire_all()
            meetings = [m.id for m in world.meetings_booked_at(slot)]
            return {
                "meeting": len(meetings),
                "participants": count(session, Participant, Participant.meeting_id.in_(meetings)),
                "time taken": int(session.get(Slot, slot.id).meeting_id is not None),
                # A fresh family: what its outbox gains is the booking's.
                "outbox": count(
                    session, OutboxMessage, OutboxMessage.family_id == parent.family.id
                ),
                "audit": count(
                    session,
                    AuditEntry,
                    AuditEntry.action == "write",
                    AuditEntry.object_type == "meeting",
                    AuditEntry.object_id.in_(meetings),
                ),
            }

        return Attempt(
            lambda: post_once(cookies, f"{portal.base}{parent.book_url}/bekraeft", data), parts
        )

    exercise("booking", portal, world, make, success=303)


def test_a_message_killed_in_the_middle_is_whole_or_absent(portal, world, identity_provider):
    def make() -> Attempt:
        parent = world.parent(log_in=False)
        family_id = parent.family.id
        path = f"/familier/{family_id}/beskeder/ny"
        cookies, token = logged_in_form(portal, identity_provider, parent, path)
        data = {"csrf_token": token, "topic": "meeting", "body": "Kan vi flytte mødet?"}

        def parts() -> dict[str, int]:
            session = world.session
            session.expire_all()
            threads = select(Thread.id).where(Thread.family_id == family_id)
            return {
                "thread": count(session, Thread, Thread.family_id == family_id),
                "message": count(session, Message, Message.thread_id.in_(threads)),
                "read up to": count(session, ThreadRead, ThreadRead.thread_id.in_(threads)),
                "audit": count(
                    session,
                    AuditEntry,
                    AuditEntry.family_id == family_id,
                    AuditEntry.action == "write",
                ),
            }

        return Attempt(lambda: post_once(cookies, f"{portal.base}{path}", data), parts)

    exercise("message", portal, world, make, success=303)


def test_an_api_batch_killed_in_the_middle_is_whole_or_absent(portal, world, app):
    with app.app_context():
        row, secret = create_client(unique("killed batch"), "buf", list(SCOPES))
        client_id, api_client = row.client_id, row.id
        db.session.remove()
    answer = httpx.post(
        f"{portal.base}/api/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": basic_auth(client_id, secret)},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    token = answer.json()["access_token"]
    stage = first_stage_code(app, "buf")

    def make() -> Attempt:
        family_id, case_id, key = unique("FAM"), unique("CASE"), str(uuid.uuid4())
        family = family_body()
        child_id = family["children"][0]["external_id"]
        event = {"kind": "note", "visibility": "family", "summary": {"da": "Notat"}}
        operations = [
            {"op": "put_family", "family": family_id, "body": family},
            {
                "op": "put_case",
                "department": "buf",
                "case": case_id,
                "body": {
                    "child_id": child_id,
                    "case_type": "ppr-vurdering",
                    "opened_on": "2025-01-06",
                },
            },
            {
                "op": "post_stage",
                "department": "buf",
                "case": case_id,
                "body": {"stage_type": stage, "started_on": "2025-01-06"},
            },
            *(
                {
                    "op": "put_case_event",
                    "department": "buf",
                    "case": case_id,
                    "event": unique("EV"),
                    "body": event | {"occurred_at": f"2025-02-0{n + 1}T10:00:00+01:00"},
                }
                for n in range(EVENTS_PER_BATCH - 1)
            ),
            {
                "op": "put_case_event",
                "department": "buf",
                "case": case_id,
                "event": unique("EV"),
                "body": event
                | {
                    "kind": "decision",
                    "complaint_to": "klagenaevnet",
                    "occurred_at": "2025-03-01T10:00:00+01:00",
                },
            },
        ]

        def send() -> int:
            with httpx.Client(timeout=30) as once:
                return once.post(
                    f"{portal.base}/api/v1/batch",
                    json={"operations": operations},
                    headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
                ).status_code

        def parts() -> dict[str, int]:
            session = world.session
            session.expire_all()
            cases = select(Case.id).where(Case.external_id == case_id)
            families = select(ExternalReference.family_id).where(
                ExternalReference.external_id == family_id
            )
            return {
                "family and child ids": count(
                    session,
                    ExternalReference,
                    ExternalReference.external_id.in_([family_id, child_id]),
                ),
                "case": count(session, Case, Case.external_id == case_id),
                "stage": count(session, Stage, Stage.case_id.in_(cases)),
                "events": count(session, CaseEvent, CaseEvent.case_id.in_(cases)),
                "outbox": count(session, OutboxMessage, OutboxMessage.family_id.in_(families)),
                "idempotency record": count(
                    session,
                    IdempotencyRecord,
                    IdempotencyRecord.api_client_id == api_client,
                    IdempotencyRecord.key == key,
                ),
                "audit": count(session, AuditEntry, AuditEntry.family_id.in_(families)),
            }

        return Attempt(send, parts)

    exercise("API batch", portal, world, make, success=200, resend=True)
