"""The family pages in Danish, English and Arabic: which language a page is in, texts from the
data in the reader's language with Danish (marked as Danish) as the fallback, dates per locale."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, time, timedelta

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.demo import people
from portal.models import Case, CaseEvent, Family
from tests.conftest import login
from tests.factories import add_event, make_case_type, make_family


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def language_around(page: BeautifulSoup, text: str) -> str:
    """The language a screen reader uses for `text` (its first mention on the page, not in the
    title): that of the nearest element with a lang attribute."""
    node = page.body.find(string=lambda s: s and text in s)
    assert node is not None, f"{text!r} is not on the page"
    return node.find_parent(attrs={"lang": True})["lang"]


def family_page(client, identity_provider, session, subject: str, name: str, language=None):
    if language:
        client.set_cookie("portal_lang", language)
    login(client, identity_provider, subject)
    family_id = session.scalar(select(Family.id).where(Family.display_name == name))
    return f"/familier/{family_id}"


# --- Which language the page is in -------------------------------------------------------------


def test_a_guardians_saved_language_is_used_until_they_choose_another(
    client, identity_provider, session
):
    """Fatima Al-Sayed saved Arabic; her browser says nothing about languages."""
    url = family_page(
        client, identity_provider, session, "guardian-al-sayed-1", "Familien Al-Sayed"
    )
    page = page_of(client.get(url))
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    assert page.h1.get_text(strip=True) == "نظرة عامة"

    switch = page.select_one('.portal-lang-switch a[hreflang="da"]')["href"]
    landed = client.get(switch, follow_redirects=True)
    page = page_of(landed)
    assert landed.request.path == url  # back where she was
    assert (page.html["lang"], page.html["dir"]) == ("da", "ltr")
    assert page.h1.get_text(strip=True) == "Overblik"


def test_the_saved_language_comes_before_the_browsers(client, identity_provider, session):
    url = family_page(
        client, identity_provider, session, "guardian-al-sayed-1", "Familien Al-Sayed"
    )
    page = page_of(client.get(url, headers={"Accept-Language": "en-GB,en;q=0.9"}))
    assert page.html["lang"] == "ar"


def test_without_a_login_the_browser_decides(client):
    page = page_of(client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}))
    assert page.html["lang"] == "en"


# --- Texts from the data ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "stage_text", "event_text"),
    [
        ("en", "talks with you, your child", "We are waiting for an answer from Yusuf's doctor."),
        ("ar", "ومع طفلك والمدرسة", "ننتظر ردًا من طبيب يوسف."),
    ],
)
def test_stage_texts_and_events_come_from_the_data_in_the_readers_language(
    client, identity_provider, session, language, stage_text, event_text
):
    url = family_page(
        client, identity_provider, session, "guardian-al-sayed-1", "Familien Al-Sayed", language
    )
    overview = page_of(client.get(url))
    assert language_around(overview, stage_text) == language
    yusuf = overview.find("a", string="Yusuf Al-Sayed")["href"]
    child = page_of(client.get(yusuf))
    assert language_around(child, event_text) == language  # the demo events are translated
    assert language_around(child, stage_text) == language


def test_every_demo_event_a_family_sees_is_in_english_and_arabic(session):
    demo_cases = [
        c["ext"] for f in people.FAMILIES for child in f["children"] for c in child["cases"]
    ]
    events = session.scalars(
        select(CaseEvent)
        .join(Case)
        .where(Case.external_id.in_(demo_cases), CaseEvent.visibility == "family")
    ).all()
    assert len(events) > 10
    untranslated = [e.summary_da for e in events if not (e.summary_en and e.summary_ar)]
    assert untranslated == []
    arabic = re.compile(r"[\u0600-\u06FF]")
    assert all(arabic.search(e.summary_ar) and e.summary_en != e.summary_da for e in events)


@pytest.fixture
def half_translated(app, identity_provider, session):
    """A family whose case type has English texts but no Arabic ones, and an event only in
    Danish, on 11 March 2026 at 23:30 UTC (in Copenhagen already 12 March)."""
    case_type = make_case_type(
        session,
        name={"da": "Afprøvning af sprog", "en": "Language check"},
        citizen_text={"da": "Vi ser på sagen nu.", "en": "We are looking at the case now."},
    )
    person_number = str(uuid.uuid4().int)[:10]  # a family of its own for each test
    family = make_family(
        session,
        person_number=person_number,
        key="sprog",
        events=0,
        offers=0,
        case_type=case_type,
    )
    case = session.scalar(select(Case).where(Case.child_id == family.children[0].id))
    add_event(session, case, "Vi har spurgt PPR om råd.", datetime(2026, 3, 11, 23, 30, tzinfo=UTC))
    identity_provider.add_citizen(f"citizen-{person_number}", person_number, "Forælder sprog")
    return family, f"citizen-{person_number}"


def pages_in(app, identity_provider, family_and_login, language: str):
    """The family's overview, its child's page and the case's own page, in `language`."""
    family, subject = family_and_login
    client = app.test_client()
    client.set_cookie("portal_lang", language)
    login(client, identity_provider, subject)
    url = f"/familier/{family.id}"
    overview = page_of(client.get(url))
    child = page_of(client.get(f"{url}/boern/{family.children[0].id}"))
    case = page_of(client.get(overview.select_one(".portal-steps-link")["href"]))
    return overview, child, case


def test_a_missing_translation_falls_back_to_danish_marked_as_danish(
    app, identity_provider, half_translated
):
    overview, child, case = pages_in(app, identity_provider, half_translated, "ar")
    for page in (overview, child, case):
        assert language_around(page, "Vi ser på sagen nu.") == "da"
        assert language_around(page, "Afprøvning af sprog") == "da"
    marked = overview.find(string="Vi ser på sagen nu.").parent
    assert marked.name == "span" and marked["dir"] == "ltr"  # Danish keeps its reading order
    assert case.h1.span["lang"] == "da" and case.title.get_text().startswith("Afprøvning")

    overview, child, _ = pages_in(app, identity_provider, half_translated, "en")
    assert language_around(overview, "We are looking at the case now.") == "en"
    assert language_around(child, "Language check") == "en"
    assert overview.find(string="Vi ser på sagen nu.") is None


def test_danish_only_data_is_marked_danish_on_english_and_arabic_pages(
    app, identity_provider, half_translated
):
    for language in ("en", "ar"):
        overview, child, _ = pages_in(app, identity_provider, half_translated, language)
        assert language_around(overview, "Familien sprog") == "da"  # the family's name
        assert language_around(overview, "Opdatering 0") == "da"  # news from staff
        assert language_around(overview, "Møde 0") == "da"  # meeting title and place
        assert language_around(overview, "Lokale 0") == "da"
        assert language_around(child, "Vi har spurgt") == "da"  # an event in Danish only
    overview, _, _ = pages_in(app, identity_provider, half_translated, "da")
    assert overview.select("main [lang]") == []  # nothing to mark on a Danish page


def test_staff_pages_mark_what_the_case_systems_wrote_in_danish(client, identity_provider, session):
    client.set_cookie("portal_lang", "en")
    login(client, identity_provider, "staff-nadia", door="staff")
    family_id = session.scalar(select(Family.id).where(Family.display_name == "Familien Al-Sayed"))
    page = page_of(client.get(f"/medarbejder/familier/{family_id}"))
    assert language_around(page, "Netværksmøde om Yusuf og Layla") == "da"  # a meeting title
    assert language_around(page, "Child welfare assessment") == "en"
    # Yusuf's clock is on hold: the date shown keeps moving, and the page says so.
    assert "(deadline on hold)" in page.main.get_text()


def test_glossary_words_still_link_inside_text_marked_as_danish(
    app, identity_provider, half_translated
):
    _, child, _ = pages_in(app, identity_provider, half_translated, "en")
    link = child.find("a", class_="portal-term", string="PPR")
    assert link["href"] == "/ordbog#ppr"
    assert link.parent.name == "span" and link.parent["lang"] == "da"
    assert link.parent.get_text() == "Vi har spurgt PPR om råd."


# --- Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "shown"),
    [("da", "12. marts 2026"), ("en", "12 March 2026"), ("ar", "12 مارس 2026")],
)
def test_dates_are_written_the_readers_way_on_the_copenhagen_day(
    app, identity_provider, half_translated, language, shown
):
    _, child, _ = pages_in(app, identity_provider, half_translated, language)
    [moment] = [t for t in child.select(".portal-timeline time") if t["datetime"] == "2026-03-12"]
    assert moment.get_text() == shown  # what is shown and what machines read agree


def test_the_complaint_window_starts_on_the_copenhagen_day(app, identity_provider, session):
    """A decision at 23:30 UTC reached the family on the next day, Copenhagen time."""
    family = make_family(session, person_number="0808088888", key="midnat", events=0)
    case = session.scalar(select(Case).where(Case.child_id == family.children[0].id))
    utc_day = date.today() - timedelta(days=3)
    add_event(
        session,
        case,
        "Afgørelse sent om aftenen.",
        datetime.combine(utc_day, time(23, 30), UTC),
        kind="decision",
        complaint_to="ankestyrelsen",
    )
    identity_provider.add_citizen("citizen-midnat", "0808088888", "Forælder midnat")
    client = app.test_client()
    client.set_cookie("portal_lang", "en")
    login(client, identity_provider, "citizen-midnat")
    child = page_of(client.get(f"/familier/{family.id}/boern/{family.children[0].id}"))
    text = " ".join(child.get_text(" ").split())
    decided = utc_day + timedelta(days=1)
    written = format_date(decided, "long", locale="en_GB")
    deadline = format_date(decided + timedelta(weeks=4), "long", locale="en_GB")
    assert f"The decision was made on {written}." in text
    assert f"If you got it on {written}, you can complain until {deadline}." in text
    times = {t["datetime"] for t in child.select(".portal-timeline time")}
    assert decided.isoformat() in times and utc_day.isoformat() not in times
