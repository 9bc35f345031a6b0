"""The OpenAPI 3.1 document, built from the declared operations and the very pydantic models
that validate requests and shape responses."""

from __future__ import annotations

import re
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


def _responses(endpoint: Endpoint, schemas: dict) -> dict:
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
    links = _links(endpoint, schemas)
    for status in ("200", "201"):
        if status in answers and links:
            answers[status]["links"] = links
    problem = {PROBLEM_JSON: {"schema": _ref(Problem)}}
    for status, description in (WRITE_ERRORS if endpoint.writes else READ_ERRORS).items():
        answers[status] = {"description": description, "content": problem}
    if endpoint.paginated:
        answers["400"]["description"] = PAGE_ERROR
    answers["401"]["headers"] = {
        "WWW-Authenticate": {"description": "Bearer challenge", "schema": {"type": "string"}}
    }
    return answers


# Links between operations (OpenAPI `links`), derived from the declared paths and the answers'
# fields, so that a client (or a fuzzer's stateful phase) can follow one answer to the next call:
# a field named as a path parameter (`case_type`, `department`) or as one with `_id` (`case_id`,
# `staff_id`) addresses that record. A record's own id, unless a field is named as its parameter:
IDENTITY_FIELDS = ("external_id", "code")
READ_BACK = "Read back what was written."


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _item_parameters() -> dict[str, str]:
    """Which path parameter names a record of each answer model: the last one of its item GET."""
    found = {}
    for endpoint in endpoints():
        if endpoint.method == "GET" and not endpoint.paginated and endpoint.path.endswith("}"):
            found.setdefault(endpoint.response.__name__, endpoint.parameters[-1])
    return found


def _identity(model: str, properties: dict, items: dict[str, str]) -> tuple[str, str] | None:
    """(key, field): the key a record of `model` is known by, and the field holding its id."""
    key = items.get(model, _snake(model))
    for field in (key, *IDENTITY_FIELDS):
        if field in properties:
            return key, field
    return None


def _single_ref(schema: dict) -> str | None:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    refs = [option["$ref"] for option in schema.get("anyOf", ()) if "$ref" in option]
    if len(refs) == 1:  # a model or null; a union of models names no one record
        return refs[0].rsplit("/", 1)[-1]
    return None


def _scopes(schemas: dict, model: str, pointer: str, outer: dict, own: bool, items: dict):
    """Each object in an answer with the values it and its enclosing objects offer, as
    key -> runtime expression, and the keys that name the answering records themselves."""
    properties = schemas[model].get("properties", {})
    values = dict(outer)
    owned: set[str] = set()
    names = set(PATH_PARAMETERS) | {_snake(m) for m in schemas}
    for field, schema in properties.items():
        key = field.removesuffix("_id")
        if key in names and field not in IDENTITY_FIELDS and _single_ref(schema) is None:
            values[key] = f"$response.body#{pointer}/{field}"
    identity = _identity(model, properties, items)
    if identity is not None:
        values[identity[0]] = f"$response.body#{pointer}/{identity[1]}"
        if own:
            owned.add(identity[0])
    yield values, owned
    for field, schema in properties.items():
        inner = _single_ref(schema)
        if inner is None and schema.get("type") == "array":
            inner = _single_ref(schema.get("items", {}))
            field = f"{field}/0"
        if inner is not None and inner != model:
            yield from _scopes(schemas, inner, f"{pointer}/{field}", values, False, items)


def _collection(path: str) -> str:
    return path.rsplit("/", 1)[0]


def _bind(source: Endpoint, target: Endpoint, values: dict, owned: set) -> dict | None:
    """The link from `source`'s answer to `target`, or None when the answer cannot address it.
    A GET or POST needs all its parameters; a PUT either changes a record the answer is about,
    or creates one below what the source addressed (its own id is then left to the client)."""
    parameters = target.parameters
    bound = {name: values[name] for name in parameters if name in values}
    if target.method == "PUT":
        last = parameters[-1]
        updates = last in owned and len(bound) == len(parameters)
        collection = _collection(target.path)
        creates = (
            target.creates
            and target.path.endswith("}")
            and (collection == source.path or collection.startswith(source.path + "/"))
            and all(name in bound for name in parameters[:-1])
        )
        if not (updates or creates):
            return None
        if not updates:
            bound.pop(last, None)
    elif len(bound) < len(parameters):
        return None
    if not bound:
        return None
    link = {"operationId": target.name, "parameters": {f"path.{k}": v for k, v in bound.items()}}
    if target.body is not None:
        fields = target.body.model_json_schema()["properties"]
        body = {
            field: values[field.removesuffix("_id")]
            for field, schema in fields.items()
            if field.removesuffix("_id") in values and _single_ref(schema) is None
        }
        if body:
            link["requestBody"] = body
    return link


def _links(source: Endpoint, schemas: dict) -> dict:
    """Links from `source`'s successful answer to the operations it can address."""
    items = _item_parameters()
    request = {name: f"$request.path.{name}" for name in source.parameters}
    pointer = "/items/0" if source.paginated else ""
    links: dict[str, dict] = {}
    for values, owned in _scopes(schemas, source.response.__name__, pointer, request, True, items):
        owned = owned | set(request)
        for target in endpoints():
            if target is source or target.name in links:
                continue
            link = _bind(source, target, values, owned)
            if link is not None:
                links[target.name] = link
    if source.paginated:
        links[f"{source.name}_next_page"] = {
            "operationId": source.name,
            "parameters": {f"path.{k}": v for k, v in request.items()}
            | {"query.cursor": "$response.body#/next_cursor"},
        }
    if not links:  # the batch: its answer mixes records of every kind
        for target in endpoints():
            if target.method == "GET" and not target.parameters:
                links[target.name] = {"operationId": target.name, "description": READ_BACK}
    return links


def _operation(endpoint: Endpoint, schemas: dict) -> dict:
    operation = {
        "operationId": endpoint.name,
        "summary": endpoint.summary,
        "description": " ".join(endpoint.description.split()),
        "tags": [endpoint.tag],
        "security": [{"oauth2": [endpoint.scope] if endpoint.scope else []}],
        "parameters": _parameters(endpoint),
        "responses": _responses(endpoint, schemas),
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
        paths.setdefault(endpoint.path, {})[endpoint.method.lower()] = _operation(
            endpoint, definitions["$defs"]
        )
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
