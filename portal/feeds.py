"""The private calendar feed, outside the login: a calendar app (on a phone, or Google's,
Apple's or Microsoft's servers) asks for `/kalender/<secret>.ics` without a session, and gets
the meetings the guardian behind the secret may see now (docs/access.md, Calendar). An
unknown and a stopped secret get the same 404. The secret never reaches a log
(portal/log_redaction.py) or the database (only its SHA-256, portal/records/calendar_feeds.py).
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, abort, current_app
from flask_babel import force_locale, gettext

from portal.access import Viewer, calendar_feed_access
from portal.audit import record
from portal.calendar import MEDIA_TYPE, calendar_of
from portal.extensions import limiter
from portal.models.base import utcnow
from portal.reads.meetings import calendar_meetings, feed_for_token

bp = Blueprint("feeds", __name__)

# What `secrets.token_urlsafe(32)` makes; anything else is answered 404 without a look-up.
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
FEED_RATE_LIMIT = "60 per minute"


def feed_rate_limit() -> str:
    return current_app.config.get("CALENDAR_FEED_RATE_LIMIT", FEED_RATE_LIMIT)


@bp.get("/kalender/<token>.ics")
@limiter.limit(feed_rate_limit)
def calendar_feed(token: str):
    feed = feed_for_token(token) if TOKEN.fullmatch(token) else None
    if feed is None:
        abort(404)
    guardian = feed.guardian
    access = calendar_feed_access(guardian)
    now = utcnow()
    meetings = calendar_meetings(access, now)
    # Whoever holds the address reads the family's meeting times: the look is logged like
    # any other read of family data, as the guardian's (the secret is not written down).
    record(
        Viewer(kind="guardian", name=guardian.name),
        "read",
        family_id=guardian.family_id,
        object_type="calendar_feed",
        object_id=feed.id,
        detail="calendar feed",
    )
    with force_locale(guardian.preferred_language or "da"):
        body = calendar_of(
            meetings,
            summary=gettext("Meeting — Familieportalen"),
            now=now,
            feed_name=gettext("Familieportalen"),
        )
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Type"] = MEDIA_TYPE
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["Content-Disposition"] = 'inline; filename="familieportalen.ics"'
    return response
