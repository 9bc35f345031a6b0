"""A parent's meetings on a phone, in real Chromium at 375 px, in Danish and Arabic, with and
without JavaScript: from the overview to all the family's meetings, into one meeting, and its
calendar file downloaded (and read back with `icalendar`); then a private calendar address made
and shown once. axe-core finds nothing on any page, nothing scrolls sideways, and every link
and button is a tap target of at least 44x44 px."""

from __future__ import annotations

import re

import pytest
from icalendar import Calendar

from tests.browser.test_family_journeys import PHONE, PHONE_HEIGHT, assert_tap_targets, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_page(browser, live_server):
    pages = []

    def open_page(language: str, javascript: bool):
        context = browser.new_context(
            viewport={"width": PHONE, "height": PHONE_HEIGHT},
            java_script_enabled=javascript,
            accept_downloads=True,
        )
        context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
        page = context.new_page()
        page.errors = []

        def remember(message) -> None:
            if message.type == "error" and page.url.startswith(live_server):
                page.errors.append(f"{message.text} ({message.location['url']})")

        page.on("console", remember)
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        assert page.errors == [], f"console errors (CSP, script): {page.errors}"
        page.context.close()


@pytest.fixture
def checked(assert_accessible, assert_no_horizontal_scroll, script_free_copy):
    """axe-core needs JavaScript: a page seen without it is checked as served, as a copy."""

    def check(page, javascript: bool) -> None:
        assert_accessible(page if javascript else script_free_copy(page))
        assert_no_horizontal_scroll(page)
        assert_tap_targets(page)

    return check


@pytest.fixture
def script_free_copy(browser):
    context = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    context.route("**/*.js", lambda route: route.abort())
    copy = context.new_page()

    def serve(page):
        url, html = page.url.split("#")[0], page.content()
        copy.route(
            lambda requested: requested.split("#")[0] == url,
            lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"),
        )
        copy.goto(url)
        return copy

    yield serve
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", ["da", "ar"])
def test_a_parent_finds_a_meeting_and_puts_it_in_the_calendar(
    phone_page, live_server, checked, language, javascript
):
    page = phone_page(language, javascript)
    overview = log_in(page, live_server, "guardian-hansen-1")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")

    page.locator("main a.portal-meetings-link").click()
    page.wait_for_url(overview + "/moeder")
    assert page.locator("main section.portal-meeting-card").count() >= 2
    assert page.locator("main .portal-participants li").count() >= 2
    checked(page, javascript)

    first = page.locator("#coming ~ section.portal-meeting-card h3 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(re.escape(overview) + r"/moeder/\d+$"))
    assert page.locator("h1").inner_text() == title
    assert page.locator(".breadcrumbs a").count() == 2
    checked(page, javascript)

    with page.expect_download() as download_info:
        page.locator("main a[download]").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as saved:
        body = saved.read()
    [event] = Calendar.from_ical(body).walk("VEVENT")
    meeting_id = page.url.rsplit("/", 1)[1]
    assert str(event["UID"]).startswith(f"meeting-{meeting_id}@")
    assert str(event["URL"]).endswith(f"/moeder/{meeting_id}")
    assert title.encode() not in body and b"Oliver" not in body

    page.locator("main a[href$='/kalender']").click()
    page.wait_for_url(overview + "/kalender")
    checked(page, javascript)
    page.locator("main button[value=new]").click()
    page.wait_for_url(re.compile(re.escape(overview) + r"/kalender(#address)?$"))
    address = page.locator(".portal-feed-url code").inner_text()
    assert re.fullmatch(r"https?://\S+/kalender/[A-Za-z0-9_-]{43}\.ics", address)
    checked(page, javascript)
