"""Credentials never travel in a URL: the API refuses them there (RFC 6750 section 2.3) without
repeating them, and no log line carries them."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

from tests.api.conftest import basic_auth

SECRET = "s3cr3t-t0ken-value"


def test_a_token_in_the_query_string_is_refused_without_repeating_it(buf):
    answer = buf.http.get(f"/api/v1/departments/buf/cases?access_token={SECRET}")
    assert answer.status_code == 400
    assert answer.mimetype == "application/problem+json"
    assert [e.get("parameter") for e in answer.json["errors"]] == ["access_token"]
    assert "Authorization header" in answer.json["detail"]
    assert 'error="invalid_request"' in answer.headers["WWW-Authenticate"]
    assert SECRET not in answer.get_data(as_text=True)


def test_a_real_token_in_the_query_string_is_refused_too(buf):
    answer = buf.http.get(
        "/api/v1/departments/buf/cases",
        query_string={"access_token": buf.token},
        headers={"Authorization": f"Bearer {buf.token}"},
    )
    assert answer.status_code == 400
    assert answer.json["errors"][0]["parameter"] == "access_token"
    assert buf.token not in answer.get_data(as_text=True)


def test_a_client_secret_in_the_query_string_is_an_oauth_error(buf):
    answer = buf.http.post(
        f"/api/oauth/token?client_secret={buf.secret}",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": basic_auth(buf.client_id, buf.secret)},
    )
    assert answer.status_code == 400
    assert answer.json["error"] == "invalid_request"
    assert buf.secret not in answer.get_data(as_text=True)


def test_the_access_log_never_holds_a_token_from_the_url(live_api, caplog):
    caplog.set_level(logging.INFO, logger="werkzeug")
    url = f"{live_api}/api/v1/departments/buf/cases?limit=5&access_token={SECRET}"
    try:
        urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as refused:
        assert refused.code == 400
    access_lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert any("/api/v1/departments/buf/cases" in line for line in access_lines)
    assert all(SECRET not in line for line in access_lines)
    assert any("access_token=[redacted]" in line for line in access_lines)
