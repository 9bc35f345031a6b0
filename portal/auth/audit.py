"""Audit entries for login attempts that did not end in a session: who (as far as the identity
provider's checked answer tells), which door, why. Never the person number: citizens appear by
name only, and a refused token's claims are not trusted enough to name anyone."""

from __future__ import annotations

from portal.extensions import db
from portal.models import AuditEntry, StaffMember

REFUSED = "login_refused"
UNKNOWN = "unknown"


def record_refused_login(
    door: str,
    reason: str,
    *,
    name: str | None = None,
    staff: StaffMember | None = None,
    staff_subject: str | None = None,
) -> None:
    """Add a `login_refused` entry to the current transaction; the caller commits."""
    citizen = door != "staff"
    detail = f"{door}: {reason}"
    if staff_subject:
        detail += f" (subject {staff_subject})"
    db.session.add(
        AuditEntry(
            # The citizen door's actor is a would-be guardian; the log has no "citizen" kind.
            actor_kind="guardian" if citizen else "staff",
            actor_id=staff.id if staff is not None else None,
            actor_name=(staff.name if staff is not None else name) or UNKNOWN,
            actor_role=staff.role if staff is not None else ("citizen" if citizen else None),
            actor_department=staff.department.code if staff is not None else None,
            action=REFUSED,
            object_type=door,
            detail=detail[:500],
        )
    )
