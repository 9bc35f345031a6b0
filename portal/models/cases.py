"""Cases and their progress: case types with ordered stages, stage history, clocks and events."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, Localized, Timestamped, utcnow
from portal.models.people import Child, Department, StaffMember

DEADLINE_KINDS = ("legal", "target")
EVENT_KINDS = ("stage", "decision", "meeting", "document", "note")
VISIBILITIES = ("family", "internal")
COMPLAINT_BODIES = ("ankestyrelsen", "klagenaevnet")


class CaseType(Localized, Base):
    __tablename__ = "case_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    # Joint types (day treatment) are run by both departments together.
    joint: Mapped[bool] = mapped_column(default=False)
    name_da: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    name_ar: Mapped[str | None] = mapped_column(String(200))

    department: Mapped[Department] = relationship()
    stage_types: Mapped[list[StageType]] = relationship(
        back_populates="case_type", order_by="StageType.position"
    )


class StageType(Localized, Base):
    __tablename__ = "stage_types"
    __table_args__ = (
        UniqueConstraint("case_type_id", "position"),
        UniqueConstraint("case_type_id", "code"),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint("norm_days IS NULL OR norm_days > 0", name="norm_positive"),
        CheckConstraint("norm_months IS NULL OR norm_months > 0", name="norm_months_positive"),
        CheckConstraint("norm_days IS NULL OR norm_months IS NULL", name="one_norm_unit"),
        # "IS NOT NULL" too: `NULL IN (...)` is NULL, and a CHECK that comes out NULL passes.
        CheckConstraint(
            "(norm_days IS NULL AND norm_months IS NULL AND deadline_kind IS NULL)"
            " OR ((norm_days IS NOT NULL OR norm_months IS NOT NULL)"
            " AND deadline_kind IS NOT NULL AND deadline_kind IN ('legal', 'target'))",
            name="deadline_kind_with_norm",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_type_id: Mapped[int] = mapped_column(ForeignKey("case_types.id", ondelete="CASCADE"))
    position: Mapped[int]
    code: Mapped[str] = mapped_column(String(60))
    name_da: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    name_ar: Mapped[str | None] = mapped_column(String(200))
    citizen_text_da: Mapped[str] = mapped_column(Text)
    citizen_text_en: Mapped[str | None] = mapped_column(Text)
    citizen_text_ar: Mapped[str | None] = mapped_column(Text)
    # The norm is either days or calendar months: the law counts "4 months", not 120 days.
    norm_days: Mapped[int | None]
    norm_months: Mapped[int | None]
    # "legal": a deadline in law; "target": the municipality's own service target.
    deadline_kind: Mapped[str | None] = mapped_column(String(10))
    legal_basis: Mapped[str | None] = mapped_column(String(200))
    final: Mapped[bool] = mapped_column(default=False)

    case_type: Mapped[CaseType] = relationship(back_populates="stage_types")

    @property
    def has_norm(self) -> bool:
        return self.norm_days is not None or self.norm_months is not None


class Case(Timestamped, Base):
    """One matter in one department (or, for joint types, run by both)."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("department_id", "external_id"),
        CheckConstraint(
            "partner_department_id IS NULL OR partner_department_id <> department_id",
            name="partner_differs",
        ),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="closed_after_opened"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(100))
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    partner_department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    case_type_id: Mapped[int] = mapped_column(ForeignKey("case_types.id"))
    holder_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), index=True
    )
    holder_team: Mapped[str | None] = mapped_column(String(200))
    opened_on: Mapped[date]
    closed_on: Mapped[date | None]

    child: Mapped[Child] = relationship()
    department: Mapped[Department] = relationship(foreign_keys=[department_id])
    partner_department: Mapped[Department | None] = relationship(
        foreign_keys=[partner_department_id]
    )
    case_type: Mapped[CaseType] = relationship()
    holder: Mapped[StaffMember | None] = relationship()
    stages: Mapped[list[Stage]] = relationship(
        back_populates="case", order_by="(Stage.started_on, Stage.id)"
    )
    events: Mapped[list[CaseEvent]] = relationship(
        back_populates="case", order_by="CaseEvent.occurred_at.desc()"
    )


class Stage(Base):
    """A step in a case's history: which stage type, from when to when, and who held it."""

    __tablename__ = "stages"
    __table_args__ = (
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ended_after_started"),
        # At most one open stage per case.
        Index(
            "uq_stages_open_per_case",
            "case_id",
            unique=True,
            sqlite_where=text("ended_on IS NULL"),
            postgresql_where=text("ended_on IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    stage_type_id: Mapped[int] = mapped_column(ForeignKey("stage_types.id"))
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    holder_staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="SET NULL"), index=True
    )
    holder_team: Mapped[str | None] = mapped_column(String(200))
    holder_department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))

    case: Mapped[Case] = relationship(back_populates="stages")
    stage_type: Mapped[StageType] = relationship()
    holder: Mapped[StaffMember | None] = relationship()
    holder_department: Mapped[Department] = relationship()
    clock_adjustments: Mapped[list[ClockAdjustment]] = relationship(
        back_populates="stage", order_by="ClockAdjustment.starts_on"
    )


class ClockAdjustment(Localized, Base):
    """A pause of a stage's clock or an extension of its deadline, with a plain-words reason."""

    __tablename__ = "clock_adjustments"
    __table_args__ = (
        CheckConstraint("kind IN ('pause', 'extension')", name="known_kind"),
        CheckConstraint(
            "(kind = 'extension' AND extra_days > 0 AND ends_on IS NULL)"
            " OR (kind = 'pause' AND extra_days IS NULL)",
            name="shape_per_kind",
        ),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_starts"),
        UniqueConstraint("stage_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id", ondelete="CASCADE"), index=True)
    # The case system's own id, so it can end a pause it started.
    external_id: Mapped[str | None] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(10))
    starts_on: Mapped[date]
    ends_on: Mapped[date | None]
    extra_days: Mapped[int | None]
    reason_da: Mapped[str] = mapped_column(Text)
    reason_en: Mapped[str | None] = mapped_column(Text)
    reason_ar: Mapped[str | None] = mapped_column(Text)

    stage: Mapped[Stage] = relationship(back_populates="clock_adjustments")


class CaseEvent(Localized, Base):
    """A line in a case's timeline. Internal events are for staff only, never shown to families."""

    __tablename__ = "case_events"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('stage', 'decision', 'meeting', 'document', 'note')", name="known_kind"
        ),
        CheckConstraint("visibility IN ('family', 'internal')", name="known_visibility"),
        CheckConstraint(
            "complaint_to IS NULL OR (kind = 'decision'"
            " AND complaint_to IN ('ankestyrelsen', 'klagenaevnet'))",
            name="complaint_only_for_decisions",
        ),
        UniqueConstraint("case_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(100))
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))
    visibility: Mapped[str] = mapped_column(String(10))
    summary_da: Mapped[str] = mapped_column(Text)
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_ar: Mapped[str | None] = mapped_column(Text)
    # For decisions: where a complaint goes (Ankestyrelsen, or Klagenævnet for Specialundervisning).
    complaint_to: Mapped[str | None] = mapped_column(String(20))

    case: Mapped[Case] = relationship(back_populates="events")
