"""Who the family turns to: hand-overs of the contact person or a case's holder, and cover for
a contact person who is away."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, utcnow
from portal.models.cases import Case
from portal.models.people import Department, Family, StaffMember


class Handover(Base):
    """The family's contact person (for one department) or a case's holder changed hands, with
    a note for the family in plain words."""

    __tablename__ = "handovers"
    __table_args__ = (
        CheckConstraint("role IN ('contact_person', 'case_holder')", name="known_role"),
        Index("ix_handovers_family_at", "family_id", "handed_over_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    role: Mapped[str] = mapped_column(String(20))
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    from_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    to_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    by_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    note: Mapped[str | None] = mapped_column(Text)
    handed_over_at: Mapped[datetime] = mapped_column(default=utcnow)

    family: Mapped[Family] = relationship()
    department: Mapped[Department] = relationship()
    case: Mapped[Case | None] = relationship()
    from_staff: Mapped[StaffMember | None] = relationship(foreign_keys=[from_staff_id])
    to_staff: Mapped[StaffMember | None] = relationship(foreign_keys=[to_staff_id])
    by_staff: Mapped[StaffMember | None] = relationship(foreign_keys=[by_staff_id])


class Absence(Base):
    """A staff member is away from `starts_on` to `ends_on` (both included); `cover` answers
    their families meanwhile."""

    __tablename__ = "absences"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        Index("ix_absences_staff_dates", "staff_id", "starts_on", "ends_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_members.id", ondelete="CASCADE"))
    cover_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL")
    )
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    staff: Mapped[StaffMember] = relationship(foreign_keys=[staff_id])
    cover: Mapped[StaffMember | None] = relationship(foreign_keys=[cover_staff_id])
