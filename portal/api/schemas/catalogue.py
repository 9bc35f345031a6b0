"""Reference content: case types with ordered stage types, the offer catalogue, the glossary."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from portal.api.schemas.common import Code, Department, In, Localized, Name, Names, Out, Texts

DeadlineKind = Literal["legal", "target"]


class StageTypeIn(In):
    code: Code
    name: Names
    citizen_text: Texts = Field(description="what this stage means, in plain words for parents")
    norm_days: int | None = Field(None, ge=1, le=3650, description="norm duration in days")
    norm_months: int | None = Field(
        None,
        ge=1,
        le=120,
        description="norm duration in calendar months, as the law counts (instead of norm_days)",
    )
    deadline_kind: DeadlineKind | None = Field(
        None, description="legal: a deadline in law; target: the municipality's own target"
    )
    legal_basis: Name | None = None
    final: bool = False


class CaseTypeIn(In):
    """A case type with its complete, ordered list of stage types. Stage types left out are
    removed, unless a case has reached them (then 422)."""

    joint: bool = Field(False, description="run by both departments together (day treatment)")
    name: Names
    stage_types: list[StageTypeIn] = Field(min_length=1, max_length=50)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "name": {"da": "PPR-vurdering", "en": "Educational psychological assessment"},
                    "stage_types": [
                        {
                            "code": "henvisning-modtaget",
                            "name": {"da": "Henvisning modtaget"},
                            "citizen_text": {"da": "PPR har fået en besked om dit barn."},
                            "norm_days": 14,
                            "deadline_kind": "target",
                            "legal_basis": "Folkeskoleloven § 12, stk. 2",
                        },
                        {
                            "code": "afsluttet",
                            "name": {"da": "Afsluttet"},
                            "citizen_text": {"da": "Sagen er slut."},
                            "final": True,
                        },
                    ],
                }
            ]
        }
    }


class StageType(Out):
    code: str
    position: int
    name: Localized
    citizen_text: Localized
    norm_days: int | None
    norm_months: int | None
    deadline_kind: DeadlineKind | None
    legal_basis: str | None
    final: bool


class CaseType(Out):
    department: Department
    code: str
    joint: bool
    name: Localized
    stage_types: list[StageType]


class OfferIn(In):
    """An offer in the catalogue ("tilbudsviften"). department null: a joint offer, which both
    departments may change. Fields left out keep their value."""

    department: Department | None = None
    name: Names
    summary: Texts
    who_decides: Texts
    how_to_ask: Texts
    legal_basis: Name | None = None
    age_min: int | None = Field(None, ge=0, le=30)
    age_max: int | None = Field(None, ge=0, le=30)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "department": "buf",
                    "name": {"da": "Støtte i klassen"},
                    "summary": {"da": "En voksen hjælper dit barn i timerne."},
                    "who_decides": {"da": "Skolens leder beslutter det."},
                    "how_to_ask": {"da": "Tal med skolen."},
                    "age_min": 6,
                    "age_max": 16,
                }
            ]
        }
    }


class Offer(Out):
    department: Department | None
    code: str
    name: Localized
    summary: Localized
    who_decides: Localized
    how_to_ask: Localized
    legal_basis: str | None
    age_min: int | None
    age_max: int | None


class GlossaryTermIn(In):
    """A word both departments use, explained in plain words."""

    term: Names
    explanation: Texts

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "term": {"da": "PPV", "en": "PPV"},
                    "explanation": {"da": "En skriftlig vurdering fra PPR af dit barns behov."},
                }
            ]
        }
    }


class GlossaryTerm(Out):
    slug: str
    term: Localized
    explanation: Localized
