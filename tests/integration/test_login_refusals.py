"""Whatever goes wrong in the OIDC flow, the user gets a clear page and no session, and the
attempt is in the audit log (by name as far as a checked token tells, never by person number)."""

import re
import uuid

import pytest
from sqlalchemy import func, select

from portal.models import AuditEntry, Department, LoginSession, StaffMember
from tests.conftest import csrf_token, login

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


def newest_audit_id(session) -> int:
    return session.scalar(select(func.max(AuditEntry.id))) or 0


def audit_since(session, after_id: int, action: str) -> list[AuditEntry]:
    session.expire_all()
    return session.scalars(
        select(AuditEntry)
        .where(AuditEntry.id > after_id, AuditEntry.action == action)
        .order_by(AuditEntry.id)
    ).all()


def assert_no_person_number(entries) -> None:
    for entry in entries:
        text = " ".join(str(v) for v in vars(entry).values() if isinstance(v, str))
        assert not re.search(r"\d{6}-?\d{4}", text), text


@pytest.mark.parametrize("mode", REFUSED_TOKENS)
def test_bad_id_tokens_are_refused(client, identity_provider, misbehaving, session, mode, caplog):
    before, last_audit = open_sessions(session), newest_audit_id(session)
    misbehaving(mode)
    response = login(client, identity_provider, "guardian-hansen-1")
    assert response.status_code == 400
    assert REFUSED_TOKENS[mode] in caplog.text
    assert "Vi kunne ikke logge dig ind" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    assert_no_session(client)
    # A token that failed its checks names nobody: its claims may be forged.
    [entry] = audit_since(session, last_audit, "login_refused")
    assert (entry.detail, entry.actor_name, entry.family_id) == (
        "citizen: protocol",
        "unknown",
        None,
    )
    assert audit_since(session, last_audit, "login") == []


def test_too_low_assurance_is_refused(client, identity_provider, session):
    before, last_audit = open_sessions(session), newest_audit_id(session)
    response = login(client, identity_provider, "citizen-low-assurance")
    assert response.status_code == 403
    assert "ikke sikkert nok" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    assert_no_session(client)
    [entry] = audit_since(session, last_audit, "login_refused")
    assert entry.detail == "citizen: assurance"
    assert entry.actor_name == "Mette Hansen (lav sikring)"  # the signed token's name claim
    assert entry.occurred_at is not None
    assert_no_person_number([entry])


def logins_since(session, after_id: int) -> list[AuditEntry]:
    return audit_since(session, after_id, "login")


def test_reused_state_is_refused(client, identity_provider, session):
    start = client.get("/log-ind/citizen")
    callback = identity_provider.approve(start.headers["Location"], "guardian-hansen-1")
    assert client.get(callback).status_code == 302
    client.post("/log-ud", data={"csrf_token": csrf_token(client)})
    assert_no_session(client)
    before, last_audit = open_sessions(session), newest_audit_id(session)
    second = client.get(callback)  # e.g. from the browser's history after logging out
    assert second.status_code == 400
    assert "Vi kunne ikke logge dig ind" in second.get_data(as_text=True)
    assert open_sessions(session) == before
    assert logins_since(session, last_audit) == []
    assert_no_session(client)


def test_reused_state_in_a_fresh_browser_is_refused(app, identity_provider, session):
    first, second = app.test_client(), app.test_client()
    start = first.get("/log-ind/citizen")
    callback = identity_provider.approve(start.headers["Location"], "guardian-hansen-1")
    before, last_audit = open_sessions(session), newest_audit_id(session)
    response = second.get(callback)  # state was never issued to this browser
    assert response.status_code == 400
    assert "Vi kunne ikke logge dig ind" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    assert logins_since(session, last_audit) == []
    assert_no_session(second)


def test_missing_state_is_refused(client, identity_provider, session):
    start = client.get("/log-ind/citizen")
    callback = identity_provider.approve(start.headers["Location"], "guardian-hansen-1")
    path, query = callback.split("?", 1)
    without_state = path + "?" + "&".join(p for p in query.split("&") if not p.startswith("state="))
    assert "code=" in without_state and "state=" not in without_state
    before, last_audit = open_sessions(session), newest_audit_id(session)
    response = client.get(without_state)
    assert response.status_code == 400
    assert "Vi kunne ikke logge dig ind" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    assert logins_since(session, last_audit) == []
    assert_no_session(client)


def test_provider_error_answer_is_refused(client, identity_provider):
    start = client.get("/log-ind/citizen")
    state = start.headers["Location"].split("state=")[1].split("&")[0]
    response = client.get(f"/log-ind/citizen/svar?error=access_denied&state={state}")
    assert response.status_code == 400
    assert "Vi kunne ikke logge dig ind" in response.get_data(as_text=True)


def test_citizen_who_is_no_guardian_gets_a_kind_page_and_no_session(
    client, identity_provider, session
):
    before, last_audit = open_sessions(session), newest_audit_id(session)
    response = login(client, identity_provider, "citizen-not-a-guardian")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Vi kan ikke finde en familie til dig" in html and "33 66 33 66" in html
    assert open_sessions(session) == before
    [entry] = audit_since(session, last_audit, "login_refused")
    assert (entry.detail, entry.actor_name) == ("citizen: not_a_guardian", "Peter Holm")
    assert entry.actor_role == "citizen" and entry.family_id is None
    assert_no_person_number([entry])


def test_unknown_staff_subject_is_refused(client, identity_provider, session):
    before, last_audit = open_sessions(session), newest_audit_id(session)
    response = login(client, identity_provider, "staff-unknown", door="staff")
    assert response.status_code == 403
    assert "Du er ikke registreret som medarbejder" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    [entry] = audit_since(session, last_audit, "login_refused")
    assert entry.actor_kind == "staff" and entry.actor_name == "Kim Vikar"
    assert entry.detail == "staff: not_staff (subject kk-demo:kim-vikar)"  # so IT can add them
    assert entry.actor_id is None


def test_inactive_staff_member_is_refused(client, identity_provider, session):
    key = uuid.uuid4().hex[:8]
    staff = StaffMember(
        subject=f"kk-demo:left-{key}",
        name="Tidligere Medarbejder",
        department=session.scalar(select(Department).filter_by(code="sof")),
        active=False,
    )
    session.add(staff)
    session.commit()
    claims = {"tid": "kk-demo", "oid": f"left-{key}", "name": "Tidligere Medarbejder"}
    identity_provider.add_user(f"staff-left-{key}", claims)
    before, last_audit = open_sessions(session), newest_audit_id(session)
    response = login(client, identity_provider, f"staff-left-{key}", door="staff")
    assert response.status_code == 403
    assert "Du er ikke registreret som medarbejder" in response.get_data(as_text=True)
    assert open_sessions(session) == before
    assert client.get("/medarbejder/").status_code == 302  # to login: not let in
    [entry] = audit_since(session, last_audit, "login_refused")
    assert entry.actor_id == staff.id and entry.actor_department == "sof"


def test_signing_key_rotation_is_followed(client, identity_provider):
    assert login(client, identity_provider, "guardian-jensen-1").status_code == 302
    identity_provider.rotate_key()
    other = client.application.test_client()
    assert login(other, identity_provider, "guardian-jensen-1").status_code == 302


def test_login_asks_for_pkce_state_and_nonce(client):
    location = client.get("/log-ind/citizen").headers["Location"]
    for parameter in ("code_challenge=", "code_challenge_method=S256", "state=", "nonce="):
        assert parameter in location


def cookie_value(client) -> str | None:
    cookie = client.get_cookie("session")
    return cookie.value if cookie else None


def assert_not_logged_in_with(app, cookie: str) -> None:
    replay = app.test_client()
    replay.set_cookie("session", cookie)
    assert "/log-ind" in replay.get("/overblik").headers["Location"]


def test_a_copy_of_the_pre_login_cookie_is_worthless_after_login(app, identity_provider):
    """Someone who copied the browser's cookie before the login (session fixation) gets nothing
    from it: the login issues a new random session token in a new cookie."""
    browser = app.test_client()
    start = browser.get("/log-ind/citizen")
    copied = cookie_value(browser)
    assert copied is not None  # the login's state already lives in it
    callback = identity_provider.approve(start.headers["Location"], "guardian-mohamed-1")
    assert browser.get(callback).status_code == 302
    assert cookie_value(browser) != copied
    assert "/familier/" in browser.get("/overblik").headers["Location"]
    assert_not_logged_in_with(app, copied)


def test_a_planted_logged_in_cookie_is_ended_by_login(app, identity_provider):
    """Even a valid session token planted in the browser (the attacker's own login) stops working
    when the victim logs in: the victim gets a new token and the planted one is ended."""
    attacker = app.test_client()
    login(attacker, identity_provider, "guardian-jensen-1")
    planted = cookie_value(attacker)
    assert "/familier/" in attacker.get("/overblik").headers["Location"]  # valid before

    victim = app.test_client()
    victim.set_cookie("session", planted)
    assert login(victim, identity_provider, "guardian-mohamed-1").status_code == 302
    assert cookie_value(victim) != planted
    assert "/familier/" in victim.get("/overblik").headers["Location"]
    assert_not_logged_in_with(app, planted)
    assert "/log-ind" in attacker.get("/overblik").headers["Location"]
