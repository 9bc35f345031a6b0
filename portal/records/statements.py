"""Each department states what it knows about a shared family in its own rows; the values the
pages show are settled from those statements, so one department's system can never overwrite or
remove what the other stated (docs/access.md, rule S1).

Settling: for every field, the earliest statement that gives a value wins (the department that
told the portal first), so a later statement from the other department changes nothing the
family sees; where statements differ, `disagreements` lists them for staff. A guardian's own
choice of contact details in the profile wins over both departments' systems.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.models import (
    Child,
    ChildStatement,
    Department,
    Family,
    FamilyStatement,
    Guardian,
    GuardianStatement,
)

FAMILY_FIELDS = ("display_name", "contact_person")
CHILD_FIELDS = ("first_name", "last_name", "birth_date", "school")
GUARDIAN_NAME_FIELDS = ("name",)
GUARDIAN_CONTACT_FIELDS = ("email", "phone", "preferred_language", "notify_by")


def _own(statements: list, department_id: int, new):
    """The department's own statement in the list, added (made by `new`) when it has none."""
    statement = next((s for s in statements if s.department_id == department_id), None)
    if statement is None:
        statement = new(department_id=department_id)
        statements.append(statement)
    return statement


def _assign(row, fields: dict, names: tuple[str, ...]) -> None:
    for name in names:
        if name in fields:
            setattr(row, name, fields[name])


def settled(statements: list, name: str):
    """The earliest stated value of a field (statements are kept in the order they came)."""
    return next((v for s in statements if (v := getattr(s, name)) is not None), None)


def state_family(family: Family, department_id: int, fields: dict) -> FamilyStatement:
    statement = _own(family.statements, department_id, FamilyStatement)
    _assign(statement, fields, FAMILY_FIELDS)
    family.display_name = settled(family.statements, "display_name")
    family.contact_person = settled(family.statements, "contact_person")
    return statement


def state_child(child: Child, department_id: int, fields: dict) -> ChildStatement:
    statement = _own(child.statements, department_id, ChildStatement)
    _assign(statement, fields, CHILD_FIELDS)
    for name in CHILD_FIELDS:
        setattr(child, name, settled(child.statements, name))
    return statement


def state_guardian(guardian: Guardian, department_id: int, fields: dict) -> GuardianStatement:
    statement = _own(
        guardian.statements,
        department_id,
        lambda **key: GuardianStatement(**key, preferred_language="da", notify_by="email"),
    )
    _assign(statement, fields, ("access_level", *GUARDIAN_NAME_FIELDS, *GUARDIAN_CONTACT_FIELDS))
    settle_guardian(guardian)
    return statement


def settle_guardian(guardian: Guardian) -> None:
    statements = guardian.statements
    guardian.name = settled(statements, "name")
    # A summary for family-level choices; case content is decided per department.
    guardian.access_level = "custody" if any(s.has_custody for s in statements) else "information"
    if guardian.contact_chosen_at is None:
        for name in GUARDIAN_CONTACT_FIELDS:
            setattr(guardian, name, settled(statements, name))


# What staff see where the departments' systems disagree.


@dataclass(frozen=True)
class Disagreement:
    subject: str  # the settled name of the family, child or guardian
    field: str
    stated: tuple[tuple[Department, object], ...]  # (department, value), in the order stated


def _differences(
    subject: str, statements: list, names: tuple[str, ...], departments: frozenset[int]
) -> list[Disagreement]:
    found = []
    statements = [s for s in statements if s.department_id in departments]
    for name in names:
        stated = tuple((s.department, getattr(s, name)) for s in statements)
        if len({value for _, value in stated}) > 1:
            found.append(Disagreement(subject, name, stated))
    return found


def disagreements(
    family: Family, children: list[Child], guardians: list[Guardian], departments: frozenset[int]
) -> list[Disagreement]:
    """Every field on which the statements of these departments about the family differ."""
    found = _differences(family.display_name, family.statements, ("display_name",), departments)
    found += [
        Disagreement(d.subject, d.field, tuple((dep, v.name if v else None) for dep, v in d.stated))
        for d in _differences(
            family.display_name, family.statements, ("contact_person",), departments
        )
    ]
    for child in children:
        found += _differences(child.name, child.statements, CHILD_FIELDS, departments)
    for guardian in guardians:
        found += _differences(
            guardian.name,
            guardian.statements,
            ("access_level", *GUARDIAN_NAME_FIELDS, *GUARDIAN_CONTACT_FIELDS),
            departments,
        )
    return found
