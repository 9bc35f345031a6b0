"""LIX readability, and the demo content parents read kept plain (LIX <= 40)."""

import pytest

from portal.catalogue.case_types import CASE_TYPES, CLOCK_REASONS
from portal.catalogue.glossary import GLOSSARY
from portal.catalogue.offers import OFFERS
from portal.domain.lix import lix

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
