"""What staff write to families, and the outbox that carries notifications out reliably."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, utcnow
from portal.models.cases import Case
from portal.models.people import Child, Family, Guardian, StaffMember

# pending: waiting to be fanned out to the guardians; done: turned into notices (or nothing to
# tell); cancelled: a reminder whose meeting was cancelled or moved; failed: gave up (operator).
OUTBOX_STATUSES = ("pending", "done", "cancelled", "failed")


class Update(Base):
    """A short plain-language message from staff to a family, optionally about one child and
    one of its cases; in Danish, and in English and Arabic where the author wrote them too.
    A correction keeps the update (and who read it) and says when it was corrected."""

    __tablename__ = "updates"
    __table_args__ = (Index("ix_updates_family_posted", "family_id", "posted_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    child_id: Mapped[int | None] = mapped_column(
        ForeignKey("children.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), index=True
    )
    posted_at: Mapped[datetime] = mapped_column(default=utcnow)
    body: Mapped[str] = mapped_column(Text)
    body_en: Mapped[str | None] = mapped_column(Text)
    body_ar: Mapped[str | None] = mapped_column(Text)
    corrected_at: Mapped[datetime | None]

    family: Mapped[Family] = relationship()
    child: Mapped[Child | None] = relationship()
    case: Mapped[Case | None] = relationship()
    author: Mapped[StaffMember | None] = relationship()
    reads: Mapped[list[UpdateRead]] = relationship(
        back_populates="update", cascade="all, delete-orphan", passive_deletes=True
    )


class UpdateRead(Base):
    """When a guardian first saw an update on their pages (staff see it; never the family)."""

    __tablename__ = "update_reads"
    __table_args__ = (UniqueConstraint("update_id", "guardian_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    update_id: Mapped[int] = mapped_column(ForeignKey("updates.id", ondelete="CASCADE"))
    guardian_id: Mapped[int] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), index=True
    )
    read_at: Mapped[datetime] = mapped_column(default=utcnow)

    update: Mapped[Update] = relationship(back_populates="reads")
    guardian: Mapped[Guardian] = relationship()


# What a conversation is about: the family picks one when writing; "update" answers an update.
THREAD_TOPICS = ("case", "meeting", "offer", "other", "update")


class Thread(Base):
    """A conversation between a family and the municipality, one per family and topic (and
    update, when it answers one). A thread a guardian with information only starts is theirs
    alone (`guardian_id`); the others belong to the guardians with custody. `waiting_for_staff`
    is true while the newest message is a guardian's (the caseload's "unanswered")."""

    __tablename__ = "threads"
    __table_args__ = (
        CheckConstraint(
            "topic IN ('case', 'meeting', 'offer', 'other', 'update')", name="known_topic"
        ),
        Index("ix_threads_family_last", "family_id", "last_message_at"),
        Index("ix_threads_waiting", "waiting_for_staff", "family_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(20))
    update_id: Mapped[int | None] = mapped_column(ForeignKey("updates.id", ondelete="SET NULL"))
    # Set for a thread only this guardian (with information only) and staff see.
    guardian_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), index=True
    )
    # The staff member who answers: the family's contact person when it started; moves with a
    # hand-over.
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(default=utcnow)
    waiting_for_staff: Mapped[bool] = mapped_column(default=False)

    family: Mapped[Family] = relationship()
    update: Mapped[Update | None] = relationship()
    guardian: Mapped[Guardian | None] = relationship()
    staff: Mapped[StaffMember | None] = relationship()
    messages: Mapped[list[Message]] = relationship(
        back_populates="thread", order_by="Message.id", cascade="all, delete-orphan"
    )


class Message(Base):
    """One message in a thread, by a guardian or a staff member."""

    __tablename__ = "messages"
    __table_args__ = (
        CheckConstraint("author_kind IN ('guardian', 'staff')", name="known_author"),
        Index("ix_messages_thread", "thread_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    author_kind: Mapped[str] = mapped_column(String(10))
    guardian_id: Mapped[int | None] = mapped_column(ForeignKey("guardians.id", ondelete="SET NULL"))
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    body: Mapped[str] = mapped_column(Text)

    thread: Mapped[Thread] = relationship(back_populates="messages")
    guardian: Mapped[Guardian | None] = relationship()
    staff: Mapped[StaffMember | None] = relationship()


class ThreadRead(Base):
    """How far one reader (a guardian or a staff member) has read a thread: the unread count
    is the other side's messages after `last_read_message_id`."""

    __tablename__ = "thread_reads"
    __table_args__ = (
        CheckConstraint("(guardian_id IS NULL) <> (staff_id IS NULL)", name="one_reader"),
        UniqueConstraint("thread_id", "guardian_id"),
        UniqueConstraint("thread_id", "staff_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    guardian_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), index=True
    )
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True
    )
    last_read_message_id: Mapped[int] = mapped_column(default=0)
    read_at: Mapped[datetime] = mapped_column(default=utcnow)


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
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("families.id", ondelete="CASCADE"), index=True
    )
    guardian_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), index=True
    )
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]  # when it was fanned out
    last_error: Mapped[str | None] = mapped_column(Text)
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
