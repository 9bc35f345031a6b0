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
from portal.models import Department, Family, OutboxMessage
from portal.records.errors import Forbidden

# Outbox kinds: what a family hears about. The payload carries ids only, never content.
STAGE_STARTED = "stage_started"
MEETING_PLANNED = "meeting_planned"
MEETING_MOVED = "meeting_moved"
MEETING_CANCELLED = "meeting_cancelled"
DECISION_MADE = "decision_made"
UPDATE_POSTED = "update_posted"
CONTACT_PERSON_CHANGED = "contact_person_changed"  # a hand-over (payload: handover)
MESSAGE_ANSWERED = "message_answered"  # staff answered in a conversation (payload: thread, message)

# Who changes records, and so the door the change came through (the audit detail names it).
ACTOR_KINDS = ("api", "staff", "guardian", "system")


@dataclass(frozen=True)
class Actor:
    """Who makes the change: an API client (a department's case system), a staff member, a
    guardian (who belongs to no department, so `require_own` refuses every department's
    records to them), or the system itself (the demo data and the test data, which act for
    both departments and have no department of their own)."""

    kind: str  # one of ACTOR_KINDS
    name: str
    department_id: int | None = None
    department_code: str | None = None
    actor_id: int | None = None

    def acts_for(self, department_id: int | None) -> bool:
        """Whether the actor may change the records of this department."""
        if self.kind == "system":
            return True
        return department_id is not None and department_id == self.department_id


def system_actor(name: str) -> Actor:
    """The system as the actor, e.g. "demo data" (`flask seed-demo`) or "test data"."""
    return Actor(kind="system", name=name)


def require_own(actor: Actor, code: str | None) -> None:
    """Refuse to read or change records of a department other than the actor's own."""
    if actor.kind == "system" or (code is not None and code == actor.department_code):
        return
    raise Forbidden(refusal(actor, code))


def refusal(actor: Actor, code: str | None) -> str:
    own = actor.department_code
    return f"these records belong to {(code or 'both departments').upper()}; this client may " + (
        f"only read and change {own.upper()}'s records" if own else "change no records"
    )


class UnitOfWork:
    """Collects one transaction's changes. Audit entries and outbox messages are written in bulk
    when the unit finishes, after a single flush has given every new row its id.

    A unit that loads what happened before (the demo data, test data) tells no family about it:
    with `tell_families=False` it leaves its audit entries but no outbox messages."""

    def __init__(
        self,
        session: Session,
        actor: Actor,
        person_number_key: str = "",
        tell_families: bool = True,
    ):
        self.session = session
        self.actor = actor
        self._person_number_key = person_number_key
        self._tell_families = tell_families
        self._audits: dict[tuple, tuple] = {}
        self._notices: list[tuple[str, Family | int, dict]] = []

    @property
    def door(self) -> str:
        """Which door the change came through, for the audit detail."""
        return self.actor.kind

    def person_hash(self, person_number: str) -> str:
        """The keyed hash under which a person number is matched; the number is never kept."""
        return person_number_hash(person_number, self._person_number_key)

    def own(self, row) -> None:
        """Refuse to touch `row` (a department, or a row with its `department_id`) unless the
        actor acts for its department. Compares ids only, so it costs no query."""
        department_id = row.id if isinstance(row, Department) else row.department_id
        if not self.actor.acts_for(department_id):
            department = row if isinstance(row, Department) else row.department
            raise Forbidden(refusal(self.actor, department.code if department else None))

    def wrote(self, family: Family | int, object_type: str, row, detail: str | None = None):
        """Note a change to a family's data; one audit entry per object and unit."""
        self._audits[(object_type, id(row))] = (family, object_type, row, detail)

    def notify(self, kind: str, family: Family | int, **rows) -> None:
        """Queue a notification; `rows` become `<name>_id` entries of the payload."""
        if self._tell_families:
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
    session: Session, actor: Actor, person_number_key: str = "", *, tell_families: bool = True
) -> Iterator[UnitOfWork]:
    """Run changes in one transaction: committed when the block ends, rolled back on any error."""
    unit = UnitOfWork(session, actor, person_number_key, tell_families)
    try:
        yield unit
        unit.finish()
        session.commit()
    except BaseException:
        session.rollback()
        raise
