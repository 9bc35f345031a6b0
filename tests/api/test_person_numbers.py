"""The person number travels only in request bodies: it is never echoed in a response (not even
in an error about it), never written to a log line, and never stored."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEntry, IdempotencyRecord, OutboxMessage
from tests.api.conftest import family_body, make_api_user, person_number, unique

LOGGERS = ("sqlalchemy.engine", "authlib", "portal", "werkzeug", "flask_limiter", "alembic")


@pytest.fixture
def debug_logs(caplog):
    """Every log line at DEBUG, SQL statements with their parameters included."""
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def forms(number: str) -> list[str]:
    return [number, f"{number[:6]}-{number[6:]}"]


def test_the_person_number_never_appears_in_a_response_or_log_line(app, debug_logs):
    api = make_api_user(app, "buf")
    child_number, guardian_number = person_number(), person_number()
    child_id, family_id = unique("CHILD"), unique("FAM")
    child = {
        "external_id": child_id,
        "person_number": child_number,
        "first_name": "Ida",
        "last_name": "Test",
        "birth_date": "2016-05-01",
    }
    guardian = {
        "person_number": f"{guardian_number[:6]}-{guardian_number[6:]}",
        "name": "Forælder",
        "access_level": "custody",
    }
    body = family_body(children=[child], guardians=[guardian])
    assert api.put(f"/families/{family_id}", body, key="family-1").status_code == 201
    api.put(f"/families/{family_id}", body, key="family-1")  # a replay
    api.get(f"/families/{family_id}")
    api.get("/families")
    # Refusals about the number itself, or with it in odd places.
    api.put(f"/families/{unique()}", family_body(children=[child | {"external_id": unique()}]))
    api.put(f"/families/{family_id}", family_body(children=[child, child]))
    api.put(f"/families/{family_id}", body | {child_number: "as a key"})
    api.put(
        f"/families/{family_id}",
        family_body(children=[child | {"person_number": child_number + "9"}]),
    )
    api.put(f"/families/{family_id}", family_body(guardians=[guardian | {"name": 7}]))
    meeting = {
        "family_id": family_id,
        "kind": "samtale",
        "title": "Samtale",
        "starts_at": "2025-03-03T10:00:00+01:00",
        "ends_at": "2025-03-03T11:00:00+01:00",
        "participants": [{"kind": "guardian", "person_number": guardian_number}],
    }
    assert api.put(f"/departments/buf/meetings/{unique()}", meeting).status_code == 201
    api.put(
        f"/departments/buf/meetings/{unique()}",
        meeting | {"participants": [{"kind": "guardian", "person_number": child_number}]},
    )
    api.post(
        "/batch",
        {
            "operations": [
                {"op": "put_family", "family": family_id, "body": body},
                {
                    "op": "put_family",
                    "family": unique(),
                    "body": family_body(children=[child | {"external_id": unique()}]),
                },
            ]
        },
    )
    api.http.put(
        f"/api/v1/families/{family_id}",
        data=f'{{"x": "{child_number}"',
        headers=api.headers() | {"Content-Type": "application/json"},
    )

    assert len(api.responses) >= 12
    assert {r.status_code for r in api.responses} >= {200, 201, 422}
    secrets = forms(child_number) + forms(guardian_number)
    for response in api.responses:
        text = response.get_data(as_text=True)
        assert not any(s in text for s in secrets), (response.request.path, text)
    assert any(r.name.startswith("sqlalchemy.engine") for r in debug_logs.records)
    for record in debug_logs.records:
        line = record.getMessage()
        assert not any(s in line for s in secrets), line
    with app.app_context():
        stored = [r.response_body for r in db.session.scalars(select(IdempotencyRecord))]
        stored += [str(r.payload) for r in db.session.scalars(select(OutboxMessage))]
        stored += [str(r.detail) for r in db.session.scalars(select(AuditEntry))]
        db.session.remove()
    assert not any(s in text for s in secrets for text in stored)
