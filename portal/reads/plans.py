"""The child's shared plan (the next steps agreed at meetings, across both departments) and the
staff meeting page, loaded in a fixed number of queries. What each viewer sees of the plan is
`access.plan_step_visible` (docs/access.md P1)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.access import FamilyAccess, plan_step_visible
from portal.extensions import db
from portal.models import (
    Case,
    Child,
    FamilyStatement,
    Meeting,
    Participant,
    PlanStep,
    Preparation,
    StaffMember,
)

# A step with its owner (and the owner's department) and the meeting it was agreed at.
STEP_LOADING = (
    selectinload(PlanStep.owner_staff).selectinload(StaffMember.department),
    selectinload(PlanStep.meeting),
)

# Everything the staff meeting page shows of one meeting.
MEETING_PAGE = (
    selectinload(Meeting.department),
    selectinload(Meeting.organizer).selectinload(StaffMember.department),
    selectinload(Meeting.case).selectinload(Case.case_type),
    selectinload(Meeting.participants)
    .selectinload(Participant.staff)
    .selectinload(StaffMember.department),
    selectinload(Meeting.participants).selectinload(Participant.guardian),
    selectinload(Meeting.preparations).selectinload(Preparation.guardian),
    selectinload(Meeting.plan_steps).selectinload(PlanStep.child),
    selectinload(Meeting.plan_steps)
    .selectinload(PlanStep.owner_staff)
    .selectinload(StaffMember.department),
)


def plan_order(steps: list[PlanStep]) -> list[PlanStep]:
    """Open steps first, the soonest due first (those without a date after them); then the
    done ones, the latest done first."""
    still_open = sorted(
        (s for s in steps if s.done_on is None),
        key=lambda s: (s.due_on is None, s.due_on or date.min, s.id),
    )
    done = sorted((s for s in steps if s.done_on is not None), key=lambda s: (s.done_on, s.id))
    return still_open + done[::-1]


def children_plans(access: FamilyAccess, children: list[Child]) -> dict[int, list[PlanStep]]:
    """Each child's plan as far as the viewer sees it, by child id: one query for them all."""
    ids = [child.id for child in children]
    if not ids:
        return {}
    steps = db.session.scalars(
        select(PlanStep)
        .where(PlanStep.child_id.in_(ids), plan_step_visible(access))
        .options(*STEP_LOADING)
        .order_by(PlanStep.id)
    ).all()
    return {i: plan_order([s for s in steps if s.child_id == i]) for i in ids}


def child_plan(access: FamilyAccess, child: Child) -> list[PlanStep]:
    return children_plans(access, [child])[child.id]


def meeting_plan(access: FamilyAccess, meeting: Meeting) -> list[PlanStep]:
    """The steps agreed at one meeting, for the children the viewer sees."""
    steps = db.session.scalars(
        select(PlanStep)
        .where(PlanStep.meeting_id == meeting.id, plan_step_visible(access))
        .options(
            *STEP_LOADING,
            selectinload(PlanStep.child).selectinload(Child.statements),
        )
        .order_by(PlanStep.id)
    ).all()
    return plan_order([s for s in steps if access.sees_child(s.child)])


def step_owners(access: FamilyAccess, meeting: Meeting) -> list[StaffMember]:
    """The staff a step may be given to, each once, by department and name (docs/access.md
    P2): the writer, the meeting's staff participants, and the family's contact persons and
    the holders of its cases as the departments the writer sees state them. `meeting` comes
    with its participants loaded (MEETING_PAGE)."""
    cases = db.session.scalars(
        select(Case)
        .join(Child, Case.child_id == Child.id)
        .where(Child.family_id == meeting.family_id, Case.holder_staff_id.is_not(None))
        .options(selectinload(Case.holder).selectinload(StaffMember.department))
    ).all()
    contacts = db.session.scalars(
        select(FamilyStatement)
        .where(
            FamilyStatement.family_id == meeting.family_id,
            FamilyStatement.department_id.in_(access.case_departments),
            FamilyStatement.contact_person_id.is_not(None),
        )
        .options(selectinload(FamilyStatement.contact_person).selectinload(StaffMember.department))
    ).all()
    people = [access.staff] if access.staff is not None else []
    people += [p.staff for p in meeting.participants if p.staff is not None]
    people += [statement.contact_person for statement in contacts]
    people += [case.holder for case in cases if access.sees_case(case)]
    unique = {person.id: person for person in people if person.active}
    return sorted(unique.values(), key=lambda s: (s.department.code, s.name))
