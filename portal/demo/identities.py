"""Demo identities for the bundled development identity provider: one per seeded guardian and
staff member, carrying the claims the real brokers send (person number, assurance level)."""

from __future__ import annotations

from portal.demo import people

DEMO_TENANT = "kk-demo"
CPR_CLAIM = "https://data.gov.dk/model/core/eid/cprNumber"
LOA_CLAIM = "https://data.gov.dk/concept/core/nsis/loa"

# Citizens that exist only at the identity provider: for trying the refusal pages.
EXTRA_CITIZENS = [
    {
        "sub": "citizen-not-a-guardian",
        "name": "Peter Holm",
        "person_number": "0101900123",
        "loa": "Substantial",
        "note": "not a guardian of any family",
    },
    {
        "sub": "citizen-low-assurance",
        "name": "Mette Hansen (lav sikring)",
        "person_number": "1203824412",
        "loa": "Low",
        "note": "assurance level too low",
    },
]


# A staff account the staff IdP knows but the portal does not: for the "not registered" page.
UNKNOWN_STAFF = {"name": "Kim Vikar", "oid": "kim-vikar", "department": "buf"}


def guardian_subject(family_key: str, index: int) -> str:
    return f"guardian-{family_key}-{index + 1}"


def demo_identities() -> list[dict]:
    """What `flask demo-identities` prints and the README lists."""
    found = []
    for family in people.FAMILIES:
        for index, guardian in enumerate(family["guardians"]):
            found.append(
                {
                    "role": "guardian",
                    "subject": guardian_subject(family["key"], index),
                    "name": guardian["name"],
                    "family": family["name"],
                    "access": guardian["access"],
                }
            )
    for staff in people.STAFF:
        found.append(
            {
                "role": staff.get("role", "staff"),
                "subject": f"staff-{staff['key']}",
                "name": staff["name"],
                "department": staff["department"],
            }
        )
    return found


def provider_users() -> list[tuple[str, dict]]:
    """(subject, claims) for every demo identity, as the development IdP hands them out."""
    users = []
    for family in people.FAMILIES:
        for index, guardian in enumerate(family["guardians"]):
            claims = {
                "name": guardian["name"],
                CPR_CLAIM: guardian["person_number"],
                LOA_CLAIM: "Substantial",
            }
            users.append((guardian_subject(family["key"], index), claims))
    for extra in EXTRA_CITIZENS:
        claims = {"name": extra["name"], CPR_CLAIM: extra["person_number"], LOA_CLAIM: extra["loa"]}
        users.append((extra["sub"], claims))
    for staff in people.STAFF:
        claims = {
            "name": staff["name"],
            "email": staff["email"],
            "tid": DEMO_TENANT,
            "oid": staff["key"],
            "roles": ["manager"] if staff.get("role") == "manager" else ["staff"],
            "department": staff["department"],
        }
        users.append((f"staff-{staff['key']}", claims))
    unknown = {**UNKNOWN_STAFF, "tid": DEMO_TENANT, "roles": ["staff"]}
    users.append(("staff-unknown", unknown))
    return users
