from dataclasses import dataclass
from datetime import date, timedelta

from portal.domain.clocks import complaint_deadline, stage_deadline


@dataclass
class Adj:
    kind: str
    starts_on: date
    ends_on: date | None = None
    extra_days: int | None = None


START = date(2026, 1, 5)


def test_no_norm_means_no_deadline():
    assert stage_deadline(START, None, [], today=date(2026, 3, 1)) is None


def test_deadline_is_start_plus_norm():
    deadline = stage_deadline(START, 120, [], today=date(2026, 2, 1))
    assert deadline.due_on == date(2026, 5, 5)
    assert deadline.days_left(date(2026, 5, 1)) == 4
    assert not deadline.is_overdue(date(2026, 5, 5))
    assert deadline.is_overdue(date(2026, 5, 6))
    assert deadline.days_left(date(2026, 5, 8)) == -3


def test_a_norm_in_months_runs_by_the_calendar():
    # Barnets lov § 20: 4 months from 5 January is 5 May, not 120 days (4 May in 2026).
    assert stage_deadline(START, None, [], date(2026, 2, 1), norm_months=4).due_on == date(
        2026, 5, 5
    )
    # A start late in a long month ends on the last day of a shorter one.
    assert stage_deadline(date(2025, 10, 31), None, [], START, norm_months=4).due_on == date(
        2026, 2, 28
    )


def test_pauses_and_extensions_move_a_norm_in_months():
    adjustments = [
        Adj("pause", date(2026, 2, 1), date(2026, 2, 11)),
        Adj("extension", date(2026, 3, 1), extra_days=14),
    ]
    deadline = stage_deadline(START, None, adjustments, date(2026, 4, 1), norm_months=3)
    assert deadline.due_on == date(2026, 4, 5) + timedelta(days=24)


def test_closed_pause_moves_the_deadline_by_its_length():
    pause = Adj("pause", date(2026, 2, 1), date(2026, 2, 11))
    deadline = stage_deadline(START, 30, [pause], today=date(2026, 3, 1))
    assert deadline.due_on == date(2026, 2, 14)
    assert deadline.paused_days == 10
    assert not deadline.paused


def test_open_pause_keeps_moving_and_is_never_overdue():
    pause = Adj("pause", date(2026, 1, 20))
    today = date(2026, 4, 1)
    deadline = stage_deadline(START, 30, [pause], today=today)
    assert deadline.paused
    assert deadline.due_on == date(2026, 2, 4) + (today - date(2026, 1, 20))
    assert not deadline.is_overdue(today)


def test_an_open_pause_keeps_the_date_it_had_before_the_pause_apart():
    """While the clock is on hold, the date the family can hold on to is the one before the
    pause: `due_on` already counts the pause so far and moves again tomorrow."""
    adjustments = [
        Adj("pause", date(2026, 1, 10), date(2026, 1, 15)),  # 5 days, over
        Adj("extension", date(2026, 1, 16), extra_days=7),
        Adj("pause", date(2026, 1, 20)),  # still on hold
    ]
    today = date(2026, 2, 1)
    deadline = stage_deadline(START, 30, adjustments, today=today)
    assert deadline.paused and deadline.open_pause_days == 12
    assert deadline.due_before_pause == date(2026, 2, 4) + timedelta(days=5 + 7)
    assert deadline.due_on == deadline.due_before_pause + timedelta(days=12)
    tomorrow = stage_deadline(START, 30, adjustments, today=today + timedelta(days=1))
    assert tomorrow.due_before_pause == deadline.due_before_pause
    assert tomorrow.due_on == deadline.due_on + timedelta(days=1)


def test_without_an_open_pause_the_date_before_the_pause_is_the_deadline():
    pause = Adj("pause", date(2026, 1, 10), date(2026, 1, 15))
    deadline = stage_deadline(START, 30, [pause], today=date(2026, 2, 1))
    assert deadline.open_pause_days == 0 and deadline.due_before_pause == deadline.due_on


def test_extensions_add_their_days():
    adjustments = [
        Adj("extension", date(2026, 1, 10), extra_days=14),
        Adj("extension", START, extra_days=7),
    ]
    deadline = stage_deadline(START, 30, adjustments, today=START)
    assert deadline.due_on == date(2026, 2, 25)
    assert deadline.extended_days == 21


def test_pause_not_started_yet_does_not_pause():
    pause = Adj("pause", date(2026, 3, 1))
    deadline = stage_deadline(START, 30, [pause], today=date(2026, 2, 1))
    assert not deadline.paused
    assert deadline.due_on == date(2026, 2, 4)


def test_complaint_deadline_is_four_weeks():
    assert complaint_deadline(date(2026, 2, 20)) == date(2026, 3, 20)


def test_the_day_of_a_moment_is_the_day_in_copenhagen():
    from datetime import UTC, datetime

    from portal.domain.clocks import local_day

    assert local_day(datetime(2026, 6, 30, 21, 59, tzinfo=UTC)) == date(2026, 6, 30)
    assert local_day(datetime(2026, 6, 30, 22, 0, tzinfo=UTC)) == date(2026, 7, 1)  # summer, +2
    assert local_day(datetime(2026, 1, 5, 23, 30, tzinfo=UTC)) == date(2026, 1, 6)  # winter, +1
    assert local_day(datetime(2026, 1, 5, 22, 59)) == date(2026, 1, 5)  # naive values are UTC
