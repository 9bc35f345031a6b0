"""Deadlines of a stage: start + norm duration, moved by pauses and extensions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol


class Adjustment(Protocol):
    kind: str  # "pause" or "extension"
    starts_on: date
    ends_on: date | None
    extra_days: int | None


@dataclass(frozen=True)
class Deadline:
    due_on: date
    paused: bool  # an open pause: the date keeps moving until the pause ends
    paused_days: int
    extended_days: int

    def days_left(self, today: date) -> int:
        """Days until the deadline; negative when it has passed."""
        return (self.due_on - today).days

    def is_overdue(self, today: date) -> bool:
        return not self.paused and today > self.due_on


def pause_days(adjustment: Adjustment, today: date) -> int:
    """Whole days a pause stopped the clock; an open pause counts up to today."""
    end = adjustment.ends_on or today
    return max((end - adjustment.starts_on).days, 0)


def stage_deadline(
    started_on: date, norm_days: int | None, adjustments: list[Adjustment], today: date
) -> Deadline | None:
    """The date a stage must be done by, or None when the stage has no norm duration."""
    if norm_days is None:
        return None
    pauses = [a for a in adjustments if a.kind == "pause"]
    paused = sum(pause_days(p, today) for p in pauses)
    extended = sum(a.extra_days or 0 for a in adjustments if a.kind == "extension")
    return Deadline(
        due_on=started_on + timedelta(days=norm_days + paused + extended),
        paused=any(p.ends_on is None and p.starts_on <= today for p in pauses),
        paused_days=paused,
        extended_days=extended,
    )


def add_weeks(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


COMPLAINT_WEEKS = 4


def complaint_deadline(decided_on: date) -> date:
    """Complaints about a decision must reach the municipality within 4 weeks."""
    return add_weeks(decided_on, COMPLAINT_WEEKS)
