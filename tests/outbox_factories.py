"""Factory functions for the outbox tests: a household whose parents have contact details,
languages, channels and access levels of their own, stated by the departments chosen, with a
case in BUF, meetings, and the outbox events the records layer would leave."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from portal.models import (
    CaseType,
    Child,
    Family,
    Guardian,
    Meeting,
    OutboxMessage,
    Participant,
)
from portal.models.base import utcnow
from portal.records.statements import state_child, state_family, state_guardian
from tests.factories import make_case, staff_of

CHILD_FIRST_NAME = "Hemmeligbarn"
CASE_TYPE = "ppr-vurdering"  # BUF's


@dataclass
class Parent:
    name: str
    access: str = "custody"  # or "information"
    email: str | None = None
    phone: str | None = None
    language: str = "da"
    notify_by: str = "email"
    departments: tuple[str, ...] = ("buf",)


@dataclass
class Household:
    family: Family
    guardians: list[Guardian]
    child: Child
    case: object
    meetings: list[Meeting] = field(default_factory=list)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def household(session, parents: list[Parent]) -> Household:
    """A family stated by BUF and SOF, one child (with a name no message may carry) and a
    case in BUF a few steps in; each parent stated by the departments they name."""
    departments = {code: staff_of(session, code) for code in ("buf", "sof")}
    buf, buf_staff = departments["buf"]
    family = Family(external_id=unique("family"))
    session.add(family)
    for department, staff in departments.values():
        state_family(
            family, department.id, {"display_name": "Familien Test", "contact_person": staff[0]}
        )
    guardians = []
    for parent in parents:
        guardian = Guardian(person_number_hash=uuid.uuid4().hex)
        family.guardians.append(guardian)
        for code in parent.departments:
            state_guardian(
                guardian,
                departments[code][0].id,
                {
                    "name": parent.name,
                    "access_level": parent.access,
                    "email": parent.email,
                    "phone": parent.phone,
                    "preferred_language": parent.language,
                    "notify_by": parent.notify_by,
                },
            )
        guardians.append(guardian)
    child = Child(external_id=unique("child"))
    family.children.append(child)
    for department, _ in departments.values():
        state_child(
            child,
            department.id,
            {
                "first_name": CHILD_FIRST_NAME,
                "last_name": "Testesen",
                "birth_date": date(2015, 5, 5),
            },
        )
    case = make_case(
        child,
        department=buf,
        partner=None,
        case_type=session.scalar(select(CaseType).filter_by(code=CASE_TYPE)),
        holders=buf_staff,
        events=0,
        today=date.today(),
    )
    session.add(case)
    session.commit()
    return Household(family, guardians, child, case)


def meeting(
    session,
    home: Household,
    starts_at: datetime,
    *,
    department: str = "buf",
    invited: list[Guardian] = (),
    title: str = "Hemmeligt møde om udredning",
) -> Meeting:
    dept, staff = staff_of(session, department)
    row = Meeting(
        family=home.family,
        department=dept,
        organizer=staff[0],
        kind="samtale",
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        location="Lokale 7, Børnehuset",
    )
    for guardian in invited:
        row.participants.append(Participant(guardian=guardian))
    session.add(row)
    session.commit()
    home.meetings.append(row)
    return row


def event(
    session, kind: str, family: Family, when: datetime | None = None, **rows
) -> OutboxMessage:
    """The outbox event `portal/records` leaves for a change (ids only)."""
    when = when or utcnow()
    row = OutboxMessage(
        kind=kind,
        family_id=family.id,
        payload={f"{name}_id": value.id for name, value in rows.items()},
        created_at=when,
        next_attempt_at=when,
    )
    session.add(row)
    session.commit()
    return row


def current_stage(home: Household):
    return next(s for s in home.case.stages if s.ended_on is None)
