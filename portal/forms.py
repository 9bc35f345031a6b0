"""What a form shows back after a refused submission, and the fields our form macros render.

A refused value is shown again so the user can correct it, but never in full when it is longer
than the field allows: a page must not grow with what was sent to it (and a 100,000-character
"e-mail address" helps nobody correct it). The components/forms.html macros render every text
input's value through `shown_value` and every text area's through `shown_text`.

`DayMonthYearField` is a date typed into three inputs (day, month, year), as the DKFDS date
input asks for; `field_anchor` names the input the error summary links to for any field the
macros render.
"""

from __future__ import annotations

import itertools
from datetime import date

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.utils import unset_value
from wtforms.validators import StopValidation

from portal.domain.text_rules import is_safe_text

# The longest answer a single-line field here takes (an e-mail address, RFC 5321); used when a
# refused field has no maximum length of its own.
LONGEST_LINE = 254
# The longest refused text a text area shows back when it has no maximum length of its own.
LONGEST_TEXT = 10_000
# A part of a date (day, month or year) is shown back up to this length when refused.
LONGEST_DATE_PART = 20

DATE_PARTS = ("day", "month", "year")


class PortalForm(FlaskForm):
    """Every form of the portal. Whatever the field, typed text may not carry control
    characters (PostgreSQL refuses NUL, and they garble what others read) or the Unicode
    controls that make text read differently from what it is: the same rule as the API's
    (portal/domain/text_rules.py), told as a field error in the error summary."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            if not isinstance(field, StringField) or not isinstance(field.data, str):
                continue
            if not is_safe_text(field.data, multiline=isinstance(field, TextAreaField)):
                field.errors = [*field.errors, UNSAFE_TEXT]
                valid = False
        return valid


UNSAFE_TEXT = _l(
    "Remove the special characters from the text. Write it with letters, digits and punctuation."
)


def stripped(value):
    """A text of only spaces is no text."""
    return value.strip() if isinstance(value, str) else value


def shown_value(field: Field) -> str:
    """The field's value as its input shows it, cut to the field's maximum length."""
    value = field._value()
    limit = field.flags.maxlength or (LONGEST_LINE if field.errors else None)
    if limit is not None and len(value) > limit:
        return value[:limit]
    return value


def shown_text(field: Field, max_length: int | None = None) -> str:
    """A text area's value as it shows it. A text over its limit is shown up to twice the limit,
    so the writer sees what to shorten rather than losing the end of it without a word."""
    value = field._value()
    return value[: 2 * max_length if max_length else LONGEST_TEXT]


def field_anchor(field: Field) -> str | None:
    """The id of the input the error summary links to: the field's first input (first radio
    button, first check box, the part of a date that is wrong); None for a hidden field."""
    anchor = getattr(field, "anchor", None)
    if callable(anchor):
        return anchor()
    if isinstance(field, RadioField | SelectMultipleField):
        first = next(iter(field), None)
        return first.id if first is not None else field.id
    if getattr(field.widget, "input_type", None) == "hidden":
        return None
    return field.id


class DateProblem(ValueError):
    """Why three typed parts are not a date: a kind (a key of DATE_MESSAGES) and the parts to
    correct, in the order they are shown."""

    def __init__(self, kind: str, parts: tuple[str, ...]):
        super().__init__(kind)
        self.kind = kind
        self.parts = parts


DATE_MESSAGES = {
    "format": _l("Enter a date like 24 12 2026"),
    "not_real": _l("The date must be a real date"),
    "missing_day": _l("The date must include a day"),
    "missing_month": _l("The date must include a month"),
    "missing_year": _l("The date must include a year"),
    "missing_day_month": _l("The date must include a day and a month"),
    "missing_day_year": _l("The date must include a day and a year"),
    "missing_month_year": _l("The date must include a month and a year"),
}
# Digits each part may have ("05" is May; "2026" a year, "26" is not).
DATE_PART_DIGITS = {"day": (1, 2), "month": (1, 2), "year": (4, 4)}


def read_date(day: str, month: str, year: str) -> date | None:
    """The date three typed parts name; None when all three are empty. Raises DateProblem.
    Spaces around a part are ignored; digits of any script count (Arabic ٢٤ is 24)."""
    typed = dict(zip(DATE_PARTS, (day.strip(), month.strip(), year.strip()), strict=True))
    if not any(typed.values()):
        return None
    missing = tuple(part for part in DATE_PARTS if not typed[part])
    if missing:
        raise DateProblem("missing_" + "_".join(missing), missing)
    malformed = tuple(
        part
        for part in DATE_PARTS
        if not typed[part].isdecimal()
        or not DATE_PART_DIGITS[part][0] <= len(typed[part]) <= DATE_PART_DIGITS[part][1]
    )
    if malformed:
        raise DateProblem("format", malformed)
    numbers = {part: int(typed[part]) for part in DATE_PARTS}
    out_of_range = tuple(
        part
        for part, (low, high) in (("day", (1, 31)), ("month", (1, 12)), ("year", (1, 9999)))
        if not low <= numbers[part] <= high
    )
    if out_of_range:
        raise DateProblem("not_real", out_of_range)
    try:
        return date(numbers["year"], numbers["month"], numbers["day"])
    except ValueError:  # 31 February, 29 February in a common year
        raise DateProblem("not_real", ("day",)) from None


class DayMonthYearField(Field):
    """A date typed as day, month and year into three inputs named `<name>-day`,
    `<name>-month` and `<name>-year` (with the same ids), rendered by the `date_input` macro.

    `data` is a `datetime.date`, or None when nothing was typed (add `InputRequired` or
    `DataRequired` with a message of your own when the date must be given). A refused date keeps
    what was typed in `typed`, and `problem_parts` names the parts to correct. `messages`
    replaces some of DATE_MESSAGES for this field ("The meeting date must be a real date").
    """

    def __init__(self, label=None, validators=None, messages=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.messages = {**DATE_MESSAGES, **(messages or {})}
        self.typed = dict.fromkeys(DATE_PARTS, "")
        self.problem_parts: tuple[str, ...] = ()

    def part_id(self, part: str) -> str:
        return f"{self.id}-{part}"

    def part_name(self, part: str) -> str:
        return f"{self.name}-{part}"

    def anchor(self) -> str:
        """The first part to correct, or the day."""
        parts = self.problem_parts if self.errors else ()
        return self.part_id(parts[0] if parts else DATE_PARTS[0])

    def part_is_invalid(self, part: str) -> bool:
        """Mark this part invalid: it is wrong, or the date as a whole is (no part named)."""
        return bool(self.errors) and (not self.problem_parts or part in self.problem_parts)

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        self.problem_parts = ()
        if data is unset_value:
            try:
                data = self.default()
            except TypeError:
                data = self.default
        self.object_data = data
        self.data = data if isinstance(data, date) else None
        self.typed = typed_parts(self.data)
        names = [self.part_name(part) for part in DATE_PARTS]
        if formdata is not None:
            self.raw_data = []
            if any(name in formdata for name in names):
                typed = [formdata.get(name, "") for name in names]
                # One string, empty only when every part is: what Optional/InputRequired read.
                self.raw_data = [" ".join(part.strip() for part in typed).strip()]
                self.typed = {
                    part: value[:LONGEST_DATE_PART]
                    for part, value in zip(DATE_PARTS, typed, strict=True)
                }
                try:
                    self.data = read_date(*typed)
                except DateProblem as problem:
                    self.data = None
                    self.problem_parts = problem.parts
                    self.process_errors.append(self.messages[problem.kind])
        try:
            for keep in itertools.chain(self.filters, extra_filters or []):
                self.data = keep(self.data)
        except ValueError as error:
            self.process_errors.append(error.args[0])

    def pre_validate(self, form):
        # Typed parts that are no date already say what is wrong: no validator need add to it.
        if self.process_errors:
            raise StopValidation()

    def _value(self) -> str:
        return self.data.isoformat() if self.data else ""


def typed_parts(value: date | None) -> dict[str, str]:
    """What the three inputs show for a date already known (or nothing)."""
    if value is None:
        return dict.fromkeys(DATE_PARTS, "")
    return {"day": str(value.day), "month": str(value.month), "year": f"{value.year:04d}"}


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        shown_value=shown_value, shown_text=shown_text, field_anchor=field_anchor
    )
