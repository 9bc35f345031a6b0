"""Staff logins with a staff identity provider whose claims are named differently, and staff
created from the provider's claims (STAFF_AUTO_CREATE), through the real OIDC flow."""

import uuid

from sqlalchemy import select

from portal.models import AuditEntry, StaffMember
from tests.conftest import login

# A staff provider that says "mail", "afdeling" and "grupper" where the defaults expect
# "email", "department" and "roles", and calls its managers "leder".
RENAMED_CLAIMS = {
    "STAFF_AUTO_CREATE": True,
    "STAFF_EMAIL_CLAIM": "mail",
    "STAFF_DEPARTMENT_CLAIM": "afdeling",
    "STAFF_ROLES_CLAIM": "grupper",
    "STAFF_MANAGER_ROLE": "leder",
}


def new_staff_user(identity_provider, **claims) -> tuple[str, str]:
    """A staff account only the provider knows; returns (provider subject, portal subject)."""
    oid = f"new-{uuid.uuid4().hex[:10]}"
    identity_provider.add_user(f"staff-{oid}", {"tid": "kk-test", "oid": oid, **claims})
    return f"staff-{oid}", f"kk-test:{oid}"


def staff_with_subject(session, subject: str) -> StaffMember | None:
    session.expire_all()
    return session.scalar(select(StaffMember).where(StaffMember.subject == subject))


def test_unknown_staff_is_created_from_the_claims(make_other_app, identity_provider, session):
    app = make_other_app(**RENAMED_CLAIMS)
    client = app.test_client()
    user, subject = new_staff_user(
        identity_provider,
        name="Ny Socialrådgiver",
        mail="ny@kk.example",
        afdeling="sof",
        grupper=["medarbejder"],
    )
    response = login(client, identity_provider, user, door="staff")
    assert response.status_code == 302 and response.headers["Location"].endswith("/medarbejder/")
    staff = staff_with_subject(session, subject)
    assert staff is not None
    assert (staff.name, staff.email, staff.department.code, staff.role, staff.active) == (
        "Ny Socialrådgiver",
        "ny@kk.example",
        "sof",
        "staff",
        True,
    )
    assert client.get("/medarbejder/").status_code == 200  # logged in, an empty caseload
    logins = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "login", AuditEntry.actor_id == staff.id)
    ).all()
    assert len(logins) == 1 and logins[0].actor_department == "sof"


def test_the_configured_role_claim_and_value_make_a_manager(
    make_other_app, identity_provider, session
):
    client = make_other_app(**RENAMED_CLAIMS).test_client()
    user, subject = new_staff_user(
        identity_provider, name="Ny Leder", afdeling="buf", grupper=["medarbejder", "leder"]
    )
    assert login(client, identity_provider, user, door="staff").status_code == 302
    assert staff_with_subject(session, subject).role == "manager"
    # The default claim name carries "manager", but this provider's roles are in "grupper".
    other, other_subject = new_staff_user(
        identity_provider, name="Ikke Leder", afdeling="buf", roles=["manager"], grupper=[]
    )
    assert login(client, identity_provider, other, door="staff").status_code == 302
    assert staff_with_subject(session, other_subject).role == "staff"


def test_auto_create_needs_a_known_department(make_other_app, identity_provider, session):
    client = make_other_app(**RENAMED_CLAIMS).test_client()
    user, subject = new_staff_user(identity_provider, name="Uden Afdeling", department="sof")
    response = login(client, identity_provider, user, door="staff")
    assert response.status_code == 403  # "department" is not the configured claim
    assert staff_with_subject(session, subject) is None


def test_without_auto_create_unknown_staff_stay_out(client, identity_provider, session):
    user, subject = new_staff_user(identity_provider, name="Ny Vikar", department="buf")
    assert login(client, identity_provider, user, door="staff").status_code == 403
    assert staff_with_subject(session, subject) is None
