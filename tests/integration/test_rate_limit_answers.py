"""A person refused by the login rate limit is told, also in the Retry-After header, when to
try again."""

from __future__ import annotations


def test_the_login_rate_limit_page_says_when_to_come_back(make_other_app):
    client = make_other_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="1 per minute").test_client()
    assert client.get("/log-ind/citizen").status_code == 302
    refused = client.get("/log-ind/citizen")
    assert refused.status_code == 429
    assert "For mange forsøg" in refused.get_data(as_text=True)
    assert 1 <= int(refused.headers["Retry-After"]) <= 60


def test_the_callbacks_rate_limit_page_says_when_to_come_back(make_other_app):
    client = make_other_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="1 per hour").test_client()
    client.get("/log-ind/staff/svar?code=x&state=y")
    refused = client.get("/log-ind/staff/svar?code=x&state=y")
    assert refused.status_code == 429
    assert 60 < int(refused.headers["Retry-After"]) <= 3600
