"""Staff members of a department, as its case system knows them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import Department, StaffMember
from portal.records.errors import NotFound
from portal.records.pages import Page, page
from portal.records.unit import Actor, UnitOfWork, require_own

STAFF_FIELDS = ("name", "team", "title", "phone", "email", "role", "active")


def upsert_staff(
    unit: UnitOfWork, department: str, external_id: str, **fields
) -> tuple[StaffMember, bool]:
    """Create or change a staff member of the actor's own department. Fields left out keep
    their value; `languages` is a list of codes and `reachable` a text per language."""
    unit.own_department(department)
    department_id = unit.actor.department_id
    staff = unit.find.staff(department_id, external_id)
    created = staff is None
    if created:
        staff = StaffMember(department_id=department_id, external_id=external_id)
        unit.session.add(staff)
        unit.find.remember(("staff", department_id, external_id), staff)
    for name in STAFF_FIELDS:
        if name in fields:
            setattr(staff, name, fields[name])
    if "languages" in fields:
        staff.languages = " ".join(fields["languages"])
    if "reachable" in fields:
        set_texts(staff, "reachable", fields["reachable"])
    return staff, created


def set_texts(row, prefix: str, texts: dict | None) -> None:
    """Set a `<prefix>_da/_en/_ar` trio from {"da": ..., "en": ..., "ar": ...} (None clears)."""
    texts = texts or {}
    for code in ("da", "en", "ar"):
        setattr(row, f"{prefix}_{code}", texts.get(code))


def get_staff(session: Session, actor: Actor, department: str, external_id: str) -> StaffMember:
    require_own(actor, department)
    staff = session.scalar(
        select(StaffMember).filter_by(department_id=actor.department_id, external_id=external_id)
    )
    if staff is None:
        raise NotFound("no staff member with this external id in your department")
    return staff


def list_staff(
    session: Session, actor: Actor, department: str, after: int | None, limit: int
) -> Page:
    require_own(actor, department)
    statement = select(StaffMember).where(
        StaffMember.department_id == actor.department_id, StaffMember.external_id.is_not(None)
    )
    return page(session, statement, StaffMember.id, after, limit)


# Logging in at the staff door.


def staff_by_subject(session: Session, subject: str) -> StaffMember | None:
    """The staff member the staff identity provider's stable subject belongs to."""
    return session.scalar(select(StaffMember).where(StaffMember.subject == subject))


def staff_from_login(
    session: Session, subject: str, name: str | None, email: str | None, department_code: str
) -> StaffMember | None:
    """A staff member created at first login from the provider's claims (STAFF_AUTO_CREATE),
    when they name a known department; joins the request's transaction."""
    department = session.scalar(select(Department).filter_by(code=department_code.lower()))
    if department is None or not name:
        return None
    # Column defaults apply only at INSERT, so `active` is set here to be read at once.
    staff = StaffMember(subject=subject, name=name, email=email, department=department, active=True)
    session.add(staff)
    session.flush()  # its id goes into the login's audit entry
    return staff
