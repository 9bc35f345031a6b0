"""Sessions end after idle time and after their absolute lifetime; login attempts are limited."""

import os
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.auth.sessions import IDLE_HEADER
from portal.models import LoginSession
from portal.models.base import utcnow
from tests.conftest import csrf_token, login, make_app

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


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


def test_session_cookie_is_secure_httponly_and_lax(client, identity_provider, app):
    assert app.config["PORTAL_ENV"] == "test" and app.config["SESSION_COOKIE_SECURE"] is True
    response = login(client, identity_provider, "guardian-mohamed-1")
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")}
    assert "secure" in flags and "httponly" in flags
    assert flags["samesite"] == "SameSite=Lax"


def redis_or_skip():
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"Redis not reachable at TEST_REDIS_URL={TEST_REDIS_URL} ({error})")
    return client


@pytest.mark.parametrize("storage", ["memory", "redis"])
def test_login_starts_are_rate_limited(database_url, identity_provider, storage):
    overrides = {"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}
    if storage == "redis":
        redis_client = redis_or_skip()
        redis_client.flushdb()
        overrides["RATELIMIT_STORAGE_URI"] = TEST_REDIS_URL
    app = make_app(database_url, identity_provider.url, **overrides)
    client = app.test_client()
    codes = [client.get("/log-ind/citizen").status_code for _ in range(4)]
    assert codes == [302, 302, 302, 429]
    assert "For mange forsøg" in client.get("/log-ind/citizen").get_data(as_text=True)
    if storage == "redis":
        assert redis_client.dbsize() > 0


def test_login_callbacks_are_rate_limited(make_other_app):
    client = make_other_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="2 per minute").test_client()
    codes = [client.get("/log-ind/citizen/svar?code=x&state=y").status_code for _ in range(3)]
    assert codes == [400, 400, 429]
    page = client.get("/log-ind/staff/svar?code=x&state=y")
    assert page.status_code == 429 and "For mange forsøg" in page.get_data(as_text=True)


def test_an_app_with_limits_does_not_switch_them_on_for_another(make_other_app, client):
    """Flask-Limiter has one switch per process; each app must still follow its own config."""
    limited = make_other_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="1 per minute").test_client()
    assert [limited.get("/log-ind/citizen").status_code for _ in range(2)] == [302, 429]
    assert {client.get("/log-ind/citizen").status_code for _ in range(40)} == {302}


def idle_seconds_on(html: str) -> int:
    return int(re.search(r'id="idle-warning"[^>]*data-idle-seconds="(\d+)"', html, re.S).group(1))


def test_the_page_counts_from_the_servers_last_seen_time(client, identity_provider, session):
    """The server writes activity only every 30 s; the page must carry the time the server will
    really wait, not a fresh 20 minutes, or the browser would warn too late."""
    login(client, identity_provider, "guardian-mohamed-1")
    row = newest_session(session)
    age(session, row, last_seen_at=timedelta(seconds=25))  # recent: not written again
    response = client.get("/overblik", follow_redirects=True)
    shown = idle_seconds_on(response.get_data(as_text=True))
    assert 20 * 60 - 27 <= shown <= 20 * 60 - 25
    assert abs(int(response.headers[IDLE_HEADER]) - shown) <= 1


def test_htmx_answers_carry_the_servers_idle_clock(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    row = newest_session(session)
    age(session, row, last_seen_at=timedelta(minutes=5))  # old enough to count as activity now
    family_page = client.get("/overblik").headers["Location"]
    response = client.get(family_page, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert int(response.headers[IDLE_HEADER]) >= 20 * 60 - 2  # the request counted as activity


def test_keep_alive_answers_json_with_the_new_deadline(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    token = csrf_token(client)
    row = newest_session(session)
    age(session, row, last_seen_at=timedelta(seconds=25))
    response = client.post(
        "/session/forny", data={"csrf_token": token}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.get_json()["idle_seconds"] >= 20 * 60 - 1
    assert int(response.headers[IDLE_HEADER]) >= 20 * 60 - 1
    session.refresh(row)
    assert utcnow() - row.last_seen_at < timedelta(seconds=5)


def test_keep_alive_after_the_session_ended_is_not_a_success(client, identity_provider, session):
    """ "Stay logged in" pressed too late: the answer must say so, not redirect to a 200 page."""
    login(client, identity_provider, "guardian-mohamed-1")
    token = csrf_token(client)
    age(session, newest_session(session), last_seen_at=timedelta(minutes=21))
    response = client.post(
        "/session/forny", data={"csrf_token": token}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 401
    assert response.get_json() == {"logged_in": False, "location": "/session/udloebet"}
    assert IDLE_HEADER not in response.headers
    # Without JavaScript the same form leads to the page that explains the logout.
    plain = client.post("/session/forny", data={"csrf_token": token})
    assert plain.status_code == 303 and plain.headers["Location"] == "/session/udloebet"


def test_running_out_the_warning_ends_the_session_on_the_server(client, identity_provider, session):
    login(client, identity_provider, "guardian-mohamed-1")
    page = client.get("/overblik", follow_redirects=True).get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/session/afslut", data={"csrf_token": token})
    assert response.status_code == 303 and response.headers["Location"] == "/session/udloebet"
    assert newest_session(session).end_reason == "idle"
    assert "/log-ind" in client.get("/overblik").headers["Location"]
