"""Glossary words link to the shared glossary on every page that explains something: case texts,
step names, the offer catalogue and each offer's page; never inside another link, never from a
page to the term it is itself about, with a link text that says where it goes."""

from __future__ import annotations

import uuid

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup
from sqlalchemy import select

from portal.glossary_links import link_glossary_terms
from portal.models import Case, Family
from tests.conftest import login
from tests.factories import make_family


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def terms_in(element) -> dict[str, str]:
    """Each glossary link in `element`: its visible text -> the glossary entry it opens."""
    return {a.get_text(): a["href"] for a in element.select("a.portal-term")}


@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_the_offer_page_for_a_ppr_assessment_links_ppr_and_ppv(client, language):
    client.set_cookie("portal_lang", language)
    page = page_of(client.get("/tilbud/ppr-vurdering"))
    lead = page.select_one("main p.font-lead")
    assert terms_in(lead) == {"PPR": "/ordbog#ppr", "PPV": "/ordbog#ppv"}
    # "Who decides" and "How to ask for it" link the words again, each text on its own; in
    # Arabic "وPPR" ("and PPR", one word on paper) still counts as a mention of PPR.
    for paragraph in page.select("main h2 + p")[:2]:
        assert terms_in(paragraph).get("PPR") == "/ordbog#ppr", paragraph


def test_a_glossary_link_says_where_it_goes_and_starts_with_the_word_shown(client):
    page = page_of(client.get("/tilbud/ppr-vurdering"))
    link = page.select_one("main p.font-lead a.portal-term")
    assert link.get_text() == "PPR"
    assert link["aria-label"].startswith("PPR ")  # the visible word first (WCAG 2.5.3)
    assert link["aria-label"] != "PPR"  # ... then that it is the glossary's explanation


def test_the_catalogue_links_the_words_in_each_offers_summary(client):
    page = page_of(client.get("/tilbud"))
    [card] = [c for c in page.select(".portal-offer") if c.h2.a["href"] == "/tilbud/ppr-vurdering"]
    assert terms_in(card)["PPR"] == "/ordbog#ppr"
    assert all(a.find_parent("h2") is None for a in page.select("a.portal-term"))  # no link in link


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_page_about_a_term_does_not_send_the_reader_to_it(client, language):
    """STU is both an offer and a glossary term. Its own page says who suggests STU; it does
    not link STU to the glossary, while the other words there still link."""
    client.set_cookie("portal_lang", language)
    page = page_of(client.get("/tilbud/stu"))
    who_decides = page.select("main h2 + p")[0]
    assert "STU" in who_decides.get_text()
    assert terms_in(who_decides) == {"BUF": "/ordbog#buf"}


def test_a_term_to_skip_is_not_linked_but_others_are(app):
    with app.test_request_context("/"):
        html = link_glossary_terms("Aflastning og PPR.", skip="aflastning")
        both = link_glossary_terms("Aflastning og PPR.")
    assert terms_in(BeautifulSoup(html, "html.parser")) == {"PPR": "/ordbog#ppr"}
    assert terms_in(BeautifulSoup(both, "html.parser")) == {
        "Aflastning": "/ordbog#aflastning",
        "PPR": "/ordbog#ppr",
    }


def test_markup_is_linked_only_outside_links_and_tags(app):
    with app.test_request_context("/"):
        html = link_glossary_terms(
            Markup('<a href="/ppr">PPR</a> og PPR. <span title="BUF">BUF</span> &amp; BUF')
        )
    page = BeautifulSoup(html, "html.parser")
    assert [(a.get("href"), a.get_text()) for a in page.find_all("a")] == [
        ("/ppr", "PPR"),  # the existing link is left alone, with no link inside it
        ("/ordbog#ppr", "PPR"),  # the next mention is linked instead
        ("/ordbog#buf", "BUF"),  # text between tags is linked once ...
    ]
    assert page.span["title"] == "BUF"  # ... attributes never are
    assert page.get_text().endswith("BUF & BUF")


def test_plain_text_is_escaped_and_terms_with_apostrophes_match(app):
    with app.test_request_context("/", headers={"Cookie": "portal_lang=en"}):
        html = link_glossary_terms("<b>We</b> write the child's plan with you.")
    page = BeautifulSoup(html, "html.parser")
    assert page.b is None  # text, not markup
    assert terms_in(page) == {"the child's plan": "/ordbog#barnets-plan"}


# --- The steps of a case -------------------------------------------------------------------------


@pytest.fixture
def family_without_holders(app, identity_provider, session):
    """A family whose case's current step names neither a person nor a team: only the
    department, as a case system may send it."""
    person_number = str(uuid.uuid4().int)[:10]
    family = make_family(session, person_number=person_number, key="uden", events=0, offers=0)
    case = session.scalar(select(Case).where(Case.child_id == family.children[0].id))
    case.holder, case.holder_team = None, None
    for stage in case.stages:
        stage.holder, stage.holder_team = None, None
    session.commit()
    subject = f"citizen-{person_number}"
    identity_provider.add_citizen(subject, person_number, "Forælder uden")
    return family, case, subject


def test_a_step_held_by_no_named_person_or_team_names_the_department(
    app, identity_provider, family_without_holders
):
    family, case, subject = family_without_holders
    client = app.test_client()
    login(client, identity_provider, subject)
    for url in (
        f"/familier/{family.id}/sager/{case.id}",
        f"/familier/{family.id}/boern/{case.child_id}",
    ):
        page = page_of(client.get(url))
        detail = page.select_one("[aria-current=step] .portal-step-detail").get_text(
            " ", strip=True
        )
        assert detail.startswith("Socialforvaltningen ·"), detail  # department, then deadline
        assert "None" not in page.main.get_text()


def test_step_names_link_to_the_glossary(client, identity_provider, session):
    """Layla's special education case is at "Visitation", a word the glossary explains."""
    login(client, identity_provider, "guardian-al-sayed-1")
    client.set_cookie("portal_lang", "da")
    family = session.scalar(select(Family).where(Family.display_name == "Familien Al-Sayed"))
    case = session.scalar(select(Case).join(Case.child).where(Case.external_id == "BUF-SU-1002"))
    page = page_of(client.get(f"/familier/{family.id}/sager/{case.id}"))
    current = page.select_one("[aria-current=step] .portal-step-name")
    assert terms_in(current) == {"Visitation": "/ordbog#visitation"}
