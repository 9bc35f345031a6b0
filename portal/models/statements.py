"""What each department's system has stated about a shared family, its children and guardians.

BUF and SOF may both know a family. Each keeps its own statement (names, the guardians' access
and contact details, the contact person it assigned); one department's system never changes the
other's. The values the pages show on `Family`, `Child` and `Guardian` are settled from these
statements by `portal.records.statements`; where the departments disagree, both statements stay
and staff see the difference. Rules: docs/access.md.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, utcnow
from portal.models.people import Child, Department, Family, Guardian, StaffMember


class FamilyStatement(Base):
    """A department's name for the family and the contact person it assigned."""

    __tablename__ = "family_statements"
    __table_args__ = (UniqueConstraint("family_id", "department_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    display_name: Mapped[str] = mapped_column(String(200))
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), index=True
    )
    stated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    family: Mapped[Family] = relationship(back_populates="statements")
    department: Mapped[Department] = relationship()
    contact_person: Mapped[StaffMember | None] = relationship()


class ChildStatement(Base):
    """A department's record of a child's name, birth date and school."""

    __tablename__ = "child_statements"
    __table_args__ = (UniqueConstraint("child_id", "department_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date]
    school: Mapped[str | None] = mapped_column(String(200))
    stated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    child: Mapped[Child] = relationship(back_populates="statements")
    department: Mapped[Department] = relationship()


class GuardianStatement(Base):
    """A department vouching for a guardian: with custody (sees that department's case content)
    or for information only, with the contact details the department's system holds."""

    __tablename__ = "guardian_statements"
    __table_args__ = (
        CheckConstraint("access_level IN ('custody', 'information')", name="known_access"),
        CheckConstraint("notify_by IN ('email', 'sms', 'none')", name="known_channel"),
        CheckConstraint("preferred_language IN ('da', 'en', 'ar')", name="known_language"),
        UniqueConstraint("guardian_id", "department_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    guardian_id: Mapped[int] = mapped_column(ForeignKey("guardians.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    access_level: Mapped[str] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    preferred_language: Mapped[str] = mapped_column(String(2), default="da")
    notify_by: Mapped[str] = mapped_column(String(10), default="email")
    stated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    guardian: Mapped[Guardian] = relationship(back_populates="statements")
    department: Mapped[Department] = relationship()

    @property
    def has_custody(self) -> bool:
        return self.access_level == "custody"
