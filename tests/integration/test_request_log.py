"""Every log line of a request carries its id, as JSON, and never a person number."""

from __future__ import annotations

import json
import logging

import pytest

from portal.demo.identities import CPR_CLAIM, LOA_CLAIM
from portal.request_log import HEADER, JsonFormatter

PERSON_NUMBER = "0101801234"


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def json_lines(app):
    handler = Lines()
    app.logger.addHandler(handler)
    yield handler.lines
    app.logger.removeHandler(handler)


def test_a_refused_login_is_logged_as_json_with_the_request_id(app, identity_provider, json_lines):
    # Too low an assurance level: refused, and the operator is told in a log line.
    identity_provider.add_user(
        "stranger-log", {"name": "Ukendt", CPR_CLAIM: PERSON_NUMBER, LOA_CLAIM: "Low"}
    )
    client = app.test_client()
    start = client.get("/log-ind/citizen")
    callback = identity_provider.approve(start.headers["Location"], "stranger-log")
    response = client.get(
        callback.replace("http://localhost", ""), headers={HEADER: "proxy-id-12345678"}
    )
    assert response.status_code == 403
    assert response.headers[HEADER] == "proxy-id-12345678"
    entries = [json.loads(line) for line in json_lines]
    refused = [e for e in entries if e["message"].startswith("login refused")]
    assert refused and all(e["request_id"] == "proxy-id-12345678" for e in refused)
    assert all(e["level"] == "WARNING" for e in refused)
    assert not any("0101801234" in line or "010180-1234" in line for line in json_lines)


@pytest.mark.parametrize("offered", [None, "short", 'x" forged=1 "' * 3, "a" * 200])
def test_a_missing_or_malformed_request_id_is_replaced(client, offered):
    headers = {HEADER: offered} if offered else {}
    given = client.get("/healthz", headers=headers).headers[HEADER]
    assert given != offered and len(given) == 32
    assert client.get("/healthz").headers[HEADER] != given  # one per request


def test_the_json_formatter_masks_person_numbers_whoever_logged_them():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "cpr %s", ("010180-1234",), None)
    line = JsonFormatter().format(record)
    assert json.loads(line)["message"] == "cpr [person number]"
