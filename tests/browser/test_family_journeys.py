"""Parents on a phone, as new users would: log in, call the contact person, open each child,
follow each case's steps, open an offer (from the child's own list and from the catalogue), a
glossary word and the profile. In da, en and ar, with and without JavaScript, for families whose
pages say the hard things: a deadline that was missed (Hansen), a clock on hold (Al-Sayed), a
decision that can still be appealed (Jensen) and an extended deadline (Kowalski).

On every page: axe-core finds nothing, nothing scrolls sideways at 375 px, and every link and
button is a tap target of at least 44x44 px. In Danish and Arabic nothing scrolls sideways at
320 px either (WCAG 1.4.10), and axe-core checks every page of the JavaScript journey there too.
Without JavaScript, axe-core checks the family pages exactly as they were served, among them
each case's own page, which only that journey sees."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

from portal.catalogue.case_types import CLOCK_REASONS

pytestmark = pytest.mark.browser

PHONE, NARROWEST, PHONE_HEIGHT = 375, 320, 740
CHECKED_AT_NARROWEST = {"da", "ar"}

# Every link and button a finger may have to hit: header, breadcrumbs, main content, footer.
TAP_TARGETS = ", ".join(
    f"{area} {control}"
    for area in ("header", ".breadcrumbs", "main", "footer")
    for control in ("a[href]", "button", "input[type=submit]")
)
# The one exception, which WCAG 2.5.5 and 2.5.8 both allow: an inline link inside running text.
# Here that is a glossary word in a sentence; anything else standing on its own is measured.
INLINE_IN_TEXT = "a.portal-term"


@dataclass
class Family:
    subject: str
    children: list[str]
    cases: int
    phone: str | None = None  # the contact person's number, as shown
    on_overview: dict[str, str] = field(default_factory=dict)  # selector: text it must contain
    on_child: dict[str, str] = field(default_factory=dict)  # on the first child's page


def families(language: str) -> list[Family]:
    return [
        Family(
            "guardian-al-sayed-1",
            ["Layla Al-Sayed", "Yusuf Al-Sayed"],
            cases=2,
            phone="+45 33 17 32 55",  # Nadia Haddad
            on_overview={".portal-paused": CLOCK_REASONS["waiting-for-family-doctor"][language]},
        ),
        Family(
            "guardian-hansen-1",
            ["Oliver Hansen"],
            cases=1,
            on_overview={".portal-overdue-note": "“"},  # quotes what we wrote about the delay
        ),
        Family(
            "guardian-jensen-1",
            ["Noah Jensen"],
            cases=1,
            on_child={".portal-complaint": "Ankestyrelsen"},
        ),
        Family(
            "guardian-kowalski-1",
            ["Zofia Kowalska"],
            cases=1,
            on_child={".portal-clock": CLOCK_REASONS["extension-more-assessment"][language]},
        ),
    ]


@pytest.fixture(scope="module")
def script_free_page(browser):
    """axe-core needs the page's event loop, which a context without JavaScript never runs. So a
    page the parent saw without JavaScript is checked as a copy, exactly as it was served, in a
    context with JavaScript on for axe-core but every script of the page itself blocked."""
    context = browser.new_context(viewport={"width": PHONE, "height": PHONE_HEIGHT})
    context.route("**/*.js", lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server):
    @contextmanager
    def open_phone(language: str, javascript: bool = True, console_errors_allowed: bool = False):
        context = browser.new_context(
            viewport={"width": PHONE, "height": PHONE_HEIGHT}, java_script_enabled=javascript
        )
        context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
        page = context.new_page()
        errors: list[str] = []  # from the portal's pages, not the identity provider's

        def remember(message) -> None:
            if message.type == "error" and page.url.startswith(live_server):
                errors.append(f"{message.text} ({message.location['url']})")

        page.on("console", remember)
        try:
            yield page
            assert console_errors_allowed or errors == [], f"console errors (CSP, script): {errors}"
        finally:
            context.close()

    return open_phone


@pytest.fixture
def check_page(assert_accessible, assert_no_horizontal_scroll, script_free_page):
    """Every check a page must pass, at the phone width and (da, ar) at the narrowest width."""

    def axe(page, javascript: bool) -> None:
        if javascript:
            assert_accessible(page)
            return
        url, html = page.url.split("#")[0], page.content()
        served = lambda requested: requested.split("#")[0] == url  # noqa: E731
        script_free_page.route(
            served, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8")
        )
        try:
            script_free_page.set_viewport_size(page.viewport_size)
            script_free_page.goto(url)
            assert_accessible(script_free_page)
        finally:
            script_free_page.unroute(served)

    def check(page, language: str, javascript: bool, checked_with_javascript=False) -> None:
        if javascript or not checked_with_javascript:
            axe(page, javascript)
        assert_no_horizontal_scroll(page)
        assert_tap_targets(page)
        if language in CHECKED_AT_NARROWEST:
            page.set_viewport_size({"width": NARROWEST, "height": PHONE_HEIGHT})
            try:
                assert_no_horizontal_scroll(page)
                if javascript:  # the same pages; with JavaScript the steps are open in place
                    axe(page, javascript)
            finally:
                page.set_viewport_size({"width": PHONE, "height": PHONE_HEIGHT})

    return check


def log_in(page, live_server, subject: str) -> str:
    page.goto(f"{live_server}/log-ind/citizen")
    page.get_by_role("button", name=subject, exact=True).click()
    page.wait_for_url(re.compile(re.escape(live_server) + r"/familier/\d+$"))
    return page.url


def assert_tap_targets(page) -> None:
    small = page.evaluate(
        """([selector, exempt]) => [...document.querySelectorAll(selector)]
            .filter(el => !el.matches(exempt) && el.getClientRects().length > 0)
            .map(el => [el.textContent.trim(), el.getBoundingClientRect()])
            .filter(([, box]) => box.height < 44 || box.width < 44)
            .map(([text, box]) => `${text}: ${box.width | 0}x${box.height | 0}`)""",
        [TAP_TARGETS, INLINE_IN_TEXT],
    )
    assert small == [], f"tap targets under 44x44px on {page.url}: {small}"


def follow_cases_in_place(page, family: Family, check) -> None:
    """With JavaScript each "see all the steps" is a disclosure button on the overview."""
    overview = page.url
    buttons = page.locator("main button[aria-controls]")
    assert buttons.count() == family.cases
    for index in range(family.cases):
        button = buttons.nth(index)
        region = page.locator("#" + button.get_attribute("aria-controls"))
        assert button.get_attribute("aria-expanded") == "false"
        assert region.is_hidden()
        button.click()
        region.locator(".portal-steps [aria-current=step]").wait_for()
        assert button.get_attribute("aria-expanded") == "true"
        assert page.url == overview
    check()  # with every case's steps open

    # It closes again, and works the same from the keyboard (Enter and Space).
    button = buttons.first
    region = page.locator("#" + button.get_attribute("aria-controls"))
    button.click()
    assert button.get_attribute("aria-expanded") == "false"
    assert region.is_hidden()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert region.locator(".portal-steps").is_visible()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false"
    assert region.is_hidden()


def follow_cases_as_pages(page, family: Family, check) -> None:
    """Without JavaScript each "see all the steps" is a link to the case's own page."""
    overview = page.url
    links = page.locator("main a.portal-steps-link")
    assert links.count() == family.cases
    for index in range(family.cases):
        links.nth(index).click()
        page.wait_for_url(re.compile(r"/sager/\d+$"))
        assert page.locator("[aria-current=step]").count() == 1
        check()
        page.go_back()
        assert page.url == overview


def assert_shows(page, expected: dict[str, str]) -> None:
    for selector, text in expected.items():
        assert text in page.locator(selector).first.inner_text(), f"{selector} on {page.url}"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_parents_follow_every_case_on_a_phone(phone, live_server, language, javascript, check_page):
    def check(page, checked_with_javascript=False):
        check_page(page, language, javascript, checked_with_javascript)

    for family in families(language):
        with phone(language, javascript) as page:
            overview = log_in(page, live_server, family.subject)
            assert page.locator("html").get_attribute("lang") == language
            if not javascript:
                check(page)  # with JavaScript: once every case's steps are open
            call = page.locator('.portal-contact a[href^="tel:"]')
            assert call.count() == 1
            if family.phone:
                assert call.inner_text() == family.phone
            assert_shows(page, family.on_overview)
            if javascript:
                follow_cases_in_place(page, family, lambda: check(page))
            else:
                follow_cases_as_pages(page, family, lambda: check(page))

            for index, name in enumerate(family.children):
                page.goto(overview)
                page.locator(".portal-child h2 a").nth(index).click()
                assert page.locator("h1").inner_text() == name
                assert page.locator(".portal-steps").count() >= 1
                if index == 0:
                    assert_shows(page, family.on_child)
                check(page)

            if family.children[-1] == "Yusuf Al-Sayed":
                follow_offers_glossary_and_profile(page, live_server, overview, check)


def follow_offers_glossary_and_profile(page, live_server, overview, check) -> None:
    """These pages are served the same with and without JavaScript, and nothing on them needs
    it, so axe-core checks them in the journey with JavaScript (in the same language)."""

    def check_alike(page):
        check(page, checked_with_javascript=True)

    # An offer from the child's own list (the page we are on: Yusuf, family therapy applied for).
    offer = page.locator(".portal-child-offers a").first
    name = offer.inner_text()
    offer.click()
    assert page.locator("h1").inner_text() == name
    check_alike(page)

    # A glossary word in a case text leads to its explanation.
    page.goto(overview)
    term = page.locator("main a.portal-term").first
    anchor = term.get_attribute("href").split("#")[1]
    term.click()
    page.wait_for_url(re.compile(r"/ordbog#"))
    assert page.locator(f"[id='{anchor}']").is_visible()
    check_alike(page)

    # The catalogue, one offer from it, and the profile.
    page.goto(live_server + "/tilbud")
    check_alike(page)
    page.locator(".portal-offer h2 a").first.click()
    assert page.locator("h1").inner_text()
    check_alike(page)
    page.goto(live_server + "/profil")
    check_alike(page)


@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_profile_form_errors_are_summarised_and_accessible(
    phone, live_server, language, assert_accessible
):
    with phone(language, console_errors_allowed=True) as page:  # the 400 is the point here
        log_in(page, live_server, "guardian-mohamed-1")
        page.goto(live_server + "/profil")
        page.locator("#notify_by-1").check()  # SMS
        page.locator("#phone").fill("12")
        page.locator("#email").fill("not-an-address")
        page.locator("main form button[type=submit]").click()
        summary = page.locator("#error-summary")
        assert summary.is_visible()
        assert page.title().split(":")[0] in ("Fejl", "Error", "خطأ")
        assert_accessible(page)
        assert_tap_targets(page)
        summary.locator("a").first.click()
        assert page.evaluate("document.activeElement.id") in ("email", "phone")
