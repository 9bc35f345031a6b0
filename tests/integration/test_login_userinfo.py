"""Claims that only the UserInfo endpoint gives (the OIDC default for the code flow), a UserInfo
answer about someone else, a UserInfo endpoint that fails, and a login without any assurance
level: against the bundled provider over HTTP."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets

import httpx
import pytest
from sqlalchemy import func, select

from portal.demo.identities import CPR_CLAIM, LOA_CLAIM
from portal.models import AuditEntry, LoginSession
from tests.conftest import login


@pytest.fixture
def claims_at_userinfo(identity_provider):
    """Switch the provider to keeping the profile claims at UserInfo, for one test."""

    def switch(on: bool = True) -> None:
        identity_provider.claims_at_userinfo = on

    with identity_provider.switched(claims_at_userinfo=False):
        yield switch


def in_english(client):
    client.set_cookie("portal_lang", "en")
    return client


def newest_audit_id(session) -> int:
    return session.scalar(select(func.max(AuditEntry.id))) or 0


def refusals_since(session, after_id: int) -> list[str]:
    session.expire_all()
    return session.scalars(
        select(AuditEntry.detail).where(
            AuditEntry.id > after_id, AuditEntry.action == "login_refused"
        )
    ).all()


def open_sessions(session) -> int:
    session.expire_all()
    return session.scalar(
        select(func.count()).select_from(LoginSession).where(LoginSession.ended_at.is_(None))
    )


def id_token_claims(id_token: str) -> dict:
    payload = id_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def code_flow(provider, subject: str) -> dict:
    """The provider's answers to a client of our own: the token response and UserInfo."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    redirect_uri = "http://client.invalid/callback"
    params = {
        "response_type": "code",
        "client_id": "probe",
        "redirect_uri": redirect_uri,
        "scope": "openid profile",
        "nonce": secrets.token_urlsafe(8),
        "state": "s",
        "code_challenge": challenge.rstrip(b"=").decode(),
        "code_challenge_method": "S256",
    }
    authorize = str(httpx.URL(f"{provider.url}/oauth2/authorize", params=params))
    code = httpx.URL(provider.approve(authorize, subject)).params["code"]
    token = httpx.post(
        f"{provider.url}/oauth2/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "code_verifier": verifier,
        },
        auth=("probe", "secret"),
    ).json()
    userinfo = httpx.get(
        f"{provider.url}/userinfo", headers={"Authorization": f"Bearer {token['access_token']}"}
    ).json()
    return {"id_token": id_token_claims(token["id_token"]), "userinfo": userinfo}


def test_the_provider_can_keep_the_profile_claims_at_userinfo(
    identity_provider, claims_at_userinfo
):
    claims_at_userinfo()
    answers = code_flow(identity_provider, "guardian-hansen-1")
    assert answers["id_token"]["sub"] == "guardian-hansen-1"
    assert not {"name", CPR_CLAIM, LOA_CLAIM} & set(answers["id_token"])
    assert answers["userinfo"]["sub"] == "guardian-hansen-1"
    assert answers["userinfo"][LOA_CLAIM] == "Substantial" and "name" in answers["userinfo"]


def test_a_citizen_with_claims_only_at_userinfo_sees_their_family(
    client, identity_provider, claims_at_userinfo, session
):
    claims_at_userinfo()
    before = open_sessions(session)
    answer = login(client, identity_provider, "guardian-hansen-1")
    assert answer.status_code == 302 and answer.headers["Location"] == "/overblik"
    page = client.get("/overblik", follow_redirects=True)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "/familier/" in page.request.path
    assert "Oliver Hansen" in html
    assert open_sessions(session) == before + 1
    newest = select(LoginSession).order_by(LoginSession.id.desc())
    assert session.scalars(newest).first().assurance_level == "Substantial"  # from UserInfo


def test_staff_with_claims_only_at_userinfo_see_their_caseload(
    client, identity_provider, claims_at_userinfo
):
    claims_at_userinfo()
    answer = login(client, identity_provider, "staff-sara", door="staff")
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/medarbejder/")
    html = client.get("/medarbejder/").get_data(as_text=True)
    assert "Familien Hansen" in html and "Familien Kowalski" not in html


@pytest.mark.parametrize("door", ["citizen", "staff"])
@pytest.mark.parametrize("where", ["id-token", "userinfo"])  # where the profile claims are
def test_userinfo_about_another_subject_is_refused(
    client, identity_provider, misbehaving, claims_at_userinfo, session, door, where, caplog
):
    claims_at_userinfo(where == "userinfo")
    misbehaving("userinfo_other_subject")
    subject = "guardian-hansen-1" if door == "citizen" else "staff-sara"
    before, last_audit = open_sessions(session), newest_audit_id(session)
    answer = login(in_english(client), identity_provider, subject, door=door)
    assert answer.status_code == 400
    assert "We could not log you in" in answer.get_data(as_text=True)
    assert open_sessions(session) == before
    assert refusals_since(session, last_audit) == [f"{door}: userinfo_subject"]
    assert "UserInfo subject differs" in caplog.text
    assert "/log-ind" in client.get("/overblik").headers["Location"]


def test_userinfo_failing_is_the_login_service_not_answering(
    client, identity_provider, misbehaving, session
):
    misbehaving("userinfo_error")
    last_audit = newest_audit_id(session)
    answer = login(in_english(client), identity_provider, "guardian-hansen-1")
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "120"
    assert "The login service is not answering" in answer.get_data(as_text=True)
    assert refusals_since(session, last_audit) == ["citizen: unavailable"]


@pytest.mark.parametrize("where", ["id-token", "userinfo"])
def test_a_login_without_any_assurance_level_is_told_so(
    client, identity_provider, claims_at_userinfo, session, where
):
    identity_provider.add_user(
        "citizen-no-assurance",
        {"name": "Mette Hansen", CPR_CLAIM: "1203824412"},  # a real guardian, but no LOA claim
    )
    claims_at_userinfo(where == "userinfo")
    before, last_audit = open_sessions(session), newest_audit_id(session)
    answer = login(in_english(client), identity_provider, "citizen-no-assurance")
    html = answer.get_data(as_text=True)
    assert answer.status_code == 403
    assert "<h1>We did not get your MitID level</h1>" in html
    assert "not secure enough" not in html
    assert open_sessions(session) == before
    assert refusals_since(session, last_audit) == ["citizen: assurance_missing"]
