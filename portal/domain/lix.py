"""LIX readability: words/sentences + 100 * long words/words (long = 7+ letters).

Parent-facing Danish aims at LIX <= 35 ("let"). Sentences end at . ! ? : and line breaks.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?:\n]+")
LONG_WORD = 7


def lix(text: str) -> float:
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = [s for s in SENTENCE_END.split(text) if WORD.search(s)]
    long_words = sum(1 for word in words if len(word) >= LONG_WORD)
    return len(words) / max(len(sentences), 1) + 100 * long_words / len(words)
