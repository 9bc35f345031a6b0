"""Deadlines of a stage: start + norm duration, moved by pauses and extensions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

# Deadlines run by the calendar in Copenhagen, not by the UTC date the database keeps.
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


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
    open_pause_days: int = 0  # the part of paused_days the open pause has added so far

    @property
    def due_before_pause(self) -> date:
        """The date as it stood when the open pause began. While a pause lasts, `due_on` moves a
        day later each day, so a family is told this date and that it moves, not `due_on`."""
        return self.due_on - timedelta(days=self.open_pause_days)

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
    started_on: date,
    norm_days: int | None,
    adjustments: list[Adjustment],
    today: date,
    norm_months: int | None = None,
) -> Deadline | None:
    """The date a stage must be done by, or None when the stage has no norm duration.

    A norm in months runs by the calendar, as the law counts it: 4 months from 31 October is
    28 February (the last day of a shorter month), not 120 days later."""
    if norm_days is None and norm_months is None:
        return None
    pauses = [a for a in adjustments if a.kind == "pause"]
    paused = sum(pause_days(p, today) for p in pauses)
    open_paused = sum(pause_days(p, today) for p in pauses if p.ends_on is None)
    extended = sum(a.extra_days or 0 for a in adjustments if a.kind == "extension")
    norm_end = started_on + relativedelta(months=norm_months or 0, days=norm_days or 0)
    return Deadline(
        due_on=norm_end + timedelta(days=paused + extended),
        paused=any(p.ends_on is None and p.starts_on <= today for p in pauses),
        paused_days=paused,
        extended_days=extended,
        open_pause_days=open_paused,
    )


def local_day(moment: datetime) -> date:
    """The day a moment falls on in Copenhagen: 23:30 UTC in summer is already tomorrow."""
    if moment.tzinfo is None:  # the database hands back UTC; a naive value means UTC too
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(COPENHAGEN).date()


def copenhagen_today() -> date:
    """Today as families in Copenhagen count it, whatever the server's own time zone."""
    return local_day(datetime.now(UTC))


def add_weeks(day: date, weeks: int) -> date:
    return day + timedelta(weeks=weeks)


COMPLAINT_WEEKS = 4


def complaint_deadline(decided_on: date) -> date:
    """Complaints must reach the municipality within 4 weeks of the day the family got the
    decision. We only know the day it was made, so that is the earliest the window can end."""
    return add_weeks(decided_on, COMPLAINT_WEEKS)
