"""Where a case stands: its current stage, who holds it, and what comes next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.domain.clocks import Deadline, stage_deadline
from portal.models import Case, Department, StaffMember, Stage, StageType


@dataclass(frozen=True)
class Holder:
    person: StaffMember | None
    team: str | None
    department: Department


def current_stage(case: Case) -> Stage | None:
    """The open stage, or the last one when the case has ended."""
    open_stages = [s for s in case.stages if s.ended_on is None]
    if open_stages:
        return open_stages[-1]
    return case.stages[-1] if case.stages else None


def current_holder(case: Case) -> Holder:
    """Who is working on the case now: the current stage's holder, else the case's own."""
    stage = current_stage(case)
    if stage is not None and (stage.holder is not None or stage.holder_team):
        return Holder(stage.holder, stage.holder_team, stage.holder_department)
    return Holder(case.holder, case.holder_team, case.department)


def next_stage_type(case: Case, plan: list[StageType] | None = None) -> StageType | None:
    """The stage expected after the current one; None when the current one is final.
    `plan`: the case type's stage types in order, when the caller has them at hand."""
    stage = current_stage(case)
    ordered = plan if plan is not None else case.case_type.stage_types
    if stage is None:
        return ordered[0] if ordered else None
    if stage.stage_type.final:
        return None
    later = [t for t in ordered if t.position > stage.stage_type.position]
    return later[0] if later else None


def deadline_of(stage: Stage, today: date) -> Deadline | None:
    return stage_deadline(
        stage.started_on,
        stage.stage_type.norm_days,
        stage.clock_adjustments,
        today,
        norm_months=stage.stage_type.norm_months,
    )


def is_open(case: Case) -> bool:
    stage = current_stage(case)
    return case.closed_on is None and not (stage is not None and stage.stage_type.final)
