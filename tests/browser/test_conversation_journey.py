"""A parent and their contact person write to each other, in real Chromium: the parent on a
375 px phone writes a question (after a form sent empty, whose summary takes them to the
field); the contact person on a desktop sees it unread and waiting, and answers; the parent
sees the answer, marked new. In Danish and in Arabic (right to left); axe-core finds nothing on
any page of either side, and nothing on the parent's pages scrolls sideways."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_booking_staff_journey import staff_log_in
from tests.browser.test_family_journeys import PHONE, PHONE_HEIGHT, log_in

pytestmark = pytest.mark.browser

PARENT, STAFF = "guardian-hansen-1", "staff-sara"
TOPICS = {"da": "offer", "ar": "case"}  # each language's journey starts its own conversation


@pytest.mark.parametrize("language", ["da", "ar"])
def test_a_parent_asks_the_contact_person_answers_and_the_parent_reads_it(
    browser, live_server, assert_accessible, assert_no_horizontal_scroll, language
):
    question = f"Hvilke fritidstilbud findes der for Oliver? ({language})"
    reply = f"Jeg sender dig en liste over klubber i nærheden. ({language})"
    cookie = [{"name": "portal_lang", "value": language, "url": live_server}]
    phone = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    phone.add_cookies(cookie)
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    desktop.add_cookies(cookie)
    parent, staff = phone.new_page(), desktop.new_page()

    def check(page, sideways: bool = True) -> None:
        assert_accessible(page)
        if sideways:
            assert_no_horizontal_scroll(page)

    try:
        overview = log_in(parent, live_server, PARENT)
        family_id = overview.rsplit("/", 1)[1]
        messages = f"{live_server}/familier/{family_id}/beskeder"
        parent.locator(".portal-messages-link a").click()
        parent.wait_for_url(messages)
        check(parent)
        parent.locator(f"main a[href$='/familier/{family_id}/beskeder/ny']").first.click()
        parent.wait_for_url(messages + "/ny")
        assert parent.locator("#not-for-emergencies a[href='tel:112']").count() == 1
        check(parent)

        send = "main form[action$='/beskeder/ny'] button[type=submit]"
        parent.locator(send).click()  # nothing chosen, nothing written
        summary = parent.locator("#error-summary")
        summary.wait_for()
        check(parent)
        summary.locator("a").first.click()
        assert parent.evaluate("document.activeElement.id") == "topic-0"

        topic = parent.locator(f"main input[name=topic][value={TOPICS[language]}]")
        parent.locator(f"label[for='{topic.get_attribute('id')}']").click()
        parent.fill("#body", question)
        parent.locator(send).click()
        parent.wait_for_url(re.compile(re.escape(messages) + r"/\d+#message-\d+$"))
        thread_url = parent.url.split("#")[0]
        assert question in parent.locator("main .portal-messages").inner_text()
        check(parent)

        # The contact person sees the question unread and waiting, and answers it.
        staff_log_in(staff, live_server, STAFF)
        staff.goto(f"{live_server}/medarbejder/familier/{family_id}")
        staff.locator("#messages a").first.click()
        staff.wait_for_url(f"{live_server}/medarbejder/familier/{family_id}/beskeder")
        thread_id = thread_url.rsplit("/", 1)[1]
        row = staff.locator(f"#thread-{thread_id}")
        assert row.locator("strong").count() == 2  # waiting, and unread
        check(staff, sideways=False)
        row.locator("a").click()
        staff.wait_for_url(re.compile(rf".*/beskeder/{thread_id}$"))
        newest = staff.locator("main .portal-messages > li").last
        assert question in newest.inner_text() and newest.locator(".portal-new").count() == 1
        check(staff, sideways=False)
        staff.fill("#body", reply)
        staff.locator(f"main form[action$='/beskeder/{thread_id}'] button[type=submit]").click()
        staff.wait_for_url(re.compile(rf".*/beskeder/{thread_id}#message-\d+$"))
        assert reply in staff.locator("main .portal-messages > li").last.inner_text()
        check(staff, sideways=False)

        # The parent sees that there is something new, and reads the answer.
        parent.goto(overview)
        assert re.search(r"\d", parent.locator(".portal-messages-link a").inner_text())
        check(parent)
        parent.goto(messages)
        assert parent.locator(f"#thread-{thread_id} .portal-unread").count() == 1
        parent.locator(f"#thread-{thread_id} a").click()
        parent.wait_for_url(thread_url)
        answer = parent.locator("main .portal-messages > li").last
        assert reply in answer.inner_text() and answer.locator(".portal-new").count() == 1
        check(parent)
    finally:
        phone.close()
        desktop.close()
