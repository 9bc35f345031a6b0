"""The picture of one family that the family pages and the staff family page both show, loaded
in a fixed number of queries however big the family: the same stories, meetings and clocks for
every door, each cut to what `FamilyAccess` lets the viewer see.

Each relationship is loaded with `selectinload` (one query per relationship, not per row), so
the overview costs the same number of SQL statements for one case or fifty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, true
from sqlalchemy.orm import joinedload, selectinload

from portal.access import FamilyAccess, meeting_visible, update_visible
from portal.domain.explain import CaseStory, case_story
from portal.extensions import db
from portal.models import (
    AuditEntry,
    Case,
    Child,
    ChildOffer,
    ChildStatement,
    Department,
    Family,
    FamilyStatement,
    Guardian,
    GuardianStatement,
    Meeting,
    Participant,
    Preparation,
    StaffMember,
    Stage,
    Update,
)
from portal.models.base import utcnow
from portal.reads.reference import stage_plan
from portal.records.statements import disagreements

# A case's headline (department, partner, holder, type, current step): the API's case reads
# load this much; the family and staff pages load the whole story with it. What a row refers
# to by a key (a department, a type, a holder) comes joined into the row's own statement; only
# lists (steps, events, clock changes) take a statement of their own, one for all the cases.
CASE_HEADLINE = (
    joinedload(Case.department),
    joinedload(Case.partner_department),
    joinedload(Case.holder).joinedload(StaffMember.department),
    joinedload(Case.case_type),
    selectinload(Case.stages).joinedload(Stage.stage_type),
)
# The whole story for the family and staff pages; the steps a case type has come from the
# process's reference data (`story_of`).
CASE_LOADING = (
    *CASE_HEADLINE,
    selectinload(Case.stages).joinedload(Stage.holder),
    selectinload(Case.stages).joinedload(Stage.holder_department),
    selectinload(Case.stages).selectinload(Stage.clock_adjustments),
    selectinload(Case.events),
)


@dataclass
class ChildPicture:
    child: Child
    stories: list[CaseStory]
    offers: list[ChildOffer]

    @property
    def open_stories(self) -> list[CaseStory]:
        return [s for s in self.stories if s.open]


def cases_of(child_ids: list[int]) -> list[Case]:
    if not child_ids:
        return []
    return db.session.scalars(
        select(Case).where(Case.child_id.in_(child_ids)).options(*CASE_LOADING).order_by(Case.id)
    ).all()


def story_of(case: Case, today: date) -> CaseStory:
    """A case loaded with `CASE_LOADING`, told with its type's steps from the reference data."""
    return case_story(case, today, stage_plan(case.case_type_id))


def offers_of(child_ids: list[int]) -> list[ChildOffer]:
    if not child_ids:
        return []
    return db.session.scalars(
        select(ChildOffer)
        .where(ChildOffer.child_id.in_(child_ids))
        .options(joinedload(ChildOffer.offer))
        .order_by(ChildOffer.id)
    ).all()


def children_pictures(access: FamilyAccess, children: list[Child], today: date):
    """Each child's cases and offers, as far as the viewer's departments show them."""
    ids = [c.id for c in children]
    cases = [c for c in cases_of(ids) if access.sees_case(c)] if access.sees_case_content else []
    offers = [o for o in offers_of(ids) if access.sees_offer(o)]
    return [
        ChildPicture(
            child=child,
            stories=[story_of(c, today) for c in cases if c.child_id == child.id],
            offers=[o for o in offers if o.child_id == child.id],
        )
        for child in children
    ]


def meetings_of(
    access: FamilyAccess,
    *,
    upcoming_only: bool = False,
    limit: int | None = None,
    with_cancelled: bool = False,
):
    """The meetings of the departments whose case content the viewer sees, and every meeting
    they are invited to themselves; cancelled ones only where a page says they were."""
    query = (
        select(Meeting)
        .where(
            meeting_visible(access),
            true() if with_cancelled else Meeting.status != "cancelled",
        )
        .options(
            selectinload(Meeting.participants).joinedload(Participant.staff),
            selectinload(Meeting.participants).joinedload(Participant.guardian),
        )
        .order_by(Meeting.starts_at)
    )
    if upcoming_only:
        query = query.where(Meeting.ends_at >= utcnow())
    if limit:
        query = query.limit(limit)
    return db.session.scalars(query).all()


def newest_updates(access: FamilyAccess, limit: int = 3) -> list[Update]:
    """The newest updates the viewer sees (`access.update_visible`, the rule that also decides
    who is told of one): by staff of a department whose case content they see, about the
    whole family or a child they see. The family pages show a few, the staff family page
    more (whether each parent was told)."""
    if not access.sees_case_content:
        return []
    return db.session.scalars(
        select(Update)
        .where(update_visible(access))
        .options(selectinload(Update.author), selectinload(Update.child))
        .order_by(Update.posted_at.desc(), Update.id.desc())
        .limit(limit)
    ).all()


def load_children(access: FamilyAccess) -> list[Child]:
    """The children a department that knows the viewer has told the portal about."""
    children = db.session.scalars(
        select(Child)
        .where(Child.family_id == access.family.id)
        .options(selectinload(Child.statements).joinedload(ChildStatement.department))
        .order_by(Child.birth_date)
    ).all()
    return [c for c in children if access.sees_child(c)]


def staff_looks(access: FamilyAccess, limit: int = 200) -> list[AuditEntry]:
    """Staff looks at the family, by staff of the departments whose case content the viewer
    sees: a look by the other department's staff would tell that it knows the family."""
    if not access.sees_case_content:
        return []
    codes = select(Department.code).where(Department.id.in_(access.case_departments))
    return db.session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.family_id == access.family.id,
            AuditEntry.actor_kind == "staff",
            AuditEntry.actor_department.in_(codes),
        )
        .order_by(AuditEntry.occurred_at.desc())
        .limit(limit)
    ).all()


@dataclass
class GuardianPicture:
    guardian: Guardian
    statements: list[GuardianStatement]  # those of the viewer's departments only


# What every department stated about a family, its guardians and children. The staff family
# page and the API's family reads load it the same way; each cuts it to the reader's departments.
STATED_FAMILY = (
    selectinload(Family.statements).joinedload(FamilyStatement.department),
    selectinload(Family.statements)
    .joinedload(FamilyStatement.contact_person)
    .joinedload(StaffMember.department),
    selectinload(Family.guardians)
    .selectinload(Guardian.statements)
    .joinedload(GuardianStatement.department),
    selectinload(Family.children)
    .selectinload(Child.statements)
    .joinedload(ChildStatement.department),
)


def stated_families(family_ids: list[int]) -> dict[int, Family]:
    """The families with every department's statements, by id, in a fixed number of queries."""
    if not family_ids:
        return {}
    families = db.session.scalars(
        select(Family).where(Family.id.in_(family_ids)).options(*STATED_FAMILY)
    ).all()
    return {family.id: family for family in families}


def staff_statements(access: FamilyAccess, children: list[Child]):
    """The guardians as the staff member's own departments state them, and where those
    departments disagree. Another department's statements stay out of sight: that it knows
    the family at all is that department's information (docs/access.md, T4)."""
    family = stated_families([access.family.id])[access.family.id]
    shown = access.case_departments
    pictures = [
        GuardianPicture(g, [s for s in g.statements if s.department_id in shown])
        for g in sorted(family.guardians, key=lambda g: g.id)
    ]
    pictures = [p for p in pictures if p.statements]
    return pictures, disagreements(family, children, [p.guardian for p in pictures], shown)


def coming_preparations(access: FamilyAccess) -> list[Meeting]:
    """The coming meetings the viewer sees (`meeting_visible`) that a guardian has written for
    ("Det er vigtigt for os", G5), with what each wrote and who wrote it: the staff family page
    shows them before the meeting. Three queries, however many meetings and guardians."""
    return db.session.scalars(
        select(Meeting)
        .where(
            meeting_visible(access),
            Meeting.status == "planned",
            Meeting.ends_at >= utcnow(),
            Meeting.preparations.any(),
        )
        .options(selectinload(Meeting.preparations).selectinload(Preparation.guardian))
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()


def now() -> datetime:
    return utcnow()
