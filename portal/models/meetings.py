"""Coordination meetings, who takes part, and the times a contact person offers for booking."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, Timestamped
from portal.models.cases import Case
from portal.models.people import Department, Family, Guardian, StaffMember

MEETING_KINDS = ("tvaerfagligt", "netvaerk", "opfoelgning", "samtale")
MEETING_STATUSES = ("planned", "held", "cancelled")


class Meeting(Timestamped, Base):
    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('tvaerfagligt', 'netvaerk', 'opfoelgning', 'samtale')", name="known_kind"
        ),
        CheckConstraint("status IN ('planned', 'held', 'cancelled')", name="known_status"),
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
        UniqueConstraint("department_id", "external_id"),
        Index("ix_meetings_family_starts", "family_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(100))
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    organizer_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    location: Mapped[str | None] = mapped_column(String(300))
    video_url: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default="planned")
    agenda: Mapped[str | None] = mapped_column(Text)

    family: Mapped[Family] = relationship()
    case: Mapped[Case | None] = relationship()
    department: Mapped[Department] = relationship()
    organizer: Mapped[StaffMember | None] = relationship()
    participants: Mapped[list[Participant]] = relationship(
        back_populates="meeting", order_by="Participant.id"
    )


class Participant(Base):
    """Someone taking part in a meeting: a staff member, a guardian, or another person by name."""

    __tablename__ = "participants"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN staff_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN guardian_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN name IS NULL THEN 0 ELSE 1 END) = 1",
            name="exactly_one_who",
        ),
        UniqueConstraint("meeting_id", "staff_id"),
        UniqueConstraint("meeting_id", "guardian_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_members.id", ondelete="CASCADE"))
    guardian_id: Mapped[int | None] = mapped_column(ForeignKey("guardians.id", ondelete="CASCADE"))
    # Someone outside the portal, e.g. "Lærer, Nørrebro Park Skole".
    name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
    staff: Mapped[StaffMember | None] = relationship()
    guardian: Mapped[Guardian | None] = relationship()


class Slot(Base):
    """A time a contact person offers. Booking links it to one meeting; the unique key makes a
    second booking of the same slot impossible, also under concurrent requests."""

    __tablename__ = "slots"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
        UniqueConstraint("staff_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id", ondelete="CASCADE"))
    # Offered to one family, or to any family the staff member works with when empty.
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    location: Mapped[str | None] = mapped_column(String(300))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), unique=True
    )

    staff: Mapped[StaffMember] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
