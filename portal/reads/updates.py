"""Updates as the pages show them, in a fixed number of statements: the family's news (newest
first, with who read them), one update to correct, what a staff member may write an update
about, the glossary terms the plain-language check looks for, and, for the staff family page,
whether each parent was told about each update and when they read it (docs/access.md U4)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.access import FamilyAccess, guardian_access, update_visible
from portal.extensions import db
from portal.models import Case, Child, GlossaryTerm, Guardian, StaffMember, Update
from portal.reads.family import cases_of, load_children
from portal.reads.notices import NoticeLine, told
from portal.reads.reference import reference

# What an update shows: who wrote it (and their department), the child and case it is about
# (with what decides who sees the child), and who read it.
UPDATE_LOADING = (
    selectinload(Update.author).selectinload(StaffMember.department),
    selectinload(Update.child).selectinload(Child.statements),
    selectinload(Update.case).selectinload(Case.case_type),
    selectinload(Update.case).selectinload(Case.department),
    selectinload(Update.reads),
)
NEWS_PAGE_LIMIT = 100  # the family's news page: the newest hundred
STAFF_PAGE_LIMIT = 20  # the staff family page's updates section


def family_updates(access: FamilyAccess, limit: int | None = None) -> list[Update]:
    """The newest updates the viewer sees (`access.update_visible`, the rule that also decides
    who is told of one), newest first."""
    if not access.sees_case_content:
        return []
    query = (
        select(Update)
        .where(update_visible(access))
        .options(*UPDATE_LOADING)
        .order_by(Update.posted_at.desc(), Update.id.desc())
    )
    if limit:
        query = query.limit(limit)
    return db.session.scalars(query).all()


def glossary_terms() -> list[GlossaryTerm]:
    """The shared glossary's terms, for the plain-language check."""
    return list(reference().glossary)


@dataclass(frozen=True)
class Topic:
    """What an update may be about: a child the author sees, and that child's cases of the
    author's department (its own or joint ones), docs/access.md U2."""

    child: Child
    cases: list[Case]


def update_topics(access: FamilyAccess) -> list[Topic]:
    children = load_children(access)
    department = access.staff.department_id if access.staff else None
    cases = [
        case
        for case in cases_of([c.id for c in children])
        if access.sees_case(case) and department in (case.department_id, case.partner_department_id)
    ]
    return [Topic(child, [c for c in cases if c.child_id == child.id]) for child in children]


@dataclass(frozen=True)
class Receipt:
    """One parent and one update: whether the parent sees it at all, whether (and how) they
    were told, and when they first read it."""

    guardian: Guardian
    sees: bool
    told: NoticeLine | None
    read_at: datetime | None


@dataclass(frozen=True)
class UpdateReceipts:
    update: Update
    receipts: list[Receipt]


def update_receipts(
    access: FamilyAccess, guardians: Sequence[Guardian], limit: int = STAFF_PAGE_LIMIT
) -> list[UpdateReceipts]:
    """The newest updates the staff member sees, each with the parents the page shows (their
    statements loaded): whether each parent sees it (G2, as their own pages decide), the
    newest notice about it to them (G4) and when they first read it (U4)."""
    updates = family_updates(access, limit)
    lines = told(access.family.id, [g.id for g in guardians], [], [], [], updates=updates)
    newest: dict[tuple[int, int], NoticeLine] = {}
    for line in lines:  # newest first
        newest.setdefault((line.notice.guardian_id, line.notice.update_id), line)
    result = []
    for update in updates:
        reads = {r.guardian_id: r.read_at for r in update.reads}
        receipts = [
            Receipt(
                guardian=guardian,
                sees=guardian_access(guardian).sees_update(update),
                told=newest.get((guardian.id, update.id)),
                read_at=reads.get(guardian.id),
            )
            for guardian in guardians
        ]
        result.append(UpdateReceipts(update, receipts))
    return result
