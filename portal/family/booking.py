"""Booking a meeting time (docs/access.md B1): a guardian with custody chooses a day, then a
time on that day (radio buttons in a fieldset per day; with htmx the day narrows the times in
place), adds a note if they like, checks their answers and books. The choice so far travels in
the address (day, time) and in hidden fields (the note): no session is needed, and every step
works without JavaScript. A time taken by someone else in the meantime gives a plain "this
time was just taken" page (409) with the free times again. When no time fits, the guardian
says which days and times of day suit them, and their contact person gets the request."""

from __future__ import annotations

from flask import abort, current_app, g, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from wtforms import Form, HiddenField, RadioField, SelectChoice, SelectMultipleField, TextAreaField
from wtforms.validators import InputRequired, Length

from portal.access import FamilyAccess, change_deadline, family_for, guardian_may_change, may_book
from portal.access import meeting_for as find_meeting
from portal.extensions import db, htmx
from portal.family import bp
from portal.family.meetings import kind_name
from portal.forms import PortalForm
from portal.i18n import format_clock, format_day
from portal.models.base import utcnow
from portal.rate_limits import per_person_and_address
from portal.reads.booking import MEETING_CHANGE_LOADING, by_day, offered_slot, offered_slots
from portal.records import unit_of_work
from portal.records.booking import LONGEST_NOTE, SlotTaken, ask_for_time, book_slot
from portal.records.guardians import guardian_actor

TIME = "tid"  # the chosen time's field, in every form that chooses one
WEEKDAY_NAMES = {
    "mon": _l("Monday"),
    "tue": _l("Tuesday"),
    "wed": _l("Wednesday"),
    "thu": _l("Thursday"),
    "fri": _l("Friday"),
}
TIMES_OF_DAY_NAMES = {
    "morning": _l("Morning (8 to 11)"),
    "midday": _l("Midday (11 to 13)"),
    "afternoon": _l("Afternoon (13 to 16)"),
}
TOO_LONG_NOTE = _l("Write %(num)s characters or fewer", num=LONGEST_NOTE)


# ---- choosing a day and a time ------------------------------------------------------------------


class DayForm(Form):
    dag = RadioField(_l("Which day suits you?"), validate_choice=False)


def day_form(days, formdata=None) -> DayForm:
    form = DayForm(formdata)
    form.dag.choices = [SelectChoice(day.isoformat(), format_day(day, "full")) for day, _ in days]
    return form


def day_hints(days) -> dict[str, str]:
    return {
        day.isoformat(): ngettext("%(num)s free time", "%(num)s free times", len(slots))
        for day, slots in days
    }


def time_label(slot) -> str:
    """ "09:00–10:00 with Sara Ahmed": when, and with whom."""
    return gettext(
        "%(start)s–%(end)s with %(name)s",
        start=format_clock(slot.starts_at),
        end=format_clock(slot.ends_at),
        name=slot.staff.name,
    )


def time_hint(slot) -> str:
    """What kind of meeting, and where: the place, or that it is on video."""
    where = slot.location or (gettext("Video meeting") if slot.video_url else None)
    return f"{kind_name(slot.kind)}. {where}" if where else str(kind_name(slot.kind))


def times_form(days, base=Form, formdata=None, **kwargs):
    """A form with one fieldset of radio buttons per day, all named `tid`: one time in all.
    `base` FlaskForm (with more fields of its own) posts; Form is asked for in the address."""

    class TimesForm(base):
        pass

    for day, slots in days:
        setattr(
            TimesForm,
            f"day_{day:%Y%m%d}",
            RadioField(
                gettext("Times on %(day)s", day=format_day(day, "full")),
                name=TIME,
                id=f"tid-{day.isoformat()}",
                choices=[SelectChoice(str(slot.id), time_label(slot)) for slot in slots],
                validate_choice=False,
            ),
        )
    # FlaskForm reads the request's form itself when given no formdata.
    form = TimesForm(formdata, **kwargs) if formdata is not None else TimesForm(**kwargs)
    form.time_fields = [field for field in form if field.name == TIME]
    form.time_hints = {str(slot.id): time_hint(slot) for _, slots in days for slot in slots}
    return form


def refuse_time(form, message) -> None:
    """Put "choose a time" on the first day's fieldset (the error summary links to it)."""
    if form.time_fields:
        form.time_fields[0].errors = [message]
    else:
        form.form_errors.append(message)


def chosen_id(value) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdecimal() and len(value) < 10 else None


# ---- the pages ----------------------------------------------------------------------------------


def open_booking(family_id: int, what: str) -> FamilyAccess:
    """The family, for a guardian who may book (B1): others get 404 (an information-only
    guardian among them, like every page a rule does not allow)."""
    access, _ = family_for(family_id, what, case_content=True)
    if not may_book(access):
        abort(404)
    return access


@bp.get("/familier/<id:family_id>/book")
def book(family_id: int):
    """Step 1 (a day), step 2 (a time on that day) and step 3 (a note), by what the address
    holds so far. With htmx, a day's times come as a fragment into step 1."""
    access = open_booking(family_id, "booking")
    days = by_day(offered_slots(access))
    step = request.args.get("trin")
    if TIME in request.args or step == TIME:
        return choose_note(access, days)
    if "dag" in request.args or step == "dag":
        return choose_time(access, days)
    return page(
        "family/booking/day.html", access, days=days, form=day_form(days), hints=day_hints(days)
    )


def choose_time(access, days):
    form = day_form(days, request.args)
    chosen = [(day, slots) for day, slots in days if day.isoformat() == form.dag.data]
    if not chosen:
        form.dag.errors = [
            gettext("Choose a day") if not form.dag.data else gettext("Choose one of the days")
        ]
        if htmx:  # the day's times, in place: here none
            return render_template("family/booking/_no_times.html"), 400
        return page(
            "family/booking/day.html", access, days=days, form=form, hints=day_hints(days)
        ), 400
    template = "family/booking/_times.html" if htmx else "family/booking/time.html"
    return render_template(
        template, access=access, form=times_form(chosen), day=chosen[0][0], days=days
    )


def choose_note(access, days):
    slot_id = chosen_id(request.args.get(TIME))
    day = request.args.get("dag")
    if slot_id is None:
        shown = [(d, slots) for d, slots in days if d.isoformat() == day] or days
        form = times_form(shown)
        refuse_time(form, gettext("Choose a time"))
        return page("family/booking/time.html", access, form=form, day=None, days=days), 400
    slot = offered_slot(access, slot_id)
    if slot is None:
        return taken(access, days)
    form = NoteForm(data={"tid": str(slot.id)})
    return page("family/booking/note.html", access, form=form, slot=slot)


class NoteForm(PortalForm):
    tid = HiddenField()
    note = TextAreaField(
        _l("Do you want to tell us something before the meeting? (optional)"),
        validators=[Length(max=LONGEST_NOTE, message=TOO_LONG_NOTE)],
    )


@bp.post("/familier/<id:family_id>/book/tjek")
@per_person_and_address("booking", "BOOKING_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def check_booking(family_id: int):
    """Step 4: check your answers (or, with "change", back to the note with it filled in)."""
    access = open_booking(family_id, "booking: check your answers")
    form = NoteForm()
    slot = booked_slot(access, form)
    if slot is None:
        return taken(access)
    if "aendr" in request.form:
        form.note.errors = []
        return page("family/booking/note.html", access, form=form, slot=slot)
    if not form.validate_on_submit():
        return page("family/booking/note.html", access, form=form, slot=slot), 400
    return page("family/booking/check.html", access, form=form, slot=slot)


def booked_slot(access, form):
    slot_id = chosen_id(form.tid.data)
    if slot_id is None:
        abort(400)
    return offered_slot(access, slot_id)


@bp.post("/familier/<id:family_id>/book/bekraeft")
@per_person_and_address("booking", "BOOKING_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def confirm_booking(family_id: int):
    """Book: the time becomes a meeting, or the guardian hears that it was just taken."""
    access = open_booking(family_id, "booking: confirm")
    form = NoteForm()
    slot = booked_slot(access, form)
    if slot is None:
        return taken(access)
    if not form.validate_on_submit():
        return page("family/booking/note.html", access, form=form, slot=slot), 400
    try:
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            meeting = book_slot(unit, slot, access.guardian, form.note.data)
    except SlotTaken:
        access = open_booking(family_id, "booking: just taken")  # afresh, after the rollback
        return taken(access)
    return redirect(url_for("family.booked", family_id=family_id, meeting_id=meeting.id), code=303)


def taken(access, days=None):
    """The plain "this time was just taken" page, with the free times again."""
    days = days if days is not None else by_day(offered_slots(access))
    return page("family/booking/taken.html", access, form=times_form(days), days=days), 409


@bp.get("/familier/<id:family_id>/book/bekraeftet/<id:meeting_id>")
def booked(family_id: int, meeting_id: int):
    """What happens next, and who to call (for a guardian who may book: B1)."""
    open_booking(family_id, "booking confirmation")
    access, meeting = find_meeting(
        meeting_id, "booking confirmation", family_id=family_id, options=MEETING_CHANGE_LOADING
    )
    return page("family/booking/booked.html", access, meeting=meeting)


# ---- "no time fits" -----------------------------------------------------------------------------


CHOOSE_A_DAY = _l("Choose at least one day")
CHOOSE_A_TIME_OF_DAY = _l("Choose at least one time of day")


class NoTimeFitsForm(PortalForm):
    weekdays = SelectMultipleField(
        _l("Which days suit you?"),
        choices=[SelectChoice(key, name) for key, name in WEEKDAY_NAMES.items()],
        validators=[InputRequired(CHOOSE_A_DAY)],
        validate_choice=False,  # checked below, with a message of our own
    )
    times_of_day = SelectMultipleField(
        _l("Which times of day suit you?"),
        choices=[SelectChoice(key, name) for key, name in TIMES_OF_DAY_NAMES.items()],
        validators=[InputRequired(CHOOSE_A_TIME_OF_DAY)],
        validate_choice=False,
    )
    note = TextAreaField(
        _l("Is there anything else we should know? (optional)"),
        validators=[Length(max=LONGEST_NOTE, message=TOO_LONG_NOTE)],
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field, message in (
            (self.weekdays, CHOOSE_A_DAY),
            (self.times_of_day, CHOOSE_A_TIME_OF_DAY),
        ):
            known = {choice.value for choice in field.choices}
            if not field.errors and not set(field.data or ()) <= known:
                field.errors = [message]
                valid = False
        return valid


@bp.route("/familier/<id:family_id>/book/ingen-tid", methods=["GET", "POST"])
@per_person_and_address("booking", "BOOKING_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def no_time_fits(family_id: int):
    access = open_booking(family_id, "booking: no time fits")
    form = NoTimeFitsForm()
    person = access.family.contact_person
    if form.is_submitted() and person is None:
        return page("family/booking/no_time_fits.html", access, form=form), 409
    if form.validate_on_submit():
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            ask_for_time(
                unit,
                access.guardian,
                weekdays=form.weekdays.data,
                times_of_day=form.times_of_day.data,
                note=form.note.data,
            )
        return redirect(url_for("family.time_asked_for", family_id=family_id), code=303)
    status = 400 if form.errors else 200
    return page("family/booking/no_time_fits.html", access, form=form), status


@bp.get("/familier/<id:family_id>/book/ingen-tid/sendt")
def time_asked_for(family_id: int):
    access = open_booking(family_id, "booking: no time fits sent")
    return page("family/booking/asked.html", access)


def page(template: str, access, **context):
    return render_template(template, access=access, **context)


# ---- what the family pages say about changing a meeting ----------------------------------------


def change_state(access, meeting) -> str | None:
    """Whether this guardian may move or cancel the meeting here (B2): "open" until the
    cut-off, "too_late" after it (the page says to call), None when it is not theirs to change
    or no longer planned."""
    if not guardian_may_change(access.guardian, meeting):
        return None
    now = utcnow()
    if meeting.status != "planned" or meeting.starts_at <= now:
        return None
    return "open" if now <= change_deadline(meeting, cutoff_hours()) else "too_late"


def cutoff_hours() -> float:
    return current_app.config["MEETING_CHANGE_CUTOFF_HOURS"]


@bp.context_processor
def booking_helpers() -> dict:
    return {
        "meeting_change_state": change_state,
        "meeting_change_deadline": lambda meeting: change_deadline(meeting, cutoff_hours()),
        "may_book": may_book,
        "cutoff_hours": cutoff_hours,
    }
