"""What the whole database holds, to show that a refused or failed request wrote nothing: every
table's row count in one query, and a fingerprint of every row to catch changed rows too."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from portal.extensions import db


def row_counts(source) -> dict[str, int]:
    """`source`: an app (read in its own context) or a session of the test's own."""
    tables = db.metadata.sorted_tables
    statement = select(*(select(func.count()).select_from(t).scalar_subquery() for t in tables))
    counts = _read(source, lambda session: session.execute(statement).one())
    return dict(zip((t.name for t in tables), counts, strict=True))


def table_digests(source) -> dict[str, str]:
    def digest(session: Session) -> dict[str, str]:
        found = {}
        for table in db.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = session.execute(select(table).order_by(*order)).all()
            found[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
        return found

    return _read(source, digest)


def _read(source, read):
    if isinstance(source, Session):
        source.expire_all()
        return read(source)
    with source.app_context():
        try:
            return read(db.session)
        finally:
            db.session.remove()
