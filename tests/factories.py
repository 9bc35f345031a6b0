"""Plain factory functions for test data (after GOV.UK Notify's tests): no magic, just rows."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import select

from portal.domain.identity import person_number_hash
from portal.models import (
    Case,
    CaseEvent,
    CaseType,
    Child,
    ChildOffer,
    ClockAdjustment,
    Department,
    Family,
    Guardian,
    Meeting,
    Offer,
    Participant,
    StaffMember,
    Stage,
    StageType,
    Update,
)
from portal.models.base import utcnow
from portal.records.statements import state_child, state_family, state_guardian

# Cases alternate between the departments, so a family has both, each with its own caseworkers.
CASE_TYPE_BY_DEPARTMENT = {"sof": "boernefaglig-undersoegelse", "buf": "ppr-vurdering"}
COMPLAINT_BODY = {"sof": "ankestyrelsen", "buf": "klagenaevnet"}
OFFER_STATUSES = ("applied", "granted", "started", "ended", "declined")


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


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
    case_type = CaseType(code=unique("type"), department=dept, **_columns("name", name))
    for position, final in ((1, False), (2, True)):
        case_type.stage_types.append(
            StageType(
                position=position,
                code=f"step-{position}",
                norm_days=None if final else 30,
                deadline_kind=None if final else "target",
                final=final,
                **_columns("name", name),
                **_columns("citizen_text", citizen_text),
            )
        )
    session.add(case_type)
    session.commit()
    return case_type


def _columns(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{code}": text for code, text in texts.items()}


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

    Every family has a bit of everything a page can show: cases in BUF and SOF (the second and
    later ones alternate) held by different caseworkers, a joint partner department, a closed
    pause and an extension on each current step, a decision with an open complaint window, an
    internal note, offers in every status, and meetings with staff from both departments, the
    guardian and someone from outside."""
    departments = {code: staff_of(session, code) for code in ("sof", "buf")}
    sof, sof_staff = departments["sof"]
    buf, buf_staff = departments["buf"]
    catalogue = session.scalars(select(Offer).order_by(Offer.id)).all()
    # Both departments have stated the family alike, each assigning the same contact person.
    family = Family(external_id=unique("family"))
    guardian = Guardian(person_number_hash=person_number_hash(person_number, key_for(session)))
    family.guardians.append(guardian)
    for department in (sof, buf):
        state_family(
            family,
            department.id,
            {"display_name": f"Familien {key}", "contact_person": sof_staff[0]},
        )
        state_guardian(
            guardian,
            department.id,
            {"name": f"Forælder {key}", "access_level": "custody", "preferred_language": language},
        )
    session.add(family)
    today = date.today()
    for c in range(children):
        child = Child(external_id=unique("child"))
        family.children.append(child)
        for department in (sof, buf):
            state_child(
                child,
                department.id,
                {"first_name": f"Barn{c}", "last_name": key, "birth_date": date(2015, 1, 1 + c)},
            )
        for n in range(cases):
            code = "sof" if n % 2 == 0 else "buf"
            department, staff = departments[code]
            session.add(
                make_case(
                    child,
                    department=department,
                    partner=buf if code == "sof" else sof,
                    case_type=case_type
                    or session.scalar(
                        select(CaseType).filter_by(code=CASE_TYPE_BY_DEPARTMENT[code])
                    ),
                    holders=staff[n % len(staff) :] + staff[: n % len(staff)],
                    events=events,
                    today=today,
                )
            )
        for o in range(offers):
            offer = catalogue[(c + o) % len(catalogue)]
            status = OFFER_STATUSES[o % len(OFFER_STATUSES)]
            session.add(
                ChildOffer(
                    external_id=unique("offer"),
                    child=child,
                    offer=offer,
                    department=offer.department or sof,
                    status=status,
                    provider=f"Tilbudssted {o}",
                    applied_on=today - timedelta(days=90),
                    decided_on=None if status == "applied" else today - timedelta(days=60),
                    starts_on=today - timedelta(days=30)
                    if status in ("started", "ended")
                    else None,
                    ends_on=today - timedelta(days=5) if status == "ended" else None,
                )
            )
    for m in range(meetings):
        starts = utcnow() + timedelta(days=m + 1)
        organizer = (sof_staff + buf_staff)[m % (len(sof_staff) + len(buf_staff))]
        meeting = Meeting(
            family=family,
            department=organizer.department,
            organizer=organizer,
            kind="samtale",
            title=f"Møde {m}",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            location=f"Lokale {m}",
        )
        meeting.participants.append(Participant(staff=sof_staff[m % len(sof_staff)]))
        meeting.participants.append(Participant(staff=buf_staff[m % len(buf_staff)]))
        meeting.participants.append(Participant(guardian=guardian))
        meeting.participants.append(Participant(name=f"Lærer {m}", role="Klasselærer"))
        session.add(meeting)
    for u in range(updates):
        session.add(
            Update(
                family=family,
                author=(sof_staff + buf_staff)[u % (len(sof_staff) + len(buf_staff))],
                child=family.children[u % len(family.children)] if family.children else None,
                body=f"Opdatering {u}",
                posted_at=utcnow() - timedelta(hours=u),
            )
        )
    session.commit()
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
    """A case three steps in (or as far as the type goes), its clock paused once and extended,
    with `events` notes to the family, a recent decision and an internal note."""
    case = Case(
        external_id=unique("case"),
        child=child,
        department=department,
        partner_department=partner,
        case_type=case_type,
        holder=holders[0],
        opened_on=today - timedelta(days=60),
    )
    steps = [t for t in case_type.stage_types if not t.final][:3] or case_type.stage_types[:1]
    for position, stage_type in enumerate(steps):
        last = position == len(steps) - 1
        holder = holders[position % len(holders)]
        case.stages.append(
            Stage(
                stage_type=stage_type,
                started_on=today - timedelta(days=50 - 10 * position),
                ended_on=None if last else today - timedelta(days=40 - 10 * position),
                holder=holder,
                holder_department=department,
            )
        )
    current = case.stages[-1]
    current.clock_adjustments.append(
        ClockAdjustment(
            kind="pause",
            starts_on=current.started_on,
            ends_on=current.started_on + timedelta(days=3),
            reason_da="Vi ventede på svar fra lægen.",
        )
    )
    current.clock_adjustments.append(
        ClockAdjustment(
            kind="extension",
            starts_on=current.started_on + timedelta(days=5),
            extra_days=14,
            reason_da="Vi skal vide mere.",
        )
    )
    for e in range(events):
        case.events.append(
            event(f"Hændelse {case.external_id}.{e}", utcnow() - timedelta(days=e), kind="note")
        )
    case.events.append(
        event(
            "Afgørelse",
            utcnow() - timedelta(days=2),
            kind="decision",
            complaint_to=COMPLAINT_BODY[department.code],
        )
    )
    case.events.append(
        event("Intern note", utcnow(), kind="note", visibility="internal"),
    )
    return case


def event(
    summary_da: str,
    occurred_at: datetime,
    *,
    kind: str = "note",
    visibility: str = "family",
    complaint_to: str | None = None,
    **translations: str,
) -> CaseEvent:
    return CaseEvent(
        external_id=unique("event"),
        kind=kind,
        visibility=visibility,
        occurred_at=occurred_at,
        summary_da=summary_da,
        complaint_to=complaint_to,
        **translations,
    )


def key_for(session) -> str:
    from flask import current_app

    return current_app.config["PERSON_NUMBER_KEY"]


def stated_by(family: Family, *departments: Department) -> Family:
    """Record a family built row by row as stated alike by these departments' systems, so the
    access rules (docs/access.md) see the departments vouching for what the rows say."""
    for department in departments:
        state_family(
            family,
            department.id,
            {"display_name": family.display_name, "contact_person": family.contact_person},
        )
        for guardian in family.guardians:
            state_guardian(
                guardian,
                department.id,
                {
                    "name": guardian.name,
                    "access_level": guardian.access_level,
                    "email": guardian.email,
                    "phone": guardian.phone,
                    "preferred_language": guardian.preferred_language or "da",
                    "notify_by": guardian.notify_by or "email",
                },
            )
        for child in family.children:
            state_child(
                child,
                department.id,
                {
                    "first_name": child.first_name,
                    "last_name": child.last_name,
                    "birth_date": child.birth_date,
                    "school": child.school,
                },
            )
    return family
