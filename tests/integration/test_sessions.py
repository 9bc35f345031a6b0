"""Sessions end after idle time and after their absolute lifetime; login attempts are limited."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.models import LoginSession
from portal.models.base import utcnow
from tests.conftest import login, make_app


def newest_session(session) -> LoginSession:
    session.expire_all()
    return session.scalars(select(LoginSession).order_by(LoginSession.id.desc())).first()


def age(session, row: LoginSession, **fields) -> None:
    for name, delta in fields.items():
        setattr(row, name, utcnow() - delta)
    session.commit()


def test_idle_session_ends_and_the_next_page_says_why(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    assert client.get("/overblik").status_code == 302  # to the family page: logged in
    row = newest_session(session)
    age(session, row, last_seen_at=timedelta(minutes=21))
    response = client.get("/overblik")
    assert response.status_code == 302 and response.headers["Location"].endswith(
        "/session/udloebet"
    )
    session.refresh(row)
    assert row.end_reason == "idle"
    page = client.get("/session/udloebet").get_data(as_text=True)
    assert "Du er blevet logget ud" in page


def test_activity_keeps_the_session_alive(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    row = newest_session(session)
    age(session, row, last_seen_at=timedelta(minutes=19))
    assert client.get("/overblik").status_code == 302
    session.refresh(row)
    assert row.ended_at is None and utcnow() - row.last_seen_at < timedelta(minutes=1)


def test_stay_logged_in_from_the_warning(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    page = client.get("/overblik", follow_redirects=True).get_data(as_text=True)
    assert 'id="idle-warning"' in page
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    row = newest_session(session)
    age(session, row, last_seen_at=timedelta(minutes=19))
    response = client.post("/session/forny", data={"csrf_token": token, "next": "/overblik"})
    assert response.status_code == 303 and response.headers["Location"] == "/overblik"
    session.refresh(row)
    assert utcnow() - row.last_seen_at < timedelta(minutes=1)


def test_absolute_lifetime_ends_even_an_active_session(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    row = newest_session(session)
    age(session, row, created_at=timedelta(hours=8, minutes=1))
    assert client.get("/overblik").headers["Location"].endswith("/session/udloebet")
    session.refresh(row)
    assert row.end_reason == "expired"


def test_session_cookie_is_httponly_and_lax(client, identity_provider):
    response = login(client, identity_provider, "guardian-mohamed-1")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_cookie_is_secure_outside_development():
    from pathlib import Path

    from portal.config import from_environment

    strong = "x" * 40
    config = from_environment(
        {"PORTAL_ENV": "production", "SECRET_KEY": strong, "PERSON_NUMBER_KEY": strong},
        Path("/srv"),
    )
    assert config["SESSION_COOKIE_SECURE"] is True


@pytest.mark.parametrize("storage", ["memory", "redis"])
def test_login_starts_are_rate_limited(database_url, identity_provider, storage):
    overrides = {"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}
    if storage == "redis":
        import redis

        redis.Redis.from_url("redis://127.0.0.1:6379/15").flushdb()
        overrides["RATELIMIT_STORAGE_URI"] = "redis://127.0.0.1:6379/15"
    app = make_app(database_url, identity_provider.url, **overrides)
    client = app.test_client()
    codes = [client.get("/log-ind/citizen").status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]
    assert "For mange forsøg" in client.get("/log-ind/citizen").get_data(as_text=True)
    if storage == "redis":
        import redis

        assert redis.Redis.from_url("redis://127.0.0.1:6379/15").dbsize() > 0


def test_running_out_the_warning_ends_the_session_on_the_server(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    page = client.get("/overblik", follow_redirects=True).get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/session/afslut", data={"csrf_token": token})
    assert response.status_code == 303 and response.headers["Location"] == "/session/udloebet"
    assert newest_session(session).end_reason == "idle"
    assert "/log-ind" in client.get("/overblik").headers["Location"]
