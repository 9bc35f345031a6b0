"""When the identity provider does not answer, the user gets a clear page (503, try again in a
few minutes), not an error, and no session."""

import pytest
from sqlalchemy import func, select

from portal.models import AuditEntry, LoginSession
from tests.conftest import closed_port_url
from tests.identity_provider import ProviderServer

HEADING = "The login service is not answering"


def in_english(client):
    client.set_cookie("portal_lang", "en")
    return client


@pytest.mark.parametrize("door", ["citizen", "staff"])
def test_login_start_with_the_provider_down_says_so(make_other_app, door, caplog):
    client = make_other_app(closed_port_url()).test_client()
    response = client.get(f"/log-ind/{door}")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "120"
    html = response.get_data(as_text=True)
    assert "Familieportalen" in html  # the portal's own page (Danish by default)
    english = in_english(client).get(f"/log-ind/{door}").get_data(as_text=True)
    assert f"<h1>{HEADING}</h1>" in english and "try again in a few minutes" in english
    assert 'href="/log-ind"' in english  # a way to try again
    assert "not answering at login start" in caplog.text


def test_a_provider_answering_with_an_error_is_treated_as_down(make_other_app, identity_provider):
    # Something answers at the address, but with 404 instead of a discovery document.
    client = make_other_app(f"{identity_provider.url}/no-such-provider").test_client()
    assert client.get("/log-ind/citizen").status_code == 503


def test_provider_gone_before_the_answer_is_fetched(make_other_app, session):
    with ProviderServer() as provider:
        client = make_other_app(provider.url).test_client()
        start = client.get("/log-ind/citizen")
        callback = provider.approve(start.headers["Location"], "guardian-hansen-1")
        provider.stop()  # the code is issued, but the token endpoint is gone now
        last_audit = session.scalar(select(func.max(AuditEntry.id))) or 0
        open_before = session.scalar(
            select(func.count()).select_from(LoginSession).where(LoginSession.ended_at.is_(None))
        )
        response = in_english(client).get(callback)
    assert response.status_code == 503
    assert HEADING in response.get_data(as_text=True)
    assert "/log-ind" in client.get("/overblik").headers["Location"]
    session.expire_all()
    assert (
        session.scalar(
            select(func.count()).select_from(LoginSession).where(LoginSession.ended_at.is_(None))
        )
        == open_before
    )
    refused = session.scalars(select(AuditEntry).where(AuditEntry.id > last_audit)).all()
    assert [(e.action, e.detail) for e in refused] == [("login_refused", "citizen: unavailable")]
