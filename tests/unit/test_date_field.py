"""A date typed as day, month and year (portal.forms): what is a date, what is refused and why,
and what the three inputs show again."""

from datetime import date

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form
from wtforms.validators import InputRequired, Optional

from portal.forms import DATE_MESSAGES, DateProblem, DayMonthYearField, field_anchor, read_date


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        ("24", "12", "2026", date(2026, 12, 24)),
        ("1", "2", "2024", date(2024, 2, 1)),
        ("01", "02", "2024", date(2024, 2, 1)),
        (" 29 ", " 2 ", " 2024 ", date(2024, 2, 29)),  # a leap year
        ("٢٤", "١٢", "٢٠٢٦", date(2026, 12, 24)),  # Arabic-Indic digits
        ("", "", "", None),
        (" ", "", "  ", None),
    ],
)
def test_dates(day, month, year, expected):
    assert read_date(day, month, year) == expected


@pytest.mark.parametrize(
    ("day", "month", "year", "kind", "parts"),
    [
        ("31", "2", "2026", "not_real", ("day",)),
        ("29", "2", "2025", "not_real", ("day",)),  # not a leap year
        ("31", "4", "2026", "not_real", ("day",)),
        ("0", "1", "2026", "not_real", ("day",)),
        ("32", "1", "2026", "not_real", ("day",)),
        ("1", "13", "2026", "not_real", ("month",)),
        ("0", "0", "2026", "not_real", ("day", "month")),
        ("1", "1", "0000", "not_real", ("year",)),
        ("24", "12", "26", "format", ("year",)),
        ("24", "12", "20266", "format", ("year",)),
        ("24", "dec", "2026", "format", ("month",)),
        ("24.", "12", "2026", "format", ("day",)),
        ("-1", "12", "2026", "format", ("day",)),
        ("1" * 5000, "12", "2026", "format", ("day",)),  # too long for int(): refused first
        ("24", "12", "", "missing_year", ("year",)),
        ("", "12", "2026", "missing_day", ("day",)),
        ("24", "", "2026", "missing_month", ("month",)),
        ("", "", "2026", "missing_day_month", ("day", "month")),
        ("", "12", "", "missing_day_year", ("day", "year")),
        ("24", " ", "", "missing_month_year", ("month", "year")),
    ],
)
def test_what_is_not_a_date_and_which_parts_to_correct(day, month, year, kind, parts):
    with pytest.raises(DateProblem) as refused:
        read_date(day, month, year)
    assert (refused.value.kind, refused.value.parts) == (kind, parts)
    assert kind in DATE_MESSAGES


class MeetingForm(Form):
    met_on = DayMonthYearField("Date", validators=[InputRequired("Enter the date")])
    maybe_on = DayMonthYearField(
        "Maybe", validators=[Optional()], messages={"not_real": "That day does not exist"}
    )


def form_with(**typed) -> MeetingForm:
    form = MeetingForm(MultiDict(typed))
    form.validate()
    return form


def test_a_valid_date_is_the_fields_data():
    form = form_with(**{"met_on-day": "5", "met_on-month": "06", "met_on-year": "2026"})
    assert form.met_on.data == date(2026, 6, 5) and form.met_on.errors == []
    assert form.met_on.typed == {"day": "5", "month": "06", "year": "2026"}
    assert form.maybe_on.data is None and form.maybe_on.errors == []  # Optional, nothing typed


def test_a_refused_date_keeps_what_was_typed_and_names_the_part():
    form = form_with(**{"met_on-day": "31", "met_on-month": "02", "met_on-year": "2026"})
    assert form.met_on.data is None
    assert form.met_on.errors == ["The date must be a real date"]  # once, no "Enter the date"
    assert form.met_on.typed == {"day": "31", "month": "02", "year": "2026"}
    assert form.met_on.problem_parts == ("day",)
    assert field_anchor(form.met_on) == "met_on-day"
    assert [form.met_on.part_is_invalid(p) for p in ("day", "month", "year")] == [
        True,
        False,
        False,
    ]


def test_a_missing_year_is_named_and_linked():
    form = form_with(**{"met_on-day": "24", "met_on-month": "12", "met_on-year": ""})
    assert form.met_on.errors == ["The date must include a year"]
    assert field_anchor(form.met_on) == "met_on-year"


def test_nothing_typed_is_left_to_the_validators():
    form = form_with(**{"met_on-day": "", "met_on-month": "", "met_on-year": ""})
    assert form.met_on.errors == ["Enter the date"]
    assert field_anchor(form.met_on) == "met_on-day"  # the date as a whole: its first input
    assert all(form.met_on.part_is_invalid(p) for p in ("day", "month", "year"))
    assert form_with().met_on.errors == ["Enter the date"]  # the inputs not sent at all


def test_optional_does_not_hide_a_half_typed_date():
    form = form_with(**{"maybe_on-day": "", "maybe_on-month": "3", "maybe_on-year": "2026"})
    assert form.maybe_on.errors == ["The date must include a day"]


def test_a_field_may_say_it_in_its_own_words():
    form = form_with(**{"maybe_on-day": "30", "maybe_on-month": "2", "maybe_on-year": "2026"})
    assert form.maybe_on.errors == ["That day does not exist"]


def test_a_known_date_fills_the_three_inputs():
    form = MeetingForm(data={"met_on": date(2026, 3, 9)})
    assert form.met_on.typed == {"day": "9", "month": "3", "year": "2026"}
    assert form.met_on.data == date(2026, 3, 9) and not form.met_on.errors


def test_a_very_long_part_is_not_shown_back_in_full():
    form = form_with(**{"met_on-day": "9" * 10_000, "met_on-month": "1", "met_on-year": "2026"})
    assert form.met_on.errors == ["Enter a date like 24 12 2026"]
    assert len(form.met_on.typed["day"]) == 20
