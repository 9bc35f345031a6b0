"""Hand-over and cover (docs/access.md H1-H3): a department's contact person for a family, or a
case's holder, changes hands with a note; a staff member is away and a colleague covers.

A hand-over changes only the acting department's own records (S1, S3): its statement about the
family (through `families.set_contact_person`, so the same settling rule decides whom the
family sees) or its own case (through `cases.change_case` and `cases.change_stage`, as when its
case system sends a new holder). Who may do it is decided in `portal/access.py`; the functions
here check it again, so no door can skip it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from portal.access import (
    department_statement,
    may_arrange_absence,
    may_cover,
    may_hand_over_case,
    may_hand_over_family,
)
from portal.domain.clocks import copenhagen_today
from portal.domain.progress import current_holder
from portal.models import (
    Absence,
    Case,
    Department,
    Family,
    Handover,
    StaffMember,
    Thread,
    TimeRequest,
)
from portal.models.base import utcnow
from portal.records.cases import change_case, change_stage
from portal.records.errors import Forbidden, invalid
from portal.records.families import set_contact_person
from portal.records.unit import CONTACT_PERSON_CHANGED, UnitOfWork

LONGEST_NOTE = 600
NOT_A_COLLEAGUE = "not an active staff member of this department"


def hand_over_family(
    unit: UnitOfWork,
    family: Family,
    department: Department,
    to_staff: StaffMember,
    *,
    by: StaffMember | None,
    note: str,
) -> Handover:
    """The department's contact person for the family becomes `to_staff` (H1), with a note for
    the family in plain words. When that changes whom the family sees, the family's
    conversations and open "no time fits" requests that the old contact person had move to the
    new one, and the guardians are told (without names or the note)."""
    unit.own(department)
    _acting_as(unit, by)
    statement = department_statement(family, department.id)
    if statement is None:
        raise invalid("department", "this department has not stated the family")
    if by is not None and (
        by.department_id != department.id or not may_hand_over_family(by, family)
    ):
        raise Forbidden("the department's contact person for the family or a manager hands it over")
    _check_colleague(department.id, to_staff)
    before = statement.contact_person
    if before is not None and before.id == to_staff.id:
        raise invalid("to_staff", "is the contact person already")
    seen_before = family.contact_person
    set_contact_person(unit, family, department, to_staff)
    handover = _handover(
        unit, family, department, "contact_person", before, to_staff, by, _note(note, required=True)
    )
    seen_now = family.contact_person
    if seen_now is to_staff and seen_before is not to_staff:
        if seen_before is not None:
            _move_work(unit, family, seen_before, to_staff)
        unit.notify(CONTACT_PERSON_CHANGED, family, handover=handover)
    return handover


def hand_over_case(
    unit: UnitOfWork,
    case: Case,
    to_staff: StaffMember,
    *,
    by: StaffMember | None,
    note: str | None = None,
) -> Handover:
    """The case and its open step get `to_staff` as holder (H2), as when the department's case
    system sends them; the note (optional) is for colleagues only. The family is not told."""
    unit.own(case)
    _acting_as(unit, by)
    if by is not None and not may_hand_over_case(by, case):
        raise Forbidden("the case's holder, the family's contact person or a manager hands it over")
    if case.closed_on is not None:
        raise invalid("case", "the case is closed")
    _check_colleague(case.department_id, to_staff)
    before = current_holder(case).person
    if before is not None and before.id == to_staff.id:
        raise invalid("to_staff", "holds the case already")
    team = to_staff.team
    change_case(
        unit,
        case,
        child=case.child,
        case_type=case.case_type,
        opened_on=case.opened_on,
        holder=to_staff,
        holder_team=team,
    )
    step = next((s for s in case.stages if s.ended_on is None), None)
    if step is not None:  # sending the open step again changes only its holder
        change_stage(
            unit,
            case,
            step.stage_type,
            started_on=step.started_on,
            holder=to_staff,
            holder_team=team,
        )
    family = case.child.family
    return _handover(
        unit, family, case.department, "case_holder", before, to_staff, by, _note(note), case=case
    )


def register_absence(
    unit: UnitOfWork,
    staff: StaffMember,
    starts_on: date,
    ends_on: date,
    cover: StaffMember | None,
    *,
    by: StaffMember | None,
    today: date | None = None,
) -> Absence:
    """`staff` is away from `starts_on` to `ends_on` (both included), and `cover` (a colleague
    of the same department, or nobody) answers their families meanwhile (H3)."""
    unit.own(staff)
    _acting_as(unit, by)
    if by is not None and not may_arrange_absence(by, staff):
        raise Forbidden("a staff member or a manager of their department registers an absence")
    today = today or copenhagen_today()
    if ends_on < starts_on:
        raise invalid("ends_on", "must not be before starts_on")
    if ends_on < today:
        raise invalid("ends_on", "the absence is over already")
    if cover is not None:
        if not may_cover(staff, cover):
            raise invalid("cover", NOT_A_COLLEAGUE)
        if _away(unit, cover, starts_on, ends_on):
            raise invalid("cover", "is away then too")
    if _away(unit, staff, starts_on, ends_on):
        raise invalid("starts_on", "overlaps another absence of the same person")
    absence = Absence(
        staff=staff, cover=cover, starts_on=starts_on, ends_on=ends_on, created_at=utcnow()
    )
    unit.session.add(absence)
    return absence


def end_absence(
    unit: UnitOfWork, absence: Absence, *, by: StaffMember | None, today: date | None = None
) -> Absence | None:
    """The staff member is back: an absence that has begun ends yesterday; one that begins
    today or later is removed (returns None)."""
    unit.own(absence.staff)
    _acting_as(unit, by)
    if by is not None and not may_arrange_absence(by, absence.staff):
        raise Forbidden("a staff member or a manager of their department ends an absence")
    today = today or copenhagen_today()
    if absence.ends_on < today:
        raise invalid("absence", "the absence is over already")
    if absence.starts_on >= today:
        unit.session.delete(absence)
        return None
    absence.ends_on = date.fromordinal(today.toordinal() - 1)
    return absence


def _acting_as(unit: UnitOfWork, by: StaffMember | None) -> None:
    """A staff member acts in their own name; only the system (demo and test data) acts for
    nobody in particular."""
    if unit.actor.kind == "system" and by is None:
        return
    if by is None or unit.actor.kind != "staff" or unit.actor.actor_id != by.id:
        raise Forbidden("staff hand over and register absences in their own name")


def _check_colleague(department_id: int, staff: StaffMember) -> None:
    if staff.department_id != department_id or staff.active is False:
        raise invalid("to_staff", NOT_A_COLLEAGUE)


def _note(note: str | None, *, required: bool = False) -> str | None:
    note = (note or "").strip() or None
    if note is None and required:
        raise invalid("note", "write a note for the family")
    if note is not None and len(note) > LONGEST_NOTE:
        raise invalid("note", f"at most {LONGEST_NOTE} characters")
    return note


def _handover(unit, family, department, role, before, to_staff, by, note, case=None) -> Handover:
    handover = Handover(
        family=family,
        department=department,
        role=role,
        case=case,
        from_staff=before,
        to_staff=to_staff,
        by_staff=by,
        note=note,
        handed_over_at=utcnow(),
    )
    unit.session.add(handover)
    unit.wrote(family, "handover", handover, f"{unit.door}: {role.replace('_', ' ')} handed over")
    return handover


def _move_work(unit: UnitOfWork, family: Family, before: StaffMember, after: StaffMember) -> None:
    """The family's conversations and unhandled "no time fits" requests go with the family."""
    threads = unit.session.scalars(
        select(Thread).where(Thread.family_id == family.id, Thread.staff_id == before.id)
    ).all()
    for thread in threads:
        thread.staff_id = after.id
        unit.wrote(family, "thread", thread, f"{unit.door}: moved with a hand-over")
    requests = unit.session.scalars(
        select(TimeRequest).where(
            TimeRequest.family_id == family.id,
            TimeRequest.staff_id == before.id,
            TimeRequest.handled_at.is_(None),
        )
    ).all()
    for request in requests:
        request.staff_id = after.id
        unit.wrote(family, "time_request", request, f"{unit.door}: moved with a hand-over")


def _away(unit: UnitOfWork, staff: StaffMember, starts_on: date, ends_on: date) -> bool:
    """Whether the staff member has an absence overlapping these days."""
    return (
        unit.session.scalar(
            select(Absence.id)
            .where(
                Absence.staff_id == staff.id,
                Absence.starts_on <= ends_on,
                Absence.ends_on >= starts_on,
            )
            .limit(1)
        )
        is not None
    )
