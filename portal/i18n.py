"""Languages: the user's choice (cookie), then the language the logged-in person saved in their
profile, then the browser's Accept-Language, then Danish.

Data texts (stage texts, case types, events ...) come in the reader's language when the data has
it, else in Danish; Danish shown on an English or Arabic page is marked `lang="da"` (WCAG 3.1.2).
"""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from babel import Locale, dates
from flask import Blueprint, Flask, Response, abort, current_app, g, redirect, request
from flask_babel import get_locale, get_timezone, refresh, to_user_timezone
from markupsafe import Markup, escape
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import babel
from portal.models.base import LANGUAGES

COOKIE = "portal_lang"
RTL_LANGUAGES = {"ar"}
# English readers here live in Denmark: "12 March 2026" and a 24-hour clock (British English),
# not the American "March 12, 2026, 1:05 PM".
FORMAT_LOCALES = {"en": "en_GB"}
ONE_YEAR = 365 * 24 * 3600

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    saved = saved_language()
    if saved in LANGUAGES:
        return saved
    return request.accept_languages.best_match(LANGUAGES) or "da"


def saved_language() -> str | None:
    """The language the logged-in person chose in their profile, if any.

    The session loader puts the viewer on `g` before each request. A guardian's rows are loaded
    once per request and cached on the viewer, and the family pages need them anyway, so this
    costs at most one query. Staff members have no saved language (yet)."""
    viewer = g.get("viewer")
    if viewer is None or viewer.kind != "guardian":
        return None
    try:
        guardians = viewer.guardians
    except SQLAlchemyError:  # an error page after a failed query still gets a language
        return None
    return guardians[0].preferred_language if guardians else None  # the same in every family


def current_language() -> str:
    return str(get_locale() or "da")


def text_direction() -> str:
    return "rtl" if current_language() in RTL_LANGUAGES else "ltr"


def language_name(code: str) -> str:
    """A language's name in the reader's language, e.g. "arabisk" in Danish."""
    return Locale.parse(code).get_display_name(current_language()) or code


def own_name(code: str) -> str:
    """A language's name in itself, as shown in the language switcher."""
    return Locale.parse(code).get_display_name(code) or code


def safe_next(target: str | None) -> str:
    """Only same-site paths, so the switcher cannot be used as an open redirect."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@bp.get("/sprog/<code>")
def choose_language(code: str):
    if code not in LANGUAGES:
        abort(404)
    response = redirect(safe_next(request.args.get("next")), code=303)
    remember_language(response, code)
    return response


def remember_language(response: Response, code: str) -> None:
    """The explicit choice, kept for a year; the one place the language cookie is set."""
    response.set_cookie(
        COOKIE,
        code,
        max_age=ONE_YEAR,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure,
    )


def format_locale() -> str:
    language = current_language()
    return FORMAT_LOCALES.get(language, language)


def format_day(value: date | datetime, fmt: str = "long") -> str:
    """A date in the reader's language; datetimes are shown in Copenhagen time."""
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    return dates.format_date(value, fmt, locale=format_locale())


def format_moment(value: datetime) -> str:
    return f"{format_day(value, 'full')}, {format_clock(value)}"


def format_clock(value: datetime) -> str:
    return dates.format_time(value, "short", tzinfo=get_timezone(), locale=format_locale())


def iso_day(value: date | datetime) -> str:
    """For `<time datetime>`: the same Copenhagen day that `format_day` shows."""
    if isinstance(value, datetime):
        value = to_user_timezone(value).date()
    return value.isoformat()


def localized(obj, field: str) -> str:
    """Plain text, for places that cannot hold markup (titles, attributes)."""
    return obj.localized(field, current_language())


def language_of(obj, field: str) -> str:
    """The language `localized` actually gives: the reader's, or Danish as the fallback."""
    language = current_language()
    return language if getattr(obj, f"{field}_{language}", None) else "da"


def in_language(text, language: str) -> Markup:
    """Text (escaped here, or Markup already, e.g. with glossary links) marked with its language
    when it is not the page's, so screen readers read it with the right voice."""
    if not text:
        return Markup("")
    body = escape(text)
    if language == current_language():
        return body
    attributes = Markup(' lang="%s"') % language
    direction = "rtl" if language in RTL_LANGUAGES else "ltr"
    if direction != text_direction():  # Danish inside Arabic keeps its own reading order
        attributes += Markup(' dir="%s"') % direction
    return Markup("<span%s>%s</span>") % (attributes, body)


def danish(text) -> Markup:
    """Filter for data that only exists in Danish (written by staff or their case systems)."""
    return in_language(text, "da")


def data_text(obj, field: str, links: bool = False) -> Markup:
    """A translated data text in the reader's language, Danish (marked) as the fallback.
    `links=True` links glossary words first, then marks the language around the links."""
    text = localized(obj, field)
    if links and text:
        # The glossary filter's module imports this one, so it is fetched where it is registered.
        text = current_app.jinja_env.filters["glossary"](text)
    return in_language(text, language_of(obj, field))


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/../translations"))
    babel.init_app(app, locale_selector=select_locale)
    # Flask-Babel caches the locale on `g`, which outlives a request when the request runs
    # inside an app context opened earlier (tests, scripts): each request chooses afresh.
    app.before_request(refresh)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        current_language=current_language,
        text_direction=text_direction,
        language_name=language_name,
        own_name=own_name,
        languages=LANGUAGES,
        localized=localized,
        data_text=data_text,
    )
    app.jinja_env.filters.update(
        date=format_day, datetime=format_moment, time=format_clock, iso_day=iso_day, danish=danish
    )
