"""What each guardian is told, and each send to one guardian.

An event in the outbox (`OutboxMessage`) becomes one `Notice` per guardian who may see it: what
to tell them (a kind and, for meetings, the time), never content. Notices wait in a `Delivery`,
one actual e-mail or SMS to one guardian; a delivery that collects several notices is a digest.
A delivery carries a stable `reference` that the mail server and the SMS gateway see, so a
resend after a crash is recognisable. It never keeps the message body or the address.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, utcnow
from portal.models.cases import Case
from portal.models.meetings import Meeting
from portal.models.messages import OutboxMessage, Update
from portal.models.offers import ChildOffer
from portal.models.people import Guardian

# pending: waiting for its time; sending: a worker holds it until `claimed_until`; sent: the
# mail server or gateway took it; failed: permanently refused or out of attempts; skipped: the
# guardian chose no notifications ("none") when it was due.
DELIVERY_STATUSES = ("pending", "sending", "sent", "failed", "skipped")


class Delivery(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'sending', 'sent', 'failed', 'skipped')", name="known_status"
        ),
        CheckConstraint("channel IN ('email', 'sms', 'none')", name="known_channel"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        Index("ix_deliveries_due", "status", "next_attempt_at"),
        Index("ix_deliveries_lease", "status", "claimed_until"),
        Index("ix_deliveries_guardian", "guardian_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(36), unique=True)
    guardian_id: Mapped[int] = mapped_column(ForeignKey("guardians.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(10), default="pending")
    # Resolved from the guardian's choice when it is first attempted, then kept for its retries.
    channel: Mapped[str | None] = mapped_column(String(10))
    language: Mapped[str | None] = mapped_column(String(2))
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]  # first attempt: from then on nothing joins it
    last_attempt_at: Mapped[datetime | None]
    claimed_until: Mapped[datetime | None]
    lease_token: Mapped[str | None] = mapped_column(String(32))
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)  # never content or an address

    guardian: Mapped[Guardian] = relationship()
    notices: Mapped[list[Notice]] = relationship(back_populates="delivery", order_by="Notice.id")


class Notice(Base):
    """One thing one guardian is told. `topic` names what it is about (e.g. "meeting:12") and
    `fingerprint` what is told about it; the same again for the same guardian is not told twice.
    The case, meeting or child offer it is about decide which staff see it."""

    __tablename__ = "notices"
    __table_args__ = (Index("ix_notices_guardian_topic", "guardian_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="CASCADE"), index=True
    )
    guardian_id: Mapped[int] = mapped_column(ForeignKey("guardians.id", ondelete="CASCADE"))
    delivery_id: Mapped[int] = mapped_column(
        ForeignKey("deliveries.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40))
    topic: Mapped[str] = mapped_column(String(60))
    fingerprint: Mapped[str] = mapped_column(String(60))
    starts_at: Mapped[datetime | None]  # the meeting's time, for meeting notices
    urgent: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    child_offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("child_offers.id", ondelete="SET NULL"), index=True
    )
    update_id: Mapped[int | None] = mapped_column(
        ForeignKey("updates.id", ondelete="SET NULL"), index=True
    )

    message: Mapped[OutboxMessage] = relationship()
    guardian: Mapped[Guardian] = relationship()
    delivery: Mapped[Delivery] = relationship(back_populates="notices")
    case: Mapped[Case | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    child_offer: Mapped[ChildOffer | None] = relationship()
    update: Mapped[Update | None] = relationship()
