"""What texts from the case systems may contain. They are shown to families and staff as they
are, so no character in them may change how the text around it reads."""

from __future__ import annotations

import re
import unicodedata

# Characters a text from a case system may not carry: control characters (C0, DEL, C1), the
# Unicode line and paragraph separators, and the bidirectional embeddings, overrides and
# isolates (U+202A-U+202E, U+2066-U+2069), with which a sender can make a name or title read
# differently from what it is. The marks U+200E, U+200F and U+061C stay allowed: Arabic and
# mixed texts need them, and they cannot reorder text beyond their neighbours.
_REFUSED = r"\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# Multi-line texts keep tabs and line breaks (\n, or \r only as part of \r\n).
_REFUSED_IN_LINES = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# The same rules for the OpenAPI document (ECMA-262 regular expressions).
LINE_PATTERN = rf"^[^{_REFUSED}]*$"
LINES_PATTERN = rf"^(?:[^{_REFUSED_IN_LINES}]|\r\n)*$"
_REFUSED_IN_LINE = re.compile(rf"[{_REFUSED}]")
_REFUSED_IN_TEXT = re.compile(rf"(?!\r\n)[{_REFUSED_IN_LINES}]")


def _refusal(character: str) -> str:
    code = f"U+{ord(character):04X}"
    if character in "\r\n":
        return "must be one line (no line breaks)"
    if "\u202a" <= character <= "\u202e" or "\u2066" <= character <= "\u2069":
        name = unicodedata.name(character)
        return f"must not contain bidirectional text controls ({code} {name})"
    if character in "\u2028\u2029":
        return f"must not contain Unicode line or paragraph separators ({code})"
    return f"must not contain control characters ({code})"


def is_safe_text(value: str, *, multiline: bool) -> bool:
    """The same rule for the portal's own forms (portal/forms.py), which say it in words."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return (_REFUSED_IN_TEXT if multiline else _REFUSED_IN_LINE).search(value) is None


def _checked_text(value: str, multiline: bool) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    found = (_REFUSED_IN_TEXT if multiline else _REFUSED_IN_LINE).search(value)
    if found is None:
        return value
    if multiline and found.group() == "\r":
        raise ValueError("must break lines with \\n or \\r\\n, not a lone \\r")
    raise ValueError(_refusal(found.group()))


def one_line(value: str) -> str:
    return _checked_text(value, multiline=False)


def some_lines(value: str) -> str:
    return _checked_text(value, multiline=True)
