"""The form macros in real Chromium, on the test-only page that uses them all
(tests/components_page.py, served from an app of its own): no axe-core violations, empty and
with every error shown, in three languages at phone and desktop width; the error summary takes
the user to the input; DKFDS's character limit counts in the page's language."""

import pytest

from portal.extensions import db
from tests.browser.conftest import WIDTHS, serving
from tests.browser.test_family_journeys import assert_tap_targets
from tests.components_page import COMPONENTS_PATH, STORY_LIMIT, add_components_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def components_url(app, database_url, identity_provider):
    from tests.conftest import make_app

    other = make_app(database_url, identity_provider.url)
    add_components_page(other)
    with serving(other) as url:
        yield url + COMPONENTS_PATH
    with other.app_context():
        db.engine.dispose()


def open_page(browser, url: str, language: str, width: int = 1280, javascript: bool = True):
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=javascript
    )
    context.add_cookies([{"name": "portal_lang", "value": language, "url": url}])
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    return page


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_the_components_are_accessible_with_and_without_errors(
    browser, components_url, language, width, assert_accessible, assert_no_horizontal_scroll
):
    page = open_page(browser, components_url, language, width)
    try:
        for state in ("empty", "refused"):
            if state == "refused":
                page.fill("#happened_on-day", "31")
                page.fill("#happened_on-month", "2")
                page.fill("#happened_on-year", "2026")
                page.locator("button[type=submit]").click()
                page.locator("#error-summary").wait_for()
            assert_accessible(page)
            assert_no_horizontal_scroll(page)
            assert_tap_targets(page)
        # The refused form itself comes with status 400, which Chromium logs; nothing else.
        errors = [e for e in page.console_errors if "status of 400" not in e]
        assert errors == [], f"console errors (CSP or script): {errors}"
    finally:
        page.context.close()


def test_the_error_summary_takes_the_user_to_the_input(browser, components_url):
    page = open_page(browser, components_url, "en")
    try:
        page.fill("#happened_on-day", "24")
        page.fill("#happened_on-month", "12")
        page.locator("button[type=submit]").click()
        summary = page.locator("#error-summary")
        summary.wait_for()
        assert page.evaluate("document.activeElement.id") == "error-summary"  # DKFDS focuses it
        summary.get_by_role("link", name="The date must include a year").click()
        assert page.evaluate("document.activeElement.id") == "happened_on-year"
        summary.get_by_role("link", name="Choose how we can reach you").click()
        assert page.evaluate("document.activeElement.id") == "contact-0"
    finally:
        page.context.close()


def test_the_character_limit_counts_in_the_pages_language(browser, components_url):
    page = open_page(browser, components_url, "en")
    try:
        counter = page.locator(".character-limit")
        story = page.locator("#story")
        story.fill("x" * 10)
        story.press("End")  # a key press: DKFDS counts on keyup
        assert counter.inner_text() == f"Characters left: {STORY_LIMIT - 10}"
        story.fill("x" * (STORY_LIMIT + 3))
        story.press("End")
        assert counter.inner_text() == "Too many characters: 3"
        assert "limit-exceeded" in counter.get_attribute("class")
        # The limit itself stays with the text area for screen readers.
        assert page.locator("#story-limit-message").inner_text() == (
            f"You can write up to {STORY_LIMIT} characters"
        )
        assert page.console_errors == []
    finally:
        page.context.close()


def test_without_javascript_the_limit_is_a_hint(browser, components_url):
    page = open_page(browser, components_url, "en", javascript=False)
    try:
        assert page.locator(".character-limit").inner_text() == (
            f"You can write up to {STORY_LIMIT} characters"
        )
    finally:
        page.context.close()
