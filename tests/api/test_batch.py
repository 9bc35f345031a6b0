"""Batch ingest: up to 1,000 operations in one transaction, all or nothing."""

from __future__ import annotations

from sqlalchemy import func, select

from portal.extensions import db
from portal.models import AuditEntry, CaseEvent, OutboxMessage
from tests.api.conftest import first_stage_code, new_case, new_family, unique


def event_op(case_id: str, event_id: str | None = None, **body) -> dict:
    return {
        "op": "put_case_event",
        "department": "buf",
        "case": case_id,
        "event": event_id or unique("EV"),
        "body": {
            "kind": "note",
            "visibility": "family",
            "occurred_at": "2025-02-01T10:00:00+01:00",
            "summary": {"da": "Notat"},
        }
        | body,
    }


def rows(app) -> dict:
    with app.app_context():
        found = {
            m.__name__: db.session.scalar(select(func.count()).select_from(m))
            for m in (CaseEvent, AuditEntry, OutboxMessage)
        }
        db.session.remove()
    return found


def test_a_batch_applies_every_operation_and_lists_the_results(app, buf):
    _, family = new_family(buf)
    child_id = family["children"][0]["external_id"]
    case_id = unique("CASE")
    operations = [
        {
            "op": "put_case",
            "department": "buf",
            "case": case_id,
            "body": {"child_id": child_id, "case_type": "ppr-vurdering", "opened_on": "2025-01-06"},
        },
        {
            "op": "post_stage",
            "department": "buf",
            "case": case_id,
            "body": {"stage_type": first_stage_code(app, "buf"), "started_on": "2025-01-06"},
        },
        *[event_op(case_id) for _ in range(5)],
        event_op(case_id, kind="decision", complaint_to="klagenaevnet"),
    ]
    answer = buf.post("/batch", {"operations": operations})
    assert answer.status_code == 200, answer.get_data(as_text=True)
    results = answer.json["results"]
    assert [r["index"] for r in results] == list(range(len(operations)))
    assert [r["status"] for r in results] == [201] * len(operations)
    assert results[0]["body"]["external_id"] == case_id
    assert (
        buf.get(f"/departments/buf/cases/{case_id}/events", limit=200).json["items"][5]["kind"]
        == "decision"
    )
    # Sending the same events again (another key) changes them in place.
    again = buf.post("/batch", {"operations": operations[2:]})
    assert [r["status"] for r in again.json["results"]] == [200] * (len(operations) - 2)


def test_a_batch_with_one_invalid_operation_changes_nothing(app, buf):
    case_id, _ = new_case(buf)
    before = rows(app)
    operations = [event_op(case_id) for _ in range(10)]
    operations[7]["body"]["occurred_at"] = "2025-02-01T10:00:00"  # no offset
    answer = buf.post("/batch", {"operations": operations})
    assert answer.status_code == 422
    assert answer.json["errors"][0]["pointer"] == "#/operations/7/body/occurred_at"
    assert rows(app) == before


def test_a_batch_with_one_refused_operation_changes_nothing(app, buf):
    case_id, _ = new_case(buf)
    before = rows(app)
    operations = [event_op(case_id) for _ in range(10)]
    operations.append(event_op(case_id, kind="note", complaint_to="ankestyrelsen"))
    operations.append(event_op(unique("NO-SUCH-CASE")))
    answer = buf.post("/batch", {"operations": operations})
    assert answer.status_code == 422
    assert answer.json["operation"] == 10
    assert answer.json["errors"][0]["pointer"] == "#/operations/10/body/complaint_to"
    assert rows(app) == before
    assert buf.get(f"/departments/buf/cases/{case_id}/events").json["items"] == []


def test_a_batch_is_at_most_1000_operations(app, buf):
    case_id, _ = new_case(buf)
    answer = buf.post("/batch", {"operations": [event_op(case_id) for _ in range(1001)]})
    assert answer.status_code == 422
    assert answer.json["errors"][0]["pointer"] == "#/operations"
    assert buf.post("/batch", {"operations": []}).status_code == 422


def test_unknown_operations_and_fields_are_refused(app, buf):
    answer = buf.post("/batch", {"operations": [{"op": "drop_tables", "body": {}}]})
    assert answer.status_code == 422
    case_id, _ = new_case(buf)
    operation = event_op(case_id)
    operation["body"]["secret_field"] = 1
    answer = buf.post("/batch", {"operations": [operation]})
    assert answer.status_code == 422
    assert answer.json["errors"][0]["pointer"] == "#/operations/0/body/secret_field"
