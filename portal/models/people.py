"""Who the portal serves and who works for them: departments, families, children, staff."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, Localized, Timestamped

if TYPE_CHECKING:
    from portal.models.statements import ChildStatement, FamilyStatement, GuardianStatement

ACCESS_LEVELS = ("custody", "information")
NOTIFY_CHANNELS = ("email", "sms", "none")
STAFF_ROLES = ("staff", "manager")
DEPARTMENT_CODES = ("buf", "sof")


class Department(Localized, Base):
    __tablename__ = "departments"
    __table_args__ = (CheckConstraint("code IN ('buf', 'sof')", name="known_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name_da: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    name_ar: Mapped[str | None] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(20))


class StaffMember(Localized, Timestamped, Base):
    """A municipal employee: contact person, caseworker, PPR psychologist or manager."""

    __tablename__ = "staff_members"
    __table_args__ = (
        CheckConstraint("role IN ('staff', 'manager')", name="known_role"),
        UniqueConstraint("external_id", "department_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(100))
    # The staff identity provider's stable subject (object id + tenant); set at first login.
    subject: Mapped[str | None] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    team: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    reachable_da: Mapped[str | None] = mapped_column(Text)
    reachable_en: Mapped[str | None] = mapped_column(Text)
    reachable_ar: Mapped[str | None] = mapped_column(Text)
    # Space-separated language codes, e.g. "da en ar"; names are rendered per locale by Babel.
    languages: Mapped[str] = mapped_column(String(100), default="da")
    role: Mapped[str] = mapped_column(String(20), default="staff")
    active: Mapped[bool] = mapped_column(default=True)

    department: Mapped[Department] = relationship()

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.split()[:2]).upper()

    @property
    def language_codes(self) -> list[str]:
        return self.languages.split()


class Family(Timestamped, Base):
    __tablename__ = "families"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    # One contact person per family across both departments; a column, so "one" is enforced.
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), index=True
    )

    contact_person: Mapped[StaffMember | None] = relationship()
    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="family", order_by="Guardian.id"
    )
    children: Mapped[list[Child]] = relationship(
        back_populates="family", order_by="Child.birth_date"
    )
    # What each department's system states about the family; the first stated is shown.
    statements: Mapped[list[FamilyStatement]] = relationship(
        back_populates="family", order_by="FamilyStatement.id"
    )


class Guardian(Timestamped, Base):
    """A parent. The person number is only ever kept as a keyed hash, used to match logins.

    Name, access and contact details are settled from the departments' statements
    (`statements`): `access_level` is "custody" when any department vouches for custody, but
    case content is shown per department (`custody_department_ids`). Once the guardian has
    chosen their own contact details in the profile (`contact_chosen_at`), those win."""

    __tablename__ = "guardians"
    __table_args__ = (
        CheckConstraint("access_level IN ('custody', 'information')", name="known_access"),
        CheckConstraint("notify_by IN ('email', 'sms', 'none')", name="known_channel"),
        CheckConstraint("preferred_language IN ('da', 'en', 'ar')", name="known_language"),
        UniqueConstraint("family_id", "person_number_hash"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    person_number_hash: Mapped[str] = mapped_column(String(64), index=True)
    access_level: Mapped[str] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    preferred_language: Mapped[str] = mapped_column(String(2), default="da")
    notify_by: Mapped[str] = mapped_column(String(10), default="email")
    contact_chosen_at: Mapped[datetime | None]

    family: Mapped[Family] = relationship(back_populates="guardians")
    statements: Mapped[list[GuardianStatement]] = relationship(
        back_populates="guardian", order_by="GuardianStatement.id"
    )

    @property
    def has_custody(self) -> bool:
        return self.access_level == "custody"

    @property
    def custody_department_ids(self) -> frozenset[int]:
        """The departments that vouch for this guardian's custody: whose cases they may see."""
        return frozenset(s.department_id for s in self.statements if s.has_custody)


class Child(Timestamped, Base):
    __tablename__ = "children"
    # A child may live in two households (families); within one family a person is one child.
    __table_args__ = (UniqueConstraint("family_id", "person_number_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date]
    person_number_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # Which school or institution the child attends: what a parent without custody may know.
    school: Mapped[str | None] = mapped_column(String(200))

    family: Mapped[Family] = relationship(back_populates="children")
    statements: Mapped[list[ChildStatement]] = relationship(
        back_populates="child", order_by="ChildStatement.id"
    )

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"
