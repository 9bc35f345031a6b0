"""The public pages, in every language, with real content from the catalogue."""

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.catalogue import case_types
from portal.models import GlossaryTerm, Offer

PUBLIC_PAGES = [
    "/",
    "/ordbog",
    "/tilbud",
    "/tilbud/stu",
    "/tilgaengelighed",
    "/privatliv",
    "/log-ind",
]
HEADINGS = {
    "da": "Dit barns sager samlet ét sted",
    "ar": None,
}


@pytest.mark.parametrize("path", PUBLIC_PAGES)
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_public_page_renders_in_each_language(client, path, language):
    client.set_cookie("portal_lang", language)
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert "Tilgængelighedserklæring" in html or language != "da"


def test_danish_is_the_default(client):
    html = client.get("/").get_data(as_text=True)
    assert 'lang="da"' in html and "Log ind" in html and "Tilgængelighedserklæring" in html


def test_accept_language_is_used_when_no_choice_was_made(client):
    html = client.get("/", headers={"Accept-Language": "ar,en;q=0.5"}).get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in html


def test_the_users_choice_beats_the_browser(client):
    response = client.get("/sprog/en?next=/ordbog", headers={"Accept-Language": "ar"})
    assert response.status_code == 303 and response.headers["Location"] == "/ordbog"
    html = client.get("/ordbog", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert 'lang="en"' in html and "Glossary" in html


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:x"])
def test_language_switch_never_redirects_off_site(client, target):
    response = client.get("/sprog/da", query_string={"next": target})
    assert response.headers["Location"] == "/"


def test_unknown_language_is_not_found(client):
    assert client.get("/sprog/xx").status_code == 404


def test_glossary_lists_every_term_with_an_anchor(client, session):
    html = client.get("/ordbog").get_data(as_text=True)
    for term in session.scalars(select(GlossaryTerm)):
        assert f'id="{term.slug}"' in html and term.term_da in html


def test_glossary_in_arabic_uses_the_arabic_explanations(client, session):
    client.set_cookie("portal_lang", "ar")
    html = client.get("/ordbog").get_data(as_text=True)
    term = session.scalars(select(GlossaryTerm)).first()
    assert term.explanation_ar in html


def test_offer_catalogue_links_every_offer(client, session):
    html = client.get("/tilbud").get_data(as_text=True)
    for offer in session.scalars(select(Offer)):
        assert f'href="/tilbud/{offer.code}"' in html


def test_offer_page_says_who_decides_and_how_to_ask(client, session):
    offer = session.scalar(select(Offer).where(Offer.code == "stu"))
    html = client.get("/tilbud/stu").get_data(as_text=True)
    main = BeautifulSoup(html, "html.parser").main.get_text()  # glossary words are links
    assert offer.who_decides_da in main and offer.how_to_ask_da in main
    assert "16 til 25 år" in main


def test_day_treatment_is_not_called_a_boarding_school_in_arabic(client):
    """ "Intern skole" is the day-treatment place's own school; the child lives at home, as the
    next sentence says. "مدرسة داخلية" reads as a boarding school."""
    client.set_cookie("portal_lang", "ar")
    page = BeautifulSoup(client.get("/tilbud/dagbehandling").get_data(as_text=True), "html.parser")
    name = page.h1.get_text(strip=True)
    assert name == "العلاج النهاري مع مدرسة في مكان العلاج نفسه"
    assert "داخلية" not in page.main.get_text()
    assert "ويبقى طفلك مقيمًا في البيت" in page.main.get_text()  # lives at home
    case_type = next(t for t in case_types.CASE_TYPES if t["code"] == "dagbehandling")
    assert case_type["name"]["ar"] == name


def test_unknown_offer_is_a_friendly_404(client):
    response = client.get("/tilbud/findes-ikke")
    assert response.status_code == 404
    assert "Siden blev ikke fundet" in response.get_data(as_text=True)


def test_security_headers_on_pages(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_every_script_carries_the_pages_nonce(client):
    response = client.get("/")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    html = response.get_data(as_text=True)
    assert html.count("<script") == html.count(f'nonce="{nonce}"') > 0
