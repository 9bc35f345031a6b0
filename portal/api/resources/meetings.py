"""Meetings of a department with a family, and a child's offers."""

from __future__ import annotations

from datetime import UTC

from sqlalchemy.orm import Session

from portal.api.endpoints import Operations
from portal.api.rows import Rows
from portal.api.schemas import meetings as schemas
from portal.models import ChildOffer, Meeting
from portal.records import Actor, UnitOfWork
from portal.records import child_offers as offer_records
from portal.records import meetings as records

operations = Operations()

MEETINGS = "Meetings"
CHILD_OFFERS = "Child offers"


def meeting_out(session: Session, actor: Actor, meeting: Meeting) -> schemas.Meeting:
    ref = Rows(session, actor).ref_of("family", meeting.family_id)
    participants = [
        schemas.Participant(
            kind="staff" if p.staff else "guardian" if p.guardian else "other",
            department=p.staff.department.code if p.staff else None,
            staff_id=p.staff.external_id if p.staff else None,
            name=p.staff.name if p.staff else p.guardian.name if p.guardian else p.name,
            role=p.role,
            added_in_portal=p.added_in_portal,
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
def put_meeting(
    unit: UnitOfWork, rows: Rows, body: schemas.MeetingIn, department: str, meeting: str
):
    """Guardians take part by person number (only in this body; the answer shows names).
    Staff of either department take part by their department's id. Fields left out keep
    their value."""
    own = rows.own_department(department)
    data = body.model_dump(exclude_unset=True)
    row = rows.meeting(meeting)
    family = rows.family_field(data.pop("family_id"))
    case_id, organizer_id = data.pop("case_id", None), data.pop("organizer_id", None)
    data["case"] = rows.case_field(case_id) if case_id is not None else None
    data["organizer"] = (
        rows.own_staff(organizer_id, "organizer_id") if organizer_id is not None else None
    )
    if "participants" in data:
        data["participants"] = rows.participants(family, data["participants"])
    created = row is None
    if created:
        row = records.plan_meeting(unit, own, family, external_id=meeting, **data)
        rows.remember(row)
    else:
        records.change_meeting(unit, row, family=family, **data)
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
    return meeting_out(session, actor, Rows(session, actor).meeting_in(department, meeting))


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
    unit: UnitOfWork, rows: Rows, body: schemas.ChildOfferIn, department: str, child_offer: str
):
    """Fields left out keep their value."""
    own = rows.own_department(department)
    row = rows.child_offer(child_offer)
    data = body.model_dump(exclude_unset=True)
    data["child"] = rows.child(data.pop("child_id"))
    data["offer"] = rows.catalogue_offer(data["offer"])
    created = row is None
    if created:
        row = offer_records.add_child_offer(unit, own, external_id=child_offer, **data)
        rows.remember(row)
    else:
        offer_records.change_child_offer(unit, row, **data)
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
    rows = Rows(session, actor)
    row = rows.child_offer_in(department, child_offer)
    return child_offer_out(row, rows.child_ids([row.child_id]).get(row.child_id))


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
    children = Rows(session, actor).child_ids([r.child_id for r in found.rows])
    return [child_offer_out(r, children.get(r.child_id)) for r in found.rows], found.next_after
