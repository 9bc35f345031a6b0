"""Who may see which family, decided in one place, and the audit entry every look leaves.
The rules, per door and per department, are written down in docs/access.md.

Every family-scoped lookup in the family and staff doors goes through `family_for` (or `case_for`),
which answers 404 for what the viewer may not see (never revealing that it exists) and only then
writes the audit entry; lists of families go through `listed`.

The looks are written with portal/audit.py into the request's transaction; nothing here
commits (portal/transactions.py commits each request once).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import abort, g
from sqlalchemy import and_, exists, false, or_, select, true, union
from sqlalchemy.orm import joinedload, selectinload

from portal.audit import record, record_all, viewer_columns
from portal.extensions import db
from portal.models import (
    Case,
    Child,
    ChildStatement,
    Family,
    FamilyStatement,
    Guardian,
    Meeting,
    Participant,
    PlanStep,
    Slot,
    StaffMember,
    Stage,
    Thread,
    Update,
)
from portal.models.base import utcnow
from portal.records.statements import settled

CUSTODY = "custody"
INFORMATION = "information"
STAFF = "staff"


@dataclass
class Viewer:
    """The person behind the request: a guardian (by person-number hash) or a staff member."""

    kind: str  # "guardian" | "staff"
    name: str
    person_number_hash: str | None = None
    staff: StaffMember | None = None
    _guardians: list[Guardian] | None = field(default=None, repr=False)

    @property
    def guardians(self) -> list[Guardian]:
        """The guardian rows of this person, one per family they are a guardian in."""
        if self._guardians is None:
            self._guardians = (
                db.session.scalars(
                    select(Guardian)
                    .where(Guardian.person_number_hash == self.person_number_hash)
                    # What `guardian_access` reads of each, in the same statement and one more.
                    .options(joinedload(Guardian.family), selectinload(Guardian.statements))
                ).all()
                if self.kind == "guardian"
                else []
            )
        return self._guardians

    @property
    def role(self) -> str:
        return self.staff.role if self.staff else "guardian"


@dataclass(frozen=True)
class FamilyAccess:
    """What one viewer may see of one family. Case content is decided per department
    (docs/access.md): `case_departments` are the departments whose cases, updates, meetings
    and offers this viewer sees in full; `known_by` the departments that know the viewer at
    all here (their children and the offers a child attends are shown)."""

    family: Family
    level: str  # custody | information | staff
    guardian: Guardian | None
    case_departments: frozenset[int] = frozenset()
    known_by: frozenset[int] = frozenset()
    staff: StaffMember | None = None

    @property
    def sees_case_content(self) -> bool:
        return bool(self.case_departments)

    @property
    def informed_only_by_some(self) -> bool:
        """Some department knows this viewer for information only: show what that gives."""
        return bool(self.known_by - self.case_departments)

    def stated(self, row, name: str):
        """A field of a child (or family, guardian) as the departments that know this viewer
        stated it, earliest first: what only the other department said stays with it."""
        return settled([s for s in row.statements if s.department_id in self.known_by], name)

    def sees_case(self, case: Case) -> bool:
        """A joint case belongs to both its departments; either may show it."""
        return bool({case.department_id, case.partner_department_id} & self.case_departments)

    def sees_child(self, child: Child) -> bool:
        return any(s.department_id in self.known_by for s in child.statements)

    def sees_offer(self, offer) -> bool:
        """In full for case-content departments; otherwise only the offer the child attends."""
        if offer.department_id in self.case_departments:
            return True
        return offer.status == "started" and offer.department_id in self.known_by

    def sees_meeting(self, meeting: Meeting) -> bool:
        """`meeting_visible` for a meeting already loaded with its participants (the caseload
        asks it of many families' meetings at once)."""
        if meeting.family_id != self.family.id:
            return False
        if meeting.department_id in self.case_departments:
            return True
        if self.guardian is not None:
            return any(p.guardian_id == self.guardian.id for p in meeting.participants)
        if self.staff is not None:
            return any(p.staff_id == self.staff.id for p in meeting.participants)
        return False

    def sees_update(self, update: Update) -> bool:
        """Written by staff of a department whose case content the viewer sees (G2, T2) and,
        when it is about one child, about a child the viewer sees. `update_visible` is the
        same rule in SQL, for the pages' lists."""
        author = update.author
        if author is None or author.department_id not in self.case_departments:
            return False
        return update.child_id is None or self.sees_child(update.child)


def guardian_access(guardian: Guardian) -> FamilyAccess:
    custody = guardian.custody_department_ids
    return FamilyAccess(
        guardian.family,
        CUSTODY if custody else INFORMATION,
        guardian,
        case_departments=custody,
        known_by=frozenset(s.department_id for s in guardian.statements),
    )


def calendar_feed_access(guardian: Guardian) -> FamilyAccess:
    """What a guardian's private calendar address shows to whoever holds it (docs/access.md
    C2): what that guardian sees now, without a login (calendar apps cannot log in)."""
    return guardian_access(guardian)


def meeting_visible(access: FamilyAccess):
    """SQL condition on a meeting: one of the family's meetings of a department whose case
    content the viewer sees (G2, T2), or one they are invited to themselves (G3, T3). The family
    pages, the staff pages and the notifications (portal/outbox) all ask this."""
    if access.guardian is not None:
        invited = Participant.guardian_id == access.guardian.id
    elif access.staff is not None:
        invited = Participant.staff_id == access.staff.id
    else:  # nobody to be invited (never `staff_id IS NULL`, which any guardian would match)
        invited = false()
    return and_(
        Meeting.family_id == access.family.id,
        or_(
            Meeting.department_id.in_(access.case_departments),
            Meeting.participants.any(invited),
        ),
    )


def update_visible(access: FamilyAccess):
    """SQL condition on an update: `FamilyAccess.sees_update` for lists cut in the database
    (the newest few), so a page and a notification (portal/outbox) never disagree."""
    return and_(
        Update.family_id == access.family.id,
        Update.author.has(StaffMember.department_id.in_(access.case_departments)),
        or_(
            Update.child_id.is_(None),
            Update.child.has(
                Child.statements.any(ChildStatement.department_id.in_(access.known_by))
            ),
        ),
    )


def may_post_update(access: FamilyAccess) -> bool:
    """U1: a staff member posts updates to a family whose case content they get through their
    own department (T2), so the parents who see it (G2) are the ones that department vouches
    for with custody, and the author sees it too."""
    staff = access.staff
    return staff is not None and staff.active and staff.department_id in access.case_departments


def may_correct_update(access: FamilyAccess, update: Update) -> bool:
    """U3: the author, or a colleague in the author's department, who may post (U1)."""
    author = update.author
    return (
        may_post_update(access)
        and update.family_id == access.family.id
        and author is not None
        and author.department_id == access.staff.department_id
    )


def update_author_for(family_id: int, what: str, *, update_id: int | None = None, options=()):
    """The family for a staff member who may post to it (U1) and, with `update_id`, one of its
    updates they see and may correct (U3); 404 otherwise. The look is written after every
    check, like in `family_for`."""
    viewer, found, _ = _open(family_id, case_content=True)
    if not may_post_update(found):
        abort(404)
    if update_id is None:
        _seen(viewer, family_id, what, "family", family_id)
        return found, None
    update = db.session.scalar(
        select(Update).where(Update.id == update_id, update_visible(found)).options(*options)
    )
    if update is None or not may_correct_update(found, update):
        abort(404)
    _seen(viewer, family_id, what, "update", update.id)
    return found, update


def plan_step_visible(access: FamilyAccess):
    """SQL condition on a step of a child's shared plan (docs/access.md P1): seen by whoever
    sees the meeting it was agreed at; a step whose meeting is gone, by whoever sees some of
    the family's case content. (Which child's steps a page shows is the page's own check.)"""
    return or_(
        PlanStep.meeting.has(meeting_visible(access)),
        and_(PlanStep.meeting_id.is_(None), true() if access.sees_case_content else false()),
    )


def _holds(staff: StaffMember):
    """SQL condition on a case: the staff member holds it, or holds or held one of its steps."""
    return or_(
        Case.holder_staff_id == staff.id,
        exists().where(Stage.case_id == Case.id, Stage.holder_staff_id == staff.id),
    )


def staff_case_departments(staff: StaffMember, family_id: int) -> frozenset[int]:
    """The departments that give this staff member their case content in this family, each
    only through itself: it assigned them as contact person, they hold (or held) one of its
    cases or a step of one, or they take part in a meeting it organises while working in
    it. Taking part in the other department's meeting gives that meeting only (T3)."""
    return staff_case_departments_in(staff, [family_id]).get(family_id, frozenset())


def staff_case_departments_in(
    staff: StaffMember, family_ids: list[int]
) -> dict[int, frozenset[int]]:
    """`staff_case_departments` for many families at once (the caseload), in one statement:
    family id -> departments; a family missing here gives no case content (T3)."""
    if not family_ids:
        return {}
    assigned = select(FamilyStatement.family_id, FamilyStatement.department_id).where(
        FamilyStatement.family_id.in_(family_ids), FamilyStatement.contact_person_id == staff.id
    )
    holds = (
        select(Child.family_id, Case.department_id)
        .join(Child, Case.child_id == Child.id)
        .where(Child.family_id.in_(family_ids), _holds(staff))
    )
    organises = select(Meeting.family_id, Meeting.department_id).where(
        Meeting.family_id.in_(family_ids),
        Meeting.department_id == staff.department_id,
        or_(
            Meeting.organizer_id == staff.id,
            Meeting.participants.any(Participant.staff_id == staff.id),
        ),
    )
    found: dict[int, set[int]] = {}
    for family_id, department_id in db.session.execute(union(assigned, holds, organises)):
        found.setdefault(family_id, set()).add(department_id)
    return {family_id: frozenset(departments) for family_id, departments in found.items()}


def staff_family_access(staff: StaffMember, family: Family, departments: frozenset[int]):
    """What a staff member sees of a family they work with (T1), given the departments that
    give them its case content (T2; none: T3)."""
    return FamilyAccess(
        family, STAFF, None, case_departments=departments, known_by=departments, staff=staff
    )


def caseload_access(staff: StaffMember, families: list[Family]) -> list[FamilyAccess]:
    """Each family of a staff member's caseload (`families_of`) with what the staff member
    sees of it, the same as opening it would give (`access_level`): one statement in all."""
    departments = staff_case_departments_in(staff, [f.id for f in families])
    return [staff_family_access(staff, f, departments.get(f.id, frozenset())) for f in families]


def staff_family_ids(staff: StaffMember):
    """The ids of the families a staff member works with (`staff_assigned_to`), as a UNION of
    one index lookup per way of working with a family, so a caseload costs the same however
    many families the municipality has (an OR of EXISTS over every family does not)."""
    return union(
        select(FamilyStatement.family_id).where(FamilyStatement.contact_person_id == staff.id),
        select(Child.family_id)
        .join(Case, Case.child_id == Child.id)
        .where(Case.holder_staff_id == staff.id),
        select(Child.family_id)
        .join(Case, Case.child_id == Child.id)
        .join(Stage, Stage.case_id == Case.id)
        .where(Stage.holder_staff_id == staff.id),
        select(Meeting.family_id)
        .join(Participant, Participant.meeting_id == Meeting.id)
        .where(Participant.staff_id == staff.id),
    )


def staff_assigned_to(staff: StaffMember):
    """SQL condition: families a staff member works with (contact person chosen by either
    department, case holder now or before, or participant in one of the family's meetings).
    What they see of each is decided by `staff_case_departments`. For one family (opening it);
    lists use `staff_family_ids`, the same families."""
    holds_case = exists().where(
        Case.child_id == Child.id, Child.family_id == Family.id, _holds(staff)
    )
    in_meeting = exists().where(
        Meeting.family_id == Family.id,
        Participant.meeting_id == Meeting.id,
        Participant.staff_id == staff.id,
    )
    is_contact = exists().where(
        FamilyStatement.family_id == Family.id, FamilyStatement.contact_person_id == staff.id
    )
    return or_(is_contact, holds_case, in_meeting)


# Booking, moving and cancelling meetings (docs/access.md B1-B3).


def may_book(access: FamilyAccess) -> bool:
    """B1: a guardian with custody (from at least one department) books times."""
    return access.guardian is not None and access.level == CUSTODY


def _works_with_family(staff_id, family_id: int):
    """SQL condition: the staff member (a column) works with the family, as in T1: contact
    person chosen by either department, holder of one of its cases or steps (now or before),
    or participant in one of its meetings (`staff_assigned_to`, for one family)."""
    holds_step = exists().where(Stage.case_id == Case.id, Stage.holder_staff_id == staff_id)
    return or_(
        exists().where(
            FamilyStatement.family_id == family_id, FamilyStatement.contact_person_id == staff_id
        ),
        exists().where(
            Case.child_id == Child.id,
            Child.family_id == family_id,
            or_(Case.holder_staff_id == staff_id, holds_step),
        ),
        exists().where(
            Meeting.family_id == family_id,
            Participant.meeting_id == Meeting.id,
            Participant.staff_id == staff_id,
        ),
    )


def slot_offered(access: FamilyAccess):
    """SQL condition on a bookable time (B1): not booked and not begun; offered to this family
    by name, or (naming no family) to every family its staff member works with; and its staff
    member is active and works in a department that vouches for this guardian with custody, so
    the meeting booked is one the guardian sees (G2) and may be invited to (S3)."""
    if not may_book(access):
        return false()
    family_id = access.family.id
    return and_(
        Slot.meeting_id.is_(None),
        Slot.starts_at > utcnow(),
        or_(
            Slot.family_id == family_id,
            and_(Slot.family_id.is_(None), _works_with_family(Slot.staff_id, family_id)),
        ),
        Slot.staff.has(
            and_(
                StaffMember.active.is_(True),
                StaffMember.department_id.in_(access.case_departments),
            )
        ),
    )


def guardian_may_change(guardian: Guardian | None, meeting: Meeting) -> bool:
    """B2: a guardian moves or cancels a meeting of their family whose department vouches for
    them with custody (until the cut-off: `change_deadline`)."""
    return (
        guardian is not None
        and meeting.family_id == guardian.family_id
        and meeting.department_id in guardian.custody_department_ids
    )


def staff_may_change(staff: StaffMember | None, meeting: Meeting) -> bool:
    """B3: a staff member who sees the meeting (T2, T3) moves or cancels it when they organise
    it, take part in it, or either department assigned them as the family's contact person."""
    return (
        staff is not None
        and staff.active
        and (
            meeting.organizer_id == staff.id
            or any(p.staff_id == staff.id for p in meeting.participants)
            or any(s.contact_person_id == staff.id for s in meeting.family.statements)
        )
    )


def change_deadline(meeting: Meeting, cutoff_hours: float) -> datetime:
    """Until when a guardian may move or cancel the meeting in the portal (B2)."""
    return meeting.starts_at - timedelta(hours=cutoff_hours)


# Conversations between the family and the municipality (docs/access.md M1-M4).


def sees_thread(access: FamilyAccess, thread: Thread) -> bool:
    """M1-M3: staff who get the family's case content (T2) see every one of its conversations; a
    guardian with custody the family's shared ones and their own; a guardian with information
    only their own (`Thread.guardian_id`). `thread_visible` is the same rule in SQL, and the
    outbox tells of an answer by it (M4)."""
    if thread.family_id != access.family.id:
        return False
    if access.staff is not None:
        return access.sees_case_content
    if access.guardian is None:
        return False
    if thread.guardian_id is not None:
        return thread.guardian_id == access.guardian.id
    return access.level == CUSTODY


def thread_visible(access: FamilyAccess):
    """SQL condition on a conversation: `sees_thread`, for lists and counts cut in the
    database (a fixed number of statements whatever the number of conversations)."""
    own_family = Thread.family_id == access.family.id
    if access.staff is not None:
        return own_family if access.sees_case_content else false()
    if access.guardian is None:
        return false()
    own = Thread.guardian_id == access.guardian.id
    if access.level == CUSTODY:
        return and_(own_family, or_(Thread.guardian_id.is_(None), own))
    return and_(own_family, own)


# Hand-over and cover (docs/access.md H1-H3).


def department_statement(family: Family, department_id: int) -> FamilyStatement | None:
    """What one department states about the family (its name and contact person), if any."""
    return next((s for s in family.statements if s.department_id == department_id), None)


def may_hand_over_family(staff: StaffMember | None, family: Family) -> bool:
    """H1: the staff member's own department has stated the family and names them as its
    contact person, or they are a manager of that department. (Only that department's
    statement changes; the other department's stays as its system sent it.)"""
    if staff is None or not staff.active:
        return False
    statement = department_statement(family, staff.department_id)
    return statement is not None and (
        statement.contact_person_id == staff.id or staff.role == "manager"
    )


def may_hand_over_case(staff: StaffMember | None, case: Case) -> bool:
    """H2: a case of the staff member's own department that they hold now (the case or its
    open step), whose family their department names them contact person of, or they are a
    manager of the department."""
    if staff is None or not staff.active or case.department_id != staff.department_id:
        return False
    if staff.role == "manager":
        return True
    holders = {case.holder_staff_id} | {s.holder_staff_id for s in case.stages if not s.ended_on}
    if staff.id in holders:
        return True
    statement = department_statement(case.child.family, staff.department_id)
    return statement is not None and statement.contact_person_id == staff.id


def may_arrange_absence(staff: StaffMember | None, absent: StaffMember) -> bool:
    """H3: the staff member themselves, or a manager of their department."""
    return (
        staff is not None
        and staff.active
        and (
            staff.id == absent.id
            or (staff.role == "manager" and staff.department_id == absent.department_id)
        )
    )


def may_cover(absent: StaffMember, cover: StaffMember | None) -> bool:
    """H3: an active colleague of the same department (who speaks for that department)."""
    return (
        cover is not None
        and cover.active
        and cover.id != absent.id
        and cover.department_id == absent.department_id
    )


def family_handover_for(family_id: int, what: str) -> FamilyAccess:
    """The family, for a staff member who may hand over their department's contact person for
    it (H1, through their own department: T2), or 404; the look is written after every check."""
    viewer, found, _ = _open(family_id)
    staff = found.staff
    if staff is None or staff.department_id not in found.case_departments:
        abort(404)
    if not may_hand_over_family(staff, found.family):
        abort(404)
    _seen(viewer, family_id, what, "family", family_id)
    return found


def case_handover_for(family_id: int, case_id: int, what: str, *, options=()):
    """One of the family's cases, for a staff member who may hand it over (H2, through the
    case's own department), or 404; the look is written after every check."""
    viewer, found, _ = _open(family_id, case_content=True)
    staff = found.staff
    case = db.session.scalar(
        select(Case)
        .join(Child)
        .where(Case.id == case_id, Child.family_id == family_id)
        .options(*options)
    )
    if case is None or staff is None or case.department_id not in found.case_departments:
        abort(404)
    if not may_hand_over_case(staff, case):
        abort(404)
    _seen(viewer, family_id, what, "case", case.id)
    return found, case


def access_level(viewer: Viewer, family_id: int) -> FamilyAccess | None:
    if viewer.kind == "guardian":
        guardian = next((g for g in viewer.guardians if g.family_id == family_id), None)
        return guardian_access(guardian) if guardian else None
    if viewer.kind == "staff" and viewer.staff is not None and viewer.staff.active:
        family = db.session.scalar(
            select(Family).where(Family.id == family_id, staff_assigned_to(viewer.staff))
        )
        if family is None:
            return None
        departments = staff_case_departments(viewer.staff, family_id)
        return staff_family_access(viewer.staff, family, departments)
    return None


def families_of(viewer: Viewer) -> list[Family]:
    """The families a viewer may open, for lists (opening one still goes through family_for)."""
    if viewer.kind == "guardian":
        return [g.family for g in viewer.guardians]
    if viewer.staff is None or not viewer.staff.active:
        return []
    return db.session.scalars(
        select(Family)
        .where(Family.id.in_(staff_family_ids(viewer.staff)))
        .order_by(Family.display_name)
    ).all()


def _open(family_id: int, *, child_id: int | None = None, case_content: bool = False):
    """The viewer, their access to the family and the child asked for, or 404. Writes nothing."""
    viewer: Viewer | None = g.get("viewer")
    found = access_level(viewer, family_id) if viewer else None
    if found is None or (case_content and not found.sees_case_content):
        abort(404)
    child = None
    if child_id is not None:
        child = db.session.scalar(
            select(Child)
            .where(Child.id == child_id, Child.family_id == family_id)
            .options(selectinload(Child.statements))
        )
        if child is None or not found.sees_child(child):
            abort(404)
    return viewer, found, child


def _seen(viewer: Viewer, family_id: int, what: str, object_type: str, object_id: int) -> None:
    record(
        viewer,
        "read",
        family_id=family_id,
        object_type=object_type,
        object_id=object_id,
        detail=what,
    )


def family_for(
    family_id: int, what: str, *, child_id: int | None = None, case_content: bool = False
):
    """The family (and child) the current viewer may see, or 404; `case_content` pages also 404
    for an information-only guardian. Every 404 is decided before the look is written to the
    audit log (committed with the request), so the log holds the reads that happened and only
    those."""
    viewer, found, child = _open(family_id, child_id=child_id, case_content=case_content)
    if child is not None:
        _seen(viewer, family_id, what, "child", child.id)
    else:
        _seen(viewer, family_id, what, "family", family_id)
    return found, child


def case_for(family_id: int, case_id: int, what: str, *, options=()):
    """One of the family's cases for a viewer who may see case content, or 404 (also for a case
    of another family); the look is written after every check, like in `family_for`."""
    viewer, found, _ = _open(family_id, case_content=True)
    case = db.session.scalar(
        select(Case)
        .join(Child)
        .where(Case.id == case_id, Child.family_id == family_id)
        .options(*options)
    )
    if case is None or not found.sees_case(case):
        abort(404)
    _seen(viewer, family_id, what, "case", case.id)
    return found, case


def meeting_for(meeting_id: int, what: str, *, family_id: int | None = None, options=()):
    """A meeting the current viewer may see (`meeting_visible`: G2, G3, T2, T3) and their
    access to its family, or 404, also for a meeting of another family than the address names
    (the staff door's address names no family: the meeting's own is used). The look is written
    after every check, like in `family_for`."""
    viewer: Viewer | None = g.get("viewer")
    meeting = db.session.scalar(select(Meeting).where(Meeting.id == meeting_id).options(*options))
    if meeting is None or family_id not in (None, meeting.family_id):
        abort(404)
    found = access_level(viewer, meeting.family_id) if viewer else None
    if found is None or not db.session.scalar(
        select(Meeting.id).where(Meeting.id == meeting.id, meeting_visible(found))
    ):
        abort(404)
    _seen(viewer, meeting.family_id, what, "meeting", meeting.id)
    return found, meeting


def thread_for(family_id: int, thread_id: int, what: str, *, options=()):
    """A conversation of the family that the current viewer sees (M1-M3) and their access, or
    404, also for another family's conversation; the look is written after every check."""
    viewer, found, _ = _open(family_id)
    thread = db.session.scalar(
        select(Thread).where(Thread.id == thread_id, thread_visible(found)).options(*options)
    )
    if thread is None:
        abort(404)
    _seen(viewer, family_id, what, "thread", thread.id)
    return found, thread


def update_for(family_id: int, update_id: int, what: str, *, options=()):
    """An update of the family that the current viewer sees (G2: `update_visible`), e.g. to
    answer it, or 404; the look is written after every check."""
    viewer, found, _ = _open(family_id, case_content=True)
    update = db.session.scalar(
        select(Update).where(Update.id == update_id, update_visible(found)).options(*options)
    )
    if update is None:
        abort(404)
    _seen(viewer, family_id, what, "update", update.id)
    return found, update


def listed(families: list[Family], what: str) -> list[Family]:
    """A list of families shown to the current viewer (e.g. a caseload): each family's name is
    family data, so each gets an audit entry ("list") and sees it on its access log."""
    viewer: Viewer | None = g.get("viewer")
    # One statement for the whole list, so a caseload's cost does not grow with its length.
    who = viewer_columns(viewer)
    record_all(
        db.session,
        [
            {
                **who,
                "action": "list",
                "family_id": family.id,
                "object_type": "family",
                "object_id": family.id,
                "detail": what,
            }
            for family in families
        ],
    )
    return families


# The management view (docs/access.md MG1).


def sees_management(viewer: Viewer | None) -> bool:
    """MG1: an active staff member with the role manager sees the management figures."""
    staff = viewer.staff if viewer is not None and viewer.kind == "staff" else None
    return staff is not None and staff.active and staff.role == "manager"


def management_for(what: str) -> Viewer:
    """The manager looking at the management figures, or 404 (MG1). The figures are about no
    family, so the look is audited without one (family_id empty, object "management")."""
    viewer: Viewer | None = g.get("viewer")
    if not sees_management(viewer):
        abort(404)
    record(viewer, "read", object_type="management", detail=what)
    return viewer
