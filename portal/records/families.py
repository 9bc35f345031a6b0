"""Families, guardians and children are shared by both departments. Each department names a
family and its children by its own external ids; the rows themselves are matched by the keyed
hash of the person number, so both departments' systems arrive at the same family."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from portal.models import Child, ExternalReference, Family, Guardian
from portal.records.errors import NotFound, invalid
from portal.records.pages import Page, page
from portal.records.unit import Actor, UnitOfWork

GUARDIAN_FIELDS = ("name", "access_level", "email", "phone", "preferred_language", "notify_by")
CHILD_FIELDS = ("first_name", "last_name", "birth_date", "school")


def upsert_family(
    unit: UnitOfWork,
    external_id: str,
    *,
    display_name: str,
    guardians: list[dict] | None = None,
    children: list[dict] | None = None,
) -> tuple[Family, bool]:
    """Create or change a family under the department's own id. Listed guardians and children
    are matched by person number and created or changed; those not listed are left as they are
    (the other department may know them). Fields left out of a guardian or child keep their
    value. Returns the family and whether it is new to the department."""
    department_id = unit.actor.department_id
    ref = unit.find.family_ref(department_id, external_id)
    family = ref.family if ref else None
    child_hashes = _unique_hashes(unit, children or [], "children")
    guardian_hashes = _unique_hashes(unit, guardians or [], "guardians")

    known_children = [unit.find.child_by_hash(h) for h in child_hashes]
    for index, child in enumerate(known_children):
        if child is None:
            continue
        if family is None:
            family = child.family
        elif child.family_id != family.id:
            raise invalid(
                ("children", index, "person_number"),
                "this child belongs to another family in the portal than the one with this "
                "external id",
            )

    created = family is None
    new_to_department = ref is None
    if created:
        family = Family(display_name=display_name)
        unit.session.add(family)
    else:
        family.display_name = display_name
    if new_to_department:
        other = None if created else unit.find.ref_of(department_id, "family", family.id)
        if other is not None:
            raise invalid(
                ("children",),
                f"your department already knows this family as {other.external_id!r}",
            )
        ref = ExternalReference(
            department_id=department_id, kind="family", external_id=external_id, family=family
        )
        unit.session.add(ref)
        unit.find.remember(("ref", department_id, "family", external_id), ref)

    by_hash = {} if created else {g.person_number_hash: g for g in family.guardians}
    for fields, hashed in zip(guardians or [], guardian_hashes, strict=True):
        guardian = by_hash.get(hashed)
        if guardian is None:
            guardian = Guardian(family=family, person_number_hash=hashed)
            unit.session.add(guardian)
        _assign(guardian, fields, GUARDIAN_FIELDS)

    for index, (fields, hashed, child) in enumerate(
        zip(children or [], child_hashes, known_children, strict=True)
    ):
        _upsert_child(unit, family, index, fields, hashed, child)

    unit.wrote(family, "family", family, "api: family")
    return family, new_to_department


def _unique_hashes(unit: UnitOfWork, people: list[dict], field: str) -> list[str]:
    hashes = [unit.person_hash(person["person_number"]) for person in people]
    seen: set[str] = set()
    for index, hashed in enumerate(hashes):
        if hashed in seen:
            raise invalid((field, index, "person_number"), "this person is listed twice")
        seen.add(hashed)
    return hashes


def _upsert_child(
    unit: UnitOfWork, family: Family, index: int, fields: dict, hashed: str, child: Child | None
) -> None:
    department_id = unit.actor.department_id
    external_id = fields["external_id"]
    ref = unit.find.child_ref(department_id, external_id)
    if ref is not None and (child is None or ref.child_id != child.id):
        raise invalid(
            ("children", index, "external_id"),
            "your department already uses this external id for another child",
        )
    if child is None:
        missing = [name for name in ("first_name", "last_name", "birth_date") if name not in fields]
        if missing:
            raise invalid(
                ("children", index, missing[0]), "required for a child the portal does not know"
            )
        child = Child(family=family, person_number_hash=hashed)
        unit.session.add(child)
        unit.find.remember(("child-hash", hashed), child)
    elif ref is None:
        other = unit.find.ref_of(department_id, "child", child.id)
        if other is not None:
            raise invalid(
                ("children", index, "external_id"),
                f"your department already knows this child as {other.external_id!r}",
            )
    _assign(child, fields, CHILD_FIELDS)
    if ref is None:
        ref = ExternalReference(
            department_id=department_id, kind="child", external_id=external_id, child=child
        )
        unit.session.add(ref)
        unit.find.remember(("ref", department_id, "child", external_id), ref)


def _assign(row, fields: dict, names: tuple[str, ...]) -> None:
    for name in names:
        if name in fields:
            setattr(row, name, fields[name])


def set_contact_person(
    unit: UnitOfWork, family_external_id: str, contact: dict | None
) -> tuple[Family, bool]:
    """Give the family its one contact person (a staff member of either department), or none."""
    family = family_of(unit, family_external_id)
    staff = None
    if contact is not None:
        department = unit.find.department(contact["department"])
        staff = unit.find.staff(department.id, contact["staff_id"])
        if staff is None or not staff.active:
            raise invalid("staff_id", "no active staff member with this external id")
    family.contact_person = staff
    unit.wrote(family, "family", family, "api: contact person")
    return family, False


def family_of(unit: UnitOfWork, external_id: str) -> Family:
    """The family the department knows under this id, or NotFound."""
    ref = unit.find.family_ref(unit.actor.department_id, external_id)
    if ref is None:
        raise NotFound("no family with this external id for your department")
    return ref.family


def family_key(child: Child) -> Family | int:
    """The child's family for audit and outbox rows: its id, or the row while it is new."""
    return child.family_id if child.family_id is not None else child.family


def child_of(unit: UnitOfWork, external_id: str, field: str | tuple = "child_id") -> Child:
    """A child the department knows under this id; an unknown id is a refused field."""
    ref = unit.find.child_ref(unit.actor.department_id, external_id)
    if ref is None:
        raise invalid(field, "no child with this external id for your department")
    return ref.child


# Reading back.


def get_family(session: Session, actor: Actor, external_id: str) -> ExternalReference:
    ref = session.scalar(
        select(ExternalReference).filter_by(
            department_id=actor.department_id, kind="family", external_id=external_id
        )
    )
    if ref is None:
        raise NotFound("no family with this external id for your department")
    return ref


def list_families(session: Session, actor: Actor, after: int | None, limit: int) -> Page:
    statement = (
        select(ExternalReference)
        .filter_by(department_id=actor.department_id, kind="family")
        .options(
            selectinload(ExternalReference.family).selectinload(Family.guardians),
            selectinload(ExternalReference.family).selectinload(Family.children),
        )
    )
    return page(session, statement, ExternalReference.id, after, limit)


def child_refs(session: Session, actor: Actor, child_ids: list[int]) -> dict[int, str]:
    """The department's own ids for these children (children it never named are left out)."""
    if not child_ids:
        return {}
    rows = session.execute(
        select(ExternalReference.child_id, ExternalReference.external_id).where(
            ExternalReference.department_id == actor.department_id,
            ExternalReference.child_id.in_(child_ids),
        )
    )
    return dict(rows.all())
