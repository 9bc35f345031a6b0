"""The contract describes the parameters as the server treats them: a cursor looks like the
cursors the server gives out, and the Idempotency-Key is a fresh key per write, not an example
every generated client would copy."""

from __future__ import annotations

import re

import pytest

from tests.api.conftest import new_case


@pytest.fixture(scope="module")
def document(app) -> dict:
    return app.test_client().get("/api/v1/openapi.json").json


def parameters(document: dict, path: str, method: str) -> dict[str, dict]:
    operation = document["paths"][path][method]
    return {p["name"]: p for p in operation["parameters"]}


def test_the_cursor_has_the_shape_of_the_cursors_given_out(document, buf):
    cursor_parameter = parameters(document, "/departments/{department}/cases", "get")["cursor"]
    pattern = cursor_parameter["schema"]["pattern"]
    for _ in range(2):
        new_case(buf)
    page = buf.get("/departments/buf/cases", limit=1).json
    assert re.fullmatch(pattern, page["next_cursor"])
    assert not re.fullmatch(pattern, "any string at all")
    operation = document["paths"]["/departments/{department}/cases"]["get"]
    assert "cursor" in operation["responses"]["400"]["description"]


def test_a_cursor_of_the_right_shape_that_was_never_given_out_is_refused(buf):
    answer = buf.get("/departments/buf/cases", cursor="YWZ0ZXI6xx")
    assert answer.status_code == 400
    assert answer.json["errors"][0]["parameter"] == "cursor"


def test_the_idempotency_key_has_no_fixed_example(document):
    for path in document["paths"].values():
        for operation in path.values():
            for parameter in operation["parameters"]:
                if parameter["name"] != "Idempotency-Key":
                    continue
                assert "example" not in parameter and "examples" not in parameter
                assert "examples" not in parameter["schema"]
                assert "new random key" in parameter["description"]
