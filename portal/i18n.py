"""Languages: the user's choice (cookie), then the browser's Accept-Language, then Danish."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from babel import Locale
from flask import Blueprint, Flask, abort, redirect, request
from flask_babel import format_date, format_time, get_locale

from portal.extensions import babel
from portal.models.base import LANGUAGES

COOKIE = "portal_lang"
RTL_LANGUAGES = {"ar"}
ONE_YEAR = 365 * 24 * 3600

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or "da"


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
    response.set_cookie(
        COOKIE,
        code,
        max_age=ONE_YEAR,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure,
    )
    return response


def format_day(value: date | datetime, fmt: str = "long") -> str:
    """A date in the reader's language; datetimes are shown in Copenhagen time."""
    return format_date(value, fmt)


def format_moment(value: datetime) -> str:
    return f"{format_date(value, 'full')}, {format_time(value, 'short')}"


def format_clock(value: datetime) -> str:
    return format_time(value, "short")


def localized(obj, field: str) -> str:
    return obj.localized(field, current_language())


def init_app(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/../translations"))
    babel.init_app(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        current_language=current_language,
        text_direction=text_direction,
        language_name=language_name,
        own_name=own_name,
        languages=LANGUAGES,
        localized=localized,
    )
    app.jinja_env.filters.update(date=format_day, datetime=format_moment, time=format_clock)
