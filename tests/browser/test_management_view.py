"""The demo manager on a desktop, in real Chromium: from the staff start page to the figures
for management, in Danish, English and Arabic (right to left). axe-core finds nothing, and
the charts stay inside the page."""

from __future__ import annotations

import pytest

from tests.browser.test_booking_staff_journey import staff_log_in

pytestmark = pytest.mark.browser

MANAGER = "staff-birgitte"


@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_the_manager_opens_the_figures(
    browser, live_server, assert_accessible, assert_no_horizontal_scroll, language
):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
    page = context.new_page()
    try:
        staff_log_in(page, live_server, MANAGER)
        page.locator("main a[href$='/medarbejder/ledelse']").click()
        page.wait_for_url(f"{live_server}/medarbejder/ledelse")
        assert page.locator("main svg[role=img]").count() >= 1
        assert page.locator("main table caption").count() == page.locator("main svg").count()
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        assert_accessible(page)
        assert_no_horizontal_scroll(page)
        # Every chart's texts stay inside the chart: nothing is cut off at either side.
        outside = page.evaluate(
            """() => [...document.querySelectorAll('svg.portal-bar-chart')].flatMap(svg => {
                 const box = svg.getBoundingClientRect();
                 return [...svg.querySelectorAll('text')].map(t => t.getBoundingClientRect())
                   .filter(r => r.left < box.left - 1 || r.right > box.right + 1);
               }).length"""
        )
        assert outside == 0
        with page.expect_download() as download:
            page.locator("main a[href$='/ledelse/frister.csv']").click()
        assert download.value.suggested_filename.startswith("familieportalen-frister-")
    finally:
        context.close()
