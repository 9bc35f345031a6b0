"""LIX, the Danish readability score: how long the sentences are, and how many long words.

    LIX = words / sentences + 100 * long words / words

The rules, as this module counts (and as the tests count by hand):

- **A word** is a run of letters. Æ, ø and å (and every other letter, of any alphabet) are
  letters; digits are not, so "3" or "2026" is no word. Letters joined by a hyphen or an
  apostrophe are one word ("PPR-vurdering", "PPV'en").
- **A long word** has more than six letters (7 or more). Only the letters are counted, not a
  hyphen or an apostrophe: "PPV'en" has 5 letters and is short.
- **A sentence ends** at ".", "!", "?", ":" and at every line break; several in a row end one
  sentence. An abbreviation's full stop ends a sentence too ("fx." and "kl."), as in the
  usual hand count. Only a full stop or colon between two digits is part of a number
  ("10.30", "1.000", "14:00"), not a sentence end. A piece with no word in it is no sentence,
  and a text whose last sentence has no full stop still has that sentence.

An empty text (no words) scores 0.

The Danish bands for a score (`band`): under 25 "meget let" (very easy), 25-34 "let" (easy),
35-44 "middel" (medium), 45-54 "svær" (hard), 55 and over "meget svær" (very hard). The
boundaries are on the score itself, so 34.9 is still "let". Parent-facing Danish aims at
LIX 35 at most ("let"); staff confirm before sending an update above 45
(portal/domain/plain_language.py).
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# A full stop or colon between two digits belongs to a number; every other end mark, or a run
# of them, ends a sentence.
SENTENCE_END = re.compile(r"(?:(?<!\d)[.:]|[.:](?!\d)|[!?\n\r])+")
LONG_WORD = 7  # letters: "more than six"

# (below this score, band). The names are English msgids; templates show them translated.
BANDS = (
    (25, "very easy"),  # meget let
    (35, "easy"),  # let
    (45, "medium"),  # middel
    (55, "hard"),  # svær
    (float("inf"), "very hard"),  # meget svær
)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def letters(word: str) -> int:
    return len(LETTER.findall(word))


def is_long(word: str) -> bool:
    return letters(word) >= LONG_WORD


def sentences(text: str) -> list[str]:
    """The text's sentences (as written, without their end marks), those with words only."""
    return [piece.strip() for piece in SENTENCE_END.split(text) if WORD.search(piece)]


def lix(text: str) -> float:
    found = words(text)
    if not found:
        return 0.0
    long_words = sum(1 for word in found if is_long(word))
    return len(found) / max(len(sentences(text)), 1) + 100 * long_words / len(found)


def band(score: float) -> str:
    """The Danish band of a score, by its English name ("very easy" ... "very hard")."""
    return next(name for below, name in BANDS if score < below)
