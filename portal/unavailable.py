"""When the database does not answer — down, cut off, refusing connections, or slower than the
statement timeout — every page answers a 503 in the reader's language and the API a problem
document, both with `Retry-After`, and nothing of the request is kept: its transaction is rolled
back, so what was refused is not half-written. The pool checks each connection before use
(`pool_pre_ping`), so when the database is back the same processes serve again by themselves.

The log says which kind of failure it was, never the statement or its parameters."""

from __future__ import annotations

import logging

from flask import Flask, g, render_template, request
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from portal.extensions import db

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30
# Connection refused or lost, server shut down, statement timeout (QueryCanceled), no free
# connection in the pool: the database side, not the request, is at fault.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)


def forget_the_request(error: Exception) -> None:
    """Nothing of a request the database failed is committed (portal/transactions.py)."""
    g.request_failed = True
    try:
        db.session.rollback()
    except SQLAlchemyError:  # the connection may be gone; the pool replaces it
        db.session.remove()
    cause = type(getattr(error, "orig", None) or error).__name__
    log.warning("database unavailable (%s): %s answered 503", cause, request.method)


def retry_after() -> dict[str, str]:
    return {"Retry-After": str(RETRY_AFTER_SECONDS)}


def render_unavailable(error: Exception):
    forget_the_request(error)
    if request.path.startswith("/api/"):
        from portal.api.problems import unavailable_problem

        return unavailable_problem(retry_after())
    return render_template("errors/unavailable.html"), 503, retry_after()


def init_app(app: Flask) -> None:
    for kind in DATABASE_UNAVAILABLE:
        app.register_error_handler(kind, render_unavailable)
