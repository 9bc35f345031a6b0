"""A guardian's private calendar subscription: an address with a secret in it, whose feed
(portal/feeds.py) always holds the meetings the guardian may see. Only the secret's SHA-256 is
kept; the address is shown once, when it is made. Making a new one stops the old one, and the
guardian can stop it at any time (docs/access.md, Calendar)."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select

from portal.models import CalendarFeed, Guardian
from portal.models.base import utcnow
from portal.records.errors import Forbidden
from portal.records.unit import UnitOfWork

# 32 random bytes: 43 URL-safe characters, nothing anyone can guess or count through.
TOKEN_BYTES = 32


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_feed(unit: UnitOfWork, guardian: Guardian) -> tuple[CalendarFeed, str]:
    """A new feed address for the guardian; any earlier one stops working at once. Returns the
    row and the secret, which is nowhere else: the caller shows it once and forgets it."""
    _guardian_only(unit)
    _lock(unit, guardian)
    stop_feeds(unit, guardian)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    feed = CalendarFeed(guardian=guardian, token_hash=token_hash(token), created_at=utcnow())
    unit.session.add(feed)
    unit.wrote(guardian.family_id, "calendar_feed", feed, f"{unit.door}: calendar feed made")
    return feed, token


def stop_feeds(unit: UnitOfWork, guardian: Guardian) -> int:
    """Stop every address the guardian has; returns how many were working."""
    _guardian_only(unit)
    working = unit.session.scalars(
        select(CalendarFeed).where(
            CalendarFeed.guardian_id == guardian.id, CalendarFeed.revoked_at.is_(None)
        )
    ).all()
    now = utcnow()
    for feed in working:
        feed.revoked_at = now
        unit.wrote(guardian.family_id, "calendar_feed", feed, f"{unit.door}: calendar feed stopped")
    return len(working)


def _guardian_only(unit: UnitOfWork) -> None:
    """A guardian's own choice (or the test and demo data's): no department's system or staff
    member makes or stops a family's calendar address."""
    if unit.actor.kind not in ("guardian", "system"):
        raise Forbidden("only the guardian makes or stops their calendar address")


def _lock(unit: UnitOfWork, guardian: Guardian) -> None:
    """Two "make a new address" at once (a double click) wait for each other on PostgreSQL, so
    the second stops the first one's address and one address stays working. (SQLite writes
    one transaction at a time anyway.)"""
    unit.session.execute(
        select(Guardian.id).where(Guardian.id == guardian.id).with_for_update()
    ).all()
