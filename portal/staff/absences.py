"""Away and cover (docs/access.md H3): a staff member registers the days they are away and the
colleague who covers, sees their absences and ends one early. A manager does the same for the
staff of their department. While a contact person is away, their families' pages say until
when and whom to call meanwhile (portal/reads/handovers.py)."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice
from wtforms.validators import InputRequired, ValidationError

from portal.access import may_arrange_absence
from portal.domain.clocks import copenhagen_today
from portal.extensions import db
from portal.forms import DayMonthYearField, PortalForm
from portal.reads.handovers import absence, absences_of, colleagues
from portal.records import Forbidden, Invalid, unit_of_work
from portal.records.handovers import end_absence, register_absence
from portal.records.staff import staff_actor
from portal.staff import bp

NOBODY = "ingen"
LONGEST_ID = 9  # digits of a row id sent in a form


class AbsenceForm(PortalForm):
    who = RadioField(_l("Who is away?"), validate_choice=False)
    starts_on = DayMonthYearField(
        _l("First day away"), validators=[InputRequired(_l("Enter the first day away"))]
    )
    ends_on = DayMonthYearField(
        _l("Last day away"), validators=[InputRequired(_l("Enter the last day away"))]
    )
    cover = RadioField(_l("Who covers meanwhile?"), validate_choice=False, default=NOBODY)

    def __init__(self, *args, me, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.me = me
        self.people = {str(p.id): p for p in people}
        self.who.choices = [SelectChoice(key, p.name) for key, p in self.people.items()]
        if not self.who.data:
            self.who.data = str(me.id)  # a staff member who is no manager registers their own
        # A manager may register anyone's absence, so anyone may be the cover; others are
        # away themselves and choose among their colleagues.
        covers = self.people if me.role == "manager" else without(self.people, me)
        self.cover.choices = [
            SelectChoice(NOBODY, _l("Nobody: the family calls the municipality's number"))
        ] + [SelectChoice(key, p.name) for key, p in covers.items()]

    def validate_who(self, field) -> None:
        if field.data not in self.people:
            raise ValidationError(_l("Choose who is away"))

    def validate_ends_on(self, field) -> None:
        if field.data is None:
            return
        if self.starts_on.data is not None and field.data < self.starts_on.data:
            raise ValidationError(_l("The last day must be the same as or after the first day"))
        if field.data < copenhagen_today():
            raise ValidationError(_l("The last day must be today or later"))

    def validate_cover(self, field) -> None:
        if field.data != NOBODY and field.data not in self.people:
            raise ValidationError(_l("Choose who covers, or nobody"))
        if field.data == self.who.data:
            raise ValidationError(_l("Choose someone else than the person who is away"))

    def away(self):
        return self.people[self.who.data]

    def covering(self):
        return self.people.get(self.cover.data)


def without(people: dict, me) -> dict:
    return {key: p for key, p in people.items() if p.id != me.id}


def department_people(staff) -> list:
    """Whom the form names: a manager's whole department (themselves too: H3), or, for anyone
    else, themselves (who is away) and their colleagues (who may cover)."""
    return colleagues(staff, including_self=True)


def page(form, status: int = 200):
    staff = g.viewer.staff
    manager = staff.role == "manager"
    people = list(form.people.values())
    shown = [p.id for p in people] if manager else [staff.id]
    today = copenhagen_today()
    html = render_template(
        "staff/handovers/absences.html",
        form=form,
        manager=manager,
        absences=absences_of(shown, today),
        today=today,
    )
    return html, status


@bp.route("/fravaer", methods=["GET", "POST"])
def absences():
    staff = g.viewer.staff
    form = AbsenceForm(me=staff, people=department_people(staff))
    if staff.role != "manager":  # only a manager chooses who is away (H3)
        form.who.data = str(staff.id)
    if not form.is_submitted():
        return page(form)
    if not form.validate_on_submit():
        return page(form, 400)
    away, cover = form.away(), form.covering()
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            register_absence(unit, away, form.starts_on.data, form.ends_on.data, cover, by=staff)
    except Forbidden:
        abort(404)
    except Invalid as refusal:
        refused(form, refusal, away, cover)
        return page(form, 409)  # the days clash with what is registered already
    if away.id == staff.id:
        flash(gettext("Your absence is registered. Your families see whom to call."), "success")
    else:
        flash(gettext("The absence of %(name)s is registered.", name=away.name), "success")
    return redirect(url_for("staff.absences"), code=303)


def refused(form: AbsenceForm, refusal: Invalid, away, cover) -> None:
    """A record's refusal as the form's error, in the reader's language."""
    field = refusal.errors[0][0][0] if refusal.errors else ""
    if field == "cover" and cover is not None:
        form.cover.errors = [
            gettext("%(name)s is away then too. Choose someone else.", name=cover.name)
        ]
    elif field == "starts_on":
        form.starts_on.errors = [
            gettext("%(name)s is already away on some of these days.", name=away.name)
        ]
    else:
        form.form_errors.append(gettext("The absence could not be registered. Try again."))


@bp.post("/fravaer/afslut")
def end_absence_page():
    """End an absence early (it ends yesterday), or remove one that has not begun."""
    staff = g.viewer.staff
    value = (request.form.get("fravaer") or "").strip()
    if not value.isdecimal() or len(value) > LONGEST_ID:
        abort(400)
    found = absence(int(value))
    if found is None or not may_arrange_absence(staff, found.staff):
        abort(404)
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            end_absence(unit, found, by=staff)
    except Invalid:
        flash(gettext("The absence is over already."), "info")
        return redirect(url_for("staff.absences"), code=303)
    flash(gettext("The absence is ended."), "success")
    return redirect(url_for("staff.absences"), code=303)
