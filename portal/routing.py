"""The `<id:...>` URL converter for row ids: only 1..2147483647 ever reaches a view.

Row ids are 32-bit integers on PostgreSQL (and SQLite cannot bind anything past 64 bits), so a
larger number in a URL would fail in the database instead of answering 404. The converter makes
such URLs, zero, negative numbers and leading zeros simply not match: the user gets a 404.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import IntegerConverter, Map

MAX_ID = 2**31 - 1  # PostgreSQL integer (int4)


class IdConverter(IntegerConverter):
    # At most 10 digits and no leading zero: a long digit string never reaches int() (which
    # refuses strings over 4,300 digits with a ValueError, i.e. a 500).
    regex = r"[1-9]\d{0,9}"

    def __init__(self, map: Map) -> None:
        super().__init__(map, min=1, max=MAX_ID)


def init_app(app: Flask) -> None:
    """Register the converter; must run before the first rule that uses `<id:...>` is added."""
    app.url_map.converters["id"] = IdConverter
