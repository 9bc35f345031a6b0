"""Reference data — departments, case types with their steps, offers and the glossary — kept per
process: the glossary's links and page, the offer catalogue, the management view and each case's
steps on the family pages ask the database nothing for them.

The rows are loaded once into a private session on the request's connection (so a writer sees
its own uncommitted change) and kept detached, read-only and complete: every column and the
relationships between reference rows are loaded, nothing is ever loaded lazily from them. A
change to any reference row in this process (through portal/records or the API, flushed or
bulk) makes the next request rebuild the snapshot, and again when that transaction commits or
rolls back; a change made by another process is seen within `REFRESH_SECONDS`, or at once when
a case names a case type the snapshot does not have yet.

The snapshot's rows are for reading only: a page shows them, a write never takes one (it loads
the rows it changes or points to in its own session), so they are never attached to a session.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from itertools import chain

from flask import current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from portal.extensions import db
from portal.models import CaseType, Department, GlossaryTerm, Offer, StageType

REFRESH_SECONDS = 60.0
REFERENCE_MODELS = (Department, CaseType, StageType, Offer, GlossaryTerm)
_CACHE = "reference_data"  # app.extensions key: (built at, generation, Reference)
_CHANGED = "reference_changed"
_generation = [0]  # bumped whenever this process changes a reference row


@dataclass(frozen=True)
class Reference:
    departments: dict[int, Department]
    case_types: dict[int, CaseType]  # each with its department and ordered stage types
    stage_types: dict[int, StageType]
    offers: dict[int, Offer]  # each with its department
    glossary: tuple[GlossaryTerm, ...]


def generation() -> int:
    """Changes with every change to reference data seen in this process."""
    return _generation[0]


def _changed() -> None:
    _generation[0] += 1


@event.listens_for(Session, "after_flush")
def _flushed(session, context) -> None:
    rows = chain(session.new, session.dirty, session.deleted)
    if any(isinstance(row, REFERENCE_MODELS) for row in rows):
        session.info[_CHANGED] = True
        _changed()


@event.listens_for(Session, "do_orm_execute")
def _executed(state) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and (
        state.bind_mapper is not None and state.bind_mapper.class_ in REFERENCE_MODELS
    ):
        state.session.info[_CHANGED] = True
        _changed()


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _ended(session) -> None:
    if session.info.pop(_CHANGED, None):
        _changed()


def reference(*, rebuild: bool = False) -> Reference:
    """This process's snapshot, rebuilt when it may be out of date."""
    now = time.monotonic()
    cached = current_app.extensions.get(_CACHE)
    if not rebuild and cached and cached[1] == _generation[0] and now - cached[0] < REFRESH_SECONDS:
        return cached[2]
    built_for = _generation[0]
    found = _load()
    current_app.extensions[_CACHE] = (now, built_for, found)
    return found


def _load() -> Reference:
    with Session(bind=db.session.connection()) as private:
        departments = {d.id: d for d in private.scalars(select(Department))}
        stage_types = {s.id: s for s in private.scalars(select(StageType))}
        case_types = {t.id: t for t in private.scalars(select(CaseType))}
        offers = {o.id: o for o in private.scalars(select(Offer))}
        glossary = tuple(private.scalars(select(GlossaryTerm).order_by(GlossaryTerm.slug)))
        private.expunge_all()
    steps: dict[int, list[StageType]] = {t: [] for t in case_types}
    for stage_type in sorted(stage_types.values(), key=lambda s: s.position):
        steps[stage_type.case_type_id].append(stage_type)
        set_committed_value(stage_type, "case_type", case_types[stage_type.case_type_id])
    for case_type in case_types.values():
        set_committed_value(case_type, "department", departments[case_type.department_id])
        set_committed_value(case_type, "stage_types", steps[case_type.id])
    for offer in offers.values():
        set_committed_value(offer, "department", departments.get(offer.department_id))
    return Reference(departments, case_types, stage_types, offers, glossary)


def stage_plan(case_type_id: int) -> list[StageType]:
    """A case type's stage types in order, rebuilt once if the type is newer than the snapshot
    (another process added it less than `REFRESH_SECONDS` ago)."""
    found = reference()
    if case_type_id not in found.case_types:
        found = reference(rebuild=True)
    return found.case_types[case_type_id].stage_types
