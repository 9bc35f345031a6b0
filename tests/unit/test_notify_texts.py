"""Notification texts say only that there is news, or a meeting's time, and where to read it.

Every kind, alone and in a digest, is rendered in Danish, English and Arabic, as e-mail subject,
plain text, HTML and SMS, and none may contain anything from a family's case: the sentinels
are the names, case types, steps, offers, units, places and staff texts of the demo data and
the catalogue, and diagnoses.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import html5lib
import pytest

from portal.catalogue.case_types import CASE_TYPES
from portal.catalogue.offers import OFFERS
from portal.demo.people import DEPARTMENTS, FAMILIES, MEETINGS, STAFF, UPDATES
from portal.notify import sms_length
from portal.notify.texts import KINDS, MEETING_KINDS, Composed, Item, compose, portal_links
from tests.conftest import make_app

PORTAL = "https://familieportalen.kk.dk"
PROFILE = "https://familieportalen.kk.dk/profil"
LANGUAGES = ("da", "en", "ar")
NOW = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)  # Wednesday 11 March, 09.00 in Copenhagen
TOMORROW_AT_TEN = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)  # 10.00 in Copenhagen
DIAGNOSES = (
    "ADHD",
    "ADD",
    "autisme",
    "autism",
    "Aspergers",
    "Tourette",
    "OCD",
    "angst",
    "anxiety",
    "depression",
    "ordblindhed",
    "dysleksi",
    "dyslexia",
    "التوحد",
    "فرط الحركة",
)
# Step names that are no more than what the kind of news says itself ("There is a new
# decision", "news about an application for help"): allowed as ordinary words.
KIND_WORDS = {"Afgørelse", "Decision", "القرار", "Ansøgning", "Application", "الطلب"}


def _texts(value):
    """Every string inside a demo-data structure."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def sentinels() -> set[str]:
    """What a notification must never contain."""
    found = set(DIAGNOSES)
    for case_type in CASE_TYPES:
        found |= set(case_type["name"].values())
        for stage in case_type["stages"]:
            found |= set(stage["name"].values()) - KIND_WORDS
    for offer in OFFERS:
        found |= set(offer["name"].values())
    for department in DEPARTMENTS:
        found |= {department["short_name"], *department["name"].values()}
    for person in STAFF:
        found |= {person["name"], person["name"].split()[0], person["team"], person["email"]}
        found.add(person["phone"])
    for family in FAMILIES:
        found.add(family["name"])
        for guardian in family["guardians"]:
            found |= {guardian["name"], guardian["email"] or guardian["name"], guardian["phone"]}
        for child in family["children"]:
            found |= {child["first_name"], child["last_name"], child["school"]}
            for case in child["cases"]:
                found.add(case["ext"])
                found |= {text for event in case["events"] for text in _texts(event[3])}
            found |= {offer[4] for offer in child["offers"]}
    for meeting in MEETINGS:
        found |= {text for text in (meeting[6], meeting[7], meeting[8]) if text}
    found |= {update[4] for update in UPDATES}
    return {text for text in found if text}


FORBIDDEN = sorted(sentinels(), key=len, reverse=True)
FORBIDDEN_PATTERN = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(text) for text in FORBIDDEN) + r")(?!\w)", re.IGNORECASE
)


def item(kind: str, starts_at: datetime | None = TOMORROW_AT_TEN) -> Item:
    return Item(kind, starts_at if kind in MEETING_KINDS else None)


def cases():
    """(name, items): every kind alone, with and without a time, and digests."""
    for kind in KINDS:
        yield kind, [item(kind)]
    for kind in MEETING_KINDS:
        yield f"{kind} without a time", [Item(kind)]
        yield f"{kind} today", [Item(kind, NOW + timedelta(hours=5))]
        yield f"{kind} in three weeks", [Item(kind, NOW + timedelta(days=21))]
    yield "digest of every kind", [item(kind) for kind in KINDS]
    yield "digest of one kind", [item("update_posted")] * 3
    yield "digest of two", [item("decision_made"), item("meeting_cancelled")]


CASES = list(cases())


@pytest.fixture(scope="module")
def app():
    return make_app("sqlite://")


@pytest.fixture(scope="module")
def rendered(app):
    """Every case in every language: {(case name, language): Composed}."""
    with app.app_context():
        return {
            (name, language): compose(items, language, PORTAL, PROFILE, now=NOW)
            for name, items in CASES
            for language in LANGUAGES
        }


def test_the_sentinels_cover_names_case_types_units_and_diagnoses():
    for expected in ("Oliver", "Mette Hansen", "Sara Ahmed", "PPR Nørrebro-Bispebjerg"):
        assert expected in FORBIDDEN
    for expected in ("Børnefaglig undersøgelse", "Specialundervisning", "ADHD", "autisme"):
        assert expected in FORBIDDEN
    assert FORBIDDEN_PATTERN.search("Et møde om Oliver") is not None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "items"), CASES, ids=[name for name, _ in CASES])
def test_no_text_carries_anything_from_the_case(rendered, name, items, language):
    composed = rendered[name, language]
    parts = {
        "subject": composed.subject,
        "text": composed.text,
        "html": html_content(composed.html),
        "sms": composed.sms,
    }
    for part, text in parts.items():
        found = FORBIDDEN_PATTERN.findall(text)
        assert found == [], f"{part} in {language} names {found}"


def html_content(html: str) -> str:
    """What an HTML e-mail says: its text and attribute values, not its CSS ("line-height")."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    said = list(document.itertext())
    for element in document.iter():
        said += [value for key, value in element.attrib.items() if key != "style"]
    return "\n".join(said)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "items"), CASES, ids=[name for name, _ in CASES])
def test_every_text_leads_to_the_portal(rendered, name, items, language):
    composed = rendered[name, language]
    assert composed.sms.endswith(PORTAL)
    assert PORTAL in composed.text and PROFILE in composed.text
    assert f'href="{PORTAL}"' in composed.html and f'href="{PROFILE}"' in composed.html
    assert composed.profile_url == PROFILE
    assert composed.subject and "\n" not in composed.subject


@pytest.mark.parametrize("language", ("da", "ar"))
@pytest.mark.parametrize(("name", "items"), CASES, ids=[name for name, _ in CASES])
def test_every_text_is_translated(rendered, name, items, language):
    english, translated = rendered[name, "en"], rendered[name, language]
    assert translated.subject != english.subject
    assert translated.sms != english.sms


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("name", "items"), CASES, ids=[name for name, _ in CASES])
def test_the_html_is_simple_valid_and_marks_language_and_direction(rendered, name, items, language):
    composed = rendered[name, language]
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(composed.html)
    root = document if document.tag == "html" else document.find("html")
    assert root.get("lang") == language
    assert root.get("dir") == ("rtl" if language == "ar" else "ltr")
    assert document.find(".//title").text == composed.subject
    assert len(document.findall(".//h1")) == 1
    assert document.findall(".//script") == [] and document.findall(".//img") == []


@pytest.mark.parametrize("language", ("da", "en"))
@pytest.mark.parametrize(("name", "items"), CASES, ids=[name for name, _ in CASES])
def test_danish_and_english_sms_fit_one_message(rendered, name, items, language):
    sms = rendered[name, language].sms
    assert sms_length.encoding(sms) == "gsm", sms
    assert sms_length.units(sms) <= 160, sms


@pytest.mark.parametrize(("name", "items"), CASES, ids=[name for name, _ in CASES])
def test_arabic_sms_stays_short(rendered, name, items):
    assert sms_length.parts(rendered[name, "ar"].sms) <= 2


def test_the_danish_meeting_reminder_reads_like_the_example(rendered):
    composed = rendered["meeting_reminder", "da"]
    example = "Du har et møde i morgen kl. 10.00. Se mere i Familieportalen."
    assert composed.sms == f"{example}\n{PORTAL}"
    assert composed.text.startswith("Du har et møde i morgen kl. 10.00.\n")
    assert "Se mere i Familieportalen." in composed.text
    assert composed.subject == "Påmindelse om dit møde"


def test_each_meeting_kind_says_what_happened(rendered):
    assert rendered["meeting_planned", "da"].sms.startswith(
        "Du er inviteret til et møde i morgen kl. 10.00."
    )
    assert rendered["meeting_moved", "da"].sms.startswith(
        "Et møde er flyttet. Det er nu i morgen kl. 10.00."
    )
    assert rendered["meeting_cancelled", "da"].sms.startswith(
        "Et møde i morgen kl. 10.00 er aflyst."
    )
    assert rendered["meeting_reminder today", "en"].sms.startswith(
        "You have a meeting today at 14:00."
    )
    assert "1. april 2026 kl. 10.00" in rendered["meeting_planned in three weeks", "da"].sms


def test_meeting_times_are_copenhagen_times_relative_to_copenhagen_days(app):
    late_evening = datetime(2026, 3, 11, 22, 30, tzinfo=UTC)  # 23.30 in Copenhagen
    just_after_midnight = datetime(2026, 3, 11, 23, 30, tzinfo=UTC)  # 00.30 the next day
    summer = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)  # 10.00 in summer time
    with app.app_context():
        night = compose(
            [Item("meeting_reminder", just_after_midnight)], "da", PORTAL, PROFILE, now=late_evening
        )
        july = compose(
            [Item("meeting_reminder", summer)],
            "en",
            PORTAL,
            PROFILE,
            now=datetime(2026, 6, 30, 12, 0, tzinfo=UTC),
        )
        naive = compose(
            [Item("meeting_reminder", TOMORROW_AT_TEN.replace(tzinfo=None))],
            "da",
            PORTAL,
            PROFILE,
            now=NOW,
        )
    assert night.sms.startswith("Du har et møde i morgen kl. 00.30.")
    assert july.sms.startswith("You have a meeting tomorrow at 10:00.")
    assert naive.sms.startswith("Du har et møde i morgen kl. 10.00.")  # naive means UTC


def test_a_digest_counts_and_lists_the_news(rendered):
    composed = rendered["digest of every kind", "da"]
    assert composed.subject == f"{len(KINDS)} nye ting i Familieportalen"
    lines = [line for line in composed.text.splitlines() if line.startswith("- ")]
    assert len(lines) == len(KINDS)
    assert "- Du har et møde i morgen kl. 10.00." in lines
    assert composed.html.count("<li>") == len(KINDS)
    same = rendered["digest of one kind", "da"]
    assert same.subject == "3 nye ting i Familieportalen"
    assert "- Der er 3 nye beskeder fra din kontaktperson." in same.text.splitlines()
    both = rendered["digest of two", "da"]
    assert both.sms == (
        "2 nye ting i Familieportalen\nDer er en ny afgørelse.\n"
        f"Et møde i morgen kl. 10.00 er aflyst.\n{PORTAL}"
    )


def test_the_html_escapes_what_it_is_given(app):
    with app.app_context():
        composed = compose([Item("update_posted")], "da", f"{PORTAL}/?a=1&b=<2>", PROFILE)
    assert f"{PORTAL}/?a=1&amp;b=&lt;2&gt;" in composed.html
    assert "<2>" not in composed.html


def test_an_unknown_language_gets_danish(app):
    with app.app_context():
        composed = compose([Item("decision_made")], "de", PORTAL, PROFILE)
    assert composed.subject == "Nyt i Familieportalen"
    assert '<html lang="da" dir="ltr">' in composed.html


def test_an_item_can_carry_nothing_but_a_kind_and_a_time():
    with pytest.raises(TypeError):
        Item("update_posted", name="Oliver")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Item("meeting_planned", "Oliver")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Item("update_posted", TOMORROW_AT_TEN)  # only meetings have a time
    with pytest.raises(ValueError):
        Item("Oliver has ADHD")
    news = Item("update_posted")
    # Frozen (Python 3.11 reports a frozen slotted dataclass's refusal as a TypeError) ...
    with pytest.raises((AttributeError, TypeError)):
        news.text = "Oliver"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        object.__setattr__(news, "text", "Oliver")  # ... and no room for more (slots)


def test_compose_refuses_what_it_cannot_tell(app):
    with pytest.raises(RuntimeError):  # no translations outside an app context
        compose([Item("decision_made")], "da", PORTAL, PROFILE)
    with app.app_context():
        with pytest.raises(ValueError):
            compose([], "da", PORTAL, PROFILE)
        with pytest.raises(ValueError):
            compose([Item("decision_made")], "da", "javascript:alert(1)", PROFILE)


def test_the_links_come_from_public_url(app):
    other = make_app("sqlite://", PUBLIC_URL="https://familieportalen.kk.dk/")
    assert portal_links(other) == (PORTAL, PROFILE)


def test_composed_is_a_plain_value():
    composed = Composed("s", "t", "h", "m")
    assert composed.profile_url == ""
