"""A demo contact person on a desktop, in real Chromium, posts an update to a family: the
plain-language check (LIX with its band) shows while she types (htmx), she sends it and then
corrects it. The parent, on a 375 px phone, sees it marked as corrected. axe-core finds
nothing on any page, the staff pages also in English and Arabic."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_booking_staff_journey import staff_log_in
from tests.browser.test_family_journeys import PHONE, PHONE_HEIGHT, log_in

pytestmark = pytest.mark.browser

STAFF, PARENT, FAMILY = "staff-sara", "guardian-hansen-1", "Familien Hansen"
FIRST = "Vi har talt med Olivers lærer. Han siger, at Oliver har det godt i klassen. (browser)"
CORRECTED = FIRST.replace("godt", "rigtig godt")


def test_a_contact_person_posts_an_update_checks_it_corrects_it_and_the_parent_sees_it(
    browser, live_server, assert_accessible, assert_no_horizontal_scroll
):
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    desk.add_cookies([{"name": "portal_lang", "value": "da", "url": live_server}])
    staff = desk.new_page()
    phone = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    phone.add_cookies([{"name": "portal_lang", "value": "da", "url": live_server}])
    parent = phone.new_page()
    try:
        staff_log_in(staff, live_server, STAFF)
        staff.locator("main a", has_text=FAMILY).first.click()
        staff.wait_for_url(re.compile(r".*/medarbejder/familier/\d+$"))
        family_page = staff.url
        staff.locator("main a.portal-post-update").click()
        staff.wait_for_url(re.compile(r".*/opdateringer/ny$"))
        assert_accessible(staff)

        # While she types, htmx checks the text: LIX and its band, in the page's live region.
        staff.locator("#body").fill(FIRST)
        lix = staff.locator("#plain-language-check .portal-lix")
        lix.wait_for()
        assert re.search(r"LIX \d+,\d", lix.inner_text())
        assert re.search(r"LIX \d+,\d", staff.locator("#check-summary").inner_text())
        assert_accessible(staff)
        staff.locator("main button[value=send]").click()
        staff.wait_for_url(family_page + "#updates")
        update = staff.locator(".portal-staff-update", has_text=FIRST)
        assert update.count() == 1
        assert_accessible(staff)

        update.locator("a[href$='/ret']").click()
        staff.wait_for_url(re.compile(r".*/opdateringer/\d+/ret$"))
        staff.locator("#plain-language-check .portal-lix").wait_for()  # the text as it stands
        assert_accessible(staff)
        staff.locator("#body").fill(CORRECTED)
        staff.locator("main button[value=send]").click()
        staff.wait_for_url(family_page + "#updates")
        corrected = staff.locator(".portal-staff-update", has_text=CORRECTED)
        assert corrected.count() == 1 and corrected.locator("strong").count() == 1
        assert_accessible(staff)

        # The parent, on a phone, sees the corrected text marked as corrected.
        log_in(parent, live_server, PARENT)
        news = parent.locator(".portal-updates li", has_text=CORRECTED)
        assert news.count() == 1 and news.locator(".portal-corrected").is_visible()
        assert FIRST not in parent.locator("main").inner_text()
        assert_accessible(parent)
        assert_no_horizontal_scroll(parent)
        parent.locator("main a.portal-news-link").click()
        parent.wait_for_url(re.compile(r".*/nyheder$"))
        assert parent.locator(".portal-updates li .portal-corrected").count() >= 1
        assert_accessible(parent)
        assert_no_horizontal_scroll(parent)

        # The staff pages in English and Arabic (right to left), with the check and the
        # preview in all three languages (the "Check the text" button, as without JavaScript).
        for language in ("en", "ar"):
            desk.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
            staff.goto(family_page)
            assert_accessible(staff)
            staff.locator("main a.portal-post-update").click()
            staff.locator("#body").fill(FIRST)
            staff.locator("#plain-language-check .portal-lix").wait_for()
            staff.locator("main button[value=check]").click()
            staff.locator(".portal-update-preview").first.wait_for()
            assert staff.locator(".portal-update-preview").count() == 3
            assert_accessible(staff)
    finally:
        desk.close()
        phone.close()
