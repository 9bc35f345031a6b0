"""Cases of a department: the case, its stage changes, clock adjustments and events."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy.orm import Session

from portal.api.endpoints import Operations
from portal.api.rows import Rows
from portal.api.schemas import cases as schemas
from portal.api.schemas.common import Localized, localized
from portal.domain.progress import current_stage
from portal.models import Case, CaseEvent, ClockAdjustment, Department, StaffMember, Stage
from portal.records import Actor, UnitOfWork
from portal.records import cases as records

operations = Operations()

CASES = "Cases"
CASE_PATH = "/departments/{department}/cases/{case}"


def holder_out(
    department: Department, staff: StaffMember | None, team: str | None
) -> schemas.Holder | None:
    if staff is None and team is None:
        return None
    return schemas.Holder(
        department=department.code, staff_id=staff.external_id if staff else None, team=team
    )


def case_out(case: Case, child_external_id: str | None) -> schemas.Case:
    stage = current_stage(case)
    return schemas.Case(
        department=case.department.code,
        external_id=case.external_id,
        child_id=child_external_id,
        case_type=case.case_type.code,
        partner_department=case.partner_department.code if case.partner_department else None,
        holder=holder_out(case.department, case.holder, case.holder_team),
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        current_stage=stage.stage_type.code if stage else None,
    )


def stage_out(stage: Stage) -> schemas.Stage:
    return schemas.Stage(
        case_id=stage.case.external_id,
        stage_type=stage.stage_type.code,
        started_on=stage.started_on,
        ended_on=stage.ended_on,
        holder=holder_out(stage.holder_department, stage.holder, stage.holder_team),
    )


def adjustment_out(adjustment: ClockAdjustment) -> schemas.ClockAdjustment:
    return schemas.ClockAdjustment(
        case_id=adjustment.stage.case.external_id,
        external_id=adjustment.external_id,
        stage_type=adjustment.stage.stage_type.code,
        kind=adjustment.kind,
        starts_on=adjustment.starts_on,
        ends_on=adjustment.ends_on,
        extra_days=adjustment.extra_days,
        reason=localized(adjustment, "reason"),
    )


def event_out(case_external_id: str, event: CaseEvent) -> schemas.CaseEvent:
    return schemas.CaseEvent(
        case_id=case_external_id,
        external_id=event.external_id,
        kind=event.kind,
        visibility=event.visibility,
        occurred_at=event.occurred_at.astimezone(UTC),
        summary=Localized(da=event.summary_da, en=event.summary_en, ar=event.summary_ar),
        complaint_to=event.complaint_to,
    )


@operations.write(
    "put_case",
    "PUT",
    CASE_PATH,
    scope="cases:write",
    body=schemas.CaseIn,
    response=schemas.Case,
    tag=CASES,
    summary="Create or change a case of your department",
)
def put_case(unit: UnitOfWork, rows: Rows, body: schemas.CaseIn, department: str, case: str):
    """The child must have been sent with its family first (under your child id). A case of
    the other department answers 403 and nothing changes. Fields left out keep their value."""
    own = rows.own_department(department)
    fields = body.model_dump(exclude_unset=True)
    row = rows.case(case)
    values = {
        "child": rows.child(fields["child_id"]),
        "case_type": rows.own_case_type(fields["case_type"]),
        "opened_on": fields["opened_on"],
    }
    if "holder" in fields:
        values["holder"], values["holder_team"] = rows.holder(fields["holder"])
    if "closed_on" in fields:
        values["closed_on"] = fields["closed_on"]
    if "partner_department" in fields:
        partner = fields["partner_department"]
        values["partner_department"] = rows.department(partner) if partner else None
    created = row is None
    if created:
        row = records.open_case(unit, own, case, **values)
        rows.remember(row)
    else:
        records.change_case(unit, row, **values)
    unit.session.flush()
    return case_out(row, body.child_id), created


@operations.write(
    "post_stage",
    "POST",
    CASE_PATH + "/stages",
    scope="cases:write",
    body=schemas.StageChangeIn,
    response=schemas.Stage,
    tag=CASES,
    summary="Move a case to a stage",
)
def post_stage(
    unit: UnitOfWork, rows: Rows, body: schemas.StageChangeIn, department: str, case: str
):
    """Closes the open stage (it ends the day the new one starts) and opens the new one; the
    family is notified. Sending the open stage again with the same start changes only its
    holder (answers 200). A start before the current stage's start answers 422."""
    row = rows.case_in(department, case)
    stage_type = rows.stage_type(row, body.stage_type)
    holder, team = rows.holder(body.model_dump(exclude_unset=True).get("holder"))
    stage, created = records.change_stage(
        unit, row, stage_type, started_on=body.started_on, holder=holder, holder_team=team
    )
    unit.session.flush()
    return stage_out(stage), created


@operations.write(
    "put_clock_adjustment",
    "PUT",
    CASE_PATH + "/clock-adjustments/{adjustment}",
    scope="cases:write",
    body=schemas.ClockAdjustmentIn,
    response=schemas.ClockAdjustment,
    tag=CASES,
    summary="Pause the case's clock, or extend its deadline",
)
def put_clock_adjustment(
    unit: UnitOfWork,
    rows: Rows,
    body: schemas.ClockAdjustmentIn,
    department: str,
    case: str,
    adjustment: str,
):
    """Applies to the case's open stage. End an open pause by sending it again with ends_on."""
    row = rows.case_in(department, case)
    found = rows.clock_adjustment(row, adjustment)
    values = body.model_dump(exclude_unset=True)
    created = found is None
    if created:
        found = records.add_clock_adjustment(unit, row, external_id=adjustment, **values)
    else:
        records.change_clock_adjustment(unit, found, **values)
    unit.session.flush()
    return adjustment_out(found), created


@operations.write(
    "put_case_event",
    "PUT",
    CASE_PATH + "/events/{event}",
    scope="cases:write",
    body=schemas.CaseEventIn,
    response=schemas.CaseEvent,
    tag=CASES,
    summary="Add or change an event in the case's timeline",
)
def put_case_event(
    unit: UnitOfWork, rows: Rows, body: schemas.CaseEventIn, department: str, case: str, event: str
):
    """A new decision visible to the family queues a notification to the family."""
    row = rows.case_in(department, case)
    found = rows.event(row, event)
    values = body.model_dump(exclude_unset=True)
    created = found is None
    if created:
        found = records.add_case_event(unit, row, external_id=event, **values)
        rows.remember(found)
    else:
        records.change_case_event(unit, row, found, **values)
    return event_out(case, found), created


@operations.read(
    "get_case",
    CASE_PATH,
    response=schemas.Case,
    tag=CASES,
    summary="Read a case back",
)
def get_case(session: Session, actor: Actor, department: str, case: str):
    """Only your own department's cases; the other department's answer 403."""
    rows = Rows(session, actor)
    row = rows.case_in(department, case)
    return case_out(row, rows.child_ids([row.child_id]).get(row.child_id))


@operations.read(
    "list_cases",
    "/departments/{department}/cases",
    response=schemas.Case,
    tag=CASES,
    paginated=True,
    summary="List your department's cases",
)
def list_cases(session: Session, actor: Actor, after, limit, department: str):
    """In the order they were created."""
    found = records.list_cases(session, actor, department, after, limit)
    children = Rows(session, actor).child_ids([c.child_id for c in found.rows])
    return [case_out(c, children.get(c.child_id)) for c in found.rows], found.next_after


@operations.read(
    "list_stages",
    CASE_PATH + "/stages",
    response=schemas.Stage,
    tag=CASES,
    paginated=True,
    summary="List a case's stages",
)
def list_stages(session: Session, actor: Actor, after, limit, department: str, case: str):
    """Oldest first; the open stage has ended_on null."""
    row = Rows(session, actor).case_in(department, case)
    found = records.list_stages(session, row, after, limit)
    return [stage_out(s) for s in found.rows], found.next_after


@operations.read(
    "list_clock_adjustments",
    CASE_PATH + "/clock-adjustments",
    response=schemas.ClockAdjustment,
    tag=CASES,
    paginated=True,
    summary="List a case's clock pauses and extensions",
)
def list_clock_adjustments(
    session: Session, actor: Actor, after, limit, department: str, case: str
):
    """Of all the case's stages, oldest first."""
    row = Rows(session, actor).case_in(department, case)
    found = records.list_clock_adjustments(session, row, after, limit)
    return [adjustment_out(a) for a in found.rows], found.next_after


@operations.read(
    "get_case_event",
    CASE_PATH + "/events/{event}",
    response=schemas.CaseEvent,
    tag=CASES,
    summary="Read a case event back",
)
def get_case_event(session: Session, actor: Actor, department: str, case: str, event: str):
    """Only events of your own department's cases."""
    return event_out(case, Rows(session, actor).case_event_in(department, case, event))


@operations.read(
    "list_case_events",
    CASE_PATH + "/events",
    response=schemas.CaseEvent,
    tag=CASES,
    paginated=True,
    summary="List a case's events",
)
def list_case_events(session: Session, actor: Actor, after, limit, department: str, case: str):
    """In the order they were created (not by occurred_at)."""
    row = Rows(session, actor).case_in(department, case)
    found = records.list_events(session, row, after, limit)
    return [event_out(case, e) for e in found.rows], found.next_after
