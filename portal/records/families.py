"""Families, guardians and children are shared by both departments. Each department names a
family and its children by its own external ids; the rows themselves are matched by the keyed
hash of the person number, so both departments' systems arrive at the same family."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from portal.audit import actor_columns, record_all
from portal.models import Child, ExternalReference, Family, FamilyStatement, Guardian
from portal.records.errors import NotFound, invalid
from portal.records.pages import Page, page
from portal.records.statements import state_child, state_family, state_guardian
from portal.records.unit import Actor, UnitOfWork


def upsert_family(
    unit: UnitOfWork,
    external_id: str,
    *,
    display_name: str,
    guardians: list[dict] | None = None,
    children: list[dict] | None = None,
) -> tuple[Family, bool]:
    """Create or change the department's statement about a family under its own id. Listed
    guardians and children are matched by person number within the family and the department's
    own statement about each is created or changed; what the other department stated is never
    touched (docs/access.md, S1). Fields left out keep the department's earlier value.

    A family new to the department joins the family of one of its listed children if the
    portal already has it and the department has no id for that family yet; otherwise it
    becomes a new family. Nothing in the answer depends on what the other department sent
    (S4), so the same request gets the same answer whether or not the other department knows
    these people. Returns the family and whether it is new to the department."""
    department_id = unit.actor.department_id
    child_hashes = _unique_hashes(unit, children or [], "children")
    guardian_hashes = _unique_hashes(unit, guardians or [], "guardians")
    ref = unit.find.family_ref(department_id, external_id)
    new_to_department = ref is None
    if ref is None:
        family = _family_to_join(unit, department_id, child_hashes) or Family()
        if family.id is None:
            unit.session.add(family)
        ref = ExternalReference(
            department_id=department_id, kind="family", external_id=external_id, family=family
        )
        unit.session.add(ref)
        unit.find.remember(("ref", department_id, "family", external_id), ref)
    family = ref.family
    state_family(family, department_id, {"display_name": display_name})

    by_hash = {g.person_number_hash: g for g in family.guardians}
    for fields, hashed in zip(guardians or [], guardian_hashes, strict=True):
        guardian = by_hash.get(hashed)
        if guardian is None:
            guardian = Guardian(family=family, person_number_hash=hashed)
            unit.session.add(guardian)
        state_guardian(guardian, department_id, _without(fields, "person_number"))
        unit.wrote(family, "guardian", guardian, f"{unit.door}: guardian")

    children_by_hash = {c.person_number_hash: c for c in family.children}
    for index, (fields, hashed) in enumerate(zip(children or [], child_hashes, strict=True)):
        _upsert_child(unit, family, index, fields, hashed, children_by_hash.get(hashed))

    unit.wrote(family, "family", family, f"{unit.door}: family")
    return family, new_to_department


def _family_to_join(unit: UnitOfWork, department_id: int, child_hashes: list[str]):
    """The portal's family of the first listed child that is already known, unless the
    department already has its own id for that family (then it is a family of its own)."""
    for child in unit.find.children_by_hashes(child_hashes):
        if unit.find.ref_of(department_id, "family", child.family_id) is None:
            return child.family
    return None


def _without(fields: dict, name: str) -> dict:
    return {key: value for key, value in fields.items() if key != name}


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
        child = Child(family=family, person_number_hash=hashed)
        unit.session.add(child)
    elif ref is None:
        other = unit.find.ref_of(department_id, "child", child.id)
        if other is not None:
            raise invalid(
                ("children", index, "external_id"),
                f"your department already knows this child as {other.external_id!r}",
            )
    state_child(child, department_id, fields)
    unit.wrote(family, "child", child, f"{unit.door}: child")
    if ref is None:
        ref = ExternalReference(
            department_id=department_id, kind="child", external_id=external_id, child=child
        )
        unit.session.add(ref)
        unit.find.remember(("ref", department_id, "child", external_id), ref)


def set_contact_person(
    unit: UnitOfWork, family_external_id: str, contact: dict | None
) -> tuple[Family, bool]:
    """The department's choice of the family's one contact person (a staff member of either
    department), or none. The choice gives that person the department's case content; the
    family sees the contact person the first department chose (docs/access.md, S1 and T2)."""
    family = family_of(unit, family_external_id)
    staff = None
    if contact is not None:
        department = unit.find.department(contact["department"])
        staff = unit.find.staff(department.id, contact["staff_id"])
        if staff is None or not staff.active:
            raise invalid("staff_id", "no active staff member with this external id")
    state_family(family, unit.actor.department_id, {"contact_person": staff})
    unit.wrote(family, "family", family, f"{unit.door}: contact person")
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


def guardians_of_person(session: Session, person_number_hash: str) -> list[Guardian]:
    """Every family a person is a guardian in (logging in at the family door)."""
    return session.scalars(
        select(Guardian).where(Guardian.person_number_hash == person_number_hash)
    ).all()


def list_families(session: Session, actor: Actor, after: int | None, limit: int) -> Page:
    family = selectinload(ExternalReference.family)
    statement = (
        select(ExternalReference)
        .filter_by(department_id=actor.department_id, kind="family")
        .options(
            family.selectinload(Family.statements).selectinload(FamilyStatement.contact_person),
            family.selectinload(Family.guardians).selectinload(Guardian.statements),
            family.selectinload(Family.children).selectinload(Child.statements),
        )
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
