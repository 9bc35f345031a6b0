"""The plain-language check staff see while writing an update: LIX with its band, sentences of
more than 20 words, and glossary words with the plain words to write instead."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from portal.catalogue.glossary import GLOSSARY
from portal.domain.plain_language import PLAIN_WORDS, check

TERMS = [SimpleNamespace(slug=t["slug"], term_da=t["term"]["da"]) for t in GLOSSARY]


def test_a_plain_text_passes():
    result = check("Vi har talt med Olivers lærer. Han siger, at Oliver har det godt.", TERMS)
    assert (result.band, result.long_sentences, result.glossary_words) == ("very easy", [], [])
    assert (result.words, result.sentences) == (13, 2)  # 6 + 7 words
    assert not result.needs_confirmation and not result.empty


def test_the_score_has_one_decimal_and_its_band():
    # 19 words, 1 sentence, 11 long words: 19 + 57.89 = 76.9
    result = check(
        "Forvaltningen har truffet afgørelse om bevilling af aflastning i henhold til barnets "
        "lov, og afgørelsen fremsendes særskilt til forældremyndighedsindehaveren."
    )
    assert (result.score, result.band) == (76.9, "very hard")
    assert result.needs_confirmation


def test_above_45_needs_confirmation():
    # 10 words in 1 sentence, 3 long (modtaget, papirerne, hospitalet): 10 + 30 = 40, medium.
    medium = check("Vi har modtaget papirerne fra skolen og hospitalet om Oliver")
    assert (medium.score, medium.band, medium.needs_confirmation) == (40.0, "medium", False)
    # The same with "angående" (8 letters) for "om": 4 long, 10 + 40 = 50, hard.
    hard = check("Vi har modtaget papirerne fra skolen og hospitalet angående Oliver")
    assert (hard.score, hard.band, hard.needs_confirmation) == (50.0, "hard", True)


def test_an_empty_text_is_empty():
    result = check("  \n ", TERMS)
    assert result.empty and result.score == 0 and result.band == "very easy"


def test_sentences_of_more_than_20_words_are_too_long():
    twenty = " ".join(["ord"] * 20) + "."
    twenty_one = "Vi " + " ".join(["taler"] * 20) + "!"
    result = check(f"{twenty} Kort sætning. {twenty_one}\nOg nu igen.")
    assert [(s.text, s.words) for s in result.long_sentences] == [
        ("Vi " + " ".join(["taler"] * 20), 21)
    ]


def test_a_long_sentence_is_shown_with_single_spaces():
    text = "Vi  har\t" + "meget  " * 19 + "travlt."
    [found] = check(text).long_sentences
    assert found.text == "Vi har " + "meget " * 19 + "travlt" and found.words == 22


def test_glossary_words_with_the_plain_word_to_use_instead():
    text = (
        "Vi har fået afgørelsen fra PPR. PPV'en er klar. Sagsbehandleren ringer om "
        "underretningen, og vi holder et tværfagligt  møde."
    )
    found = [(g.word, g.slug, g.plain) for g in check(text, TERMS).glossary_words]
    assert found == [
        ("afgørelsen", "afgoerelse", "svar"),
        ("PPR", "ppr", "skolens psykologer"),
        ("PPV'en", "ppv", "psykologens skriftlige vurdering"),
        ("Sagsbehandleren", "sagsbehandler", "rådgiver"),
        ("underretningen", "underretning", "bekymring fra fx skolen"),
        ("tværfagligt møde", "tvaerfagligt-moede", "møde med lærer, psykolog og rådgiver"),
    ]


def test_each_term_once_at_its_first_mention_and_in_full_or_short():
    text = "Pædagogisk Psykologisk Rådgivning er med. PPR kommer igen. PPR igen."
    [found] = check(text, TERMS).glossary_words
    assert (found.word, found.term) == ("PPR", "PPR (Pædagogisk Psykologisk Rådgivning)")
    full = check("PPR (Pædagogisk Psykologisk Rådgivning) kommer.", TERMS).glossary_words
    assert [g.word for g in full] == ["PPR (Pædagogisk Psykologisk Rådgivning)"]


@pytest.mark.parametrize(
    "text",
    [
        "Stuen er malet.",  # not "STU": a short form in capitals only matches in capitals
        "Studiet er godt.",
        "Vi ses i klassen.",
        "Fristen er 4 uger, og din kontaktperson ringer.",  # plain words: not flagged
        "BUF og SOF holder møde.",  # the departments' names, which the portal uses everywhere
        "Vi afgør det i morgen.",  # not a form of "afgørelse"
    ],
)
def test_no_glossary_word_where_there_is_none_to_explain(text):
    assert check(text, TERMS).glossary_words == []


def test_a_glossary_term_the_portal_has_no_plain_word_for_is_flagged_without_one():
    new_term = SimpleNamespace(slug="ny-betegnelse", term_da="Familieindsatsteam")
    [found] = check("Familieindsatsteamet kommer.", [new_term]).glossary_words
    assert (found.word, found.plain) == ("Familieindsatsteamet", None)


def test_every_glossary_term_is_decided():
    """A term added to the glossary gets a plain word here, or None when it is plain already."""
    assert {t["slug"] for t in GLOSSARY} <= set(PLAIN_WORDS)
