""" "Det er vigtigt for os": what a guardian wants said before a meeting. One text per guardian
and meeting, which the guardian writes and changes until the meeting starts (docs/access.md G5).
"""

from __future__ import annotations

from datetime import datetime

from portal.models import Guardian, Meeting, Preparation
from portal.models.base import utcnow
from portal.records.errors import Conflict, Forbidden, invalid
from portal.records.unit import UnitOfWork

# The longest text each answer takes (the form says so before it refuses a longer one).
LONGEST_TEXT = 2000
LONGEST_LANGUAGE = 60  # preparations.interpreter_language

STARTED = "the meeting has started or is cancelled: what the family wrote can no longer change"


def may_change(meeting: Meeting, now: datetime | None = None) -> bool:
    """Whether a guardian may still write or change what they want said: until it starts."""
    return meeting.status == "planned" and meeting.starts_at > (now or utcnow())


def save_preparation(
    unit: UnitOfWork,
    meeting: Meeting,
    guardian: Guardian,
    *,
    what_matters: str | None,
    questions: str | None,
    interpreter_language: str | None,
    child_attends: bool | None,
    now: datetime | None = None,
) -> Preparation:
    """Write (or change) the guardian's own text for the meeting; the newest wins whole. Empty
    texts are kept as nothing; `interpreter_language` None means no interpreter is needed and
    `child_attends` None that it was not asked or not known yet."""
    if unit.actor.kind not in ("guardian", "system"):
        raise Forbidden("only a guardian writes what matters to the family")
    if guardian.family is not meeting.family:
        raise invalid("guardian", "not a guardian in this meeting's family")
    if not may_change(meeting, now):
        raise Conflict(STARTED)
    texts = {
        "what_matters": _text(what_matters, LONGEST_TEXT, "what_matters"),
        "questions": _text(questions, LONGEST_TEXT, "questions"),
        "interpreter_language": _text(
            interpreter_language, LONGEST_LANGUAGE, "interpreter_language"
        ),
    }
    preparation = next((p for p in meeting.preparations if p.guardian_id == guardian.id), None)
    if preparation is None:
        preparation = Preparation(meeting=meeting, guardian=guardian)
        unit.session.add(preparation)
    for name, value in texts.items():
        setattr(preparation, name, value)
    preparation.child_attends = child_attends
    preparation.updated_at = now or utcnow()
    unit.wrote(meeting.family, "preparation", preparation, f"{unit.door}: preparation")
    return preparation


def _text(value: str | None, longest: int, field: str) -> str | None:
    value = (value or "").strip()
    if len(value) > longest:
        raise invalid(field, f"at most {longest} characters")
    return value or None
