"""What the internal API keeps besides the domain: access tokens, idempotent answers, and each
department's own external ids for the shared families and children."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.audit import ApiClient
from portal.models.base import Base, utcnow
from portal.models.people import Child, Family

REFERENCE_KINDS = ("family", "child")


class ApiToken(Base):
    """A short-lived bearer token. Only its SHA-256 is stored: a leaked table yields no tokens."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    api_client_id: Mapped[int] = mapped_column(
        ForeignKey("api_clients.id", ondelete="CASCADE"), index=True
    )
    scopes: Mapped[str] = mapped_column(String(500))
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]

    api_client: Mapped[ApiClient] = relationship()


class IdempotencyRecord(Base):
    """The first answer to a write, replayed when the same Idempotency-Key comes again.
    The request is kept only as a keyed fingerprint (it may carry person numbers)."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("api_client_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    api_client_id: Mapped[int] = mapped_column(ForeignKey("api_clients.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(255))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int]
    response_body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExternalReference(Base):
    """A department's own id for a shared family or child. Both departments may know the same
    family under different ids; the rows themselves are matched by person-number hash."""

    __tablename__ = "external_references"
    __table_args__ = (
        CheckConstraint("kind IN ('family', 'child')", name="known_kind"),
        CheckConstraint(
            "(kind = 'family' AND family_id IS NOT NULL AND child_id IS NULL)"
            " OR (kind = 'child' AND child_id IS NOT NULL AND family_id IS NULL)",
            name="target_per_kind",
        ),
        UniqueConstraint("department_id", "kind", "external_id"),
        # One id per department for each family and each child.
        UniqueConstraint("department_id", "family_id"),
        UniqueConstraint("department_id", "child_id"),
        Index("ix_external_references_child", "child_id"),
        Index("ix_external_references_family", "family_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    kind: Mapped[str] = mapped_column(String(10))
    external_id: Mapped[str] = mapped_column(String(100))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id", ondelete="CASCADE"))

    family: Mapped[Family | None] = relationship()
    child: Mapped[Child | None] = relationship()
