"""Server-side login sessions: start (with a fresh cookie), keep alive, time out, end."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import Flask, current_app, g, request, session
from sqlalchemy import select

from portal.access import Viewer
from portal.extensions import db
from portal.models import LoginSession, StaffMember
from portal.models.base import utcnow

COOKIE_KEY = "login"
# Every response to a logged-in request tells the browser how long the server will wait now,
# so the idle warning's clock also restarts after htmx requests (portal.js reads it).
IDLE_HEADER = "X-Session-Idle-Seconds"
# Keep-alive writes are throttled, so a page with several requests costs one UPDATE at most.
TOUCH_EVERY = timedelta(seconds=30)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(
    *,
    kind: str,
    provider: str,
    name: str,
    logout_hint: str | None = None,
    person_number_hash: str | None = None,
    staff: StaffMember | None = None,
    assurance_level: str | None = None,
) -> LoginSession:
    """Begin a session. The old cookie's contents (and any earlier session) are dropped, so a
    session id planted before login is worthless afterwards."""
    end(reason="replaced")
    session.clear()
    token = secrets.token_urlsafe(32)
    row = LoginSession(
        token_hash=_hash(token),
        kind=kind,
        provider=provider,
        display_name=name,
        logout_hint=logout_hint,
        person_number_hash=person_number_hash,
        staff=staff,
        assurance_level=assurance_level,
    )
    db.session.add(row)
    session[COOKIE_KEY] = token
    session.permanent = True
    return row


def current() -> LoginSession | None:
    token = session.get(COOKIE_KEY)
    if not token:
        return None
    return db.session.scalar(
        select(LoginSession).where(
            LoginSession.token_hash == _hash(token), LoginSession.ended_at.is_(None)
        )
    )


def end(reason: str) -> LoginSession | None:
    """End the current session (if any) and forget it in the cookie; returns the ended row.
    What the provider knows the person by goes too: an ended session has no use for it."""
    row = current()
    if row is not None:
        row.ended_at = utcnow()
        row.end_reason = reason
        row.logout_hint = None
    session.pop(COOKIE_KEY, None)
    return row


def idle_limit() -> timedelta:
    return timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])


def max_age() -> timedelta:
    return timedelta(hours=current_app.config["SESSION_MAX_HOURS"])


def expiry_reason(row: LoginSession, now: datetime) -> str | None:
    if now - row.created_at > max_age():
        return "expired"
    if now - row.last_seen_at > idle_limit():
        return "idle"
    return None


def idle_seconds_left(row: LoginSession, now: datetime | None = None) -> int:
    """Whole seconds until the server ends this session for idleness, from the stored last-seen
    time (which is only written every TOUCH_EVERY), so the browser never counts past it."""
    left = idle_limit() - ((now or utcnow()) - row.last_seen_at)
    return max(int(left.total_seconds()), 0)


def keep_alive(row: LoginSession) -> None:
    row.last_seen_at = utcnow()  # committed with the request


def load_viewer() -> None:
    """Before each request: find the session, end it if it timed out, else note the activity."""
    g.viewer = None
    g.session_ended = None
    if request.endpoint in ("static", "ops.healthz", "ops.readyz") or COOKIE_KEY not in session:
        return
    row = current()
    if row is None:
        session.pop(COOKIE_KEY, None)
        return
    now = utcnow()
    reason = expiry_reason(row, now)
    if reason:
        end(reason)  # committed with the request
        g.session_ended = reason
        return
    if now - row.last_seen_at > TOUCH_EVERY:
        row.last_seen_at = now
    g.login_session = row
    g.viewer = Viewer(
        kind=row.kind,
        name=row.display_name,
        person_number_hash=row.person_number_hash,
        staff=row.staff,
    )


def idle_header(response):
    row = g.get("login_session")
    if row is not None and row.ended_at is None:
        response.headers[IDLE_HEADER] = str(idle_seconds_left(row))
    return response


def init_app(app: Flask) -> None:
    app.permanent_session_lifetime = timedelta(hours=app.config["SESSION_MAX_HOURS"])
    app.before_request(load_viewer)
    app.after_request(idle_header)
    app.jinja_env.globals["idle_seconds_left"] = page_idle_seconds


def page_idle_seconds() -> int:
    """For the idle warning on a page: the server's seconds left for this request's session."""
    row = g.get("login_session")
    return idle_seconds_left(row) if row is not None else int(idle_limit().total_seconds())
