"""The child's shared plan: the next steps agreed at a meeting, across both departments. Staff
who see the meeting write them and tick them done (docs/access.md P2)."""

from __future__ import annotations

from datetime import date, datetime

from portal.models import Child, Meeting, PlanStep, StaffMember
from portal.models.base import utcnow
from portal.records.errors import Conflict, Forbidden, invalid
from portal.records.unit import UnitOfWork

OWNERS = ("staff", "family", "other")
LONGEST_WHAT = 1000
LONGEST_NAME = 200  # plan_steps.owner_name

NOT_YET = "next steps are agreed at the meeting: it has not started yet"
CANCELLED = "the meeting is cancelled"


def may_add_steps(meeting: Meeting, now: datetime | None = None) -> bool:
    """Next steps are written during or after the meeting, never for a cancelled one."""
    return meeting.status != "cancelled" and meeting.starts_at <= (now or utcnow())


def add_plan_step(
    unit: UnitOfWork,
    meeting: Meeting,
    child: Child,
    *,
    what: str,
    owner: str,
    owner_staff: StaffMember | None = None,
    owner_name: str | None = None,
    due_on: date | None = None,
    written_by: StaffMember | None = None,
    now: datetime | None = None,
) -> PlanStep:
    """One agreed next step for `child`: `owner` "staff" (with `owner_staff`, of either
    department), "family", or "other" (with `owner_name`, e.g. "Skolen")."""
    _staff_only(unit)
    if child.family is not meeting.family:
        raise invalid("child", "not a child of this meeting's family")
    if meeting.status == "cancelled":
        raise Conflict(CANCELLED)
    if meeting.starts_at > (now or utcnow()):
        raise Conflict(NOT_YET)
    what = (what or "").strip()
    if not what:
        raise invalid("what", "say what was agreed")
    if len(what) > LONGEST_WHAT:
        raise invalid("what", f"at most {LONGEST_WHAT} characters")
    if owner not in OWNERS:
        raise invalid("owner", f"one of {', '.join(OWNERS)}")
    if owner == "staff" and (owner_staff is None or not owner_staff.active):
        raise invalid("owner_staff", "an active staff member")
    owner_name = (owner_name or "").strip() if owner == "other" else ""
    if owner == "other" and not owner_name:
        raise invalid("owner_name", "say who")
    if len(owner_name) > LONGEST_NAME:
        raise invalid("owner_name", f"at most {LONGEST_NAME} characters")
    step = PlanStep(
        child=child,
        meeting=meeting,
        what=what,
        owner=owner,
        owner_staff=owner_staff if owner == "staff" else None,
        owner_name=owner_name or None,
        due_on=due_on,
        written_by=written_by,
        created_at=now or utcnow(),
    )
    unit.session.add(step)
    unit.wrote(meeting.family, "plan_step", step, f"{unit.door}: plan step")
    return step


def mark_step_done(unit: UnitOfWork, step: PlanStep, done_on: date) -> PlanStep:
    """Tick a step done on `done_on`; a step already done keeps the day it was done."""
    _staff_only(unit)
    if step.done_on is None:
        step.done_on = done_on
        unit.wrote(step.child.family, "plan_step", step, f"{unit.door}: plan step done")
    return step


def _staff_only(unit: UnitOfWork) -> None:
    if unit.actor.kind not in ("staff", "system"):
        raise Forbidden("only staff write the child's plan")
