"""Reading back in pages: rows in id order after a cursor, and the cursor of the next page."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Page:
    rows: list
    next_after: int | None  # the id to continue after, None on the last page


def page(session: Session, statement: Select, id_column, after: int | None, limit: int) -> Page:
    if after is not None:
        statement = statement.where(id_column > after)
    rows = session.scalars(statement.order_by(id_column).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows=list(rows), next_after=_id_of(rows[-1]) if more else None)


def _id_of(row) -> int:
    return row.id
