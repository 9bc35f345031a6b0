"""The contact person's workspace end to end, in real Chromium, once in each of Danish, English
and Arabic. The mother of Familien Hansen writes a question on her 375 px phone. The demo
contact person Sara Ahmed, on a desktop, finds the family at the top of her caseload because a
deadline has passed, posts an update whose LIX she sees while typing, corrects it, answers the
question and hands the family over to Henrik Larsen. Then the mother sees the corrected update,
the answer and the new contact person's name. axe-core finds nothing on any page of either
journey, and nothing on the mother's pages scrolls sideways. The family is handed back after
each run, so the demo stays as the other tests know it."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_booking_staff_journey import staff_log_in
from tests.browser.test_family_journeys import PHONE, PHONE_HEIGHT, log_in
from tests.browser.test_handover_journey import hand_back

pytestmark = pytest.mark.browser

PARENT, STAFF, FAMILY, NEW_CONTACT = (
    "guardian-hansen-1",
    "staff-sara",
    "Familien Hansen",
    "Henrik Larsen",
)
TOPICS = {"da": "offer", "en": "meeting", "ar": "other"}


def texts(language: str) -> dict[str, str]:
    """What the people write in this run: each run's words are its own, so the checks below
    cannot be met by an earlier run's."""
    return {
        "question": f"Hvornår kan Oliver begynde i klubben? ({language})",
        "update": f"Vi har talt med Olivers lærer. Han siger, at det går godt. ({language})",
        "corrected": (
            f"Vi har talt med Olivers lærer. Han siger, at det går rigtig godt. ({language})"
        ),
        "answer": f"Oliver kan begynde i klubben efter efterårsferien. ({language})",
        "note": f"Sara skal på kursus. Henrik kender Oliver og ringer til jer. ({language})",
    }


@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_the_contact_person_handles_the_most_urgent_family_and_the_parent_sees_it(
    app, browser, live_server, assert_accessible, assert_no_horizontal_scroll, language
):
    said = texts(language)
    cookie = [{"name": "portal_lang", "value": language, "url": live_server}]
    phone = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    phone.add_cookies(cookie)
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    desk.add_cookies(cookie)
    parent, staff = phone.new_page(), desk.new_page()

    def on_phone() -> None:
        assert_accessible(parent)
        assert_no_horizontal_scroll(parent)

    try:
        # The mother writes a question to her contact person.
        overview = log_in(parent, live_server, PARENT)
        family_id = overview.rsplit("/", 1)[1]
        on_phone()
        parent.locator(".portal-messages-link a").click()
        parent.wait_for_url(f"{overview}/beskeder")
        on_phone()
        parent.locator("main a[href$='/beskeder/ny']").first.click()
        parent.wait_for_url(f"{overview}/beskeder/ny")
        topic = parent.locator(f"main input[name=topic][value={TOPICS[language]}]")
        parent.locator(f"label[for='{topic.get_attribute('id')}']").click()
        parent.fill("#body", said["question"])
        parent.locator("main form[action$='/beskeder/ny'] button[type=submit]").click()
        parent.wait_for_url(re.compile(r".*/beskeder/\d+#message-\d+$"))
        thread_id = parent.url.split("#")[0].rsplit("/", 1)[1]
        on_phone()

        # Sara finds the family at the top of her caseload, and the row says why in words.
        staff_log_in(staff, live_server, STAFF)
        first = staff.locator("main li.portal-caseload-row").first
        assert FAMILY in first.inner_text()
        assert first.locator(".portal-reason--overdue strong").is_visible()
        assert first.locator(".portal-reason--waiting").count() == 1  # the question waits
        assert_accessible(staff)
        first.locator(f"a[href$='/medarbejder/familier/{family_id}']").first.click()
        family_page = f"{live_server}/medarbejder/familier/{family_id}"
        staff.wait_for_url(family_page)
        assert_accessible(staff)

        # An update, with its LIX shown while she types; then she corrects it.
        staff.locator("main a.portal-post-update").click()
        staff.wait_for_url(f"{family_page}/opdateringer/ny")
        staff.fill("#body", said["update"])
        lix = staff.locator("#plain-language-check .portal-lix")
        lix.wait_for()
        assert re.search(r"LIX \d+[,.]\d", lix.inner_text())
        assert_accessible(staff)
        staff.locator("main button[value=send]").click()
        staff.wait_for_url(f"{family_page}#updates")
        posted = staff.locator(".portal-staff-update", has_text=said["update"])
        assert posted.count() == 1
        assert_accessible(staff)
        posted.locator("a[href$='/ret']").click()
        staff.wait_for_url(re.compile(r".*/opdateringer/\d+/ret$"))
        staff.locator("#plain-language-check .portal-lix").wait_for()
        assert_accessible(staff)
        staff.fill("#body", said["corrected"])
        staff.locator("main button[value=send]").click()
        staff.wait_for_url(f"{family_page}#updates")
        corrected = staff.locator(".portal-staff-update", has_text=said["corrected"])
        assert corrected.count() == 1 and corrected.locator("strong").count() == 1
        assert_accessible(staff)

        # She answers the mother's question.
        staff.locator("#messages a").first.click()
        staff.wait_for_url(f"{family_page}/beskeder")
        assert staff.locator(f"#thread-{thread_id} strong").count() == 2  # waiting, unread
        assert_accessible(staff)
        staff.locator(f"#thread-{thread_id} a").click()
        staff.wait_for_url(f"{family_page}/beskeder/{thread_id}")
        assert said["question"] in staff.locator("main .portal-messages").inner_text()
        assert_accessible(staff)
        staff.fill("#body", said["answer"])
        staff.locator(f"main form[action$='/beskeder/{thread_id}'] button[type=submit]").click()
        staff.wait_for_url(re.compile(rf".*/beskeder/{thread_id}#message-\d+$"))
        assert_accessible(staff)

        # She hands the family over to Henrik, with a note, and confirms.
        staff.goto(family_page)
        staff.locator(f"main a[href$='/medarbejder/familier/{family_id}/overdrag']").click()
        staff.wait_for_url(f"{family_page}/overdrag")
        assert_accessible(staff)
        staff.locator("main label", has_text=NEW_CONTACT).click()
        staff.fill("#note", said["note"])
        staff.locator("main form[action$='/overdrag'] button[type=submit]").click()
        staff.locator("main form[action$='/overdrag/bekraeft']").wait_for()
        assert said["note"] in staff.locator("main").inner_text()
        assert_accessible(staff)
        staff.locator("main form[action$='/overdrag/bekraeft'] button[type=submit]").click()
        staff.wait_for_url(re.compile(r".*/medarbejder/(familier/\d+)?(#.*)?$"))
        assert NEW_CONTACT in staff.locator("main .alert").first.inner_text()
        assert_accessible(staff)

        # The mother sees the corrected update, the answer and her new contact person.
        parent.goto(overview)
        news = parent.locator(".portal-updates li", has_text=said["corrected"])
        assert news.count() == 1 and news.locator(".portal-corrected").is_visible()
        assert said["update"] not in parent.locator("main").inner_text()
        contact = parent.locator("main .portal-contact").inner_text()
        assert NEW_CONTACT in contact and said["note"] in contact
        assert re.search(r"\d", parent.locator(".portal-messages-link a").inner_text())
        on_phone()
        parent.goto(f"{overview}/beskeder")
        assert parent.locator(f"#thread-{thread_id} .portal-unread").count() == 1
        on_phone()
        parent.locator(f"#thread-{thread_id} a").click()
        parent.wait_for_url(f"{overview}/beskeder/{thread_id}")
        answer = parent.locator("main .portal-messages > li").last
        assert said["answer"] in answer.inner_text()
        assert answer.locator(".portal-new").count() == 1
        on_phone()
    finally:
        phone.close()
        desk.close()
        hand_back(app)
