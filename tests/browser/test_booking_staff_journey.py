"""A demo contact person on a desktop, in real Chromium: publishes weekly times for a family
(after a form sent with errors, whose summary takes them to the field), sees one booked by the
parent, moves that meeting and cancels it with a reason, and withdraws the rest of the series.
axe-core finds nothing on any page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from portal.domain.clocks import copenhagen_today
from tests.browser.test_family_journeys import PHONE, PHONE_HEIGHT, log_in

pytestmark = pytest.mark.browser

STAFF, PARENT, FAMILY = "staff-henrik", "guardian-jensen-1", "Familien Jensen"


def staff_log_in(page, live_server, subject: str) -> None:
    page.goto(f"{live_server}/log-ind/staff")
    page.get_by_role("button", name=subject, exact=True).click()
    page.wait_for_url(re.compile(re.escape(live_server) + r"/medarbejder/?$"))


def first_weekday(after_days: int):
    day = copenhagen_today() + timedelta(days=after_days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def test_a_contact_person_publishes_sees_a_booking_moves_cancels_and_withdraws(
    browser, live_server, assert_accessible
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "portal_lang", "value": "da", "url": live_server}])
    staff = context.new_page()
    phone = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    phone.add_cookies([{"name": "portal_lang", "value": "da", "url": live_server}])
    parent = phone.new_page()
    try:
        staff_log_in(staff, live_server, STAFF)
        staff.locator("main a[href$='/medarbejder/tider']").click()
        staff.wait_for_url(f"{live_server}/medarbejder/tider")
        assert_accessible(staff)

        publish = "main form[action$='/medarbejder/tider'] button[type=submit]"
        staff.locator(publish).click()  # nothing filled in
        summary = staff.locator("#error-summary")
        summary.wait_for()
        assert_accessible(staff)
        summary.locator("a").first.click()
        assert staff.evaluate("document.activeElement.id") == "on-day"

        day = first_weekday(70)
        staff.fill("#on-day", str(day.day))
        staff.fill("#on-month", str(day.month))
        staff.fill("#on-year", str(day.year))
        staff.fill("#start", "08:15")
        staff.locator("label[for='minutes-1']").click()  # 45 minutes
        staff.fill("#location", "Mødelokale 2")
        staff.locator("label[for='repeat-1']").click()  # every week: the weeks field shows
        staff.locator("#weeks").fill("3")
        staff.locator("label", has_text=FAMILY).click()
        staff.locator(publish).click()
        staff.wait_for_url(f"{live_server}/medarbejder/tider")
        rows = staff.locator("#times tr", has_text="Mødelokale 2")
        assert rows.count() == 3
        assert_accessible(staff)

        # The parent books the first of them.
        log_in(parent, live_server, PARENT)
        family_id = parent.url.rsplit("/", 1)[1]
        parent.goto(f"{live_server}/familier/{family_id}/book?trin=dag&dag={day.isoformat()}")
        time = parent.locator("main input[name=tid]").first
        parent.locator(f"label[for='{time.get_attribute('id')}']").click()
        parent.locator("main form[action$='/book'] button[type=submit]").click()
        parent.locator("main form[action$='/book/tjek'] button[type=submit]").click()
        parent.locator("main form[action$='/book/bekraeft'] button[type=submit]").click()
        parent.wait_for_url(re.compile(r".*/book/bekraeftet/\d+$"))

        staff.reload()
        booked = staff.locator("#times tr", has_text="Mødelokale 2").first
        assert FAMILY in booked.inner_text()
        booked.locator("a[href*='/medarbejder/moeder/']").click()
        staff.wait_for_url(re.compile(r".*/medarbejder/moeder/\d+$"))
        meeting_url = staff.url

        staff.locator("main a[href$='/flyt']").first.click()
        staff.wait_for_url(meeting_url + "/flyt")
        assert_accessible(staff)
        staff.fill("#start", "09:00")
        staff.fill("#reason", "Jeg skal til et andet møde kl. 8.")
        staff.locator("main form[action$='/flyt'] button[type=submit]").click()
        staff.wait_for_url(meeting_url)
        assert_accessible(staff)

        staff.locator("main a[href$='/aflys']").first.click()
        staff.wait_for_url(meeting_url + "/aflys")
        assert_accessible(staff)
        staff.fill("#reason", "Jeg er syg.")
        staff.locator("main form[action$='/aflys'] button[type=submit]").click()
        staff.wait_for_url(meeting_url)
        assert_accessible(staff)

        staff.goto(f"{live_server}/medarbejder/tider")
        left = staff.locator("#times tr", has_text="Mødelokale 2")
        assert left.count() == 2  # the booked time went with the moved meeting
        left.first.locator("button[value=serie]").click()
        staff.wait_for_url(f"{live_server}/medarbejder/tider#coming")
        assert staff.locator("#times tr", has_text="Mødelokale 2").count() == 0
        assert_accessible(staff)
    finally:
        context.close()
        phone.close()
