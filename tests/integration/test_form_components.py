"""The DKFDS form macros (templates/components/forms.html) on a test-only page that uses them
all (tests/components_page.py, on an app of its own): labels and legends tied to their inputs,
hints and errors tied with aria-describedby, an error summary linking to each field's first
input, dates kept as typed, the character limit, and "check your answers".
Every page the client fetches also passes the shared page rules (tests/page_rules.py)."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from flask import render_template_string
from werkzeug.datastructures import MultiDict
from wtforms import Form, HiddenField, RadioField, SelectChoice
from wtforms.validators import ValidationError

from portal.family.profile import ProfileForm
from tests.components_page import COMPONENTS_PATH, FORM_ERROR, STORY_LIMIT, add_components_page

FIELDS = ("story", "contact", "days", "happened_on", "country")
VALID = {
    "story": "The bus did not come.",
    "contact": "phone",
    "days": ["mon", "wed"],
    "happened_on-day": "24",
    "happened_on-month": "12",
    "happened_on-year": "2026",
    "country": "Denmark",
}


@pytest.fixture
def client(make_other_app):
    app = make_other_app()
    add_components_page(app)
    client = app.test_client()
    client.set_cookie("portal_lang", "en")
    return client


def csrf(client) -> str:
    html = client.get(COMPONENTS_PATH).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def post(client, status: int, **changes) -> BeautifulSoup:
    data = {**VALID, "csrf_token": csrf(client), **changes}
    data = {name: value for name, value in data.items() if value is not None}
    response = client.post(COMPONENTS_PATH, data=MultiDict(_pairs(data)))
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return BeautifulSoup(response.get_data(as_text=True), "html5lib")


def _pairs(data: dict) -> list[tuple[str, str]]:
    return [
        (name, item)
        for name, value in data.items()
        for item in (value if isinstance(value, list) else [value])
    ]


def group_of(page: BeautifulSoup, name: str):
    """The .form-group around the field `name` (the outermost one, for a date)."""
    first = page.find(attrs={"name": re.compile(rf"^{name}(-day)?$")})
    return [g for g in first.find_parents(class_="form-group")][-1]


def first_input(page: BeautifulSoup, name: str):
    return group_of(page, name).find(["input", "textarea", "select"])


def summary_links(page: BeautifulSoup) -> list[str]:
    return [a["href"] for a in page.select("#error-summary a")]


def assert_described_by_exists(page: BeautifulSoup) -> None:
    for element in page.find_all(attrs={"aria-describedby": True}):
        for described in element["aria-describedby"].split():
            assert page.find(id=described), f"aria-describedby={described!r} names no element"


def test_every_input_has_its_label_and_every_group_its_legend(client):
    page = BeautifulSoup(client.get(COMPONENTS_PATH).get_data(as_text=True), "html5lib")
    form = page.find("form")
    for control in form.find_all(["input", "textarea"]):
        if control.get("type") == "hidden":
            continue
        label = form.find("label", attrs={"for": control["id"]})
        assert label and label.get_text(strip=True), f"{control['id']} has no label"
    for name, legend in (
        ("contact", "How can we reach you?"),
        ("days", "Which days suit you?"),
        ("happened_on", "When did it happen?"),
    ):
        fieldset = group_of(page, name).find("fieldset")
        assert fieldset.legend.get_text(strip=True) == legend
    assert [box["type"] for box in group_of(page, "days").find_all("input")] == ["checkbox"] * 3
    assert [box["type"] for box in group_of(page, "contact").find_all("input")] == ["radio"] * 2
    date_inputs = group_of(page, "happened_on").find_all("input")
    assert [(i["id"], i["name"], i["inputmode"]) for i in date_inputs] == [
        (f"happened_on-{part}", f"happened_on-{part}", "numeric")
        for part in ("day", "month", "year")
    ]
    assert [label.get_text() for label in group_of(page, "happened_on").find_all("label")] == [
        "Day",
        "Month",
        "Year",
    ]
    # A hint for one option only, read with that option.
    letter = page.find(id="contact-1")
    assert letter["aria-describedby"] == "contact-1-hint"
    assert page.find(id="contact-1-hint").get_text() == "We send it to your address."
    assert not page.find(id="contact-0").has_attr("aria-describedby")
    assert_described_by_exists(page)
    assert page.find(id="error-summary") is None and not page.find(attrs={"aria-invalid": True})


def test_the_text_area_shows_its_limit_with_and_without_javascript(client):
    page = BeautifulSoup(client.get(COMPONENTS_PATH).get_data(as_text=True), "html5lib")
    group = group_of(page, "story")
    # DKFDS 11's character limit: .form-limit with data-maxlength around a .form-input ...
    assert "form-limit" in group["class"] and group["data-maxlength"] == str(STORY_LIMIT)
    assert group.find("textarea")["class"] == ["form-input"]
    # ... and the page's own words for its counter (DKFDS's are Danish only).
    assert group["data-text-left"] == "Characters left: {value}"
    assert group["data-text-too-many"] == "Too many characters: {value}"
    # Without JavaScript the limit is a hint; screen readers get it with the text area.
    hint = group.find(class_="character-limit")
    assert hint.get_text() == f"You can write up to {STORY_LIMIT} characters"
    assert hint["aria-hidden"] == "true"
    textarea = group.find("textarea")
    assert textarea["aria-describedby"] == "story-hint story-limit-message"
    assert page.find(id="story-limit-message").get_text() == hint.get_text()
    assert group.find(class_="character-limit-sr-only")["aria-live"] == "polite"
    assert not textarea.has_attr("maxlength")  # refused with a message, never cut off


def test_the_error_summary_links_to_the_first_input_of_every_field(client):
    page = post(
        client,
        400,
        story="",
        contact=None,
        days=None,
        country="",
        **{"happened_on-day": "", "happened_on-month": "", "happened_on-year": ""},
    )
    assert page.title.get_text().startswith("Error: Tell us what happened")
    links = summary_links(page)
    assert links == ["#story", "#contact-0", "#days-0", "#happened_on-day", "#country"]
    for name, link in zip(FIELDS, links, strict=True):
        assert first_input(page, name)["id"] == link[1:]
    assert [a.get_text() for a in page.select("#error-summary a")] == [
        "Write what happened",
        "Choose how we can reach you",
        "Choose at least one day",
        "Enter the date it happened",
        "Enter your country",
    ]
    for name in FIELDS:
        group = group_of(page, name)
        assert "form-error" in group["class"]
        message = group.find(class_="form-error-message")
        assert message["id"] == f"{name}-error"
        assert message.get_text(" ", strip=True).startswith("Error:")
        described = group.find(attrs={"aria-describedby": re.compile(rf"\b{name}-error\b")})
        assert described is not None, f"nothing in {name} is described by its error"
    assert_described_by_exists(page)
    # Text inputs and every part of a missing date are marked invalid; the radio buttons and
    # check boxes carry their error on the fieldset (aria-invalid is not for a radio button).
    invalid = [element["id"] for element in page.find_all(attrs={"aria-invalid": "true"})]
    assert invalid == [
        "story",
        "happened_on-day",
        "happened_on-month",
        "happened_on-year",
        "country",
    ]


def test_a_date_that_does_not_exist_is_refused_and_shown_as_typed(client):
    page = post(
        client,
        400,
        **{"happened_on-day": "31", "happened_on-month": "02", "happened_on-year": "2026"},
    )
    assert summary_links(page) == ["#happened_on-day"]
    assert page.select_one("#error-summary a").get_text() == "The date must be a real date"
    assert page.find(id="happened_on-error").get_text(" ", strip=True) == (
        "Error: The date must be a real date"
    )
    inputs = group_of(page, "happened_on").find_all("input")
    assert [i["value"] for i in inputs] == ["31", "02", "2026"]
    assert [i.get("aria-invalid") for i in inputs] == ["true", None, None]
    fieldset = group_of(page, "happened_on").find("fieldset")
    assert fieldset["aria-describedby"] == "happened_on-hint happened_on-error"
    # The other answers stay as given.
    assert page.find("textarea").get_text() == VALID["story"]
    assert [box["value"] for box in page.select("input[name=days][checked]")] == ["mon", "wed"]


def test_a_date_without_a_year_links_to_the_year(client):
    page = post(
        client,
        400,
        **{"happened_on-day": " 7 ", "happened_on-month": "juli", "happened_on-year": ""},
    )
    assert summary_links(page) == ["#happened_on-year"]
    assert page.select_one("#error-summary a").get_text() == "The date must include a year"
    inputs = group_of(page, "happened_on").find_all("input")
    assert [i["value"] for i in inputs] == [" 7 ", "juli", ""]  # exactly as typed
    assert [i.get("aria-invalid") for i in inputs] == [None, None, "true"]


def test_a_date_in_words_is_explained(client):
    page = post(
        client,
        400,
        **{"happened_on-day": "24", "happened_on-month": "dec", "happened_on-year": "26"},
    )
    assert summary_links(page) == ["#happened_on-month"]
    assert page.select_one("#error-summary a").get_text() == "Enter a date like 24 12 2026"


def test_a_form_level_error_is_listed_without_a_link(client):
    page = post(client, 400, contact="letter", country="Sweden")
    items = page.select("#error-summary li")
    assert [item.get_text(strip=True) for item in items] == [FORM_ERROR]
    assert items[0].find("a") is None
    assert not page.find(class_="form-error")  # no field is to blame


def test_a_text_over_its_limit_is_refused_but_shown_to_be_shortened(client):
    page = post(client, 400, story="x" * (STORY_LIMIT + 20))
    assert summary_links(page) == ["#story"]
    assert page.find("textarea").get_text() == "x" * (STORY_LIMIT + 20)  # nothing lost
    assert page.find("textarea")["aria-invalid"] == "true"
    page = post(client, 400, story="y" * (STORY_LIMIT * 5))
    assert page.find("textarea").get_text() == "y" * (STORY_LIMIT * 2)  # the page stays small


def test_a_leading_newline_in_a_text_survives(client):
    page = post(client, 200, story="\nThe bus did not come.")
    assert page.find("textarea").get_text() == "\nThe bus did not come."


def test_check_your_answers_names_each_row_in_its_change_link(client):
    page = post(client, 200)
    table = page.select_one("table.structured-list")
    rows = [
        (row.th.get_text(strip=True), row.find("td").get_text(" ", strip=True))
        for row in table.select("tbody tr")
    ]
    assert rows == [
        ("What happened?", "The bus did not come."),
        ("How can we reach you?", "By phone"),
        ("Which days suit you?", "Monday Wednesday"),
        ("When did it happen?", "24.12.2026"),
        ("Country", "Denmark"),
    ]
    assert all(row.th["scope"] == "row" for row in table.select("tbody tr"))
    assert [li.get_text() for li in table.select("tbody tr")[2].select("td li")] == [
        "Monday",
        "Wednesday",
    ]
    links = [(a["href"], a.get_text(), a.select_one(".sr-only").get_text()) for a in table("a")]
    assert links == [
        ("#story", "Change what happened", " what happened"),
        ("#contact-0", "Change How can we reach you?", " How can we reach you?"),
        ("#days-0", "Change Which days suit you?", " Which days suit you?"),
    ]
    # Rows without a change link keep the column, empty.
    assert [len(row.find_all("td")) for row in table.select("tbody tr")] == [2] * 5
    assert table.select("tbody tr")[3].find_all("td")[1].get_text(strip=True) == ""


def test_the_page_passes_the_page_rules_in_arabic(client):
    client.set_cookie("portal_lang", "ar")
    page = BeautifulSoup(client.get(COMPONENTS_PATH).get_data(as_text=True), "html5lib")
    assert page.html["dir"] == "rtl"  # the client checked the page rules on the way


def test_radio_options_may_name_their_language(app):
    """The profile's languages, each named in its own language (lang on its label)."""
    template = (
        '{% from "components/forms.html" import radios %}'
        "{{ radios(form.preferred_language, option_lang=lang) }}"
    )
    with app.test_request_context("/"):
        form = ProfileForm(meta={"csrf": False})
        pages = [render_template_string(template, form=form, lang=lang) for lang in (True, False)]
    with_lang, without = (BeautifulSoup(html, "html5lib") for html in pages)
    assert [label.get("lang") for label in with_lang("label")] == ["da", "en", "ar"]
    assert [label.get("lang") for label in without("label")] == [None, None, None]


def expired(form, field):
    raise ValidationError("The form has expired")


def test_a_hidden_field_error_is_listed_without_a_link(app):
    """Nothing to link to (a CSRF token, say): the message is listed as text."""

    class WithHiddenField(Form):
        token = HiddenField(validators=[expired])
        choice = RadioField("Choice", choices=[SelectChoice("a", "A")])

    form = WithHiddenField(MultiDict({"choice": "b"}))
    assert not form.validate()
    template = '{% from "components/forms.html" import error_summary %}{{ error_summary(form) }}'
    with app.test_request_context("/"):
        page = BeautifulSoup(render_template_string(template, form=form), "html5lib")
    items = page.select("#error-summary li")
    assert items[0].get_text(strip=True) == "The form has expired" and items[0].a is None
    assert items[1].a["href"] == "#choice-0"
