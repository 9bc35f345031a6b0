"""Meetings of a department with a family, and a child's offers."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy.orm import Session

from portal.api.endpoints import Operations
from portal.api.schemas import meetings as schemas
from portal.models import ChildOffer, Meeting
from portal.records import Actor, UnitOfWork
from portal.records import child_offers as offer_records
from portal.records import meetings as records
from portal.records.families import child_refs
from portal.records.lookups import Lookups

operations = Operations()

MEETINGS = "Meetings"
CHILD_OFFERS = "Child offers"


def meeting_out(session: Session, actor: Actor, meeting: Meeting) -> schemas.Meeting:
    ref = Lookups(session).ref_of(actor.department_id, "family", meeting.family_id)
    participants = [
        schemas.Participant(
            kind="staff" if p.staff else "guardian" if p.guardian else "other",
            department=p.staff.department.code if p.staff else None,
            staff_id=p.staff.external_id if p.staff else None,
            name=p.staff.name if p.staff else p.guardian.name if p.guardian else p.name,
            role=p.role,
        )
        for p in meeting.participants
    ]
    return schemas.Meeting(
        department=meeting.department.code,
        external_id=meeting.external_id,
        family_id=ref.external_id if ref else None,
        case_id=meeting.case.external_id if meeting.case else None,
        organizer_id=meeting.organizer.external_id if meeting.organizer else None,
        kind=meeting.kind,
        title=meeting.title,
        starts_at=meeting.starts_at.astimezone(UTC),
        ends_at=meeting.ends_at.astimezone(UTC),
        location=meeting.location,
        video_url=meeting.video_url,
        status=meeting.status,
        agenda=meeting.agenda,
        participants=participants,
    )


@operations.write(
    "put_meeting",
    "PUT",
    "/departments/{department}/meetings/{meeting}",
    scope="meetings:write",
    body=schemas.MeetingIn,
    response=schemas.Meeting,
    tag=MEETINGS,
    summary="Plan or change a meeting",
)
def put_meeting(unit: UnitOfWork, body: schemas.MeetingIn, department: str, meeting: str):
    """Guardians take part by person number (only in this body; the answer shows names).
    Staff of either department take part by their department's id. Fields left out keep
    their value."""
    data = body.model_dump(exclude_unset=True)
    row, created = records.upsert_meeting(unit, department, meeting, **data)
    unit.session.flush()
    unit.session.refresh(row, ["participants"])
    return meeting_out(unit.session, unit.actor, row), created


@operations.read(
    "get_meeting",
    "/departments/{department}/meetings/{meeting}",
    response=schemas.Meeting,
    tag=MEETINGS,
    summary="Read a meeting back",
)
def get_meeting(session: Session, actor: Actor, department: str, meeting: str):
    """Only your own department's meetings."""
    return meeting_out(session, actor, records.get_meeting(session, actor, department, meeting))


@operations.read(
    "list_meetings",
    "/departments/{department}/meetings",
    response=schemas.Meeting,
    tag=MEETINGS,
    paginated=True,
    summary="List your department's meetings",
)
def list_meetings(session: Session, actor: Actor, after, limit, department: str):
    """Meetings that have an external id, in the order they were created."""
    found = records.list_meetings(session, actor, department, after, limit)
    return [meeting_out(session, actor, m) for m in found.rows], found.next_after


def child_offer_out(row: ChildOffer, child_external_id: str | None) -> schemas.ChildOffer:
    return schemas.ChildOffer(
        department=row.department.code,
        external_id=row.external_id,
        child_id=child_external_id,
        offer=row.offer.code,
        status=row.status,
        provider=row.provider,
        applied_on=row.applied_on,
        decided_on=row.decided_on,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
    )


@operations.write(
    "put_child_offer",
    "PUT",
    "/departments/{department}/child-offers/{child_offer}",
    scope="offers:write",
    body=schemas.ChildOfferIn,
    response=schemas.ChildOffer,
    tag=CHILD_OFFERS,
    summary="Create or change a child's offer",
)
def put_child_offer(
    unit: UnitOfWork, body: schemas.ChildOfferIn, department: str, child_offer: str
):
    """Fields left out keep their value."""
    row, created = offer_records.upsert_child_offer(
        unit, department, child_offer, **body.model_dump(exclude_unset=True)
    )
    unit.session.flush()
    return child_offer_out(row, body.child_id), created


@operations.read(
    "get_child_offer",
    "/departments/{department}/child-offers/{child_offer}",
    response=schemas.ChildOffer,
    tag=CHILD_OFFERS,
    summary="Read a child's offer back",
)
def get_child_offer(session: Session, actor: Actor, department: str, child_offer: str):
    """Only your own department's child offers."""
    row = offer_records.get_child_offer(session, actor, department, child_offer)
    return child_offer_out(row, child_refs(session, actor, [row.child_id]).get(row.child_id))


@operations.read(
    "list_child_offers",
    "/departments/{department}/child-offers",
    response=schemas.ChildOffer,
    tag=CHILD_OFFERS,
    paginated=True,
    summary="List your department's child offers",
)
def list_child_offers(session: Session, actor: Actor, after, limit, department: str):
    """In the order they were created."""
    found = offer_records.list_child_offers(session, actor, department, after, limit)
    children = child_refs(session, actor, [r.child_id for r in found.rows])
    return [child_offer_out(r, children.get(r.child_id)) for r in found.rows], found.next_after
