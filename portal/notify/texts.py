"""What a family reads in an e-mail or SMS: that there is news and where to read it, or for a
meeting just the time ("Du har et møde i morgen kl. 10.00. Se mere i Familieportalen.").

`compose` is given `Item`s, which hold a kind and, for meetings, a time — nothing else can be
handed to it, so no child's name, case type, department unit, diagnosis or staff text can end
up in a message. One item gives its own sentence; several give a digest ("3 nye ting i
Familieportalen") with a line per kind of news and per meeting. The texts come from the same
catalogues as the pages (msgids in English; Danish, English and Arabic).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel import dates
from flask import Flask, has_app_context
from flask_babel import force_locale, gettext, ngettext
from markupsafe import Markup

from portal.i18n import FORMAT_LOCALES, RTL_LANGUAGES
from portal.models.base import LANGUAGES
from portal.notify import sms_length

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

STAGE_STARTED = "stage_started"
DECISION_MADE = "decision_made"
OFFER_DECIDED = "offer_decided"
UPDATE_POSTED = "update_posted"
MESSAGE_ANSWERED = "message_answered"
CONTACT_PERSON_CHANGED = "contact_person_changed"
MEETING_PLANNED = "meeting_planned"
MEETING_MOVED = "meeting_moved"
MEETING_CANCELLED = "meeting_cancelled"
MEETING_REMINDER = "meeting_reminder"
NEWS_KINDS = (
    STAGE_STARTED,
    DECISION_MADE,
    OFFER_DECIDED,
    UPDATE_POSTED,
    MESSAGE_ANSWERED,
    CONTACT_PERSON_CHANGED,
)
MEETING_KINDS = (MEETING_PLANNED, MEETING_MOVED, MEETING_CANCELLED, MEETING_REMINDER)
KINDS = NEWS_KINDS + MEETING_KINDS
# Spaces Babel puts into dates and times that would push a Danish SMS out of the GSM alphabet.
_SPECIAL_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


@dataclass(frozen=True, slots=True)
class Item:
    """One piece of news: its kind, and for a meeting when it starts. Nothing else, on purpose."""

    kind: str
    starts_at: datetime | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of news: {self.kind!r}")
        if self.starts_at is not None:
            if not isinstance(self.starts_at, datetime):
                raise TypeError("starts_at must be a datetime")
            if self.kind not in MEETING_KINDS:
                raise ValueError(f"only meetings carry a time, not {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Composed:
    """One notification in one language, for every channel. `profile_url` is where the reader
    changes how they hear from the portal (the e-mail's List-Unsubscribe)."""

    subject: str
    text: str
    html: str
    sms: str
    profile_url: str = ""


def compose(
    items: list[Item],
    language: str,
    portal_url: str,
    profile_url: str,
    *,
    now: datetime | None = None,
) -> Composed:
    """The notification about `items` in `language` (da, en or ar; anything else gives Danish).

    Needs an app context (the translations). Meeting times are told in Copenhagen time,
    relative to `now` (default: this moment): "i dag", "i morgen" or the date."""
    if not items:
        raise ValueError("nothing to tell")
    if not has_app_context():
        raise RuntimeError("compose needs an app context for the translations")
    for url in (portal_url, profile_url):
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError("links in notifications must be http(s) addresses")
    language = language if language in LANGUAGES else "da"
    now = now or datetime.now(UTC)
    with force_locale(language):
        lines = _lines(items, language, now)
        total = sum(count for _, count in lines)
        if total == 1:
            subject = _subject(items[0].kind)
            body = [lines[0][0]]
        else:
            subject = ngettext(
                "%(num)s new thing in Familieportalen",
                "%(num)s new things in Familieportalen",
                total,
            )
            body = [text for text, _ in lines]
        see_more = gettext("See more in Familieportalen.")
        footer = (
            gettext("This message was sent automatically. Replies are not read."),
            gettext("You can choose how we tell you about news on your profile page:"),
        )
    digest = total > 1
    return Composed(
        subject=subject,
        text=_plain(subject, body, digest, see_more, footer, portal_url, profile_url),
        html=_html(language, subject, body, digest, see_more, footer, portal_url, profile_url),
        sms=_sms(subject, body, digest, see_more, portal_url),
        profile_url=profile_url,
    )


def portal_links(app: Flask) -> tuple[str, str]:
    """The portal's public address and its profile page's (from PUBLIC_URL), for `compose`."""
    base = (app.config.get("PUBLIC_URL") or "").rstrip("/")
    if not base:
        raise RuntimeError("PUBLIC_URL is not set: notifications need the portal's address")
    return base, base + app.url_map.bind("portal").build("family.profile")


def _lines(items: list[Item], language: str, now: datetime) -> list[tuple[str, int]]:
    """(sentence, how many items it tells about): one per kind of news, one per meeting time,
    in the order the items came."""
    counts = Counter(item.kind for item in items if item.kind in NEWS_KINDS)
    lines: list[tuple[str, int]] = []
    seen: set[object] = set()
    for item in items:
        key = item.kind if item.kind in NEWS_KINDS else item
        if key in seen:
            continue
        seen.add(key)
        if item.kind in NEWS_KINDS:
            lines.append((_news(item.kind, counts[item.kind]), counts[item.kind]))
        else:
            when = _when(item.starts_at, language, now) if item.starts_at else None
            lines.append((_meeting(item.kind, when), 1))
    return lines


def _news(kind: str, count: int) -> str:
    if kind == STAGE_STARTED:
        return ngettext(
            "A case has moved to a new step.", "%(num)s cases have moved to a new step.", count
        )
    if kind == DECISION_MADE:
        return ngettext("There is a new decision.", "There are %(num)s new decisions.", count)
    if kind == OFFER_DECIDED:
        return ngettext(
            "There is news about an application for help.",
            "There is news about %(num)s applications for help.",
            count,
        )
    if kind == UPDATE_POSTED:
        return ngettext(
            "There is news from your contact person.",
            "There are %(num)s new messages from your contact person.",
            count,
        )
    if kind == CONTACT_PERSON_CHANGED:  # who it is now, the portal says (never the message)
        return gettext("You have a new contact person.")
    return ngettext(
        "You have an answer to your message.", "You have %(num)s answers to your messages.", count
    )


def _meeting(kind: str, when: str | None) -> str:
    if when is None:  # the time is not known (any more): say what happened without it
        if kind == MEETING_PLANNED:
            return gettext("You are invited to a meeting.")
        if kind == MEETING_MOVED:
            return gettext("A meeting has been moved.")
        if kind == MEETING_CANCELLED:
            return gettext("A meeting has been cancelled.")
        return gettext("You have a meeting soon.")
    if kind == MEETING_PLANNED:
        return gettext("You are invited to a meeting %(when)s.", when=when)
    if kind == MEETING_MOVED:
        return gettext("A meeting has been moved. It is now %(when)s.", when=when)
    if kind == MEETING_CANCELLED:
        return gettext("A meeting %(when)s has been cancelled.", when=when)
    return gettext("You have a meeting %(when)s.", when=when)


def _when(starts_at: datetime, language: str, now: datetime) -> str:
    """ "i morgen kl. 10.00", "today at 10:00", "torsdag den 12. marts 2026 kl. 10.00"."""
    if starts_at.tzinfo is None:  # the database keeps UTC
        starts_at = starts_at.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    local = starts_at.astimezone(COPENHAGEN)
    locale = FORMAT_LOCALES.get(language, language)
    time = dates.format_time(local, "short", tzinfo=COPENHAGEN, locale=locale)
    days = (local.date() - now.astimezone(COPENHAGEN).date()).days
    if days == 0:
        return gettext("today at %(time)s", time=time)
    if days == 1:
        return gettext("tomorrow at %(time)s", time=time)
    day = dates.format_date(local.date(), "full", locale=locale)
    return gettext("on %(date)s at %(time)s", date=day, time=time)


def _subject(kind: str) -> str:
    if kind == MEETING_REMINDER:
        return gettext("Reminder of your meeting")
    if kind in MEETING_KINDS:
        return gettext("News about a meeting")
    return gettext("News in Familieportalen")


def _plain(subject, body, digest, see_more, footer, portal_url, profile_url) -> str:
    main = [subject, "", *(f"- {line}" for line in body)] if digest else body
    return "\n".join(
        [*main, "", see_more, portal_url, "", "-- ", footer[0], footer[1], profile_url, ""]
    )


def _html(language, subject, body, digest, see_more, footer, portal_url, profile_url) -> str:
    """A plain, accessible page: language and direction, a heading, the news, the link."""
    direction = "rtl" if language in RTL_LANGUAGES else "ltr"
    if digest:
        news = Markup("<ul>%s</ul>") % Markup("").join(
            Markup("<li>%s</li>") % line for line in body
        )
    else:
        news = Markup("<p>%s</p>") % body[0]
    html = Markup(
        "<!DOCTYPE html>\n"
        '<html lang="{language}" dir="{direction}">\n'
        '<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>{subject}</title>\n</head>\n"
        '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;'
        'font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">\n'
        '<h1 style="font-size:20px">{subject}</h1>\n{news}\n'
        '<p>{see_more}<br><a href="{portal_url}" style="color:#0059b3">{portal_url}</a></p>\n'
        '<hr>\n<p style="font-size:14px;color:#555555">{automatic}<br>{choose}<br>'
        '<a href="{profile_url}" style="color:#0059b3">{profile_url}</a></p>\n'
        "</body>\n</html>\n"
    )
    return str(
        html.format(
            language=language,
            direction=direction,
            subject=subject,
            news=news,
            see_more=see_more,
            portal_url=portal_url,
            automatic=footer[0],
            choose=footer[1],
            profile_url=profile_url,
        )
    )


def _sms(subject, body, digest, see_more, portal_url) -> str:
    """The richest text that fits one SMS; if none does (Arabic is UCS-2: 70 characters), the
    shortest. It always ends with the portal's address."""
    if digest:
        candidates = ["\n".join([subject, *body, portal_url]), f"{subject}.\n{portal_url}"]
    else:
        candidates = [f"{body[0]} {see_more}\n{portal_url}", f"{body[0]}\n{portal_url}"]
    candidates = [text.translate(_SPECIAL_SPACES) for text in candidates]
    return next((text for text in candidates if sms_length.fits_one(text)), candidates[-1])
