"""Person numbers (CPR) are never stored: a keyed hash lets a login find its guardian."""

from __future__ import annotations

import hashlib
import hmac
import re

_DIGITS = re.compile(r"\D")


class InvalidPersonNumber(ValueError):
    pass


def normalize_person_number(value: str) -> str:
    digits = _DIGITS.sub("", value or "")
    if len(digits) != 10:
        raise InvalidPersonNumber("a person number has 10 digits")
    return digits


def person_number_hash(value: str, key: str) -> str:
    """HMAC-SHA256 of the normalised number; the same number always gives the same hash."""
    digits = normalize_person_number(value)
    return hmac.new(key.encode(), digits.encode(), hashlib.sha256).hexdigest()
