"""Load the reference catalogue and the demo families. Running it twice changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.catalogue import case_types, glossary, offers
from portal.demo import people
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
    GlossaryTerm,
    Guardian,
    Meeting,
    Offer,
    Participant,
    Slot,
    StaffMember,
    Stage,
    StageType,
    Update,
)
from portal.records.statements import state_child, state_family, state_guardian

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
DEMO_PREFIX = "demo-"


def _langs(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{code}": texts[code] for code in ("da", "en", "ar")}


def _upsert(session: Session, model, key: dict, values: dict):
    row = session.scalar(select(model).filter_by(**key))
    if row is None:
        row = model(**key)
        session.add(row)
    for name, value in values.items():
        setattr(row, name, value)
    return row


def load_reference_data(session: Session) -> dict[str, Department]:
    departments = {
        d["code"]: _upsert(
            session,
            Department,
            {"code": d["code"]},
            {"short_name": d["short_name"], **_langs("name", d["name"])},
        )
        for d in people.DEPARTMENTS
    }
    session.flush()
    for spec in case_types.CASE_TYPES:
        case_type = _upsert(
            session,
            CaseType,
            {"code": spec["code"]},
            {
                "department": departments[spec["department"]],
                "joint": spec["joint"],
                **_langs("name", spec["name"]),
            },
        )
        session.flush()
        for position, stage in enumerate(spec["stages"], start=1):
            _upsert(
                session,
                StageType,
                {"case_type_id": case_type.id, "code": stage["code"]},
                {
                    "position": position,
                    "norm_days": stage.get("norm_days"),
                    "norm_months": stage.get("norm_months"),
                    "deadline_kind": stage["deadline_kind"],
                    "legal_basis": stage["legal_basis"],
                    "final": stage["final"],
                    **_langs("name", stage["name"]),
                    **_langs("citizen_text", stage["citizen_text"]),
                },
            )
    for spec in offers.OFFERS:
        _upsert(
            session,
            Offer,
            {"code": spec["code"]},
            {
                "department": departments[spec["department"]] if spec["department"] else None,
                "legal_basis": spec["legal_basis"],
                "age_min": spec["age_min"],
                "age_max": spec["age_max"],
                **_langs("name", spec["name"]),
                **_langs("summary", spec["summary"]),
                **_langs("who_decides", spec["who_decides"]),
                **_langs("how_to_ask", spec["how_to_ask"]),
            },
        )
    for spec in glossary.GLOSSARY:
        _upsert(
            session,
            GlossaryTerm,
            {"slug": spec["slug"]},
            {**_langs("term", spec["term"]), **_langs("explanation", spec["explanation"])},
        )
    session.flush()
    return departments


def _at(today: date, days: int, hour: int, minute: int = 0, weekday: bool = False) -> datetime:
    day = today + timedelta(days=days)
    while weekday and day.weekday() >= 5:  # meetings and bookable times fall on working days
        day += timedelta(days=1 if days >= 0 else -1)
    local = datetime.combine(day, time(hour, minute), COPENHAGEN)
    return local.astimezone(UTC)


class DemoLoader:
    """Creates the demo families once; a second run finds them and stops."""

    def __init__(self, session: Session, person_number_key: str, today: date):
        self.session = session
        self.key = person_number_key
        self.today = today
        self.departments: dict[str, Department] = {}
        self.staff: dict[str, StaffMember] = {}
        self.families: dict[str, Family] = {}
        self.children: dict[str, Child] = {}
        self.stage_types: dict[tuple[str, str], StageType] = {}

    def days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def run(self) -> bool:
        self.departments = load_reference_data(self.session)
        for stage_type in self.session.scalars(select(StageType)):
            self.stage_types[(stage_type.case_type.code, stage_type.code)] = stage_type
        self.load_staff()
        exists = self.session.scalar(
            select(Family).where(Family.external_id.startswith(DEMO_PREFIX)).limit(1)
        )
        if exists is not None:
            return False
        for spec in people.FAMILIES:
            self.load_family(spec)
        self.load_meetings()
        self.load_slots()
        self.load_updates()
        self.session.flush()
        return True

    def load_staff(self) -> None:
        for spec in people.STAFF:
            self.staff[spec["key"]] = _upsert(
                self.session,
                StaffMember,
                {
                    "external_id": DEMO_PREFIX + spec["key"],
                    "department_id": self.departments[spec["department"]].id,
                },
                {
                    "name": spec["name"],
                    "subject": spec["subject"],
                    "title": spec["title"],
                    "team": spec["team"],
                    "phone": spec["phone"],
                    "email": spec["email"],
                    "languages": spec["languages"],
                    "role": spec.get("role", "staff"),
                    **_langs("reachable", spec["reachable"]),
                },
            )
        self.session.flush()

    def load_family(self, spec: dict) -> None:
        # Both departments' systems have sent each demo family, and they agree.
        stating = [d.id for d in self.departments.values()]
        family = Family(external_id=DEMO_PREFIX + spec["key"])
        self.session.add(family)
        self.families[spec["key"]] = family
        for department_id in stating:
            state_family(
                family,
                department_id,
                {"display_name": spec["name"], "contact_person": self.staff[spec["contact"]]},
            )
        for g in spec["guardians"]:
            guardian = Guardian(person_number_hash=person_number_hash(g["person_number"], self.key))
            family.guardians.append(guardian)
            for department_id in stating:
                state_guardian(
                    guardian,
                    department_id,
                    {
                        "name": g["name"],
                        "access_level": g["access"],
                        "email": g["email"],
                        "phone": g["phone"],
                        "preferred_language": g["language"],
                    },
                )
        for c in spec["children"]:
            child = Child(external_id=DEMO_PREFIX + c["key"])
            family.children.append(child)
            for department_id in stating:
                state_child(
                    child,
                    department_id,
                    {
                        "first_name": c["first_name"],
                        "last_name": c["last_name"],
                        "birth_date": date.fromisoformat(c["birth"]),
                        "school": c["school"],
                    },
                )
            self.children[c["key"]] = child
            for case_spec in c["cases"]:
                self.load_case(child, case_spec)
            for offer_code, dept, status, days, provider in c["offers"]:
                self.load_child_offer(child, offer_code, dept, status, days, provider)

    def load_case(self, child: Child, spec: dict) -> None:
        department = self.departments[spec["department"]]
        case = Case(
            external_id=spec["ext"],
            child=child,
            department=department,
            partner_department=self.departments.get(spec.get("partner", "")),
            case_type=self.session.scalar(select(CaseType).filter_by(code=spec["type"])),
            holder=self.staff[spec["holder"]],
            holder_team=self.staff[spec["holder"]].team,
            opened_on=self.days_ago(spec["opened"]),
        )
        self.session.add(case)
        reached = spec["stages"]
        for index, (code, days, holder_key) in enumerate(reached):
            ended = reached[index + 1][1] if index + 1 < len(reached) else None
            holder = self.staff[holder_key]
            case.stages.append(
                Stage(
                    stage_type=self.stage_types[(spec["type"], code)],
                    started_on=self.days_ago(days),
                    ended_on=self.days_ago(ended) if ended is not None else None,
                    holder=holder,
                    holder_team=holder.team,
                    holder_department=holder.department,
                )
            )
        current = case.stages[-1]
        for kind, days, ended, extra, reason in spec.get("adjustments", []):
            current.clock_adjustments.append(
                ClockAdjustment(
                    kind=kind,
                    starts_on=self.days_ago(days),
                    ends_on=self.days_ago(ended) if ended is not None else None,
                    extra_days=extra,
                    **_langs("reason", case_types.CLOCK_REASONS[reason]),
                )
            )
        complaint_to = spec.get("decision", (None, None))[1]
        for index, (days, kind, visibility, summary) in enumerate(spec["events"]):
            # Family events come in da/en/ar; internal ones in Danish only, for staff.
            texts = summary if isinstance(summary, dict) else {"da": summary}
            case.events.append(
                CaseEvent(
                    external_id=f"{spec['ext']}-{index + 1}",
                    kind=kind,
                    visibility=visibility,
                    occurred_at=_at(self.today, -days, 10),
                    complaint_to=complaint_to if kind == "decision" else None,
                    **{f"summary_{code}": text for code, text in texts.items()},
                )
            )

    def load_child_offer(self, child, code, dept, status, days, provider) -> None:
        offer = self.session.scalar(select(Offer).filter_by(code=code))
        started = status in ("started", "ended")
        self.session.add(
            ChildOffer(
                child=child,
                offer=offer,
                department=self.departments[dept],
                status=status,
                provider=provider,
                external_id=f"{DEMO_PREFIX}{child.external_id}-{code}",
                applied_on=self.days_ago(days + 30 if status != "applied" else days),
                decided_on=self.days_ago(days) if status != "applied" else None,
                starts_on=self.days_ago(days) if started else None,
            )
        )

    def load_meetings(self) -> None:
        guardians = {g.name: g for f in self.families.values() for g in f.guardians}
        for index, row in enumerate(people.MEETINGS, start=1):
            family_key, organiser, kind, days, hour, minutes, title, where, video, who = row
            starts = _at(self.today, days, hour, weekday=True)
            organizer = self.staff[organiser]
            meeting = Meeting(
                external_id=f"{DEMO_PREFIX}meeting-{index}",
                family=self.families[family_key],
                department=organizer.department,
                organizer=organizer,
                kind=kind,
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=minutes),
                location=where,
                video_url=video,
                status="held" if days < 0 else "planned",
            )
            for name in who:
                if name in self.staff:
                    meeting.participants.append(Participant(staff=self.staff[name]))
                elif name in guardians:
                    meeting.participants.append(Participant(guardian=guardians[name]))
                else:
                    meeting.participants.append(Participant(name=name))
            self.session.add(meeting)

    def load_slots(self) -> None:
        self.session.flush()  # families need their ids
        for staff_key, family_key, days, hour in people.SLOTS:
            starts = _at(self.today, days, hour, weekday=True)
            self.session.add(
                Slot(
                    staff=self.staff[staff_key],
                    family_id=self.families[family_key].id if family_key else None,
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=1),
                    location=self.staff[staff_key].team,
                )
            )

    def load_updates(self) -> None:
        for family_key, author, days, child_key, body in people.UPDATES:
            self.session.add(
                Update(
                    family=self.families[family_key],
                    author=self.staff[author],
                    child=self.children.get(child_key),
                    body=body,
                    posted_at=_at(self.today, -days, 9, 30),
                )
            )


def seed_demo(session: Session, person_number_key: str, today: date | None = None) -> bool:
    """Load everything; returns False when the demo families were already there."""
    created = DemoLoader(session, person_number_key, today or date.today()).run()
    session.commit()
    return created
