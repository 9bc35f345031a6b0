"""Families, guardians and children are shared by both departments. What each department
knows about them is its own statement (portal/records/statements.py): these functions add the
rows and change only the acting department's statements, never the other's (docs/access.md,
S1). Which family, guardian or child a case system means by its own ids and person numbers is
found by the API (portal/api/rows.py); here everything is a row already.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.audit import actor_columns, record_all
from portal.models import (
    Child,
    Department,
    ExternalReference,
    Family,
    Guardian,
    StaffMember,
)
from portal.records import statements
from portal.records.errors import invalid
from portal.records.pages import Page, page
from portal.records.unit import Actor, UnitOfWork


def add_family(
    unit: UnitOfWork, department: Department, *, display_name: str, external_id: str | None = None
) -> Family:
    """A new family, as the department states it (under `display_name`)."""
    unit.own(department)
    family = Family(external_id=external_id)
    unit.session.add(family)
    statements.state_family(family, department.id, {"display_name": display_name})
    unit.wrote(family, "family", family, f"{unit.door}: family")
    return family


def state_family(unit: UnitOfWork, family: Family, department: Department, **fields) -> Family:
    """The department's statement about a family it knows: `display_name` (and what is left out
    keeps the department's earlier value)."""
    unit.own(department)
    statements.state_family(family, department.id, _only(fields, ("display_name",)))
    unit.wrote(family, "family", family, f"{unit.door}: family")
    return family


def set_contact_person(
    unit: UnitOfWork, family: Family, department: Department, staff: StaffMember | None
) -> Family:
    """The department's choice of the family's one contact person (an active staff member of
    either department), or none. The choice gives that person the department's case content;
    the family sees the contact person the first department chose (docs/access.md, S1, T2)."""
    unit.own(department)
    if staff is not None and staff.active is False:  # (None: new, active once stored)
        raise invalid("staff_id", "no active staff member with this external id")
    statements.state_family(family, department.id, {"contact_person": staff})
    unit.wrote(family, "family", family, f"{unit.door}: contact person")
    return family


def add_guardian(
    unit: UnitOfWork, family: Family, department: Department, *, person_number: str, **fields
) -> Guardian:
    """A guardian new to the family, as the department states them (name, access level and
    contact details). The person number is kept only as its keyed hash."""
    unit.own(department)
    guardian = Guardian(family=family, person_number_hash=unit.person_hash(person_number))
    unit.session.add(guardian)
    statements.state_guardian(guardian, department.id, _only(fields, GUARDIAN_FIELDS))
    unit.wrote(family, "guardian", guardian, f"{unit.door}: guardian")
    return guardian


def state_guardian(
    unit: UnitOfWork, guardian: Guardian, department: Department, **fields
) -> Guardian:
    """The department's statement about a guardian of the family (it vouches for them)."""
    unit.own(department)
    statements.state_guardian(guardian, department.id, _only(fields, GUARDIAN_FIELDS))
    unit.wrote(family_key(guardian), "guardian", guardian, f"{unit.door}: guardian")
    return guardian


def add_child(
    unit: UnitOfWork,
    family: Family,
    department: Department,
    *,
    person_number: str | None = None,
    external_id: str | None = None,
    **fields,
) -> Child:
    """A child new to the family, as the department states it (name, birth date, school)."""
    unit.own(department)
    hashed = unit.person_hash(person_number) if person_number is not None else None
    child = Child(family=family, person_number_hash=hashed, external_id=external_id)
    unit.session.add(child)
    statements.state_child(child, department.id, _only(fields, statements.CHILD_FIELDS))
    unit.wrote(family, "child", child, f"{unit.door}: child")
    return child


def state_child(unit: UnitOfWork, child: Child, department: Department, **fields) -> Child:
    """The department's statement about a child of the family."""
    unit.own(department)
    statements.state_child(child, department.id, _only(fields, statements.CHILD_FIELDS))
    unit.wrote(family_key(child), "child", child, f"{unit.door}: child")
    return child


def refer_to_family(
    unit: UnitOfWork, family: Family, department: Department, external_id: str
) -> ExternalReference:
    """Keep the department's own id for the family (one per department and family)."""
    unit.own(department)
    ref = ExternalReference(
        department_id=department.id, kind="family", external_id=external_id, family=family
    )
    unit.session.add(ref)
    return ref


def refer_to_child(
    unit: UnitOfWork, child: Child, department: Department, external_id: str
) -> ExternalReference:
    """Keep the department's own id for the child (one per department and child)."""
    unit.own(department)
    ref = ExternalReference(
        department_id=department.id, kind="child", external_id=external_id, child=child
    )
    unit.session.add(ref)
    return ref


GUARDIAN_FIELDS = (
    "access_level",
    *statements.GUARDIAN_NAME_FIELDS,
    *statements.GUARDIAN_CONTACT_FIELDS,
)


def _only(fields: dict, names: tuple[str, ...]) -> dict:
    unknown = set(fields) - set(names)
    if unknown:
        raise TypeError(f"not a field a department states here: {sorted(unknown)}")
    return fields


def family_key(row: Child | Guardian) -> Family | int:
    """The family of a child or guardian for audit and outbox rows: its id, or the row while
    it is new."""
    return row.family_id if row.family_id is not None else row.family


# Reading back.


def guardians_of_person(session: Session, person_number_hash: str) -> list[Guardian]:
    """Every family a person is a guardian in (logging in at the family door)."""
    return session.scalars(
        select(Guardian).where(Guardian.person_number_hash == person_number_hash)
    ).all()


def list_families(session: Session, actor: Actor, after: int | None, limit: int) -> Page:
    """A page of the department's references to families; the families themselves load
    through `portal.reads.family.stated_families`, as the staff pages do."""
    statement = select(ExternalReference).filter_by(
        department_id=actor.department_id, kind="family"
    )
    return page(session, statement, ExternalReference.id, after, limit)


def note_reads(session: Session, actor: Actor, family_ids: list[int], detail: str) -> None:
    """Audit a department system's read of families (their guardians' contact details are
    personal data); committed with the request."""
    who = actor_columns(actor)
    record_all(
        session,
        [
            {
                **who,
                "action": "read",
                "family_id": family_id,
                "object_type": "family",
                "object_id": family_id,
                "detail": detail,
            }
            for family_id in family_ids
        ],
    )
