"""The plain-language check staff see while they write an update to a family (Danish text).

`check(text, glossary_terms)` gives:

- the LIX score and its Danish band (portal/domain/lix.py: how words, long words and
  sentences are counted);
- **the sentences that are too long**: more than 20 words (`LONGEST_SENTENCE`), counted by
  the same word and sentence rules as LIX. Such a sentence is hard to follow on a phone;
- **the glossary words the parent may not know**: terms of the shared glossary
  (`GlossaryTerm`, the words both departments use) found in the text, each with the plain
  words to write instead (`PLAIN_WORDS`). A term is found in its Danish form as the glossary
  writes it, or its short form ("PPR" for "PPR (Pædagogisk Psykologisk Rådgivning)"), as a
  whole word or with a Danish ending ("afgørelsen", "underretninger"); a short form written
  in capitals ("PPR", "STU") only in capitals, so "stuen" is no "STU". Terms that are plain
  words already ("frist", "kontaktperson") and the departments' own names are not flagged.

Above LIX 45 (`CONFIRM_ABOVE`) the author confirms before the update is sent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from portal.domain.lix import band, lix, sentences, words

LONGEST_SENTENCE = 20  # words; a sentence with more is too long
CONFIRM_ABOVE = 45  # LIX above which the author confirms before sending

# The plain Danish to write instead of a glossary term, by the term's slug. None: the term is
# a plain word already, or a name the family knows from the portal (BUF, SOF): not flagged.
# A term of the glossary not named here is flagged without a suggestion ("explain it").
PLAIN_WORDS: dict[str, str | None] = {
    "ppr": "skolens psykologer",
    "ppv": "psykologens skriftlige vurdering",
    "dagbehandling": "skole med hjælp hver dag",
    "boernefaglig-undersoegelse": "vi ser på, hvordan jeres barn har det",
    "barnets-plan": None,
    "partshoering": "du får oplysningerne at se, før vi beslutter",
    "aktindsigt": "se papirerne i din sag",
    "foraeldremyndighed": "retten til at bestemme over barnet",
    "orienteringsret": "retten til at få besked om barnet",
    "matchningsudvalg": "gruppen, der finder det rette sted",
    "aftaleforum": "møde, hvor BUF og SOF aftaler, hvem gør hvad",
    "buf": None,
    "sof": None,
    "forvaltning": "en del af kommunen",
    "sagsbehandler": "rådgiver",
    "kontaktperson": None,
    "tvaerfagligt-moede": "møde med lærer, psykolog og rådgiver",
    "netvaerksmoede": "møde med familie, venner og skole",
    "opfoelgning": "vi ser på, om hjælpen virker",
    "afgoerelse": "svar",
    "klage-ankestyrelsen": None,
    "klagenaevnet-for-specialundervisning": None,
    "specialundervisning": "undervisning med ekstra hjælp",
    "visitation": "vi finder det rette tilbud",
    "handleplan": "barnets plan",
    "underretning": "bekymring fra fx skolen",
    "tilbudsviften": "den hjælp, kommunen kan give",
    "frist": None,
    "pause-i-sagen": None,
    "stu": "uddannelse for unge med særlige behov",
    "aflastning": "et trygt sted at bo i korte perioder",
    "bisidder": "en, du tager med til møder",
    "part-i-sagen": "en, sagen handler om",
    "samtykke": "dit ja",
    "boernesamtale": "samtale med barnet",
}
# Danish endings a term may carry and still be the term: "afgørelsen", "PPV'en", "frister".
ENDINGS = "erne|ernes|ene|ens|ets|er|en|et|ne|s|n|r|rne|rnes|ns|t|ts"
SHORTEST_FORM = 3


class GlossaryEntry(Protocol):
    slug: str
    term_da: str


@dataclass(frozen=True)
class LongSentence:
    text: str
    words: int


@dataclass(frozen=True)
class GlossaryWord:
    word: str  # as written in the text
    term: str  # the glossary's term
    slug: str
    plain: str | None  # what to write instead, when the portal knows


@dataclass(frozen=True)
class PlainLanguageCheck:
    score: float
    band: str  # English name of the Danish band: "very easy" ... "very hard"
    words: int
    sentences: int
    long_sentences: list[LongSentence] = field(default_factory=list)
    glossary_words: list[GlossaryWord] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.words == 0

    @property
    def needs_confirmation(self) -> bool:
        return self.score > CONFIRM_ABOVE


def check(text: str, glossary_terms: Iterable[GlossaryEntry] = ()) -> PlainLanguageCheck:
    text = text or ""
    score = round(lix(text), 1)
    return PlainLanguageCheck(
        score=score,
        band=band(score),
        words=len(words(text)),
        sentences=len(sentences(text)),
        long_sentences=long_sentences(text),
        glossary_words=glossary_words(text, glossary_terms),
    )


def long_sentences(text: str) -> list[LongSentence]:
    """The sentences of more than `LONGEST_SENTENCE` words, in the order written."""
    found = []
    for sentence in sentences(text):
        count = len(words(sentence))
        if count > LONGEST_SENTENCE:
            found.append(LongSentence(" ".join(sentence.split()), count))
    return found


def _forms(term: str) -> list[str]:
    """ "PPR (Pædagogisk Psykologisk Rådgivning)" is written as "PPR" or in full."""
    forms = [term]
    if " (" in term:
        forms.append(term.split(" (")[0])
    return [f for f in forms if len(f) >= SHORTEST_FORM]


def _pattern(form: str) -> re.Pattern:
    capitals = form.isupper()
    ending = rf"(?:['’-]?(?:{ENDINGS}))?" if capitals else rf"(?:{ENDINGS})?"
    body = r"\s+".join(re.escape(part) for part in form.split())
    flags = 0 if capitals else re.IGNORECASE
    return re.compile(rf"(?<![^\W_]){body}{ending}(?![^\W_])", flags)


def glossary_words(text: str, glossary_terms: Iterable[GlossaryEntry]) -> list[GlossaryWord]:
    """Each flagged glossary term once, at its first mention, in the order the text has them."""
    found: list[tuple[int, GlossaryWord]] = []
    for term in glossary_terms:
        if term.slug in PLAIN_WORDS and PLAIN_WORDS[term.slug] is None:
            continue
        # Longest form first: "Pædagogisk Psykologisk Rådgivning" before "PPR".
        matches = [
            match
            for form in sorted(_forms(term.term_da), key=len, reverse=True)
            if (match := _pattern(form).search(text))
        ]
        if matches:
            first = min(matches, key=lambda m: m.start())
            word = " ".join(first.group(0).split())
            plain = PLAIN_WORDS.get(term.slug)
            found.append((first.start(), GlossaryWord(word, term.term_da, term.slug, plain)))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]
