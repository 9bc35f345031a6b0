"""One meeting in the staff pages: when and where, who takes part, what each guardian wrote
before it ("Det er vigtigt for os"), and the next steps agreed at it, which staff write during
or after the meeting and tick done (docs/access.md G5, P1, P2). Moving and cancelling have pages
of their own (/flyt, /aflys)."""

from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from portal.access import meeting_for
from portal.domain.clocks import copenhagen_today
from portal.extensions import db
from portal.family.meetings import kind_name
from portal.forms import DayMonthYearField, PortalForm, stripped
from portal.models.base import utcnow
from portal.reads.family import load_children
from portal.reads.plans import MEETING_PAGE, children_plans, plan_order, step_owners
from portal.records import RecordError, unit_of_work
from portal.records.plans import LONGEST_NAME, LONGEST_WHAT, add_plan_step, may_add_steps
from portal.records.plans import mark_step_done as mark_done
from portal.records.staff import staff_actor
from portal.staff import bp

FAMILY, OTHER, STAFF = "family", "other", "staff-"


class StepForm(PortalForm):
    what = TextAreaField(
        _l("What did you agree?"),
        filters=[stripped],
        validators=[
            DataRequired(_l("Write what you agreed")),
            Length(
                max=LONGEST_WHAT, message=_l("Write %(num)s characters or fewer", num=LONGEST_WHAT)
            ),
        ],
    )
    owner = RadioField(
        _l("Who does it?"),
        validators=[InputRequired(_l("Choose who does it"))],
        validate_choice=False,  # checked below, with a message of our own
    )
    owner_name = StringField(
        _l("Who else?"),
        filters=[stripped],
        validators=[
            Length(
                max=LONGEST_NAME, message=_l("Write %(num)s characters or fewer", num=LONGEST_NAME)
            )
        ],
    )
    due_on = DayMonthYearField(_l("By when? (optional)"), validators=[Optional()])
    child = RadioField(
        _l("Which child is it about?"),
        validators=[InputRequired(_l("Choose the child it is about"))],
        validate_choice=False,
    )

    def __init__(self, *args, owners=(), children=(), preselected_child=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owners = {f"{STAFF}{person.id}": person for person in owners}
        self.owner.choices = [
            *(SelectChoice(value, owner_label(person)) for value, person in self.owners.items()),
            SelectChoice(FAMILY, _l("The family")),
            SelectChoice(OTHER, _l("Someone else, e.g. the school")),
        ]
        self.children = {str(child.id): child for child in children}
        if len(self.children) > 1:
            self.child.choices = [SelectChoice(key, c.name) for key, c in self.children.items()]
            if not self.is_submitted() and preselected_child is not None:
                self.child.data = str(preselected_child)
        else:
            del self.child

    def validate_owner(self, field) -> None:
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError(_l("Choose who does it"))

    def validate_child(self, field) -> None:
        if field.data not in self.children:
            raise ValidationError(_l("Choose the child it is about"))

    def validate_due_on(self, field) -> None:
        if field.data is not None and field.data < copenhagen_today():
            field.problem_parts = ()
            raise ValidationError(_l("The date must be today or later"))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.owner.data == OTHER and not (self.owner_name.data or "").strip():
            if not self.owner_name.errors:
                self.owner_name.errors.append(_l("Write who does it"))
            valid = False
        return valid

    def step(self) -> dict:
        """The step as add_plan_step takes it."""
        owner = self.owner.data
        return {
            "what": self.what.data,
            "owner": "staff" if owner.startswith(STAFF) else owner,
            "owner_staff": self.owners.get(owner),
            "owner_name": self.owner_name.data if owner == OTHER else None,
            "due_on": self.due_on.data,
        }

    def chosen_child(self):
        if self.child is None:
            return next(iter(self.children.values()))
        return self.children[self.child.data]


def owner_label(person) -> str:
    title = f" ({person.title})" if person.title else ""
    return f"{person.name}{title}, {person.department.short_name}"


def open_meeting(meeting_id: int, what: str):
    """The meeting, the viewer's access, the children they see and the steps agreed for them."""
    access, meeting = meeting_for(meeting_id, what, options=MEETING_PAGE)
    children = load_children(access)
    seen = {child.id for child in children}
    steps = plan_order([s for s in meeting.plan_steps if s.child_id in seen])
    return access, meeting, children, steps


def step_form(access, meeting, children) -> StepForm:
    case_child = meeting.case.child_id if meeting.case is not None else None
    return StepForm(
        owners=step_owners(access, meeting), children=children, preselected_child=case_child
    )


@bp.get("/moeder/<id:meeting_id>")
def meeting(meeting_id: int):
    access, meeting, children, steps = open_meeting(meeting_id, "staff meeting page")
    return page(access, meeting, children, steps, step_form(access, meeting, children))


@bp.post("/moeder/<id:meeting_id>/skridt")
def add_step(meeting_id: int):
    access, meeting, children, steps = open_meeting(meeting_id, "staff meeting page: next step")
    if not children:
        abort(404)  # a participant from the other department's meeting (T3): not their child
    form = step_form(access, meeting, children)
    if not may_add_steps(meeting):
        return page(access, meeting, children, steps, form, refused=True), 409
    if not form.validate_on_submit():
        return page(access, meeting, children, steps, form), 400
    staff = g.viewer.staff
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            add_plan_step(unit, meeting, form.chosen_child(), written_by=staff, **form.step())
    except RecordError:  # cancelled in between
        return page(access, meeting, children, steps, form, refused=True), 409
    flash(gettext("The next step is saved. The family can see it now."), "success")
    return redirect(url_for("staff.meeting", meeting_id=meeting_id, _anchor="plan"), code=303)


@bp.post("/moeder/<id:meeting_id>/skridt/<id:step_id>/udfoert")
def step_done(meeting_id: int, step_id: int):
    access, meeting, children, steps = open_meeting(meeting_id, "staff meeting page: step done")
    step = next((s for s in steps if s.id == step_id), None)
    if step is None:
        abort(404)
    with unit_of_work(db.session, staff_actor(g.viewer.staff)) as unit:
        mark_done(unit, step, copenhagen_today())
    flash(gettext("The step is marked as done."), "success")
    return redirect(url_for("staff.meeting", meeting_id=meeting_id, _anchor="plan"), code=303)


def page(access, meeting, children, steps, form, refused: bool = False):
    return render_template(
        "staff/meeting.html",
        access=access,
        meeting=meeting,
        children=children,
        steps=steps,
        form=form,
        may_add_steps=may_add_steps(meeting) and bool(children),
        refused=refused,
        preparations=sorted(meeting.preparations, key=lambda p: p.guardian.name),
    )


@bp.context_processor
def plan_helpers() -> dict:
    """For the staff family page: every child's shared plan at once."""
    return {
        "children_plans": children_plans,
        "copenhagen_today": copenhagen_today,
        "now": utcnow,
        "meeting_kind": kind_name,  # the family pages' words for each type of meeting
    }
