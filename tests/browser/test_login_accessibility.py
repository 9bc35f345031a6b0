"""Login-related pages and the first family pages, through real Chromium and the real OIDC flow:
no axe-core violations, no sideways scroll, in three languages at phone and desktop width."""

import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.models import LoginSession
from portal.models.base import utcnow
from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.browser
LANGUAGES = ["da", "en", "ar"]


@contextmanager
def new_page(browser, live_server, language: str, width: int):
    """A page in a context of its own (cookies, clock), closed when the test is done."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="da-DK")
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
    try:
        yield context.new_page()
    finally:
        context.close()


def log_in(page, live_server, subject: str, door: str = "citizen") -> None:
    page.goto(f"{live_server}/log-ind/{door}")
    page.get_by_role("button", name=subject, exact=True).click()
    page.wait_for_url(re.compile(re.escape(live_server) + ".*"))


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_login_pages_are_accessible(
    browser, live_server, language, width, assert_accessible, assert_no_horizontal_scroll
):
    with new_page(browser, live_server, language, width) as page:
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


def assert_refusal_page(page, response, status: int, check_accessible, check_scroll) -> None:
    assert response.status == status
    assert page.locator("h1").count() == 1 and page.locator("h1").inner_text().strip()
    check_accessible(page)
    check_scroll(page)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_refusal_pages_are_accessible(
    browser,
    live_server,
    unavailable_live_server,
    limited_live_server,
    language,
    width,
    assert_accessible,
    assert_no_horizontal_scroll,
):
    """ "Not registered as staff", "could not log you in", "the login service is not answering"
    and "too many attempts"."""
    checks = (assert_accessible, assert_no_horizontal_scroll)
    with new_page(browser, live_server, language, width) as page:
        page.goto(f"{live_server}/log-ind/staff")
        page.get_by_role("button", name="staff-unknown", exact=True).click()
        page.wait_for_url(re.compile(re.escape(live_server) + ".*/svar.*"))
        assert page.locator(".button-primary").count() == 1  # "Try again"
        assert_accessible(page)
        assert_no_horizontal_scroll(page)

        bad_answer = page.goto(f"{live_server}/log-ind/citizen/svar?code=x&state=forged")
        assert_refusal_page(page, bad_answer, 400, *checks)

        down = page.goto(f"{unavailable_live_server}/log-ind/citizen")
        assert_refusal_page(page, down, 503, *checks)

        page.goto(f"{limited_live_server}/log-ind/citizen/svar?code=x&state=y")
        too_many = page.goto(f"{limited_live_server}/log-ind/citizen/svar?code=x&state=y")
        assert_refusal_page(page, too_many, 429, *checks)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_family_pages_after_login_are_accessible(
    browser, live_server, language, width, assert_accessible, assert_no_horizontal_scroll
):
    with new_page(browser, live_server, language, width) as page:
        log_in(page, live_server, "guardian-al-sayed-1")
        family_url = page.url
        assert "/familier/" in family_url
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        with page.expect_navigation():  # axe must not run on a page being left
            page.locator(".portal-child h2 a").first.click()
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        page.goto(family_url + "/adgangslog")
        assert_accessible(page)


def test_staff_pages_are_accessible(browser, live_server, assert_accessible):
    with new_page(browser, live_server, "da", 1280) as page:
        log_in(page, live_server, "staff-nadia", door="staff")
        assert page.url.endswith("/medarbejder/")
        assert_accessible(page)
        with page.expect_navigation():
            page.locator("main a").first.click()
        assert_accessible(page)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_idle_warning_lets_the_user_stay_logged_in(
    browser, live_server, language, width, assert_accessible, assert_no_horizontal_scroll
):
    with new_page(browser, live_server, language, width) as page:
        page.clock.install()
        log_in(page, live_server, "guardian-jensen-1")
        warning = page.locator("#idle-warning")
        assert warning.is_hidden()
        page.clock.fast_forward("18:30")
        assert warning.is_visible()
        assert page.evaluate("document.activeElement.hasAttribute('data-keep-alive')")
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        page.keyboard.press("Enter")
        warning.wait_for(state="hidden")
        page.clock.fast_forward("10:00")
        assert warning.is_hidden()
        assert "/familier/" in page.url


def newest_login(session) -> LoginSession:
    session.expire_all()
    return session.scalars(select(LoginSession).order_by(LoginSession.id.desc())).first()


def set_last_seen(session, ago: timedelta) -> None:
    newest_login(session).last_seen_at = utcnow() - ago
    session.commit()


def test_the_warning_counts_from_the_servers_clock(browser, live_server, session):
    """The server writes activity at most every 30 s, so its deadline may be earlier than a
    count from page load; the warning must come two minutes before the server's deadline."""
    with new_page(browser, live_server, "da", 375) as page:
        page.clock.install()
        log_in(page, live_server, "guardian-jensen-1")
        set_last_seen(session, timedelta(seconds=25))  # recent: the server will not write again
        page.reload()
        warning = page.locator("#idle-warning")
        page.clock.fast_forward("17:25")
        assert warning.is_hidden()
        page.clock.fast_forward("00:15")  # 17:40 < 18:00, when a count from page load would warn
        assert warning.is_visible()


def test_staying_logged_in_too_late_goes_to_the_timeout_page(browser, live_server, session):
    with new_page(browser, live_server, "da", 375) as page:
        page.clock.install()
        log_in(page, live_server, "guardian-jensen-1")
        page.clock.fast_forward("18:30")
        set_last_seen(session, timedelta(minutes=21))  # e.g. the computer slept meanwhile
        page.locator("[data-keep-alive]").click()
        page.wait_for_url("**/session/udloebet")
        page.goto(live_server + "/overblik")
        assert "/log-ind" in page.url


def test_htmx_requests_restart_the_warning_clock(browser, live_server):
    with new_page(browser, live_server, "da", 1280) as page:
        page.clock.install()
        log_in(page, live_server, "guardian-al-sayed-1")
        warning = page.locator("#idle-warning")
        page.clock.fast_forward("10:00")
        link = page.locator(".portal-steps-link").first
        target = link.get_attribute("hx-target")
        link.click()
        page.locator(f"{target} .portal-steps").wait_for()
        page.clock.fast_forward("09:00")  # 19:00 after page load, 9:00 after the htmx request
        assert warning.is_hidden()
        page.clock.fast_forward("09:30")
        assert warning.is_visible()
        assert "/familier/" in page.url


def test_the_session_cookie_is_secure_httponly_and_lax(browser, live_server):
    with new_page(browser, live_server, "da", 375) as page:
        log_in(page, live_server, "guardian-jensen-1")
        [cookie] = [c for c in page.context.cookies() if c["name"] == "session"]
        assert (cookie["secure"], cookie["httpOnly"], cookie["sameSite"]) == (True, True, "Lax")
        assert "/familier/" in page.url  # and the browser kept it: logged in


def test_idle_logout_without_answer_goes_to_the_timeout_page(browser, live_server):
    with new_page(browser, live_server, "da", 375) as page:
        page.clock.install()
        log_in(page, live_server, "guardian-jensen-1")
        page.clock.fast_forward("20:01")
        page.wait_for_url("**/session/udloebet")
        assert page.locator("h1").inner_text()
        page.goto(live_server + "/overblik")
        assert "/log-ind" in page.url  # ended on the server too, not only on screen
