"""A request commits once: access checks and audit entries only join the request's transaction
(portal/transactions.py), so a look and its audit entry stand or fall together."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event, func, select, update

from portal.access import family_for
from portal.extensions import db
from portal.models import AuditEntry, LoginSession
from portal.models.base import utcnow
from tests.conftest import csrf_token, login


@contextmanager
def commits(app):
    """Count the COMMITs the database receives."""
    counted = []
    with app.app_context():
        engine = db.engine

    def remember(connection):
        counted.append(connection)

    event.listen(engine, "commit", remember)
    try:
        yield counted
    finally:
        event.remove(engine, "commit", remember)


def audit_count(session) -> int:
    count = session.scalar(select(func.count()).select_from(AuditEntry))
    session.rollback()
    return count


def test_a_family_page_commits_once_with_its_audit_entry(app, client, identity_provider, session):
    login(client, identity_provider, "guardian-hansen-1")
    family_page = client.get("/overblik").headers["Location"]
    # A first look notes the news shown as read (one more audit entry, in the same commit);
    # whether that happened already depends on which tests ran before, so it happens here.
    client.get(family_page)
    before = audit_count(session)
    with commits(app) as counted:
        assert client.get(family_page).status_code == 200
    assert len(counted) == 1
    assert audit_count(session) == before + 1


def test_the_caseload_commits_once_for_every_family_listed(app, client, identity_provider):
    login(client, identity_provider, "staff-sara", door="staff")
    with commits(app) as counted:
        assert client.get("/medarbejder/").status_code == 200
    assert len(counted) == 1


def test_saving_the_profile_commits_once(app, client, identity_provider):
    login(client, identity_provider, "guardian-jensen-1")
    token = csrf_token(client, "/profil")
    form = {
        "csrf_token": token,
        "preferred_language": "da",
        "notify_by": "email",
        "email": "louise@example.dk",
        "phone": "",
    }
    with commits(app) as counted:
        assert client.post("/profil", data=form).status_code == 303
    assert len(counted) == 1


def test_a_refused_look_commits_nothing(app, client, identity_provider, session):
    login(client, identity_provider, "guardian-hansen-1")
    before = audit_count(session)
    with commits(app) as counted:
        assert client.get("/familier/999999").status_code == 404
    assert audit_count(session) == before
    assert counted == []  # a request that only read ends without a commit


def test_noting_the_activity_and_the_look_are_one_commit(app, client, identity_provider, session):
    """The session's last-seen time (written every half minute) joins the request's commit."""
    login(client, identity_provider, "guardian-hansen-1")
    family_page = client.get("/overblik").headers["Location"]
    session.execute(
        update(LoginSession)
        .where(LoginSession.ended_at.is_(None))
        .values(last_seen_at=utcnow() - timedelta(minutes=5))
    )
    session.commit()
    with commits(app) as counted:
        assert client.get(family_page).status_code == 200
    assert len(counted) == 1


def test_a_page_that_fails_after_the_access_check_leaves_no_audit_entry(
    make_other_app, identity_provider, session
):
    """The access check only adds the entry; the failed request commits nothing."""
    other = make_other_app()
    other.config["PROPAGATE_EXCEPTIONS"] = False

    @other.get("/familier/<int:family_id>/fejler")
    def fails(family_id: int):
        family_for(family_id, "a page that breaks")
        raise RuntimeError("the page broke while rendering")

    client = other.test_client()
    login(client, identity_provider, "guardian-hansen-1")
    family_id = int(client.get("/overblik").headers["Location"].rsplit("/", 1)[1])
    before = audit_count(session)
    assert client.get(f"/familier/{family_id}/fejler").status_code == 500
    assert audit_count(session) == before
