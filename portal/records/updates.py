"""Updates: short plain-language messages from staff to a family, optionally about one child
and one of its cases, in Danish and, where the author wrote them, English and Arabic
(docs/access.md U1-U4). Posting one tells the guardians who may see it
(`FamilyAccess.sees_update`) that there is news from their contact person — never what it
says. A correction changes the text, keeps who read it, and tells nobody again. When a
guardian's page shows an update, the first time is noted (`UpdateRead`) for staff to see."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite

from portal.models import Case, Child, Family, Guardian, StaffMember, Update, UpdateRead
from portal.models.base import utcnow
from portal.records.errors import Forbidden, invalid
from portal.records.unit import UPDATE_POSTED, UnitOfWork

LONGEST_BODY = 2000  # characters, in each language


def _text(name: str, value: str | None, *, required: bool = False) -> str | None:
    """A body as it is kept: without surrounding spaces, None when empty (English, Arabic)."""
    value = (value or "").strip()
    if not value:
        if required:
            raise invalid(name, "must not be empty")
        return None
    if len(value) > LONGEST_BODY:
        raise invalid(name, f"at most {LONGEST_BODY} characters")
    return value


def _in_own_name(unit: UnitOfWork, staff: StaffMember) -> None:
    if unit.actor.kind == "staff" and unit.actor.actor_id != staff.id:
        raise Forbidden("staff post and correct updates in their own name")
    unit.own(staff)


def _about(
    family: Family, author: StaffMember, child: Child | None, case: Case | None
) -> Child | None:
    """The child the update is about (the case's child when only the case is given). A case
    must be the child's, in this family, and the author's department's (its own or a joint
    case with it): whoever sees the update (custody from that department, G2) sees the case."""
    # Rows are compared as objects: the demo data posts to families made in the same unit.
    if case is not None:
        if child is not None and case.child is not child:
            raise invalid("case", "not a case of this child")
        child = case.child
        if author.department not in (case.department, case.partner_department):
            raise invalid("case", "not a case of the author's department")
    if child is not None and child.family is not family:
        raise invalid("child" if case is None else "case", "not a child of this family")
    return child


def post_update(
    unit: UnitOfWork,
    family: Family,
    *,
    author: StaffMember,
    body: str,
    child: Child | None = None,
    case: Case | None = None,
    body_en: str | None = None,
    body_ar: str | None = None,
    posted_at: datetime | None = None,
) -> Update:
    """Post an update to a family, in the author's name (a staff member posts in their own)."""
    _in_own_name(unit, author)
    child = _about(family, author, child, case)
    update = Update(
        family=family,
        author=author,
        child=child,
        case=case,
        body=_text("body", body, required=True),
        body_en=_text("body_en", body_en),
        body_ar=_text("body_ar", body_ar),
        posted_at=posted_at or utcnow(),
    )
    unit.session.add(update)
    unit.wrote(family, "update", update, f"{unit.door}: update")
    unit.notify(UPDATE_POSTED, family, update=update)
    return update


def correct_update(
    unit: UnitOfWork,
    update: Update,
    *,
    by: StaffMember,
    body: str,
    body_en: str | None = None,
    body_ar: str | None = None,
    corrected_at: datetime | None = None,
) -> Update:
    """Correct an update's text (U3): the author, or a colleague of the author's department,
    in their own name. The family sees when it was corrected.

    A correction tells nobody again (no outbox message): the parents were already told there
    is news, and a second message about the same news would mostly be about a typo. Their page
    shows "Corrected on <date>" next to it, and who already read it stays noted."""
    _in_own_name(unit, by)
    if update.author is None or update.author.department_id != by.department_id:
        raise Forbidden("only staff of the author's department correct an update")
    texts = {
        "body": _text("body", body, required=True),
        "body_en": _text("body_en", body_en),
        "body_ar": _text("body_ar", body_ar),
    }
    if all(getattr(update, name) == value for name, value in texts.items()):
        raise invalid("body", "nothing changed")
    for name, value in texts.items():
        setattr(update, name, value)
    update.corrected_at = corrected_at or utcnow()
    unit.wrote(update.family_id, "update", update, f"{unit.door}: update corrected")
    return update


def _insert_ignoring_duplicates(unit: UnitOfWork):
    """An INSERT that leaves a row already there alone: two pages opened at once by the same
    guardian both note the read, and the first one wins (ON CONFLICT DO NOTHING)."""
    dialect = postgresql if unit.session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(UpdateRead).on_conflict_do_nothing(
        index_elements=["update_id", "guardian_id"]
    )


def mark_updates_read(
    unit: UnitOfWork, guardian: Guardian, updates: Iterable[Update], read_at: datetime | None = None
) -> list[Update]:
    """Note that the guardian's page showed these updates, the first time only (U4). Takes the
    updates with their `reads` loaded; returns those read for the first time now."""
    read_at = read_at or utcnow()
    new = [
        u
        for u in updates
        if u.family_id == guardian.family_id and all(r.guardian_id != guardian.id for r in u.reads)
    ]
    if not new:
        return []
    rows = [{"update_id": u.id, "guardian_id": guardian.id, "read_at": read_at} for u in new]
    unit.session.execute(_insert_ignoring_duplicates(unit), rows)
    for update in new:
        unit.wrote(update.family_id, "update_read", update, f"{unit.door}: update read")
    return new
