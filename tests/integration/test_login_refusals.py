"""Whatever goes wrong in the OIDC flow, the user gets a clear page and no session."""

import pytest
from sqlalchemy import func, select

from portal.models import LoginSession
from tests.conftest import login

# Each bad token, and the check that must catch it (as logged for the operator).
REFUSED_TOKENS = {
    "unsigned": "UnsupportedAlgorithmError",
    "tampered": "BadSignatureError",
    "foreign_key": "BadSignatureError",
    "wrong_nonce": "'nonce'",
    "wrong_issuer": "'iss'",
    "wrong_audience": "'aud'",
    "wrong_audience_with_azp": "'aud'",
    "expired": "ExpiredTokenError",
}


def open_sessions(session) -> int:
    session.expire_all()
    return session.scalar(
        select(func.count()).select_from(LoginSession).where(LoginSession.ended_at.is_(None))
    )


def assert_no_session(client) -> None:
    response = client.get("/overblik")
    assert response.status_code == 302 and "/log-ind" in response.headers["Location"]


@pytest.mark.parametrize("mode", REFUSED_TOKENS)
def test_bad_id_tokens_are_refused(client, identity_provider, misbehaving, session, mode, caplog):
    before = open_sessions(session)
    misbehaving(mode)
    response = login(client, identity_provider, "guardian-hansen-1")
    assert response.status_code == 400
    assert REFUSED_TOKENS[mode] in caplog.text
    assert "Vi kunne ikke logge dig ind" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    assert_no_session(client)


def test_too_low_assurance_is_refused(client, identity_provider, session):
    before = open_sessions(session)
    response = login(client, identity_provider, "citizen-low-assurance")
    assert response.status_code == 403
    assert "ikke sikkert nok" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    assert_no_session(client)


def test_reused_state_is_refused(client, identity_provider, session):
    start = client.get("/log-ind/citizen")
    callback = identity_provider.approve(start.headers["Location"], "guardian-hansen-1")
    assert client.get(callback).status_code == 302
    client.post("/log-ud", data={"csrf_token": "x"})  # CSRF refused: session stays, that is fine
    second = client.get(callback)
    assert second.status_code == 400


def test_reused_state_in_a_fresh_browser_is_refused(app, identity_provider, session):
    first, second = app.test_client(), app.test_client()
    start = first.get("/log-ind/citizen")
    callback = identity_provider.approve(start.headers["Location"], "guardian-hansen-1")
    before = open_sessions(session)
    assert second.get(callback).status_code == 400  # state was never issued to this browser
    assert open_sessions(session) == before


def test_missing_state_is_refused(client, identity_provider, session):
    start = client.get("/log-ind/citizen")
    callback = identity_provider.approve(start.headers["Location"], "guardian-hansen-1")
    without_state = "&".join(p for p in callback.split("&") if not p.startswith("state="))
    before = open_sessions(session)
    assert client.get(without_state.replace("?state=", "?x=")).status_code == 400
    assert open_sessions(session) == before


def test_provider_error_answer_is_refused(client, identity_provider):
    start = client.get("/log-ind/citizen")
    state = start.headers["Location"].split("state=")[1].split("&")[0]
    response = client.get(f"/log-ind/citizen/svar?error=access_denied&state={state}")
    assert response.status_code == 400


def test_citizen_who_is_no_guardian_gets_a_kind_page_and_no_session(
    client, identity_provider, session
):
    before = open_sessions(session)
    response = login(client, identity_provider, "citizen-not-a-guardian")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Vi kan ikke finde en familie til dig" in html and "33 66 33 66" in html
    assert open_sessions(session) == before


def test_unknown_staff_subject_is_refused(client, identity_provider):
    response = login(client, identity_provider, "staff-unknown", door="staff")
    assert response.status_code == 403


def test_signing_key_rotation_is_followed(client, identity_provider):
    assert login(client, identity_provider, "guardian-jensen-1").status_code == 302
    identity_provider.rotate_key()
    other = client.application.test_client()
    assert login(other, identity_provider, "guardian-jensen-1").status_code == 302


def test_login_asks_for_pkce_state_and_nonce(client):
    location = client.get("/log-ind/citizen").headers["Location"]
    for parameter in ("code_challenge=", "code_challenge_method=S256", "state=", "nonce="):
        assert parameter in location


def test_session_id_changes_at_login(client, identity_provider):
    client.get("/")  # an anonymous visit first
    before = client.get_cookie("session")
    login(client, identity_provider, "guardian-jensen-1")
    after = client.get_cookie("session")
    assert after is not None and (before is None or before.value != after.value)
