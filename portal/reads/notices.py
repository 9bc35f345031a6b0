"""Whether and when each guardian was told about the things the staff family page shows: one
line per notice (sent, waiting, failed, or not sent because the guardian chose no
notifications) — never the message itself. Loaded in a fixed number of queries, and cut to
what the staff member sees: notices about the cases, meetings, offers and updates the page
shows, to the guardians the page shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from portal.extensions import db
from portal.models import Case, ChildOffer, Delivery, Meeting, Notice, Update

NOTICE_LIMIT = 50
# What staff read for each delivery status.
SHOWN_STATUS = {
    "pending": "waiting",
    "sending": "waiting",
    "sent": "sent",
    "failed": "failed",
    "skipped": "not_wanted",
}


@dataclass(frozen=True)
class NoticeLine:
    notice: Notice
    about: Case | Meeting | ChildOffer | Update  # as the page shows it
    status: str  # sent | waiting | failed | not_wanted
    at: datetime | None  # sent at, due at (waiting), or last tried (failed, not wanted)
    channel: str | None  # email | sms, once settled


def told(
    family_id: int,
    guardian_ids: list[int],
    cases: list[Case],
    meetings: list[Meeting],
    offers: list[ChildOffer],
    updates: Sequence[Update] = (),
    limit: int = NOTICE_LIMIT,
) -> list[NoticeLine]:
    """The newest notices to these guardians about these cases, meetings, offers and updates
    (those the page shows, already cut to what the viewer sees)."""
    shown = {
        "case": {c.id: c for c in cases},
        "meeting": {m.id: m for m in meetings},
        "offer": {o.id: o for o in offers},
        "update": {u.id: u for u in updates},
    }
    about = [
        column.in_(shown[name])
        for name, column in (
            ("case", Notice.case_id),
            ("meeting", Notice.meeting_id),
            ("offer", Notice.child_offer_id),
            ("update", Notice.update_id),
        )
        if shown[name]
    ]
    if not guardian_ids or not about:
        return []
    notices = db.session.scalars(
        select(Notice)
        .where(Notice.guardian_id.in_(guardian_ids), or_(*about))
        .options(selectinload(Notice.delivery), selectinload(Notice.guardian))
        .order_by(Notice.created_at.desc(), Notice.id.desc())
        .limit(limit)
    ).all()
    lines = []
    for notice in notices:
        subject = (
            shown["meeting"].get(notice.meeting_id)
            or shown["case"].get(notice.case_id)
            or shown["offer"].get(notice.child_offer_id)
            or shown["update"].get(notice.update_id)
        )
        if subject is not None and notice.guardian.family_id == family_id:
            lines.append(_line(notice, subject))
    return lines


def _line(notice: Notice, about) -> NoticeLine:
    delivery: Delivery = notice.delivery
    status = SHOWN_STATUS[delivery.status]
    at = {
        "sent": delivery.sent_at,
        "waiting": delivery.next_attempt_at,
    }.get(status, delivery.last_attempt_at)
    channel = delivery.channel if delivery.channel in ("email", "sms") else None
    return NoticeLine(notice, about, status, at, channel)
