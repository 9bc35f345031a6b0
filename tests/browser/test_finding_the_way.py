"""A new user finds the way back: once logged in, the header leads to the person's own start (a
parent's overview, a staff member's families) from every page, the front page no longer offers
"Log ind", and an offer's breadcrumbs start there too. In Arabic, lists and radio buttons start
at the right edge of the page, as they start at the left edge in Danish. Real Chromium, axe-core
on every page visited."""

from __future__ import annotations

import re
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 375, 1280
HOME_LINK = "header a.portal-home-link"


@contextmanager
def logged_in(browser, live_server, subject: str, door: str, language: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
    try:
        page = context.new_page()
        page.goto(f"{live_server}/log-ind/{door}")
        page.get_by_role("button", name=subject, exact=True).click()
        page.wait_for_url(re.compile(re.escape(live_server) + r"/(familier|medarbejder)/"))
        yield page
    finally:
        context.close()


def where(page) -> tuple[str, str]:
    return urlsplit(page.url).path, page.locator("h1").inner_text().strip()


def click(page, locator) -> None:
    with page.expect_navigation():  # axe-core must not run on a page being left
        locator.click()


class Walk:
    """Goes somewhere, checks it is there (path and h1, axe-core), and takes a link back."""

    def __init__(self, page, assert_accessible, home_path: str, home_heading: str):
        self.page, self.assert_accessible = page, assert_accessible
        self.home_path, self.home_heading = home_path, home_heading

    def at(self, path: str, heading: str) -> None:
        assert where(self.page) == (path, heading)
        self.assert_accessible(self.page)

    def at_home(self) -> None:
        self.at(self.home_path, self.home_heading)

    def back_home(self, link: str = HOME_LINK) -> None:
        home = self.page.locator(link)
        assert home.count() == 1 and home.inner_text().strip() == self.home_heading
        click(self.page, home)
        self.at_home()


def visit_public_pages(page, walk: Walk, live_server: str) -> None:
    """The glossary and one offer through the footer, then the front page; back each time."""
    click(page, page.locator("footer a[href='/ordbog']"))
    walk.at("/ordbog", "Ordbog")
    walk.back_home()

    click(page, page.locator("footer a[href='/tilbud']"))
    walk.at("/tilbud", "Tilbud og hjælp")
    offer = page.locator(".portal-offer-list h2 a").first
    name, href = offer.inner_text().strip(), offer.get_attribute("href")
    click(page, offer)
    walk.at(href, name)
    walk.back_home()

    # The offer's breadcrumbs start at the person's own start, not at the public front page.
    page.goto(live_server + href)
    walk.at(href, name)
    walk.back_home(".breadcrumbs li:first-child a")

    # The front page knows who is logged in: no "Log ind", a way to their start instead.
    click(page, page.locator("header .solution-heading a"))
    walk.at_home()
    page.goto(live_server + "/")
    walk.at("/", "Dit barns sager samlet ét sted")
    assert page.locator("a[href^='/log-ind']").count() == 0
    assert "Log ind" not in page.locator("main").inner_text()
    walk.back_home("main a.portal-start-button")


def test_a_parent_finds_the_way_back_to_the_overview(browser, live_server, assert_accessible):
    with logged_in(browser, live_server, "guardian-hansen-1", "citizen", "da", PHONE) as page:
        overview = urlsplit(page.url).path
        walk = Walk(page, assert_accessible, overview, "Overblik")
        walk.at_home()

        click(page, page.locator(".portal-more a[href='/profil']"))
        walk.at("/profil", "Din profil")
        walk.back_home()

        click(page, page.locator(f".portal-more a[href='{overview}/adgangslog']"))
        walk.at(f"{overview}/adgangslog", "Hvem har set vores oplysninger")
        walk.back_home()

        visit_public_pages(page, walk, live_server)


def test_staff_find_the_way_back_to_their_families(browser, live_server, assert_accessible):
    with logged_in(browser, live_server, "staff-sara", "staff", "da", DESKTOP) as page:
        walk = Walk(page, assert_accessible, "/medarbejder/", "Dine familier")
        walk.at_home()
        visit_public_pages(page, walk, live_server)


# How far (px) the right edge of each visible list item stands in from the right edge of its list.
ITEMS_IN_FROM_THE_RIGHT = """(selector) => [...document.querySelectorAll(selector)]
    .filter(li => li.getClientRects().length > 0)
    .map(li => [li.textContent.trim().slice(0, 40),
                li.parentElement.getBoundingClientRect().right
                - li.getBoundingClientRect().right])"""


def test_lists_and_radio_buttons_start_at_the_right_edge_in_arabic(
    browser, live_server, assert_accessible
):
    with logged_in(browser, live_server, "guardian-al-sayed-1", "citizen", "ar", PHONE) as page:
        overview = urlsplit(page.url).path
        child = page.locator(".portal-child h2 a").last.get_attribute("href")
        for path in (overview, child, "/profil"):
            page.goto(live_server + path)
            assert page.locator("html").get_attribute("dir") == "rtl"
            items = page.evaluate(ITEMS_IN_FROM_THE_RIGHT, "main ul > li, main ol > li")
            assert items, path
            indented = [(text, round(gap)) for text, gap in items if abs(gap) > 2]
            assert indented == [], f"list items not at the right edge on {path}: {indented}"
            assert_accessible(page)

        # The radio buttons of the profile line up with the page's own right edge.
        main = page.locator("main").bounding_box()
        for option in page.locator("main .form-group-radio").all():
            box = option.bounding_box()
            assert abs(main["x"] + main["width"] - (box["x"] + box["width"])) <= 2
