"""Logging out in real Chromium, with and without JavaScript, in Danish and Arabic, for a guardian
and for staff.

The portal's CSP (`form-action 'self'`) also governs where a submitted form is redirected, so a
logout that redirects its POST to the identity provider does nothing in a browser. Here the whole
way is followed as a person would: before each click the test checks where it is (origin, path
and heading), every answer on the way is recorded, and at the end the family's data is off the
screen, the portal's session is over, and a new "Log in" meets the provider's login form again
(the provider has single sign-on on, as the real brokers do)."""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from flask_babel import force_locale, gettext

pytestmark = pytest.mark.browser
LANGUAGES = ("da", "ar")  # Danish first; Arabic right to left


@dataclass(frozen=True)
class Person:
    door: str
    subject: str
    landing: re.Pattern  # the path a login ends on
    heading: str  # its h1 (the message id; the test reads it in the tab's language)
    shows: str  # family data on that page
    log_in_again: str  # the link on the portal's login page that starts this door's login


PEOPLE = {
    "guardian": Person(
        "citizen",
        "guardian-hansen-1",
        re.compile(r"/familier/\d+"),
        "Overview",
        "Oliver Hansen",
        "Log in with MitID",
    ),
    "staff": Person(
        "staff",
        "staff-sara",
        re.compile(r"/medarbejder/"),
        "Your families",
        "Familien Hansen",
        "Log in as staff",
    ),
}


@pytest.fixture
def single_sign_on(identity_provider):
    with identity_provider.switched(single_sign_on=True):
        yield


@dataclass
class Tab:
    page: object
    answers: list = field(default_factory=list)  # (method, host, path, status) of each load
    urls: list = field(default_factory=list)  # the full URL of each
    errors: list = field(default_factory=list)  # console errors of the portal's pages

    def steps_since(self, start: int = 0) -> list[tuple]:
        return self.answers[start:]


def in_language(app, language: str):
    """The portal's own words in the language the tab reads, from the same catalogues."""

    def text(message: str) -> str:
        with app.test_request_context(), force_locale(language):
            return gettext(message)

    return text


@contextmanager
def browsing(browser, live_server, javascript: bool, language: str):
    """A fresh browser (its own cookies), in `language`, remembering every answer the tab's
    navigations got, redirects included, and every console error (a CSP refusal is one) of the
    portal's pages."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=javascript
    )
    context.add_cookies([{"name": "portal_lang", "value": language, "url": live_server}])
    tab = Tab(context.new_page())

    def remember_answer(response) -> None:
        if response.request.is_navigation_request() and response.frame == tab.page.main_frame:
            where = urlsplit(response.url)
            tab.answers.append((response.request.method, where.netloc, where.path, response.status))
            tab.urls.append(response.url)

    def remember_error(message) -> None:
        if message.type == "error" and tab.page.url.startswith(live_server):
            tab.errors.append(message.text)

    tab.page.on("response", remember_answer)
    tab.page.on("console", remember_error)
    try:
        yield tab
    finally:
        context.close()


def assert_at(page, origin: str, path: str | re.Pattern, heading: str) -> None:
    """Where the page is: the origin, the path, and its one h1."""
    page.wait_for_load_state()
    where = urlsplit(page.url)
    assert f"{where.scheme}://{where.netloc}" == origin, page.url
    if isinstance(path, re.Pattern):
        assert path.fullmatch(where.path), page.url
    else:
        assert where.path == path, page.url
    assert page.locator("h1").inner_text().strip() == heading, page.url


def wait_until_at(page, origin: str, path: str | re.Pattern) -> None:
    pattern = re.escape(origin) + (
        path.pattern if isinstance(path, re.Pattern) else re.escape(path)
    )
    page.wait_for_url(re.compile(pattern + r"(\?.*)?$"))


def assert_accessible_as_served(browser, page, provider: str, assert_accessible) -> None:
    """axe-core needs JavaScript, which this tab has off: it checks a copy of the page exactly
    as served, in a tab of its own where the page's scripts and its way onwards are held back."""
    context = browser.new_context(viewport=page.viewport_size)
    try:
        url, html = page.url, page.content()
        context.route("**/*.js", lambda route: route.abort())
        context.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
        context.route(f"{provider}/**", lambda route: route.fulfill(status=204))
        copy = context.new_page()
        copy.goto(url)
        assert_accessible(copy)
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("who", PEOPLE)
def test_log_out_ends_both_sessions(
    app,
    browser,
    live_server,
    identity_provider,
    single_sign_on,
    assert_accessible,
    who,
    javascript,
    language,
):
    person, provider, _ = PEOPLE[who], identity_provider.url, in_language(app, language)
    portal_host, provider_host = urlsplit(live_server).netloc, urlsplit(provider).netloc
    with browsing(browser, live_server, javascript, language) as tab:
        page = tab.page
        # Log in at the provider's form.
        page.goto(f"{live_server}/log-ind/{person.door}")
        assert_at(page, provider, "/oauth2/authorize", "Authorize Client")
        page.get_by_role("button", name=person.subject, exact=True).click()
        wait_until_at(page, live_server, person.landing)
        assert_at(page, live_server, person.landing, _(person.heading))
        assert person.shows in page.locator("main").inner_text()

        # The provider remembers the login: starting again goes through without its form.
        start = len(tab.answers)
        page.goto(f"{live_server}/log-ind/{person.door}")
        wait_until_at(page, live_server, person.landing)
        assert ("GET", provider_host, "/oauth2/authorize", 302) in tab.steps_since(start)

        if not javascript:
            # Hold the provider's logout back once (a 204 leaves the page where it is), so the
            # page in between can be looked at and its button used, as when a refresh is blocked.
            held = []
            page.route(
                f"{provider}/oauth2/end_session*",
                lambda route: held.append(route.request.url) or route.fulfill(status=204),
            )
        assert_at(page, live_server, person.landing, _(person.heading))
        start = len(tab.answers)
        page.locator("button.portal-logout").click()

        if not javascript:
            wait_until_at(page, live_server, "/logget-ud/fortsaet")
            page.wait_for_timeout(300)  # the refresh has fired (and been held) by now
            assert held, "the page did not move on to the provider by itself"
            page.unroute(f"{provider}/oauth2/end_session*")
            heading = _("You are logged out of Familieportalen")
            assert_at(page, live_server, "/logget-ud/fortsaet", heading)
            assert person.shows not in page.locator("body").inner_text()
            assert_accessible_as_served(browser, page, provider, assert_accessible)
            page.get_by_role("link", name=_("Continue logging out"), exact=True).click()

        # At the provider: end its session too.
        wait_until_at(page, provider, "/oauth2/end_session")
        assert_at(page, provider, "/oauth2/end_session", "End session")
        assert person.subject in page.locator("main").inner_text()  # the logout_hint
        page.get_by_role("button", name="End session").click()

        wait_until_at(page, live_server, "/logget-ud")
        assert_at(page, live_server, "/logget-ud", _("You are logged out"))
        # Every step, redirects included: POST, 303 to our page, on to the provider, back here.
        steps = tab.steps_since(start)
        assert steps[:2] == [
            ("POST", portal_host, "/log-ud", 303),
            ("GET", portal_host, "/logget-ud/fortsaet", 200),
        ], steps
        assert ("GET", provider_host, "/oauth2/end_session", 200) in steps, steps
        assert steps[-2:] == [
            ("POST", provider_host, "/oauth2/end_session/confirm", 303),
            ("GET", portal_host, "/logget-ud", 200),
        ], steps
        assert not [url for url in tab.urls if "id_token_hint" in url]  # it holds the CPR number
        body = page.locator("body").inner_text()
        logged_in_as = _("Logged in as %(name)s").split("%(name)s")[0].strip()
        assert person.shows not in body and logged_in_as not in body
        assert tab.errors == []  # no CSP refusals on the way

        # The portal's session is over: its pages lead to the login page.
        page.goto(live_server + ("/overblik" if person.door == "citizen" else "/medarbejder/"))
        assert_at(page, live_server, "/log-ind", _("Log in"))
        assert person.shows not in page.locator("body").inner_text()

        # And so is the provider's: a new login meets its form instead of logging in at once.
        page.get_by_role("link", name=_(person.log_in_again), exact=True).click()
        wait_until_at(page, provider, "/oauth2/authorize")
        assert_at(page, provider, "/oauth2/authorize", "Authorize Client")
        assert page.get_by_role("button", name=person.subject, exact=True).is_visible()
