"""Reference content the case systems keep current: case types, offers and glossary terms."""

from __future__ import annotations

from sqlalchemy.orm import Session

from portal.api.endpoints import Operations
from portal.api.rows import Rows
from portal.api.schemas import catalogue as schemas
from portal.api.schemas.common import localized
from portal.models import CaseType, GlossaryTerm, Offer
from portal.records import Actor, UnitOfWork
from portal.records import catalogue as records

operations = Operations()

CATALOGUE = "Catalogue"


def case_type_out(case_type: CaseType) -> schemas.CaseType:
    return schemas.CaseType(
        department=case_type.department.code,
        code=case_type.code,
        joint=case_type.joint,
        name=localized(case_type, "name"),
        stage_types=[
            schemas.StageType(
                code=s.code,
                position=s.position,
                name=localized(s, "name"),
                citizen_text=localized(s, "citizen_text"),
                norm_days=s.norm_days,
                norm_months=s.norm_months,
                deadline_kind=s.deadline_kind,
                legal_basis=s.legal_basis,
                final=s.final,
            )
            for s in sorted(case_type.stage_types, key=lambda s: s.position)
        ],
    )


@operations.write(
    "put_case_type",
    "PUT",
    "/departments/{department}/case-types/{case_type}",
    scope="catalogue:write",
    body=schemas.CaseTypeIn,
    response=schemas.CaseType,
    tag=CATALOGUE,
    summary="Create or change a case type and its stage types",
)
def put_case_type(
    unit: UnitOfWork, rows: Rows, body: schemas.CaseTypeIn, department: str, case_type: str
):
    """Case type codes are unique across both departments; a code of the other department
    answers 403."""
    own = rows.own_department(department)
    row = rows.case_type(case_type)
    data = body.model_dump()
    created = row is None
    if created:
        row = records.add_case_type(unit, own, case_type, **data)
        rows.remember(row)
    else:
        records.change_case_type(unit, row, **data)
    unit.session.flush()
    return case_type_out(row), created


@operations.read(
    "get_case_type",
    "/departments/{department}/case-types/{case_type}",
    response=schemas.CaseType,
    tag=CATALOGUE,
    summary="Read a case type back",
)
def get_case_type(session: Session, actor: Actor, department: str, case_type: str):
    """Only your own department's case types."""
    return case_type_out(records.get_case_type(session, actor, department, case_type))


@operations.read(
    "list_case_types",
    "/departments/{department}/case-types",
    response=schemas.CaseType,
    tag=CATALOGUE,
    paginated=True,
    summary="List your department's case types",
)
def list_case_types(session: Session, actor: Actor, after, limit, department: str):
    """In the order they were created."""
    found = records.list_case_types(session, actor, department, after, limit)
    return [case_type_out(c) for c in found.rows], found.next_after


def offer_out(offer: Offer) -> schemas.Offer:
    return schemas.Offer(
        department=offer.department.code if offer.department else None,
        code=offer.code,
        name=localized(offer, "name"),
        summary=localized(offer, "summary"),
        who_decides=localized(offer, "who_decides"),
        how_to_ask=localized(offer, "how_to_ask"),
        legal_basis=offer.legal_basis,
        age_min=offer.age_min,
        age_max=offer.age_max,
    )


@operations.write(
    "put_offer",
    "PUT",
    "/offers/{offer}",
    scope="catalogue:write",
    body=schemas.OfferIn,
    response=schemas.Offer,
    tag=CATALOGUE,
    summary="Create or change an offer in the catalogue",
)
def put_offer(unit: UnitOfWork, rows: Rows, body: schemas.OfferIn, offer: str):
    """Your department's offers and joint offers; the other department's answer 403."""
    row = rows.offer(offer)
    data = body.model_dump(exclude_unset=True)
    if data.get("department") is not None:
        data["department"] = rows.department(data["department"])
    created = row is None
    if created:
        row = records.add_offer(unit, offer, **data)
        rows.remember(row)
    else:
        records.change_offer(unit, row, **data)
    unit.session.flush()
    unit.session.refresh(row, ["department"])
    return offer_out(row), created


@operations.read(
    "get_offer",
    "/offers/{offer}",
    response=schemas.Offer,
    tag=CATALOGUE,
    summary="Read an offer of the catalogue",
)
def get_offer(session: Session, actor: Actor, offer: str):
    """The catalogue is public: every offer can be read."""
    return offer_out(records.get_offer(session, offer))


@operations.read(
    "list_offers",
    "/offers",
    response=schemas.Offer,
    tag=CATALOGUE,
    paginated=True,
    summary="List the offer catalogue",
)
def list_offers(session: Session, actor: Actor, after, limit):
    """Both departments' and the joint offers."""
    found = records.list_offers(session, after, limit)
    return [offer_out(o) for o in found.rows], found.next_after


def term_out(row: GlossaryTerm) -> schemas.GlossaryTerm:
    return schemas.GlossaryTerm(
        slug=row.slug, term=localized(row, "term"), explanation=localized(row, "explanation")
    )


@operations.write(
    "put_glossary_term",
    "PUT",
    "/glossary/{slug}",
    scope="catalogue:write",
    body=schemas.GlossaryTermIn,
    response=schemas.GlossaryTerm,
    tag=CATALOGUE,
    summary="Create or change a glossary term",
)
def put_glossary_term(unit: UnitOfWork, rows: Rows, body: schemas.GlossaryTermIn, slug: str):
    """The glossary is shared; both departments may change it."""
    row = rows.glossary_term(slug)
    created = row is None
    if created:
        row = records.add_glossary_term(unit, slug, **body.model_dump())
        rows.remember(row)
    else:
        records.change_glossary_term(unit, row, **body.model_dump())
    return term_out(row), created


@operations.read(
    "get_glossary_term",
    "/glossary/{slug}",
    response=schemas.GlossaryTerm,
    tag=CATALOGUE,
    summary="Read a glossary term",
)
def get_glossary_term(session: Session, actor: Actor, slug: str):
    """The glossary is public."""
    return term_out(records.get_glossary_term(session, slug))


@operations.read(
    "list_glossary_terms",
    "/glossary",
    response=schemas.GlossaryTerm,
    tag=CATALOGUE,
    paginated=True,
    summary="List the glossary",
)
def list_glossary_terms(session: Session, actor: Actor, after, limit):
    """All terms, in the order they were created."""
    found = records.list_glossary_terms(session, after, limit)
    return [term_out(t) for t in found.rows], found.next_after
