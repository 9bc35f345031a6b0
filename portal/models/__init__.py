"""All models, importable from one place (Alembic's autogenerate sees them through this module)."""

from portal.models.api import ApiToken, ExternalReference, IdempotencyRecord
from portal.models.audit import ApiClient, AuditEntry, AuditEntryImmutable
from portal.models.base import LANGUAGES, Base
from portal.models.cases import Case, CaseEvent, CaseType, ClockAdjustment, Stage, StageType
from portal.models.handovers import Absence, Handover
from portal.models.meetings import (
    CalendarFeed,
    Meeting,
    Participant,
    PlanStep,
    Preparation,
    Slot,
    SlotColleague,
    TimeRequest,
)
from portal.models.messages import Message, OutboxMessage, Thread, ThreadRead, Update, UpdateRead
from portal.models.notifications import Delivery, Notice
from portal.models.offers import ChildOffer, GlossaryTerm, Offer
from portal.models.people import Child, Department, Family, Guardian, StaffMember
from portal.models.sessions import LoginSession
from portal.models.statements import ChildStatement, FamilyStatement, GuardianStatement

__all__ = [
    "Absence",
    "ApiClient",
    "ApiToken",
    "AuditEntry",
    "AuditEntryImmutable",
    "Base",
    "CalendarFeed",
    "Case",
    "CaseEvent",
    "CaseType",
    "Child",
    "ChildOffer",
    "ChildStatement",
    "ClockAdjustment",
    "Delivery",
    "Department",
    "ExternalReference",
    "Family",
    "FamilyStatement",
    "GlossaryTerm",
    "Guardian",
    "GuardianStatement",
    "Handover",
    "IdempotencyRecord",
    "LANGUAGES",
    "LoginSession",
    "Meeting",
    "Message",
    "Notice",
    "Offer",
    "OutboxMessage",
    "Participant",
    "PlanStep",
    "Preparation",
    "Slot",
    "SlotColleague",
    "StaffMember",
    "Stage",
    "StageType",
    "Thread",
    "ThreadRead",
    "TimeRequest",
    "Update",
    "UpdateRead",
]
