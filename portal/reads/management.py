"""The management view's figures (docs/access.md MG1): aggregates over every case of both
departments, never a row about one family. Counts below `SMALLEST_SHOWN` and medians of fewer
cases leave this module withheld (None), so no page, chart or CSV can show them by mistake.

The cost is a fixed number of statements however many families there are: the catalogue (3),
the open cases' steps and their clock adjustments (2, see `_open_cases`), the medians per step
(1) and the medians to the first coordination meeting (1). Medians are computed in the database
with window functions (SQLite and PostgreSQL both have them; neither has a portable MEDIAN), so
only one row per group comes back.

Every row is counted under the department that leads the case (`Case.department_id`): a joint
case (day treatment) counts once, in its lead department.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Date, Integer, and_, case, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from portal.domain.progress import current_stage, deadline_of, is_open
from portal.extensions import db
from portal.models import (
    Case,
    CaseType,
    Child,
    ClockAdjustment,
    Department,
    Meeting,
    Stage,
    StageType,
)
from portal.models.base import utcnow
from portal.reads.reference import reference

# A count below this is shown as "under 5", and a median of fewer cases is not shown: in a
# small group a number can point to one family (docs/access.md MG1).
SMALLEST_SHOWN = 5
# "Due soon": the deadline falls within this many days from today.
DUE_SOON_DAYS = 14
COORDINATION_MEETING = "tvaerfagligt"


@dataclass(frozen=True)
class Count:
    """A number of cases as it may be shown: `shown` is None when it is below 5 (0 too)."""

    shown: int | None

    @classmethod
    def of(cls, number: int) -> Count:
        return cls(number if number >= SMALLEST_SHOWN else None)


@dataclass(frozen=True)
class Median:
    """The median of days over `cases`; `days` is None when fewer than 5 cases gave it."""

    days: float | None
    cases: Count

    @classmethod
    def of(cls, days: float | None, cases: int) -> Median:
        shown = days is not None and cases >= SMALLEST_SHOWN
        return cls(float(days) if shown else None, Count.of(cases))


NO_CASES = Median(None, Count(None))


@dataclass(frozen=True)
class StageCount:
    department: Department
    case_type: CaseType
    stage_type: StageType
    open_cases: Count


@dataclass(frozen=True)
class DeadlineCount:
    department: Department
    case_type: CaseType
    overdue: Count
    due_soon: Count


@dataclass(frozen=True)
class StageWait:
    department: Department
    case_type: CaseType
    stage_type: StageType
    finished: Median  # days from the start to the end of finished steps
    ongoing: Median  # days from the start until today of open steps of open cases


@dataclass(frozen=True)
class FirstMeeting:
    department: Department
    case_type: CaseType
    waited: Median  # days from the case's opening to the family's first coordination meeting


@dataclass(frozen=True)
class ManagementFigures:
    today: date
    open_cases: list[StageCount]
    deadlines: list[DeadlineCount]
    stage_waits: list[StageWait]
    first_meetings: list[FirstMeeting]


class days_between(FunctionElement):  # noqa: N801  (an SQL function, named like one)
    """Whole days from `start` to `end` (dates, or a moment taken as its UTC day)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between)
def _days_between_sqlite(element, compiler, **kw) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday(date({end})) - julianday(date({start})) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(CAST({end} AS DATE) - CAST({start} AS DATE))"


def management_figures(today: date) -> ManagementFigures:
    known = reference()
    departments, case_types, stage_types = known.departments, known.case_types, known.stage_types
    at_stage, overdue, due_soon = _open_cases(today)
    waits = _stage_waits(today)
    meetings = _first_meetings()

    def group(department_id: int, case_type_id: int):
        return departments[department_id], case_types[case_type_id]

    def order(key: tuple):
        department, case_type = group(*key[:2])
        stage = stage_types[key[2]].position if len(key) > 2 else 0
        return (department.code, case_type.id, stage)

    return ManagementFigures(
        today=today,
        open_cases=[
            StageCount(*group(d, t), stage_types[s], Count.of(at_stage[d, t, s]))
            for d, t, s in sorted(at_stage, key=order)
        ],
        deadlines=[
            DeadlineCount(*group(d, t), Count.of(overdue[d, t]), Count.of(due_soon[d, t]))
            for d, t in sorted({key[:2] for key in at_stage}, key=order)
        ],
        stage_waits=[
            StageWait(
                *group(d, t),
                stage_types[s],
                waits.get((d, t, s, True), NO_CASES),
                waits.get((d, t, s, False), NO_CASES),
            )
            for d, t, s in sorted({key[:3] for key in waits}, key=order)
        ],
        first_meetings=[
            FirstMeeting(*group(d, t), median)
            for (d, t), median in sorted(meetings.items(), key=lambda i: order(i[0]))
        ],
    )


# Open cases and their deadlines: the same rule the family pages use (portal/domain/progress.py
# `is_open`, `current_stage`, `deadline_of`; portal/domain/clocks.py). A deadline in calendar
# months with pauses and extensions can only be worked out in Python, so the steps of the cases
# not closed are loaded in one statement, with just the columns those functions read, and their
# clock adjustments in a second; the rows below carry exactly those attributes.


@dataclass(frozen=True)
class _StepType:
    id: int
    final: bool
    norm_days: int | None
    norm_months: int | None


@dataclass
class _Step:
    started_on: date
    ended_on: date | None
    stage_type: _StepType
    clock_adjustments: list


@dataclass
class _Case:
    department_id: int
    case_type_id: int
    closed_on: date | None
    stages: list[_Step]


def _open_cases(today: date) -> tuple[Counter, Counter, Counter]:
    """Open cases per (department, case type, current step), and per (department, case type)
    how many have an overdue deadline and how many a deadline within 14 days. A paused
    deadline is neither: while the pause lasts, its date moves."""
    not_closed = Case.closed_on.is_(None)
    steps = db.session.execute(
        select(
            Case.id.label("case_id"),
            Case.department_id,
            Case.case_type_id,
            Stage.id.label("stage_id"),
            Stage.started_on,
            Stage.ended_on,
            StageType.id.label("stage_type_id"),
            StageType.final,
            StageType.norm_days,
            StageType.norm_months,
        )
        .join(Stage, Stage.case_id == Case.id)
        .join(StageType, StageType.id == Stage.stage_type_id)
        .where(not_closed)
        .order_by(Case.id, Stage.started_on, Stage.id)  # the order of `Case.stages`
    ).all()
    adjustments: dict[int, list] = {}
    for row in db.session.execute(
        select(
            ClockAdjustment.stage_id,
            ClockAdjustment.kind,
            ClockAdjustment.starts_on,
            ClockAdjustment.ends_on,
            ClockAdjustment.extra_days,
        )
        .join(Stage, Stage.id == ClockAdjustment.stage_id)
        .join(Case, Case.id == Stage.case_id)
        .where(not_closed)
    ):
        adjustments.setdefault(row.stage_id, []).append(row)
    cases: dict[int, _Case] = {}
    for row in steps:
        found = cases.setdefault(row.case_id, _Case(row.department_id, row.case_type_id, None, []))
        kind = _StepType(row.stage_type_id, row.final, row.norm_days, row.norm_months)
        found.stages.append(
            _Step(row.started_on, row.ended_on, kind, adjustments.get(row.stage_id, []))
        )
    at_stage, overdue, due_soon = Counter(), Counter(), Counter()
    for found in cases.values():
        stage = current_stage(found)
        if stage is None or not is_open(found):
            continue
        group = (found.department_id, found.case_type_id)
        at_stage[(*group, stage.stage_type.id)] += 1
        deadline = deadline_of(stage, today)
        if deadline is None:
            continue
        if deadline.is_overdue(today):
            overdue[group] += 1
        elif not deadline.paused and deadline.days_left(today) <= DUE_SOON_DAYS:
            due_soon[group] += 1
    return at_stage, overdue, due_soon


def _median_per_group(days_query, keys: list[str]):
    """One row per group of `keys`: how many rows it has (`cases`) and the median of their
    `days` (the middle one, or the mean of the two middle ones)."""
    rows = days_query.subquery()
    group = [rows.c[key] for key in keys]
    ranked = select(
        *group,
        rows.c.days,
        func.row_number().over(partition_by=group, order_by=rows.c.days).label("rank"),
        func.count().over(partition_by=group).label("cases"),
    ).subquery()
    ranked_group = [ranked.c[key] for key in keys]
    # rank 3 of 5; ranks 3 and 4 of 6: 2 * rank lies between cases and cases + 2.
    middle = and_(ranked.c.rank * 2 >= ranked.c.cases, ranked.c.rank * 2 <= ranked.c.cases + 2)
    return (
        select(
            *ranked_group,
            func.max(ranked.c.cases).label("cases"),
            func.avg(ranked.c.days).label("median"),
        )
        .where(middle)
        .group_by(*ranked_group)
    )


def _stage_waits(today: date) -> dict[tuple, Median]:
    """Median days per (department, case type, step, finished?): a finished step from its
    start to its end; an open step of a case not closed from its start until today. The final
    step ("closed") is no wait and is left out."""
    finished = Stage.ended_on.is_not(None)
    waited = case(
        (finished, days_between(Stage.started_on, Stage.ended_on)),
        else_=days_between(Stage.started_on, literal(today, Date)),
    )
    days = (
        select(
            Case.department_id,
            Case.case_type_id,
            Stage.stage_type_id,
            finished.label("finished"),
            waited.label("days"),
        )
        .join(Stage, Stage.case_id == Case.id)
        .join(StageType, StageType.id == Stage.stage_type_id)
        .where(StageType.final.is_(False), or_(finished, Case.closed_on.is_(None)))
    )
    keys = ["department_id", "case_type_id", "stage_type_id", "finished"]
    return {
        (row.department_id, row.case_type_id, row.stage_type_id, bool(row.finished)): Median.of(
            row.median, row.cases
        )
        for row in db.session.execute(_median_per_group(days, keys))
    }


def _first_meetings() -> dict[tuple, Median]:
    """Median days per (department, case type) from a case's opening (the referral) to the
    family's first coordination meeting ("tvaerfagligt", not cancelled, already begun) on or
    after that day. Cases still waiting for one are not counted. The meeting's day is its UTC
    day, as both databases compare a moment with a date; a meeting is not held at midnight."""
    first = (
        select(
            Case.department_id,
            Case.case_type_id,
            Case.opened_on,
            func.min(Meeting.starts_at).label("first_at"),
        )
        .join(Child, Child.id == Case.child_id)
        .join(
            Meeting,
            and_(
                Meeting.family_id == Child.family_id,
                Meeting.kind == COORDINATION_MEETING,
                Meeting.status != "cancelled",
                Meeting.starts_at >= Case.opened_on,
                Meeting.starts_at <= utcnow(),
            ),
        )
        .group_by(Case.id, Case.department_id, Case.case_type_id, Case.opened_on)
        .subquery()
    )
    days = select(
        first.c.department_id,
        first.c.case_type_id,
        days_between(first.c.opened_on, first.c.first_at).label("days"),
    )
    return {
        (row.department_id, row.case_type_id): Median.of(row.median, row.cases)
        for row in db.session.execute(_median_per_group(days, ["department_id", "case_type_id"]))
    }
