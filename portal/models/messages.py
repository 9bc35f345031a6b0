"""What staff write to families, and the outbox that carries notifications out reliably."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, utcnow
from portal.models.people import Child, Family, StaffMember

# pending: waiting to be fanned out to the guardians; done: turned into notices (or nothing to
# tell); cancelled: a reminder whose meeting was cancelled or moved; failed: gave up (operator).
OUTBOX_STATUSES = ("pending", "done", "cancelled", "failed")


class Update(Base):
    """A short plain-language message from staff to a family, optionally about one child."""

    __tablename__ = "updates"
    __table_args__ = (Index("ix_updates_family_posted", "family_id", "posted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    posted_at: Mapped[datetime] = mapped_column(default=utcnow)
    body: Mapped[str] = mapped_column(Text)

    family: Mapped[Family] = relationship()
    child: Mapped[Child | None] = relationship()
    author: Mapped[StaffMember | None] = relationship()


class OutboxMessage(Base):
    """Something a family should hear about (an event), waiting to be fanned out to the guardians
    who may see it (portal/outbox/fanout.py). It carries no case content, only what to fetch.
    `dedupe_key` names an event that must exist once (a meeting's reminder)."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'done', 'cancelled', 'failed')", name="known_status"
        ),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        Index("ix_outbox_messages_due", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(40))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    guardian_id: Mapped[int | None] = mapped_column(ForeignKey("guardians.id", ondelete="CASCADE"))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]  # when it was fanned out
    last_error: Mapped[str | None] = mapped_column(Text)
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
