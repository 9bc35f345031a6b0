"""Reference content the case systems keep current: case types with their ordered stage types,
the offer catalogue, and the shared glossary."""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, selectinload

from portal.models import CaseType, GlossaryTerm, Offer, Stage, StageType
from portal.records.errors import Forbidden, NotFound, invalid
from portal.records.pages import Page, page
from portal.records.staff import set_texts
from portal.records.unit import Actor, UnitOfWork, require_own

# Positions are moved out of the way before renumbering, so the unique (type, position) key
# never sees two stage types on one position in between.
PARKING_OFFSET = 1000


def upsert_case_type(
    unit: UnitOfWork,
    department: str,
    code: str,
    *,
    name: dict,
    stage_types: list[dict],
    joint: bool = False,
) -> tuple[CaseType, bool]:
    """Create or change a case type of the actor's department. `stage_types` is the complete
    ordered list; stage types left out are removed unless a case has reached them."""
    unit.own_department(department)
    case_type = unit.find.case_type(code)
    if case_type is not None and case_type.department_id != unit.actor.department_id:
        raise Forbidden("this case type belongs to the other department")
    _check_stage_types(stage_types)
    created = case_type is None
    if created:
        case_type = CaseType(code=code, department_id=unit.actor.department_id)
        unit.session.add(case_type)
        unit.find.remember(("case_type", code), case_type)
    case_type.joint = joint
    set_texts(case_type, "name", name)

    existing = {} if created else {s.code: s for s in case_type.stage_types}
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
    return case_type, created


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


def upsert_offer(unit: UnitOfWork, code: str, **fields) -> tuple[Offer, bool]:
    """Create or change an offer in the catalogue. A department may change its own offers and
    the joint ones (no department)."""
    offer = unit.find.offer(code)
    own = unit.actor.department_id
    if offer is not None and offer.department_id not in (None, own):
        raise Forbidden("this offer belongs to the other department")
    department = fields.get("department")
    if department is not None:
        require_own(unit.actor, department)
    age_min = fields.get("age_min", offer.age_min if offer else None)
    age_max = fields.get("age_max", offer.age_max if offer else None)
    if age_min is not None and age_max is not None and age_min > age_max:
        raise invalid("age_max", "must not be below age_min")
    created = offer is None
    if created:
        offer = Offer(code=code)
        unit.session.add(offer)
        unit.find.remember(("offer", code), offer)
    if "department" in fields:
        offer.department_id = own if department else None
    for name in ("legal_basis", "age_min", "age_max"):
        if name in fields:
            setattr(offer, name, fields[name])
    for name in ("name", "summary", "who_decides", "how_to_ask"):
        if name in fields:
            set_texts(offer, name, fields[name])
    return offer, created


def upsert_glossary_term(
    unit: UnitOfWork, slug: str, *, term: dict, explanation: dict
) -> tuple[GlossaryTerm, bool]:
    """Create or change a word in the shared glossary (both departments may)."""
    row = unit.find.glossary_term(slug)
    created = row is None
    if created:
        row = GlossaryTerm(slug=slug)
        unit.session.add(row)
        unit.find.remember(("term", slug), row)
    set_texts(row, "term", term)
    set_texts(row, "explanation", explanation)
    return row, created


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


def offer_catalogue(session: Session) -> list[Offer]:
    """Every offer with its department, for the public catalogue ("tilbudsviften")."""
    return session.scalars(
        select(Offer).options(selectinload(Offer.department)).order_by(Offer.name_da)
    ).all()


def glossary(session: Session) -> list[GlossaryTerm]:
    return session.scalars(select(GlossaryTerm)).all()


def list_offers(session: Session, after: int | None, limit: int) -> Page:
    return page(session, select(Offer), Offer.id, after, limit)


def get_glossary_term(session: Session, slug: str) -> GlossaryTerm:
    row = session.scalar(select(GlossaryTerm).filter_by(slug=slug))
    if row is None:
        raise NotFound("no glossary term with this slug")
    return row


def list_glossary_terms(session: Session, after: int | None, limit: int) -> Page:
    return page(session, select(GlossaryTerm), GlossaryTerm.id, after, limit)
