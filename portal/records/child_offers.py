"""The help a child has applied for or gets: offers from the catalogue, decided by one
department, which alone may change them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.models import Child, ChildOffer, Department, Offer
from portal.records.errors import invalid
from portal.records.families import family_key
from portal.records.fields import KEEP, kept
from portal.records.pages import Page, page
from portal.records.unit import Actor, UnitOfWork, require_own

OFFER_DECIDED = "offer_decided"
DECIDED = ("granted", "declined")
DATE_FIELDS = ("applied_on", "decided_on", "starts_on", "ends_on")
NOT_IN_CATALOGUE = "no offer with this code in your department's or joint catalogue"


def add_child_offer(
    unit: UnitOfWork,
    department: Department,
    *,
    child: Child,
    offer: Offer,
    status: str,
    external_id: str | None = None,
    provider: str | None = None,
    applied_on: date | None = None,
    decided_on: date | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> ChildOffer:
    """A child's offer from the department's or the joint catalogue. A decision (granted or
    declined) queues a notification."""
    unit.own(department)
    dates = dict(applied_on=applied_on, decided_on=decided_on, starts_on=starts_on, ends_on=ends_on)
    _check(department.id, offer, dates)
    row = ChildOffer(department_id=department.id, external_id=external_id)
    unit.session.add(row)
    _set(unit, row, child, offer, status, provider, dates, status_before=None)
    return row


def change_child_offer(
    unit: UnitOfWork,
    row: ChildOffer,
    *,
    child: Child,
    offer: Offer,
    status: str,
    provider: str | None = KEEP,
    applied_on: date | None = KEEP,
    decided_on: date | None = KEEP,
    starts_on: date | None = KEEP,
    ends_on: date | None = KEEP,
) -> ChildOffer:
    """Change a child's offer; what is left out (KEEP) keeps its value. A new decision queues a
    notification."""
    unit.own(row)
    given = dict(applied_on=applied_on, decided_on=decided_on, starts_on=starts_on, ends_on=ends_on)
    dates = {name: kept(value, getattr(row, name)) for name, value in given.items()}
    _check(row.department_id, offer, dates)
    _set(unit, row, child, offer, status, kept(provider, row.provider), dates, row.status)
    return row


def _check(department_id: int, offer: Offer, dates: dict) -> None:
    if offer.department_id not in (None, department_id):
        raise invalid("offer", NOT_IN_CATALOGUE)
    if dates["starts_on"] and dates["ends_on"] and dates["ends_on"] < dates["starts_on"]:
        raise invalid("ends_on", "must not be before starts_on")


def _set(unit, row, child, offer, status, provider, dates, status_before) -> None:
    row.child = child
    row.offer = offer
    row.status = status
    row.provider = provider
    for name, value in dates.items():
        setattr(row, name, value)
    family = family_key(child)
    unit.wrote(family, "child_offer", row, f"{unit.door}: child offer")
    if row.status in DECIDED and row.status != status_before:
        unit.notify(OFFER_DECIDED, family, child_offer=row)


# Reading back (the API finds a child offer by its external id: portal/api/rows.py).


def list_child_offers(
    session: Session, actor: Actor, department: str, after: int | None, limit: int
) -> Page:
    require_own(actor, department)
    statement = select(ChildOffer).where(
        ChildOffer.department_id == actor.department_id, ChildOffer.external_id.is_not(None)
    )
    return page(session, statement, ChildOffer.id, after, limit)
