"""The staff member's caseload ("Mine familier"): every family they work with (T1,
`access.families_of`), each with what makes it urgent, the most urgent first.

What is urgent, in this order (docs/access.md T5):

1. a deadline that has passed (deadlines in law before the municipality's own targets);
2. a deadline within `SOON_DAYS` days;
3. conversations waiting for this staff member's answer (`Thread.waiting_for_staff`);
4. "no time fits" requests sent to them and not handled yet;
5. meetings in the coming `MEETING_DAYS` days;

then the other families by name. A deadline is the one the family pages show: the case story's
(`domain.explain.CaseStory.deadline`, from `domain.progress.deadline_of`), computed from the
same rows, for the cases the staff member sees (T2) of the children they see.

The whole caseload costs the same number of SQL statements for two families or two hundred:
each kind of row is loaded once for all the families (`subqueryload`, or a join for what a
row refers to), never per family or per batch of ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import joinedload, subqueryload

from portal.access import FamilyAccess, Viewer, caseload_access, families_of
from portal.domain.clocks import Deadline
from portal.domain.explain import CaseStory
from portal.extensions import db
from portal.models import (
    Case,
    CaseType,
    Child,
    Family,
    FamilyStatement,
    Meeting,
    Stage,
    Thread,
    TimeRequest,
)

SOON_DAYS = 14
MEETING_DAYS = 7
LONGEST_SEARCH = 100

# Why a family is where it is in the list, most urgent first.
OVERDUE, DUE_SOON, WAITING, ASKED_FOR_TIME, MEETING_SOON, NOTHING_URGENT = range(6)

# What a deadline needs of a case: its type, its steps with their types and clock changes, and
# the departments (for the department filter). Not the events: the caseload tells no story.
# A caseload of 200 families holds about a thousand cases: `selectinload` would send their ids
# in batches of 500, one statement per batch, so the caseload uses `subqueryload` (the cases'
# own query as a subquery: one statement per kind of row, however many rows).
CASE_CLOCK = (
    joinedload(Case.case_type),
    joinedload(Case.department),
    joinedload(Case.partner_department),
    subqueryload(Case.stages).joinedload(Stage.stage_type),
    subqueryload(Case.stages).subqueryload(Stage.clock_adjustments),
)


@dataclass(frozen=True)
class DeadlineLine:
    """One case's deadline as the caseload words it."""

    story: CaseStory
    child: Child
    deadline: Deadline

    @property
    def legal(self) -> bool:
        return self.story.stage.stage_type.deadline_kind == "legal"

    def days_late(self, today: date) -> int:
        return -self.deadline.days_left(today)


@dataclass
class CaseloadRow:
    """One family of the caseload, with everything that makes it urgent (each list may be
    empty) as far as the staff member sees it."""

    access: FamilyAccess
    today: date
    children: list[Child] = field(default_factory=list)
    stories: list[CaseStory] = field(default_factory=list)  # the open cases they see
    overdue: list[DeadlineLine] = field(default_factory=list)
    due_soon: list[DeadlineLine] = field(default_factory=list)
    waiting: int = 0  # conversations waiting for their answer
    waiting_since: datetime | None = None  # the oldest of them
    requests: list[TimeRequest] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)

    @property
    def family(self) -> Family:
        return self.access.family

    @property
    def urgency(self) -> int:
        """The most urgent reason the family has (NOTHING_URGENT when none)."""
        reasons = (self.overdue, self.due_soon, self.waiting, self.requests, self.meetings)
        return next((rank for rank, found in enumerate(reasons) if found), NOTHING_URGENT)

    def sort_key(self) -> tuple:
        """Most urgent first; within a kind, the longest overdue, the soonest due, the longest
        waiting, the soonest meeting; then by name."""
        rank = self.urgency
        if rank == OVERDUE:
            within = (
                not any(line.legal for line in self.overdue),
                -max(line.days_late(self.today) for line in self.overdue),
            )
        elif rank == DUE_SOON:
            within = (min(line.deadline.days_left(self.today) for line in self.due_soon),)
        elif rank == WAITING:
            within = (self.waiting_since.timestamp() if self.waiting_since else 0,)
        elif rank == ASKED_FOR_TIME:
            within = (min(r.created_at for r in self.requests).timestamp(),)
        elif rank == MEETING_SOON:
            within = (min(m.starts_at for m in self.meetings).timestamp(),)
        else:
            within = ()
        return (rank, *within, self.family.display_name.casefold(), self.family.id)


@dataclass(frozen=True)
class CaseloadFilter:
    """What the staff member narrowed the list to; empty values narrow nothing."""

    search: str = ""
    department: str = ""  # a department's code
    case_type: str = ""  # a case type's code
    overdue_only: bool = False


def load_caseload(viewer: Viewer, today: date, now: datetime) -> list[CaseloadRow]:
    """The viewer's families (staff only), the most urgent first."""
    staff = viewer.staff
    families = families_of(viewer)
    if staff is None or not families:
        return []
    rows = {a.family.id: CaseloadRow(a, today) for a in caseload_access(staff, families)}
    ids = list(rows)
    children = db.session.scalars(
        select(Child)
        .where(Child.family_id.in_(ids))
        .options(subqueryload(Child.statements))
        .order_by(Child.birth_date, Child.id)
    ).all()
    seen_children = {}
    for child in children:
        row = rows[child.family_id]
        if row.access.sees_child(child):
            row.children.append(child)
            seen_children[child.id] = (row, child)
    _add_deadlines(seen_children, today)
    _add_waiting(rows, staff.id)
    _add_requests(rows, staff.id)
    _add_meetings(rows, now)
    return sorted(rows.values(), key=CaseloadRow.sort_key)


def _add_deadlines(seen_children: dict, today: date) -> None:
    """Each open case the staff member sees (T2) of a child they see, with its deadline."""
    with_content = [cid for cid, (row, _) in seen_children.items() if row.access.sees_case_content]
    if not with_content:
        return
    cases = db.session.scalars(
        select(Case)
        .where(Case.child_id.in_(with_content), Case.closed_on.is_(None))
        .options(*CASE_CLOCK)
        .order_by(Case.id)
    ).all()
    for case in cases:
        row, child = seen_children[case.child_id]
        if not row.access.sees_case(case):
            continue
        story = CaseStory(case=case, today=today)
        if not story.open:
            continue
        row.stories.append(story)
        deadline = story.deadline
        if deadline is None or deadline.paused:
            continue  # a clock on hold is not late, and its date moves every day
        line = DeadlineLine(story, child, deadline)
        if story.overdue:
            row.overdue.append(line)
        elif deadline.days_left(today) <= SOON_DAYS:
            row.due_soon.append(line)
    for row, _ in seen_children.values():
        row.overdue.sort(key=lambda line: (not line.legal, line.deadline.due_on))
        row.due_soon.sort(key=lambda line: line.deadline.due_on)


def _add_waiting(rows: dict[int, CaseloadRow], staff_id: int) -> None:
    """Conversations whose newest message is a guardian's, that this staff member answers: those
    given to them (`Thread.staff_id`, the contact person's, moving with a hand-over), and those
    given to nobody in a family whose contact person they are."""
    contact_of = select(FamilyStatement.family_id).where(
        FamilyStatement.contact_person_id == staff_id
    )
    waiting = db.session.execute(
        select(Thread.family_id, func.count(Thread.id), func.min(Thread.last_message_at))
        .where(
            Thread.family_id.in_(list(rows)),
            Thread.waiting_for_staff.is_(True),
            or_(
                Thread.staff_id == staff_id,
                and_(Thread.staff_id.is_(None), Thread.family_id.in_(contact_of)),
            ),
        )
        .group_by(Thread.family_id)
    ).all()
    for family_id, count, since in waiting:
        rows[family_id].waiting, rows[family_id].waiting_since = count, since


def _add_requests(rows: dict[int, CaseloadRow], staff_id: int) -> None:
    """ "No time fits" requests sent to this staff member and not handled yet (docs/access.md:
    the contact person sees and handles them)."""
    requests = db.session.scalars(
        select(TimeRequest)
        .where(
            TimeRequest.family_id.in_(list(rows)),
            TimeRequest.staff_id == staff_id,
            TimeRequest.handled_at.is_(None),
        )
        .options(joinedload(TimeRequest.guardian))
        .order_by(TimeRequest.created_at, TimeRequest.id)
    ).all()
    for request in requests:
        rows[request.family_id].requests.append(request)


def _add_meetings(rows: dict[int, CaseloadRow], now: datetime) -> None:
    """Planned meetings in the coming days that the staff member sees (`meeting_visible`)."""
    meetings = db.session.scalars(
        select(Meeting)
        .where(
            Meeting.family_id.in_(list(rows)),
            Meeting.status == "planned",
            Meeting.starts_at >= now,
            Meeting.starts_at < now + timedelta(days=MEETING_DAYS),
        )
        .options(subqueryload(Meeting.participants))
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    for meeting in meetings:
        row = rows[meeting.family_id]
        if row.access.sees_meeting(meeting):
            row.meetings.append(meeting)


def case_types_of(rows: list[CaseloadRow]) -> list[CaseType]:
    """The types of the open cases the staff member sees in their caseload, for its filter:
    only what they may see (a type made for one family's case is that family's content)."""
    found = {story.case.case_type.id: story.case.case_type for row in rows for story in row.stories}
    return sorted(found.values(), key=lambda t: (t.name_da.casefold(), t.id))


def narrowed(rows: list[CaseloadRow], chosen: CaseloadFilter) -> list[CaseloadRow]:
    """The rows the filter keeps, in the same order. Only what the staff member sees counts:
    a child or case they do not see (T2, T4) never makes a family match."""
    search = " ".join(chosen.search.split()).casefold()
    return [
        row
        for row in rows
        if (not search or _named(row, search))
        and (not chosen.department or _in_department(row, chosen.department))
        and (not chosen.case_type or any(_type(s) == chosen.case_type for s in row.stories))
        and (not chosen.overdue_only or row.overdue)
    ]


def _named(row: CaseloadRow, search: str) -> bool:
    names = [row.family.display_name, *(child.name for child in row.children)]
    return any(search in " ".join(name.split()).casefold() for name in names)


def _in_department(row: CaseloadRow, code: str) -> bool:
    """A case of the department (a joint case counts for both its departments)."""
    return any(
        code in {story.case.department.code, getattr(story.case.partner_department, "code", None)}
        for story in row.stories
    )


def _type(story: CaseStory) -> str:
    return story.case.case_type.code
