"""All models, importable from one place (Alembic's autogenerate sees them through this module)."""

from portal.models.api import ApiToken, ExternalReference, IdempotencyRecord
from portal.models.audit import ApiClient, AuditEntry, AuditEntryImmutable
from portal.models.base import LANGUAGES, Base
from portal.models.cases import Case, CaseEvent, CaseType, ClockAdjustment, Stage, StageType
from portal.models.meetings import Meeting, Participant, Slot
from portal.models.messages import OutboxMessage, Update
from portal.models.notifications import Delivery, Notice
from portal.models.offers import ChildOffer, GlossaryTerm, Offer
from portal.models.people import Child, Department, Family, Guardian, StaffMember
from portal.models.sessions import LoginSession
from portal.models.statements import ChildStatement, FamilyStatement, GuardianStatement

__all__ = [
    "LANGUAGES",
    "ApiClient",
    "ApiToken",
    "AuditEntry",
    "AuditEntryImmutable",
    "Base",
    "Case",
    "CaseEvent",
    "CaseType",
    "Child",
    "ChildStatement",
    "ChildOffer",
    "ClockAdjustment",
    "Delivery",
    "Department",
    "ExternalReference",
    "Family",
    "FamilyStatement",
    "GlossaryTerm",
    "Guardian",
    "GuardianStatement",
    "IdempotencyRecord",
    "LoginSession",
    "Notice",
    "Meeting",
    "OutboxMessage",
    "Offer",
    "Participant",
    "Slot",
    "Stage",
    "StageType",
    "StaffMember",
    "Update",
]
