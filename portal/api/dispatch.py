"""The API door: every operation passes the same steps. Token and scope first, then the path,
query and body are checked against the declared shapes, then the work runs in one transaction
together with its idempotency record."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable

from flask import Blueprint, Response, current_app, g, request
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy.exc import IntegrityError

from portal.api import idempotency
from portal.api.endpoints import (
    CURSOR_PATTERN,
    PAGE_SIZE_DEFAULT,
    PAGE_SIZE_MAX,
    PATH_PARAMETERS,
    Endpoint,
    page_model,
)
from portal.api.oauth import authenticate, client_key
from portal.api.problems import ApiProblem, FieldError, from_validation
from portal.api.registry import endpoints
from portal.api.rows import Rows
from portal.extensions import db
from portal.rate_limits import per_person_and_address
from portal.records import unit_of_work
from portal.request_limits import takes_large_bodies

JSON = "application/json"
_CURSOR = re.compile(CURSOR_PATTERN)
_ADAPTERS = {name: TypeAdapter(kind) for name, (kind, _) in PATH_PARAMETERS.items()}


def register_endpoints(bp: Blueprint) -> None:
    for endpoint in endpoints():
        view = _write_view(endpoint) if endpoint.writes else _read_view(endpoint)
        view.__name__ = view.__qualname__ = f"api_{endpoint.name}"  # how Flask-Limiter tells them
        view = API_LIMITS(view)
        bp.add_url_rule(endpoint.flask_rule, endpoint.name, view, methods=[endpoint.method])


# Every operation counts against one budget per API client and one per address.
API_LIMITS = per_person_and_address(
    "api", "API_RATE_LIMIT", "API_ADDRESS_RATE_LIMIT", person=client_key, methods=None
)


def _read_view(endpoint: Endpoint) -> Callable:
    def view(**path):
        _client, actor = authenticate(endpoint.scope)
        params = path_parameters(path)
        if endpoint.paginated:
            after, limit = page_query()
            items, next_after = endpoint.handler(db.session, actor, after, limit, **params)
            result = page_model(endpoint.response)(items=items, next_cursor=cursor(next_after))
        else:
            refuse_query(())
            result = endpoint.handler(db.session, actor, **params)
        db.session.commit()  # the audit entries of the read, once per request
        return Response(result.model_dump_json(), 200, mimetype=JSON)

    return view


def _write_view(endpoint: Endpoint) -> Callable:
    @takes_large_bodies("API_MAX_BODY_BYTES")
    def view(**path):
        client, actor = authenticate(endpoint.scope)
        params = path_parameters(path)
        refuse_query(())
        key = idempotency.key_from_request()
        raw = request_body()
        request_fingerprint = idempotency.fingerprint(raw)
        replayed = idempotency.replay(client.id, key, request_fingerprint)
        if replayed is not None:
            return replayed
        body = parse_body(endpoint.body, raw)
        try:
            with unit_of_work(db.session, actor, current_app.config["PERSON_NUMBER_KEY"]) as unit:
                rows = Rows.of(unit, g.get("api_department"))
                result, created = endpoint.handler(unit, rows, body, **params)
                status = endpoint.status(created)
                payload = result.model_dump_json()
                idempotency.remember(
                    unit.session, client.id, key, request_fingerprint, status, payload
                )
        except IntegrityError:
            replayed = idempotency.replay(client.id, key, request_fingerprint)
            if replayed is not None:  # the same request, sent twice at once: the first won
                return replayed
            raise ApiProblem(
                409, "another change to the same records came at the same time; send it again"
            ) from None
        return Response(payload, status, mimetype=JSON)

    return view


def path_parameters(path: dict[str, str]) -> dict[str, str]:
    errors = []
    for name, value in path.items():
        try:
            _ADAPTERS[name].validate_python(value)
        except ValidationError as error:
            message = error.errors(include_input=False)[0]["msg"]
            errors.append(FieldError(detail=message, parameter=name))
    if errors:
        raise ApiProblem(400, "a path parameter is not valid", errors)
    return path


def refuse_query(allowed: tuple[str, ...]) -> None:
    unknown = [name for name in request.args if name not in allowed]
    if unknown:
        errors = [FieldError(detail="unknown query parameter", parameter=n) for n in unknown]
        raise ApiProblem(400, "unknown query parameters are refused", errors)


def page_query() -> tuple[int | None, int]:
    refuse_query(("cursor", "limit"))
    limit_text = request.args.get("limit", str(PAGE_SIZE_DEFAULT))
    if not limit_text.isascii() or not limit_text.isdigit():
        raise _bad_parameter("limit", f"a whole number from 1 to {PAGE_SIZE_MAX}")
    limit = int(limit_text)
    if not 1 <= limit <= PAGE_SIZE_MAX:
        raise _bad_parameter("limit", f"a whole number from 1 to {PAGE_SIZE_MAX}")
    after = None
    if "cursor" in request.args:
        after = _after(request.args["cursor"])
    return after, limit


def cursor(after: int | None) -> str | None:
    if after is None:
        return None
    return base64.urlsafe_b64encode(f"after:{after}".encode()).decode().rstrip("=")


def _after(value: str) -> int:
    if not _CURSOR.match(value):
        raise _bad_parameter("cursor", "not a cursor this API gave out")
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        prefix, number = text.split(":")
        if prefix != "after" or not number.isascii() or not number.isdigit() or len(number) > 12:
            raise ValueError
        return int(number)
    except (ValueError, binascii.Error, UnicodeError):
        raise _bad_parameter("cursor", "not a cursor this API gave out") from None


def _bad_parameter(name: str, detail: str) -> ApiProblem:
    return ApiProblem(
        400, f"query parameter {name!r} is not valid", [FieldError(detail=detail, parameter=name)]
    )


def request_body() -> bytes:
    if request.mimetype != JSON:
        raise ApiProblem(415, "send the body as application/json")
    return request.get_data(cache=False)


def parse_body(model: type[BaseModel], raw: bytes, prefix: tuple = ()) -> BaseModel:
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        if any(item["type"] == "json_invalid" for item in error.errors()):
            raise ApiProblem(400, "the body is not valid JSON") from None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            data = None
        errors = from_validation(error, data, prefix)
        count = len(errors)
        raise ApiProblem(
            422, f"{count} field{'s' if count != 1 else ''} not valid", errors
        ) from None
