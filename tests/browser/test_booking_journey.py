"""A demo parent books, moves and cancels a meeting on a phone (375 px) in real Chromium, in
Danish and Arabic: from the overview a day (the times come in place with htmx), a time, a note,
"check your answers", the confirmation; the meeting on the overview and the meetings page, its
calendar file, "Det er vigtigt for os"; then another time; then cancelled, after a form sent with
an error whose summary takes them to the field. Without JavaScript the same journey goes page
by page.
axe-core finds nothing on any step, nothing scrolls sideways and every control is a 44 px tap
target (the checks of tests/browser/test_family_journeys.py).

Louise Jensen books with Henrik, her contact person, who offers her times each week (demo data);
each journey cancels its meeting at the end, so its time is free again."""

from __future__ import annotations

import re

import pytest
from icalendar import Calendar

from tests.browser import test_family_journeys as journeys
from tests.browser.test_family_journeys import log_in

# The phone, and every check a page must pass, as the family journeys have them (fixtures).
phone, check_page, script_free_page = journeys.phone, journeys.check_page, journeys.script_free_page

pytestmark = pytest.mark.browser

PARENT = "guardian-jensen-1"


def choose_first(page, name: str, within: str = "main") -> str:
    """Tap the label of the first radio button called `name`; returns its value."""
    radio = page.locator(f"{within} input[name={name}]").first
    page.locator(f"label[for='{radio.get_attribute('id')}']").click()
    return radio.get_attribute("value")


def submit(page, action_end: str) -> None:
    page.locator(f"main form[action$='{action_end}'] button[type=submit]").first.click()


def book(page, live_server, family_id: str, check, javascript: bool) -> str:
    """From the overview: day, time, note, check your answers, book; returns the meeting id."""
    page.locator("main a.portal-book-link").click()
    page.wait_for_url(f"{live_server}/familier/{family_id}/book")
    check(page)
    choose_first(page, "dag")
    if javascript:  # the day's times come in place
        page.locator("#times input[name=tid]").first.wait_for()
        check(page)
        choose_first(page, "tid", within="#times")
        page.locator("#times button[type=submit]").click()
    else:
        submit(page, "/book")  # "Show the times": a page of its own
        page.wait_for_url(re.compile(r".*trin=dag.*"))
        check(page)
        choose_first(page, "tid")
        submit(page, "/book")
    page.wait_for_url(re.compile(r".*tid=\d+.*"))
    check(page)
    page.fill("#note", "Vi vil gerne tale om Noahs skole.")
    submit(page, "/book/tjek")
    page.locator("form[action$='/book/bekraeft']").wait_for()
    assert "Vi vil gerne tale om Noahs skole." in page.locator("main").inner_text()
    check(page)
    submit(page, "/book/bekraeft")
    page.wait_for_url(re.compile(r".*/book/bekraeftet/\d+$"))
    check(page)
    assert page.locator("main a[href^='tel:']").count() >= 1  # who to call
    return page.url.rsplit("/", 1)[1]


def see_it_everywhere(page, live_server, family_id: str, meeting_id: str, check) -> None:
    """On the overview and the meetings page; downloaded as a calendar file that says only
    when; then "Det er vigtigt for os" written before the meeting."""
    meeting_url = f"{live_server}/familier/{family_id}/moeder/{meeting_id}"
    page.locator("main .breadcrumbs a, nav.breadcrumbs a").first.click()  # the overview
    page.wait_for_url(f"{live_server}/familier/{family_id}")
    assert page.locator(f"main a[href$='/moeder/{meeting_id}']").count() == 1
    check(page)
    page.locator("main a.portal-meetings-link").click()
    page.wait_for_url(f"{live_server}/familier/{family_id}/moeder")
    assert page.locator(f"#meeting-{meeting_id}").count() == 1
    check(page)
    page.locator(f"#meeting-{meeting_id} a").click()
    page.wait_for_url(meeting_url)
    check(page)

    with page.expect_download() as download:
        page.locator(f"main a[href$='/moeder/{meeting_id}/kalender.ics']").click()
    calendar = Calendar.from_ical(download.value.path().read_bytes())
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["SUMMARY"]).endswith("— Familieportalen")  # "Møde", in their language
    assert "Noah" not in calendar.to_ical().decode()  # nothing about the child or the case

    page.locator(f"main a[href$='/moeder/{meeting_id}/vigtigt']").first.click()
    page.wait_for_url(meeting_url + "/vigtigt")
    check(page)
    page.fill("#what_matters", "At Noah får ro i timerne.")
    page.locator("main form[novalidate] button[type=submit]").click()
    page.locator("#saved").wait_for()
    check(page)
    page.locator(f"main a[href='{meeting_url.removeprefix(live_server)}']").last.click()
    page.wait_for_url(meeting_url)


def move_and_cancel(
    page, live_server, family_id: str, meeting_id: str, check, javascript: bool = True
) -> None:
    meeting_url = f"{live_server}/familier/{family_id}/moeder/{meeting_id}"
    page.locator(f"main a[href$='/moeder/{meeting_id}/flyt']").first.click()
    page.wait_for_url(meeting_url + "/flyt")
    check(page)
    choose_first(page, "tid")
    page.fill("#reason", "Noah skal til tandlæge.")
    submit(page, "/flyt")
    page.wait_for_url(meeting_url)
    check(page)

    page.locator(f"main a[href$='/moeder/{meeting_id}/aflys']").first.click()
    page.wait_for_url(meeting_url + "/aflys")
    check(page)
    submit(page, "/aflys")  # nothing chosen: the error summary, linking to the field
    summary = page.locator("#error-summary")
    summary.wait_for()
    check(page)
    summary.locator("a").first.click()
    if javascript:  # the design system's script moves the focus to the field
        assert page.evaluate("document.activeElement.id") == "sure-0"
    page.locator("label[for='sure-0']").click()  # yes, cancel it
    submit(page, "/aflys")
    page.wait_for_url(meeting_url)
    check(page)
    assert page.locator("main .portal-meeting-status").count() >= 1  # said in words


@pytest.mark.parametrize("language", ["da", "ar"])
def test_a_parent_books_moves_and_cancels_a_meeting_on_a_phone(
    phone, live_server, check_page, language
):
    # A form refused with 400 is logged by Chromium: these console errors are sorted below.
    with phone(language, javascript=True, console_errors_allowed=True) as page:
        overview = log_in(page, live_server, PARENT)
        family_id = overview.rsplit("/", 1)[1]
        errors = []

        def remember(message) -> None:
            refused_form = "status of 400" in message.text  # the cancel page without a choice
            if message.type == "error" and page.url.startswith(live_server) and not refused_form:
                errors.append(f"{message.text} ({message.location['url']})")

        page.on("console", remember)

        def check(page):
            check_page(page, language, javascript=True)

        meeting_id = book(page, live_server, family_id, check, javascript=True)
        page.locator(f"main a[href$='/moeder/{meeting_id}']").last.click()  # "See the meeting"
        see_it_everywhere(page, live_server, family_id, meeting_id, check)
        move_and_cancel(page, live_server, family_id, meeting_id, check, javascript=False)
        assert errors == [], f"console errors (CSP, script): {errors}"


def test_the_same_booking_works_without_javascript(phone, live_server, check_page):
    # The cancel page refused without a choice answers 400, which Chromium logs; no script runs.
    with phone("da", javascript=False, console_errors_allowed=True) as page:
        overview = log_in(page, live_server, PARENT)
        family_id = overview.rsplit("/", 1)[1]

        def check(page):
            check_page(page, "da", javascript=False)

        meeting_id = book(page, live_server, family_id, check, javascript=False)
        page.locator(f"main a[href$='/moeder/{meeting_id}']").last.click()  # "See the meeting"
        see_it_everywhere(page, live_server, family_id, meeting_id, check)
        move_and_cancel(page, live_server, family_id, meeting_id, check, javascript=False)
