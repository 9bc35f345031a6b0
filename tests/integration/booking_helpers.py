"""Families that book, and times to book, for the booking tests: written through the records
functions by the test data's system actor (tests/factories.py), like every other test row.

The `world` fixture reads and writes with a session of its own, outside any app context: a
request run inside an app context the test holds open shares its `g` with every other request
of the test (Flask reuses the context), so two parents' clients would share one CSRF token."""

from __future__ import annotations

import itertools
import os
import random
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.models import Family, Meeting, OutboxMessage, Slot, StaffMember
from portal.models.base import utcnow
from portal.records.booking import offer_times
from portal.records.families import add_guardian
from tests.conftest import csrf_token, login
from tests.factories import make_family, staff_of, writing

_people = itertools.count(1)
# Times far ahead, so no two tests' times overlap (there is one database per test process).
_BASE = (utcnow() + timedelta(days=400 + random.randrange(300))).replace(
    minute=0, second=0, microsecond=0
)
_slots = itertools.count()


@dataclass
class Parent:
    family: Family
    subject: str
    client: object = None
    token: str | None = None
    family_id: int = 0  # kept as a number: threads must not load rows through a shared session

    def __post_init__(self):
        self.family_id = self.family.id

    @property
    def book_url(self) -> str:
        return f"/familier/{self.family_id}/book"


class World:
    def __init__(self, app, session: Session, identity_provider):
        self.app, self.session, self.identity_provider = app, session, identity_provider

    @contextmanager
    def writing(self):
        """One unit of work by the test data's actor (which needs the app's configuration)."""
        with self.app.app_context(), writing(self.session) as unit:
            yield unit

    def staff(self, code: str = "sof", index: int = 0) -> StaffMember:
        """SOF's first staff member is the contact person of every family `make_family` makes."""
        _, staff = staff_of(self.session, code)
        return staff[index]

    def person_number(self) -> str:
        """A person number no other test person has (ten digits)."""
        return f"28{os.getpid() % 100:02d}{next(_people):06d}"

    def parent(self, language: str = "en", log_in: bool = True) -> Parent:
        """A family of one guardian with custody (from SOF and BUF), logged in on a client."""
        person_number = self.person_number()
        key = f"Book{person_number}"
        with self.app.app_context():
            family = make_family(
                self.session,
                person_number=person_number,
                key=key,
                cases=0,
                events=0,
                meetings=0,
                updates=0,
                offers=0,
            )
        subject = f"citizen-booking-{key}"
        self.identity_provider.add_citizen(subject, person_number, f"Forælder {key}")
        parent = Parent(family=family, subject=subject)
        if log_in:
            self.log_in(parent, language)
        return parent

    def log_in(self, parent: Parent, language: str = "en") -> Parent:
        client = self.app.test_client()
        client.set_cookie("portal_lang", language)
        assert login(client, self.identity_provider, parent.subject).status_code == 302
        parent.client = client
        parent.token = csrf_token(client, parent.book_url)
        return parent

    def informed_parent(self, family, subject_prefix: str = "citizen-informed"):
        """A second parent of the family, without custody, whom SOF states (not invited by a
        booking, B1), and the subject they log in with."""
        sof, _ = staff_of(self.session, "sof")
        number = self.person_number()
        with self.writing() as unit:
            informed = add_guardian(
                unit,
                family,
                sof,
                person_number=number,
                name="Uden Forældremyndighed",
                access_level="information",
            )
        subject = f"{subject_prefix}-{number}"
        self.identity_provider.add_citizen(subject, number, informed.name)
        return informed, subject

    def staff_client(self, subject: str = "staff-mads", language: str = "en"):
        client = self.app.test_client()
        client.set_cookie("portal_lang", language)
        assert login(client, self.identity_provider, subject, door="staff").status_code == 302
        return client, csrf_token(client, "/medarbejder/")

    def offer(self, staff, starts=None, *, minutes=60, family=None, colleagues=(), weeks=1):
        starts = starts or free_time()
        with self.writing() as unit:
            slots = offer_times(
                unit,
                staff,
                starts=[starts + timedelta(weeks=w) for w in range(weeks)],
                minutes=minutes,
                kind="samtale",
                location="Mødelokale 3",
                family=family,
                colleagues=list(colleagues),
            )
        return slots if weeks > 1 else slots[0]

    def fresh(self, model, row_id):
        self.session.expire_all()
        return self.session.get(model, row_id)

    def outbox_kinds(self, meeting_id: int) -> list[str]:
        self.session.expire_all()
        return [
            m.kind
            for m in self.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))
            if (m.payload or {}).get("meeting_id") == meeting_id
            and m.kind in ("meeting_planned", "meeting_moved", "meeting_cancelled")
        ]

    def meetings_booked_at(self, slot: Slot) -> list[Meeting]:
        self.session.expire_all()
        return self.session.scalars(
            select(Meeting).where(
                Meeting.starts_at == slot.starts_at,
                Meeting.organizer_id == slot.staff_id,
                Meeting.booked_by_id.is_not(None),
            )
        ).all()


def world_on(app, identity_provider):
    """A World for `app`, with a session of its own outside any app context (see above); for a
    fixture to yield from."""
    with app.app_context():
        engine = db.engine
    with Session(engine) as session:
        yield World(app, session, identity_provider)
        session.rollback()


@pytest.fixture
def world(app, identity_provider):
    yield from world_on(app, identity_provider)


def free_time():
    """A start far ahead that no other time of these tests has: each its own quarter of a year,
    so weekly times (12 weeks at most) never reach the next one."""
    return _BASE + timedelta(weeks=13 * next(_slots))


def book(parent: Parent, slot_id: int, note: str = ""):
    return parent.client.post(
        f"{parent.book_url}/bekraeft",
        data={"csrf_token": parent.token, "tid": str(slot_id), "note": note},
    )


def booked_meeting_id(response) -> int:
    assert response.status_code == 303, response.status_code
    return int(re.search(r"/bekraeftet/(\d+)$", response.headers["Location"]).group(1))


def text_of(response) -> str:
    html = response.get_data(as_text=True)
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
