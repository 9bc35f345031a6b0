"""Volume data for benchmarks: many realistic families written in bulk.

The per-row records functions are right for the API and the pages but far too slow for 10,000
families, so this module writes the same rows with SQLAlchemy Core `insert()` in executemany
batches, one unit of work per chunk of families (memory stays flat, nothing tells a family).
Every family gets what a demo family has: both departments' statements about it, its children
and guardians, so the pages that read the statements show it. Person numbers are only ever
kept as the keyed hash the logins match (`UnitOfWork.person_hash`)."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from portal.audit import actor_columns
from portal.models import (
    AuditEntry,
    Case,
    CaseEvent,
    CaseType,
    Child,
    ChildStatement,
    Department,
    Family,
    FamilyStatement,
    Guardian,
    GuardianStatement,
    Meeting,
    Message,
    Participant,
    StaffMember,
    Stage,
    StageType,
    Thread,
    Update,
)
from portal.records.unit import UnitOfWork, system_actor, unit_of_work

ACTOR = "volume data"
STAFF_TENANT = "kk-volume"  # the staff provider's tenant: subjects are "tenant:oid"
FIRST_NAMES = ("Ida", "Noah", "Emma", "Ali", "Sofia", "Oscar", "Aya", "Lucas", "Freja", "Omar")
LAST_NAMES = ("Hansen", "Jensen", "Nielsen", "Ahmed", "Larsen", "Kowalski", "Pedersen", "Hussein")
PARENT_NAMES = ("Mette", "Jonas", "Fatima", "Emre", "Louise", "Amina", "Peter", "Sara")
MEETING_KINDS = ("tvaerfagligt", "netvaerk", "opfoelgning", "samtale")
EVENT_KINDS = ("stage", "decision", "meeting", "document", "note")


@dataclass
class LoadResult:
    families: int = 0
    staff: int = 0
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class _Catalogue:
    departments: dict[str, int]
    case_types: list[tuple[int, int, bool]]  # (id, department_id, joint)
    stage_types: dict[int, list[tuple[int, bool]]]  # case type -> [(id, final)]


def load_volume(
    session: Session,
    person_number_key: str,
    families: int,
    *,
    seed: int = 14,
    chunk: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> LoadResult:
    """Write `families` new families (and the staff who serve them) in chunks of `chunk`."""
    rng = random.Random(seed)  # noqa: S311 (repeatable volume data, not secrets)
    catalogue = _catalogue(session)
    run = _run_mark(session)
    result = LoadResult()
    with unit_of_work(session, system_actor(ACTOR), person_number_key, tell_families=False):
        caseloads = _add_staff(session, rng, catalogue, families, run)
    result.staff = sum(len(ids) for ids in caseloads.staff.values())
    done = 0
    while done < families:
        size = min(chunk, families - done)
        with unit_of_work(
            session, system_actor(ACTOR), person_number_key, tell_families=False
        ) as unit:
            _load_chunk(unit, rng, catalogue, caseloads, run, done, size, result.counts)
        session.expunge_all()
        done += size
        if progress:
            progress(done, families)
    result.families = done
    return result


def _catalogue(session: Session) -> _Catalogue:
    departments = dict(session.execute(select(Department.code, Department.id)).all())
    case_types = [
        tuple(r)
        for r in session.execute(select(CaseType.id, CaseType.department_id, CaseType.joint))
    ]
    if set(departments) != {"buf", "sof"} or not case_types:
        raise LookupError("the reference data is missing: run `flask --app portal seed-demo` first")
    stage_types: dict[int, list[tuple[int, bool]]] = {}
    for case_type_id, stage_id, final in session.execute(
        select(StageType.case_type_id, StageType.id, StageType.final).order_by(StageType.position)
    ):
        stage_types.setdefault(case_type_id, []).append((stage_id, final))
    return _Catalogue(departments, case_types, stage_types)


def _run_mark(session: Session) -> str:
    """What makes this run's external ids, subjects and made-up person numbers unique: the
    next family id in hex. It grows by at least the run's size, so no two runs overlap, and
    the same `--seed` otherwise gives the same families."""
    return f"{(session.scalar(select(func.max(Family.id))) or 0) + 1:x}"


def _ids(session: Session, model, rows: list[dict]) -> list[int]:
    """Insert `rows` in one executemany and return their new ids in the same order."""
    if not rows:
        return []
    statement = insert(model).returning(model.id, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).scalars())


class _Caseloads:
    """Each department's staff, each with a contiguous block of the run's families: contact
    person for those of them the department looks after, holder of the department's cases
    and a participant in their meetings. Block sizes rise evenly from 5 to 200 families, so a
    run of N families needs about N / 102.5 staff per department."""

    SMALLEST, LARGEST = 5, 200

    def __init__(self, staff: dict[int, list[int]], names: dict[int, str], families: int):
        self.staff = staff
        self.names = names
        self.bounds: dict[int, list[float]] = {}
        for department_id, ids in staff.items():
            steps = max(len(ids) - 1, 1)
            weights = [
                self.SMALLEST + (self.LARGEST - self.SMALLEST) * k / steps for k in range(len(ids))
            ]
            scale = families / sum(weights)
            self.bounds[department_id] = list(accumulate(w * scale for w in weights))

    def owner(self, department_id: int, family_index: int) -> int:
        ids = self.staff[department_id]
        k = bisect_right(self.bounds[department_id], family_index)
        return ids[min(k, len(ids) - 1)]


def _add_staff(session, rng, catalogue, families: int, run: str) -> _Caseloads:
    staff: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    mean = (_Caseloads.SMALLEST + _Caseloads.LARGEST) / 2
    for code, department_id in catalogue.departments.items():
        count = max(2, round(families / mean))
        rows = [
            {
                "external_id": f"vol-{run}-{code}-{n}",
                "subject": f"{STAFF_TENANT}:{run}-{code}-{n}",
                "name": f"{rng.choice(PARENT_NAMES)} {rng.choice(LAST_NAMES)}",
                "department_id": department_id,
                "team": f"Team {n % 7 + 1}",
                "title": "Koordinator",
                "phone": f"33 {n % 100:02d} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
                "email": f"volume-{run}-{code}-{n}@kk.example",
                "languages": "da",
                "role": "staff",
                "active": True,
            }
            for n in range(count)
        ]
        staff[department_id] = _ids(session, StaffMember, rows)
        names.update(zip(staff[department_id], (row["name"] for row in rows), strict=True))
    return _Caseloads(staff, names, families)


def _load_chunk(
    unit: UnitOfWork, rng, catalogue, caseloads: _Caseloads, run, start: int, size: int, counts
):
    chunk = _Chunk(unit, rng, catalogue, caseloads, run)
    chunk.families(range(start, start + size))
    chunk.guardians()
    chunk.children()
    chunk.cases()
    chunk.stages_and_events()
    chunk.meetings()
    chunk.updates_and_conversations()
    chunk.audit()
    for name, n in chunk.written.items():
        counts[name] = counts.get(name, 0) + n


class _Chunk:
    """One chunk of families, written table by table; each step keeps the new ids the next
    steps refer to."""

    def __init__(self, unit: UnitOfWork, rng, catalogue, caseloads: _Caseloads, run: str):
        self.unit, self.session, self.rng = unit, unit.session, rng
        self.catalogue, self.caseloads, self.run = catalogue, caseloads, run
        self.now = datetime.now(UTC)
        self.today = self.now.date()
        self.buf, self.sof = catalogue.departments["buf"], catalogue.departments["sof"]
        self.written: dict[str, int] = {}

    def _count(self, name: str, rows) -> None:
        self.written[name] = self.written.get(name, 0) + len(rows)

    def families(self, indexes: range) -> None:
        rng, buf, sof = self.rng, self.buf, self.sof
        # (family index, last name, contact person's department, contact person)
        self.plans = []
        for n in indexes:
            last = rng.choice(LAST_NAMES)
            department = rng.choice((buf, sof))
            self.plans.append((n, last, department, self.caseloads.owner(department, n)))
        self.family_ids = _ids(
            self.session,
            Family,
            [
                {
                    "external_id": f"vol-{self.run}-{n}",
                    "display_name": f"Familien {last}",
                    "contact_person_id": contact,
                }
                for n, last, _, contact in self.plans
            ],
        )
        self.family_plans = list(zip(self.family_ids, self.plans, strict=True))
        _bulk(
            self.session,
            FamilyStatement,
            [
                {
                    "family_id": fid,
                    "department_id": dep,
                    "display_name": f"Familien {last}",
                    "contact_person_id": contact if dep == cdep else None,
                }
                for fid, (_, last, cdep, contact) in self.family_plans
                for dep in (buf, sof)
            ],
        )
        self._count("families", self.family_ids)

    def guardians(self) -> None:
        """One or two per family, the second sometimes with information only."""
        rng, rows, families = self.rng, [], []
        for fid, (n, last, _, _) in self.family_plans:
            for g in range(1 + (rng.random() < 0.7)):
                access = "custody" if g == 0 or rng.random() < 0.8 else "information"
                number = volume_person_number(self.run, n, g)
                rows.append(
                    {
                        "family_id": fid,
                        "name": f"{rng.choice(PARENT_NAMES)} {last}",
                        "person_number_hash": self.unit.person_hash(number),
                        "access_level": access,
                        "email": f"parent{g}-{self.run}-{n}@example.org",
                        "phone": None,
                        "preferred_language": rng.choice(("da", "da", "da", "en", "ar")),
                        "notify_by": "email",
                    }
                )
                families.append(fid)
        ids = _ids(self.session, Guardian, rows)
        shared = ("name", "access_level", "email", "phone", "preferred_language", "notify_by")
        _bulk(
            self.session,
            GuardianStatement,
            [
                {"guardian_id": gid, "department_id": dep, **{k: row[k] for k in shared}}
                for gid, row in zip(ids, rows, strict=True)
                for dep in (self.buf, self.sof)
            ],
        )
        self.guardians_of: dict[int, list[int]] = {}
        for gid, fid in zip(ids, families, strict=True):
            self.guardians_of.setdefault(fid, []).append(gid)
        self._count("guardians", ids)

    def children(self) -> None:
        """One or two per family (mean 1.6)."""
        rng, rows, family_index = self.rng, [], []
        for fid, (n, last, _, _) in self.family_plans:
            for c in range(1 + (rng.random() < 0.6)):
                family_index.append(n)
                number = volume_person_number(self.run, n, 5 + c)
                rows.append(
                    {
                        "family_id": fid,
                        "external_id": f"vol-{self.run}-{n}-{c}",
                        "first_name": rng.choice(FIRST_NAMES),
                        "last_name": last,
                        "birth_date": self.today - timedelta(days=rng.randrange(3 * 365, 17 * 365)),
                        "person_number_hash": self.unit.person_hash(number),
                        "school": f"{rng.choice(LAST_NAMES)}skolen",
                    }
                )
        self.child_ids = _ids(self.session, Child, rows)
        self.child_rows = rows
        self.family_index_of_child = dict(zip(self.child_ids, family_index, strict=True))
        shared = ("first_name", "last_name", "birth_date", "school")
        _bulk(
            self.session,
            ChildStatement,
            [
                {"child_id": cid, "department_id": dep, **{k: row[k] for k in shared}}
                for cid, row in zip(self.child_ids, rows, strict=True)
                for dep in (self.buf, self.sof)
            ],
        )
        self._count("children", self.child_ids)

    def cases(self) -> None:
        """Three per child: one in each department and a third in either."""
        rng, buf, sof, catalogue = self.rng, self.buf, self.sof, self.catalogue
        by_department: dict[int, list] = {}
        for case_type in catalogue.case_types:
            by_department.setdefault(case_type[1], []).append(case_type)
        rows = []
        for cid, child in zip(self.child_ids, self.child_rows, strict=True):
            for k in range(3):
                dep = (buf, sof)[(k + rng.randrange(2)) % 2] if k == 2 else (buf, sof)[k]
                type_id, type_dep, joint = rng.choice(
                    by_department.get(dep) or catalogue.case_types
                )
                rows.append(
                    {
                        "external_id": f"{child['external_id']}-{k}",
                        "child_id": cid,
                        "department_id": type_dep,
                        "partner_department_id": (sof if type_dep == buf else buf)
                        if joint
                        else None,
                        "case_type_id": type_id,
                        "holder_staff_id": self.caseloads.owner(
                            type_dep, self.family_index_of_child[cid]
                        ),
                        "holder_team": None,
                        "opened_on": self.today - timedelta(days=rng.randrange(20, 400)),
                        "closed_on": None,
                    }
                )
        self.case_ids = _ids(self.session, Case, rows)
        self.case_rows = rows
        self._count("cases", self.case_ids)

    def stages_and_events(self) -> None:
        """Each case stands at a random stage of its type, with twelve events."""
        rng, stage_rows, event_rows = self.rng, [], []
        for case_id, case in zip(self.case_ids, self.case_rows, strict=True):
            stages = self.catalogue.stage_types.get(case["case_type_id"]) or []
            if stages:
                stage_rows += self._stage_rows(case_id, case, stages, rng.randrange(len(stages)))
            for e in range(12):
                kind = rng.choice(EVENT_KINDS)
                event_rows.append(
                    {
                        "case_id": case_id,
                        "external_id": f"e{e}",
                        "occurred_at": self.now - timedelta(days=rng.randrange(0, 365), minutes=e),
                        "kind": kind,
                        "visibility": "internal" if rng.random() < 0.2 else "family",
                        "summary_da": f"Hændelse {e + 1} i sagen ({kind}).",
                        "complaint_to": None,
                    }
                )
        _bulk(self.session, Stage, stage_rows)
        _bulk(self.session, CaseEvent, event_rows)
        self._count("events", event_rows)

    def _stage_rows(self, case_id: int, case: dict, stages, open_at: int) -> list[dict]:
        opened = case["opened_on"]
        step = max(1, (self.today - opened).days // (open_at + 1))
        return [
            {
                "case_id": case_id,
                "stage_type_id": stages[i][0],
                "started_on": opened + timedelta(days=i * step),
                "ended_on": None if i == open_at else opened + timedelta(days=(i + 1) * step),
                "holder_staff_id": case["holder_staff_id"],
                "holder_team": None,
                "holder_department_id": case["department_id"],
            }
            for i in range(open_at + 1)
        ]

    def meetings(self) -> None:
        """Four per family, two past and held, two to come, with staff and guardians."""
        child_family = {
            cid: child["family_id"]
            for cid, child in zip(self.child_ids, self.child_rows, strict=True)
        }
        first_case = {}
        for case_id, case in zip(self.case_ids, self.case_rows, strict=True):
            first_case.setdefault(
                child_family[case["child_id"]],
                (case_id, case["department_id"], case["holder_staff_id"]),
            )
        rows, people = [], []
        for fid, (n, _, cdep, contact) in self.family_plans:
            case_id, case_dep, holder = first_case[fid]
            for m in range(4):
                starts = self.now + timedelta(days=(m - 2) * 30 + self.rng.randrange(1, 20))
                starts = starts.replace(minute=0, second=0, microsecond=0)
                rows.append(
                    {
                        "external_id": f"vol-{self.run}-{n}-m{m}",
                        "family_id": fid,
                        # only a case of the department that holds the meeting
                        "case_id": case_id if m % 2 and case_dep == cdep else None,
                        "department_id": cdep,
                        "organizer_id": contact,
                        "starts_at": starts,
                        "ends_at": starts + timedelta(hours=1),
                        "kind": MEETING_KINDS[m],
                        "title": "Møde om jeres barn",
                        "location": "Rådhuset",
                        "status": "held" if starts < self.now else "planned",
                    }
                )
                people.append((fid, contact, holder))
        meeting_ids = _ids(self.session, Meeting, rows)
        participants = []
        for mid, (fid, contact, holder) in zip(meeting_ids, people, strict=True):
            participants.append({"meeting_id": mid, "staff_id": contact, "role": "Kontaktperson"})
            if holder and holder != contact:
                participants.append(
                    {"meeting_id": mid, "staff_id": holder, "role": "Sagsbehandler"}
                )
            participants += [
                {"meeting_id": mid, "guardian_id": gid, "role": "Forælder"}
                for gid in self.guardians_of[fid]
            ]
        _bulk(self.session, Participant, participants)
        self._count("meetings", meeting_ids)

    def updates_and_conversations(self) -> None:
        """Five updates and two threads with five messages between them per family."""
        update_rows, thread_rows = [], []
        for fid, (_, _, _, contact) in self.family_plans:
            for u in range(5):
                update_rows.append(
                    {
                        "family_id": fid,
                        "author_id": contact,
                        "posted_at": self.now - timedelta(days=u * 9 + self.rng.randrange(9)),
                        "body": "Vi har talt med skolen. Vi ringer til jer i næste uge.",
                    }
                )
            for topic in ("case", "meeting"):
                thread_rows.append(
                    {
                        "family_id": fid,
                        "topic": topic,
                        "guardian_id": self.guardians_of[fid][0],
                        "staff_id": contact,
                        "started_at": self.now - timedelta(days=20),
                        "last_message_at": self.now - timedelta(days=1),
                        "waiting_for_staff": topic == "case",
                    }
                )
        _bulk(self.session, Update, update_rows)
        thread_ids = _ids(self.session, Thread, thread_rows)
        message_rows = []
        for t, (tid, thread) in enumerate(zip(thread_ids, thread_rows, strict=True)):
            for k in range(3 if t % 2 == 0 else 2):
                by_guardian = (k % 2 == 0) == thread["waiting_for_staff"] or k == 0
                message_rows.append(
                    {
                        "thread_id": tid,
                        "author_kind": "guardian" if by_guardian else "staff",
                        "guardian_id": thread["guardian_id"] if by_guardian else None,
                        "staff_id": None if by_guardian else thread["staff_id"],
                        "sent_at": thread["started_at"] + timedelta(days=k * 6),
                        "body": "Hvornår hører vi noget?" if by_guardian else "Tak for beskeden.",
                    }
                )
        _bulk(self.session, Message, message_rows)
        self._count("updates", update_rows)
        self._count("messages", message_rows)

    def audit(self) -> None:
        """Twenty per family: the system's writes, then staff looking at the family page, as the
        family's access log ("Hvem har set vores oplysninger") shows them."""
        system = actor_columns(system_actor(ACTOR))
        rows = []
        for fid, (_, _, cdep, contact) in self.family_plans:
            looker = {
                "actor_kind": "staff",
                "actor_id": contact,
                "actor_name": self.caseloads.names[contact],
                "actor_role": "staff",
                "actor_department": "buf" if cdep == self.buf else "sof",
            }
            for a in range(20):
                looked = a >= 4
                rows.append(
                    {
                        **(looker if looked else system),
                        "occurred_at": self.now - timedelta(days=a * 5, minutes=a),
                        "action": "read" if looked else "write",
                        "family_id": fid,
                        "object_type": "family",
                        "object_id": fid,
                        "detail": "staff family picture" if looked else "system: volume data",
                    }
                )
        _bulk(self.session, AuditEntry, rows)
        self._count("audit", rows)


def _bulk(session: Session, model, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(model), rows)


def volume_person_number(run: str, family: int, person: int) -> str:
    """A made-up 10-digit person number, only ever hashed (tests log in with it). Runs never
    share one: `run` grows by more than the run's families, each family has 10 places."""
    return f"{(int(run, 16) * 131 + family * 10 + person) % 10**10:010d}"
