"""Load the reference catalogue and the demo families. Running it twice changes nothing.

Everything is written through portal/records in one unit of work, by the system as "demo data":
each family datum leaves its audit entry (door "system"), and the same rules hold as for a
case system's or a staff member's change. The demo tells its families nothing (no outbox
messages): it describes what happened before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.catalogue import case_types, glossary, offers
from portal.demo import people
from portal.models import (
    CaseType,
    Child,
    Department,
    Family,
    GlossaryTerm,
    Meeting,
    Offer,
    Slot,
    StaffMember,
    StageType,
    Update,
)
from portal.records import (
    UnitOfWork,
    booking,
    child_offers,
    conversations,
    families,
    meetings,
    plans,
    system_actor,
    unit_of_work,
    updates,
)
from portal.records import cases as case_records
from portal.records import catalogue as catalogue_records
from portal.records import staff as staff_records

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
DEMO_PREFIX = "demo-"
DEMO_DATA = system_actor("demo data")


def _existing(session: Session, model, **key):
    """The row of reference data the demo loaded before, if any (the demo's own natural keys)."""
    return session.scalar(select(model).filter_by(**key))


def load_reference_data(unit: UnitOfWork) -> dict[str, Department]:
    """The departments, case types, offer catalogue and glossary: added, or brought up to date."""
    session = unit.session
    departments = {}
    for spec in people.DEPARTMENTS:
        values = {"short_name": spec["short_name"], "name": spec["name"]}
        row = _existing(session, Department, code=spec["code"])
        departments[spec["code"]] = (
            catalogue_records.add_department(unit, spec["code"], **values)
            if row is None
            else catalogue_records.change_department(unit, row, **values)
        )
    for spec in case_types.CASE_TYPES:
        values = {
            "name": spec["name"],
            "joint": spec["joint"],
            "stage_types": [
                {
                    "code": stage["code"],
                    "name": stage["name"],
                    "citizen_text": stage["citizen_text"],
                    "norm_days": stage.get("norm_days"),
                    "norm_months": stage.get("norm_months"),
                    "deadline_kind": stage["deadline_kind"],
                    "legal_basis": stage["legal_basis"],
                    "final": stage["final"],
                }
                for stage in spec["stages"]
            ],
        }
        row = _existing(session, CaseType, code=spec["code"])
        if row is None:
            department = departments[spec["department"]]
            catalogue_records.add_case_type(unit, department, spec["code"], **values)
        else:
            catalogue_records.change_case_type(unit, row, **values)
    for spec in offers.OFFERS:
        values = {
            "department": departments[spec["department"]] if spec["department"] else None,
            "legal_basis": spec["legal_basis"],
            "age_min": spec["age_min"],
            "age_max": spec["age_max"],
            **{name: spec[name] for name in ("name", "summary", "who_decides", "how_to_ask")},
        }
        row = _existing(session, Offer, code=spec["code"])
        if row is None:
            catalogue_records.add_offer(unit, spec["code"], **values)
        else:
            catalogue_records.change_offer(unit, row, **values)
    for spec in glossary.GLOSSARY:
        values = {"term": spec["term"], "explanation": spec["explanation"]}
        row = _existing(session, GlossaryTerm, slug=spec["slug"])
        if row is None:
            catalogue_records.add_glossary_term(unit, spec["slug"], **values)
        else:
            catalogue_records.change_glossary_term(unit, row, **values)
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

    def __init__(self, unit: UnitOfWork, today: date):
        self.unit = unit
        self.session = unit.session
        self.today = today
        self.departments: dict[str, Department] = {}
        self.staff: dict[str, StaffMember] = {}
        self.families: dict[str, Family] = {}
        self.children: dict[str, Child] = {}
        self.case_types: dict[str, CaseType] = {}
        self.stage_types: dict[tuple[str, str], StageType] = {}

    def days_ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def run(self) -> bool:
        self.departments = load_reference_data(self.unit)
        for case_type in self.session.scalars(select(CaseType)):
            self.case_types[case_type.code] = case_type
            for stage_type in case_type.stage_types:
                self.stage_types[(case_type.code, stage_type.code)] = stage_type
        self.load_staff()
        exists = self.session.scalar(
            select(Family).where(Family.external_id.startswith(DEMO_PREFIX)).limit(1)
        )
        if exists is not None:
            self.top_up_slots()
            return False
        for spec in people.FAMILIES:
            self.load_family(spec)
        self.load_meetings()
        self.load_plan_steps()
        self.load_slots()
        self.load_updates()
        self.load_time_requests()
        self.load_conversations()
        return True

    def load_staff(self) -> None:
        for spec in people.STAFF:
            department = self.departments[spec["department"]]
            external_id = DEMO_PREFIX + spec["key"]
            values = {
                "name": spec["name"],
                "subject": spec["subject"],
                "title": spec["title"],
                "team": spec["team"],
                "phone": spec["phone"],
                "email": spec["email"],
                "languages": spec["languages"].split(),
                "role": spec.get("role", "staff"),
                "reachable": spec["reachable"],
            }
            row = _existing(
                self.session, StaffMember, external_id=external_id, department_id=department.id
            )
            self.staff[spec["key"]] = (
                staff_records.add_staff(self.unit, department, external_id=external_id, **values)
                if row is None
                else staff_records.change_staff(self.unit, row, **values)
            )

    def load_family(self, spec: dict) -> None:
        # Both departments' systems have sent each demo family, and they agree.
        first, *others = self.departments.values()
        contact = self.staff[spec["contact"]]
        family = families.add_family(
            self.unit, first, display_name=spec["name"], external_id=DEMO_PREFIX + spec["key"]
        )
        families.set_contact_person(self.unit, family, first, contact)
        for department in others:
            families.state_family(self.unit, family, department, display_name=spec["name"])
            families.set_contact_person(self.unit, family, department, contact)
        self.families[spec["key"]] = family
        for g in spec["guardians"]:
            stated = {
                "name": g["name"],
                "access_level": g["access"],
                "email": g["email"],
                "phone": g["phone"],
                "preferred_language": g["language"],
            }
            guardian = families.add_guardian(
                self.unit, family, first, person_number=g["person_number"], **stated
            )
            for department in others:
                families.state_guardian(self.unit, guardian, department, **stated)
        for c in spec["children"]:
            stated = {
                "first_name": c["first_name"],
                "last_name": c["last_name"],
                "birth_date": date.fromisoformat(c["birth"]),
                "school": c["school"],
            }
            child = families.add_child(
                self.unit, family, first, external_id=DEMO_PREFIX + c["key"], **stated
            )
            for department in others:
                families.state_child(self.unit, child, department, **stated)
            self.children[c["key"]] = child
            for case_spec in c["cases"]:
                self.load_case(child, case_spec)
            for offer_code, dept, status, days, provider in c["offers"]:
                self.load_child_offer(child, offer_code, dept, status, days, provider)

    def load_case(self, child: Child, spec: dict) -> None:
        holder = self.staff[spec["holder"]]
        case = case_records.open_case(
            self.unit,
            self.departments[spec["department"]],
            spec["ext"],
            child=child,
            case_type=self.case_types[spec["type"]],
            opened_on=self.days_ago(spec["opened"]),
            partner_department=self.departments.get(spec.get("partner", "")),
            holder=holder,
            holder_team=holder.team,
        )
        for code, days, holder_key in spec["stages"]:
            holder = self.staff[holder_key]
            case_records.change_stage(
                self.unit,
                case,
                self.stage_types[(spec["type"], code)],
                started_on=self.days_ago(days),
                holder=holder,
                holder_team=holder.team,
            )
        for kind, days, ended, extra, reason in spec.get("adjustments", []):
            case_records.add_clock_adjustment(
                self.unit,
                case,
                kind=kind,
                starts_on=self.days_ago(days),
                ends_on=self.days_ago(ended) if ended is not None else None,
                extra_days=extra,
                reason=case_types.CLOCK_REASONS[reason],
            )
        complaint_to = spec.get("decision", (None, None))[1]
        for index, (days, kind, visibility, summary) in enumerate(spec["events"]):
            # Family events come in da/en/ar; internal ones in Danish only, for staff.
            case_records.add_case_event(
                self.unit,
                case,
                external_id=f"{spec['ext']}-{index + 1}",
                kind=kind,
                visibility=visibility,
                occurred_at=_at(self.today, -days, 10),
                summary=summary if isinstance(summary, dict) else {"da": summary},
                complaint_to=complaint_to if kind == "decision" else None,
            )

    def load_child_offer(self, child, code, dept, status, days, provider) -> None:
        started = status in ("started", "ended")
        child_offers.add_child_offer(
            self.unit,
            self.departments[dept],
            child=child,
            offer=_existing(self.session, Offer, code=code),
            status=status,
            provider=provider,
            external_id=f"{DEMO_PREFIX}{child.external_id}-{code}",
            applied_on=self.days_ago(days + 30 if status != "applied" else days),
            decided_on=self.days_ago(days) if status != "applied" else None,
            starts_on=self.days_ago(days) if started else None,
        )

    def load_meetings(self) -> None:
        guardians = {g.name: g for f in self.families.values() for g in f.guardians}
        departments = {d.id: d for d in self.departments.values()}
        for index, row in enumerate(people.MEETINGS, start=1):
            family_key, organiser, kind, days, hour, minutes, title, where, video, who = row
            starts = _at(self.today, days, hour, weekday=True)
            organizer = self.staff[organiser]
            participants = [
                {"staff": self.staff[name]}
                if name in self.staff
                else {"guardian": guardians[name]}
                if name in guardians
                else {"name": name}
                for name in who
            ]
            meetings.plan_meeting(
                self.unit,
                departments[organizer.department_id],
                self.families[family_key],
                external_id=f"{DEMO_PREFIX}meeting-{index}",
                organizer=organizer,
                kind=kind,
                title=title,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=minutes),
                location=where,
                video_url=video,
                status="held" if days < 0 else "planned",
                participants=participants,
            )

    def load_plan_steps(self) -> None:
        """The next steps agreed at the held meetings (people.PLAN_STEPS)."""
        for family_key, title, child_key, owner, what, due, done in people.PLAN_STEPS:
            meeting = self.session.scalar(
                select(Meeting).where(
                    Meeting.family == self.families[family_key], Meeting.title == title
                )
            )
            who, _, name = owner.partition(":")
            step = plans.add_plan_step(
                self.unit,
                meeting,
                self.children[child_key],
                what=what,
                owner=who if who in ("family", "other") else "staff",
                owner_staff=self.staff.get(who),
                owner_name=name or None,
                due_on=self.today + timedelta(days=due),
                written_by=meeting.organizer,
            )
            if done is not None:
                plans.mark_step_done(self.unit, step, self.days_ago(done))

    def load_slots(self) -> None:
        for staff_key, family_key, days, hour in people.SLOTS:
            starts = _at(self.today, days, hour, weekday=True)
            staff = self.staff[staff_key]
            booking.offer_time(
                self.unit,
                staff,
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                location=staff.team,
                family=self.families[family_key] if family_key else None,
            )
        self.load_slot_series(people.SLOT_SERIES)

    def load_slot_series(self, series, skip_clashes: bool = False) -> None:
        """Weekly times of the contact persons, some weeks ahead of `today`. (Topping up an
        older database skips a series that would clash with what was booked there since.)"""
        for staff_key, family_key, days, hours, weeks, minutes, kind, video in series:
            staff = self.staff[staff_key]
            for hour in hours:
                first = _at(self.today, days, hour, weekday=True)
                try:
                    self.offer_series(staff, family_key, first, weeks, minutes, kind, video)
                except booking.Clash:
                    if not skip_clashes:
                        raise

    def offer_series(self, staff, family_key, first, weeks, minutes, kind, video) -> None:
        booking.offer_times(
            self.unit,
            staff,
            starts=[first + timedelta(weeks=week) for week in range(weeks)],
            minutes=minutes,
            kind=kind,
            location=None if video else staff.team,
            video_url=video,
            family=self.families[family_key] if family_key else None,
        )

    def top_up_slots(self) -> None:
        """Run again on an older demo database: a contact person whose offered times have all
        passed or been booked gets their weekly times again, from today on, so the demo
        parents always have times to book."""
        free = set(
            self.session.scalars(
                select(Slot.staff_id).where(
                    Slot.meeting_id.is_(None),
                    Slot.starts_at > datetime.now(UTC) + timedelta(days=2),
                )
            )
        )
        wanted = [row for row in people.SLOT_SERIES if self.staff[row[0]].id not in free]
        if not wanted:
            return
        for row in wanted:
            family_key = row[1]
            if family_key and family_key not in self.families:
                self.families[family_key] = _existing(
                    self.session, Family, external_id=DEMO_PREFIX + family_key
                )
        again = [(key, family, 1 + days % 7, *rest) for key, family, days, *rest in wanted]
        self.load_slot_series(again, skip_clashes=True)

    def load_updates(self) -> None:
        for family_key, author, days, child_key, body in people.UPDATES:
            updates.post_update(
                self.unit,
                self.families[family_key],
                author=self.staff[author],
                child=self.children.get(child_key),
                body=body,
                posted_at=_at(self.today, -days, 9, 30),
            )

    def load_time_requests(self) -> None:
        """Families who found no time that fits (people.TIME_REQUESTS), for their contact person."""
        self.session.flush()  # the request goes to the family's settled contact person, by id
        for family_key, name, weekdays, times_of_day, note in people.TIME_REQUESTS:
            guardian = next(g for g in self.families[family_key].guardians if g.name == name)
            booking.ask_for_time(
                self.unit, guardian, weekdays=weekdays, times_of_day=times_of_day, note=note
            )

    def load_conversations(self) -> None:
        """Parents writing to their contact person (people.CONVERSATIONS), as it happened."""
        self.session.flush()  # a conversation goes to the family's settled contact person
        for family_key, name, topic, update_days, messages in people.CONVERSATIONS:
            family = self.families[family_key]
            guardian = next(g for g in family.guardians if g.name == name)
            update = None
            if update_days is not None:
                posted = _at(self.today, -update_days, 9, 30)
                found = self.session.scalars(select(Update).where(Update.family_id == family.id))
                update = next(u for u in found if u.posted_at == posted)
            (_, days, hour, text), *later = messages
            thread = conversations.start_thread(
                self.unit,
                family,
                guardian,
                topic,
                text,
                update,
                sent_at=_at(self.today, -days, hour),
            )
            for writer, days, hour, text in later:
                conversations.write_message(
                    self.unit,
                    thread,
                    guardian if writer == "guardian" else self.staff[writer],
                    text,
                    sent_at=_at(self.today, -days, hour),
                )


def seed_demo(session: Session, person_number_key: str, today: date | None = None) -> bool:
    """Load everything; returns False when the demo families were already there."""
    with unit_of_work(session, DEMO_DATA, person_number_key, tell_families=False) as unit:
        created = DemoLoader(unit, today or date.today()).run()
    return created
