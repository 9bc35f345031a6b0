"""A department's client may only change (and read) its own department's records: touching the
other department's answers 403 and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import (
    AuditEntry,
    Case,
    CaseEvent,
    CaseType,
    Child,
    ChildOffer,
    ClockAdjustment,
    ExternalReference,
    Family,
    Meeting,
    OutboxMessage,
    Stage,
)
from tests.api.conftest import first_stage_code, new_case, new_family, unique

COUNTED = (
    Case,
    CaseEvent,
    CaseType,
    ChildOffer,
    ClockAdjustment,
    Meeting,
    Stage,
    AuditEntry,
    OutboxMessage,
)


def snapshot(app, department: str, case_id: str) -> dict:
    with app.app_context():
        case = db.session.scalar(select(Case).where(Case.external_id == case_id))
        state = {
            model.__name__: db.session.scalar(select(func.count()).select_from(model))
            for model in COUNTED
        }
        state["case"] = (case.opened_on, case.closed_on, case.holder_team, len(case.stages))
        db.session.remove()
    return state


def attempts(owner, intruder, case_id: str, child_id: str, stage_code: str) -> list[tuple]:
    """Every write an intruder could try on the owner's records."""
    base = f"/departments/{owner.department}"
    event = {
        "kind": "note",
        "visibility": "family",
        "occurred_at": "2025-02-01T10:00:00+01:00",
        "summary": {"da": "Ændret af den anden forvaltning"},
    }
    return [
        (
            "put",
            f"{base}/cases/{case_id}",
            {
                "child_id": child_id,
                "case_type": "x",
                "opened_on": "2025-01-01",
                "closed_on": "2025-01-02",
            },
        ),
        (
            "post",
            f"{base}/cases/{case_id}/stages",
            {"stage_type": stage_code, "started_on": "2025-01-10"},
        ),
        ("put", f"{base}/cases/{case_id}/events/{unique()}", event),
        (
            "put",
            f"{base}/cases/{case_id}/clock-adjustments/{unique()}",
            {
                "kind": "extension",
                "starts_on": "2025-01-10",
                "extra_days": 30,
                "reason": {"da": "Forlænget"},
            },
        ),
        (
            "put",
            f"{base}/meetings/{unique()}",
            {
                "family_id": "x",
                "kind": "samtale",
                "title": "M",
                "starts_at": "2025-02-01T10:00:00+01:00",
                "ends_at": "2025-02-01T11:00:00+01:00",
            },
        ),
        (
            "put",
            f"{base}/child-offers/{unique()}",
            {"child_id": child_id, "offer": "aflastning", "status": "granted"},
        ),
        ("put", f"{base}/staff/{unique()}", {"name": "Indtrængende"}),
        (
            "put",
            f"{base}/case-types/{unique('ct').lower()}",
            {
                "name": {"da": "X"},
                "stage_types": [{"code": "a", "name": {"da": "A"}, "citizen_text": {"da": "A"}}],
            },
        ),
    ]


@pytest.mark.parametrize("owner_name, intruder_name", [("sof", "buf"), ("buf", "sof")])
def test_a_client_cannot_change_the_other_departments_case(
    app, buf, sof, owner_name, intruder_name
):
    owner, intruder = {"buf": buf, "sof": sof}[owner_name], {"buf": buf, "sof": sof}[intruder_name]
    case_id, child_id = new_case(owner)
    stage_code = first_stage_code(app, owner.department)
    assert (
        owner.post(
            f"/departments/{owner.department}/cases/{case_id}/stages",
            {"stage_type": stage_code, "started_on": "2025-01-06"},
        ).status_code
        == 201
    )
    before = snapshot(app, owner.department, case_id)
    for method, path, body in attempts(owner, intruder, case_id, child_id, stage_code):
        answer = getattr(intruder, method)(path, body)
        assert answer.status_code == 403, (path, answer.get_data(as_text=True))
        assert answer.mimetype == "application/problem+json"
    batch = intruder.post(
        "/batch",
        {
            "operations": [
                {
                    "op": "put_staff",
                    "department": intruder.department,
                    "staff": unique(),
                    "body": {"name": "Egen medarbejder"},
                },
                {
                    "op": "post_stage",
                    "department": owner.department,
                    "case": case_id,
                    "body": {"stage_type": stage_code, "started_on": "2025-02-01"},
                },
            ]
        },
    )
    assert batch.status_code == 403 and batch.json["operation"] == 1
    assert snapshot(app, owner.department, case_id) == before


def test_reading_the_other_departments_records_is_refused(app, buf, sof):
    case_id, _ = new_case(sof)
    for path in (
        f"/departments/sof/cases/{case_id}",
        "/departments/sof/cases",
        f"/departments/sof/cases/{case_id}/events",
        "/departments/sof/meetings",
        "/departments/sof/staff",
        "/departments/sof/child-offers",
    ):
        answer = buf.get(path)
        assert answer.status_code == 403, path
    # Under its own department the other's external id simply does not exist.
    assert buf.get(f"/departments/buf/cases/{case_id}").status_code == 404


def test_a_case_type_of_the_other_department_cannot_be_taken_over(app, buf):
    body = {
        "name": {"da": "Overtaget"},
        "stage_types": [{"code": "a", "name": {"da": "A"}, "citizen_text": {"da": "A"}}],
    }
    answer = buf.put("/departments/buf/case-types/boernefaglig-undersoegelse", body)
    assert answer.status_code == 403
    with app.app_context():
        row = db.session.scalar(select(CaseType).filter_by(code="boernefaglig-undersoegelse"))
        assert row.name_da != "Overtaget" and len(row.stage_types) > 1
        db.session.remove()


def test_a_case_cannot_use_the_other_departments_case_type(app, buf):
    _, body = new_family(buf)
    answer = buf.put(
        f"/departments/buf/cases/{unique()}",
        {
            "child_id": body["children"][0]["external_id"],
            "case_type": "boernefaglig-undersoegelse",
            "opened_on": "2025-01-01",
        },
    )
    assert answer.status_code == 422
    assert answer.json["errors"][0]["pointer"] == "#/case_type"


def test_families_are_shared_and_matched_by_person_number(app, buf, sof):
    buf_family, body = new_family(buf)
    child = body["children"][0]
    sof_child_id = unique("SOF-CHILD")
    sof_family = unique("SOF-FAM")
    answer = sof.put(
        f"/families/{sof_family}",
        {
            "display_name": "Familien Test",
            "children": [{**child, "external_id": sof_child_id, "school": "Ny skole"}],
            "guardians": [
                {
                    "person_number": "1111111111",
                    "name": "Anden forælder",
                    "access_level": "information",
                }
            ],
        },
    )
    assert answer.status_code == 201, answer.get_data(as_text=True)
    assert [c["external_id"] for c in answer.json["children"]] == [sof_child_id]
    # One family in the portal, but each department reads back only what it stated itself
    # (docs/access.md, S1 and S4).
    seen_by_buf = buf.get(f"/families/{buf_family}").json
    assert seen_by_buf["children"][0]["external_id"] == child["external_id"]
    assert seen_by_buf["children"][0]["school"] is None
    assert {g["name"] for g in seen_by_buf["guardians"]} == {"Test Forælder"}
    assert {g["name"] for g in answer.json["guardians"]} == {"Anden forælder"}
    with app.app_context():
        [family] = db.session.scalars(
            select(Family)
            .join(Child)
            .where(Child.person_number_hash.is_not(None))
            .where(
                Child.id
                == select(ExternalReference.child_id)
                .where(ExternalReference.external_id == sof_child_id)
                .scalar_subquery()
            )
        ).all()
        assert len(family.statements) == 2
        assert family.children[0].school == "Ny skole"  # BUF stated none; SOF's shows
        db.session.remove()
    # SOF's case is for the same child, under SOF's own child id.
    sof_case, _ = new_case(sof, sof_child_id)
    assert sof.get(f"/departments/sof/cases/{sof_case}").json["child_id"] == sof_child_id
