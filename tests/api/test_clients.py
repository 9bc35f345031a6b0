"""Clients and tokens: OAuth 2.0 client credentials, hashed secrets and tokens, expiry and
revocation."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from sqlalchemy import select, update

from portal.extensions import db
from portal.models import ApiClient, ApiToken
from portal.models.base import utcnow
from tests.api.conftest import ApiUser, basic_auth, make_api_user, unique

PROBLEM = "application/problem+json"


def test_cli_creates_lists_and_revokes_a_client(app, runner):
    name = unique("BUF sagssystem")
    created = runner.invoke(args=["api-client", "create", "--name", name, "--department", "buf"])
    assert created.exit_code == 0, created.output
    printed = json.loads(created.output)
    assert set(printed) == {"client_id", "client_secret", "department", "scopes"}
    assert printed["department"] == "buf" and "cases:write" in printed["scopes"]

    listed = runner.invoke(args=["api-client", "list"])
    assert listed.exit_code == 0
    assert printed["client_secret"] not in listed.output
    (mine,) = [c for c in json.loads(listed.output) if c["client_id"] == printed["client_id"]]
    assert mine["name"] == name and mine["revoked_at"] is None

    user = ApiUser(app, "buf", printed["client_id"], printed["client_secret"])
    assert user.get("/families").status_code == 200
    revoked = runner.invoke(args=["api-client", "revoke", printed["client_id"]])
    assert revoked.exit_code == 0
    assert user.get("/families").status_code == 401, "a revoked client's token is refused"
    again = user.http.post(
        "/api/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": basic_auth(user.client_id, user.secret)},
    )
    assert again.status_code in (400, 401) and again.json["error"] == "invalid_client"


def test_cli_refuses_an_unknown_department_or_scope(runner):
    wrong = runner.invoke(args=["api-client", "create", "--name", "x", "--department", "abc"])
    assert wrong.exit_code != 0
    scope = ["api-client", "create", "--name", "x", "--department", "sof", "--scope", "admin"]
    assert runner.invoke(args=scope).exit_code != 0
    assert runner.invoke(args=["api-client", "revoke", "no-such-client"]).exit_code != 0


def test_secret_and_token_are_stored_only_as_hashes(app):
    user = make_api_user(app, "sof")
    with app.app_context():
        client = db.session.scalar(select(ApiClient).filter_by(client_id=user.client_id))
        assert user.secret not in client.secret_hash and client.secret_hash.startswith("scrypt:")
        tokens = db.session.scalars(select(ApiToken).filter_by(api_client_id=client.id)).all()
        assert [t.token_hash for t in tokens] == [hashlib.sha256(user.token.encode()).hexdigest()]
        db.session.remove()


def test_a_token_lives_fifteen_minutes_and_carries_scopes(app):
    user = make_api_user(app, "buf", ["read", "cases:write"])
    answer = user.http.post(
        "/api/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": basic_auth(user.client_id, user.secret)},
    )
    assert answer.status_code == 200
    assert answer.json["expires_in"] == 15 * 60
    assert answer.json["token_type"] == "Bearer"
    assert answer.json["scope"].split() == ["read", "cases:write"]
    assert answer.headers["Cache-Control"] == "no-store"


def test_a_client_cannot_ask_for_more_scopes_than_it_has(app):
    user = make_api_user(app, "buf", ["read"])
    answer = user.http.post(
        "/api/oauth/token",
        data={"grant_type": "client_credentials", "scope": "cases:write"},
        headers={"Authorization": basic_auth(user.client_id, user.secret)},
    )
    assert answer.status_code == 400 and answer.json["error"] == "invalid_scope"


def test_a_wrong_secret_gets_no_token(app, buf):
    answer = buf.http.post(
        "/api/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": basic_auth(buf.client_id, "not-the-secret")},
    )
    assert answer.status_code == 401 and answer.json["error"] == "invalid_client"


def test_secrets_in_the_form_body_are_not_accepted(app, buf):
    answer = buf.http.post(
        "/api/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": buf.client_id,
            "client_secret": buf.secret,
        },
    )
    assert answer.status_code in (400, 401) and answer.json["error"] == "invalid_client"


def test_an_expired_token_is_refused(app):
    user = make_api_user(app, "buf")
    assert user.get("/families").status_code == 200
    with app.app_context():
        db.session.execute(
            update(ApiToken)
            .where(ApiToken.token_hash == hashlib.sha256(user.token.encode()).hexdigest())
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()
        db.session.remove()
    answer = user.get("/families")
    assert answer.status_code == 401
    assert answer.mimetype == PROBLEM
    assert "Bearer" in answer.headers["WWW-Authenticate"].title()


def test_a_missing_or_unknown_token_is_refused_with_a_problem(app, buf):
    anonymous = buf.http.get("/api/v1/families")
    assert anonymous.status_code == 401 and anonymous.mimetype == PROBLEM
    assert anonymous.json["status"] == 401 and anonymous.json["title"]
    forged = buf.http.get("/api/v1/families", headers={"Authorization": "Bearer forged"})
    assert forged.status_code == 401 and forged.mimetype == PROBLEM
    write = buf.http.put("/api/v1/families/x", json={}, headers={"Idempotency-Key": "k"})
    assert write.status_code == 401


def test_a_token_without_the_scope_is_refused(app):
    reader = make_api_user(app, "buf", ["read"])
    answer = reader.put(f"/families/{unique()}", {"display_name": "x"})
    assert answer.status_code == 403 and answer.mimetype == PROBLEM
    assert "families:write" in answer.json["detail"]
