"""Secrets that arrive in a URL never reach a log.

An access token sent as `?access_token=...` (refused by the API, but sent all the same), an
OpenID Connect `code`, an `id_token_hint` or the secret in a guardian's calendar address
(`/kalender/<secret>.ics`) would otherwise be written to the access log with the
request line, and to error logs with the URLs in exception texts. The access log is written by
the WSGI server (Werkzeug in development, gunicorn in production), not by the portal, and the
log handlers are set up by whoever runs it. So the redaction sits where every log record is
made, process-wide: whatever handler or format is configured, it only ever sees the redacted
record.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

# Query parameters whose values are secrets (OAuth 2.0 and OpenID Connect).
SECRET_PARAMETERS = (
    "access_token",
    "refresh_token",
    "id_token",
    "id_token_hint",
    "client_secret",
    "code",
    "state",
)
# `name=value` or, inside an encoded URL (e.g. a `next` parameter), `name%3Dvalue`; the value
# runs to the next separator.
_SECRET = re.compile(
    r"(?:(?<=%3F)|(?<=%26)|(?<![A-Za-z0-9_.-]))"
    r"(" + "|".join(SECRET_PARAMETERS) + r")(=|%3D)"
    r"(?:(?!%26)[^&\s\"'#<>;,])*",
    re.IGNORECASE,
)
REDACTED = "[redacted]"
_MARK = "redacts_url_secrets"


# A guardian's private calendar address carries its secret in the path (portal/feeds.py):
# anything token-like after /kalender/ goes, with or without the .ics (a mistyped one too).
_SECRET_PATH = re.compile(r"(?<=/kalender/)[A-Za-z0-9_\-%]{16,}")


def redact(text: str) -> str:
    return _SECRET_PATH.sub(REDACTED, _SECRET.sub(rf"\1\2{REDACTED}", text))


def _redacted(value):
    if isinstance(value, str):
        return redact(value)
    if value is None or isinstance(value, int | float | bool):
        return value  # also keeps %d and %f formats working
    try:
        text = str(value)
    except Exception:  # a broken __str__ must not stop the logging; formatting will report it
        return value
    cleaned = redact(text)
    return value if cleaned == text else cleaned


def _redact_record(record: logging.LogRecord) -> None:
    record.msg = _redacted(record.msg)
    if isinstance(record.args, Mapping):
        record.args = {key: _redacted(value) for key, value in record.args.items()}
    elif record.args:
        record.args = tuple(_redacted(value) for value in record.args)
    if record.exc_info and not record.exc_text:
        # Formatters reuse exc_text when it is set, so the traceback is cleaned once, here.
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))


def install() -> None:
    """Redact every log record made in this process from now on (once, however often called)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, _MARK, False):
        return

    def make_record(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        _redact_record(record)
        return record

    setattr(make_record, _MARK, True)
    logging.setLogRecordFactory(make_record)
