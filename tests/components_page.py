"""A test-only page that uses every macro of templates/components/forms.html.

`add_components_page(app)` puts it at COMPONENTS_PATH on an app made for the test (never on the
real app): the form with every component; a refused answer comes back with status 400 and every
error shown, an accepted one with "check your answers" above the form. The texts are the test's
own, not the portal's, so they stay out of the translation catalogues.
"""

from __future__ import annotations

from flask import Flask, render_template_string, request
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length

from portal.forms import DayMonthYearField

COMPONENTS_PATH = "/test/form-components"
STORY_LIMIT = 100
FORM_ERROR = "We cannot send letters to an address outside Denmark"


class ComponentsForm(FlaskForm):
    story = TextAreaField(
        "What happened?",
        validators=[
            InputRequired("Write what happened"),
            Length(max=STORY_LIMIT, message=f"Write {STORY_LIMIT} characters or fewer"),
        ],
    )
    contact = RadioField(
        "How can we reach you?",
        choices=[SelectChoice("phone", "By phone"), SelectChoice("letter", "By letter")],
        validators=[InputRequired("Choose how we can reach you")],
    )
    days = SelectMultipleField(
        "Which days suit you?",
        choices=[
            SelectChoice("mon", "Monday"),
            SelectChoice("tue", "Tuesday"),
            SelectChoice("wed", "Wednesday"),
        ],
        validators=[DataRequired("Choose at least one day")],
    )
    happened_on = DayMonthYearField(
        "When did it happen?", validators=[InputRequired("Enter the date it happened")]
    )
    country = StringField("Country", validators=[InputRequired("Enter your country")])

    def validate(self, extra_validators=None) -> bool:
        """A rule across fields, reported for the whole form (form.form_errors)."""
        valid = super().validate(extra_validators)
        if valid and self.contact.data == "letter" and self.country.data.strip() != "Denmark":
            self.form_errors.append(FORM_ERROR)
            valid = False
        return valid


PAGE = """{% extends "base.html" %}
{% from "components/forms.html" import check_answers, checkboxes, date_input, error_summary,
   radios, text_input, textarea %}
{% block title %}{% if form.errors %}{{ _("Error:") }} {% endif %}{{ self.heading() }}{% endblock %}
{% block heading %}Tell us what happened{% endblock %}
{% block before_heading %}{{ error_summary(form) }}{% endblock %}
{% block content %}
{% if answers %}
<h2>Check your answers</h2>
{{ check_answers(answers) }}
{% endif %}
<form method="post" action="{{ request.path }}" novalidate>
  {{ form.csrf_token }}
  {{ textarea(form.story, hint="Say who was there.") }}
  {{ radios(form.contact, option_hints={"letter": "We send it to your address."}) }}
  {{ checkboxes(form.days, hint="Choose all that suit you.") }}
  {{ date_input(form.happened_on, hint="For example 24 12 2026.") }}
  {{ text_input(form.country) }}
  <button type="submit" class="button button-primary">Send</button>
</form>
{% endblock %}
"""


def answers_of(form: ComponentsForm) -> list[tuple]:
    """Rows for check_answers, in the order of the form, each changed on the form itself."""
    days = {choice.value: choice.label for choice in form.days.choices}
    contact = {choice.value: choice.label for choice in form.contact.choices}
    return [
        (form.story.label.text, form.story.data, "#story", "what happened"),
        (form.contact.label.text, contact[form.contact.data], "#contact-0", None),
        (form.days.label.text, [days[day] for day in form.days.data], "#days-0"),
        (form.happened_on.label.text, form.happened_on.data.strftime("%d.%m.%Y"), None),
        (form.country.label.text, form.country.data),
    ]


def components_page():
    form = ComponentsForm()
    if request.method == "POST" and not form.validate():
        return render_template_string(PAGE, form=form, answers=None), 400
    answers = answers_of(form) if request.method == "POST" else None
    return render_template_string(PAGE, form=form, answers=answers)


def add_components_page(app: Flask) -> None:
    app.add_url_rule(
        COMPONENTS_PATH, "test_form_components", components_page, methods=["GET", "POST"]
    )
