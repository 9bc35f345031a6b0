"""What the identity providers' claims mean to the portal."""

import pytest

from portal.auth.providers import (
    LoginRefused,
    assurance_rank,
    citizen_from_claims,
    staff_from_claims,
)
from portal.config import OIDC_DEFAULTS

CPR = OIDC_DEFAULTS["CITIZEN_PERSON_NUMBER_CLAIM"]
LOA = OIDC_DEFAULTS["CITIZEN_ASSURANCE_CLAIM"]


@pytest.mark.parametrize(
    ("level", "minimum", "accepted"),
    [
        ("Substantial", "Substantial", True),
        ("High", "Substantial", True),
        ("Low", "Substantial", False),
        (None, "Low", False),
        ("https://data.gov.dk/concept/core/nsis/loa/High", "Low", False),
        ("substantial", "High", False),
    ],
)
def test_assurance_level_must_reach_the_minimum(level, minimum, accepted):
    config = {**OIDC_DEFAULTS, "CITIZEN_MIN_ASSURANCE": minimum}
    claims = {CPR: "1203824412", LOA: level, "name": "Mette"}
    if accepted:
        assert citizen_from_claims(claims, config).person_number == "1203824412"
    else:
        with pytest.raises(LoginRefused) as refused:
            citizen_from_claims(claims, config)
        # No level at all is the broker's omission, told apart from a level that is too low.
        assert refused.value.reason == ("assurance_missing" if level is None else "assurance")


def test_citizen_without_person_number_is_refused():
    with pytest.raises(LoginRefused, match="person number"):
        citizen_from_claims({LOA: "High"}, OIDC_DEFAULTS)


def test_claim_names_are_configurable():
    config = {**OIDC_DEFAULTS, "CITIZEN_PERSON_NUMBER_CLAIM": "cpr", "CITIZEN_NAME_CLAIM": "fn"}
    identity = citizen_from_claims({"cpr": "1203824412", "fn": "Mette", LOA: "High"}, config)
    assert (identity.person_number, identity.name) == ("1203824412", "Mette")


def test_staff_subject_joins_tenant_and_object_id():
    identity = staff_from_claims(
        {"tid": "kk", "oid": "abc", "name": "Sara", "roles": ["manager"]}, OIDC_DEFAULTS
    )
    assert identity.subject == "kk:abc" and identity.roles == ("manager",)


def test_staff_without_subject_claims_is_refused():
    with pytest.raises(LoginRefused):
        staff_from_claims({"sub": "x", "name": "Sara"}, OIDC_DEFAULTS)


def test_unknown_levels_rank_below_everything():
    assert assurance_rank("Medium") < assurance_rank("Low") == 0


def test_staff_email_and_department_claims_are_configurable():
    config = {**OIDC_DEFAULTS, "STAFF_EMAIL_CLAIM": "upn", "STAFF_DEPARTMENT_CLAIM": "afd"}
    claims = {"tid": "kk", "oid": "abc", "upn": "sara@kk.dk", "email": "other@x", "afd": "buf"}
    identity = staff_from_claims(claims, config)
    assert (identity.email, identity.department) == ("sara@kk.dk", "buf")


def test_staff_roles_may_come_as_one_string_under_a_configured_claim():
    config = {**OIDC_DEFAULTS, "STAFF_ROLES_CLAIM": "groups"}
    identity = staff_from_claims({"tid": "kk", "oid": "a", "groups": "staff leder"}, config)
    assert identity.roles == ("staff", "leder")
    assert staff_from_claims({"tid": "kk", "oid": "a", "roles": ["x"]}, config).roles == ()
