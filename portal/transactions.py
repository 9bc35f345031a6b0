"""One commit per request. Views, access checks and audit entries only add to the request's
transaction; it is committed once, after the answer is ready and before it is sent, so a look
and its audit entry, or a login and its session, stand or fall together. A request that failed
(an exception, or the API's answer 500) commits nothing: Flask-SQLAlchemy rolls the session
back when the request ends. A deliberate answer such as "the login service is not answering"
(503) still commits its audit entry. A request that only read ends its transaction without a
commit.

Writes through portal/records run in their own unit of work, which commits where it ends; the
request's commit then finds nothing left to do."""

from __future__ import annotations

from flask import Flask, Response, g, got_request_exception
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.extensions import db

WROTE = "wrote"


@event.listens_for(Session, "after_flush")
def _flushed(session, context) -> None:
    session.info[WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _executed(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[WROTE] = True


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _ended(session) -> None:
    session.info.pop(WROTE, None)


def has_writes(session: Session) -> bool:
    return bool(session.new or session.dirty or session.deleted or session.info.get(WROTE))


def note_failure(sender, exception, **extra) -> None:
    g.request_failed = True


def commit_the_request(response: Response) -> Response:
    if response.status_code != 500 and not g.get("request_failed") and has_writes(db.session):
        db.session.commit()
    return response


def init_app(app: Flask) -> None:
    app.after_request(commit_the_request)
    got_request_exception.connect(note_failure, app)
