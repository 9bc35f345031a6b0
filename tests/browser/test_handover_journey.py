"""Hand-over in real Chromium: the demo contact person Sara Ahmed hands Familien Hansen over to
her colleague Henrik Larsen with a note (after a form sent with errors), then the mother sees
the new name on a 375 px phone. Each page in Danish and Arabic, axe-core finds nothing. The
family is handed back afterwards, so the demo family stays as the other tests know it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import Family, StaffMember
from portal.records import unit_of_work
from portal.records.handovers import hand_over_family
from portal.records.staff import staff_actor
from tests.browser.test_booking_staff_journey import staff_log_in
from tests.browser.test_family_journeys import PHONE, PHONE_HEIGHT, log_in

pytestmark = pytest.mark.browser

STAFF, PARENT, FAMILY = "staff-sara", "guardian-hansen-1", "Familien Hansen"
NOTE = "Sara skal på kursus i en måned. Henrik kender Oliver og ringer til jer i denne uge."


def use_language(context, live_server, language: str) -> None:
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])


def hand_back(app) -> None:
    """Henrik hands the family back to Sara, as a colleague would."""
    with app.app_context():
        sara, henrik = (
            db.session.scalar(select(StaffMember).filter_by(subject=f"kk-demo:{key}"))
            for key in ("sara", "henrik")
        )
        family = db.session.scalar(select(Family).filter_by(display_name=FAMILY))
        if family.contact_person_id == henrik.id:
            with unit_of_work(db.session, staff_actor(henrik)) as unit:
                hand_over_family(
                    unit, family, henrik.department, sara, by=henrik, note="Sara er tilbage."
                )
        db.session.remove()


def test_a_contact_person_hands_the_family_over_and_the_parent_sees_the_new_name(
    app, browser, live_server, assert_accessible
):
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    use_language(desk, live_server, "da")
    staff = desk.new_page()
    phone = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    use_language(phone, live_server, "da")
    parent = phone.new_page()
    try:
        staff_log_in(staff, live_server, STAFF)
        staff.locator("main a", has_text=FAMILY).first.click()
        staff.wait_for_url(re.compile(r".*/medarbejder/familier/\d+$"))
        family_url = staff.url
        handover_url = family_url + "/overdrag"

        for language in ("ar", "da"):  # every page in both; the hand-over itself in Danish
            use_language(desk, live_server, language)
            staff.goto(family_url)
            staff.locator(f"main a[href$='{handover_url.removeprefix(live_server)}']").click()
            staff.wait_for_url(handover_url)
            assert_accessible(staff)

            staff.locator("main form[action$='/overdrag'] button[type=submit]").click()
            summary = staff.locator("#error-summary")
            summary.wait_for()
            assert_accessible(staff)
            summary.locator("a").first.click()
            assert staff.evaluate("document.activeElement.name") == "to"

            staff.locator("main label", has_text="Henrik Larsen").click()
            staff.fill("#note", NOTE)
            staff.locator("main form[action$='/overdrag'] button[type=submit]").click()
            staff.locator("main form[action$='/overdrag/bekraeft']").wait_for()
            assert NOTE in staff.locator("main").inner_text()
            assert_accessible(staff)

        staff.locator("main form[action$='/overdrag/bekraeft'] button[type=submit]").click()
        staff.wait_for_url(re.compile(r".*/medarbejder/(familier/\d+)?(#.*)?$"))
        assert "Henrik Larsen" in staff.locator("main .alert").first.inner_text()
        assert_accessible(staff)

        for language in ("ar", "da"):  # the away page, with and without errors
            use_language(desk, live_server, language)
            staff.goto(f"{live_server}/medarbejder/fravaer")
            assert_accessible(staff)
            staff.locator("main form[action$='/fravaer'] button[type=submit]").click()
            staff.locator("#error-summary").wait_for()
            assert_accessible(staff)

        log_in(parent, live_server, PARENT)
        contact = parent.locator("main .portal-contact")
        shown = contact.inner_text()
        assert "Henrik Larsen" in shown and "Sara Ahmed" in shown and NOTE in shown
        assert_accessible(parent)
        use_language(phone, live_server, "ar")
        parent.reload()
        assert "Henrik Larsen" in parent.locator("main .portal-contact").inner_text()
        assert_accessible(parent)
    finally:
        desk.close()
        phone.close()
        hand_back(app)
