"""Facts about a case that the family pages put into plain words: the steps, the clock and its
rule, and the complaint deadline after a decision. Pure data; templates do the wording."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from portal.domain.clocks import Deadline, complaint_deadline, local_day
from portal.domain.progress import Holder, current_holder, current_stage, deadline_of, is_open
from portal.domain.progress import next_stage_type as next_type
from portal.models import Case, CaseEvent, ClockAdjustment, StageType

DONE, CURRENT, COMING = "done", "current", "coming"
COMPLAINT_BODY_BY_DEPARTMENT = {"buf": "klagenaevnet", "sof": "ankestyrelsen"}


@dataclass(frozen=True)
class Step:
    stage_type: StageType
    state: str  # done | current | coming
    started_on: date | None
    ended_on: date | None


@dataclass(frozen=True)
class Complaint:
    event: CaseEvent
    decided_on: date
    deadline: date
    body: str  # ankestyrelsen | klagenaevnet

    def is_open(self, today: date) -> bool:
        return today <= self.deadline


@dataclass
class CaseStory:
    """Everything a parent needs to understand one case, derived from loaded rows only.

    A story is built for one page from rows that page will not change, so what it works out
    more than once per render (the current step, its deadline) is worked out once."""

    case: Case
    today: date
    plan: list[StageType] | None = None  # the type's stage types in order (default: the case's)
    steps: list[Step] = field(default_factory=list)

    @cached_property
    def stage(self):
        return current_stage(self.case)

    @property
    def holder(self) -> Holder:
        return current_holder(self.case)

    @property
    def next_step(self) -> StageType | None:
        return next_type(self.case, self.plan)

    @cached_property
    def deadline(self) -> Deadline | None:
        stage = self.stage
        return deadline_of(stage, self.today) if stage and self.open else None

    @cached_property
    def open(self) -> bool:
        return is_open(self.case)

    @property
    def overdue(self) -> bool:
        return bool(self.deadline and self.deadline.is_overdue(self.today))

    @property
    def adjustments(self) -> list[ClockAdjustment]:
        return list(self.stage.clock_adjustments) if self.stage else []

    @property
    def family_events(self) -> list[CaseEvent]:
        """Newest first; internal events are never shown to families."""
        shown = [e for e in self.case.events if e.visibility == "family"]
        return sorted(shown, key=lambda e: e.occurred_at, reverse=True)

    @property
    def latest_note(self) -> CaseEvent | None:
        """What the municipality last wrote to the family about the step the case is in now.

        Only notes count (a stage change or a decision is not an explanation), and only those
        written since the current step began: an older note is about something else, and no
        text is better than the wrong one."""
        stage = self.stage
        return next(
            (
                event
                for event in self.family_events
                if event.kind == "note"
                and (stage is None or local_day(event.occurred_at) >= stage.started_on)
            ),
            None,
        )

    @property
    def complaints(self) -> list[Complaint]:
        found = []
        for event in self.family_events:
            if event.kind != "decision":
                continue
            decided = local_day(event.occurred_at)
            body = event.complaint_to or COMPLAINT_BODY_BY_DEPARTMENT[self.case.department.code]
            found.append(Complaint(event, decided, complaint_deadline(decided), body))
        return found


def case_story(case: Case, today: date, plan: list[StageType] | None = None) -> CaseStory:
    """`plan`: the case type's stage types in order, when the caller has them at hand."""
    story = CaseStory(case=case, today=today, plan=plan)
    reached = {s.stage_type_id: s for s in case.stages}
    stage = current_stage(case)
    current_position = stage.stage_type.position if stage else 0
    for stage_type in plan if plan is not None else case.case_type.stage_types:
        row = reached.get(stage_type.id)
        if stage is not None and stage_type.id == stage.stage_type_id:
            state = DONE if stage_type.final else CURRENT
        elif stage_type.position < current_position or (row and row.ended_on):
            state = DONE
        else:
            state = COMING
        story.steps.append(
            Step(stage_type, state, row.started_on if row else None, row.ended_on if row else None)
        )
    return story


def months_or_days(days: int) -> tuple[str, int]:
    """A norm duration the way people say it: 120 days is "4 months", 14 is "2 weeks"."""
    if days % 30 == 0:
        return "months", days // 30
    if days % 7 == 0:
        return "weeks", days // 7
    return "days", days
