"""Plain factory functions for test data (after GOV.UK Notify's tests): no magic, just rows."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select

from portal.domain.identity import person_number_hash
from portal.models import (
    Case,
    CaseEvent,
    CaseType,
    Child,
    Department,
    Family,
    Guardian,
    Meeting,
    Participant,
    StaffMember,
    Stage,
    Update,
)
from portal.models.base import utcnow


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def make_family(
    session,
    *,
    person_number: str,
    key: str,
    children: int = 1,
    cases: int = 1,
    events: int = 1,
    meetings: int = 1,
    updates: int = 1,
) -> Family:
    """A family whose guardian logs in with `person_number`, with as much history as asked."""
    sof = session.scalar(select(Department).filter_by(code="sof"))
    staff = session.scalar(select(StaffMember).filter_by(department_id=sof.id))
    case_type = session.scalar(select(CaseType).filter_by(code="boernefaglig-undersoegelse"))
    family = Family(
        external_id=unique("family"), display_name=f"Familien {key}", contact_person=staff
    )
    guardian = Guardian(
        name=f"Forælder {key}",
        access_level="custody",
        person_number_hash=person_number_hash(person_number, key_for(session)),
    )
    family.guardians.append(guardian)
    session.add(family)
    today = date.today()
    for c in range(children):
        child = Child(
            first_name=f"Barn{c}",
            last_name=key,
            birth_date=date(2015, 1, 1 + c),
            external_id=unique("child"),
        )
        family.children.append(child)
        for n in range(cases):
            case = Case(
                external_id=unique("case"),
                child=child,
                department=sof,
                case_type=case_type,
                holder=staff,
                opened_on=today - timedelta(days=60),
            )
            for position, stage_type in enumerate(case_type.stage_types[:3]):
                last = position == 2
                case.stages.append(
                    Stage(
                        stage_type=stage_type,
                        started_on=today - timedelta(days=50 - 10 * position),
                        ended_on=None if last else today - timedelta(days=40 - 10 * position),
                        holder=staff,
                        holder_department=sof,
                    )
                )
            for e in range(events):
                case.events.append(
                    CaseEvent(
                        external_id=unique("event"),
                        kind="note",
                        visibility="family",
                        occurred_at=utcnow() - timedelta(days=e),
                        summary_da=f"Hændelse {n}.{e}",
                    )
                )
            session.add(case)
    for m in range(meetings):
        starts = utcnow() + timedelta(days=m + 1)
        meeting = Meeting(
            family=family,
            department=sof,
            organizer=staff,
            kind="samtale",
            title=f"Møde {m}",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
        )
        meeting.participants.append(Participant(staff=staff))
        meeting.participants.append(Participant(guardian=guardian))
        session.add(meeting)
    for u in range(updates):
        session.add(
            Update(
                family=family,
                author=staff,
                body=f"Opdatering {u}",
                posted_at=utcnow() - timedelta(hours=u),
            )
        )
    session.commit()
    return family


def key_for(session) -> str:
    from flask import current_app

    return current_app.config["PERSON_NUMBER_KEY"]
