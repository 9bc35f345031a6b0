"""Claims from the UserInfo endpoint next to the ID token's, and what a session keeps for logout."""

import pytest

from portal.auth.providers import (
    LoginRefused,
    citizen_from_claims,
    logout_hint,
    merged_claims,
    staff_from_claims,
)
from portal.config import OIDC_DEFAULTS

CPR = OIDC_DEFAULTS["CITIZEN_PERSON_NUMBER_CLAIM"]
LOA = OIDC_DEFAULTS["CITIZEN_ASSURANCE_CLAIM"]


def test_userinfo_adds_what_the_id_token_lacks_but_never_overrides_it():
    id_token = {"sub": "abc", "name": "Mette Hansen"}
    userinfo = {"sub": "abc", "name": "Someone Else", CPR: "1203824412", LOA: "Substantial"}
    assert merged_claims(id_token, userinfo) == {**userinfo, "name": "Mette Hansen"}


@pytest.mark.parametrize("userinfo", [{"sub": "xyz", "name": "X"}, {"name": "no subject"}])
def test_userinfo_about_another_subject_is_refused(userinfo):
    with pytest.raises(LoginRefused) as refused:
        merged_claims({"sub": "abc"}, userinfo)
    assert refused.value.reason == "userinfo_subject"


@pytest.mark.parametrize("level", [None, "", "  "])
def test_no_assurance_claim_is_its_own_problem(level):
    claims = {CPR: "1203824412", "name": "Mette"}
    if level is not None:
        claims[LOA] = level
    with pytest.raises(LoginRefused) as refused:
        citizen_from_claims(claims, OIDC_DEFAULTS)
    assert refused.value.reason == "assurance_missing"


def test_the_logout_hint_is_the_providers_subject_never_the_person_number():
    claims = {"sub": "a1b2-c3", CPR: "120382-4412", LOA: "High"}
    assert citizen_from_claims(claims, OIDC_DEFAULTS).logout_hint == "a1b2-c3"
    assert citizen_from_claims({**claims, "sub": "1203824412"}, OIDC_DEFAULTS).logout_hint is None
    assert logout_hint("cpr:120382-4412", "1203824412") is None
    assert logout_hint("x" * 256) is None and logout_hint(None) is None
    staff = staff_from_claims({"sub": "s-1", "tid": "kk", "oid": "a"}, OIDC_DEFAULTS)
    assert staff.logout_hint == "s-1"
