"""How an API operation is declared. Each resource module declares its operations once on its
own `Operations`; the routes, the batch operations and the OpenAPI document are all built from
the list in `portal.api.registry`."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Annotated

from pydantic import BaseModel, Field, create_model

from portal.api.schemas.common import Code, Department, ExternalId, Out, Slug


def _example(kind, example: str):
    return Annotated[kind, Field(examples=[example])]


# Every path parameter of the API: its type, meaning and example.
PATH_PARAMETERS: dict[str, tuple[object, str]] = {
    "department": (
        _example(Department, "buf"),
        "The department that owns the records: buf or sof.",
    ),
    "family": (_example(ExternalId, "BUF-FAM-1001"), "Your id for the family."),
    "staff": (_example(ExternalId, "BUF-INIT-17"), "Your id for the staff member."),
    "case": (_example(ExternalId, "BUF-2025-0042"), "Your id for the case."),
    "event": (_example(ExternalId, "BUF-EV-9001"), "Your id for the case event."),
    "adjustment": (
        _example(ExternalId, "BUF-PAUSE-3"),
        "Your id for the clock pause or extension.",
    ),
    "meeting": (_example(ExternalId, "BUF-M-55"), "Your id for the meeting."),
    "child_offer": (_example(ExternalId, "BUF-CO-12"), "Your id for the child's offer."),
    "case_type": (_example(Code, "ppr-screening"), "The case type's code."),
    "offer": (_example(Code, "lektiehjaelp"), "The offer's code."),
    "slug": (_example(Slug, "ppv"), "The glossary term's slug."),
}
PAGE_SIZE_DEFAULT = 50
PAGE_SIZE_MAX = 200
# A cursor is "after:<row id>" (1-12 digits) in URL-safe base64 without padding: the prefix
# encodes to the same 8 characters every time, the digits to 2-16 more. Clients pass it back as
# given; the pattern tells them (and generated clients) what one looks like.
CURSOR_PREFIX = base64.urlsafe_b64encode(b"after:").decode()
CURSOR_PATTERN = rf"^{CURSOR_PREFIX}[A-Za-z0-9_-]{{2,16}}$"


@dataclass(frozen=True)
class Endpoint:
    name: str  # operationId, and the `op` of a batch operation
    method: str
    path: str  # below /api/v1, OpenAPI style: /departments/{department}/cases/{case}
    summary: str
    description: str
    tag: str
    scope: str | None  # None: checked per operation (the batch)
    handler: Callable
    response: type[BaseModel]
    body: type[BaseModel] | None = None
    paginated: bool = False
    creates: bool = True  # a write may answer 201 Created

    def status(self, created: bool) -> int:
        """A write's handler says whether it created something; 201 or 200 is decided here."""
        return 201 if self.creates and created else 200

    @property
    def writes(self) -> bool:
        return self.method != "GET"

    @property
    def parameters(self) -> list[str]:
        return [part[1:-1] for part in self.path.split("/") if part.startswith("{")]

    @property
    def flask_rule(self) -> str:
        return "/v1" + self.path.replace("{", "<").replace("}", ">")

    @property
    def batchable(self) -> bool:
        return self.writes and self.name != "post_batch"


class Operations:
    """The operations one resource module declares. Nothing is registered by importing a
    module: `portal.api.registry` lists the modules whose operations the API serves."""

    def __init__(self) -> None:
        self.endpoints: list[Endpoint] = []

    def write(self, name, method, path, *, scope, body, response, tag, summary, creates=True):
        """Declare a write: `handler(unit, rows, body, **path_parameters) -> (response,
        created)`, with `rows` (portal/api/rows.py) finding what the request names by the
        department's ids for the records functions the handler calls."""

        def declare(handler):
            self.endpoints.append(
                Endpoint(
                    name,
                    method,
                    path,
                    summary,
                    handler.__doc__ or "",
                    tag,
                    scope,
                    handler,
                    response,
                    body,
                    creates=creates,
                )
            )
            return handler

        return declare

    def read(self, name, path, *, response, tag, summary, paginated=False):
        """Declare a read: `handler(session, actor, **path_parameters) -> response`, or for a
        list `handler(session, actor, after, limit, **path_parameters) -> (items, next_after)`."""

        def declare(handler):
            self.endpoints.append(
                Endpoint(
                    name,
                    "GET",
                    path,
                    summary,
                    handler.__doc__ or "",
                    tag,
                    "read",
                    handler,
                    response,
                    None,
                    paginated,
                )
            )
            return handler

        return declare


@cache
def page_model(item: type[BaseModel]) -> type[BaseModel]:
    """`{"items": [...], "next_cursor": "..."}`: pass next_cursor as `cursor` for the next page."""
    return create_model(
        f"{item.__name__}Page",
        __base__=Out,
        items=(list[item], ...),
        next_cursor=(
            str | None,
            Field(description="null on the last page; else send it as ?cursor= for the next"),
        ),
    )
