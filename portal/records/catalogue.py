"""Reference content: the departments, the case types with their ordered stage types, the offer
catalogue, and the shared glossary. The case systems keep them current through the API; the
demo data loads them from portal/catalogue."""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, selectinload

from portal.models import CaseType, Department, GlossaryTerm, Offer, Stage, StageType
from portal.records.errors import Forbidden, NotFound, invalid
from portal.records.fields import KEEP, set_texts
from portal.records.pages import Page, page
from portal.records.unit import Actor, UnitOfWork, require_own

# Positions are moved out of the way before renumbering, so the unique (type, position) key
# never sees two stage types on one position in between.
PARKING_OFFSET = 1000
OFFER_FIELDS = ("legal_basis", "age_min", "age_max")
OFFER_TEXTS = ("name", "summary", "who_decides", "how_to_ask")


def add_department(unit: UnitOfWork, code: str, *, short_name: str, name: dict) -> Department:
    """A department of the municipality (buf or sof); only the system adds them."""
    _system_only(unit)
    department = Department(code=code)
    unit.session.add(department)
    change_department(unit, department, short_name=short_name, name=name)
    unit.session.flush()  # everything else refers to a department by its id
    return department


def change_department(
    unit: UnitOfWork, department: Department, *, short_name: str, name: dict
) -> Department:
    _system_only(unit)
    department.short_name = short_name
    set_texts(department, "name", name)
    return department


def _system_only(unit: UnitOfWork) -> None:
    if unit.actor.kind != "system":
        raise Forbidden("only the system changes the departments")


def add_case_type(
    unit: UnitOfWork,
    department: Department,
    code: str,
    *,
    name: dict,
    stage_types: list[dict],
    joint: bool = False,
) -> CaseType:
    """A case type of the department with its complete, ordered list of stage types."""
    unit.own(department)
    _check_stage_types(stage_types)
    case_type = CaseType(code=code, department_id=department.id)
    unit.session.add(case_type)
    _set_case_type(unit, case_type, {}, name, stage_types, joint)
    return case_type


def change_case_type(
    unit: UnitOfWork,
    case_type: CaseType,
    *,
    name: dict,
    stage_types: list[dict],
    joint: bool = False,
) -> CaseType:
    """Change a case type. `stage_types` is the complete ordered list; stage types left out are
    removed unless a case has reached them."""
    if not unit.actor.acts_for(case_type.department_id):
        raise Forbidden("this case type belongs to the other department")
    _check_stage_types(stage_types)
    existing = {s.code: s for s in case_type.stage_types}
    _set_case_type(unit, case_type, existing, name, stage_types, joint)
    return case_type


def _set_case_type(unit, case_type, existing: dict, name, stage_types, joint) -> None:
    case_type.joint = joint
    set_texts(case_type, "name", name)
    wanted = {spec["code"] for spec in stage_types}
    for stage_code, stage_type in existing.items():
        if stage_code in wanted:
            continue
        if unit.session.scalar(select(exists().where(Stage.stage_type_id == stage_type.id))):
            raise invalid(
                "stage_types",
                f"stage type {stage_code!r} has been reached by cases and cannot be removed",
            )
        unit.session.execute(delete(StageType).where(StageType.id == stage_type.id))
    if existing:
        for stage_type in existing.values():
            if stage_type.code in wanted:
                stage_type.position += PARKING_OFFSET
        unit.session.flush()
    for position, spec in enumerate(stage_types, start=1):
        stage_type = existing.get(spec["code"])
        if stage_type is None:
            stage_type = StageType(case_type=case_type, code=spec["code"])
            unit.session.add(stage_type)
        stage_type.position = position
        stage_type.norm_days = spec.get("norm_days")
        stage_type.norm_months = spec.get("norm_months")
        stage_type.deadline_kind = spec.get("deadline_kind")
        stage_type.legal_basis = spec.get("legal_basis")
        stage_type.final = spec.get("final", False)
        set_texts(stage_type, "name", spec["name"])
        set_texts(stage_type, "citizen_text", spec["citizen_text"])
    if existing:
        unit.session.flush()
        unit.session.expire(case_type, ["stage_types"])


def _check_stage_types(stage_types: list[dict]) -> None:
    seen: set[str] = set()
    for index, spec in enumerate(stage_types):
        if spec["code"] in seen:
            raise invalid(("stage_types", index, "code"), "this code is listed twice")
        seen.add(spec["code"])
        norms = [name for name in ("norm_days", "norm_months") if spec.get(name) is not None]
        if len(norms) > 1:
            raise invalid(
                ("stage_types", index, "norm_months"), "give norm_days or norm_months, not both"
            )
        if bool(norms) != (spec.get("deadline_kind") is not None):
            raise invalid(
                ("stage_types", index, "deadline_kind"),
                "give deadline_kind together with norm_days or norm_months, or neither",
            )


def add_offer(
    unit: UnitOfWork, code: str, *, department: Department | None = None, **fields
) -> Offer:
    """An offer in the catalogue: of one department, or joint (`department` None). `fields`
    are the texts (name, summary, who_decides, how_to_ask) and legal_basis, age_min, age_max."""
    if department is not None:
        unit.own(department)
    _check_ages(fields.get("age_min"), fields.get("age_max"))
    offer = Offer(code=code)
    unit.session.add(offer)
    if department is not None:
        offer.department_id = department.id
    _set_offer(offer, fields)
    return offer


def change_offer(
    unit: UnitOfWork, offer: Offer, *, department: Department | None = KEEP, **fields
) -> Offer:
    """Change an offer of the actor's department or a joint one; fields left out keep their
    value."""
    if offer.department_id is not None and not unit.actor.acts_for(offer.department_id):
        raise Forbidden("this offer belongs to the other department")
    if department is not KEEP and department is not None:
        unit.own(department)
    _check_ages(fields.get("age_min", offer.age_min), fields.get("age_max", offer.age_max))
    if department is not KEEP:
        offer.department_id = department.id if department else None
    _set_offer(offer, fields)
    return offer


def _check_ages(age_min: int | None, age_max: int | None) -> None:
    if age_min is not None and age_max is not None and age_min > age_max:
        raise invalid("age_max", "must not be below age_min")


def _set_offer(offer: Offer, fields: dict) -> None:
    unknown = set(fields) - {*OFFER_FIELDS, *OFFER_TEXTS}
    if unknown:
        raise TypeError(f"not a field of an offer: {sorted(unknown)}")
    for name in OFFER_FIELDS:
        if name in fields:
            setattr(offer, name, fields[name])
    for name in OFFER_TEXTS:
        if name in fields:
            set_texts(offer, name, fields[name])


def add_glossary_term(
    unit: UnitOfWork, slug: str, *, term: dict, explanation: dict
) -> GlossaryTerm:
    """A word in the shared glossary (both departments may add and change them)."""
    row = GlossaryTerm(slug=slug)
    unit.session.add(row)
    return change_glossary_term(unit, row, term=term, explanation=explanation)


def change_glossary_term(
    unit: UnitOfWork, row: GlossaryTerm, *, term: dict, explanation: dict
) -> GlossaryTerm:
    set_texts(row, "term", term)
    set_texts(row, "explanation", explanation)
    return row


# Reading back.


def get_case_type(session: Session, actor: Actor, department: str, code: str) -> CaseType:
    require_own(actor, department)
    case_type = session.scalar(
        select(CaseType).filter_by(code=code, department_id=actor.department_id)
    )
    if case_type is None:
        raise NotFound("no case type with this code in your department")
    return case_type


def list_case_types(
    session: Session, actor: Actor, department: str, after: int | None, limit: int
) -> Page:
    require_own(actor, department)
    statement = (
        select(CaseType)
        .filter_by(department_id=actor.department_id)
        .options(selectinload(CaseType.stage_types))
    )
    return page(session, statement, CaseType.id, after, limit)


def get_offer(session: Session, code: str) -> Offer:
    offer = session.scalar(select(Offer).filter_by(code=code))
    if offer is None:
        raise NotFound("no offer with this code")
    return offer


def list_offers(session: Session, after: int | None, limit: int) -> Page:
    return page(session, select(Offer), Offer.id, after, limit)


def get_glossary_term(session: Session, slug: str) -> GlossaryTerm:
    row = session.scalar(select(GlossaryTerm).filter_by(slug=slug))
    if row is None:
        raise NotFound("no glossary term with this slug")
    return row


def list_glossary_terms(session: Session, after: int | None, limit: int) -> Page:
    return page(session, select(GlossaryTerm), GlossaryTerm.id, after, limit)
