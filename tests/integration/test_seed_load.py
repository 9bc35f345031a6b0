"""`flask --app portal seed-load --families N`: volume data that looks like the demo families
(both departments' statements, cases in BUF and SOF, meetings, conversations, audit), renders for
its own guardians and staff, keeps no person number in clear, and adds more on every run."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import (
    AuditEntry,
    Case,
    CaseEvent,
    Child,
    Family,
    Guardian,
    GuardianStatement,
    Meeting,
    Message,
    StaffMember,
    Thread,
    Update,
)
from portal.records.bulk_load import STAFF_TENANT, volume_person_number
from tests.conftest import login, migrated_app, own_database

FAMILIES = 30


@pytest.fixture(scope="module")
def volume_app(tmp_path_factory, identity_provider):
    """Its own database, so the volume families do not change what other tests count."""
    for database_url in own_database(tmp_path_factory, "volume"):
        yield from migrated_app(database_url, identity_provider.url)


@pytest.fixture(scope="module")
def loaded(volume_app):
    result = volume_app.test_cli_runner().invoke(args=["seed-load", "--families", str(FAMILIES)])
    assert result.exit_code == 0, result.output
    return result.output


def volume_families(session) -> list[Family]:
    return list(
        session.scalars(select(Family).where(Family.external_id.like("vol-%")).order_by(Family.id))
    )


def count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where))


def test_averages_are_near_the_spec(volume_app, loaded):
    assert "families" in loaded and " s." in loaded  # progress and elapsed time
    with volume_app.app_context():
        session = db.session
        family_ids = [family.id for family in volume_families(session)]
        assert len(family_ids) == FAMILIES
        in_volume = Child.family_id.in_(family_ids)
        children = count(session, Child, in_volume)
        cases = session.scalar(select(func.count(Case.id)).join(Child).where(in_volume))
        events = session.scalar(
            select(func.count(CaseEvent.id)).join(Case).join(Child).where(in_volume)
        )
        internal = session.scalar(
            select(func.count(CaseEvent.id))
            .join(Case)
            .join(Child)
            .where(in_volume, CaseEvent.visibility == "internal")
        )
        meetings = count(session, Meeting, Meeting.family_id.in_(family_ids))
        updates = count(session, Update, Update.family_id.in_(family_ids))
        messages = session.scalar(
            select(func.count(Message.id)).join(Thread).where(Thread.family_id.in_(family_ids))
        )
        audits = count(session, AuditEntry, AuditEntry.family_id.in_(family_ids))
        departments = set(
            session.scalars(
                select(Case.department_id).distinct().join(Child).where(in_volume)
            ).all()
        )

    assert 1.3 <= children / FAMILIES <= 1.9
    assert cases / children == 3
    assert events / cases == 12
    assert 0.05 < internal / events < 0.4  # mostly what the family sees, some internal
    assert meetings / FAMILIES == 4
    assert 8 <= (updates + messages) / FAMILIES <= 12
    assert audits / FAMILIES >= 20
    assert len(departments) == 2


def test_staff_caseloads_stay_within_five_to_two_hundred(volume_app, loaded):
    from portal.access import staff_assigned_to

    with volume_app.app_context():
        session = db.session
        staff = session.scalars(
            select(StaffMember).where(StaffMember.subject.like(f"{STAFF_TENANT}:%"))
        ).all()
        sizes = [
            session.scalar(select(func.count(Family.id)).where(staff_assigned_to(member)))
            for member in staff
        ]
    assert staff and all(1 <= size <= 200 for size in sizes), sizes
    assert sum(sizes) >= FAMILIES


def test_no_person_number_is_kept_in_clear(volume_app, loaded):
    with volume_app.app_context():
        session = db.session
        family = volume_families(session)[0]
        run, index = family.external_id.removeprefix("vol-").split("-")
        number = volume_person_number(run, int(index), 0)
        hashes = session.scalars(
            select(Guardian.person_number_hash).where(Guardian.family_id == family.id)
        ).all()
        children = session.scalars(
            select(Child.person_number_hash).where(Child.family_id == family.id)
        ).all()
    assert all(len(value) == 64 and number not in value for value in [*hashes, *children])


def test_a_generated_guardian_and_staff_member_see_their_pages(
    volume_app, loaded, identity_provider
):
    with volume_app.app_context():
        session = db.session
        family = volume_families(session)[0]
        run, index = family.external_id.removeprefix("vol-").split("-")
        guardian = session.scalars(
            select(Guardian).where(Guardian.family_id == family.id).order_by(Guardian.id)
        ).first()
        statements = count(session, GuardianStatement, GuardianStatement.guardian_id == guardian.id)
        child = family.children[0].first_name
        contact = family.contact_person.subject
        name = family.display_name
        family_id = family.id

    assert statements == 2  # both departments vouch for the guardian, as the pages need
    identity_provider.add_citizen(
        f"volume-{run}-{index}", volume_person_number(run, int(index), 0), guardian.name
    )
    parent = volume_app.test_client()
    assert login(parent, identity_provider, f"volume-{run}-{index}").status_code == 302
    overview = parent.get("/overblik", follow_redirects=True)
    assert overview.status_code == 200
    assert child in overview.get_data(as_text=True)

    tenant, oid = contact.split(":")
    identity_provider.add_user(
        f"volume-staff-{oid}", {"tid": tenant, "oid": oid, "name": "Volumen Koordinator"}
    )
    staff = volume_app.test_client()
    assert login(staff, identity_provider, f"volume-staff-{oid}", door="staff").status_code == 302
    caseload = staff.get("/medarbejder/")
    assert caseload.status_code == 200
    assert name in caseload.get_data(as_text=True)
    assert staff.get(f"/medarbejder/familier/{family_id}").status_code == 200


def test_running_it_again_doubles_the_families(volume_app, loaded):
    again = volume_app.test_cli_runner().invoke(args=["seed-load", "--families", str(FAMILIES)])
    assert again.exit_code == 0, again.output
    with volume_app.app_context():
        families = volume_families(db.session)
        external_ids = {family.external_id for family in families}
    assert len(families) == 2 * FAMILIES
    assert len(external_ids) == len(families)
