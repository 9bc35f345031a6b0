"""Values the records functions take: texts in the portal's three languages, and `KEEP` for a
field a change leaves as it is (a case system may send only what changed)."""

from __future__ import annotations

LANGUAGES = ("da", "en", "ar")


class _Keep:
    """The value of a field left out of a change: it keeps what it was."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def kept(value, current):
    """`current` when the field was left out, else the new value."""
    return current if value is KEEP else value


def set_texts(row, prefix: str, texts: dict | None) -> None:
    """Set a `<prefix>_da/_en/_ar` trio from {"da": ..., "en": ..., "ar": ...} (None clears)."""
    texts = texts or {}
    for code in LANGUAGES:
        setattr(row, f"{prefix}_{code}", texts.get(code))
