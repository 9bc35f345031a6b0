"""The one transaction boundary for changes, and what every change leaves behind: an audit entry
for family data and, for what a family should hear about, a message in the outbox."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from portal.audit import actor_columns, record_all
from portal.domain.identity import person_number_hash
from portal.models import Family, OutboxMessage
from portal.records.errors import Forbidden
from portal.records.lookups import Lookups

# Outbox kinds: what a family hears about. The payload carries ids only, never content.
STAGE_STARTED = "stage_started"
MEETING_PLANNED = "meeting_planned"
MEETING_MOVED = "meeting_moved"
MEETING_CANCELLED = "meeting_cancelled"
DECISION_MADE = "decision_made"


@dataclass(frozen=True)
class Actor:
    """Who makes the change: an API client (a department's case system), a staff member, or a
    guardian (who belongs to no department, so `require_own` refuses every department's
    records to them)."""

    kind: str  # "api" | "staff" | "guardian"
    name: str
    department_id: int | None
    department_code: str | None
    actor_id: int | None = None


def require_own(actor: Actor, code: str | None) -> None:
    """Refuse to read or change records of a department other than the actor's own."""
    if code != actor.department_code:
        raise Forbidden(
            f"these records belong to {(code or 'both departments').upper()}; this client may "
            f"only read and change {actor.department_code.upper()}'s records"
        )


class UnitOfWork:
    """Collects one transaction's changes. Audit entries and outbox messages are written in bulk
    when the unit finishes, after a single flush has given every new row its id."""

    def __init__(self, session: Session, actor: Actor, person_number_key: str = ""):
        self.session = session
        self.actor = actor
        self._person_number_key = person_number_key
        self.find = Lookups(session)
        self._audits: dict[tuple, tuple] = {}
        self._notices: list[tuple[str, Family | int, dict]] = []

    @property
    def door(self) -> str:
        """Which door the change came through, for the audit detail."""
        return self.actor.kind

    def person_hash(self, person_number: str) -> str:
        """The keyed hash under which a person number is matched; the number is never kept."""
        return person_number_hash(person_number, self._person_number_key)

    def own_department(self, code: str) -> None:
        """Refuse to touch records of a department other than the actor's own."""
        require_own(self.actor, code)

    def wrote(self, family: Family | int, object_type: str, row, detail: str | None = None):
        """Note a change to a family's data; one audit entry per object and unit."""
        self._audits[(object_type, id(row))] = (family, object_type, row, detail)

    def notify(self, kind: str, family: Family | int, **rows) -> None:
        """Queue a notification; `rows` become `<name>_id` entries of the payload."""
        self._notices.append((kind, family, rows))

    def finish(self) -> None:
        self.session.flush()
        who = actor_columns(self.actor)
        audits = [
            {
                **who,
                "action": "write",
                "family_id": _id(family),
                "object_type": object_type,
                "object_id": row.id,
                "detail": detail,
            }
            for family, object_type, row, detail in self._audits.values()
        ]
        notices = [
            {
                "kind": kind,
                "family_id": _id(family),
                "payload": {f"{name}_id": row.id for name, row in rows.items()},
            }
            for kind, family, rows in self._notices
        ]
        record_all(self.session, audits)
        if notices:
            self.session.execute(insert(OutboxMessage), notices)
        self._audits.clear()
        self._notices.clear()


def _id(family: Family | int) -> int:
    return family if isinstance(family, int) else family.id


@contextmanager
def unit_of_work(
    session: Session, actor: Actor, person_number_key: str = ""
) -> Iterator[UnitOfWork]:
    """Run changes in one transaction: committed when the block ends, rolled back on any error."""
    unit = UnitOfWork(session, actor, person_number_key)
    try:
        yield unit
        unit.finish()
        session.commit()
    except BaseException:
        session.rollback()
        raise
