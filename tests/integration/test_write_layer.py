"""One write layer for every door: the demo data, the test data, the API, the staff and the
family pages all change family data through portal/records, and every change leaves its audit
entry naming the door it came through.

The demo data is checked on a database of its own, seeded and nothing else, so every family row
in it must be accounted for."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from portal.audit import actor_columns
from portal.demo.seed import DEMO_PREFIX, seed_demo
from portal.extensions import db
from portal.models import (
    AuditEntry,
    Case,
    CaseEvent,
    Child,
    ChildOffer,
    ClockAdjustment,
    Department,
    Family,
    Guardian,
    Meeting,
    OutboxMessage,
    StaffMember,
    Stage,
    Update,
)
from portal.records import Forbidden, system_actor, unit_of_work
from portal.records import cases as case_records
from portal.records import families as family_records
from portal.records.guardians import choose_contact, guardian_actor
from portal.records.staff import staff_actor
from portal.records.updates import post_update
from tests.conftest import TEST_PERSON_NUMBER_KEY, login, migrated_app, own_database
from tests.factories import make_family, staff_of

# Every kind of family row, with the object type its audit entries name.
FAMILY_ROWS = {
    Family: "family",
    Guardian: "guardian",
    Child: "child",
    Case: "case",
    Stage: "stage",
    ClockAdjustment: "clock_adjustment",
    CaseEvent: "case_event",
    ChildOffer: "child_offer",
    Meeting: "meeting",
    Update: "update",
}


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory, identity_provider):
    """An app whose database holds the demo data and nothing else."""
    database = own_database(tmp_path_factory, "write_layer")
    apps = migrated_app(next(database), identity_provider.url)
    yield next(apps)
    for finish in (apps, database):
        next(finish, None)


@pytest.fixture
def demo_session(demo_app):
    with demo_app.app_context():
        yield db.session
        db.session.rollback()
        db.session.remove()


def family_of(row) -> int:
    """The family a row's audit entry belongs to."""
    if isinstance(row, Family):
        return row.id
    if isinstance(row, ClockAdjustment):
        row = row.stage
    if isinstance(row, Stage | CaseEvent):
        row = row.case
    if isinstance(row, Case | ChildOffer):
        row = row.child
    return row.family_id


def written(session, object_type: str) -> dict[int, AuditEntry]:
    entries = session.scalars(
        select(AuditEntry).filter_by(action="write", object_type=object_type)
    ).all()
    return {entry.object_id: entry for entry in entries}


def test_every_family_row_of_the_demo_was_written_by_the_system(demo_session):
    families = demo_session.scalars(select(Family)).all()
    assert families and all(f.external_id.startswith(DEMO_PREFIX) for f in families)
    for model, object_type in FAMILY_ROWS.items():
        rows = demo_session.scalars(select(model)).all()
        entries = written(demo_session, object_type)
        assert rows, model.__name__
        missing = [row.id for row in rows if row.id not in entries]
        assert missing == [], f"{model.__name__} rows without an audit entry: {missing}"
        for row in rows:
            entry = entries[row.id]
            assert (entry.actor_kind, entry.actor_name) == ("system", "demo data")
            assert entry.actor_id is None and entry.actor_department is None
            assert entry.detail.startswith("system: "), entry.detail
            assert entry.family_id == family_of(row)


def test_every_demo_family_has_the_systems_entries(demo_session):
    by_family = Counter(
        demo_session.execute(
            select(AuditEntry.family_id).where(
                AuditEntry.actor_kind == "system", AuditEntry.detail.startswith("system: ")
            )
        ).scalars()
    )
    family_ids = demo_session.scalars(select(Family.id)).all()
    assert all(by_family[family_id] >= 5 for family_id in family_ids), by_family


def test_the_demo_tells_nobody_and_seeding_again_writes_nothing(demo_session):
    assert demo_session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    before = demo_session.scalar(select(func.count()).select_from(AuditEntry))
    assert seed_demo(demo_session, TEST_PERSON_NUMBER_KEY, today=date.today()) is False
    assert demo_session.scalar(select(func.count()).select_from(AuditEntry)) == before


def test_the_access_log_shows_staff_looks_not_the_systems_writes(demo_app, identity_provider):
    """A family's "who has looked" page lists staff; the demo data's writes are not looks."""
    with demo_app.app_context():
        hansen = db.session.scalar(select(Family.id).filter_by(display_name="Familien Hansen"))
        db.session.remove()
    client = demo_app.test_client()
    login(client, identity_provider, "guardian-hansen-1")
    client.get("/sprog/en")
    page = client.get(f"/familier/{hansen}/adgangslog")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "demo data" not in html
    assert "No staff member has looked at your data in the portal yet." in html


def test_test_data_is_written_by_the_system_too(app, session):
    family = make_family(session, person_number="0909099999", key="skrevet", meetings=1)
    entries = session.scalars(select(AuditEntry).filter_by(family_id=family.id)).all()
    assert {(e.actor_kind, e.actor_name) for e in entries} == {("system", "test data")}
    assert {e.object_type for e in entries} >= set(FAMILY_ROWS.values())
    assert not session.scalar(select(OutboxMessage.id).filter_by(family_id=family.id))


def test_a_staff_members_change_names_the_staff_door(app, session):
    family = make_family(session, person_number="0909098888", key="personale", meetings=0)
    _, sof_staff = staff_of(session, "sof")
    author = sof_staff[0]
    with unit_of_work(session, staff_actor(author)) as unit:
        update = post_update(unit, family, author=author, body="Vi ses på torsdag.")
    entry = session.scalar(
        select(AuditEntry).filter_by(object_type="update", object_id=update.id, action="write")
    )
    assert (entry.actor_kind, entry.actor_id, entry.actor_name) == ("staff", author.id, author.name)
    assert (entry.actor_department, entry.detail) == ("sof", "staff: update")
    assert entry.family_id == family.id


def test_a_staff_member_changes_only_their_own_departments_records(app, session):
    family = make_family(session, person_number="0909097777", key="grænse", meetings=0)
    _, buf_staff = staff_of(session, "buf")
    _, sof_staff = staff_of(session, "sof")
    sof_case = session.scalar(
        select(Case)
        .join(Department, Case.department_id == Department.id)
        .where(Case.child_id == family.children[0].id, Department.code == "sof")
    )
    with pytest.raises(Forbidden), unit_of_work(session, staff_actor(buf_staff[0])) as unit:
        case_records.change_case(
            unit,
            sof_case,
            child=sof_case.child,
            case_type=sof_case.case_type,
            opened_on=sof_case.opened_on,
            closed_on=date.today(),
        )
    # An update goes out in the author's own name.
    with pytest.raises(Forbidden), unit_of_work(session, staff_actor(sof_staff[0])) as unit:
        post_update(unit, family, author=sof_staff[1], body="Ikke mit navn.")
    session.expire_all()
    assert sof_case.closed_on is None


def test_a_guardians_change_names_the_family_door(app, session):
    family = make_family(session, person_number="0909096666", key="profil", meetings=0)
    guardian = family.guardians[0]
    with unit_of_work(session, guardian_actor(guardian.name)) as unit:
        choose_contact(
            unit, [guardian], preferred_language="en", notify_by="sms", email=None, phone="+4512"
        )
    entry = session.scalar(
        select(AuditEntry)
        .filter_by(object_type="guardian", object_id=guardian.id, action="write")
        .order_by(AuditEntry.id.desc())
    )
    assert (entry.actor_kind, entry.actor_department, entry.detail) == (
        "guardian",
        None,
        "guardian: profile",
    )
    buf = session.scalar(select(Department).filter_by(code="buf"))
    # A guardian states nothing for a department.
    with pytest.raises(Forbidden), unit_of_work(session, guardian_actor(guardian.name)) as unit:
        family_records.state_family(unit, family, buf, display_name="Ny familie")


def test_the_system_acts_for_both_departments_with_no_department_of_its_own(app, session):
    actor = system_actor("demo data")
    buf, sof = (session.scalar(select(Department).filter_by(code=c)) for c in ("buf", "sof"))
    assert actor.acts_for(buf.id) and actor.acts_for(sof.id)
    assert actor_columns(actor) == {
        "actor_kind": "system",
        "actor_id": None,
        "actor_name": "demo data",
        "actor_department": None,
    }
    staff = session.scalar(select(StaffMember).filter_by(department_id=buf.id))
    assert staff_actor(staff).acts_for(buf.id) and not staff_actor(staff).acts_for(sof.id)
