"""The parent's overview and a child's page: plain words, honest deadlines, fixed query cost."""

import re

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import event, select

from portal.extensions import db
from portal.models import CaseEvent, Family
from tests.conftest import login
from tests.factories import make_family


def family_id(session, name: str) -> int:
    return session.scalar(select(Family.id).where(Family.display_name == name))


def overview_html(client, identity_provider, subject: str) -> str:
    client.set_cookie("portal_lang", "da")  # these tests read the Danish texts
    response = login(client, identity_provider, subject)
    return client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)


def test_overview_shows_the_contact_person_to_call(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-hansen-1")
    assert "Sara Ahmed" in html and 'href="tel:+4533174531"' in html
    assert "sara.ahmed@buf.kk.dk" in html and "arabisk" in html  # languages she speaks


def test_overdue_case_is_said_honestly_with_what_we_wrote(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-hansen-1")
    assert re.search(r"Fristen var \d+\. \w+ \d{4}\. Vi er \d+ dage forsinket", html)
    assert "Vi mangler en samtale med Olivers lærer" in html
    assert "Line Pedersen fra Børne- og Ungdomsforvaltningen (BUF) har sagen nu" in html


def test_paused_clock_shows_the_reason(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-al-sayed-1")
    assert "Fristen er sat på pause" in html and "Vi venter på svar fra jeres læge" in html


def test_next_meeting_says_when_where_and_who(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-hansen-1")
    section = html.split('id="next-meeting"')[1]
    assert "Tværfagligt møde om Oliver" in section and "Nørrebro Park Skole, lokale 12" in section
    assert "Klasselærer Anne Sø" in section


def test_child_page_explains_the_legal_clock_and_the_complaint(client, identity_provider, session):
    client.set_cookie("portal_lang", "da")  # Anna Kowalska saved English; this reads the Danish
    login(client, identity_provider, "guardian-kowalski-1")
    family = session.get(Family, family_id(session, "Familien Kowalski"))
    html = client.get(f"/familier/{family.id}/boern/{family.children[0].id}").get_data(as_text=True)
    assert "Loven siger, at kommunen skal være færdig med dette trin inden for 3 måneder" in html
    assert "Barnets lov § 91" in html
    assert "Fristen blev flyttet 14 dage" in html  # the extension and its reason
    assert "Vi traf afgørelsen den" in html  # and when the window ended: see test_family_languages
    assert 'aria-current="step"' in html and "Færdig:" in html and "Kommer:" in html


def test_internal_events_are_never_shown(client, identity_provider, session):
    login(client, identity_provider, "guardian-kowalski-1")
    family = session.get(Family, family_id(session, "Familien Kowalski"))
    internal = session.scalars(select(CaseEvent).where(CaseEvent.visibility == "internal")).all()
    html = client.get(f"/familier/{family.id}/boern/{family.children[0].id}").get_data(as_text=True)
    assert internal and all(e.summary_da not in html for e in internal)


def test_case_steps_expand_in_place_with_htmx_and_as_a_page_without(
    client, identity_provider, session
):
    login(client, identity_provider, "guardian-hansen-1")
    family = session.get(Family, family_id(session, "Familien Hansen"))
    page = client.get(f"/familier/{family.id}").get_data(as_text=True)
    url = re.search(r'hx-get="(/familier/\d+/sager/\d+)"', page).group(1)
    fragment = client.get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.lstrip().startswith('<ol class="portal-steps">')
    full = client.get(url).get_data(as_text=True)
    assert full.startswith("<!DOCTYPE html>") and "portal-steps" in full


def test_glossary_words_link_to_the_glossary(client, identity_provider, session):
    login(client, identity_provider, "guardian-hansen-1")
    family = session.get(Family, family_id(session, "Familien Hansen"))
    html = client.get(f"/familier/{family.id}").get_data(as_text=True)
    assert 'href="/ordbog#ppr"' in html


def count_queries(app, client, url: str) -> int:
    statements = []

    def remember(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return len(statements)


@pytest.mark.parametrize("page", ["overview", "child"])
def test_query_count_does_not_grow_with_the_family(app, identity_provider, session, page):
    """The large family has many of everything the pages show: cases in both departments with
    different holders and a partner department, pauses and extensions, decisions with open
    complaint windows, offers in every status, meetings with staff from both departments."""
    counts = {}
    for size, (person_number, amount) in {
        "small": ("0101011111", 1),
        "large": ("0202022222", 5),
    }.items():
        key = f"{size}{page}"
        family = make_family(
            session,
            person_number=person_number,
            key=key,
            children=amount,
            cases=amount + 1,  # at least one case in each department
            events=amount * 3,
            meetings=amount,
            updates=amount,
            offers=amount,
        )
        identity_provider.add_citizen(f"citizen-{key}", person_number, f"Forælder {key}")
        client = app.test_client()
        login(client, identity_provider, f"citizen-{key}")
        url = f"/familier/{family.id}"
        if page == "child":
            url += f"/boern/{family.children[0].id}"
        html = client.get(url).get_data(as_text=True)  # warm-up: the first request may refresh
        assert "Børne- og Ungdomsforvaltningen" in html and "Socialforvaltningen" in html
        if page == "child":
            assert "Klagenævnet for Specialundervisning" in html and "Ankestyrelsen" in html
        counts[size] = count_queries(app, client, url)
    assert counts["small"] == counts["large"], counts


def test_open_complaint_window_says_until_when_where_and_how(client, identity_provider, session):
    client.set_cookie("portal_lang", "en")  # new texts, checked in their English original
    login(client, identity_provider, "guardian-jensen-1")
    family = session.get(Family, family_id(session, "Familien Jensen"))
    html = client.get(f"/familier/{family.id}/boern/{family.children[0].id}").get_data(as_text=True)
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    assert "You have 4 weeks to complain, counted from the day you got the decision." in text
    assert re.search(r"you can complain until \d+ \w+ \d{4}\.", text)
    assert "Send your complaint to Copenhagen Municipality, Social Services Administration" in text
    assert "by Digital Post" in text and "e-mail to the caseworker who made the decision" in text
    assert "first looks at the decision again" in text and "(Ankestyrelsen)" in text
