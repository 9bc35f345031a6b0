"""Families (shared by both departments), their contact person, and the department's staff."""

from __future__ import annotations

from sqlalchemy.orm import Session

from portal.api.endpoints import Operations
from portal.api.rows import Rows
from portal.api.schemas import people as schemas
from portal.api.schemas.common import localized_or_none
from portal.models import ExternalReference, Family, StaffMember
from portal.reads.family import stated_families
from portal.records import Actor, UnitOfWork, invalid
from portal.records import families as records
from portal.records import staff as staff_records

operations = Operations()

FAMILIES = "Families"
STAFF = "Staff"


def family_out(
    rows: Rows, external_id: str, family: Family, child_ids: dict[int, str] | None = None
) -> schemas.Family:
    """The family as the department itself stated it: its own name, contact person, guardians
    and children. Nothing the other department stated shows here (docs/access.md, S4).
    `child_ids`: the department's ids of the children, when already loaded for a whole page."""
    own = rows.own
    statement = next(s for s in family.statements if s.department_id == own)
    if child_ids is None:
        child_ids = rows.child_ids([c.id for c in family.children if c.id])
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
def put_family(unit: UnitOfWork, rows: Rows, body: schemas.FamilyIn, family: str):
    """Families are shared by BUF and SOF. Guardians and children are matched by person number
    (sent only in this body, never returned), so both departments' systems reach the same
    family, each under its own ids. Answers 201 when the family is new to your department."""
    row, created = _state_family(unit, rows, family, body.model_dump(exclude_unset=True))
    unit.session.flush()
    return family_out(rows, family, row), created


def _state_family(unit: UnitOfWork, rows: Rows, external_id: str, data: dict):
    """The department's statement about the family under its own id, and about each listed
    guardian and child; what the other department stated is never touched (docs/access.md,
    S1). Fields left out keep the department's earlier value. A family new to the department
    joins the portal's family of one of its listed children if the department has no id for
    that family yet (S2); nothing in the answer depends on what the other department sent (S4).
    Returns the family and whether it is new to the department."""
    department = rows.own_department()
    guardians, children = data.get("guardians", []), data.get("children", [])
    child_hashes = rows.person_hashes(children, "children")
    guardian_hashes = rows.person_hashes(guardians, "guardians")
    ref = rows.family_ref(external_id)
    created = ref is None
    if created:
        family = rows.family_to_join(child_hashes)
        if family is None:
            family = records.add_family(unit, department, display_name=data["display_name"])
        else:
            records.state_family(unit, family, department, display_name=data["display_name"])
        rows.remember(records.refer_to_family(unit, family, department, external_id))
    else:
        family = ref.family
        records.state_family(unit, family, department, display_name=data["display_name"])

    by_hash = {g.person_number_hash: g for g in family.guardians}
    for fields, hashed in zip(guardians, guardian_hashes, strict=True):
        guardian = by_hash.get(hashed)
        if guardian is None:
            records.add_guardian(unit, family, department, **fields)
        else:
            records.state_guardian(unit, guardian, department, **_without(fields, "person_number"))

    by_hash = {c.person_number_hash: c for c in family.children}
    for index, (fields, hashed) in enumerate(zip(children, child_hashes, strict=True)):
        _state_child(unit, rows, department, family, index, fields, by_hash.get(hashed))
    return family, created


def _state_child(unit, rows: Rows, department, family, index: int, fields: dict, child) -> None:
    """A listed child: matched by person number within the family, known to the department
    under one id of its own."""
    external_id = fields["external_id"]
    ref = rows.child_ref(external_id)
    if ref is not None and (child is None or ref.child_id != child.id):
        raise invalid(
            ("children", index, "external_id"),
            "your department already uses this external id for another child",
        )
    values = _without(fields, "external_id", "person_number")
    if child is None:
        child = records.add_child(
            unit, family, department, person_number=fields["person_number"], **values
        )
    else:
        if ref is None:
            other = rows.ref_of("child", child.id)
            if other is not None:
                raise invalid(
                    ("children", index, "external_id"),
                    f"your department already knows this child as {other.external_id!r}",
                )
        records.state_child(unit, child, department, **values)
    if ref is None:
        rows.remember(records.refer_to_child(unit, child, department, external_id))


def _without(fields: dict, *names: str) -> dict:
    return {key: value for key, value in fields.items() if key not in names}


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
def put_contact_person(unit: UnitOfWork, rows: Rows, body: schemas.ContactPersonIn, family: str):
    """The contact person may work in either department; null removes the contact person."""
    row = rows.family(family)
    staff = None
    if body.contact_person is not None:
        department = rows.department(body.contact_person.department)
        staff = rows.staff(department.id, body.contact_person.staff_id)
        if staff is None:
            raise invalid("staff_id", "no active staff member with this external id")
    records.set_contact_person(unit, row, rows.own_department(), staff)
    return family_out(rows, family, row), False


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
    rows = Rows(session, actor)
    ref = rows.family_reference(family)
    records.note_reads(session, actor, [ref.family_id], "api: family")
    return family_out(rows, ref.external_id, stated_families([ref.family_id])[ref.family_id])


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
    rows = Rows(session, actor)
    stated = stated_families([r.family_id for r in refs])
    child_ids = rows.child_ids([c.id for f in stated.values() for c in f.children])
    families = [family_out(rows, r.external_id, stated[r.family_id], child_ids) for r in refs]
    return families, found.next_after


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
def put_staff(unit: UnitOfWork, rows: Rows, body: schemas.StaffIn, department: str, staff: str):
    """Staff are referred to by these ids as case and stage holders, organisers, participants
    and contact persons. Fields left out keep their value."""
    own = rows.own_department(department)
    row = rows.staff(own.id, staff)
    fields = body.model_dump(exclude_unset=True)
    created = row is None
    if created:
        row = staff_records.add_staff(unit, own, external_id=staff, **fields)
        rows.remember(row)
    else:
        staff_records.change_staff(unit, row, **fields)
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
    return staff_out(Rows(session, actor).staff_in(department, staff))


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
