"""Load everything a family page shows in a fixed number of queries, however big the family.

Each relationship is loaded with `selectinload` (one query per relationship, not per row), so
the overview costs the same number of SQL statements for one case or fifty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.access import FamilyAccess
from portal.domain.explain import CaseStory, case_story
from portal.extensions import db
from portal.models import (
    Case,
    CaseType,
    Child,
    ChildOffer,
    Meeting,
    Participant,
    StaffMember,
    Stage,
    Update,
)
from portal.models.base import utcnow

CASE_LOADING = (
    selectinload(Case.department),
    selectinload(Case.partner_department),
    selectinload(Case.holder).selectinload(StaffMember.department),
    selectinload(Case.case_type).selectinload(CaseType.stage_types),
    selectinload(Case.stages).selectinload(Stage.stage_type),
    selectinload(Case.stages).selectinload(Stage.holder),
    selectinload(Case.stages).selectinload(Stage.holder_department),
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


def offers_of(child_ids: list[int]) -> list[ChildOffer]:
    if not child_ids:
        return []
    return db.session.scalars(
        select(ChildOffer)
        .where(ChildOffer.child_id.in_(child_ids))
        .options(selectinload(ChildOffer.offer))
        .order_by(ChildOffer.id)
    ).all()


def children_pictures(access: FamilyAccess, children: list[Child], today: date):
    ids = [c.id for c in children]
    cases = cases_of(ids) if access.sees_case_content else []
    offers = offers_of(ids)
    if not access.sees_case_content:
        offers = [o for o in offers if o.status == "started"]
    return [
        ChildPicture(
            child=child,
            stories=[case_story(c, today) for c in cases if c.child_id == child.id],
            offers=[o for o in offers if o.child_id == child.id],
        )
        for child in children
    ]


def meetings_of(access: FamilyAccess, *, upcoming_only: bool = False, limit: int | None = None):
    """Custody and staff: all the family's meetings. Information only: those they are invited to."""
    query = (
        select(Meeting)
        .where(Meeting.family_id == access.family.id, Meeting.status != "cancelled")
        .options(
            selectinload(Meeting.participants).selectinload(Participant.staff),
            selectinload(Meeting.participants).selectinload(Participant.guardian),
        )
        .order_by(Meeting.starts_at)
    )
    if access.level == "information":
        query = query.where(Meeting.participants.any(Participant.guardian_id == access.guardian.id))
    if upcoming_only:
        query = query.where(Meeting.ends_at >= utcnow())
    if limit:
        query = query.limit(limit)
    return db.session.scalars(query).all()


def newest_updates(access: FamilyAccess, limit: int = 3) -> list[Update]:
    if not access.sees_case_content:
        return []
    return db.session.scalars(
        select(Update)
        .where(Update.family_id == access.family.id)
        .options(selectinload(Update.author), selectinload(Update.child))
        .order_by(Update.posted_at.desc())
        .limit(limit)
    ).all()


def load_children(access: FamilyAccess) -> list[Child]:
    return db.session.scalars(
        select(Child).where(Child.family_id == access.family.id).order_by(Child.birth_date)
    ).all()


def now() -> datetime:
    return utcnow()
