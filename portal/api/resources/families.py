"""Families (shared by both departments), their contact person, and the department's staff."""

from __future__ import annotations

from sqlalchemy.orm import Session

from portal.api.endpoints import Operations
from portal.api.schemas import people as schemas
from portal.api.schemas.common import localized_or_none
from portal.models import ExternalReference, Family, StaffMember
from portal.records import Actor, UnitOfWork
from portal.records import families as records
from portal.records import staff as staff_records

operations = Operations()

FAMILIES = "Families"
STAFF = "Staff"


def family_out(session: Session, actor: Actor, external_id: str, family: Family) -> schemas.Family:
    """The family as the department itself stated it: its own name, contact person, guardians
    and children. Nothing the other department stated shows here (docs/access.md, S4)."""
    own = actor.department_id
    statement = next(s for s in family.statements if s.department_id == own)
    child_ids = records.child_refs(session, actor, [c.id for c in family.children if c.id])
    contact = statement.contact_person
    guardians = [s for g in family.guardians for s in g.statements if s.department_id == own]
    children = [(c, s) for c in family.children for s in c.statements if s.department_id == own]
    return schemas.Family(
        external_id=external_id,
        display_name=statement.display_name,
        contact_person=schemas.StaffRef(
            department=contact.department.code, staff_id=contact.external_id
        )
        if contact
        else None,
        guardians=[
            schemas.Guardian(
                name=g.name,
                access_level=g.access_level,
                email=g.email,
                phone=g.phone,
                preferred_language=g.preferred_language,
                notify_by=g.notify_by,
            )
            for g in guardians
        ],
        children=[
            schemas.Child(
                external_id=child_ids.get(c.id),
                first_name=s.first_name,
                last_name=s.last_name,
                birth_date=s.birth_date,
                school=s.school,
            )
            for c, s in children
        ],
    )


@operations.write(
    "put_family",
    "PUT",
    "/families/{family}",
    scope="families:write",
    body=schemas.FamilyIn,
    response=schemas.Family,
    tag=FAMILIES,
    summary="Create or change a family with its guardians and children",
)
def put_family(unit: UnitOfWork, body: schemas.FamilyIn, family: str):
    """Families are shared by BUF and SOF. Guardians and children are matched by person number
    (sent only in this body, never returned), so both departments' systems reach the same
    family, each under its own ids. Answers 201 when the family is new to your department."""
    data = body.model_dump(exclude_unset=True)
    data.setdefault("guardians", [])
    data.setdefault("children", [])
    row, created = records.upsert_family(unit, family, **data)
    unit.session.flush()
    return family_out(unit.session, unit.actor, family, row), created


@operations.write(
    "put_contact_person",
    "PUT",
    "/families/{family}/contact-person",
    scope="families:write",
    body=schemas.ContactPersonIn,
    response=schemas.Family,
    tag=FAMILIES,
    summary="Set the family's one contact person",
    creates=False,
)
def put_contact_person(unit: UnitOfWork, body: schemas.ContactPersonIn, family: str):
    """The contact person may work in either department; null removes the contact person."""
    contact = body.contact_person.model_dump() if body.contact_person else None
    row, _ = records.set_contact_person(unit, family, contact)
    return family_out(unit.session, unit.actor, family, row), False


@operations.read(
    "get_family",
    "/families/{family}",
    response=schemas.Family,
    tag=FAMILIES,
    summary="Read a family back",
)
def get_family(session: Session, actor: Actor, family: str):
    """Only families your department has sent (under your id) can be read, and only what your
    department stated. The read is written to the family's audit log."""
    ref = records.get_family(session, actor, family)
    records.note_reads(session, actor, [ref.family_id], "api: family")
    return family_out(session, actor, ref.external_id, ref.family)


@operations.read(
    "list_families",
    "/families",
    response=schemas.Family,
    tag=FAMILIES,
    paginated=True,
    summary="List the families your department has sent",
)
def list_families(session: Session, actor: Actor, after, limit):
    """In the order they were first sent. Each family listed is written to its audit log."""
    found = records.list_families(session, actor, after, limit)
    refs: list[ExternalReference] = found.rows
    records.note_reads(session, actor, [r.family_id for r in refs], "api: family list")
    return [family_out(session, actor, r.external_id, r.family) for r in refs], found.next_after


def staff_out(staff: StaffMember) -> schemas.Staff:
    return schemas.Staff(
        department=staff.department.code,
        external_id=staff.external_id,
        name=staff.name,
        team=staff.team,
        title=staff.title,
        phone=staff.phone,
        email=staff.email,
        languages=staff.language_codes,
        role=staff.role,
        active=staff.active,
        reachable=localized_or_none(staff, "reachable"),
    )


@operations.write(
    "put_staff",
    "PUT",
    "/departments/{department}/staff/{staff}",
    scope="staff:write",
    body=schemas.StaffIn,
    response=schemas.Staff,
    tag=STAFF,
    summary="Create or change a staff member of your department",
)
def put_staff(unit: UnitOfWork, body: schemas.StaffIn, department: str, staff: str):
    """Staff are referred to by these ids as case and stage holders, organisers, participants
    and contact persons. Fields left out keep their value."""
    row, created = staff_records.upsert_staff(
        unit, department, staff, **body.model_dump(exclude_unset=True)
    )
    unit.session.flush()
    return staff_out(row), created


@operations.read(
    "get_staff",
    "/departments/{department}/staff/{staff}",
    response=schemas.Staff,
    tag=STAFF,
    summary="Read a staff member back",
)
def get_staff(session: Session, actor: Actor, department: str, staff: str):
    """Only your own department's staff."""
    return staff_out(staff_records.get_staff(session, actor, department, staff))


@operations.read(
    "list_staff",
    "/departments/{department}/staff",
    response=schemas.Staff,
    tag=STAFF,
    paginated=True,
    summary="List your department's staff members",
)
def list_staff(session: Session, actor: Actor, after, limit, department: str):
    """Staff members that have an external id, in the order they were created."""
    found = staff_records.list_staff(session, actor, department, after, limit)
    return [staff_out(s) for s in found.rows], found.next_after
