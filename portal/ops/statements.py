"""Counting the SQL statements a piece of work sends: the query-count tests and `make bench`
use it to show that a page costs the same number of statements however much data there is."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import event

from portal.extensions import db


@contextmanager
def counted_statements(app: Flask) -> Iterator[list[str]]:
    """Every statement the app's engine sends inside the block, in order."""
    statements: list[str] = []

    def remember(conn, cursor, statement, *args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", remember)
