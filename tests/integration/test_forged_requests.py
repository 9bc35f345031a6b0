"""Forged form posts: every state-changing route of the portal outside the API,
taken from app.url_map and filled with the real ids of a family's rows, is sent by a logged-in
parent and by a logged-in contact person without a CSRF token, with a wrong one, and with a
valid token of another session. Every one is refused with the portal's "the form has expired"
page (400), and nothing is written: no table gains or loses a row and no row changes.

CSRF is checked before the login session is even loaded, so a refusal writes no audit entry
and touches no session: every table is compared, the audit log and login sessions included.
"""

from __future__ import annotations

import secrets
from collections import Counter

import pytest
from flask_babel import force_locale, gettext
from itsdangerous import URLSafeTimedSerializer

from tests.conftest import csrf_token, login
from tests.database_state import row_counts, table_digests
from tests.route_walk import Call, demo_family_rows, portal_calls

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
# The walk must reach at least this many routes (there are 32 today), so it cannot pass empty.
MINIMUM_ROUTES = 30

# viewer -> (subject, login door, the same door's other user, whose session lends a token)
VIEWERS = {
    "parent": ("guardian-hansen-1", "citizen", "guardian-jensen-1"),
    "contact person": ("staff-sara", "staff", "staff-henrik"),
}
FORGERIES = (
    "no token",
    "a made-up token",
    "a token signed with another key",
    "another user's token",
    "the same user's token from another login",
    "another user's token in the X-CSRFToken header",
)


def state_changing_endpoints(app) -> set[str]:
    return {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.methods & STATE_CHANGING and not rule.rule.startswith("/api/")
    }


@pytest.fixture(scope="module")
def calls(app) -> list[Call]:
    rows = demo_family_rows(app, offer_code=True)
    doors = set(app.blueprints) - {"api"}
    return [c for c in portal_calls(app, rows, doors=doors) if c.method in STATE_CHANGING]


def logged_in(app, identity_provider, subject: str, door: str):
    client = app.test_client()
    assert login(client, identity_provider, subject, door=door).status_code == 302
    return client


def renews(client, token: str) -> bool:
    """Whether the session takes this token: "stay logged in" answers JSON when asked to."""
    answer = client.post(
        "/session/forny", data={"csrf_token": token}, headers={"Accept": "application/json"}
    )
    return answer.status_code == 200 and answer.json["logged_in"] is True


def forged(kind: str, tokens: dict[str, str]) -> tuple[dict, dict]:
    """(form data, headers) of one forgery."""
    if kind == "no token":
        return {}, {}
    if kind == "a made-up token":
        return {"csrf_token": secrets.token_urlsafe(40)}, {}
    if kind == "a token signed with another key":
        # Well-formed, as Flask-WTF makes them, but not with the portal's secret key.
        signer = URLSafeTimedSerializer(secrets.token_hex(32), salt="wtf-csrf-token")
        return {"csrf_token": signer.dumps(secrets.token_hex(20))}, {}
    if kind == "another user's token":
        return {"csrf_token": tokens["other user"]}, {}
    if kind == "the same user's token from another login":
        return {"csrf_token": tokens["other login"]}, {}
    if kind == "another user's token in the X-CSRFToken header":
        return {}, {"X-CSRFToken": tokens["other user"]}
    raise AssertionError(kind)


@pytest.mark.parametrize("viewer", VIEWERS)
def test_forged_form_posts_are_refused_and_write_nothing(app, identity_provider, calls, viewer):
    subject, door, other_subject = VIEWERS[viewer]
    client = logged_in(app, identity_provider, subject, door)
    own_token = csrf_token(client, "/")
    lenders = {
        "other user": logged_in(app, identity_provider, other_subject, door),
        "other login": logged_in(app, identity_provider, subject, door),
    }
    tokens = {name: csrf_token(lender, "/") for name, lender in lenders.items()}
    # The borrowed tokens are real ones, each good in its own session, and not this session's.
    assert own_token not in tokens.values() and len(set(tokens.values())) == 2
    for name, lender in lenders.items():
        assert renews(lender, tokens[name]), name
    with app.test_request_context(), force_locale("da"):
        expired_heading = gettext("The form has expired")

    walked = {c.endpoint for c in calls}
    missing = state_changing_endpoints(app) - walked
    assert not missing, f"state-changing routes the walk did not reach: {sorted(missing)}"
    assert len(walked) >= MINIMUM_ROUTES, sorted(walked)

    digests = table_digests(app)
    counts = row_counts(app)
    problems = []
    refused = Counter()
    for call in calls:
        for kind in FORGERIES:
            data, headers = forged(kind, tokens)
            response = client.open(call.url, method=call.method, data=data, headers=headers)
            where = f"{call.method} {call.url} with {kind}"
            page = response.get_data(as_text=True)
            if response.status_code != 400 or expired_heading not in page:
                problems.append(f"{where}: {response.status_code}, not the expired-form page")
            else:
                refused[kind] += 1
            now = row_counts(app)
            if now != counts:
                changed = {t: (counts[t], now[t]) for t in now if now[t] != counts[t]}
                problems.append(f"{where} changed row counts: {changed}")
                counts = now
    after = table_digests(app)
    problems += [f"rows of {t} changed" for t in digests if after[t] != digests[t]]
    assert not problems, f"{viewer}:\n" + "\n".join(problems)
    assert sum(refused.values()) == len(calls) * len(FORGERIES)

    # The refused logout and "end session" posts ended nothing: the viewer is still logged in,
    # and the viewer's own token still works, so the refusals were about the token alone.
    home = client.get("/overblik" if door == "citizen" else "/medarbejder/", follow_redirects=True)
    assert home.status_code == 200 and not home.request.path.startswith("/log-ind")
    assert renews(client, own_token)
