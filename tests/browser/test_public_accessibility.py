"""Every public page: no axe-core violations, no sideways scroll, every link and button a tap
target of at least 44x44px; three languages, two widths."""

import pytest

from tests.browser.conftest import WIDTHS
from tests.browser.test_family_journeys import assert_tap_targets

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/ordbog",
    "/tilbud",
    "/tilbud/dagbehandling",
    "/tilgaengelighed",
    "/privatliv",
    "/log-ind",
]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_public_pages_are_accessible(
    browser, live_server, language, width, assert_accessible, assert_no_horizontal_scroll
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        for path in PAGES:
            response = page.goto(live_server + path)
            assert response.status == 200
            assert page.locator("html").get_attribute("lang") == language
            assert_accessible(page)
            assert_no_horizontal_scroll(page)
            assert_tap_targets(page)
        assert errors == [], f"console errors (CSP or script): {errors}"
    finally:
        context.close()


def test_language_switcher_works_by_keyboard(browser, live_server):
    page = browser.new_page()
    try:
        page.goto(live_server + "/ordbog")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skipnav"
        page.locator('a[hreflang="ar"]').focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/ordbog")
        assert page.locator("html").get_attribute("dir") == "rtl"
    finally:
        page.close()


def test_pages_work_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(live_server + "/")
        page.get_by_role("link", name="Tilbud og hjælp").first.click()
        page.get_by_role("link", name="STU").first.click()
        assert page.locator("h1").inner_text().startswith("STU")
    finally:
        context.close()
