"""Logging out ends the portal's session and the identity provider's, without JavaScript, for
both doors; and no person number is kept at rest or put in a URL on the way.

The provider here has single sign-on on, as the real brokers have: while its session lasts, the
next login goes through without asking. A test that only checked the portal's session could not
see a logout that never reached the provider."""

from __future__ import annotations

import base64
import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.demo import people
from portal.demo.identities import CPR_CLAIM, EXTRA_CITIZENS, guardian_subject
from portal.extensions import db
from portal.models import Base, LoginSession
from tests.conftest import csrf_token

PORTAL = "http://localhost"
# Who logs in and where they land; the page must show family data only while logged in.
PEOPLE = {
    "guardian": ("citizen", "guardian-hansen-1", "/overblik", "Oliver Hansen"),
    "staff": ("staff", "staff-sara", "/medarbejder/", "Familien Hansen"),
}


@pytest.fixture
def single_sign_on(identity_provider):
    with identity_provider.switched(single_sign_on=True):
        yield


def portal_path(url: str) -> str:
    """A portal URL as the test client wants it (the provider sends absolute ones back)."""
    assert url.startswith("/") or url.startswith(PORTAL + "/"), url
    return url.removeprefix(PORTAL)


def start_login(client, door: str) -> str:
    start = client.get(f"/log-ind/{door}")
    assert start.status_code == 302
    return start.headers["Location"]


def log_in(client, provider, browser, door: str, subject: str) -> list[str]:
    """Through the provider's form in `browser`; returns the URLs of the way."""
    authorize = start_login(client, door)
    callback = provider.approve(authorize, subject, browser)
    answer = client.get(portal_path(callback))
    assert answer.status_code == 302, answer.get_data(as_text=True)[:300]
    return [authorize, callback, answer.headers["Location"]]


def log_out(client, provider, browser, landing: str) -> list[str]:
    """Press "Log ud" and follow every step as a browser without JavaScript would, checking
    where each step is before taking the next; returns every URL and Location on the way."""
    seen = []
    answer = client.post("/log-ud", data={"csrf_token": csrf_token(client, landing)})
    # A 303 to a page of the portal's own: a form may only be redirected within 'self'.
    assert answer.status_code == 303
    assert answer.headers["Location"] == "/logget-ud/fortsaet"
    seen.append(answer.headers["Location"])

    client.set_cookie("portal_lang", "en")  # whatever language the person's login chose
    page = client.get("/logget-ud/fortsaet")
    assert page.status_code == 200
    html = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    assert html.h1.get_text(strip=True) == "You are logged out of Familieportalen"
    onwards = html.select_one("main a.button-primary")["href"]
    refresh = html.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh == f"0; url={onwards}"  # at once, and by the button if that does not happen
    assert onwards.startswith(provider.url + "/oauth2/end_session?")
    seen.append(onwards)
    assert client.get(landing).status_code == 302  # the portal's session is already over

    confirm = browser.get(onwards)
    assert confirm.status_code == 200, confirm.text[:300]
    form_page = BeautifulSoup(confirm.text, "html.parser")
    assert form_page.h1.get_text(strip=True) == "End session"
    form = form_page.find("form")
    fields = {field["name"]: field["value"] for field in form.find_all("input")}
    back = browser.post(provider.url + form["action"], data=fields)
    assert back.status_code == 303
    seen.append(back.headers["Location"])
    assert urlsplit(back.headers["Location"]).path == "/logget-ud"

    done = client.get(portal_path(back.headers["Location"]))
    assert done.status_code == 200
    return seen


@pytest.mark.parametrize("who", PEOPLE)
def test_logout_without_javascript_ends_both_sessions(
    app, client, identity_provider, single_sign_on, who
):
    door, subject, landing, family_data = PEOPLE[who]
    client.set_cookie("portal_lang", "en")
    browser = identity_provider.browser()
    log_in(client, identity_provider, browser, door, subject)
    # The provider remembers the login: a new start goes through without its form.
    again = browser.get(start_login(client, door))
    assert again.status_code == 302 and "/svar?" in again.headers["Location"]
    assert client.get(portal_path(again.headers["Location"])).status_code == 302
    assert family_data in client.get(landing, follow_redirects=True).get_data(as_text=True)

    way = log_out(client, identity_provider, browser, landing)

    query = parse_qs(urlsplit(way[1]).query)
    assert query["client_id"] == [f"familieportalen-{door}"]
    assert query["logout_hint"] == [subject]
    assert query["post_logout_redirect_uri"] == [f"{PORTAL}/logget-ud"]
    assert "id_token_hint" not in query
    # The portal's session is over, and nothing of the family is shown any more ...
    answer = client.get(landing)
    assert answer.status_code == 302 and "/log-ind" in answer.headers["Location"]
    assert family_data not in client.get("/logget-ud").get_data(as_text=True)
    with app.app_context():
        ended = db.session.scalars(select(LoginSession).where(LoginSession.ended_at.is_not(None)))
        assert all(row.logout_hint is None for row in ended)
        db.session.remove()
    # ... and so is the provider's: the next login asks who is there.
    assert not identity_provider.signed_in(browser)
    form = browser.get(start_login(client, door))
    assert form.status_code == 200 and "Authorize" in form.text


def test_pressing_log_out_twice_is_harmless(client, identity_provider):
    log_in(client, identity_provider, None, "citizen", "guardian-jensen-1")
    token = csrf_token(client)
    assert client.post("/log-ud", data={"csrf_token": token}).status_code == 303
    again = client.post("/log-ud", data={"csrf_token": token})  # no session any more
    assert again.status_code == 303 and again.headers["Location"] == "/logget-ud"
    assert client.get("/logget-ud").status_code == 200
    # Once the way has ended on the logged-out page, the page in between has nowhere to go.
    assert client.get("/logget-ud/fortsaet").headers["Location"] == "/logget-ud"


# --- No person number in clear at rest or in a URL ----------------------------------------------


def demo_person_numbers() -> set[str]:
    numbers = {g["person_number"] for f in people.FAMILIES for g in f["guardians"]}
    numbers |= {extra["person_number"] for extra in EXTRA_CITIZENS}
    return numbers | {f"{n[:6]}-{n[6:]}" for n in numbers}


BASE64_RUN = re.compile(r"[A-Za-z0-9_\-+/]{16,}={0,2}")
JWT = re.compile(r"[A-Za-z0-9_-]{8,}\.([A-Za-z0-9_-]{8,})\.[A-Za-z0-9_-]*")


def _b64decode(text: str) -> str:
    text = text.rstrip("=").replace("+", "-").replace("/", "_")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        return ""
    return raw.decode("utf-8", "replace")


def readings(value: str) -> list[str]:
    """The value as stored and as anyone could decode it: URL-unquoted, base64 runs decoded."""
    found = [value, unquote(value)]
    for text in list(found):
        found += [_b64decode(run) for run in BASE64_RUN.findall(text)]
    return found


def assert_no_person_number(value: str, where: str) -> None:
    numbers = demo_person_numbers()
    for reading in readings(value):
        leaked = [n for n in numbers if n in reading]
        assert not leaked, f"person number {leaked} in {where}: {value[:120]}"
    for payload in JWT.findall(unquote(value)):
        try:
            claims = json.loads(_b64decode(payload) or "null")
        except ValueError:
            continue
        assert not (isinstance(claims, dict) and CPR_CLAIM in claims), f"a JWT with CPR in {where}"


def assert_no_person_number_stored(app) -> None:
    """Every value of every table (its own app context: the clients must not share one)."""
    with app.app_context(), db.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for row in connection.execute(select(table)).mappings():
                for column, value in row.items():
                    if isinstance(value, bytes):
                        value = value.decode("utf-8", "replace")
                    if isinstance(value, str):
                        assert_no_person_number(value, f"{table.name}.{column}")


GUARDIANS = [
    guardian_subject(family["key"], index)
    for family in people.FAMILIES
    for index in range(len(family["guardians"]))
]


def test_no_person_number_at_rest_or_in_a_logout_url(app, identity_provider, single_sign_on):
    """Every demo guardian and two staff members log in; while their sessions are open and after
    they have logged out, no stored value and no URL of the whole way carries a person number."""
    logins = [("citizen", subject, "/overblik") for subject in GUARDIANS]
    logins += [
        ("staff", "staff-sara", "/medarbejder/"),
        ("staff", "staff-birgitte", "/medarbejder/"),
    ]
    browsers = []
    for door, subject, landing in logins:
        client, browser = app.test_client(), identity_provider.browser()
        for url in log_in(client, identity_provider, browser, door, subject):
            assert_no_person_number(url, f"a login URL of {subject}")
        browsers.append((client, browser, landing))
    assert_no_person_number_stored(app)  # sessions open

    for client, browser, landing in browsers:
        for url in log_out(client, identity_provider, browser, landing):
            assert_no_person_number(url, "a logout URL")
    assert_no_person_number_stored(app)  # sessions ended
