"""Login-related pages and the first family pages, through real Chromium and the real OIDC flow:
no axe-core violations, no sideways scroll, in three languages at phone and desktop width."""

import re

import pytest

from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.browser


def new_page(browser, live_server, language: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="da-DK")
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
    return context, context.new_page()


def log_in(page, live_server, subject: str, door: str = "citizen") -> None:
    page.goto(f"{live_server}/log-ind/{door}")
    page.get_by_role("button", name=subject, exact=True).click()
    page.wait_for_url(re.compile(re.escape(live_server) + ".*"))


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_login_pages_are_accessible(
    browser, live_server, language, width, assert_accessible, assert_no_horizontal_scroll
):
    context, page = new_page(browser, live_server, language, width)
    try:
        for path in ["/log-ind", "/logget-ud", "/session/udloebet"]:
            page.goto(live_server + path)
            assert_accessible(page)
            assert_no_horizontal_scroll(page)
        log_in(page, live_server, "citizen-low-assurance")
        assert page.locator("h1").count() == 1
        assert_accessible(page)
        log_in(page, live_server, "citizen-not-a-guardian")
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_family_pages_after_login_are_accessible(
    browser, live_server, language, width, assert_accessible, assert_no_horizontal_scroll
):
    context, page = new_page(browser, live_server, language, width)
    try:
        log_in(page, live_server, "guardian-al-sayed-1")
        family_url = page.url
        assert "/familier/" in family_url
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        page.locator(".portal-child h2 a").first.click()
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        page.goto(family_url + "/adgangslog")
        assert_accessible(page)
    finally:
        context.close()


def test_staff_pages_are_accessible(browser, live_server, assert_accessible):
    context, page = new_page(browser, live_server, "da", 1280)
    try:
        log_in(page, live_server, "staff-nadia", door="staff")
        assert page.url.endswith("/medarbejder/")
        assert_accessible(page)
        page.locator("main a").first.click()
        assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("language", ["da", "ar"])
def test_idle_warning_lets_the_user_stay_logged_in(
    browser, live_server, language, assert_accessible
):
    context, page = new_page(browser, live_server, language, 375)
    try:
        page.clock.install()
        log_in(page, live_server, "guardian-jensen-1")
        warning = page.locator("#idle-warning")
        assert warning.is_hidden()
        page.clock.fast_forward("18:30")
        assert warning.is_visible()
        assert page.evaluate("document.activeElement.hasAttribute('data-keep-alive')")
        assert_accessible(page)
        page.keyboard.press("Enter")
        warning.wait_for(state="hidden")
        page.clock.fast_forward("10:00")
        assert warning.is_hidden()
        assert "/familier/" in page.url
    finally:
        context.close()


def test_idle_logout_without_answer_goes_to_the_timeout_page(browser, live_server):
    context, page = new_page(browser, live_server, "da", 375)
    try:
        page.clock.install()
        log_in(page, live_server, "guardian-jensen-1")
        page.clock.fast_forward("20:01")
        page.wait_for_url("**/session/udloebet")
        assert page.locator("h1").inner_text()
        page.goto(live_server + "/overblik")
        assert "/log-ind" in page.url  # ended on the server too, not only on screen
    finally:
        context.close()


def test_logout_button_ends_the_session_everywhere(browser, live_server):
    context, page = new_page(browser, live_server, "da", 1280)
    try:
        log_in(page, live_server, "guardian-jensen-1")
        page.locator("button.portal-logout").click()
        # The identity provider asks to confirm ending its session, then sends the user back.
        page.locator("button[type=submit]").first.click()
        page.wait_for_url("**/logget-ud*")
        page.goto(live_server + "/overblik")
        assert "/log-ind" in page.url
    finally:
        context.close()
