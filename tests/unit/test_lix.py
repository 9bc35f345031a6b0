"""LIX readability, and the demo content parents read kept plain (LIX <= 40)."""

import pytest

from portal.catalogue.case_types import CASE_TYPES, CLOCK_REASONS
from portal.catalogue.glossary import GLOSSARY
from portal.catalogue.offers import OFFERS
from portal.domain.lix import band, lix

LIMIT = 40


def test_lix_of_a_known_text():
    # 8 words, 2 sentences, 2 long words ("forvaltning", "psykologen"): 8/2 + 100*2/8 = 29
    assert lix("Psykologen taler med dig. Så kommer forvaltning snart.") == pytest.approx(
        4 + 100 * 2 / 8
    )


def test_colons_and_line_breaks_end_sentences():
    assert lix("Husk det: kom i dag\nVi ses") == pytest.approx(7 / 3)


def test_empty_text_scores_zero():
    assert lix("") == 0 and lix("123 !") == 0


# Danish texts counted by hand by the rules in portal/domain/lix.py (a long word has 7 or more
# letters; sentences end at . ! ? : and line breaks). Each comment gives the hand count:
# words / sentences + 100 * long words / words.
HAND_COUNTED = [
    (
        # 2 sentences: 6 + 9 = 15 words; long: Olivers (7), klassen (7) = 2.
        # 15/2 + 100*2/15 = 7.5 + 13.33 = 20.8
        "Vi har talt med Olivers lærer. Han siger, at Oliver har det godt i klassen.",
        20.8,
    ),
    (
        # "kl." ends a sentence, "10.30" is a number (no word, no end), "!\n" ends one sentence,
        # the colon ends one, and the phone number is no sentence: 3 sentences.
        # Words: Mødet er flyttet til torsdag kl (6) + på skolen (2) + Ring til mig hvis tiden
        # ikke passer (7) = 15; long: flyttet (7), torsdag (7) = 2.
        # 15/3 + 100*2/15 = 5 + 13.33 = 18.3
        "Mødet er flyttet til torsdag kl. 10.30 på skolen!\n"
        "Ring til mig, hvis tiden ikke passer: 33 17 45 31.",
        18.3,
    ),
    (
        # 1 sentence of 19 words; long (11): Forvaltningen, truffet, afgørelse, bevilling,
        # aflastning, henhold, barnets, afgørelsen, fremsendes, særskilt (æ, ø and å count
        # as letters: 8), forældremyndighedsindehaveren.
        # 19/1 + 100*11/19 = 19 + 57.89 = 76.9
        "Forvaltningen har truffet afgørelse om bevilling af aflastning i henhold til barnets "
        "lov, og afgørelsen fremsendes særskilt til forældremyndighedsindehaveren.",
        76.9,
    ),
    (
        # 4 sentences (. . ? .): 3 + 6 + 3 + 4 = 16 words. "PPR-vurderingen" is one word of 14
        # letters (the hyphen is no letter): long; "PPV'en" one word of 5 letters: short;
        # "spørgsmål" has 9 letters: long. 2 long.
        # 16/4 + 100*2/16 = 4 + 12.5 = 16.5
        "PPR-vurderingen er klar. Læs PPV'en før mødet på fredag. Har du spørgsmål? "
        "Så skriv til os.",
        16.5,
    ),
    (
        # A heading line, an empty line (no sentence), a colon and a line break: 4 sentences.
        # Words: Til familien Hansen (3) + Vi har fået svar fra lægen (6) + Oliver skal have
        # briller (4) + Vi aftaler et nyt møde med skolen når brillerne er bestilt (11) = 24;
        # long: familien, briller, aftaler, brillerne, bestilt = 5.
        # 24/4 + 100*5/24 = 6 + 20.83 = 26.8
        "Til familien Hansen\n\nVi har fået svar fra lægen: Oliver skal have briller.\n"
        "Vi aftaler et nyt møde med skolen, når brillerne er bestilt.",
        26.8,
    ),
    (
        # The demo update to Familien Hansen. 4 sentences: 7 + 7 + 10 + 7 = 31 words; long:
        # forsinket, vurderingen, mangler, samtale, spørgsmål = 5 ("regner" has 6: short).
        # 31/4 + 100*5/31 = 7.75 + 16.13 = 23.9
        "PPR er forsinket med vurderingen af Oliver. Line mangler en samtale med hans lærer. "
        "Vi regner med, at den er klar om tre uger. Ring til mig, hvis du har spørgsmål.",
        23.9,
    ),
]


@pytest.mark.parametrize(("text", "counted"), HAND_COUNTED)
def test_lix_agrees_with_a_hand_count_to_one_decimal(text, counted):
    assert round(lix(text), 1) == counted


def test_a_long_word_has_more_than_six_letters():
    # "løbende" has 7 letters (ø is a letter), "skoles" 6: one long word of two.
    assert lix("løbende skoles") == pytest.approx(2 / 1 + 100 * 1 / 2)
    # Hyphens and apostrophes are not letters: "ab-cdef" (6 letters) is short.
    assert lix("ab-cdef") == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("score", "name"),
    [
        (0, "very easy"),
        (24.9, "very easy"),
        (25, "easy"),
        (34.9, "easy"),
        (35, "medium"),
        (44.9, "medium"),
        (45, "hard"),
        (54.9, "hard"),
        (55, "very hard"),
        (76.9, "very hard"),
    ],
)
def test_the_danish_bands(score, name):
    """meget let under 25, let 25-34, middel 35-44, svær 45-54, meget svær 55 and over."""
    assert band(score) == name


def citizen_texts():
    for case_type in CASE_TYPES:
        for stage in case_type["stages"]:
            yield f"stage {case_type['code']}/{stage['code']}", stage["citizen_text"]["da"]
    for term in GLOSSARY:
        yield f"glossary {term['slug']}", term["explanation"]["da"]
    for offer in OFFERS:
        for field in ("summary", "who_decides", "how_to_ask"):
            yield f"offer {offer['code']}.{field}", offer[field]["da"]
    for key, reason in CLOCK_REASONS.items():
        yield f"clock reason {key}", reason["da"]


@pytest.mark.parametrize(("where", "text"), list(citizen_texts()))
def test_parent_facing_danish_is_plain(where, text):
    assert lix(text) <= LIMIT, f"{where}: LIX {lix(text):.1f}"


def interface_texts():
    """The portal's own Danish texts long enough to read as prose (labels and buttons are not)."""
    from pathlib import Path

    from babel.messages.pofile import read_po

    catalogue = Path(__file__).resolve().parents[2] / "translations/da/LC_MESSAGES/messages.po"
    with catalogue.open("rb") as po:
        for message in read_po(po):
            text = message.string if isinstance(message.string, str) else message.string[0]
            if message.id and text and len(text.split()) >= 10:
                yield text


@pytest.mark.parametrize("text", list(interface_texts()))
def test_the_portals_own_danish_is_plain(text):
    assert lix(text) <= LIMIT, f"LIX {lix(text):.1f}: {text}"
