"""The access log: who looked at or changed a family's data. Rows are written once, never edited."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, event
from sqlalchemy.orm import Mapped, mapped_column

from portal.models.base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    __table_args__ = (
        CheckConstraint(
            "actor_kind IN ('guardian', 'staff', 'api', 'system')", name="known_actor_kind"
        ),
        Index("ix_audit_entries_family_time", "family_id", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_kind: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None]
    actor_name: Mapped[str] = mapped_column(String(200))
    actor_role: Mapped[str | None] = mapped_column(String(40))
    actor_department: Mapped[str | None] = mapped_column(String(8))
    action: Mapped[str] = mapped_column(String(40))
    # Kept as a plain reference, so the log outlives the family row it speaks of.
    family_id: Mapped[int | None] = mapped_column(index=True)
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[int | None]
    detail: Mapped[str | None] = mapped_column(String(500))


class AuditEntryImmutable(RuntimeError):
    pass


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_changes(mapper, connection, target) -> None:
    raise AuditEntryImmutable("audit entries cannot be changed or deleted")


class ApiClient(Base):
    """A department case system allowed to call the internal API. The secret is stored hashed."""

    __tablename__ = "api_clients"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    secret_hash: Mapped[str] = mapped_column(String(255))
    scopes: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]
