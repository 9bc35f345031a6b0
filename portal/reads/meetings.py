"""The meetings a viewer may see (`access.meeting_visible`: G2, G3), for the family's meetings
page, one meeting's page, the calendar file and the private calendar feed; and the calendar
feeds themselves. Each costs a fixed number of queries however many meetings and participants
there are."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal.access import FamilyAccess, meeting_visible
from portal.extensions import db
from portal.models import CalendarFeed, Guardian, Meeting, Participant, StaffMember
from portal.records.calendar_feeds import token_hash

# What a meeting's page says: its department, and who takes part with their departments
# (staff of either department, the family's guardians, people outside the portal by name).
MEETING_DETAILS = (
    selectinload(Meeting.department),
    selectinload(Meeting.participants)
    .selectinload(Participant.staff)
    .selectinload(StaffMember.department),
    selectinload(Meeting.participants).selectinload(Participant.guardian),
)

# How far back a calendar feed goes: a calendar keeps what it has, so the feed needs only the
# recent past, cancelled meetings included (their calendar entries then say so).
FEED_DAYS_BACK = 60


def family_meetings(access: FamilyAccess) -> list[Meeting]:
    """Every meeting the viewer may see, coming and past, cancelled ones too, with who takes
    part: 4 queries."""
    return db.session.scalars(
        select(Meeting)
        .where(meeting_visible(access))
        .options(*MEETING_DETAILS)
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()


def calendar_meetings(access: FamilyAccess, now: datetime) -> list[Meeting]:
    """What a guardian's calendar feed holds: the meetings they may see from a while back on,
    cancelled ones too. Only times and status are needed: 1 query."""
    return db.session.scalars(
        select(Meeting)
        .where(meeting_visible(access), Meeting.ends_at >= now - timedelta(days=FEED_DAYS_BACK))
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()


def working_feed(guardian: Guardian) -> CalendarFeed | None:
    """The guardian's calendar address that works now, if any (its secret is not kept)."""
    return db.session.scalar(
        select(CalendarFeed)
        .where(CalendarFeed.guardian_id == guardian.id, CalendarFeed.revoked_at.is_(None))
        .order_by(CalendarFeed.created_at.desc(), CalendarFeed.id.desc())
        .limit(1)
    )


def feed_for_token(token: str) -> CalendarFeed | None:
    """The working feed whose secret this is, with its guardian as the departments state them
    (for `access.guardian_access`) and their family; None for an unknown or stopped one."""
    return db.session.scalar(
        select(CalendarFeed)
        .where(CalendarFeed.token_hash == token_hash(token), CalendarFeed.revoked_at.is_(None))
        .options(
            selectinload(CalendarFeed.guardian).selectinload(Guardian.statements),
            selectinload(CalendarFeed.guardian).selectinload(Guardian.family),
        )
    )
