"""Meetings with participants, and a child's offers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import Field

from portal.api.schemas.common import (
    Code,
    Day,
    Department,
    ExternalId,
    In,
    Link,
    LongText,
    Moment,
    Name,
    Out,
    PersonNumber,
    text,
)

MeetingKind = Literal["tvaerfagligt", "netvaerk", "opfoelgning", "samtale"]
MeetingStatus = Literal["planned", "held", "cancelled"]
OfferStatus = Literal["applied", "granted", "started", "ended", "declined"]


class StaffParticipantIn(In):
    kind: Literal["staff"]
    department: Department
    staff_id: ExternalId
    role: Name | None = None


class GuardianParticipantIn(In):
    kind: Literal["guardian"]
    person_number: PersonNumber
    role: Name | None = None


class OtherParticipantIn(In):
    kind: Literal["other"]
    name: Name = Field(description="someone outside the portal, e.g. the class teacher")
    role: Name | None = None


ParticipantIn = Annotated[
    StaffParticipantIn | GuardianParticipantIn | OtherParticipantIn, Field(discriminator="kind")
]


class MeetingIn(In):
    """A meeting of your department with a family. When participants are sent they replace
    those you sent before; people added in the portal (by a booking, or invited by the
    family's contact person) stay. New, moved and cancelled meetings notify the family."""

    family_id: ExternalId = Field(description="your id for the family")
    case_id: ExternalId | None = Field(None, description="your id for a case of this family")
    organizer_id: ExternalId | None = Field(None, description="staff member of your department")
    kind: MeetingKind
    title: Name
    starts_at: Moment
    ends_at: Moment
    location: text(300) | None = None
    video_url: Link | None = None
    status: MeetingStatus = "planned"
    agenda: LongText | None = None
    participants: list[ParticipantIn] = Field(default_factory=list, max_length=50)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "family_id": "BUF-FAM-1001",
                    "case_id": "BUF-2025-0042",
                    "kind": "tvaerfagligt",
                    "title": "Tværfagligt møde om Emil",
                    "starts_at": "2025-05-06T09:00:00+02:00",
                    "ends_at": "2025-05-06T10:00:00+02:00",
                    "location": "Nørrebro Park Skole, lokale 12",
                    "participants": [
                        {"kind": "staff", "department": "buf", "staff_id": "BUF-INIT-17"},
                        {"kind": "guardian", "person_number": "0101801234"},
                        {"kind": "other", "name": "Klasselærer", "role": "lærer"},
                    ],
                }
            ]
        }
    }


class Participant(Out):
    kind: Literal["staff", "guardian", "other"]
    department: Department | None
    staff_id: str | None
    name: str | None
    role: str | None
    added_in_portal: bool = Field(
        description="added in the portal (a booking, an invitation by staff), not by your "
        "system: sending the participants again keeps them"
    )


class Meeting(Out):
    department: Department
    external_id: str
    family_id: str | None
    case_id: str | None
    organizer_id: str | None
    kind: MeetingKind
    title: str
    starts_at: datetime
    ends_at: datetime
    location: str | None
    video_url: str | None
    status: MeetingStatus
    agenda: str | None
    participants: list[Participant]


class ChildOfferIn(In):
    """Help a child has applied for or gets, from the catalogue of your department (or a joint
    offer). A decision (granted or declined) notifies the family."""

    child_id: ExternalId = Field(description="your id for the child")
    offer: Code
    status: OfferStatus
    provider: Name | None = None
    applied_on: Day | None = None
    decided_on: Day | None = None
    starts_on: Day | None = None
    ends_on: Day | None = None

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "child_id": "BUF-CHILD-778",
                    "offer": "stoette-i-klassen",
                    "status": "granted",
                    "decided_on": "2025-04-01",
                    "starts_on": "2025-04-15",
                }
            ]
        }
    }


class ChildOffer(Out):
    department: Department
    external_id: str
    child_id: str | None
    offer: str
    status: OfferStatus
    provider: str | None
    applied_on: date | None
    decided_on: date | None
    starts_on: date | None
    ends_on: date | None
