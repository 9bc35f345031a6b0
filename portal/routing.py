"""The `<id:...>` URL converter for row ids: only 1..2147483647 ever reaches a view.

Row ids are 32-bit integers on PostgreSQL (and SQLite cannot bind anything past 64 bits), so a
larger number in a URL would fail in the database instead of answering 404. The converter makes
such URLs, zero, negative numbers and leading zeros simply not match: the user gets a 404.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

MAX_ID = 2**31 - 1  # PostgreSQL integer (int4)


def up_to(limit: int) -> str:
    """A regular expression for the whole numbers 1..limit, without leading zeros. The URL
    matcher then never takes a larger number for an id: werkzeug answers a route that matched
    only by its pattern 405 (not 404) when the method is wrong, before the range is checked."""
    digits = str(limit)
    shorter = rf"[1-9]\d{{0,{len(digits) - 2}}}" if len(digits) > 1 else None
    same_length = []
    for i, digit in enumerate(digits):
        low = 1 if i == 0 else 0
        if int(digit) > low:
            rest = len(digits) - i - 1
            tail = rf"\d{{{rest}}}" if rest else ""
            same_length.append(f"{digits[:i]}[{low}-{int(digit) - 1}]{tail}")
    same_length.append(digits)
    return "|".join(filter(None, [shorter, *same_length]))


class IdConverter(IntegerConverter):
    # At most 10 digits and no leading zero: a long digit string never reaches int() (which
    # refuses strings over 4,300 digits with a ValueError, i.e. a 500); nothing above MAX_ID.
    regex = f"(?:{up_to(MAX_ID)})"

    def __init__(self, map: Map) -> None:
        super().__init__(map, min=1, max=MAX_ID)


def init_app(app: Flask) -> None:
    """Register the converter; must run before the first rule that uses `<id:...>` is added."""
    app.url_map.converters["id"] = IdConverter
