"""Plain factory functions for test data (after GOV.UK Notify's tests): no magic, just rows.

Every family datum is written through portal/records, like every other change: in one unit of
work per factory call, by the system as "test data", so the same rules hold and every row leaves
its audit entry. Test data tells no family anything (no outbox messages)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import object_session

from portal.models import Case, CaseEvent, CaseType, Child, Department, Family, Offer, StaffMember
from portal.models.base import utcnow
from portal.records import UnitOfWork, catalogue, child_offers, families, system_actor, unit_of_work
from portal.records import cases as case_records
from portal.records import meetings as meeting_records
from portal.records import updates as update_records

TEST_DATA = system_actor("test data")
# Cases alternate between the departments, so a family has both, each with its own caseworkers.
# SOF's is the joint day treatment, with BUF as partner department.
CASE_TYPE_BY_DEPARTMENT = {"sof": "dagbehandling", "buf": "ppr-vurdering"}
COMPLAINT_BODY = {"sof": "ankestyrelsen", "buf": "klagenaevnet"}
OFFER_STATUSES = ("applied", "granted", "started", "ended", "declined")


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@contextmanager
def writing(session) -> Iterator[UnitOfWork]:
    """One unit of work by the test data's system actor: committed at the end."""
    with unit_of_work(session, TEST_DATA, key_for(session), tell_families=False) as unit:
        yield unit


def staff_of(session, code: str) -> tuple[Department, list[StaffMember]]:
    department = session.scalar(select(Department).filter_by(code=code))
    staff = session.scalars(
        select(StaffMember).filter_by(department_id=department.id).order_by(StaffMember.id)
    ).all()
    return department, list(staff)


def make_case_type(
    session, *, name: dict[str, str], citizen_text: dict[str, str], department: str = "sof"
) -> CaseType:
    """A case type of two steps whose texts exist only in the languages given (da required)."""
    dept, _ = staff_of(session, department)
    steps = [
        {
            "code": f"step-{position}",
            "name": name,
            "citizen_text": citizen_text,
            "norm_days": None if final else 30,
            "deadline_kind": None if final else "target",
            "final": final,
        }
        for position, final in ((1, False), (2, True))
    ]
    with writing(session) as unit:
        case_type = catalogue.add_case_type(
            unit, dept, unique("type"), name=name, stage_types=steps
        )
    return case_type


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
    offers: int = 1,
    case_type: CaseType | None = None,
    language: str = "da",
) -> Family:
    """A family whose guardian logs in with `person_number`, with as much history as asked.

    Every family has a bit of everything a page can show: cases in SOF and BUF (the second and
    later ones alternate) held by different caseworkers, SOF's a joint one with BUF as partner,
    a closed pause and an extension on each current step, a decision with an open complaint
    window, an internal note, offers in every status, and meetings with staff from both
    departments, the guardian and someone from outside."""
    departments = {code: staff_of(session, code) for code in ("sof", "buf")}
    sof, sof_staff = departments["sof"]
    buf, buf_staff = departments["buf"]
    everyone = sof_staff + buf_staff
    offered = session.scalars(select(Offer).order_by(Offer.id)).all()
    default_types = {
        code: session.scalar(select(CaseType).filter_by(code=type_code))
        for code, type_code in CASE_TYPE_BY_DEPARTMENT.items()
    }
    today = date.today()
    with writing(session) as unit:
        # Both departments have stated the family alike, each assigning the same contact person.
        name = f"Familien {key}"
        stated = {"name": f"Forælder {key}", "access_level": "custody"}
        family = families.add_family(unit, sof, display_name=name, external_id=unique("family"))
        families.set_contact_person(unit, family, sof, sof_staff[0])
        guardian = families.add_guardian(
            unit, family, sof, person_number=person_number, preferred_language=language, **stated
        )
        families.state_family(unit, family, buf, display_name=name)
        families.set_contact_person(unit, family, buf, sof_staff[0])
        families.state_guardian(unit, guardian, buf, preferred_language=language, **stated)
        for c in range(children):
            named = {"first_name": f"Barn{c}", "last_name": key, "birth_date": date(2015, 1, 1 + c)}
            child = families.add_child(unit, family, sof, external_id=unique("child"), **named)
            families.state_child(unit, child, buf, **named)
            for n in range(cases):
                code = "sof" if n % 2 == 0 else "buf"
                department, staff = departments[code]
                kind = case_type or default_types[code]
                add_case(
                    unit,
                    child,
                    department=department,
                    partner=(buf if code == "sof" else sof) if kind.joint else None,
                    case_type=kind,
                    holders=staff[n % len(staff) :] + staff[: n % len(staff)],
                    events=events,
                    today=today,
                )
            for o in range(offers):
                offer = offered[(c + o) % len(offered)]
                status = OFFER_STATUSES[o % len(OFFER_STATUSES)]
                child_offers.add_child_offer(
                    unit,
                    offer.department or sof,
                    child=child,
                    offer=offer,
                    status=status,
                    external_id=unique("offer"),
                    provider=f"Tilbudssted {o}",
                    applied_on=today - timedelta(days=90),
                    decided_on=None if status == "applied" else today - timedelta(days=60),
                    starts_on=today - timedelta(days=30)
                    if status in ("started", "ended")
                    else None,
                    ends_on=today - timedelta(days=5) if status == "ended" else None,
                )
        for m in range(meetings):
            starts = utcnow() + timedelta(days=m + 1)
            organizer = everyone[m % len(everyone)]
            meeting_records.plan_meeting(
                unit,
                organizer.department,
                family,
                organizer=organizer,
                kind="samtale",
                title=f"Møde {m}",
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                location=f"Lokale {m}",
                participants=[
                    {"staff": sof_staff[m % len(sof_staff)]},
                    {"staff": buf_staff[m % len(buf_staff)]},
                    {"guardian": guardian},
                    {"name": f"Lærer {m}", "role": "Klasselærer"},
                ],
            )
        for u in range(updates):
            update_records.post_update(
                unit,
                family,
                author=everyone[u % len(everyone)],
                child=family.children[u % len(family.children)] if family.children else None,
                body=f"Opdatering {u}",
                posted_at=utcnow() - timedelta(hours=u),
            )
    return family


def make_case(
    child: Child,
    *,
    department: Department,
    partner: Department | None,
    case_type: CaseType,
    holders: list[StaffMember],
    events: int,
    today: date,
) -> Case:
    """`add_case` in a unit of its own, on the session the child is in (committed)."""
    with writing(object_session(child)) as unit:
        return add_case(
            unit,
            child,
            department=department,
            partner=partner,
            case_type=case_type,
            holders=holders,
            events=events,
            today=today,
        )


def add_case(
    unit: UnitOfWork,
    child: Child,
    *,
    department: Department,
    partner: Department | None,
    case_type: CaseType,
    holders: list[StaffMember],
    events: int,
    today: date,
) -> Case:
    """A case three steps in (or as far as the type goes), its clock paused once and extended,
    with `events` notes to the family, a recent decision and an internal note."""
    case = case_records.open_case(
        unit,
        department,
        unique("case"),
        child=child,
        case_type=case_type,
        opened_on=today - timedelta(days=60),
        partner_department=partner,
        holder=holders[0],
    )
    steps = [t for t in case_type.stage_types if not t.final][:3] or case_type.stage_types[:1]
    for position, stage_type in enumerate(steps):
        case_records.change_stage(
            unit,
            case,
            stage_type,
            started_on=today - timedelta(days=50 - 10 * position),
            holder=holders[position % len(holders)],
        )
    current = case.stages[-1]
    case_records.add_clock_adjustment(
        unit,
        case,
        kind="pause",
        starts_on=current.started_on,
        ends_on=current.started_on + timedelta(days=3),
        reason={"da": "Vi ventede på svar fra lægen."},
    )
    case_records.add_clock_adjustment(
        unit,
        case,
        kind="extension",
        starts_on=current.started_on + timedelta(days=5),
        extra_days=14,
        reason={"da": "Vi skal vide mere."},
    )
    for e in range(events):
        note = f"Hændelse {case.external_id}.{e}"
        _event(unit, case, note, utcnow() - timedelta(days=e), kind="note")
    _event(
        unit,
        case,
        "Afgørelse",
        utcnow() - timedelta(days=2),
        kind="decision",
        complaint_to=COMPLAINT_BODY[department.code],
    )
    _event(unit, case, "Intern note", utcnow(), kind="note", visibility="internal")
    return case


def add_event(
    session,
    case: Case,
    summary_da: str,
    occurred_at: datetime,
    *,
    kind: str = "note",
    visibility: str = "family",
    complaint_to: str | None = None,
    **translations: str,
) -> CaseEvent:
    """An event in the case's timeline (committed); `translations` as summary_en=, summary_ar=."""
    with writing(session) as unit:
        return _event(
            unit,
            case,
            summary_da,
            occurred_at,
            kind=kind,
            visibility=visibility,
            complaint_to=complaint_to,
            **translations,
        )


def _event(
    unit: UnitOfWork,
    case: Case,
    summary_da: str,
    occurred_at: datetime,
    *,
    kind: str = "note",
    visibility: str = "family",
    complaint_to: str | None = None,
    **translations: str,
) -> CaseEvent:
    summary = {"da": summary_da, **{k.removeprefix("summary_"): v for k, v in translations.items()}}
    return case_records.add_case_event(
        unit,
        case,
        external_id=unique("event"),
        kind=kind,
        visibility=visibility,
        occurred_at=occurred_at,
        summary=summary,
        complaint_to=complaint_to,
    )


def key_for(session) -> str:
    from flask import current_app

    return current_app.config["PERSON_NUMBER_KEY"]


def stated_by(session, family: Family, *departments: Department) -> Family:
    """Record a family built row by row (and added to `session`) as stated alike by these
    departments' systems, so the access rules (docs/access.md) see the departments vouching for
    what the rows say. Commits."""
    assert family in session, "add the family to the session first"
    contact = family.contact_person
    guardians = [
        (
            guardian,
            {
                "name": guardian.name,
                "access_level": guardian.access_level,
                "email": guardian.email,
                "phone": guardian.phone,
                "preferred_language": guardian.preferred_language or "da",
                "notify_by": guardian.notify_by or "email",
            },
        )
        for guardian in family.guardians
    ]
    children = [
        (
            child,
            {
                "first_name": child.first_name,
                "last_name": child.last_name,
                "birth_date": child.birth_date,
                "school": child.school,
            },
        )
        for child in family.children
    ]
    with writing(session) as unit:
        for department in departments:
            families.state_family(unit, family, department, display_name=family.display_name)
            families.set_contact_person(unit, family, department, contact)
            for guardian, stated in guardians:
                families.state_guardian(unit, guardian, department, **stated)
            for child, stated in children:
                families.state_child(unit, child, department, **stated)
    return family
