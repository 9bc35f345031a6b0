"""A parent on a phone, as a new user would: log in, call the contact person, open each child,
follow each case's steps, open an offer and a glossary word. In da, en and ar, with and without
JavaScript; axe-core finds nothing and nothing scrolls sideways (also at 320 px)."""

import re

import pytest

pytestmark = pytest.mark.browser

TAP_TARGETS = (
    ".button, .portal-lang-switch a, .portal-steps-link, .portal-child h2 a, .portal-more a"
)


def open_context(browser, live_server, language: str, width: int = 375, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": 740}, java_script_enabled=javascript, locale="da-DK"
    )
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
    return context


def log_in(page, live_server, subject: str) -> None:
    page.goto(f"{live_server}/log-ind/citizen")
    page.get_by_role("button", name=subject, exact=True).click()
    page.wait_for_url(re.compile(re.escape(live_server) + r"/familier/\d+$"))


def assert_tap_targets(page) -> None:
    small = page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.textContent.trim(), el.getBoundingClientRect().height])
            .filter(([, height]) => height < 44)""",
        TAP_TARGETS,
    )
    assert small == [], f"tap targets under 44px on {page.url}: {small}"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_parent_follows_every_case_on_a_phone(
    browser, live_server, language, javascript, assert_accessible, assert_no_horizontal_scroll
):
    context = open_context(browser, live_server, language, javascript=javascript)
    page = context.new_page()

    def check():
        if javascript:
            assert_accessible(page)
        assert_no_horizontal_scroll(page)
        assert_tap_targets(page)

    try:
        log_in(page, live_server, "guardian-al-sayed-1")
        overview = page.url
        check()
        phone = page.locator('.portal-contact a[href^="tel:"]')
        assert phone.inner_text() == "+45 33 17 32 55"  # Nadia Haddad, the contact person

        # Each case's steps, from the overview: in place with htmx, as a page without JavaScript.
        links = page.locator(".portal-steps-link")
        assert links.count() == 2
        for index in range(links.count()):
            page.goto(overview)
            link = page.locator(".portal-steps-link").nth(index)
            target = link.get_attribute("hx-target")
            link.click()
            if javascript:
                page.locator(f"{target} .portal-steps").wait_for()
                assert page.url == overview
            else:
                page.wait_for_url(re.compile(r"/sager/\d+$"))
                assert page.locator("[aria-current=step]").count() == 1
            check()

        # Each child.
        page.goto(overview)
        children = page.locator(".portal-child h2 a")
        names = [children.nth(i).inner_text() for i in range(children.count())]
        assert names == ["Layla Al-Sayed", "Yusuf Al-Sayed"]
        for name in names:
            page.goto(overview)
            page.get_by_role("link", name=name, exact=True).click()
            assert page.locator("h1").inner_text() == name
            assert page.locator(".portal-steps").count() >= 1
            check()

        # A glossary word in a case text (here "BUF" in Layla's) leads to its explanation.
        page.goto(overview)
        term = page.locator("main a.portal-term").first
        anchor = term.get_attribute("href").split("#")[1]
        term.click()
        page.wait_for_url(re.compile(r"/ordbog#"))
        assert page.locator(f"[id='{anchor}']").is_visible()
        check()

        # An offer from the catalogue.
        page.goto(live_server + "/tilbud")
        page.locator(".portal-offer a").first.click()
        assert page.locator("h1").inner_text()
        check()
    finally:
        context.close()


def test_nothing_scrolls_sideways_at_320px(browser, live_server, assert_no_horizontal_scroll):
    context = open_context(browser, live_server, "ar", width=320)
    page = context.new_page()
    try:
        log_in(page, live_server, "guardian-kowalski-1")
        assert_no_horizontal_scroll(page)
        page.locator(".portal-child h2 a").first.click()
        assert_no_horizontal_scroll(page)
        page.goto(live_server + "/profil")
        assert_no_horizontal_scroll(page)
    finally:
        context.close()


@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_profile_form_errors_are_summarised_and_accessible(
    browser, live_server, language, assert_accessible
):
    context = open_context(browser, live_server, language)
    page = context.new_page()
    try:
        log_in(page, live_server, "guardian-mohamed-1")
        page.goto(live_server + "/profil")
        assert_accessible(page)
        page.locator("#notify_by-1").check()  # SMS
        page.locator("#phone").fill("12")
        page.locator("#email").fill("not-an-address")
        page.locator("main form button[type=submit]").click()
        summary = page.locator("#error-summary")
        assert summary.is_visible()
        assert page.title().split(":")[0] in ("Fejl", "Error", "خطأ")
        assert_accessible(page)
        summary.locator("a").first.click()
        assert page.evaluate("document.activeElement.id") in ("email", "phone")
    finally:
        context.close()
