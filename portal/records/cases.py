"""Cases and their progress: the case itself, stage changes, clock pauses and extensions, and
the events in its timeline. Only the department that owns a case may change it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from portal.models import Case, CaseEvent, ClockAdjustment, StaffMember, Stage
from portal.records.errors import NotFound, invalid
from portal.records.families import child_of, family_key
from portal.records.pages import Page, page
from portal.records.staff import set_texts
from portal.records.unit import DECISION_MADE, STAGE_STARTED, Actor, UnitOfWork, require_own


def upsert_case(unit: UnitOfWork, department: str, external_id: str, **fields) -> tuple[Case, bool]:
    """Create or change a case of the actor's department for a child the department knows.
    Fields left out keep their value."""
    unit.own_department(department)
    own = unit.actor.department_id
    case = unit.find.case(own, external_id)
    child = child_of(unit, fields["child_id"])
    case_type = unit.find.case_type(fields["case_type"])
    if case_type is None or case_type.department_id != own:
        raise invalid("case_type", "not a case type of your department")
    if case is not None and case.case_type_id != case_type.id and case.stages:
        raise invalid("case_type", "the case has reached stages of its type; it cannot change")
    partner = fields.get("partner_department", _partner_code(case))
    if partner is not None and (partner == department or not case_type.joint):
        raise invalid(
            "partner_department", "only a joint case type has a partner, the other department"
        )
    opened_on = fields["opened_on"]
    closed_on = fields.get("closed_on", case.closed_on if case else None)
    if closed_on is not None and closed_on < opened_on:
        raise invalid("closed_on", "must not be before opened_on")
    holder = _holder(unit, fields["holder"]) if "holder" in fields else None

    created = case is None
    if created:
        case = Case(department_id=own, external_id=external_id)
        unit.session.add(case)
        unit.find.remember(("case", own, external_id), case)
    case.child = child
    case.case_type = case_type
    case.opened_on = opened_on
    case.closed_on = closed_on
    case.partner_department_id = unit.find.department(partner).id if partner else None
    if "holder" in fields:
        case.holder, case.holder_team = holder
    unit.wrote(family_key(child), "case", case, f"{unit.door}: case")
    return case, created


def _partner_code(case: Case | None) -> str | None:
    return case.partner_department.code if case and case.partner_department else None


def _holder(unit: UnitOfWork, holder: dict | None) -> tuple[StaffMember | None, str | None]:
    """Who holds the case or stage: a staff member of the actor's department and/or a team."""
    if holder is None:
        return None, None
    staff = None
    if holder.get("staff_id") is not None:
        staff = unit.find.staff(unit.actor.department_id, holder["staff_id"])
        if staff is None:
            raise invalid(("holder", "staff_id"), "no staff member with this id in your department")
    return staff, holder.get("team")


def case_of(unit: UnitOfWork, department: str, external_id: str) -> Case:
    unit.own_department(department)
    case = unit.find.case(unit.actor.department_id, external_id)
    if case is None:
        raise NotFound("no case with this external id in your department")
    return case


def change_stage(
    unit: UnitOfWork,
    department: str,
    case_id: str,
    *,
    stage_type: str,
    started_on: date,
    holder: dict | None = None,
) -> tuple[Stage, bool]:
    """Move a case to a stage: the open stage ends the day the new one starts. Sending the open
    stage again (same type and start) only updates its holder."""
    case = case_of(unit, department, case_id)
    wanted = next((t for t in case.case_type.stage_types if t.code == stage_type), None)
    if wanted is None:
        raise invalid("stage_type", "not a stage type of this case's type")
    staff, team = _holder(unit, holder)
    stages = list(case.stages)
    current = next((s for s in stages if s.ended_on is None), None)
    if current and current.stage_type_id == wanted.id and current.started_on == started_on:
        current.holder, current.holder_team = staff, team
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
        stage_type=wanted,
        started_on=started_on,
        holder=staff,
        holder_team=team,
        holder_department_id=unit.actor.department_id,
    )
    unit.session.add(stage)
    family_id = family_key(case.child)
    unit.wrote(family_id, "stage", stage, f"{unit.door}: stage change")
    unit.notify(STAGE_STARTED, family_id, case=case, stage=stage)
    return stage, True


def upsert_clock_adjustment(
    unit: UnitOfWork, department: str, case_id: str, external_id: str, **fields
) -> tuple[ClockAdjustment, bool]:
    """Pause the clock of the case's open stage, or extend its deadline, with the reason in plain
    words. A pause without an end is open; send it again with `ends_on` to end it."""
    case = case_of(unit, department, case_id)
    adjustment = unit.session.scalar(
        select(ClockAdjustment)
        .join(Stage)
        .where(Stage.case_id == case.id, ClockAdjustment.external_id == external_id)
    )
    stage = (
        adjustment.stage
        if adjustment
        else next((s for s in case.stages if s.ended_on is None), None)
    )
    if stage is None:
        raise invalid("kind", "the case has no open stage whose clock could be adjusted")
    kind, starts_on, ends_on = fields["kind"], fields["starts_on"], fields.get("ends_on")
    extra_days = fields.get("extra_days")
    if kind == "extension" and (extra_days is None or ends_on is not None):
        raise invalid("extra_days", "an extension has extra_days and no ends_on")
    if kind == "pause" and extra_days is not None:
        raise invalid("extra_days", "a pause has no extra_days; it lasts until ends_on")
    if starts_on < stage.started_on:
        raise invalid("starts_on", "must not be before the stage started")
    if ends_on is not None and ends_on < starts_on:
        raise invalid("ends_on", "must not be before starts_on")
    created = adjustment is None
    if created:
        adjustment = ClockAdjustment(stage=stage, external_id=external_id)
        unit.session.add(adjustment)
    adjustment.kind, adjustment.starts_on, adjustment.ends_on = kind, starts_on, ends_on
    adjustment.extra_days = extra_days
    set_texts(adjustment, "reason", fields["reason"])
    unit.wrote(family_key(case.child), "clock_adjustment", adjustment, f"{unit.door}: clock")
    return adjustment, created


def upsert_case_event(
    unit: UnitOfWork, department: str, case_id: str, external_id: str, **fields
) -> tuple[CaseEvent, bool]:
    """Add or change a line in the case's timeline. A decision the family may see queues a
    notification."""
    case = case_of(unit, department, case_id)
    complaint_to = fields.get("complaint_to")
    if complaint_to is not None and fields["kind"] != "decision":
        raise invalid("complaint_to", "only a decision has a complaint body")
    event = unit.find.event(case.id, external_id) if case.id is not None else None
    created = event is None
    was_news = not created and _is_news(event)
    if created:
        event = CaseEvent(external_id=external_id)
        if case.id is None:
            event.case = case
        else:
            event.case_id = case.id
        unit.session.add(event)
        unit.find.remember(("event", case.id, external_id), event)
    event.kind = fields["kind"]
    event.visibility = fields["visibility"]
    event.occurred_at = fields["occurred_at"]
    event.complaint_to = complaint_to
    summary = fields["summary"]
    event.summary_da, event.summary_en, event.summary_ar = (
        summary["da"],
        summary.get("en"),
        summary.get("ar"),
    )
    family_id = family_key(case.child)
    unit.wrote(family_id, "case_event", event, f"{unit.door}: case event")
    if _is_news(event) and not was_news:
        unit.notify(DECISION_MADE, family_id, case=case, event=event)
    return event, created


def _is_news(event: CaseEvent) -> bool:
    return event.kind == "decision" and event.visibility == "family"


# Reading back.


def get_case(session: Session, actor: Actor, department: str, external_id: str) -> Case:
    require_own(actor, department)
    case = session.scalar(
        select(Case).filter_by(department_id=actor.department_id, external_id=external_id)
    )
    if case is None:
        raise NotFound("no case with this external id in your department")
    return case


def list_cases(
    session: Session, actor: Actor, department: str, after: int | None, limit: int
) -> Page:
    require_own(actor, department)
    statement = (
        select(Case)
        .filter_by(department_id=actor.department_id)
        .options(selectinload(Case.stages), selectinload(Case.case_type))
    )
    return page(session, statement, Case.id, after, limit)


def list_stages(
    session: Session, actor: Actor, department: str, case_id: str, after: int | None, limit: int
) -> Page:
    case = get_case(session, actor, department, case_id)
    return page(session, select(Stage).filter_by(case_id=case.id), Stage.id, after, limit)


def list_clock_adjustments(
    session: Session, actor: Actor, department: str, case_id: str, after: int | None, limit: int
) -> Page:
    case = get_case(session, actor, department, case_id)
    statement = select(ClockAdjustment).join(Stage).where(Stage.case_id == case.id)
    return page(session, statement, ClockAdjustment.id, after, limit)


def get_event(
    session: Session, actor: Actor, department: str, case_id: str, external_id: str
) -> CaseEvent:
    case = get_case(session, actor, department, case_id)
    event = session.scalar(select(CaseEvent).filter_by(case_id=case.id, external_id=external_id))
    if event is None:
        raise NotFound("no event with this external id in this case")
    return event


def list_events(
    session: Session, actor: Actor, department: str, case_id: str, after: int | None, limit: int
) -> Page:
    case = get_case(session, actor, department, case_id)
    statement = select(CaseEvent).filter_by(case_id=case.id)
    return page(session, statement, CaseEvent.id, after, limit)
