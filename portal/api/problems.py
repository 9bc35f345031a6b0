"""Every API error is application/problem+json (RFC 9457), with a field-level `errors` list.

Messages never repeat the rejected input: a refused person number must not come back.
"""

from __future__ import annotations

import logging
import re

from flask import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from werkzeug.exceptions import HTTPException

from portal.rate_limits import retry_after_seconds
from portal.records import RecordError

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "urn:familieportalen:problem:"  # the types are listed in docs/api.md
# Person-number-like keys in a refused request are not echoed in pointers either.
_PERSON_NUMBER_LIKE = re.compile(r"\d{6}-?\d{4}")
log = logging.getLogger(__name__)

TITLES = {
    "bad-request": "The request is malformed",
    "unauthorized": "A valid access token is needed",
    "forbidden": "Not allowed for this client",
    "not-found": "No such resource",
    "method-not-allowed": "Method not allowed",
    "conflict": "Conflicting change",
    "too-large": "The request is too large",
    "unsupported-media-type": "Send JSON",
    "validation": "The request breaks a rule",
    "idempotency-key-reused": "Idempotency-Key reused for another request",
    "too-many-requests": "Too many requests",
    "server-error": "Something went wrong on our side",
    "unavailable": "The portal cannot answer right now",
}
SLUG_BY_STATUS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    413: "too-large",
    415: "unsupported-media-type",
    422: "validation",
    429: "too-many-requests",
    500: "server-error",
    503: "unavailable",
}


class FieldError(BaseModel):
    """One refused part of the request: a body field (JSON Pointer), a parameter or a header."""

    model_config = ConfigDict(extra="forbid")

    detail: str
    pointer: str | None = Field(None, examples=["#/children/0/birth_date"])
    parameter: str | None = None
    header: str | None = None


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "type": PROBLEM_BASE + "validation",
                    "title": "The request breaks a rule",
                    "status": 422,
                    "detail": "1 field is not valid",
                    "errors": [{"detail": "Field required", "pointer": "#/opened_on"}],
                }
            ]
        },
    )

    type: str
    title: str
    status: int
    detail: str | None = None
    errors: list[FieldError] = Field(default_factory=list)
    operation: int | None = Field(None, description="batch: index of the operation that failed")


class ApiProblem(Exception):
    """Raise to answer with a problem; caught by the API blueprint's error handler."""

    def __init__(
        self,
        status: int,
        detail: str | None = None,
        errors: list[FieldError] | None = None,
        slug: str | None = None,
        headers: dict | None = None,
        operation: int | None = None,
    ):
        super().__init__(detail)
        self.status = status
        self.slug = slug or SLUG_BY_STATUS.get(status, "bad-request")
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}
        self.operation = operation

    def response(self) -> Response:
        problem = Problem(
            type=PROBLEM_BASE + self.slug,
            title=TITLES.get(self.slug, "Error"),
            status=self.status,
            detail=self.detail,
            errors=self.errors,
            operation=self.operation,
        )
        body = problem.model_dump_json(exclude_none=True)
        return Response(body, status=self.status, mimetype=PROBLEM_JSON, headers=self.headers)


def pointer(path: tuple | list) -> str:
    parts = []
    for part in path:
        part = str(part)
        if _PERSON_NUMBER_LIKE.search(part):
            part = "(refused key)"
        parts.append(part.replace("~", "~0").replace("/", "~1"))
    return "#/" + "/".join(parts)


def from_validation(error: ValidationError, data=None, prefix: tuple = ()) -> list[FieldError]:
    """Field errors from pydantic, without the rejected input values. `data` is the parsed
    request, used to drop the names pydantic gives union members from the locations."""
    found = []
    for item in error.errors(include_input=False, include_url=False, include_context=False):
        location = _real_path(item["loc"], data)
        found.append(FieldError(detail=item["msg"], pointer=pointer(prefix + location)))
    return found


def _real_path(location: tuple, data) -> tuple:
    path, current = [], data
    for index, part in enumerate(location):
        last = index == len(location) - 1
        if isinstance(current, dict) and isinstance(part, str) and part not in current and not last:
            continue  # a union member's tag, not a key of the request
        path.append(part)
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(path)


def from_record_error(error: RecordError, prefix: tuple = (), operation=None) -> ApiProblem:
    errors = [
        FieldError(detail=message, pointer=pointer(prefix + path))
        for path, message in getattr(error, "errors", [])
    ]
    return ApiProblem(error.status, error.detail, errors, operation=operation)


def from_http_exception(error: HTTPException) -> Response:
    """Answer an HTTP error (unknown route, wrong method, body too large) as a problem."""
    status = error.code or 500
    headers = {}
    if status == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    if status == 429:
        headers["Retry-After"] = str(retry_after_seconds(error))
    return ApiProblem(status, error.description, headers=headers).response()


def unavailable_problem(headers: dict) -> Response:
    """The database does not answer (portal/unavailable.py): nothing was written."""
    detail = "The database is not answering; nothing was written. Send it again later."
    return ApiProblem(503, detail, headers=headers).response()


def handle_problem(error: ApiProblem) -> Response:
    return error.response()


def handle_record_error(error: RecordError) -> Response:
    return from_record_error(error).response()


def handle_unexpected(error: Exception) -> Response:
    if isinstance(error, HTTPException):
        return from_http_exception(error)
    log.exception("unexpected error in the API")
    return ApiProblem(500, "The error has been logged.").response()
