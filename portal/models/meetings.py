"""Coordination meetings, who takes part, the times a contact person offers for booking, what
the family wants said before a meeting, a family's "no time fits" request, and the child's one
shared plan (the next steps agreed at meetings)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, Timestamped, utcnow
from portal.models.cases import Case
from portal.models.people import Child, Department, Family, Guardian, StaffMember

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
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    organizer_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    location: Mapped[str | None] = mapped_column(String(300))
    video_url: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20), default="planned")
    agenda: Mapped[str | None] = mapped_column(Text)
    # Raised on every move and on cancellation: calendars (iCalendar SEQUENCE) see the change.
    sequence: Mapped[int] = mapped_column(default=0, server_default="0")
    # Why it was moved or cancelled, in plain words for the family (the latest change).
    change_reason: Mapped[str | None] = mapped_column(Text)
    # Booked by a guardian: who, and the note they added.
    booked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardians.id", ondelete="SET NULL")
    )
    booking_note: Mapped[str | None] = mapped_column(Text)

    family: Mapped[Family] = relationship()
    case: Mapped[Case | None] = relationship()
    department: Mapped[Department] = relationship()
    organizer: Mapped[StaffMember | None] = relationship()
    participants: Mapped[list[Participant]] = relationship(
        back_populates="meeting", order_by="Participant.id"
    )
    booked_by: Mapped[Guardian | None] = relationship()
    preparations: Mapped[list[Preparation]] = relationship(
        back_populates="meeting", order_by="Preparation.id"
    )
    plan_steps: Mapped[list[PlanStep]] = relationship(
        back_populates="meeting", order_by="PlanStep.id"
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
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True
    )
    guardian_id: Mapped[int | None] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), index=True
    )
    # Someone outside the portal, e.g. "Lærer, Nørrebro Park Skole".
    name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    # Added in the portal (a booking, an invitation by staff), not sent by the case system: a
    # case system that sends the meeting's participants again replaces only its own.
    added_in_portal: Mapped[bool] = mapped_column(default=False, server_default=false())

    meeting: Mapped[Meeting] = relationship(back_populates="participants")
    staff: Mapped[StaffMember | None] = relationship()
    guardian: Mapped[Guardian | None] = relationship()


class Slot(Base):
    """A time a contact person offers. Booking links it to one meeting; the unique key makes a
    second booking of the same slot impossible, also under concurrent requests."""

    __tablename__ = "slots"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_starts"),
        CheckConstraint(
            "kind IN ('tvaerfagligt', 'netvaerk', 'opfoelgning', 'samtale')", name="known_kind"
        ),
        UniqueConstraint("staff_id", "starts_at"),
        Index("ix_slots_staff_starts", "staff_id", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id", ondelete="CASCADE"))
    # Offered to one family, or to any family the staff member works with when empty.
    family_id: Mapped[int | None] = mapped_column(
        ForeignKey("families.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(20), default="samtale", server_default="samtale")
    location: Mapped[str | None] = mapped_column(String(300))
    video_url: Mapped[str | None] = mapped_column(String(500))
    # Times published together ("weekly for 6 weeks") share a series, to be withdrawn together.
    series: Mapped[str | None] = mapped_column(String(36), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=func.now())

    staff: Mapped[StaffMember] = relationship()
    family: Mapped[Family | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    colleagues: Mapped[list[SlotColleague]] = relationship(
        back_populates="slot", order_by="SlotColleague.id", cascade="all, delete-orphan"
    )


class SlotColleague(Base):
    """A colleague who takes part in the meeting booked at a slot."""

    __tablename__ = "slot_colleagues"
    __table_args__ = (UniqueConstraint("slot_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("slots.id", ondelete="CASCADE"))
    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True
    )

    slot: Mapped[Slot] = relationship(back_populates="colleagues")
    staff: Mapped[StaffMember] = relationship()


class TimeRequest(Base):
    """A family's "no time fits": the days and times of day that suit them, for their contact
    person (who marks it handled)."""

    __tablename__ = "time_requests"
    __table_args__ = (Index("ix_time_requests_staff_open", "staff_id", "handled_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(
        ForeignKey("families.id", ondelete="CASCADE"), index=True
    )
    guardian_id: Mapped[int | None] = mapped_column(ForeignKey("guardians.id", ondelete="SET NULL"))
    # The contact person it reaches (moves with the family on hand-over).
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    weekdays: Mapped[list] = mapped_column(JSON, default=list)  # "mon".."fri"
    times_of_day: Mapped[list] = mapped_column(JSON, default=list)  # "morning", "midday", ...
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_at: Mapped[datetime | None]

    family: Mapped[Family] = relationship()
    guardian: Mapped[Guardian | None] = relationship()
    staff: Mapped[StaffMember | None] = relationship()


class Preparation(Base):
    """ "Det er vigtigt for os": what a guardian wants said before a meeting. Editable until the
    meeting starts; every participant reads it in the staff pages."""

    __tablename__ = "preparations"
    __table_args__ = (UniqueConstraint("meeting_id", "guardian_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    guardian_id: Mapped[int] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), index=True
    )
    what_matters: Mapped[str | None] = mapped_column(Text)
    questions: Mapped[str | None] = mapped_column(Text)
    interpreter_language: Mapped[str | None] = mapped_column(String(60))  # None: no interpreter
    child_attends: Mapped[bool | None]  # asked when the child is 10 or older
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="preparations")
    guardian: Mapped[Guardian] = relationship()


class PlanStep(Base):
    """One agreed next step of the child's shared plan: what, who (a staff member of either
    department, or the family), by when; done once ticked."""

    __tablename__ = "plan_steps"
    __table_args__ = (
        CheckConstraint("owner IN ('staff', 'family', 'other')", name="known_owner"),
        Index("ix_plan_steps_child", "child_id", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    what: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(10))
    owner_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    owner_name: Mapped[str | None] = mapped_column(String(200))  # "other": e.g. the school
    due_on: Mapped[date | None]
    done_on: Mapped[date | None]
    written_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    child: Mapped[Child] = relationship()
    meeting: Mapped[Meeting | None] = relationship(back_populates="plan_steps")
    owner_staff: Mapped[StaffMember | None] = relationship(foreign_keys=[owner_staff_id])
    written_by: Mapped[StaffMember | None] = relationship(foreign_keys=[written_by_id])


class CalendarFeed(Base):
    """A guardian's private calendar subscription. The secret is in the address; only its hash
    is kept. Revoking it (or making a new one) stops the old address at once."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    guardian_id: Mapped[int] = mapped_column(
        ForeignKey("guardians.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]

    guardian: Mapped[Guardian] = relationship()
