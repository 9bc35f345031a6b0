"""Who may see what: every route, walked as every kind of outsider, leaks no family's data."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.models import AuditEntry, Child, Family, Update
from tests.conftest import login

TARGET_FAMILY = "Familien Hansen"
# Route parameters that are not about a family get harmless values.
OTHER_VALUES = {"code": "stu", "door": "citizen", "filename": "missing.css"}
# Routes that hand the browser to the identity provider or change state are checked elsewhere.
SKIPPED_ENDPOINTS = {"static", "auth.start", "auth.callback", "i18n.choose_language"}


@pytest.fixture(scope="module")
def target(app):
    from portal.extensions import db

    with app.app_context():
        family = db.session.scalar(select(Family).where(Family.display_name == TARGET_FAMILY))
        child = family.children[0]
        updates = db.session.scalars(select(Update).where(Update.family_id == family.id)).all()
        case_texts = [
            stage.stage_type.citizen_text_da for case in _cases(child) for stage in case.stages
        ]
        return {
            "family_id": family.id,
            "child_id": child.id,
            "child_name": child.name,
            "secrets": [u.body for u in updates] + case_texts,
        }


def _cases(child: Child):
    from portal.extensions import db
    from portal.models import Case

    return db.session.scalars(select(Case).where(Case.child_id == child.id)).all()


def routes(app, target) -> list[tuple[str, str]]:
    """(endpoint, url) for every GET route, filled with the target family's ids."""
    found = []
    with app.test_request_context():
        from flask import url_for

        for rule in app.url_map.iter_rules():
            if rule.endpoint in SKIPPED_ENDPOINTS or "GET" not in rule.methods:
                continue
            values = {arg: target.get(arg, OTHER_VALUES.get(arg)) for arg in rule.arguments}
            for arg, value in values.items():
                if value is None:  # a parameter of some other resource: any well-formed value
                    values[arg] = 1 if rule._converters[arg].regex == r"\d+" else "x"
            found.append((rule.endpoint, url_for(rule.endpoint, **values)))
    return sorted(found)


def family_routes(app, target):
    return [(e, u) for e, u in routes(app, target) if "family_id" in _rule(app, e).arguments]


def _rule(app, endpoint):
    return next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)


OUTSIDERS = {
    "anonymous": None,
    "guardian of another family": ("guardian-jensen-1", "citizen"),
    "staff not assigned to the family": ("staff-camilla", "staff"),
    "manager not assigned to the family": ("staff-birgitte", "staff"),
}


@pytest.mark.parametrize("who", OUTSIDERS)
def test_outsiders_get_nothing_of_the_family(app, identity_provider, target, who):
    client = app.test_client()
    if OUTSIDERS[who]:
        subject, door = OUTSIDERS[who]
        assert login(client, identity_provider, subject, door=door).status_code == 302
    for endpoint, url in routes(app, target):
        response = client.get(url)
        html = response.get_data(as_text=True)
        assert target["child_name"] not in html, f"{who} sees the child on {url}"
        for secret in target["secrets"]:
            assert secret not in html, f"{who} sees case content on {url}"
        if "family_id" in _rule(app, endpoint).arguments:
            expected = {302} if who == "anonymous" else {404}
            assert response.status_code in expected, (who, url, response.status_code)


def test_parent_without_custody_sees_no_case_content(app, identity_provider, target):
    client = app.test_client()
    login(client, identity_provider, "guardian-hansen-2")  # Jonas Hansen: information only
    seen_child = False
    for _endpoint, url in routes(app, target):
        response = client.get(url)
        html = response.get_data(as_text=True)
        seen_child |= target["child_name"] in html
        for secret in target["secrets"]:
            assert secret not in html, f"information-only guardian sees case content on {url}"
    assert seen_child, "the parent without custody should still see their child"


def test_the_family_itself_sees_its_case_content(app, identity_provider, target):
    client = app.test_client()
    login(client, identity_provider, "guardian-hansen-1")
    url = f"/familier/{target['family_id']}/boern/{target['child_id']}"
    html = client.get(url).get_data(as_text=True)
    assert any(secret in html for secret in target["secrets"])


def audit_count(session, family_id: int) -> int:
    session.expire_all()
    return session.scalar(
        select(func.count())
        .select_from(AuditEntry)
        .where(AuditEntry.family_id == family_id, AuditEntry.action == "read")
    )


@pytest.mark.parametrize(
    ("subject", "door"), [("guardian-hansen-1", "citizen"), ("staff-sara", "staff")]
)
def test_every_page_with_family_data_writes_an_audit_entry(
    app, identity_provider, target, session, subject, door
):
    client = app.test_client()
    login(client, identity_provider, subject, door=door)
    family_pages = [
        (e, u)
        for e, u in family_routes(app, target)
        if e.startswith(door.replace("citizen", "family"))
    ]
    assert family_pages
    for _endpoint, url in family_pages:
        before = audit_count(session, target["family_id"])
        assert client.get(url).status_code == 200, url
        assert audit_count(session, target["family_id"]) == before + 1, url


def test_staff_reads_show_up_on_the_familys_access_log(app, identity_provider, target):
    staff = app.test_client()
    login(staff, identity_provider, "staff-line", door="staff")
    assert staff.get(f"/medarbejder/familier/{target['family_id']}").status_code == 200
    parent = app.test_client()
    login(parent, identity_provider, "guardian-hansen-1")
    html = parent.get(f"/familier/{target['family_id']}/adgangslog").get_data(as_text=True)
    assert "Line Pedersen, BUF" in html
