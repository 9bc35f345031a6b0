"""What the family pages say about meetings: the coming ones apart from those already over, and
whether "no meetings are planned" would be true for this viewer at all."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from portal.access import FamilyAccess
from portal.models import Meeting
from portal.models.people import DEPARTMENT_CODES


def coming_and_past(meetings: Iterable[Meeting], now: datetime) -> tuple[list, list]:
    """Coming meetings soonest first, then those that have ended, the latest first. A meeting
    going on right now still counts as coming: it is the one the family may be late for."""
    coming = sorted((m for m in meetings if m.ends_at > now), key=lambda m: m.starts_at)
    past = sorted((m for m in meetings if m.ends_at <= now), key=lambda m: m.starts_at)
    return coming, past[::-1]


def sees_only_invited_meetings(access: FamilyAccess) -> bool:
    """Whether some department shows this viewer only the meetings they are invited to
    (docs/access.md G2, G3): then an empty list means "you are not invited", not "nothing is
    planned". It depends on the viewer's access alone, never on whether such a meeting exists,
    so the wording tells nothing about the other department's meetings. (There is one
    department per code at most, so fewer case departments than codes means one is missing.)"""
    return len(access.case_departments) < len(DEPARTMENT_CODES)
