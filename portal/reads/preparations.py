""" "Det er vigtigt for os" as the guardian writes it: their own text for a meeting, and which
children the question "will the child come?" is about (docs/access.md G5)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.access import FamilyAccess
from portal.domain.children import is_party
from portal.extensions import db
from portal.models import Case, Meeting, Preparation
from portal.reads.family import load_children

# What the guardian's page needs of the meeting itself.
MEETING_LOADING = (selectinload(Meeting.case).selectinload(Case.child),)


def own_preparation(access: FamilyAccess, meeting: Meeting) -> Preparation | None:
    """What this guardian wrote for the meeting; never another guardian's (G5)."""
    if access.guardian is None:
        return None
    return db.session.scalar(
        select(Preparation).where(
            Preparation.meeting_id == meeting.id, Preparation.guardian_id == access.guardian.id
        )
    )


def children_asked_about(access: FamilyAccess, meeting: Meeting, today: date) -> list:
    """The children aged 10 or more the meeting is about, whom the family is asked whether they
    will come: the child of the meeting's case, or, for a meeting about no case, each child of
    the family aged 10 or more. Only children the viewer sees (G3)."""
    children = [c for c in load_children(access) if is_party(c.birth_date, today)]
    if meeting.case_id is not None:
        children = [c for c in children if c.id == meeting.case.child_id]
    return children
