"""The help a child has applied for or gets: offers from the catalogue, decided by one
department, which alone may change them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import ChildOffer
from portal.records.errors import NotFound, invalid
from portal.records.families import child_of, family_key
from portal.records.pages import Page, page
from portal.records.unit import Actor, UnitOfWork, require_own

OFFER_DECIDED = "offer_decided"
DECIDED = ("granted", "declined")
DATE_FIELDS = ("applied_on", "decided_on", "starts_on", "ends_on")


def upsert_child_offer(
    unit: UnitOfWork, department: str, external_id: str, **fields
) -> tuple[ChildOffer, bool]:
    """Create or change a child's offer. A decision (granted or declined) queues a notification."""
    unit.own_department(department)
    own = unit.actor.department_id
    row = unit.find.child_offer(own, external_id)
    child = child_of(unit, fields["child_id"])
    offer = unit.find.offer(fields["offer"])
    if offer is None or offer.department_id not in (None, own):
        raise invalid("offer", "no offer with this code in your department's or joint catalogue")
    dates = {name: fields.get(name, getattr(row, name) if row else None) for name in DATE_FIELDS}
    if dates["starts_on"] and dates["ends_on"] and dates["ends_on"] < dates["starts_on"]:
        raise invalid("ends_on", "must not be before starts_on")
    created = row is None
    status_before = None if created else row.status
    if created:
        row = ChildOffer(department_id=own, external_id=external_id)
        unit.session.add(row)
        unit.find.remember(("child_offer", own, external_id), row)
    row.child = child
    row.offer = offer
    row.status = fields["status"]
    if "provider" in fields:
        row.provider = fields["provider"]
    for name, value in dates.items():
        setattr(row, name, value)
    family = family_key(child)
    unit.wrote(family, "child_offer", row, f"{unit.door}: child offer")
    if row.status in DECIDED and row.status != status_before:
        unit.notify(OFFER_DECIDED, family, child_offer=row)
    return row, created


def get_child_offer(
    session: Session, actor: Actor, department: str, external_id: str
) -> ChildOffer:
    require_own(actor, department)
    row = session.scalar(
        select(ChildOffer).filter_by(department_id=actor.department_id, external_id=external_id)
    )
    if row is None:
        raise NotFound("no child offer with this external id in your department")
    return row


def list_child_offers(
    session: Session, actor: Actor, department: str, after: int | None, limit: int
) -> Page:
    require_own(actor, department)
    statement = select(ChildOffer).where(
        ChildOffer.department_id == actor.department_id, ChildOffer.external_id.is_not(None)
    )
    return page(session, statement, ChildOffer.id, after, limit)
