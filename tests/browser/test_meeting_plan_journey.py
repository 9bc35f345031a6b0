"""Before and after a coordination meeting, in real Chromium at 375 px, in Danish and Arabic:
the demo parent (Mette Hansen) writes "Det er vigtigt for os" for the coming meeting, sent once
with a mistake; the demo contact person (Sara Ahmed) reads it on the staff meeting page, and
after the earlier meeting writes an agreed next step for a colleague in the other department;
then the parent finds it in Oliver's shared plan. axe-core finds nothing on any page, nothing
scrolls sideways, and every link and button is a tap target of at least 44x44 px. Without
JavaScript the interpreter's language field simply stands under "Yes"."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.domain.clocks import copenhagen_today
from portal.extensions import db
from portal.models import Child, Family, Meeting
from tests.browser.test_family_journeys import PHONE, PHONE_HEIGHT, assert_tap_targets, log_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hansen(app):
    with app.app_context():
        family = db.session.scalar(select(Family).where(Family.display_name == "Familien Hansen"))
        meetings = {
            m.title: m.id
            for m in db.session.scalars(select(Meeting).where(Meeting.family_id == family.id))
        }
        oliver = db.session.scalar(select(Child).where(Child.family_id == family.id))
        ids = {
            "family": family.id,
            "coming": meetings["Tværfagligt møde om Oliver"],
            "past": meetings["Samtale med PPR om Oliver"],
            "oliver": oliver.id,
        }
        db.session.remove()
    return ids


@pytest.fixture
def phone_page(browser, live_server):
    pages = []

    def open_page(language: str, javascript: bool = True):
        context = browser.new_context(
            viewport={"width": PHONE, "height": PHONE_HEIGHT}, java_script_enabled=javascript
        )
        context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
        page = context.new_page()
        page.errors = []  # from the portal's pages, not the identity provider's

        def remember(message) -> None:
            refused_form = "status of 4" in message.text  # a refused form comes with a 400
            if message.type == "error" and page.url.startswith(live_server) and not refused_form:
                page.errors.append(f"{message.text} ({message.location['url']})")

        page.on("console", remember)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        assert page.errors == [], f"console errors (CSP, script): {page.errors}"
        page.context.close()


@pytest.fixture
def checked(assert_accessible, assert_no_horizontal_scroll):
    def check(page) -> None:
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        assert_tap_targets(page)

    return check


def staff_log_in(page, live_server, subject: str) -> None:
    page.goto(f"{live_server}/log-ind/staff")
    page.get_by_role("button", name=subject, exact=True).click()
    page.wait_for_url(re.compile(re.escape(live_server) + r"/medarbejder/?$"))


@pytest.mark.parametrize("language", ["da", "ar"])
def test_the_family_prepares_staff_read_it_and_agree_next_steps_the_family_sees(
    phone_page, live_server, hansen, language, checked
):
    wish = f"Oliver skal have ro i timerne ({language})."
    step = f"Line observerer Oliver i klassen ({language})."

    parent = phone_page(language)
    log_in(parent, live_server, "guardian-hansen-1")
    parent.goto(f"{live_server}/familier/{hansen['family']}/moeder/{hansen['coming']}/vigtigt")
    language_field = parent.locator("#interpreter_language")
    checked(parent)
    # A short answer ("لا") lies under its radio button: a tap there chooses it just the same.
    parent.locator("#interpreter-0").check()  # no (an earlier run may have said yes)
    assert language_field.is_hidden()  # revealed only under "Yes"
    parent.fill("#what_matters", wish)
    parent.locator("#interpreter-1").check()  # yes
    assert language_field.is_visible()
    language_field.fill("")  # a language is missing
    parent.locator("form[novalidate] button[type=submit]").click()
    summary = parent.locator("#error-summary")
    summary.wait_for()
    assert language_field.is_visible() and parent.locator("#interpreter_language-error").count()
    checked(parent)
    summary.locator("a[href='#interpreter_language']").click()
    assert parent.evaluate("document.activeElement.id") == "interpreter_language"
    language_field.fill("Dansk tegnsprog")
    parent.locator("#child_attends-0").check()  # Oliver (12) comes
    parent.locator("form[novalidate] button[type=submit]").click()
    parent.locator("#saved").wait_for()
    assert parent.locator("#what_matters").input_value() == wish
    checked(parent)

    staff = phone_page(language)
    staff_log_in(staff, live_server, "staff-sara")
    staff.goto(f"{live_server}/medarbejder/familier/{hansen['family']}")
    staff.locator(f"#meeting-{hansen['coming']} a[href$='/moeder/{hansen['coming']}']").click()
    preparations = staff.locator(".portal-preparation")
    assert wish in preparations.inner_text() and "Dansk tegnsprog" in preparations.inner_text()
    assert "Mette Hansen" in preparations.inner_text()
    checked(staff)

    staff.goto(f"{live_server}/medarbejder/moeder/{hansen['past']}")
    checked(staff)  # the form for the next steps, as it comes
    staff.locator("form[novalidate] button[type=submit]").click()  # nothing filled in
    staff.locator("#error-summary").wait_for()
    checked(staff)
    staff.fill("#what", step)
    staff.locator("label", has_text="Line Pedersen").click()
    assert staff.locator("#owner_name").is_hidden()  # only under "someone else"
    due = copenhagen_today() + timedelta(days=21)
    staff.fill("#due_on-day", str(due.day))
    staff.fill("#due_on-month", str(due.month))
    staff.fill("#due_on-year", str(due.year))
    staff.locator("form[novalidate] button[type=submit]").click()
    staff.wait_for_url(re.compile(r"/medarbejder/moeder/\d+#plan$"))
    assert step in staff.locator(".portal-plan").inner_text()
    checked(staff)

    parent.goto(f"{live_server}/familier/{hansen['family']}/boern/{hansen['oliver']}")
    plan = parent.locator(f"#plan-for-{hansen['oliver']}")
    assert step in plan.inner_text() and "Line Pedersen" in plan.inner_text()
    checked(parent)


def test_without_javascript_the_language_field_stands_under_yes(
    phone_page, live_server, hansen, checked, script_free_check
):
    parent = phone_page("da", javascript=False)
    log_in(parent, live_server, "guardian-hansen-1")
    url = f"{live_server}/familier/{hansen['family']}/moeder/{hansen['coming']}/vigtigt"
    parent.goto(url)
    assert parent.locator("#interpreter-1-reveal #interpreter_language").is_visible()
    parent.locator("label[for=interpreter-1]").click()
    parent.fill("#interpreter_language", "")
    parent.locator("form[novalidate] button[type=submit]").click()
    assert parent.locator("#error-summary").is_visible()
    script_free_check(parent)
    parent.fill("#interpreter_language", "Arabisk")
    parent.locator("form[novalidate] button[type=submit]").click()
    assert parent.locator("#saved").is_visible()
    script_free_check(parent)


@pytest.fixture
def script_free_check(browser, assert_accessible, assert_no_horizontal_scroll):
    """axe-core needs JavaScript: the page as served without it, checked in a context where
    its own scripts are blocked (as in test_family_journeys)."""
    context = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    context.route("**/*.js", lambda route: route.abort())
    checker = context.new_page()

    def check(page) -> None:
        url, html = page.url.split("#")[0], page.content()

        def served(requested: str) -> bool:
            return requested.split("#")[0] == url

        checker.route(
            served, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8")
        )
        try:
            checker.goto(url)
            assert_accessible(checker)
            assert_no_horizontal_scroll(checker)
        finally:
            checker.unroute(served)

    yield check
    context.close()
