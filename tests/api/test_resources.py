"""The resources behave as documented: stage changes, clocks, meetings, events out (outbox),
the audit log, reading back in pages, and clear problems for bad input."""

from __future__ import annotations

from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEntry, Case, OutboxMessage
from tests.api.conftest import first_stage_code, new_case, new_family, person_number, unique


def outbox_for(app, case_id: str) -> list[OutboxMessage]:
    with app.app_context():
        case = db.session.scalar(select(Case).filter_by(external_id=case_id))
        found = db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.family_id == case.child.family_id)
            .order_by(OutboxMessage.id)
        ).all()
        db.session.expunge_all()
        db.session.remove()
    return found


def test_a_stage_change_closes_the_open_stage_and_tells_the_family(app, buf):
    case_id, _ = new_case(buf)
    first, second = first_stage_code(app, "buf"), first_stage_code(app, "buf", position=2)
    path = f"/departments/buf/cases/{case_id}/stages"
    assert buf.post(path, {"stage_type": first, "started_on": "2025-01-06"}).status_code == 201
    staff_id = unique("STAFF")
    buf.put(f"/departments/buf/staff/{staff_id}", {"name": "Line"})
    moved = buf.post(
        path,
        {
            "stage_type": second,
            "started_on": "2025-01-20",
            "holder": {"staff_id": staff_id, "team": "PPR Nord"},
        },
    )
    assert moved.status_code == 201
    assert moved.json["holder"] == {"department": "buf", "staff_id": staff_id, "team": "PPR Nord"}
    stages = buf.get(path).json["items"]
    assert [(s["stage_type"], s["started_on"], s["ended_on"]) for s in stages] == [
        (first, "2025-01-06", "2025-01-20"),
        (second, "2025-01-20", None),
    ]
    assert buf.get(f"/departments/buf/cases/{case_id}").json["current_stage"] == second
    # The same stage again only changes the holder.
    same = buf.post(path, {"stage_type": second, "started_on": "2025-01-20"})
    assert same.status_code == 200 and same.json["holder"] is None
    messages = outbox_for(app, case_id)
    assert [m.kind for m in messages] == ["stage_started", "stage_started"]
    assert all(set(m.payload) == {"case_id", "stage_id"} for m in messages)


def test_a_stage_cannot_start_before_the_open_one(app, buf):
    case_id, _ = new_case(buf)
    path = f"/departments/buf/cases/{case_id}/stages"
    buf.post(path, {"stage_type": first_stage_code(app, "buf"), "started_on": "2025-03-01"})
    answer = buf.post(
        path, {"stage_type": first_stage_code(app, "buf", position=2), "started_on": "2025-02-28"}
    )
    assert answer.status_code == 422
    assert answer.json["errors"][0]["pointer"] == "#/started_on"
    unknown = buf.post(path, {"stage_type": "not-a-stage", "started_on": "2025-03-02"})
    assert unknown.status_code == 422
    assert len(buf.get(path).json["items"]) == 1


def test_a_pause_is_opened_and_ended_by_its_external_id(app, buf):
    case_id, _ = new_case(buf)
    path = f"/departments/buf/cases/{case_id}"
    pause = f"{path}/clock-adjustments/{unique('P')}"
    body = {"kind": "pause", "starts_on": "2025-02-01", "reason": {"da": "Vi venter på lægen."}}
    assert buf.put(pause, body).status_code == 422, "no open stage yet"
    buf.post(
        f"{path}/stages", {"stage_type": first_stage_code(app, "buf"), "started_on": "2025-01-06"}
    )
    assert buf.put(pause, body).status_code == 201
    ended = buf.put(pause, body | {"ends_on": "2025-02-10"})
    assert ended.status_code == 200 and ended.json["ends_on"] == "2025-02-10"
    wrong = buf.put(pause, body | {"extra_days": 5})
    assert wrong.status_code == 422
    items = buf.get(f"{path}/clock-adjustments").json["items"]
    assert [(a["kind"], a["ends_on"]) for a in items] == [("pause", "2025-02-10")]


def test_meetings_notify_when_planned_moved_and_cancelled(app, buf):
    family_id, family = new_family(buf)
    case_id, _ = new_case(buf, family["children"][0]["external_id"])
    guardian_number = family["guardians"][0]["person_number"]
    path = f"/departments/buf/meetings/{unique('M')}"
    body = {
        "family_id": family_id,
        "case_id": case_id,
        "kind": "tvaerfagligt",
        "title": "Tværfagligt møde",
        "starts_at": "2025-05-06T09:00:00+02:00",
        "ends_at": "2025-05-06T10:00:00+02:00",
        "participants": [
            {"kind": "guardian", "person_number": guardian_number, "role": "mor"},
            {"kind": "other", "name": "Klasselærer"},
        ],
    }
    created = buf.put(path, body)
    assert created.status_code == 201
    assert created.json["starts_at"] == "2025-05-06T07:00:00Z"
    assert [p["name"] for p in created.json["participants"]] == ["Test Forælder", "Klasselærer"]
    assert not any(p["added_in_portal"] for p in created.json["participants"])  # all sent
    assert buf.put(path, body | {"title": "Nyt navn"}).status_code == 200
    moved = body | {
        "starts_at": "2025-05-07T09:00:00+02:00",
        "ends_at": "2025-05-07T10:00:00+02:00",
    }
    assert buf.put(path, moved).status_code == 200
    assert buf.put(path, moved | {"status": "cancelled"}).status_code == 200
    kinds = [m.kind for m in outbox_for(app, case_id)]
    assert kinds == ["meeting_planned", "meeting_moved", "meeting_cancelled"]
    backwards = buf.put(path, body | {"ends_at": "2025-05-06T08:00:00+02:00"})
    assert backwards.status_code == 422
    stranger = body | {"participants": [{"kind": "guardian", "person_number": person_number()}]}
    assert buf.put(path, stranger).status_code == 422


def test_a_decision_for_the_family_is_news_and_internal_notes_are_not(app, buf):
    case_id, _ = new_case(buf)
    path = f"/departments/buf/cases/{case_id}/events"
    note = {
        "kind": "note",
        "visibility": "internal",
        "occurred_at": "2025-02-01T10:00:00+01:00",
        "summary": {"da": "Intern note"},
    }
    decision = note | {"kind": "decision", "visibility": "family", "summary": {"da": "Bevilget."}}
    buf.put(f"{path}/{unique()}", note)
    buf.put(f"{path}/{unique()}", decision)
    messages = outbox_for(app, case_id)
    assert [m.kind for m in messages] == ["decision_made"]
    assert set(messages[0].payload) == {"case_id", "event_id"}
    assert messages[0].status == "pending"


def test_the_outbox_carries_ids_only(app, buf):
    case_id, _ = new_case(buf)
    buf.put(
        f"/departments/buf/cases/{case_id}/events/{unique()}",
        {
            "kind": "decision",
            "visibility": "family",
            "occurred_at": "2025-02-01T10:00:00+01:00",
            "summary": {"da": "Meget personlig begrundelse"},
        },
    )
    for message in outbox_for(app, case_id):
        assert all(isinstance(v, int) for v in message.payload.values())
        assert "begrundelse" not in str(message.payload)


def test_writes_to_family_data_are_audited_as_the_api_client(app, buf):
    family_id, _ = new_family(buf)
    with app.app_context():
        entries = db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.detail == "api: family", AuditEntry.action == "write")
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).all()
        (entry,) = entries
        assert (entry.actor_kind, entry.actor_department, entry.action) == ("api", "buf", "write")
        assert entry.actor_name.startswith("test buf") and entry.family_id is not None
        db.session.remove()


def test_lists_are_read_back_in_pages_with_a_cursor(app, buf):
    case_id, _ = new_case(buf)
    path = f"/departments/buf/cases/{case_id}/events"
    event = {
        "kind": "note",
        "visibility": "family",
        "occurred_at": "2025-02-01T10:00:00+01:00",
        "summary": {"da": "Notat"},
    }
    sent = [unique("EV") for _ in range(5)]
    for event_id in sent:
        buf.put(f"{path}/{event_id}", event)
    seen, cursor = [], None
    for _ in range(5):
        page = buf.get(path, limit=2, **({"cursor": cursor} if cursor else {})).json
        seen += [item["external_id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sent
    assert buf.get(path, cursor="not-a-cursor").status_code == 400
    assert buf.get(path, limit=0).status_code == 400
    assert buf.get(path, colour="blue").status_code == 400


def test_bad_input_gets_a_problem_with_field_errors(app, buf):
    answer = buf.put(
        f"/departments/buf/cases/{unique()}",
        {
            "child_id": "x",
            "case_type": "ppr-vurdering",
            "opened_on": "01-02-2025",
            "colour": "blue",
            "holder": {},
        },
    )
    assert answer.status_code == 422
    assert answer.mimetype == "application/problem+json"
    pointers = {e["pointer"] for e in answer.json["errors"]}
    assert pointers == {"#/opened_on", "#/colour", "#/holder"}
    not_json = buf.http.put(
        f"/api/v1/departments/buf/staff/{unique()}",
        data="{not json",
        headers=buf.headers() | {"Content-Type": "application/json"},
    )
    assert not_json.status_code == 400 and not_json.mimetype == "application/problem+json"
    as_form = buf.http.put(
        f"/api/v1/departments/buf/staff/{unique()}", data={"name": "x"}, headers=buf.headers()
    )
    assert as_form.status_code == 415
    bad_id = buf.put("/departments/buf/staff/has space", {"name": "x"})
    assert bad_id.status_code == 400 and bad_id.json["errors"][0]["parameter"] == "staff"
    wrong_method = buf.http.delete("/api/v1/families", headers=buf.headers())
    assert wrong_method.status_code == 405 and wrong_method.mimetype == "application/problem+json"
    nul = buf.put(f"/departments/buf/staff/{unique()}", {"name": "a\u0000b"})
    assert nul.status_code == 422
    too_early = buf.put(
        f"/departments/buf/cases/{unique()}",
        {"child_id": "x", "case_type": "ppr-vurdering", "opened_on": "0001-01-01"},
    )
    assert too_early.status_code == 422


def test_a_too_large_body_is_refused(app, buf):
    app.config["API_MAX_BODY_BYTES"], before = 1000, app.config["API_MAX_BODY_BYTES"]
    try:
        answer = buf.put(f"/departments/buf/staff/{unique()}", {"name": "x" * 2000})
    finally:
        app.config["API_MAX_BODY_BYTES"] = before
    assert answer.status_code == 413 and answer.mimetype == "application/problem+json"


def test_the_catalogue_can_be_kept_current(app, buf, sof):
    code = unique("offer").lower()
    body = {
        "department": "buf",
        "name": {"da": "Nyt tilbud"},
        "summary": {"da": "Om det."},
        "who_decides": {"da": "Skolen."},
        "how_to_ask": {"da": "Spørg skolen."},
    }
    assert buf.put(f"/offers/{code}", body).status_code == 201
    assert sof.put(f"/offers/{code}", body | {"department": None}).status_code == 403
    assert sof.get(f"/offers/{code}").json["department"] == "buf"
    joint = unique("joint").lower()
    assert buf.put(f"/offers/{joint}", body | {"department": None}).status_code == 201
    assert sof.put(f"/offers/{joint}", body | {"department": None}).status_code == 200
    slug = unique("ord").lower()
    term = {"term": {"da": "Ord"}, "explanation": {"da": "Et ord."}}
    assert sof.put(f"/glossary/{slug}", term).status_code == 201
    assert buf.put(f"/glossary/{slug}", term).status_code == 200
    case_type = unique("type").lower()
    stages = [{"code": c, "name": {"da": c}, "citizen_text": {"da": c}} for c in ("a", "b", "c")]
    assert (
        buf.put(
            f"/departments/buf/case-types/{case_type}", {"name": {"da": "T"}, "stage_types": stages}
        ).status_code
        == 201
    )
    reordered = buf.put(
        f"/departments/buf/case-types/{case_type}",
        {"name": {"da": "T"}, "stage_types": stages[::-1][:2]},
    )
    assert [s["code"] for s in reordered.json["stage_types"]] == ["c", "b"]


def test_a_legal_clock_can_be_given_in_calendar_months(buf):
    code = unique("type").lower()
    stage = {"code": "undersoegelse", "name": {"da": "U"}, "citizen_text": {"da": "U."}}
    monthly = stage | {"norm_months": 4, "deadline_kind": "legal", "legal_basis": "§ 20"}
    answer = buf.put(
        f"/departments/buf/case-types/{code}", {"name": {"da": "T"}, "stage_types": [monthly]}
    )
    assert answer.status_code == 201, answer.json
    (written,) = answer.json["stage_types"]
    assert (written["norm_months"], written["norm_days"]) == (4, None)
    both = monthly | {"norm_days": 120}
    refused = buf.put(
        f"/departments/buf/case-types/{code}", {"name": {"da": "T"}, "stage_types": [both]}
    )
    assert refused.status_code == 422
    assert "norm_months" in refused.json["errors"][0]["pointer"]
