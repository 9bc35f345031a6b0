"""Meetings as iCalendar (RFC 5545): the file a guardian downloads for one meeting and the
private feed a calendar app subscribes to (portal/feeds.py).

Calendars sync to third-party clouds, so an entry says only "Møde — Familieportalen" (in the
guardian's language), the time and the link to the meeting's page in the portal: never the
child, the case, the meeting's title, place or agenda. Times are in UTC (Outlook mishandles
many VTIMEZONE forms). Each meeting keeps one UID, and its SEQUENCE (raised by
portal/records/meetings.py on every move and on cancellation) tells a calendar which version
is newer; a cancelled meeting stays in the file with STATUS:CANCELLED, so the calendar removes
or strikes it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from flask import current_app, request, url_for
from icalendar import Calendar, Event

from portal.models import Meeting

PRODUCT = "-//Familieportalen//Møder//DA"
MEDIA_TYPE = "text/calendar; charset=utf-8"
# How often a subscribed calendar should ask again (RFC 7986, and Outlook's older name).
REFRESH = timedelta(hours=1)


def public_base() -> str:
    """The portal's address as families know it: PUBLIC_URL, or this request's own."""
    return (current_app.config.get("PUBLIC_URL") or request.host_url).rstrip("/")


def public_url(endpoint: str, **values) -> str:
    return public_base() + url_for(endpoint, **values)


def uid_host() -> str:
    """The part after @ in each UID: the portal's host name, the same for file and feed."""
    return urlsplit(public_base()).hostname or request.host.split(":")[0]


def meeting_uid(meeting: Meeting, host: str) -> str:
    return f"meeting-{meeting.id}@{host}"


def meeting_page(meeting: Meeting) -> str:
    return public_url("family.meeting", family_id=meeting.family_id, meeting_id=meeting.id)


def calendar_of(
    meetings: Iterable[Meeting],
    *,
    summary: str,
    now: datetime,
    link: Callable[[Meeting], str] = meeting_page,
    feed_name: str | None = None,
) -> bytes:
    """The iCalendar text of these meetings; `feed_name` makes it a subscribed calendar's."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if feed_name:
        calendar.add("name", feed_name)
        calendar.add("x-wr-calname", feed_name)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH)
    host = uid_host()
    for meeting in meetings:
        calendar.add_component(_event(meeting, host, summary, now, link(meeting)))
    return calendar.to_ical()


def _event(meeting: Meeting, host: str, summary: str, now: datetime, link: str) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting, host))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", meeting.starts_at.astimezone(UTC))
    event.add("dtend", meeting.ends_at.astimezone(UTC))
    event.add("sequence", meeting.sequence or 0)
    event.add("status", "CANCELLED" if meeting.status == "cancelled" else "CONFIRMED")
    event.add("summary", summary)
    event.add("description", link)
    event.add("url", link)
    event.add("class", "PRIVATE")
    event.add("transp", "OPAQUE")
    return event
