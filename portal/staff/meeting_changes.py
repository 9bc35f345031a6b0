"""Staff move a planned meeting to a new date, start and length, or cancel it, and give the
family the reason in plain words (docs/access.md B3: the organiser, a participant, or the
family's contact person). The invited guardians are told through the outbox; the time that
was booked for the meeting is withdrawn. The same staff invite a parent or a colleague (B4)."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from portal.access import meeting_for, staff_may_change
from portal.domain.clocks import COPENHAGEN, local_day
from portal.extensions import db
from portal.forms import PortalForm, stripped
from portal.i18n import format_moment
from portal.models.base import utcnow
from portal.reads.booking import MEETING_CHANGE_LOADING, invitable
from portal.records import Forbidden, Invalid, unit_of_work
from portal.records.booking import (
    LENGTHS,
    LONGEST_REASON,
    Clash,
    TooLate,
    cancel_meeting,
    invite,
)
from portal.records.booking import move_meeting as move
from portal.records.staff import staff_actor
from portal.staff import bp
from portal.staff.meeting import owner_label
from portal.staff.times import TimeOfDayForm

REASON = [
    Length(max=LONGEST_REASON, message=_l("Write %(num)s characters or fewer", num=LONGEST_REASON))
]


class MoveForm(TimeOfDayForm):
    reason = TextAreaField(
        _l("Why is the meeting moved?"),
        validators=[DataRequired(_l("Write why the meeting is moved")), *REASON],
        filters=[stripped],
    )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return self.check_future() and valid


class CancelForm(PortalForm):
    reason = TextAreaField(
        _l("Why is the meeting cancelled?"),
        validators=[DataRequired(_l("Write why the meeting is cancelled")), *REASON],
        filters=[stripped],
    )


def open_meeting(meeting_id: int, what: str):
    """The meeting, for a staff member who may change it (B3); 404 for everyone else."""
    access, meeting = meeting_for(meeting_id, what, options=MEETING_CHANGE_LOADING)
    if not staff_may_change(g.viewer.staff, meeting):
        abort(404)
    changeable = meeting.status == "planned" and meeting.starts_at > utcnow()
    return access, meeting, changeable


def meeting_page(meeting_id: int):
    return redirect(url_for("staff.meeting", meeting_id=meeting_id), code=303)


def clash_message(clash: Clash) -> str:
    when = format_moment(clash.starts_at)
    if clash.kind == "slot":
        return gettext(
            "%(name)s has a time for booking on %(when)s. Withdraw it first, or choose "
            "another time.",
            name=clash.person.name,
            when=when,
        )
    return gettext(
        "%(name)s already has a meeting on %(when)s. Choose another time.",
        name=clash.person.name,
        when=when,
    )


@bp.route("/moeder/<id:meeting_id>/flyt", methods=["GET", "POST"])
def meeting_move(meeting_id: int):
    access, meeting, changeable = open_meeting(meeting_id, "staff move meeting")
    length = int((meeting.ends_at - meeting.starts_at).total_seconds() // 60)
    form = MoveForm(
        data={
            "on": local_day(meeting.starts_at),
            "start": f"{meeting.starts_at.astimezone(COPENHAGEN):%H:%M}",
            "minutes": str(length) if length in LENGTHS else "60",
        }
    )
    if not form.is_submitted():
        return page("staff/meeting_change_move.html", access, meeting, changeable, form)
    if not changeable:
        return page("staff/meeting_change_move.html", access, meeting, changeable, form), 409
    if not form.validate_on_submit():
        return page("staff/meeting_change_move.html", access, meeting, changeable, form), 400
    starts = form.first_start()
    ends = starts + timedelta(minutes=int(form.minutes.data))
    staff = g.viewer.staff
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            move(unit, meeting, by=staff, reason=form.reason.data, starts_at=starts, ends_at=ends)
    except (Clash, Invalid, TooLate) as refusal:
        access, meeting, changeable = open_meeting(meeting_id, "staff move meeting: refused")
        if isinstance(refusal, Clash):
            form.form_errors.append(clash_message(refusal))
        elif isinstance(refusal, Invalid):
            form.form_errors.append(gettext("The meeting is at this time already."))
        status = 409 if not isinstance(refusal, Invalid) else 400
        return page("staff/meeting_change_move.html", access, meeting, changeable, form), status
    flash(
        gettext(
            "The meeting is moved to %(when)s. We tell the family.", when=format_moment(starts)
        ),
        "success",
    )
    return meeting_page(meeting_id)


@bp.route("/moeder/<id:meeting_id>/aflys", methods=["GET", "POST"])
def meeting_cancel(meeting_id: int):
    access, meeting, changeable = open_meeting(meeting_id, "staff cancel meeting")
    form = CancelForm()
    if not form.is_submitted():
        return page("staff/meeting_change_cancel.html", access, meeting, changeable, form)
    if not changeable:
        return page("staff/meeting_change_cancel.html", access, meeting, changeable, form), 409
    if not form.validate_on_submit():
        return page("staff/meeting_change_cancel.html", access, meeting, changeable, form), 400
    staff = g.viewer.staff
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            cancel_meeting(unit, meeting, by=staff, reason=form.reason.data)
    except TooLate:
        access, meeting, changeable = open_meeting(meeting_id, "staff cancel meeting: refused")
        return page("staff/meeting_change_cancel.html", access, meeting, changeable, form), 409
    flash(gettext("The meeting is cancelled. We tell the family."), "success")
    return meeting_page(meeting_id)


class InviteForm(PortalForm):
    who = RadioField(
        _l("Whom do you invite?"),
        validators=[InputRequired(_l("Choose whom you invite"))],
        validate_choice=False,  # checked below, with a message of our own
    )

    def __init__(self, *args, guardians=(), staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {f"guardian-{g.id}": ("guardian", g) for g in guardians}
        self.people |= {f"staff-{s.id}": ("staff", s) for s in staff}
        self.who.choices = [
            SelectChoice(value, parent_label(person) if kind == "guardian" else owner_label(person))
            for value, (kind, person) in self.people.items()
        ]

    def validate_who(self, field) -> None:
        if field.data not in self.people:
            raise ValidationError(_l("Choose whom you invite"))

    def chosen(self) -> dict:
        kind, person = self.people[self.who.data]
        return {kind: person}


def parent_label(guardian) -> str:
    if guardian.has_custody:
        return gettext("%(name)s, parent with custody", name=guardian.name)
    return gettext("%(name)s, parent with information only", name=guardian.name)


@bp.route("/moeder/<id:meeting_id>/inviter", methods=["GET", "POST"])
def meeting_invite(meeting_id: int):
    access, meeting, changeable = open_meeting(meeting_id, "staff invite to meeting")
    guardians, staff_members = invitable(access, meeting)
    form = InviteForm(guardians=guardians, staff=staff_members)
    template = "staff/meeting_change_invite.html"
    if not form.is_submitted():
        return page(template, access, meeting, changeable, form)
    if not changeable:
        return page(template, access, meeting, changeable, form), 409
    if not form.validate_on_submit():
        return page(template, access, meeting, changeable, form), 400
    chosen = form.chosen()
    staff = g.viewer.staff
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            invite(unit, meeting, by=staff, **chosen)
    except (TooLate, Invalid, Forbidden):  # changed in the meantime
        access, meeting, changeable = open_meeting(meeting_id, "staff invite: refused")
        guardians, staff_members = invitable(access, meeting)
        form = InviteForm(guardians=guardians, staff=staff_members)
        form.form_errors.append(gettext("The meeting changed in the meantime. Try again."))
        return page(template, access, meeting, changeable, form), 409
    person = next(iter(chosen.values()))
    if "guardian" in chosen:
        flash(gettext("%(name)s is invited. We tell them.", name=person.name), "success")
    else:
        flash(
            gettext("%(name)s is invited and can see the meeting now.", name=person.name), "success"
        )
    return meeting_page(meeting_id)


def page(template, access, meeting, changeable, form):
    return render_template(
        template,
        access=access,
        meeting=meeting,
        changeable=changeable,
        form=form,
    )


@bp.context_processor
def change_helpers() -> dict:
    """For the staff family page's list of meetings: whether to link to moving and cancelling."""
    return {
        "may_change_meeting": lambda meeting: (
            meeting.status == "planned"
            and meeting.starts_at > utcnow()
            and staff_may_change(g.viewer.staff, meeting)
        )
    }
