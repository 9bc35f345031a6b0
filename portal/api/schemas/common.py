"""Building blocks shared by all resources: strict models, bounded texts, ids, days, moments."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
)

from portal.domain.text_rules import LINE_PATTERN, LINES_PATTERN, one_line, some_lines
from portal.links import LINK_PATTERN, link_problem

EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2199, 12, 31)
EARLIEST_MOMENT = datetime(1900, 1, 2, tzinfo=UTC)
LATEST_MOMENT = datetime(2199, 12, 30, tzinfo=UTC)


class In(BaseModel):
    """A request body: unknown fields are refused, and types are not coerced ("1" is no 1)."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Out(BaseModel):
    """A response body: exactly these fields, always present (null when empty)."""

    model_config = ConfigDict(extra="forbid")


def _safe_link(value: str) -> str:
    problem = link_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _within_days(value: date) -> date:
    if not EARLIEST_DAY <= value <= LATEST_DAY:
        raise ValueError("must be between 1900-01-01 and 2199-12-31")
    return value


def _within_moments(value: datetime) -> datetime:
    if not EARLIEST_MOMENT <= value <= LATEST_MOMENT:
        raise ValueError("must be between 1900-01-02 and 2199-12-30")
    return value


def text(max_length: int, description: str | None = None, multiline: bool = False):
    """A non-empty text of at most `max_length` characters: one line, or with `multiline`
    several lines (tabs allowed), never with control characters or bidirectional controls."""
    return Annotated[
        str,
        StringConstraints(min_length=1, max_length=max_length),
        AfterValidator(some_lines if multiline else one_line),
        Field(
            description=description,
            json_schema_extra={"pattern": LINES_PATTERN if multiline else LINE_PATTERN},
        ),
    ]


Name = text(200)
ShortText = text(100)
LongText = text(5000, multiline=True)
Link = Annotated[
    str,
    StringConstraints(max_length=500),
    AfterValidator(_safe_link),
    Field(
        description="An https:// address (RFC 3986 characters; no user name or password)",
        json_schema_extra={"pattern": LINK_PATTERN},
        examples=["https://video.kk.dk/mode/BUF-M-55"],
    ),
]
Email = Annotated[EmailStr, Field(description="an e-mail address (at most 254 characters)")]
Phone = text(40)
Department = Literal["buf", "sof"]
Language = Literal["da", "en", "ar"]

ExternalId = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$"),
    Field(
        description="The case system's own id: 1-100 letters, digits and . _ : -",
        examples=["BUF-2024-000123"],
    ),
]
Code = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,59}$"),
    Field(description="A code of lowercase letters, digits and -", examples=["ppr-vurdering"]),
]
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,79}$"),
    Field(description="The term's slug: lowercase letters, digits and -", examples=["ppv"]),
]
PersonNumber = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{6}-?[0-9]{4}$"),
    Field(
        description="CPR number (10 digits, optional dash). Only matched as a keyed hash; "
        "never stored, returned or logged.",
        json_schema_extra={"writeOnly": True},
        examples=["0101190000"],
    ),
]
Day = Annotated[
    date,
    AfterValidator(_within_days),
    Field(description="A date (YYYY-MM-DD) between 1900-01-01 and 2199-12-31"),
]
Moment = Annotated[
    AwareDatetime,
    AfterValidator(_within_moments),
    Field(description="ISO 8601 timestamp with an offset, e.g. 2025-03-04T10:00:00+01:00"),
]


class Names(In):
    """A short text in Danish, with English and Arabic when there are translations."""

    da: Name
    en: Name | None = None
    ar: Name | None = None


class Texts(In):
    """A longer text in plain words for families: Danish, optionally English and Arabic."""

    da: LongText
    en: LongText | None = None
    ar: LongText | None = None


class Localized(Out):
    da: str
    en: str | None
    ar: str | None


def localized(row, prefix: str) -> Localized:
    return Localized(
        da=getattr(row, f"{prefix}_da"),
        en=getattr(row, f"{prefix}_en"),
        ar=getattr(row, f"{prefix}_ar"),
    )


def localized_or_none(row, prefix: str) -> Localized | None:
    return localized(row, prefix) if getattr(row, f"{prefix}_da") is not None else None
