"""Staff members of their own and families shaped for the caseload and staff family page tests,
written through the records functions by the test data's system actor (tests/factories.py).

A fresh staff member per test keeps each caseload to the families the test made (one database
serves every test of a process). Like tests/integration/booking_helpers.py, the desk reads and
writes with a session of its own, outside any app context, so each client's requests run in
their own context."""

from __future__ import annotations

import itertools
import os
import re
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from dateutil.relativedelta import relativedelta
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.domain.clocks import copenhagen_today
from portal.extensions import db
from portal.models import CaseType, Family, Guardian, Meeting, StaffMember
from portal.models.base import utcnow
from portal.records import booking, conversations, families, meetings, preparations
from portal.records import cases as case_records
from portal.records.staff import add_staff
from tests.conftest import login
from tests.factories import staff_of, unique, writing

TENANT = "kk-test"
_people = itertools.count(1)


@dataclass
class CaseSpec:
    """One case of a child: its type, the step it is in and how many days ago that began."""

    type_code: str
    stage_code: str
    started_days_ago: int
    holder: StaffMember | None = None  # default: the department's first staff member


@dataclass
class ChildSpec:
    first_name: str
    cases: list[CaseSpec] = field(default_factory=list)
    stated_by: tuple[str, ...] = ("sof", "buf")


class Desk:
    def __init__(self, app, session: Session, identity_provider):
        self.app, self.session, self.identity_provider = app, session, identity_provider
        self.person_numbers: dict[int, str] = {}  # family id -> its guardian's person number

    @contextmanager
    def writing(self):
        with self.app.app_context(), writing(self.session) as unit:
            yield unit

    def department(self, code: str):
        return staff_of(self.session, code)[0]

    def colleague(self, code: str, index: int = 0) -> StaffMember:
        return staff_of(self.session, code)[1][index]

    def new_staff(self, code: str = "sof", name: str = "Kim Test", role: str = "staff"):
        """A staff member only this test knows, and the subject they log in with."""
        oid = f"caseload-{uuid.uuid4().hex[:10]}"
        with self.writing() as unit:
            staff = add_staff(
                unit,
                self.department(code),
                external_id=oid,
                name=name,
                role=role,
                subject=f"{TENANT}:{oid}",
            )
        self.identity_provider.add_user(
            f"staff-{oid}",
            {"tid": TENANT, "oid": oid, "name": name, "roles": [role], "department": code},
        )
        return staff, f"staff-{oid}"

    def client(self, subject: str, language: str = "en", door: str = "staff"):
        client = self.app.test_client()
        client.set_cookie("portal_lang", language)
        assert login(client, self.identity_provider, subject, door=door).status_code == 302
        return client

    def person_number(self) -> str:
        return f"29{os.getpid() % 100:02d}{next(_people):06d}"

    def family(
        self,
        name: str,
        *,
        contact: StaffMember | None = None,
        contact_by: tuple[str, ...] = ("sof", "buf"),
        children: list[ChildSpec] = (),
        guardian: str = "Forælder Test",
        stated_by: tuple[str, ...] = ("sof", "buf"),
        today: date | None = None,
    ) -> Family:
        """A family the departments `stated_by` know, with one guardian with custody, whose
        contact person (chosen by the departments `contact_by`) is `contact`."""
        today = today or copenhagen_today()
        departments = {code: self.department(code) for code in ("sof", "buf")}
        first, *others = [departments[code] for code in stated_by]
        with self.writing() as unit:
            family = families.add_family(
                unit, first, display_name=name, external_id=unique("family")
            )
            stated = {"name": guardian, "access_level": "custody", "email": "test@example.dk"}
            number = self.person_number()
            parent = families.add_guardian(unit, family, first, person_number=number, **stated)
            for department in others:
                families.state_family(unit, family, department, display_name=name)
                families.state_guardian(unit, parent, department, **stated)
            for code in contact_by:
                families.set_contact_person(unit, family, departments[code], contact)
            for spec in children:
                self._child(unit, family, spec, departments, today)
        self.person_numbers[family.id] = number
        return family

    def parent_client(self, family: Family, language: str = "en"):
        """The family's guardian, logged in at the family door."""
        number = self.person_numbers[family.id]
        subject = f"citizen-caseload-{number}"
        self.identity_provider.add_citizen(subject, number, family.guardians[0].name)
        return self.client(subject, language, door="citizen")

    def _child(self, unit, family, spec: ChildSpec, departments, today: date) -> None:
        named = {"first_name": spec.first_name, "last_name": "Test", "birth_date": date(2015, 3, 2)}
        first, *others = [departments[code] for code in spec.stated_by]
        child = families.add_child(unit, family, first, external_id=unique("child"), **named)
        for department in others:
            families.state_child(unit, child, department, **named)
        for case in spec.cases:
            kind = self.session.scalar(select(CaseType).filter_by(code=case.type_code))
            department = next(d for d in departments.values() if d.id == kind.department_id)
            holder = case.holder or staff_of(self.session, department.code)[1][0]
            started = today - timedelta(days=case.started_days_ago)
            opened = case_records.open_case(
                unit,
                department,
                unique("case"),
                child=child,
                case_type=kind,
                opened_on=started,
                partner_department=None,
                holder=holder,
            )
            stage_type = next(t for t in kind.stage_types if t.code == case.stage_code)
            case_records.change_stage(unit, opened, stage_type, started_on=started, holder=holder)

    def waiting_message(self, family: Family, body: str = "Hvornår hører vi noget?"):
        """The family's guardian writes; the conversation waits for the contact person."""
        with self.writing() as unit:
            return conversations.start_thread(
                unit, family, family.guardians[0], "case", body, sent_at=utcnow()
            )

    def no_time_fits(self, family: Family):
        with self.writing() as unit:
            return booking.ask_for_time(
                unit,
                family.guardians[0],
                weekdays=["mon"],
                times_of_day=["morning"],
                note="Kun mandage.",
            )

    def meeting(
        self,
        family: Family,
        *,
        organizer: StaffMember,
        in_days: float = 3,
        title: str = "Møde om barnet",
        staff: list[StaffMember] = (),
        guardian: bool = True,
    ) -> Meeting:
        starts = utcnow() + timedelta(days=in_days)
        people = [{"staff": organizer}, *({"staff": s} for s in staff if s is not organizer)]
        if guardian:
            people.append({"guardian": family.guardians[0]})
        with self.writing() as unit:
            return meetings.plan_meeting(
                unit,
                organizer.department,
                family,
                organizer=organizer,
                kind="samtale",
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                location="Lokale 1",
                participants=people,
            )

    def preparation(self, meeting: Meeting, guardian: Guardian, what_matters: str):
        with self.writing() as unit:
            return preparations.save_preparation(
                unit,
                meeting,
                guardian,
                what_matters=what_matters,
                questions="Hvem kommer?",
                interpreter_language=None,
                child_attends=None,
            )


@pytest.fixture
def desk(app, identity_provider):
    with app.app_context():
        engine = db.engine
    with Session(engine) as session:
        yield Desk(app, session, identity_provider)
        session.rollback()


def legal_due(started_days_ago: int, today: date | None = None) -> date:
    """The deadline of a child welfare investigation's investigation step (4 months, in law)."""
    today = today or copenhagen_today()
    return today - timedelta(days=started_days_ago) + relativedelta(months=4)


def started_for_legal_due(days_from_today: int, today: date | None = None) -> int:
    """How many days ago the investigation step began for its deadline to fall on today +
    `days_from_today` (4 calendar months, as the law counts them)."""
    today = today or copenhagen_today()
    start = today + timedelta(days=days_from_today) - relativedelta(months=4)
    while start + relativedelta(months=4) < today + timedelta(days=days_from_today):
        start += timedelta(days=1)  # month ends: 4 months from the 31st may end on the 30th
    return (today - start).days


def text_of(html_or_node) -> str:
    node = html_or_node
    if isinstance(node, str):
        node = BeautifulSoup(node, "html.parser")
    return " ".join(node.get_text().split())


def caseload_rows(html: str) -> list[tuple[int, str]]:
    """(family id, the row's words) for each family the caseload shows, in order."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        (int(re.search(r"\d+", item["id"]).group()), text_of(item))
        for item in soup.select("li.portal-caseload-row")
    ]
