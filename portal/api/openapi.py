"""The OpenAPI 3.1 document, built from the declared operations and the very pydantic models
that validate requests and shape responses."""

from __future__ import annotations

from functools import cache

from pydantic import TypeAdapter
from pydantic.json_schema import models_json_schema

from portal.api.endpoints import (
    CURSOR_PATTERN,
    PAGE_SIZE_DEFAULT,
    PAGE_SIZE_MAX,
    PATH_PARAMETERS,
    Endpoint,
    page_model,
)
from portal.api.idempotency import HEADER, KEY_PATTERN, REPLAYED_HEADER
from portal.api.oauth import SCOPES
from portal.api.problems import PROBLEM_JSON, Problem
from portal.api.registry import endpoints

REF = "#/components/schemas/{model}"
READ_ERRORS = {
    "400": "Malformed parameters",
    "401": "No valid token (missing, unknown, expired or revoked)",
    "403": "The token lacks the scope, or the records belong to the other department",
    "404": "No such resource for your department",
}
PAGE_ERROR = "Malformed parameters, or a cursor this API did not give out"
WRITE_ERRORS = READ_ERRORS | {
    "400": "Malformed JSON or parameters, or no Idempotency-Key",
    "409": "A concurrent change to the same records; send the request again",
    "413": "The body is too large",
    "415": "The body is not application/json",
    "422": "The body breaks a rule (see errors), or the Idempotency-Key was used for another "
    "request",
}
DESCRIPTION = """\
How BUF's and SOF's case systems feed Familieportalen. See docs/api.md for a walk-through.

* Authenticate with OAuth 2.0 client credentials (HTTP Basic) at `POST /api/oauth/token`, then
  send `Authorization: Bearer <token>`. Tokens are short-lived and carry scopes.
* Every write needs an `Idempotency-Key` header; a replay answers the first answer again and
  changes nothing.
* Records are addressed by your own external ids. A department may only change (and read) its
  own cases, events, meetings, child offers, staff and case types; families, guardians and
  children are shared and matched by person number, which is never returned.
* Every error is `application/problem+json` (RFC 9457) with a field-level `errors` list.
* Timestamps are ISO 8601 with an offset; dates are `YYYY-MM-DD`.
"""


def _models() -> list[tuple[type, str]]:
    models: dict[tuple[type, str], None] = {(Problem, "serialization"): None}
    for endpoint in endpoints():
        if endpoint.body is not None:
            models[(endpoint.body, "validation")] = None
        response = page_model(endpoint.response) if endpoint.paginated else endpoint.response
        models[(response, "serialization")] = None
    return list(models)


def _ref(model: type) -> dict:
    return {"$ref": REF.format(model=model.__name__)}


def _parameters(endpoint: Endpoint) -> list[dict]:
    found = []
    for name in endpoint.parameters:
        kind, description = PATH_PARAMETERS[name]
        schema = TypeAdapter(kind).json_schema()
        schema.pop("description", None)
        found.append(
            {
                "name": name,
                "in": "path",
                "required": True,
                "description": description,
                "schema": schema,
            }
        )
    if endpoint.writes:
        found.append(
            {
                "name": HEADER,
                "in": "header",
                "required": True,
                "description": "A new random key (e.g. a UUID) for each distinct write. Send "
                "the same key again only to repeat the same write (e.g. after a timeout): the "
                "repeat answers the first answer and changes nothing. A key sent with another "
                "request is refused.",
                "schema": {"type": "string", "pattern": KEY_PATTERN, "maxLength": 255},
            }
        )
    if endpoint.paginated:
        found += [
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": "How many items per page.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": PAGE_SIZE_MAX,
                    "default": PAGE_SIZE_DEFAULT,
                },
            },
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "The next_cursor of the previous page, exactly as given. "
                "Anything else is refused (400).",
                "schema": {"type": "string", "pattern": CURSOR_PATTERN, "maxLength": 24},
            },
        ]
    return found


def _responses(endpoint: Endpoint) -> dict:
    response = page_model(endpoint.response) if endpoint.paginated else endpoint.response
    content = {"application/json": {"schema": _ref(response)}}
    replayed = {
        REPLAYED_HEADER: {
            "description": "true when this is the stored answer to an earlier request",
            "schema": {"type": "string", "enum": ["true"]},
        }
    }
    answers: dict = {}
    if endpoint.writes:
        answers["200"] = {"description": "Changed (or unchanged)", "content": content}
        answers["200"]["headers"] = replayed
        if endpoint.creates:
            answers["201"] = {"description": "Created", "content": content, "headers": replayed}
    else:
        answers["200"] = {"description": "OK", "content": content}
    problem = {PROBLEM_JSON: {"schema": _ref(Problem)}}
    for status, description in (WRITE_ERRORS if endpoint.writes else READ_ERRORS).items():
        answers[status] = {"description": description, "content": problem}
    if endpoint.paginated:
        answers["400"]["description"] = PAGE_ERROR
    answers["401"]["headers"] = {
        "WWW-Authenticate": {"description": "Bearer challenge", "schema": {"type": "string"}}
    }
    return answers


def _operation(endpoint: Endpoint) -> dict:
    operation = {
        "operationId": endpoint.name,
        "summary": endpoint.summary,
        "description": " ".join(endpoint.description.split()),
        "tags": [endpoint.tag],
        "security": [{"oauth2": [endpoint.scope] if endpoint.scope else []}],
        "parameters": _parameters(endpoint),
        "responses": _responses(endpoint),
    }
    if endpoint.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref(endpoint.body)}},
        }
    return operation


@cache
def openapi_document() -> dict:
    _, definitions = models_json_schema(_models(), ref_template=REF)
    paths: dict[str, dict] = {}
    for endpoint in endpoints():
        paths.setdefault(endpoint.path, {})[endpoint.method.lower()] = _operation(endpoint)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Familieportalen internal API",
            "version": "1.0.0",
            "description": DESCRIPTION,
        },
        "servers": [{"url": "/api/v1"}],
        "tags": [{"name": name} for name in dict.fromkeys(e.tag for e in endpoints())],
        "paths": paths,
        "components": {
            "schemas": definitions["$defs"],
            "securitySchemes": {
                "oauth2": {
                    "type": "oauth2",
                    "description": "Client credentials, client authentication by HTTP Basic.",
                    "flows": {
                        "clientCredentials": {"tokenUrl": "/api/oauth/token", "scopes": SCOPES}
                    },
                }
            },
        },
    }
