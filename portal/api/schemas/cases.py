"""Cases, stage changes, clock pauses and extensions, and case events."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field, model_validator

from portal.api.schemas.common import (
    Code,
    Day,
    Department,
    ExternalId,
    In,
    Localized,
    Moment,
    Name,
    Out,
    Texts,
)

EventKind = Literal["stage", "decision", "meeting", "document", "note"]
Visibility = Literal["family", "internal"]
ComplaintBody = Literal["ankestyrelsen", "klagenaevnet"]


class HolderIn(In):
    """Who holds the case or stage: a staff member of your department and/or a team."""

    staff_id: ExternalId | None = None
    team: Name | None = None

    @model_validator(mode="after")
    def _someone(self):
        if self.staff_id is None and self.team is None:
            raise ValueError("give staff_id, team or both (or send holder: null)")
        return self


class Holder(Out):
    department: Department
    staff_id: str | None
    team: str | None


class CaseIn(In):
    child_id: ExternalId = Field(description="your id for the child (sent with its family)")
    case_type: Code
    opened_on: Day
    closed_on: Day | None = None
    partner_department: Department | None = Field(
        None, description="for joint case types (day treatment): the other department"
    )
    holder: HolderIn | None = None

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "child_id": "BUF-CHILD-778",
                    "case_type": "ppr-vurdering",
                    "opened_on": "2025-02-03",
                    "holder": {"staff_id": "BUF-INIT-17", "team": "PPR Nørrebro"},
                }
            ]
        }
    }


class Case(Out):
    department: Department
    external_id: str
    child_id: str | None = Field(description="your id for the child; null if you have none")
    case_type: str
    partner_department: Department | None
    holder: Holder | None
    opened_on: date
    closed_on: date | None
    current_stage: str | None = Field(description="code of the open (or last) stage type")


class StageChangeIn(In):
    """Move the case to a stage. The open stage ends the day the new one starts; a start
    before the current stage's start is refused."""

    stage_type: Code
    started_on: Day
    holder: HolderIn | None = None

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "stage_type": "observation-og-samtaler",
                    "started_on": "2025-02-17",
                    "holder": {"staff_id": "BUF-INIT-17"},
                }
            ]
        }
    }


class Stage(Out):
    case_id: str
    stage_type: str
    started_on: date
    ended_on: date | None
    holder: Holder | None


class ClockAdjustmentIn(In):
    """A pause stops the stage's clock from starts_on until ends_on (open while ends_on is
    null); an extension adds extra_days to the deadline. The reason is shown to the family."""

    kind: Literal["pause", "extension"]
    starts_on: Day
    ends_on: Day | None = None
    extra_days: int | None = Field(None, ge=1, le=3650)
    reason: Texts

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "kind": "pause",
                    "starts_on": "2025-03-01",
                    "reason": {"da": "Vi venter på en udtalelse fra lægen."},
                }
            ]
        }
    }


class ClockAdjustment(Out):
    case_id: str
    external_id: str | None
    stage_type: str
    kind: Literal["pause", "extension"]
    starts_on: date
    ends_on: date | None
    extra_days: int | None
    reason: Localized


class CaseEventIn(In):
    """A line in the case's timeline. Internal events are never shown to the family."""

    kind: EventKind
    visibility: Visibility
    occurred_at: Moment
    summary: Texts
    complaint_to: ComplaintBody | None = Field(
        None, description="decisions only: where a complaint goes"
    )

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "kind": "decision",
                    "visibility": "family",
                    "occurred_at": "2025-04-01T10:30:00+02:00",
                    "summary": {
                        "da": "PPR anbefaler støtte i klassen.",
                        "en": "PPR recommends support in class.",
                    },
                    "complaint_to": "klagenaevnet",
                }
            ]
        }
    }


class CaseEvent(Out):
    case_id: str
    external_id: str | None
    kind: EventKind
    visibility: Visibility
    occurred_at: datetime
    summary: Localized
    complaint_to: ComplaintBody | None
