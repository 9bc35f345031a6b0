"""The offer catalogue across both departments, a child's offers, and the shared glossary."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, Localized, Timestamped
from portal.models.people import Child, Department

CHILD_OFFER_STATUSES = ("applied", "granted", "started", "ended", "declined")


class Offer(Localized, Base):
    __tablename__ = "offers"
    __table_args__ = (
        CheckConstraint(
            "age_min IS NULL OR age_max IS NULL OR age_min <= age_max", name="age_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    # Empty for offers the departments give together (e.g. day treatment with internal school).
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    name_da: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    name_ar: Mapped[str | None] = mapped_column(String(200))
    summary_da: Mapped[str] = mapped_column(Text)
    summary_en: Mapped[str | None] = mapped_column(Text)
    summary_ar: Mapped[str | None] = mapped_column(Text)
    who_decides_da: Mapped[str] = mapped_column(Text)
    who_decides_en: Mapped[str | None] = mapped_column(Text)
    who_decides_ar: Mapped[str | None] = mapped_column(Text)
    how_to_ask_da: Mapped[str] = mapped_column(Text)
    how_to_ask_en: Mapped[str | None] = mapped_column(Text)
    how_to_ask_ar: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(String(200))
    age_min: Mapped[int | None]
    age_max: Mapped[int | None]

    department: Mapped[Department | None] = relationship()


class ChildOffer(Timestamped, Base):
    __tablename__ = "child_offers"
    __table_args__ = (
        CheckConstraint(
            "status IN ('applied', 'granted', 'started', 'ended', 'declined')", name="known_status"
        ),
        CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="ends_after_starts"
        ),
        UniqueConstraint("department_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(100))
    child_id: Mapped[int] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"), index=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id"))
    # The department that decided on (and may change) this offer.
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    status: Mapped[str] = mapped_column(String(20))
    provider: Mapped[str | None] = mapped_column(String(200))
    applied_on: Mapped[date | None]
    decided_on: Mapped[date | None]
    starts_on: Mapped[date | None]
    ends_on: Mapped[date | None]

    child: Mapped[Child] = relationship()
    offer: Mapped[Offer] = relationship()
    department: Mapped[Department] = relationship()


class GlossaryTerm(Localized, Base):
    """A word both departments use, explained in plain language (the shared "ordbog")."""

    __tablename__ = "glossary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    term_da: Mapped[str] = mapped_column(String(200))
    term_en: Mapped[str | None] = mapped_column(String(200))
    term_ar: Mapped[str | None] = mapped_column(String(200))
    explanation_da: Mapped[str] = mapped_column(Text)
    explanation_en: Mapped[str | None] = mapped_column(Text)
    explanation_ar: Mapped[str | None] = mapped_column(Text)
