"""Staff post an update to a family, and correct one (docs/access.md U1-U3).

The update is written in Danish (required) and, if the author wants, in English and Arabic;
it is about the whole family, one child, or one of that child's cases of the author's
department. While the author types, htmx sends the Danish text to the plain-language check
(`check_update_text`: LIX and its band, sentences of more than 20 words, glossary words with
the plain words to use instead); without JavaScript, the "Check the text" button does the same
on the page, with a preview of the update as the parents will see it, in Danish, English and
Arabic (the family pages' own partial). Above LIX 45 the author ticks that they have checked
the text before it is sent. Sending tells the parents who may see it that there is news
(portal/records/updates.py); a correction tells nobody again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from babel.numbers import format_decimal
from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms import RadioField, SelectChoice, SelectMultipleField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from portal.access import (
    FamilyAccess,
    may_correct_update,
    may_post_update,
    update_author_for,
)
from portal.domain.plain_language import PlainLanguageCheck, check
from portal.extensions import db, htmx
from portal.forms import PortalForm, stripped
from portal.i18n import format_locale, localized
from portal.models import Case, Child, StaffMember
from portal.models.base import utcnow
from portal.reads.updates import UPDATE_LOADING, glossary_terms, update_receipts, update_topics
from portal.records import Forbidden, Invalid, unit_of_work
from portal.records.staff import staff_actor
from portal.records.updates import LONGEST_BODY, correct_update, post_update
from portal.staff import bp

CHECK, SEND = "check", "send"
CONFIRMED = "yes"
WHOLE_FAMILY = "family"
PREVIEW_LANGUAGES = ("da", "en", "ar")
TOO_LONG = _l("Write %(num)s characters or fewer", num=LONGEST_BODY)


class UpdateTextForm(PortalForm):
    """The update's text in the three languages, and the confirmation above LIX 45."""

    body = TextAreaField(
        _l("The update in Danish"),
        validators=[
            DataRequired(_l("Write the update in Danish")),
            Length(max=LONGEST_BODY, message=TOO_LONG),
        ],
        filters=[stripped],
    )
    body_en = TextAreaField(
        _l("The same update in English (optional)"),
        validators=[Length(max=LONGEST_BODY, message=TOO_LONG)],
        filters=[stripped],
    )
    body_ar = TextAreaField(
        _l("The same update in Arabic (optional)"),
        validators=[Length(max=LONGEST_BODY, message=TOO_LONG)],
        filters=[stripped],
    )
    confirm = SelectMultipleField(
        _l("Send a text that is hard to read?"),
        choices=[SelectChoice(CONFIRMED, _l("I have checked the text and want to send it anyway"))],
        validate_choice=False,
    )

    def confirmed_if_hard(self, checked: PlainLanguageCheck) -> bool:
        """Above LIX 45 the author must tick the confirmation (an error on the field if not)."""
        if not checked.needs_confirmation or CONFIRMED in (self.confirm.data or []):
            return True
        self.confirm.errors = [
            gettext(
                "The text is hard to read (LIX %(score)s). Make it easier, or tick that you have "
                "checked it and want to send it anyway.",
                score=lix_number(checked.score),
            )
        ]
        return False

    def texts(self) -> dict:
        return {"body": self.body.data, "body_en": self.body_en.data, "body_ar": self.body_ar.data}


class UpdateForm(UpdateTextForm):
    """A new update: the text, and whom it is about (U2)."""

    about = RadioField(
        _l("Who is the update about?"),
        validators=[InputRequired(_l("Choose who the update is about"))],
        validate_choice=False,  # checked below, with a message of our own
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows: dict[str, tuple[Child | None, Case | None]] = {WHOLE_FAMILY: (None, None)}
        choices = [SelectChoice(WHOLE_FAMILY, _l("The whole family"))]
        for topic in topics:
            child = topic.child
            self.rows[f"child-{child.id}"] = (child, None)
            choices.append(SelectChoice(f"child-{child.id}", child.name))
            for case in topic.cases:
                self.rows[f"case-{case.id}"] = (child, case)
                label = gettext(
                    "%(name)s: %(case)s (%(department)s)",
                    name=child.first_name,
                    case=localized(case.case_type, "name"),
                    department=case.department.short_name,
                )
                choices.append(SelectChoice(f"case-{case.id}", label))
        self.about.choices = choices

    def validate_about(self, field) -> None:
        if field.data not in self.rows:
            raise ValidationError(_l("Choose who the update is about"))

    def chosen(self) -> tuple[Child | None, Case | None]:
        return self.rows[self.about.data]


@dataclass(frozen=True)
class UpdatePreview:
    """An update as it would be posted or corrected, for the preview (never saved)."""

    posted_at: datetime
    author: StaffMember | None
    child: Child | None
    case: Case | None
    body: str
    body_en: str | None
    body_ar: str | None
    corrected_at: datetime | None = None


# The Danish bands (portal/domain/lix.py), in the staff member's language.
BAND_NAMES = {
    "very easy": _l("very easy"),  # meget let
    "easy": _l("easy"),  # let
    "medium": _l("medium"),  # middel
    "hard": _l("hard"),  # svær
    "very hard": _l("very hard"),  # meget svær
}


def band_name(band: str) -> str:
    return str(BAND_NAMES[band])


def lix_number(score: float) -> str:
    return format_decimal(score, "0.0", locale=format_locale())


def previews(access: FamilyAccess, preview: UpdatePreview) -> list[tuple[str, Markup]]:
    """The update as a parent reading each language sees it: the family pages' own partial,
    rendered in that language."""
    shown = []
    for language in PREVIEW_LANGUAGES:
        with force_locale(language):
            html = render_template("family/_update.html", update=preview, access=access)
        shown.append((language, Markup(html)))  # noqa: S704 (rendered by autoescaping Jinja)
    return shown


def checked_text(form: UpdateTextForm) -> PlainLanguageCheck:
    return check(form.body.data or "", glossary_terms())


def page(template: str, access, form, checked, preview=None, update=None):
    return render_template(
        template,
        access=access,
        form=form,
        check=checked,
        previews=previews(access, preview) if preview and preview.body else [],
        update=update,
    )


def family_page(family_id: int):
    return redirect(url_for("staff.family", family_id=family_id, _anchor="updates"), code=303)


@bp.route("/familier/<id:family_id>/opdateringer/ny", methods=["GET", "POST"])
def new_update(family_id: int):
    access, _ = update_author_for(family_id, "staff new update")
    topics = update_topics(access)
    form = UpdateForm(topics=topics, data=None if request.method == "POST" else {"about": "family"})
    template = "staff/updates/new.html"
    if not form.is_submitted():
        return page(template, access, form, None)
    checked = checked_text(form)
    child, case = form.rows.get(form.about.data, (None, None))
    staff = g.viewer.staff
    preview = UpdatePreview(utcnow(), staff, child, case, form.body.data or "", *_other(form))
    if request.form.get("action") == CHECK:
        return page(template, access, form, checked, preview)
    valid = form.validate_on_submit()
    if not (form.confirmed_if_hard(checked) and valid):
        return page(template, access, form, checked, preview), 400
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            post_update(unit, access.family, author=staff, child=child, case=case, **form.texts())
    except (Invalid, Forbidden):  # the family's cases changed in the meantime
        access, _ = update_author_for(family_id, "staff new update: refused")
        form = UpdateForm(topics=update_topics(access))
        form.form_errors.append(gettext("The family's cases changed in the meantime. Try again."))
        return page(template, access, form, checked), 400
    flash(gettext("The update is sent. We tell the parents that there is news."), "success")
    return family_page(family_id)


def _other(form: UpdateTextForm) -> tuple[str | None, str | None]:
    return (form.body_en.data or None, form.body_ar.data or None)


@bp.route("/familier/<id:family_id>/opdateringer/<id:update_id>/ret", methods=["GET", "POST"])
def correct(family_id: int, update_id: int):
    access, update = update_author_for(
        family_id, "staff correct update", update_id=update_id, options=UPDATE_LOADING
    )
    template = "staff/updates/correct.html"
    form = UpdateTextForm(
        data=None
        if request.method == "POST"
        else {"body": update.body, "body_en": update.body_en, "body_ar": update.body_ar}
    )
    checked = checked_text(form)
    preview = UpdatePreview(
        update.posted_at,
        update.author,
        update.child,
        update.case,
        form.body.data or "",
        *_other(form),
        corrected_at=utcnow(),
    )
    if not form.is_submitted() or request.form.get("action") == CHECK:
        return page(template, access, form, checked, preview, update)
    valid = form.validate_on_submit()
    if not (form.confirmed_if_hard(checked) and valid):
        return page(template, access, form, checked, preview, update), 400
    staff = g.viewer.staff
    try:
        with unit_of_work(db.session, staff_actor(staff)) as unit:
            correct_update(unit, update, by=staff, **form.texts())
    except Invalid:  # the same text as before
        access, update = update_author_for(
            family_id,
            "staff correct update: unchanged",
            update_id=update_id,
            options=UPDATE_LOADING,
        )
        form.form_errors.append(gettext("You have not changed the text. Change it, or go back."))
        return page(template, access, form, checked, preview, update), 400
    flash(
        gettext(
            "The update is corrected. The family sees that it was corrected and when. We do not "
            "send a new notification."
        ),
        "success",
    )
    return family_page(family_id)


@bp.post("/opdateringer/tjek")
def check_update_text():
    """The plain-language check of a Danish text, for htmx while the author types. It shows
    no family data, so it is the same for every family and leaves no audit entry. Without
    htmx (a form posted here by hand) it answers with a page of its own."""
    form = UpdateTextForm()
    checked = checked_text(form)
    if htmx:
        return render_template("staff/updates/_check_response.html", form=form, check=checked)
    return render_template("staff/updates/check.html", form=form, check=checked)


@bp.context_processor
def update_helpers() -> dict:
    """For the staff family page's updates section (templates/staff/updates/_family.html)."""
    return {
        "may_post_update": may_post_update,
        "may_correct_update": may_correct_update,
        "update_receipts": update_receipts,
        "lix_number": lix_number,
        "band_name": band_name,
    }
