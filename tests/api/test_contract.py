"""The contract: an OpenAPI 3.1 document built from the validating schemas, whose examples work,
and a property-based run of schemathesis against the served document: every operation, a few
hundred generated requests with a valid token, no 5xx and no answer that breaks the schema."""

from __future__ import annotations

import json
import uuid
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from portal.api.registry import endpoints
from tests.api.conftest import make_api_user
from tests.conftest import app_of_its_own

EXAMPLES_PER_OPERATION = 12
# The writes' documented examples tell one story; sent in this order, each one works.
STORY = [
    "put_staff",
    "put_family",
    "put_contact_person",
    "put_case_type",
    "put_case",
    "post_stage",
    "put_clock_adjustment",
    "put_case_event",
    "put_meeting",
    "put_offer",
    "put_child_offer",
    "put_glossary_term",
    "post_batch",
]
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
REQUESTS: Counter = Counter()


def test_the_document_is_openapi_3_1_and_covers_every_operation(client):
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    document = answer.json
    assert document["openapi"] == "3.1.0"
    operations = {op["operationId"] for path in document["paths"].values() for op in path.values()}
    assert operations == {e.name for e in endpoints()}
    assert "oauth2" in document["components"]["securitySchemes"]
    for endpoint in endpoints():
        if endpoint.body is None:
            continue
        schema = document["components"]["schemas"][endpoint.body.__name__]
        assert schema["additionalProperties"] is False, endpoint.name
        assert schema.get("examples"), f"{endpoint.name} has no example"


def test_every_example_is_valid_for_its_schema():
    for endpoint in endpoints():
        if endpoint.body is None:
            continue
        for example in endpoint.body.model_json_schema()["examples"]:
            endpoint.body.model_validate_json(json.dumps(example))


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    """An app with a database of its own: generated requests must not disturb other tests."""
    yield from app_of_its_own(tmp_path_factory, "fuzz")


@pytest.fixture(scope="module")
def fuzz_schema(fuzz_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", fuzz_app)


@pytest.fixture(scope="module")
def story_told(fuzz_app, fuzz_schema):
    """A BUF client that has sent every documented write example, in story order."""
    api = make_api_user(fuzz_app, "buf")
    for name in STORY:
        operation = fuzz_schema.find_operation_by_id(name)
        endpoint = next(e for e in endpoints() if e.name == name)
        (example,) = endpoint.body.model_json_schema()["examples"]
        path = endpoint.path
        for parameter in operation.path_parameters:
            path = path.replace(
                "{" + parameter.name + "}", str(parameter.definition["schema"]["examples"][0])
            )
        answer = getattr(api, endpoint.method.lower())(path, example)
        assert answer.status_code in (200, 201), (name, answer.get_data(as_text=True))
    return api


@pytest.mark.parametrize("operation_id", [e.name for e in endpoints()])
def test_generated_requests_get_no_5xx_and_conform(fuzz_schema, story_told, operation_id):
    operation = fuzz_schema.find_operation_by_id(operation_id)
    # Schemathesis' WSGI transport asks for gzip but does not decode it; compressed answers are
    # tested in tests/integration/test_compression.py.
    headers = {"Authorization": f"Bearer {story_told.token}", "Accept-Encoding": "identity"}

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        REQUESTS[operation_id] += 1
        # A fresh key per request: generated keys repeat, and a reused key is (rightly) refused.
        key = {"Idempotency-Key": str(uuid.uuid4())} if operation.method != "get" else {}
        case.call_and_validate(headers=headers | key, checks=CHECKS)

    check()
    assert REQUESTS[operation_id] >= 3
    print(f"schemathesis: {REQUESTS[operation_id]} requests to {operation_id}")
