"""Idempotency-Key on every write: a replay answers the first answer and changes nothing."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import AuditEntry, CaseEvent, OutboxMessage, Stage
from tests.api.conftest import first_stage_code, new_case, unique


def counts(app) -> dict:
    with app.app_context():
        found = {
            m.__name__: db.session.scalar(select(func.count()).select_from(m))
            for m in (CaseEvent, Stage, AuditEntry, OutboxMessage)
        }
        db.session.remove()
    return found


def test_replaying_a_write_changes_nothing(app, buf):
    case_id, _ = new_case(buf)
    path = f"/departments/buf/cases/{case_id}/stages"
    key = str(uuid.uuid4())
    body = {"stage_type": first_stage_code(app, "buf"), "started_on": "2025-01-07"}
    first = buf.post(path, body, key=key)
    assert first.status_code == 201
    before = counts(app)
    replay = buf.post(path, body, key=key)
    assert replay.status_code == 201
    assert replay.get_data() == first.get_data()
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert counts(app) == before


def test_replaying_a_batch_changes_nothing(app, buf):
    case_id, _ = new_case(buf)
    key = str(uuid.uuid4())
    body = {
        "operations": [
            {
                "op": "put_case_event",
                "department": "buf",
                "case": case_id,
                "event": unique(),
                "body": {
                    "kind": "decision",
                    "visibility": "family",
                    "occurred_at": "2025-02-01T10:00:00+01:00",
                    "summary": {"da": "Afgørelse"},
                },
            }
        ]
    }
    first = buf.post("/batch", body, key=key)
    assert first.status_code == 200
    before = counts(app)
    assert buf.post("/batch", body, key=key).get_data() == first.get_data()
    assert counts(app) == before


def test_the_same_key_for_another_request_is_refused(app, buf):
    key = str(uuid.uuid4())
    path = f"/departments/buf/staff/{unique()}"
    assert buf.put(path, {"name": "Første"}, key=key).status_code == 201
    answer = buf.put(path, {"name": "Anden"}, key=key)
    assert answer.status_code == 422
    assert answer.json["type"].endswith("idempotency-key-reused")
    assert answer.json["errors"] == [
        {"detail": "already used for a different request", "header": "Idempotency-Key"}
    ]
    assert buf.get(path).json["name"] == "Første"


def test_the_same_body_with_different_formatting_is_a_replay(app, buf):
    key = str(uuid.uuid4())
    path = f"/api/v1/departments/buf/staff/{unique()}"
    headers = buf.headers(key) | {"Content-Type": "application/json"}
    first = buf.http.put(path, data='{"name": "Sara", "role": "staff"}', headers=headers)
    second = buf.http.put(path, data='{"role":"staff","name":"Sara"}', headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.headers.get("Idempotent-Replayed") == "true"


def test_keys_belong_to_one_client(app, buf, sof):
    key = str(uuid.uuid4())
    staff_id = unique()
    assert buf.put(f"/departments/buf/staff/{staff_id}", {"name": "B"}, key=key).status_code == 201
    answer = sof.put(f"/departments/sof/staff/{staff_id}", {"name": "S"}, key=key)
    assert answer.status_code == 201 and "Idempotent-Replayed" not in answer.headers


def test_a_write_without_a_key_is_refused(app, buf):
    answer = buf.http.put(
        f"/api/v1/departments/buf/staff/{unique()}",
        json={"name": "Uden nøgle"},
        headers=buf.headers(False),
    )
    assert answer.status_code == 400
    assert answer.json["errors"][0]["header"] == "Idempotency-Key"


def test_a_refused_write_can_be_sent_again_with_the_same_key(app, buf):
    key = str(uuid.uuid4())
    path = f"/departments/buf/cases/{unique()}"
    body = {"child_id": unique(), "case_type": "ppr-vurdering", "opened_on": "2025-01-01"}
    assert buf.put(path, body, key=key).status_code == 422
    _, child_id = new_case(buf)
    assert buf.put(path, body | {"child_id": child_id}, key=key).status_code == 201
