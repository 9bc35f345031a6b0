"""Staff members of a department, as its case system (or the demo data) knows them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import Department, StaffMember
from portal.records.fields import set_texts
from portal.records.pages import Page, page
from portal.records.unit import Actor, UnitOfWork, require_own


def staff_actor(staff: StaffMember) -> Actor:
    """A staff member as the actor of a change at the staff door: for their own department."""
    return Actor(
        kind="staff",
        name=staff.name,
        department_id=staff.department_id,
        department_code=staff.department.code,
        actor_id=staff.id,
    )


STAFF_FIELDS = ("name", "team", "title", "phone", "email", "role", "active", "subject")


def add_staff(
    unit: UnitOfWork, department: Department, *, external_id: str | None = None, **fields
) -> StaffMember:
    """A staff member of the department, under its own id. `fields` as for `change_staff`;
    `active` unless told otherwise."""
    unit.own(department)
    staff = StaffMember(department_id=department.id, external_id=external_id)
    unit.session.add(staff)
    return _set_staff(staff, {"active": True, **fields})


def change_staff(unit: UnitOfWork, staff: StaffMember, **fields) -> StaffMember:
    """Change a staff member of the actor's own department; fields left out keep their value.
    `languages` is a list of codes, `reachable` a text per language, and `subject` the staff
    identity provider's stable subject (known before the first login only to the demo data)."""
    unit.own(staff)
    return _set_staff(staff, fields)


def _set_staff(staff: StaffMember, fields: dict) -> StaffMember:
    unknown = set(fields) - {*STAFF_FIELDS, "languages", "reachable"}
    if unknown:
        raise TypeError(f"not a field of a staff member: {sorted(unknown)}")
    for name in STAFF_FIELDS:
        if name in fields:
            setattr(staff, name, fields[name])
    if "languages" in fields:
        staff.languages = " ".join(fields["languages"])
    if "reachable" in fields:
        set_texts(staff, "reachable", fields["reachable"])
    return staff


# Reading back (the API finds a staff member by its external id: portal/api/rows.py).


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
