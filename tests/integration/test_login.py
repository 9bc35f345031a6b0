"""Logging in through the real OpenID Connect flow against the bundled identity provider (logging
out: test_logout.py)."""

from sqlalchemy import select

from portal.models import AuditEntry, Family
from tests.conftest import login


def family_named(session, name: str) -> Family:
    return session.scalar(select(Family).where(Family.display_name == name))


def test_guardian_logs_in_and_lands_on_their_family(client, identity_provider, session):
    response = login(client, identity_provider, "guardian-hansen-1")
    assert response.status_code == 302
    family = family_named(session, "Familien Hansen")
    page = client.get(response.headers["Location"], follow_redirects=True)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Oliver Hansen" in html and "Sara Ahmed" in html
    assert 'href="tel:+4533174531"' in html
    assert f"/familier/{family.id}" in page.request.path


def test_login_is_audited(client, identity_provider, session):
    login(client, identity_provider, "guardian-kowalski-1")
    family = family_named(session, "Familien Kowalski")
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.family_id == family.id, AuditEntry.action == "login")
    ).all()
    assert any(e.actor_name == "Anna Kowalska" for e in entries)


def test_staff_logs_in_to_their_caseload(client, identity_provider):
    response = login(client, identity_provider, "staff-sara", door="staff")
    assert response.status_code == 302 and response.headers["Location"].endswith("/medarbejder/")
    html = client.get("/medarbejder/").get_data(as_text=True)
    assert "Familien Hansen" in html and "Familien Nielsen Özdemir" in html
    assert "Familien Kowalski" not in html


def test_abandoned_login_starts_do_not_block_the_next_login(client, identity_provider):
    """Each start leaves its state in the cookie; forty abandoned ones must neither push the
    cookie past what browsers keep (4 KB) nor stop a recent login from finishing."""
    for _ in range(40):
        client.get("/log-ind/citizen")
    earlier = client.get("/log-ind/citizen")  # e.g. a login tab the user goes back to
    client.get("/log-ind/citizen")  # a newer start, abandoned
    assert len(client.get_cookie("session").value) < 4000
    callback = identity_provider.approve(earlier.headers["Location"], "guardian-jensen-1")
    response = client.get(callback)
    assert response.status_code == 302 and "/overblik" in response.headers["Location"]
