"""The times a staff member offers for booking (docs/access.md B1): publish one time, or the
same time weekly for some weeks, to one family they work with or to all of them, with the type
of meeting, the place or a video link, its length and the colleagues who take part; see which
are booked and by whom; withdraw the free ones (one, or the rest of a series). A time that
overlaps another time or a planned meeting of the same person is refused, naming it, and
nothing of the series is published. The families' "no time fits" requests sent to them are
here too, to mark handled."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from portal.access import families_of, listed
from portal.domain.clocks import COPENHAGEN, copenhagen_today
from portal.extensions import db
from portal.family.booking import TIMES_OF_DAY_NAMES, WEEKDAY_NAMES
from portal.family.meetings import KIND_NAMES
from portal.forms import DayMonthYearField, PortalForm
from portal.i18n import format_moment
from portal.links import link_problem
from portal.models.base import utcnow
from portal.reads.booking import colleagues_of, coming_times, open_request, open_requests, own_slot
from portal.records import unit_of_work
from portal.records.booking import (
    LENGTHS,
    LONGEST_LINK,
    LONGEST_PLACE,
    MOST_WEEKS,
    Clash,
    mark_request_handled,
    offer_times,
    withdraw_slots,
)
from portal.records.staff import staff_actor
from portal.staff import bp

ALL = "all"
ONCE, WEEKLY = "once", "weekly"
CLOCK = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def read_clock(value: str | None) -> time | None:
    """ "9:30", "09.30" or "9.30" as a time of day; None when it is none."""
    found = CLOCK.match(value or "")
    if not found:
        return None
    hour, minute = int(found.group(1)), int(found.group(2))
    return time(hour, minute) if hour < 24 and minute < 60 else None


def at(day: date, clock: time) -> datetime:
    """A day and a time of day in Copenhagen, as the UTC moment the database keeps."""
    return datetime.combine(day, clock, tzinfo=COPENHAGEN).astimezone(UTC)


def length_choices():
    return [SelectChoice(str(m), ngettext("%(num)s minute", "%(num)s minutes", m)) for m in LENGTHS]


class TimeOfDayForm(PortalForm):
    """A date, a start time and a length: what publishing and moving both ask."""

    on = DayMonthYearField(
        _l("Date"),
        validators=[InputRequired(_l("Enter the date"))],
        messages={"not_real": _l("The date must be a real date")},
    )
    start = StringField(
        _l("Start time"), validators=[InputRequired(_l("Enter the start time, like 09:30"))]
    )
    minutes = RadioField(_l("Length"), validate_choice=False, default="60")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.minutes.choices = length_choices()

    def validate_start(self, field) -> None:
        if read_clock(field.data) is None:
            raise ValidationError(_l("Enter the start time, like 09:30"))

    def validate_minutes(self, field) -> None:
        if field.data not in {str(m) for m in LENGTHS}:
            raise ValidationError(_l("Choose how long the meeting lasts"))

    def validate_on(self, field) -> None:
        if field.data is not None and field.data < copenhagen_today():
            field.problem_parts = ()
            raise ValidationError(_l("The date must be today or later"))

    def first_start(self) -> datetime:
        return at(self.on.data, read_clock(self.start.data))

    def check_future(self) -> bool:
        """A time that has already begun is refused (today, earlier than now)."""
        if self.on.data and read_clock(self.start.data) and self.first_start() <= utcnow():
            self.start.errors = [*self.start.errors, _l("The time must be later than now")]
            return False
        return True


class PublishForm(TimeOfDayForm):
    kind = RadioField(
        _l("Type of meeting"),
        choices=[SelectChoice(key, name) for key, name in KIND_NAMES.items()],
        default="samtale",
    )
    location = StringField(
        _l("Place"),
        validators=[
            Length(max=LONGEST_PLACE, message=_l("Write %(num)s characters or fewer", num=300))
        ],
    )
    video_url = StringField(
        _l("Video link"),
        validators=[
            Optional(),
            Length(max=LONGEST_LINK, message=_l("Write %(num)s characters or fewer", num=500)),
        ],
    )
    colleagues = SelectMultipleField(
        _l("Colleagues who take part (optional)"), validate_choice=False
    )
    repeat = RadioField(
        _l("How often?"),
        choices=[SelectChoice(ONCE, _l("Once")), SelectChoice(WEEKLY, _l("Every week"))],
        default=ONCE,
    )
    weeks = StringField(_l("For how many weeks?"))
    family = RadioField(_l("Who can book the time?"), validate_choice=False, default=ALL)

    def __init__(self, *args, colleagues=(), families=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.colleague_rows = {str(c.id): c for c in colleagues}
        self.colleagues.choices = [
            SelectChoice(key, c.name) for key, c in self.colleague_rows.items()
        ]
        self.family_rows = {str(f.id): f for f in families}
        self.family.choices = [SelectChoice(ALL, _l("All the families you work with"))] + [
            SelectChoice(key, f.display_name) for key, f in self.family_rows.items()
        ]

    def validate_video_url(self, field) -> None:
        if field.data and link_problem(field.data.strip()):
            raise ValidationError(_l("Enter a video link that starts with https://"))

    def validate_colleagues(self, field) -> None:
        if not set(field.data or ()) <= set(self.colleague_rows):
            raise ValidationError(_l("Choose colleagues from the list"))

    def validate_family(self, field) -> None:
        if field.data != ALL and field.data not in self.family_rows:
            raise ValidationError(_l("Choose who can book the time"))

    def validate_kind(self, field) -> None:
        if field.data not in KIND_NAMES:
            raise ValidationError(_l("Choose the type of meeting"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.location.data or "").strip() and not (self.video_url.data or "").strip():
            if not self.location.errors:
                self.location.errors.append(_l("Write where you meet, or give a video link"))
            valid = False
        if self.repeat.data == WEEKLY and not self.weeks.errors:
            weeks = (self.weeks.data or "").strip()
            if not weeks.isdecimal() or not 1 <= int(weeks) <= MOST_WEEKS:
                self.weeks.errors.append(
                    _l("Write a number of weeks from 1 to %(num)s", num=MOST_WEEKS)
                )
                valid = False
        elif self.repeat.data not in (ONCE, WEEKLY):
            self.repeat.errors.append(_l("Choose how often"))
            valid = False
        return self.check_future() and valid

    def starts(self) -> list[datetime]:
        """The times to publish: the same time of day in Copenhagen, week after week."""
        weeks = int(self.weeks.data) if self.repeat.data == WEEKLY else 1
        clock = read_clock(self.start.data)
        return [at(date.fromordinal(self.on.data.toordinal() + 7 * w), clock) for w in range(weeks)]


def clash_message(clash: Clash) -> str:
    when = format_moment(clash.starts_at)
    if clash.kind == "slot":
        return gettext(
            "%(name)s already has a time for booking on %(when)s. Nothing was published.",
            name=clash.person.name,
            when=when,
        )
    return gettext(
        "%(name)s already has a meeting on %(when)s. Nothing was published.",
        name=clash.person.name,
        when=when,
    )


def publish_form(staff, families):
    return PublishForm(colleagues=colleagues_of(staff), families=families)


@bp.route("/tider", methods=["GET", "POST"])
def times():
    staff = g.viewer.staff
    families = listed(families_of(g.viewer), "staff times")
    form = publish_form(staff, families)
    if not form.is_submitted():
        return page(form, families)
    if not form.validate_on_submit():
        return page(form, families), 400
    starts = form.starts()
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            offer_times(
                unit,
                staff,
                starts=starts,
                minutes=int(form.minutes.data),
                kind=form.kind.data,
                location=(form.location.data or "").strip() or None,
                video_url=(form.video_url.data or "").strip() or None,
                family=form.family_rows.get(form.family.data),
                colleagues=[form.colleague_rows[key] for key in form.colleagues.data or ()],
            )
    except Clash as clash:
        form.form_errors.append(clash_message(clash))
        return page(form, families), 409
    flash(
        ngettext("%(num)s time is published.", "%(num)s times are published.", len(starts)),
        "success",
    )
    return redirect(url_for("staff.times"), code=303)


@bp.post("/tider/<id:slot_id>/traek-tilbage")
def withdraw_time(slot_id: int):
    staff = g.viewer.staff
    if not own_slot(staff, slot_id):
        abort(404)  # not theirs, or gone
    scope = request.form.get("omfang")
    if scope not in ("en", "serie"):
        abort(400)
    slots = own_slot(staff, slot_id, whole_series=scope == "serie")
    with unit_of_work(db.session, staff_actor(staff)) as unit:
        withdrawn = withdraw_slots(unit, staff, slots)
    if withdrawn:
        flash(
            ngettext("%(num)s time is withdrawn.", "%(num)s times are withdrawn.", withdrawn),
            "success",
        )
    else:
        flash(gettext("The time is booked, so it was not withdrawn."), "info")
    return redirect(url_for("staff.times", _anchor="coming"), code=303)


@bp.post("/tider/ingen-tid-passer")
def request_handled():
    staff = g.viewer.staff
    value = (request.form.get("anmodning") or "").strip()
    if not value.isdecimal() or len(value) > 9:
        abort(400)
    found = open_request(staff, int(value))
    if found is None:
        abort(404)
    with unit_of_work(db.session, staff_actor(staff)) as unit:
        mark_request_handled(unit, found, staff)
    flash(gettext("The request is marked as handled."), "success")
    return redirect(url_for("staff.times", _anchor="requests"), code=303)


def page(form, families):
    staff = g.viewer.staff
    return render_template(
        "staff/times.html",
        form=form,
        families=families,
        slots=coming_times(staff),
        requests=open_requests(staff),
        weekday_names=WEEKDAY_NAMES,
        times_of_day_names=TIMES_OF_DAY_NAMES,
        kind_names=KIND_NAMES,
    )
