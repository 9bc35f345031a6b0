""" "Det er vigtigt for os": before a meeting a guardian writes what matters to the family,
their questions, whether they need an interpreter (and for which language) and, when the
child is 10 or older, whether the child will come. Saved at once and shown to every staff
member who sees the meeting; the guardian can change it until the meeting starts, and after
that reads what they sent (docs/access.md G5)."""

from __future__ import annotations

from babel.lists import format_list
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import Length, Optional

from portal.access import meeting_for
from portal.domain.clocks import copenhagen_today
from portal.extensions import db
from portal.family import bp
from portal.forms import PortalForm
from portal.i18n import format_locale
from portal.reads.plans import child_plan, meeting_plan
from portal.reads.preparations import MEETING_LOADING, children_asked_about, own_preparation
from portal.records import RecordError, unit_of_work
from portal.records.guardians import guardian_actor
from portal.records.preparations import LONGEST_LANGUAGE, LONGEST_TEXT, may_change
from portal.records.preparations import save_preparation as save

YES, NO, NOT_SURE = "yes", "no", "not-sure"
ATTENDS = {YES: True, NO: False, NOT_SURE: None}


class PreparationForm(PortalForm):
    what_matters = TextAreaField(
        _l("What is important to you at the meeting?"),
        validators=[
            Length(
                max=LONGEST_TEXT,
                message=_l("Write %(num)s characters or fewer", num=LONGEST_TEXT),
            )
        ],
    )
    questions = TextAreaField(
        _l("What do you want to ask about?"),
        validators=[
            Length(
                max=LONGEST_TEXT,
                message=_l("Write %(num)s characters or fewer", num=LONGEST_TEXT),
            )
        ],
    )
    interpreter = RadioField(
        _l("Do you need an interpreter at the meeting?"),
        choices=[SelectChoice(NO, _l("No")), SelectChoice(YES, _l("Yes"))],
        validators=[Optional()],
        validate_choice=True,
    )
    interpreter_language = StringField(
        _l("Which language should the interpreter speak?"),
        validators=[
            Length(
                max=LONGEST_LANGUAGE,
                message=_l("Write %(num)s characters or fewer", num=LONGEST_LANGUAGE),
            )
        ],
    )
    child_attends = RadioField(
        _l("Will your child come to the meeting?"),  # named in the view
        choices=[
            SelectChoice(YES, _l("Yes")),
            SelectChoice(NO, _l("No")),
            SelectChoice(NOT_SURE, _l("We do not know yet")),
        ],
        validators=[Optional()],
        validate_choice=True,
    )

    def __init__(self, *args, asks_about_child: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not asks_about_child:
            del self.child_attends

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        language = (self.interpreter_language.data or "").strip()
        if self.interpreter.data == YES and not language and not self.interpreter_language.errors:
            self.interpreter_language.errors.append(
                _l("Write which language the interpreter should speak")
            )
            valid = False
        if valid and not self.has_answers():
            self.form_errors.append(_l("Write what is important to you, or answer a question"))
            valid = False
        return valid

    def has_answers(self) -> bool:
        attends = self.child_attends.data if self.child_attends is not None else None
        return bool(
            (self.what_matters.data or "").strip()
            or (self.questions.data or "").strip()
            or self.interpreter.data == YES
            or attends in ATTENDS
        )

    def answers(self) -> dict:
        attends = self.child_attends.data if self.child_attends is not None else None
        return {
            "what_matters": self.what_matters.data,
            "questions": self.questions.data,
            "interpreter_language": self.interpreter_language.data
            if self.interpreter.data == YES
            else None,
            "child_attends": ATTENDS.get(attends),
        }


def saved_answers(saved) -> dict | None:
    if saved is None:
        return None
    attends = None if saved.child_attends is None else YES if saved.child_attends else NO
    return {
        "what_matters": saved.what_matters or "",
        "questions": saved.questions or "",
        "interpreter": YES if saved.interpreter_language else NO,
        "interpreter_language": saved.interpreter_language or "",
        "child_attends": attends,
    }


@bp.route("/familier/<id:family_id>/moeder/<id:meeting_id>/vigtigt", methods=["GET", "POST"])
def preparation(family_id: int, meeting_id: int):
    access, meeting = meeting_for(
        meeting_id, "meeting preparation", family_id=family_id, options=MEETING_LOADING
    )
    children = children_asked_about(access, meeting, copenhagen_today())
    saved = own_preparation(access, meeting)
    # What was saved fills the form; a form sent is read as sent, every field of it.
    shown = None if request.method == "POST" else saved_answers(saved)
    form = PreparationForm(asks_about_child=bool(children), data=shown)
    if form.child_attends is not None:
        names = format_list([c.first_name for c in children], locale=format_locale())
        form.child_attends.label.text = gettext("Will %(names)s come to the meeting?", names=names)
    if form.is_submitted() and not may_change(meeting):
        return page(access, meeting, form, saved, children, refused=True), 409
    if form.validate_on_submit():
        try:
            write(meeting, access.guardian, form.answers())
        except RecordError:  # the meeting started, or was cancelled, in between
            saved = own_preparation(access, meeting)
            return page(access, meeting, form, saved, children, refused=True), 409
        flash(gettext("We have saved what you wrote."), "success")
        return redirect(
            url_for("family.preparation", family_id=family_id, meeting_id=meeting_id), code=303
        )
    status = 400 if form.errors else 200
    return page(access, meeting, form, saved, children), status


def write(meeting, guardian, answers: dict) -> None:
    """Save in one unit of work. Two saves of a first text at once (a double click) both try
    to add it; the one that loses saves again, over the text the other one added."""
    for attempt in range(2):
        try:
            with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
                save(unit, meeting, guardian, **answers)
            return
        except IntegrityError:
            if attempt:
                raise


def page(access, meeting, form, saved, children, refused: bool = False):
    return render_template(
        "family/preparation.html",
        access=access,
        meeting=meeting,
        form=form,
        saved=saved,
        children=children,
        editable=may_change(meeting) and not refused,
        refused=refused,
    )


@bp.context_processor
def plan_helpers() -> dict:
    """For the child page, the meeting page and the overview: what the viewer sees of a
    child's shared plan, the steps agreed at a meeting, and their own text for a meeting."""
    return {
        "child_plan": child_plan,
        "meeting_plan": meeting_plan,
        "own_preparation": own_preparation,
        "may_change_preparation": may_change,
        "copenhagen_today": copenhagen_today,
    }
