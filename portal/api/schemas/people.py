"""Families with guardians and children (shared by both departments), and staff members."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from portal.api.schemas.common import (
    Day,
    Department,
    Email,
    ExternalId,
    In,
    Language,
    Localized,
    Name,
    Out,
    PersonNumber,
    Phone,
    ShortText,
    Texts,
)

AccessLevel = Literal["custody", "information"]


class GuardianIn(In):
    person_number: PersonNumber
    name: Name
    access_level: AccessLevel = Field(
        description="custody: sees everything about the children; information: limited view"
    )
    email: Email | None = None
    phone: Phone | None = None
    preferred_language: Language = "da"
    notify_by: Literal["email", "sms", "none"] = "email"


class ChildIn(In):
    external_id: ExternalId
    person_number: PersonNumber
    first_name: ShortText
    last_name: ShortText
    birth_date: Day
    school: Name | None = Field(None, description="school or institution the child attends")


class FamilyIn(In):
    """A family as a case system knows it. Guardians and children are matched by person
    number: listed ones are created or changed, others are left as they are. Fields left out of
    a guardian or child keep their value."""

    display_name: Name
    guardians: list[GuardianIn] = Field(default_factory=list, max_length=10)
    children: list[ChildIn] = Field(default_factory=list, max_length=20)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "display_name": "Familien Larsen",
                    "guardians": [
                        {
                            "person_number": "0101801234",
                            "name": "Maria Larsen",
                            "access_level": "custody",
                            "email": "maria@example.org",
                            "preferred_language": "da",
                        }
                    ],
                    "children": [
                        {
                            "external_id": "BUF-CHILD-778",
                            "person_number": "0203151234",
                            "first_name": "Emil",
                            "last_name": "Larsen",
                            "birth_date": "2015-03-02",
                            "school": "Nørrebro Park Skole",
                        }
                    ],
                }
            ]
        }
    }


class StaffRefIn(In):
    department: Department
    staff_id: ExternalId


class ContactPersonIn(In):
    """The family's one contact person across both departments; null to remove."""

    contact_person: StaffRefIn | None

    model_config = {
        "json_schema_extra": {
            "examples": [{"contact_person": {"department": "buf", "staff_id": "BUF-INIT-17"}}]
        }
    }


class StaffRef(Out):
    department: Department
    staff_id: str | None


class Guardian(Out):
    name: str
    access_level: AccessLevel
    email: str | None
    phone: str | None
    preferred_language: Language
    notify_by: Literal["email", "sms", "none"]


class Child(Out):
    external_id: str | None = Field(description="your id for the child; null if you never sent one")
    first_name: str
    last_name: str
    birth_date: date
    school: str | None


class Family(Out):
    external_id: str
    display_name: str
    contact_person: StaffRef | None
    guardians: list[Guardian]
    children: list[Child]


def _distinct(languages: list[str]) -> list[str]:
    return list(dict.fromkeys(languages))


class StaffIn(In):
    name: Name
    team: Name | None = None
    title: Name | None = None
    phone: Phone | None = None
    email: Email | None = None
    languages: Annotated[list[Language], AfterValidator(_distinct)] = Field(
        default_factory=lambda: ["da"], min_length=1, max_length=3
    )
    role: Literal["staff", "manager"] = "staff"
    active: bool = True
    reachable: Texts | None = Field(None, description="when the staff member can be reached")

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name": "Sara Holm",
                    "team": "PPR Nørrebro",
                    "title": "Psykolog",
                    "phone": "+45 33 17 00 00",
                    "email": "sara.holm@example.org",
                    "languages": ["da", "en"],
                }
            ]
        }
    }


class Staff(Out):
    department: Department
    external_id: str
    name: str
    team: str | None
    title: str | None
    phone: str | None
    email: str | None
    languages: list[str]
    role: Literal["staff", "manager"]
    active: bool
    reachable: Localized | None
