"""The API's size limits: the token endpoint takes a small form like every page, the JSON writes
keep their larger limit, and a refused body is never repeated in the answer."""

from __future__ import annotations

import json

from tests.api.conftest import basic_auth, family_body, unique

FIVE_MB = 5 * 1024 * 1024


def test_a_huge_token_request_is_refused_the_oauth_way(buf):
    marker = "huge-scope-"
    answer = buf.http.post(
        "/api/oauth/token",
        data={"grant_type": "client_credentials", "scope": marker + "x" * FIVE_MB},
        headers={"Authorization": basic_auth(buf.client_id, buf.secret)},
    )
    assert answer.status_code == 413
    assert answer.mimetype == "application/json"
    assert answer.json["error"] == "invalid_request"
    assert answer.json["error_description"]
    assert marker not in answer.get_data(as_text=True)
    assert answer.headers["Cache-Control"] == "no-store"


def test_a_json_write_may_be_larger_than_a_form(app, buf):
    body = family_body()
    body["guardians"] += [
        {"person_number": f"{n:010d}", "name": "x" * 190, "access_level": "custody"}
        for n in range(1000, 1800)
    ]
    assert len(json.dumps(body)) > app.config["MAX_CONTENT_LENGTH"]
    answer = buf.put(f"/families/{unique('FAM')}", body)
    assert answer.status_code == 422  # read and judged by its content: too many guardians
    assert answer.json["errors"][0]["pointer"] == "#/guardians"


def test_a_json_write_over_the_api_limit_is_a_problem(app, buf):
    marker = "huge-name-"
    body = family_body()
    body["display_name"] = marker + "x" * (app.config["API_MAX_BODY_BYTES"] + 1)
    answer = buf.put(f"/families/{unique('FAM')}", body)
    assert answer.status_code == 413
    assert answer.mimetype == "application/problem+json"
    assert answer.json["type"].endswith(":too-large")
    assert marker not in answer.get_data(as_text=True)
