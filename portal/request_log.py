"""A request id on every log line, and log lines as JSON for the log collector.

Each request gets an id: the one a trusted proxy sent in `X-Request-ID` when it looks like an
id, else a new one. It is sent back in the response header (gunicorn's access log picks it up
from there, see gunicorn.conf.py) and added to every log record made while the request runs,
so one search finds everything a request did on whichever host served it.
"""

from __future__ import annotations

import json
import logging
import re
import uuid

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler

HEADER = "X-Request-ID"
# Anything else (too long, spaces, quotes) could forge log lines, so it is replaced.
_WELL_FORMED = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
# A person number (CPR, ddmmyy-xxxx) must never reach a log, whoever wrote the line.
_PERSON_NUMBER = re.compile(r"(?<!\d)\d{6}-?\d{4}(?!\d)")
_MARK = "adds_request_id"


def request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


def _take_request_id() -> None:
    offered = request.headers.get(HEADER, "")
    g.request_id = offered if _WELL_FORMED.match(offered) else uuid.uuid4().hex


def _send_request_id(response):
    if rid := request_id():
        response.headers[HEADER] = rid
    return response


class JsonFormatter(logging.Formatter):
    """One JSON object per line; the message is already redacted by portal.log_redaction."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id(),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return _PERSON_NUMBER.sub("[person number]", json.dumps(entry, ensure_ascii=False))


def _install_record_factory() -> None:
    """Stamp the request id on each record when it is made (once per process)."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, _MARK, False):
        return

    def make_record(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.request_id = request_id()
        return record

    setattr(make_record, _MARK, True)
    logging.setLogRecordFactory(make_record)


def _json_handler_installed(logger: logging.Logger) -> bool:
    return any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers)


def init_app(app: Flask) -> None:
    _install_record_factory()
    app.before_request(_take_request_id)
    app.after_request(_send_request_id)
    if app.config.get("LOG_FORMAT") == "json":
        # Every record goes to the root logger's one JSON handler (gunicorn.conf.py sets up the
        # same for gunicorn's loggers); Flask's own text handler would write each line twice.
        app.logger.removeHandler(default_handler)
        root = logging.getLogger()
        if not _json_handler_installed(root):
            handler = logging.StreamHandler()
            handler.setFormatter(JsonFormatter())
            root.addHandler(handler)
            root.setLevel(app.config.get("LOG_LEVEL", "INFO"))
