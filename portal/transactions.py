"""One commit per request. Views, access checks and audit entries only add to the request's
transaction; it is committed once, after the answer is ready and before it is sent, so a look
and its audit entry, or a login and its session, stand or fall together. A request that failed
(an exception, or the API's answer 500) commits nothing: Flask-SQLAlchemy rolls the session
back when the request ends. A deliberate answer such as "the login service is not answering"
(503) still commits its audit entry. A request that only read ends its transaction without a
commit.

Writes through portal/records run in their own unit of work, which commits where it ends; the
request's commit then finds nothing left to do. A commit during a request keeps the rows already
loaded instead of expiring them (`expire_on_commit` is off while a request runs), so what the page
still shows is not reloaded row by row; a write that changes what is loaded expires it itself
(e.g. portal/records/meetings.py). What a committing request loaded is expired when it ends, as
the commit would have done. Outside requests (the outbox worker, the CLI) a commit expires as
usual, so a long-running worker never reads a row older than its last commit."""

from __future__ import annotations

from flask import Flask, Response, g, got_request_exception
from sqlalchemy import event
from sqlalchemy.orm import Session

from portal.extensions import db

WROTE = "wrote"
KEPT = "committed_and_kept"  # a commit during the request kept the loaded rows


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


@event.listens_for(Session, "after_commit")
def _committed(session) -> None:
    if not session.expire_on_commit:
        session.info[KEPT] = True


def has_writes(session: Session) -> bool:
    return bool(session.new or session.dirty or session.deleted or session.info.get(WROTE))


def note_failure(sender, exception, **extra) -> None:
    g.request_failed = True


def commit_the_request(response: Response) -> Response:
    if response.status_code != 500 and not g.get("request_failed") and has_writes(db.session):
        db.session.commit()
    return response


def keep_loaded_rows() -> None:
    db.session().expire_on_commit = False


def expire_after_requests(exception: BaseException | None = None) -> None:
    session = db.session()
    session.expire_on_commit = True
    if session.info.pop(KEPT, False):
        session.expire_all()


def init_app(app: Flask) -> None:
    app.before_request(keep_loaded_rows)
    app.after_request(commit_the_request)
    app.teardown_request(expire_after_requests)
    got_request_exception.connect(note_failure, app)
