"""Where a case stands, worked out from transient model objects (no database needed)."""

from datetime import date

from portal.domain.progress import (
    current_holder,
    current_stage,
    deadline_of,
    is_open,
    next_stage_type,
)
from portal.models import Case, CaseType, ClockAdjustment, Department, StaffMember, Stage, StageType

BUF = Department(code="buf", short_name="BUF", name_da="Børne- og Ungdomsforvaltningen")
SOF = Department(code="sof", short_name="SOF", name_da="Socialforvaltningen")


def case_type() -> CaseType:
    kind = CaseType(code="undersoegelse", name_da="Undersøgelse", department=SOF)
    kind.stage_types = [
        StageType(position=1, code="modtaget", name_da="Modtaget", citizen_text_da="x"),
        StageType(
            position=2,
            code="undersoegelse",
            name_da="Undersøgelse",
            citizen_text_da="x",
            norm_days=120,
            deadline_kind="legal",
        ),
        StageType(
            position=3, code="afsluttet", name_da="Afsluttet", citizen_text_da="x", final=True
        ),
    ]
    return kind


def make_case(*stages: Stage) -> Case:
    case = Case(
        case_type=case_type(),
        department=SOF,
        opened_on=date(2026, 1, 1),
        holder=StaffMember(name="Mads Christensen", department=SOF),
        holder_team="Team Nord",
    )
    case.stages = list(stages)
    return case


def stage(position: int, started: date, ended: date | None = None, holder=None, dept=SOF) -> Stage:
    return Stage(
        stage_type=case_type().stage_types[position - 1],
        started_on=started,
        ended_on=ended,
        holder=holder,
        holder_department=dept,
    )


def test_a_new_case_waits_for_its_first_stage():
    case = make_case()
    assert current_stage(case) is None
    assert next_stage_type(case).code == "modtaget"
    assert current_holder(case).person.name == "Mads Christensen"


def test_current_stage_is_the_open_one_and_next_follows_the_order():
    case = make_case(stage(1, date(2026, 1, 1), date(2026, 1, 5)), stage(2, date(2026, 1, 5)))
    assert current_stage(case).stage_type.code == "undersoegelse"
    assert next_stage_type(case).code == "afsluttet"
    assert is_open(case)


def test_holder_of_the_current_stage_wins_over_the_case_holder():
    line = StaffMember(name="Line Pedersen", department=BUF)
    case = make_case(stage(1, date(2026, 1, 1), holder=line, dept=BUF))
    holder = current_holder(case)
    assert (holder.person.name, holder.department.code) == ("Line Pedersen", "buf")


def test_final_stage_has_no_next_and_closes_the_case():
    case = make_case(stage(1, date(2026, 1, 1), date(2026, 1, 2)), stage(3, date(2026, 1, 2)))
    assert next_stage_type(case) is None
    assert not is_open(case)


def test_deadline_of_a_stage_counts_its_pauses():
    current = stage(2, date(2026, 1, 5))
    current.clock_adjustments = [
        ClockAdjustment(
            kind="pause",
            starts_on=date(2026, 2, 1),
            ends_on=date(2026, 2, 15),
            reason_da="Vi venter på lægen.",
        )
    ]
    deadline = deadline_of(current, today=date(2026, 3, 1))
    assert deadline.due_on == date(2026, 5, 19)
