"""A guardian with custody moves a meeting to another time its organiser offers the family, or
cancels it, until MEETING_CHANGE_CUTOFF_HOURS before it (docs/access.md B2), with a reason if
they like. After the cut-off the pages say to call the contact person. A time taken by someone
else in the meantime gives the "this time was just taken" page (409) with the free times."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import InputRequired, Length

from portal.access import family_for, guardian_may_change, meeting_for
from portal.extensions import db
from portal.family import bp
from portal.family.booking import (
    TIME,
    change_state,
    chosen_id,
    cutoff_hours,
    refuse_time,
    times_form,
)
from portal.forms import PortalForm
from portal.i18n import format_moment
from portal.rate_limits import per_person_and_address
from portal.reads.booking import MEETING_CHANGE_LOADING, by_day, offered_slots
from portal.records import unit_of_work
from portal.records.booking import (
    LONGEST_REASON,
    SlotTaken,
    TooLate,
    cancel_meeting,
    move_meeting,
)
from portal.records.guardians import guardian_actor

REASON_LIMIT = [
    Length(max=LONGEST_REASON, message=_l("Write %(num)s characters or fewer", num=LONGEST_REASON))
]


class MoveBase(PortalForm):
    reason = TextAreaField(
        _l("Why do you want to move the meeting? (optional)"), validators=REASON_LIMIT
    )


class CancelForm(PortalForm):
    sure = RadioField(
        _l("Do you want to cancel the meeting?"),
        choices=[
            SelectChoice("yes", _l("Yes, cancel the meeting")),
            SelectChoice("no", _l("No, keep the meeting")),
        ],
        validators=[InputRequired(_l("Choose yes if you want to cancel the meeting"))],
        validate_choice=False,
    )
    reason = TextAreaField(_l("Why do you cancel? (optional)"), validators=REASON_LIMIT)


def open_meeting(family_id: int, meeting_id: int, what: str):
    """The meeting, for a guardian who may change it (B2); 404 for everyone else (a guardian
    with information only before anything is written to the audit log)."""
    family_for(family_id, what, case_content=True)
    access, meeting = meeting_for(
        meeting_id, what, family_id=family_id, options=MEETING_CHANGE_LOADING
    )
    if not guardian_may_change(access.guardian, meeting):
        abort(404)
    return access, meeting, change_state(access, meeting)


def meeting_page(family_id: int, meeting_id: int):
    return redirect(url_for("family.meeting", family_id=family_id, meeting_id=meeting_id), code=303)


@bp.route("/familier/<id:family_id>/moeder/<id:meeting_id>/flyt", methods=["GET", "POST"])
@per_person_and_address("booking", "BOOKING_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def meeting_move(family_id: int, meeting_id: int):
    access, meeting, state = open_meeting(family_id, meeting_id, "move meeting")
    slots = offered_slots(access, staff_id=meeting.organizer_id) if state == "open" else []
    days = by_day(slots)
    form = times_form(days, base=MoveBase)
    if not form.is_submitted():
        return page("family/booking/move.html", access, meeting, state, form, days)
    if state != "open":
        return page("family/booking/move.html", access, meeting, state, form, days), 409
    valid = form.validate_on_submit()
    slot_id = chosen_id(request.form.get(TIME))  # also when that time is no longer listed
    slot = next((s for s in slots if s.id == slot_id), None)
    if slot is None:
        if slot_id is not None:  # offered a moment ago, not any more
            return page(
                "family/booking/move.html", access, meeting, state, form, days, taken=True
            ), 409
        refuse_time(form, gettext("Choose a new time"))
        valid = False
    if not valid:
        return page("family/booking/move.html", access, meeting, state, form, days), 400
    try:
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            move_meeting(
                unit,
                meeting,
                by=access.guardian,
                slot=slot,
                reason=form.reason.data,
                cutoff_hours=cutoff_hours(),
            )
    except (SlotTaken, TooLate) as refusal:
        access, meeting, state = open_meeting(family_id, meeting_id, "move meeting: refused")
        days = by_day(
            offered_slots(access, staff_id=meeting.organizer_id) if state == "open" else []
        )
        form = times_form(days, base=MoveBase, data={"reason": form.reason.data})
        taken = isinstance(refusal, SlotTaken)
        return page(
            "family/booking/move.html", access, meeting, state, form, days, taken=taken
        ), 409
    flash(
        gettext(
            "The meeting is moved to %(when)s. We have told the others.",
            when=format_moment(meeting.starts_at),
        ),
        "success",
    )
    return meeting_page(family_id, meeting_id)


@bp.route("/familier/<id:family_id>/moeder/<id:meeting_id>/aflys", methods=["GET", "POST"])
@per_person_and_address("booking", "BOOKING_RATE_LIMIT", "FORM_ADDRESS_RATE_LIMIT")
def meeting_cancel(family_id: int, meeting_id: int):
    access, meeting, state = open_meeting(family_id, meeting_id, "cancel meeting")
    form = CancelForm()
    if not form.is_submitted():
        return page("family/booking/cancel.html", access, meeting, state, form)
    if state != "open":
        return page("family/booking/cancel.html", access, meeting, state, form), 409
    if not form.validate_on_submit():
        return page("family/booking/cancel.html", access, meeting, state, form), 400
    if form.sure.data != "yes":
        return meeting_page(family_id, meeting_id)
    try:
        with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
            cancel_meeting(
                unit,
                meeting,
                by=access.guardian,
                reason=form.reason.data,
                cutoff_hours=cutoff_hours(),
            )
    except TooLate:
        access, meeting, state = open_meeting(family_id, meeting_id, "cancel meeting: refused")
        return page("family/booking/cancel.html", access, meeting, state, form), 409
    flash(gettext("The meeting is cancelled. We have told the others."), "success")
    return meeting_page(family_id, meeting_id)


def page(template, access, meeting, state, form, days=(), taken=False):
    return render_template(
        template, access=access, meeting=meeting, state=state, form=form, days=days, taken=taken
    )
