"""Cases and their progress: the case itself, stage changes, clock pauses and extensions, and
the events in its timeline. Only the department that owns a case may change it, and a case or
stage holder is one of its staff (docs/access.md, S3)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import (
    Case,
    CaseEvent,
    CaseType,
    Child,
    ClockAdjustment,
    Department,
    StaffMember,
    Stage,
    StageType,
)
from portal.reads.family import CASE_HEADLINE
from portal.records.errors import invalid
from portal.records.families import family_key
from portal.records.fields import KEEP, kept, set_texts
from portal.records.pages import Page, page
from portal.records.unit import DECISION_MADE, STAGE_STARTED, Actor, UnitOfWork, require_own

NOT_OWN_CASE_TYPE = "not a case type of your department"
NOT_OWN_STAFF = "no staff member with this id in your department"
NOT_A_STAGE_TYPE = "not a stage type of this case's type"


def open_case(
    unit: UnitOfWork,
    department: Department,
    external_id: str,
    *,
    child: Child,
    case_type: CaseType,
    opened_on: date,
    closed_on: date | None = None,
    partner_department: Department | None = None,
    holder: StaffMember | None = None,
    holder_team: str | None = None,
) -> Case:
    """A new case of the department for a child, under the department's own id. A joint case
    type may have the other department as partner."""
    unit.own(department)
    _check_case(department.id, None, case_type, partner_department, opened_on, closed_on)
    _check_holder(department.id, holder)
    case = Case(department_id=department.id, external_id=external_id)
    unit.session.add(case)
    _set_case(case, child, case_type, opened_on, closed_on, partner_department)
    case.holder, case.holder_team = holder, holder_team
    unit.wrote(family_key(child), "case", case, f"{unit.door}: case")
    return case


def change_case(
    unit: UnitOfWork,
    case: Case,
    *,
    child: Child,
    case_type: CaseType,
    opened_on: date,
    closed_on: date | None = KEEP,
    partner_department: Department | None = KEEP,
    holder: StaffMember | None = KEEP,
    holder_team: str | None = None,
) -> Case:
    """Change a case. What is left out (KEEP) keeps its value; `holder` and `holder_team`
    change together. The type cannot change once the case has reached stages of it."""
    unit.own(case)
    if partner_department is KEEP:
        partner_department = case.partner_department
    closed_on = kept(closed_on, case.closed_on)
    _check_case(case.department_id, case, case_type, partner_department, opened_on, closed_on)
    if holder is not KEEP:
        _check_holder(case.department_id, holder)
    _set_case(case, child, case_type, opened_on, closed_on, partner_department)
    if holder is not KEEP:
        case.holder, case.holder_team = holder, holder_team
    unit.wrote(family_key(child), "case", case, f"{unit.door}: case")
    return case


def _check_case(
    department_id: int,
    case: Case | None,
    case_type: CaseType,
    partner: Department | None,
    opened_on: date,
    closed_on: date | None,
) -> None:
    if case_type.department_id != department_id:
        raise invalid("case_type", NOT_OWN_CASE_TYPE)
    if case is not None and case.case_type_id != case_type.id and case.stages:
        raise invalid("case_type", "the case has reached stages of its type; it cannot change")
    if partner is not None and (partner.id == department_id or not case_type.joint):
        raise invalid(
            "partner_department", "only a joint case type has a partner, the other department"
        )
    if closed_on is not None and closed_on < opened_on:
        raise invalid("closed_on", "must not be before opened_on")


def _check_holder(department_id: int, holder: StaffMember | None, path=("holder",)) -> None:
    """A case or stage is held by staff of the case's own department (S3)."""
    if holder is not None and holder.department_id != department_id:
        raise invalid((*path, "staff_id"), NOT_OWN_STAFF)


def _set_case(case, child, case_type, opened_on, closed_on, partner) -> None:
    case.child = child
    case.case_type = case_type
    case.opened_on = opened_on
    case.closed_on = closed_on
    case.partner_department_id = partner.id if partner else None


def change_stage(
    unit: UnitOfWork,
    case: Case,
    stage_type: StageType,
    *,
    started_on: date,
    holder: StaffMember | None = None,
    holder_team: str | None = None,
) -> tuple[Stage, bool]:
    """Move a case to a stage: the open stage ends the day the new one starts, and the family
    hears about it. Sending the open stage again (same type and start) only changes its holder.
    Returns the stage and whether it is a new one."""
    unit.own(case)
    if stage_type not in case.case_type.stage_types:
        raise invalid("stage_type", NOT_A_STAGE_TYPE)
    _check_holder(case.department_id, holder)
    stages = list(case.stages)
    current = next((s for s in stages if s.ended_on is None), None)
    if current and current.stage_type_id == stage_type.id and current.started_on == started_on:
        current.holder, current.holder_team = holder, holder_team
        unit.wrote(family_key(case.child), "stage", current, f"{unit.door}: stage holder")
        return current, False
    latest = max((s.started_on for s in stages), default=None)
    if latest is not None and started_on < latest:
        raise invalid(
            "started_on", f"must not be before the current stage started ({latest.isoformat()})"
        )
    if current is not None:
        current.ended_on = started_on
        unit.session.flush()  # the one open stage per case is closed before the next opens
    stage = Stage(
        case=case,
        stage_type=stage_type,
        started_on=started_on,
        holder=holder,
        holder_team=holder_team,
        holder_department_id=case.department_id,
    )
    unit.session.add(stage)
    family_id = family_key(case.child)
    unit.wrote(family_id, "stage", stage, f"{unit.door}: stage change")
    unit.notify(STAGE_STARTED, family_id, case=case, stage=stage)
    return stage, True


def add_clock_adjustment(
    unit: UnitOfWork,
    case: Case,
    *,
    kind: str,
    starts_on: date,
    reason: dict,
    ends_on: date | None = None,
    extra_days: int | None = None,
    external_id: str | None = None,
) -> ClockAdjustment:
    """Pause the clock of the case's open stage, or extend its deadline, with the reason in plain
    words. A pause without an end is open until it is changed to have one."""
    unit.own(case)
    stage = next((s for s in case.stages if s.ended_on is None), None)
    if stage is None:
        raise invalid("kind", "the case has no open stage whose clock could be adjusted")
    _check_adjustment(stage, kind, starts_on, ends_on, extra_days)
    adjustment = ClockAdjustment(stage=stage, external_id=external_id)
    unit.session.add(adjustment)
    _set_adjustment(adjustment, kind, starts_on, ends_on, extra_days, reason)
    unit.wrote(family_key(case.child), "clock_adjustment", adjustment, f"{unit.door}: clock")
    return adjustment


def change_clock_adjustment(
    unit: UnitOfWork,
    adjustment: ClockAdjustment,
    *,
    kind: str,
    starts_on: date,
    reason: dict,
    ends_on: date | None = None,
    extra_days: int | None = None,
) -> ClockAdjustment:
    """Change a pause or extension, e.g. end an open pause (`ends_on`)."""
    stage = adjustment.stage
    case = stage.case
    unit.own(case)
    _check_adjustment(stage, kind, starts_on, ends_on, extra_days)
    _set_adjustment(adjustment, kind, starts_on, ends_on, extra_days, reason)
    unit.wrote(family_key(case.child), "clock_adjustment", adjustment, f"{unit.door}: clock")
    return adjustment


def _check_adjustment(stage: Stage, kind, starts_on, ends_on, extra_days) -> None:
    if kind == "extension" and (extra_days is None or ends_on is not None):
        raise invalid("extra_days", "an extension has extra_days and no ends_on")
    if kind == "pause" and extra_days is not None:
        raise invalid("extra_days", "a pause has no extra_days; it lasts until ends_on")
    if starts_on < stage.started_on:
        raise invalid("starts_on", "must not be before the stage started")
    if ends_on is not None and ends_on < starts_on:
        raise invalid("ends_on", "must not be before starts_on")


def _set_adjustment(adjustment, kind, starts_on, ends_on, extra_days, reason) -> None:
    adjustment.kind, adjustment.starts_on, adjustment.ends_on = kind, starts_on, ends_on
    adjustment.extra_days = extra_days
    set_texts(adjustment, "reason", reason)


def add_case_event(
    unit: UnitOfWork,
    case: Case,
    *,
    kind: str,
    visibility: str,
    occurred_at: datetime,
    summary: dict,
    complaint_to: str | None = None,
    external_id: str | None = None,
) -> CaseEvent:
    """Add a line to the case's timeline. A decision the family may see queues a notification."""
    unit.own(case)
    _check_event(kind, complaint_to)
    event = CaseEvent(external_id=external_id)
    if case.id is None:
        event.case = case
    else:
        event.case_id = case.id  # no need to load the case's events
    unit.session.add(event)
    _set_event(event, kind, visibility, occurred_at, summary, complaint_to)
    _note_event(unit, case, event, was_news=False)
    return event


def change_case_event(
    unit: UnitOfWork,
    case: Case,
    event: CaseEvent,
    *,
    kind: str,
    visibility: str,
    occurred_at: datetime,
    summary: dict,
    complaint_to: str | None = None,
) -> CaseEvent:
    """Change a line of the case's timeline. A decision that becomes visible to the family
    queues a notification, once."""
    unit.own(case)
    _check_event(kind, complaint_to)
    if event.case_id != case.id:
        raise invalid("event", "not an event of this case")
    was_news = _is_news(event)
    _set_event(event, kind, visibility, occurred_at, summary, complaint_to)
    _note_event(unit, case, event, was_news)
    return event


def _check_event(kind: str, complaint_to: str | None) -> None:
    if complaint_to is not None and kind != "decision":
        raise invalid("complaint_to", "only a decision has a complaint body")


def _set_event(event, kind, visibility, occurred_at, summary, complaint_to) -> None:
    event.kind = kind
    event.visibility = visibility
    event.occurred_at = occurred_at
    event.complaint_to = complaint_to
    set_texts(event, "summary", summary)


def _note_event(unit: UnitOfWork, case: Case, event: CaseEvent, was_news: bool) -> None:
    family_id = family_key(case.child)
    unit.wrote(family_id, "case_event", event, f"{unit.door}: case event")
    if _is_news(event) and not was_news:
        unit.notify(DECISION_MADE, family_id, case=case, event=event)


def _is_news(event: CaseEvent) -> bool:
    return event.kind == "decision" and event.visibility == "family"


# Reading back (the API finds the case by its external id first: portal/api/rows.py).


def list_cases(
    session: Session, actor: Actor, department: str, after: int | None, limit: int
) -> Page:
    """A page of the department's cases, with the headline the family and staff pages load."""
    require_own(actor, department)
    statement = select(Case).filter_by(department_id=actor.department_id).options(*CASE_HEADLINE)
    return page(session, statement, Case.id, after, limit)


def list_stages(session: Session, case: Case, after: int | None, limit: int) -> Page:
    return page(session, select(Stage).filter_by(case_id=case.id), Stage.id, after, limit)


def list_clock_adjustments(session: Session, case: Case, after: int | None, limit: int) -> Page:
    statement = select(ClockAdjustment).join(Stage).where(Stage.case_id == case.id)
    return page(session, statement, ClockAdjustment.id, after, limit)


def list_events(session: Session, case: Case, after: int | None, limit: int) -> Page:
    statement = select(CaseEvent).filter_by(case_id=case.id)
    return page(session, statement, CaseEvent.id, after, limit)
