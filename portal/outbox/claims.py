"""Taking work so that no two workers take the same: any number of workers on any number of
hosts share one PostgreSQL; on the embedded SQLite one worker is enough, and still correct.

A claim is one UPDATE of the rows it takes. On PostgreSQL the rows are chosen with
`FOR UPDATE SKIP LOCKED`, so a worker passes over what another is taking instead of waiting
for it; the UPDATE checks the claimable condition again, which on SQLite (one writer at a
time) makes it a compare-and-set: a row another worker took in between is not taken twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from portal.models import Family


def claim(session: Session, model, claimable, order_by: tuple, limit: int, **values) -> list[int]:
    """Set `values` on up to `limit` rows of `model` that are `claimable`, oldest first by
    `order_by`; returns the ids taken. The caller commits (or rolls back) the claim."""
    chosen = (
        select(model.id)
        .where(claimable)
        .order_by(*order_by)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    taken = session.execute(
        update(model).where(model.id.in_(chosen), claimable).values(**values).returning(model.id),
        execution_options={"synchronize_session": False},
    )
    return sorted(taken.scalars())


def lock_families(session: Session, family_ids: Iterable[int | None]) -> None:
    """Serialize fan-out per family until the transaction ends (PostgreSQL; SQLite serializes
    every writer anyway): what one worker tells a family's guardians, the next worker sees.
    `FOR NO KEY UPDATE` does not hold up rows being inserted that refer to the family."""
    ids = sorted({i for i in family_ids if i is not None})
    if ids:
        session.execute(
            select(Family.id)
            .where(Family.id.in_(ids))
            .order_by(Family.id)
            .with_for_update(key_share=True)
        ).all()
