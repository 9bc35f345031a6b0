"""Error pages in the user's language; bad input gets a 4xx with a clear message, never a 500."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from portal.rate_limits import retry_after_seconds


def render_error(error: HTTPException):
    if request.path.startswith("/api/"):
        from portal.api.problems import from_http_exception

        return from_http_exception(error)
    headers = {}
    if error.code == 429:
        headers["Retry-After"] = str(retry_after_seconds(error))
    return render_template("errors/error.html", error=error), error.code, headers


def render_csrf_error(error: CSRFError):
    return render_template("errors/csrf.html"), 400


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, render_csrf_error)
    app.register_error_handler(HTTPException, render_error)
