"""The audit log, written the same way from all three doors: every look at a family's data,
every change, every login and logout, and every login refused. Entries join the request's
transaction and are committed with it (portal/transactions.py), never on their own.

Actions: "read" and "list" (portal/access.py), "write" (portal/records, the profile), "login",
"logout" and "login_refused" (portal/auth). The family's access log
(templates/family/access_log.html) words each of them. Never a person number: citizens appear
by name only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import insert

from portal.extensions import db
from portal.models import AuditEntry, StaffMember

if TYPE_CHECKING:
    from portal.access import Viewer
    from portal.records.unit import Actor

REFUSED = "login_refused"
UNKNOWN = "unknown"


def viewer_columns(viewer: Viewer | None) -> dict:
    """Who acts, for a person at the family or staff door (None: the system itself)."""
    staff = viewer.staff if viewer else None
    return {
        "actor_kind": viewer.kind if viewer else "system",
        "actor_id": staff.id if staff else None,
        "actor_name": viewer.name if viewer else "system",
        "actor_role": viewer.role if viewer else None,
        "actor_department": staff.department.code if staff else None,
    }


def actor_columns(actor: Actor) -> dict:
    """Who acts, for a change or read in portal/records: a department's system, a staff member,
    a guardian, or the system itself (the demo and test data: no id, no department)."""
    return {
        "actor_kind": actor.kind,
        "actor_id": actor.actor_id,
        "actor_name": actor.name,
        "actor_department": actor.department_code,
    }


def record(
    viewer: Viewer | None,
    action: str,
    *,
    family_id: int | None = None,
    object_type: str | None = None,
    object_id: int | None = None,
    detail: str | None = None,
) -> None:
    """Add an audit entry to the request's transaction."""
    db.session.add(
        AuditEntry(
            **viewer_columns(viewer),
            action=action,
            family_id=family_id,
            object_type=object_type,
            object_id=object_id,
            detail=detail,
        )
    )


def record_all(session, rows: list[dict]) -> None:
    """Add many entries at once (a batch of API writes leaves thousands) to the transaction."""
    if rows:
        session.execute(insert(AuditEntry), rows)


def record_refused_login(
    door: str,
    reason: str,
    *,
    name: str | None = None,
    staff: StaffMember | None = None,
    staff_subject: str | None = None,
) -> None:
    """A login attempt that did not end in a session: who (as far as the identity provider's
    checked answer tells), which door, why. A refused token's claims name nobody."""
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
