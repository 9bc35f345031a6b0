"""The database goes away, slows down and comes back while the portal serves
(portal/unavailable.py): a proxy between the portal and PostgreSQL (tests/faults.py) cuts every
connection, refuses new ones or slows every packet. Readiness says 503, pages answer a friendly
503 in the reader's language with Retry-After, the API a problem document; a statement slower
than the statement timeout answers 503 instead of holding the worker; the same app serves again
by itself when the database is back; what was confirmed is kept, what was refused not written."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import Meeting, Message, Thread
from tests.api.conftest import make_api_user
from tests.database_state import row_counts
from tests.faults import FaultyLine
from tests.integration.booking_helpers import World, book, booked_meeting_id, text_of

STATEMENT_TIMEOUT_MS = 1000
RECOVERY_BOUND_SECONDS = 10
FIGURES: dict[str, float] = {}  # printed with -s; quoted in the closing note


@pytest.fixture
def line(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the database is reached over the network (TEST_DATABASE is SQLite)")
    with FaultyLine.to(database_url) as line:
        yield line


@pytest.fixture
def portal(line, database_url, make_other_app):
    """The portal on the test database, through the faulty line."""
    return make_other_app(
        SQLALCHEMY_DATABASE_URI=line.proxied(database_url),
        DATABASE_STATEMENT_TIMEOUT_MS=STATEMENT_TIMEOUT_MS,
    )


@pytest.fixture
def world(portal, database_url, identity_provider):
    """Test data written and read straight on the database, past the line."""
    engine = create_engine(database_url)
    with Session(engine) as session:
        yield World(portal, session, identity_provider)
        session.rollback()
    engine.dispose()


def wait_until_ready(client) -> float:
    started = time.monotonic()
    while time.monotonic() - started < RECOVERY_BOUND_SECONDS:
        if client.get("/readyz").status_code == 200:
            return time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"not ready {RECOVERY_BOUND_SECONDS} s after the database came back")


def test_an_outage_answers_try_again_writes_nothing_and_heals_by_itself(portal, line, world):
    parent = world.parent(language="da")
    slot = world.offer(world.staff())
    meeting_id = booked_meeting_id(book(parent, slot.id, note="Vi kommer begge to."))
    api = make_api_user(portal, "sof")
    overview = f"/familier/{parent.family.id}"
    assert parent.client.get(overview).status_code == 200
    before = row_counts(world.session)

    line.refuse()  # every open connection reset, every new one closed at once
    assert portal.test_client().get("/readyz").status_code == 503
    page = parent.client.get(overview)
    assert page.status_code == 503 and page.headers["Retry-After"] == "30"
    assert "Portalen kan ikke svare lige nu" in text_of(page)
    parent.client.set_cookie("portal_lang", "en")
    page = parent.client.get(overview)
    assert page.status_code == 503 and "If you just sent something, it was not saved" in text_of(
        page
    )
    refused = parent.client.post(
        f"{overview}/beskeder/ny",
        data={"csrf_token": parent.token, "topic": "meeting", "body": "Sendt under udfaldet."},
    )
    assert refused.status_code == 503
    answer = api.get("/offers")
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "30"
    assert answer.mimetype == "application/problem+json" and answer.json["status"] == 503
    assert row_counts(world.session) == before  # nothing written while it was down

    line.heal()
    FIGURES["seconds to ready after the database came back"] = wait_until_ready(
        portal.test_client()
    )
    assert parent.client.get(overview).status_code == 200
    assert api.get("/offers").status_code == 200
    world.session.expire_all()
    assert world.session.get(Meeting, meeting_id).booking_note == "Vi kommer begge to."
    family_messages = select(Message).join(Thread).where(Thread.family_id == parent.family.id)
    assert world.session.scalars(family_messages).all() == []  # the refused one is not there


def test_a_line_cut_during_a_booking_leaves_all_of_it_or_none(portal, line, world):
    """The line is slowed so the booking is in flight, then cut: the parent is told to try
    again, and the time is either booked with its whole meeting or still free."""
    parent = world.parent(language="da")
    slot = world.offer(world.staff())
    before = row_counts(world.session)
    line.slow(0.05)
    answers = []
    booking = threading.Thread(target=lambda: answers.append(book(parent, slot.id)))
    booking.start()
    time.sleep(0.3)
    line.cut()
    booking.join(timeout=30)
    line.heal()
    [answer] = answers
    wait_until_ready(portal.test_client())
    booked = world.meetings_booked_at(slot)
    if answer.status_code == 503:
        assert booked == [] and row_counts(world.session) == before
    else:  # the commit went through before the cut
        assert answer.status_code == 303 and len(booked) == 1
        assert booked[0].participants, "a booked meeting has its participants"
    FIGURES["booking answered while the line was cut"] = answer.status_code


def test_a_slow_database_answers_within_the_statement_timeout(portal, line, world, database_url):
    parent = world.parent(language="en")
    overview = f"/familier/{parent.family.id}"
    line.slow(0.02)  # a slow line: pages are slower, and right
    started = time.monotonic()
    assert parent.client.get(overview).status_code == 200
    FIGURES["overview over a line 20 ms slower each way (s)"] = time.monotonic() - started
    line.heal()

    locker = create_engine(database_url)
    with locker.connect() as connection:  # another process holds the meetings table
        connection.execute(text("LOCK TABLE meetings IN ACCESS EXCLUSIVE MODE"))
        started = time.monotonic()
        page = parent.client.get(overview)
        waited = time.monotonic() - started
        connection.rollback()
    locker.dispose()
    assert page.status_code == 503 and "Please try again in a minute" in text_of(page)
    assert waited < STATEMENT_TIMEOUT_MS / 1000 + 2
    FIGURES["answer while the meetings table was locked (s)"] = waited
    assert parent.client.get(overview).status_code == 200


def test_readiness_and_pages_need_no_restart_after_repeated_outages(portal, line, world):
    parent = world.parent(language="da")
    overview = f"/familier/{parent.family.id}"
    recoveries = []
    for _ in range(3):
        line.refuse()
        assert parent.client.get(overview).status_code == 503
        line.heal()
        recoveries.append(wait_until_ready(portal.test_client()))
        assert parent.client.get(overview).status_code == 200
    with portal.app_context():
        assert db.engine.pool.status()  # the same engine and pool served throughout
    FIGURES["slowest of three recoveries (s)"] = max(recoveries)
    print("\ndatabase outage figures:", FIGURES, "connections through the line:", line.connections)
