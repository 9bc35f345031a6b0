"""Updates: short plain-language messages from staff to a family, optionally about one child.
Posting one tells the guardians who may see it (`FamilyAccess.sees_update`) that there is news
from their contact person — never what it says."""

from __future__ import annotations

from datetime import datetime

from portal.models import Child, Family, StaffMember, Update
from portal.models.base import utcnow
from portal.records.errors import Forbidden, invalid
from portal.records.unit import UPDATE_POSTED, UnitOfWork


def post_update(
    unit: UnitOfWork,
    family: Family,
    *,
    author: StaffMember,
    body: str,
    child: Child | None = None,
    posted_at: datetime | None = None,
) -> Update:
    """Post an update to a family, in the author's name (a staff member posts in their own)."""
    if unit.actor.kind == "staff" and unit.actor.actor_id != author.id:
        raise Forbidden("staff post updates in their own name")
    unit.own(author)
    if child is not None and child.family is not family:
        raise invalid("child", "not a child of this family")
    update = Update(
        family=family, author=author, child=child, body=body, posted_at=posted_at or utcnow()
    )
    unit.session.add(update)
    unit.wrote(family, "update", update, f"{unit.door}: update")
    unit.notify(UPDATE_POSTED, family, update=update)
    return update
