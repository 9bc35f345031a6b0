"""Server-side login sessions: the cookie carries only a random token, so logout and timeouts
end a session for good. The ID token is not kept (it carries the person number); RP-initiated
logout needs only the provider's subject, and that only while the session is open."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.models.base import Base, utcnow
from portal.models.people import StaffMember

END_REASONS = ("logout", "idle", "expired", "replaced")


class LoginSession(Base):
    __tablename__ = "login_sessions"
    __table_args__ = (
        CheckConstraint("kind IN ('guardian', 'staff')", name="known_kind"),
        CheckConstraint(
            "(kind = 'guardian' AND person_number_hash IS NOT NULL AND staff_id IS NULL)"
            " OR (kind = 'staff' AND staff_id IS NOT NULL AND person_number_hash IS NULL)",
            name="who_per_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the cookie's token: a leaked database does not yield usable cookies.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    provider: Mapped[str] = mapped_column(String(20))
    # Guardians are matched by person number hash: one person may be a guardian in two families.
    person_number_hash: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_members.id", ondelete="CASCADE"), index=True
    )
    display_name: Mapped[str] = mapped_column(String(200))
    assurance_level: Mapped[str | None] = mapped_column(String(40))
    # The provider's `sub`, sent as `logout_hint`; emptied when the session ends.
    logout_hint: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    end_reason: Mapped[str | None] = mapped_column(String(20))

    staff: Mapped[StaffMember | None] = relationship()
