"""A client that asks too often is told so in the format it reads, and when to come back: the
token endpoint the OAuth way, the rest of the API as a problem, both with Retry-After."""

from __future__ import annotations

import pytest
from werkzeug.exceptions import TooManyRequests

from portal.api.problems import from_http_exception
from portal.extensions import db
from tests.api.conftest import basic_auth
from tests.conftest import make_app


@pytest.fixture
def limited_app(app, api_database_url):
    """The API tests' app (`app` migrated its database) with a tight limit on tokens."""
    limited = make_app(api_database_url, RATELIMIT_ENABLED=True, API_TOKEN_RATE_LIMIT="2/minute")
    yield limited
    with limited.app_context():
        db.engine.dispose()


def ask_for_tokens(app, buf, times: int) -> list:
    client = app.test_client()
    return [
        client.post(
            "/api/oauth/token",
            data={"grant_type": "client_credentials"},
            headers={"Authorization": basic_auth(buf.client_id, buf.secret)},
        )
        for _ in range(times)
    ]


def test_too_many_token_requests_get_an_oauth_error_with_retry_after(limited_app, buf):
    answers = ask_for_tokens(limited_app, buf, 3)
    assert [a.status_code for a in answers] == [200, 200, 429]
    refused = answers[-1]
    assert refused.mimetype == "application/json"
    assert refused.json["error"] == "temporarily_unavailable"
    assert "too many" in refused.json["error_description"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["Cache-Control"] == "no-store"


def test_a_429_problem_has_its_own_type_and_retry_after(app):
    with app.test_request_context("/api/v1/departments/buf/cases"):
        answer = from_http_exception(TooManyRequests())
    problem = answer.get_json(force=True)
    assert answer.status_code == 429 and answer.mimetype == "application/problem+json"
    assert problem["type"] == "urn:familieportalen:problem:too-many-requests"
    assert problem["title"] == "Too many requests"
    assert int(answer.headers["Retry-After"]) >= 1
