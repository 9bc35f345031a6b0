"""Hand over a family or a case to a colleague (docs/access.md H1, H2): choose the colleague,
write a note, check your answers, hand over. The choice travels in the form (hidden fields on
the check page), so every step works without JavaScript and nothing is written before the last
one. The family's contact person is handed over with a note for the family; a case with an
optional note for colleagues."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from portal.access import (
    access_level,
    case_handover_for,
    department_statement,
    family_handover_for,
    may_hand_over_case,
    may_hand_over_family,
)
from portal.domain.progress import current_holder
from portal.extensions import db
from portal.forms import PortalForm, stripped
from portal.reads.family import CASE_LOADING
from portal.reads.handovers import case_handovers, colleagues, department_decides
from portal.records import Forbidden, Invalid, unit_of_work
from portal.records.handovers import LONGEST_NOTE, hand_over_case, hand_over_family
from portal.records.staff import staff_actor
from portal.staff import bp

CHANGE = "aendr"  # the check page's "change your answers" button
TOO_LONG = _l("Write %(num)s characters or fewer", num=LONGEST_NOTE)


def staff_label(person) -> str:
    """A colleague as a choice: name, and title where known."""
    return f"{person.name}, {person.title}" if person.title else person.name


class HandOverForm(PortalForm):
    """Whom to hand over to (an active colleague of the same department, not the one who has
    it now) and the note."""

    to = RadioField(validate_choice=False)  # checked below, with a message of our own
    note = TextAreaField(filters=[stripped])
    choose_message = _l("Choose a colleague")

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(person.id): person for person in people}
        self.to.choices = [SelectChoice(key, staff_label(p)) for key, p in self.people.items()]

    def validate_to(self, field) -> None:
        if field.data not in self.people:
            raise ValidationError(self.choose_message)

    def chosen(self):
        return self.people[self.to.data]


class FamilyHandOverForm(HandOverForm):
    to = RadioField(_l("Who is the family's new contact person?"), validate_choice=False)
    note = TextAreaField(
        _l("Note for the family"),
        validators=[
            DataRequired(_l("Write a note for the family")),
            Length(max=LONGEST_NOTE, message=TOO_LONG),
        ],
        filters=[stripped],
    )
    choose_message = _l("Choose the family's new contact person")


class CaseHandOverForm(HandOverForm):
    to = RadioField(_l("Who takes over the case?"), validate_choice=False)
    note = TextAreaField(
        _l("Note for your colleagues (optional)"),
        validators=[Length(max=LONGEST_NOTE, message=TOO_LONG)],
        filters=[stripped],
    )
    choose_message = _l("Choose who takes over the case")


# ---- the family's contact person (H1) --------------------------------------------------------


def open_family(family_id: int, what: str):
    """The family, the department's statement and the colleagues who may take over, for a staff
    member who may hand it over (H1); 404 for everyone else."""
    access = family_handover_for(family_id, what)
    staff = access.staff
    statement = department_statement(access.family, staff.department_id)
    current = statement.contact_person_id
    people = [p for p in colleagues(staff, including_self=True) if p.id != current]
    return access, statement, people


def family_page(template: str, access, statement, form, status: int = 200):
    decides = department_decides(access.family, statement.department_id)
    html = render_template(
        template,
        access=access,
        statement=statement,
        form=form,
        decides=decides,
        seen=access.family.contact_person,
    )
    return html, status


@bp.route("/familier/<id:family_id>/overdrag", methods=["GET", "POST"])
def hand_over_family_page(family_id: int):
    """Step 1 (GET, or "change" from the check page), then step 2: check your answers."""
    access, statement, people = open_family(family_id, "staff hand over family")
    form = FamilyHandOverForm(people=people)
    template = "staff/handovers/family.html"
    if not form.is_submitted() or CHANGE in request.form:
        return family_page(template, access, statement, form)
    if not form.validate_on_submit():
        return family_page(template, access, statement, form, 400)
    return family_page("staff/handovers/family_check.html", access, statement, form)


@bp.post("/familier/<id:family_id>/overdrag/bekraeft")
def confirm_family_handover(family_id: int):
    access, statement, people = open_family(family_id, "staff hand over family: confirm")
    form = FamilyHandOverForm(people=people)
    template = "staff/handovers/family.html"
    if not form.validate_on_submit():
        return family_page(template, access, statement, form, 400)
    staff, new = g.viewer.staff, form.chosen()
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            hand_over_family(
                unit, access.family, staff.department, new, by=staff, note=form.note.data
            )
    except (Invalid, Forbidden):  # the department's statement changed in the meantime
        access, statement, people = open_family(family_id, "staff hand over family: refused")
        form = FamilyHandOverForm(people=people, formdata=None, data={"note": form.note.data})
        form.form_errors.append(gettext("The family changed in the meantime. Try again."))
        return family_page(template, access, statement, form, 409)
    flash(
        gettext("%(name)s is now the family's contact person. We tell the family.", name=new.name),
        "success",
    )
    return redirect(afterwards(family_id), code=303)


def afterwards(family_id: int, anchor: str | None = None) -> str:
    """Back to the family, or to the caseload when the hand-over took the family off it (T1)."""
    if access_level(g.viewer, family_id) is None:
        return url_for("staff.caseload")
    return url_for("staff.family", family_id=family_id, _anchor=anchor)


# ---- a case's holder (H2) -----------------------------------------------------------------------


def open_case(family_id: int, case_id: int, what: str):
    access, case = case_handover_for(family_id, case_id, what, options=CASE_LOADING)
    holder = current_holder(case).person
    held_by = holder.id if holder is not None else None
    people = [p for p in colleagues(access.staff, including_self=True) if p.id != held_by]
    return access, case, holder, people


def case_page(template: str, access, case, holder, form, status: int = 200):
    html = render_template(
        template,
        access=access,
        case=case,
        holder=holder,
        form=form,
        history=case_handovers(case),
    )
    return html, status


@bp.route("/familier/<id:family_id>/sager/<id:case_id>/overdrag", methods=["GET", "POST"])
def hand_over_case_page(family_id: int, case_id: int):
    access, case, holder, people = open_case(family_id, case_id, "staff hand over case")
    form = CaseHandOverForm(people=people)
    template = "staff/handovers/case.html"
    if not form.is_submitted() or CHANGE in request.form:
        return case_page(template, access, case, holder, form)
    if not form.validate_on_submit():
        return case_page(template, access, case, holder, form, 400)
    return case_page("staff/handovers/case_check.html", access, case, holder, form)


@bp.post("/familier/<id:family_id>/sager/<id:case_id>/overdrag/bekraeft")
def confirm_case_handover(family_id: int, case_id: int):
    access, case, holder, people = open_case(family_id, case_id, "staff hand over case: confirm")
    form = CaseHandOverForm(people=people)
    template = "staff/handovers/case.html"
    if not form.validate_on_submit():
        return case_page(template, access, case, holder, form, 400)
    staff, new = g.viewer.staff, form.chosen()
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            hand_over_case(unit, case, new, by=staff, note=form.note.data)
    except (Invalid, Forbidden):  # closed or handed over in the meantime
        access, case, holder, people = open_case(family_id, case_id, "staff hand over: refused")
        form = CaseHandOverForm(people=people, formdata=None, data={"note": form.note.data})
        form.form_errors.append(gettext("The case changed in the meantime. Try again."))
        return case_page(template, access, case, holder, form, 409)
    flash(gettext("%(name)s has the case now.", name=new.name), "success")
    return redirect(afterwards(family_id, f"case-{case_id}"), code=303)


@bp.context_processor
def handover_links() -> dict:
    """For the staff family page: whether to link to handing over the family and each case."""

    def family_link(access) -> bool:
        staff = access.staff
        return (
            staff is not None
            and staff.department_id in access.case_departments
            and may_hand_over_family(staff, access.family)
        )

    def case_link(access, case) -> bool:
        return case.department_id in access.case_departments and may_hand_over_case(
            access.staff, case
        )

    return {"may_hand_over_family": family_link, "may_hand_over_case": case_link}
