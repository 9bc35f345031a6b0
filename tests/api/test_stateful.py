"""The API under stateful fuzzing: the OpenAPI document links each answer to the operations it
can address, every operation is reachable through those links from an operation that needs no
parameters, and schemathesis' state machine follows them with a valid token: no 5xx, no answer
that breaks the schema, no undocumented status."""

from __future__ import annotations

import time
import uuid
from collections import Counter, deque

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, seed, settings
from hypothesis.errors import FlakyStrategyDefinition
from pydantic import TypeAdapter
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup, ServerError
from schemathesis.engine.errors import is_inconsistent_replay
from schemathesis.openapi.checks import JsonSchemaError
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from portal.api.endpoints import PATH_PARAMETERS
from portal.api.registry import endpoints, find
from tests.api.conftest import make_api_user
from tests.api.test_contract import STORY
from tests.conftest import app_of_its_own

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
# The served tokenUrl is relative (/api/oauth/token), which OpenAPI 3.1 allows for URLs
# ("MAY be relative references") but its published JSON schema's `format: uri` does not.
TOKEN_URL = ["components", "securitySchemes", "oauth2"]
SCENARIOS = 30
SEED = 15  # the same scenarios each run, as far as the API's answers allow
SESSIONS = 6
FUZZ = settings(
    max_examples=SCENARIOS,
    stateful_step_count=10,
    deadline=None,
    database=None,
    phases=[Phase.generate],  # no shrinking: a failure is reported as found
    suppress_health_check=list(HealthCheck),
)


def _operations(document: dict) -> dict[str, tuple[str, dict]]:
    return {
        operation["operationId"]: (path, operation)
        for path, item in document["paths"].items()
        for operation in item.values()
    }


def _links(operation: dict) -> dict[str, dict]:
    found = {}
    for status, response in operation["responses"].items():
        if status.startswith("2"):
            found |= response.get("links", {})
    return found


def _resolve(document: dict, schema: dict, pointer: str) -> bool:
    """Whether a JSON pointer into an answer can hold a value under `schema`."""
    schemas = document["components"]["schemas"]
    for part in [p for p in pointer.split("/") if p]:
        while "$ref" in schema or "anyOf" in schema:
            if "$ref" in schema:
                schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
            else:
                schema = next(s for s in schema["anyOf"] if s.get("type") != "null")
        if part.isdigit() and schema.get("type") == "array":
            schema = schema["items"]
        elif part in schema.get("properties", {}):
            schema = schema["properties"][part]
        else:
            return False
    return True


@pytest.fixture(scope="module")
def document(app):
    return app.test_client().get("/api/v1/openapi.json").json


def test_the_links_are_valid_openapi_3_1_and_resolve(document):
    errors = [
        e for e in OPENAPI_31_VALIDATOR.iter_errors(document) if e.instance_path[:3] != TOKEN_URL
    ]
    assert not errors, [f"{e.instance_path}: {e.message}" for e in errors]
    operations = _operations(document)
    count = 0
    for name, (_, operation) in operations.items():
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        request_path = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
        for link_name, link in _links(operation).items():
            count += 1
            where = f"{name} -> {link_name}"
            _, target = operations[link["operationId"]]
            target_parameters = {(p["in"], p["name"]) for p in target["parameters"]}
            expressions = list(link.get("parameters", {}).items())
            expressions += [(None, v) for v in link.get("requestBody", {}).values()]
            for parameter, expression in expressions:
                if parameter is not None:
                    assert tuple(parameter.split(".")) in target_parameters, where
                if expression.startswith("$request.path."):
                    assert expression.removeprefix("$request.path.") in request_path, where
                else:
                    pointer = expression.removeprefix("$response.body#")
                    assert _resolve(document, answer, pointer), (where, expression)
            body = target.get("requestBody", {}).get("content", {}).get("application/json")
            for field in link.get("requestBody", {}):
                assert _resolve(document, body["schema"], field), (where, field)
    assert count > len(operations)


def test_every_operation_is_reachable_through_links(document):
    """Starting only from operations that need no parameters, following links reaches all."""
    operations = _operations(document)
    entry = {n for n, (path, _) in operations.items() if "{" not in path}
    reached, queue = set(entry), deque(entry)
    while queue:
        for link in _links(operations[queue.popleft()][1]).values():
            if link["operationId"] not in reached:
                reached.add(link["operationId"])
                queue.append(link["operationId"])
    assert reached == set(operations), sorted(set(operations) - reached)
    # Every operation with parameters gets them from some other operation's answer.
    targets = {link["operationId"] for _, op in operations.values() for link in _links(op).values()}
    assert set(operations) - entry <= targets


@pytest.fixture(scope="module")
def stateful_app(tmp_path_factory):
    """An app with a database of its own: the state machine's writes must not disturb others."""
    yield from app_of_its_own(tmp_path_factory, "stateful")


@pytest.fixture(scope="module")
def buf(stateful_app):
    return story_told(stateful_app)


def story_told(app):
    """A BUF case system that has sent the documented write examples, so that its lists hold
    records for links to lead on from (the demo data has none under its ids)."""
    api = make_api_user(app, "buf")
    for name in STORY:
        endpoint = find(name)
        path = endpoint.path
        for parameter in endpoint.parameters:
            example = TypeAdapter(PATH_PARAMETERS[parameter][0]).json_schema()["examples"][0]
            path = path.replace("{" + parameter + "}", example)
        (body,) = endpoint.body.model_json_schema()["examples"]
        answer = getattr(api, endpoint.method.lower())(path, body)
        assert answer.status_code in (200, 201), (name, answer.get_data(as_text=True))
    return api


def state_machine(app, token: str, wsgi=None):
    """The document's state machine, calling `wsgi` (the app unless given) with the token."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi or app)
    # Only the document's own links: inferred ones would hide a missing link.
    schema.config.phases.stateful.inference.algorithms = []
    calls: Counter = Counter()
    cursors: set[str] = set()

    class Machine(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            # The WSGI transport asks for gzip but does not decode it (see test_contract.py).
            headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
            if case.method.lower() != "get":
                headers["Idempotency-Key"] = str(uuid.uuid4())  # a reused key is refused
            return {"headers": headers}

        def before_call(self, case):
            # A made-up cursor is refused (400) before anything is read; that is tested in
            # test_contract.py. Here it would stop half the scenarios at their first list.
            if case.query and case.query.get("cursor") not in cursors:
                case.query.pop("cursor", None)
            super().before_call(case)

        def teardown(self):
            calls["scenarios"] += 1
            super().teardown()

        def after_call(self, response, case):
            super().after_call(response, case)
            calls[(case.operation.definition.raw["operationId"], response.status_code)] += 1
            answer = response.json() if response.status_code == 200 else None
            if isinstance(answer, dict) and isinstance(answer.get("next_cursor"), str):
                cursors.add(answer["next_cursor"])

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(
                response, checks=CHECKS, transport_kwargs=kwargs or None, recorder=self.recorder
            )

    return Machine, calls


def fuzz(machine, calls: Counter, scenarios: int = SCENARIOS) -> None:
    """Run scenarios until `scenarios` have run. The API's state changes between runs, so
    Hypothesis may find a replayed scenario drawing differently; like schemathesis' own runner,
    go on in a fresh session then (at most SESSIONS of them)."""
    for session in range(SESSIONS):
        left = scenarios - calls["scenarios"]
        if left <= 0:
            return
        try:
            seed(SEED + session)(machine).run(settings=settings(FUZZ, max_examples=left))
            return
        except (FlakyStrategyDefinition, AssertionError) as error:
            if not (isinstance(error, FlakyStrategyDefinition) or is_inconsistent_replay(error)):
                raise
            calls["fresh sessions"] += 1


def test_the_state_machine_follows_links_without_5xx_or_schema_breaks(stateful_app, buf):
    machine, calls = state_machine(stateful_app, buf.token)
    started = time.monotonic()
    fuzz(machine, calls)
    elapsed = time.monotonic() - started
    statuses = {key: n for key, n in calls.items() if isinstance(key, tuple)}
    reached = {name for name, _ in statuses}
    succeeded = {name for name, status in statuses if status < 300}
    print(
        f"stateful: {calls['scenarios']} scenarios, {sum(statuses.values())} requests in "
        f"{elapsed:.1f} s ({calls['fresh sessions']} fresh sessions), {len(reached)} "
        f"operations reached, {len(succeeded)} answered 2xx: {sorted(statuses.items())}"
    )
    assert calls["scenarios"] >= SCENARIOS
    assert not any(status >= 500 for _, status in statuses)
    # Links carry real ids: operations addressing a record by its id answer 2xx, not only 404.
    by_id = {e.name for e in endpoints() if set(e.parameters) - {"department"}}
    assert len(succeeded & by_id) >= 3, sorted(statuses.items())
    assert len(reached) >= 12, sorted(reached)


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        ("500 INTERNAL SERVER ERROR", b"{}", ServerError),
        ("200 OK", b'{"items": 1}', JsonSchemaError),
    ],
    ids=["5xx", "schema"],
)
def test_a_broken_answer_fails_the_state_machine(stateful_app, status, body, expected):
    """The run above can fail: the same machine against an API whose family list breaks."""
    api = make_api_user(stateful_app, "buf")

    def broken(environ, start_response):
        if environ["PATH_INFO"] == "/api/v1/families" and environ["REQUEST_METHOD"] == "GET":
            start_response(status, [("Content-Type", "application/json")])
            return [body]
        return stateful_app(environ, start_response)

    machine, calls = state_machine(stateful_app, api.token, wsgi=broken)
    with pytest.raises((Failure, FailureGroup)) as failure:
        fuzz(machine, calls, scenarios=10)
    found = getattr(failure.value, "exceptions", (failure.value,))
    assert any(isinstance(f, expected) for f in found), failure.value
    assert calls[("list_families", int(status[:3]))] >= 1
