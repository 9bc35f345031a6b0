"""The audit log: every page that shows a family's data leaves an entry, a page that refused
leaves none, and the family reads the staff's looks in plain words with date and time.

The walk takes its routes from app.url_map: a new family or staff page without an audit entry
fails here without anyone adding it to a list.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from portal.domain.identity import person_number_hash
from portal.extensions import db
from portal.models import AuditEntry, Case, Child, Department, Family, Guardian, StaffMember
from tests.conftest import TEST_PERSON_NUMBER_KEY, login
from tests.factories import stated_by
from tests.route_walk import family_ids_of, portal_calls

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
# Door pages that show no family data for a parent of one family: they only redirect.
REDIRECT_ONLY = {"family.overview"}
# Staff pages that show no family at all: the staff member's own absences, and the management
# figures (counts only; a contact person who is no manager is refused them).
NO_FAMILY_DATA = {
    "staff.absences",
    "staff.management",
    "staff.management_open_cases_csv",
    "staff.management_deadlines_csv",
    "staff.management_stage_waits_csv",
    "staff.management_first_meetings_csv",
}
WALKERS = {
    "parent with custody": ("guardian-hansen-1", "citizen", "family", "Mette Hansen"),
    "contact person": ("staff-sara", "staff", "staff", "Sara Ahmed"),
}


def family_id(session, name: str) -> int:
    return session.scalar(select(Family.id).where(Family.display_name == name))


def newest_id(session) -> int:
    session.expire_all()
    return session.scalar(select(func.max(AuditEntry.id))) or 0


def entries_since(session, last_id: int) -> list[AuditEntry]:
    session.expire_all()
    return session.scalars(
        select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id)
    ).all()


@pytest.mark.parametrize("who", WALKERS)
def test_every_page_with_family_data_writes_an_audit_entry(app, identity_provider, session, who):
    subject, door, blueprint, name = WALKERS[who]
    hansen = family_id(session, "Familien Hansen")
    client = app.test_client()
    login(client, identity_provider, subject, door=door)
    pages = [
        call
        for call in portal_calls(app, family_ids_of(session, hansen), doors={blueprint})
        if call.method == "GET"
    ]
    assert {c.endpoint for c in pages} >= {f"{blueprint}.family"}
    for call in pages:
        before = newest_id(session)
        response = client.get(call.url)
        if call.endpoint in REDIRECT_ONLY:
            assert response.status_code == 302, call.url
            continue
        if call.endpoint in NO_FAMILY_DATA:
            assert response.status_code in (200, 404), call.url
            assert "Hansen" not in response.get_data(as_text=True), call.url
            continue
        assert response.status_code == 200, call.url
        looks = [
            e
            for e in entries_since(session, before)
            if e.family_id == hansen and e.actor_name == name and e.action in ("read", "list")
        ]
        assert looks, f"{call.url} shows the family's data but leaves no audit entry"


def test_the_caseload_leaves_an_entry_for_each_family_it_lists(app, identity_provider, session):
    client = app.test_client()
    login(client, identity_provider, "staff-sara", door="staff")
    before = newest_id(session)
    html = client.get("/medarbejder/").get_data(as_text=True)
    shown = {int(i) for i in re.findall(r'href="/medarbejder/familier/(\d+)"', html)}
    listed = [e for e in entries_since(session, before) if e.action == "list"]
    assert len(shown) >= 2
    assert sorted(e.family_id for e in listed) == sorted(shown)
    assert {(e.actor_name, e.actor_department) for e in listed} == {("Sara Ahmed", "buf")}

    parent = app.test_client()
    login(parent, identity_provider, "guardian-hansen-1")
    hansen = family_id(session, "Familien Hansen")
    parent.get("/sprog/en")
    page = parent.get(f"/familier/{hansen}/adgangslog")
    rows = re.findall(r"<tr>(.*?)</tr>", page.get_data(as_text=True), re.S)
    assert any(
        "Sara Ahmed, BUF" in row and "Saw your family's name in their list" in unescape(row)
        for row in rows
    )


def test_a_refused_page_leaves_no_audit_entry(app, identity_provider, session):
    """The 404 is decided before the look is written: a read that did not happen is not logged."""
    hansen = family_id(session, "Familien Hansen")
    al_sayed = family_id(session, "Familien Al-Sayed")
    own_case, other_case = (
        session.scalar(select(Case.id).join(Child).where(Child.family_id == f))
        for f in (hansen, al_sayed)
    )
    other_child = session.scalar(select(Child.id).where(Child.family_id == al_sayed))
    without_custody = app.test_client()
    login(without_custody, identity_provider, "guardian-hansen-2")
    with_custody = app.test_client()
    login(with_custody, identity_provider, "guardian-hansen-1")
    refused = [
        (without_custody, f"/familier/{hansen}/sager/{own_case}"),
        (with_custody, f"/familier/{hansen}/sager/{other_case}"),
        (with_custody, f"/familier/{hansen}/boern/{other_child}"),
        (with_custody, f"/familier/{al_sayed}"),
    ]
    for client, url in refused:
        before = newest_id(session)
        assert client.get(url).status_code == 404, url
        assert entries_since(session, before) == [], f"{url} was refused but logged as read"

    before = newest_id(session)
    assert with_custody.get(f"/familier/{hansen}/sager/{own_case}").status_code == 200
    [entry] = entries_since(session, before)
    assert (entry.action, entry.object_type, entry.object_id) == ("read", "case", own_case)


# ---- the family's access log: one family of its own, so its log holds only what we put there --

PERSON_NUMBER = "3112709933"
SUBJECT = "audit-log-guardian"
WINTER = datetime(2026, 1, 15, 13, 5, tzinfo=UTC)  # 14:05 in Copenhagen
SUMMER = datetime(2026, 7, 15, 13, 5, tzinfo=UTC)  # 15:05 in Copenhagen (summer time)
assert WINTER.astimezone(COPENHAGEN).hour == 14 and SUMMER.astimezone(COPENHAGEN).hour == 15
ACTIONS = {
    "read": "Looked at your data",
    "list": "Saw your family's name in their list of families",
    "write": "Changed something in your data",
    "login": "Logged in to the portal",
    "logout": "Logged out of the portal",
    "login_refused": "Tried to log in, but was turned away",
    "export": "Used your data",  # an action the page does not know yet: still plain words
}


@pytest.fixture(scope="module")
def lund(app, identity_provider):
    """Two families with the same parent (custody in both); the first has a staff access log."""
    with app.app_context():
        session = db.session
        buf = session.scalar(select(Department).filter_by(code="buf"))
        staff = StaffMember(name="Aud Revision", department=buf)
        digest = person_number_hash(PERSON_NUMBER, TEST_PERSON_NUMBER_KEY)
        families = []
        for name in ("Familien Lund", "Familien Lund Berg"):
            family = Family(display_name=name, contact_person=staff)
            family.guardians.append(
                Guardian(name="Ida Lund", access_level="custody", person_number_hash=digest)
            )
            families.append(family)
        session.add_all(families)
        for family in families:
            stated_by(session, family, buf)
        first = families[0].id
        for number, (action, _) in enumerate(ACTIONS.items()):
            session.add(
                AuditEntry(
                    occurred_at=WINTER if number % 2 else SUMMER,
                    actor_kind="staff",
                    actor_id=None,
                    actor_name=f"Aud Revision {number}",
                    actor_role="staff",
                    actor_department="buf",
                    action=action,
                    family_id=first,
                    object_type="family",
                    object_id=first,
                )
            )
        session.commit()
        ids = [f.id for f in families]
        session.remove()
    identity_provider.add_citizen(SUBJECT, PERSON_NUMBER, "Ida Lund")
    return ids


def cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    return [
        [unescape(c.strip()) for c in re.findall(r"<td>(.*?)</td>", row, re.S)] for row in rows[1:]
    ]


def clock(moment: datetime) -> str:
    """The Copenhagen wall-clock time, on a 24-hour or a 12-hour clock."""
    local = moment.astimezone(COPENHAGEN)
    return rf"({local:%H}[.:]{local:%M}|{local.hour % 12}:{local:%M}\W?PM)"


def test_the_access_log_says_what_happened_in_plain_words_with_time(app, identity_provider, lund):
    client = app.test_client()
    login(client, identity_provider, SUBJECT)
    url = f"/familier/{lund[0]}/adgangslog"
    client.get("/sprog/en")
    english = cells(client.get(url).get_data(as_text=True))
    assert len(english) == len(ACTIONS)
    for number, (action, words) in enumerate(ACTIONS.items()):
        moment = WINTER if number % 2 else SUMMER
        row = next(r for r in english if r[1] == f"Aud Revision {number}, BUF")
        assert row[2] == words, action  # never the raw action code
        stamp = re.fullmatch(r'<time datetime="([^"]+)">(.+) at (.+)</time>', row[0])
        assert stamp and datetime.fromisoformat(stamp[1]) == moment, row[0]
        month = "Jan" if moment == WINTER else "Jul"
        assert "15" in stamp[2] and month in stamp[2] and "2026" in stamp[2], row[0]
        assert re.fullmatch(clock(moment), stamp[3]), row[0]

    client.get("/sprog/da")
    danish = cells(client.get(url).get_data(as_text=True))
    for number, row in enumerate(sorted(danish, key=lambda r: r[1])):
        moment = WINTER if number % 2 else SUMMER
        month = "jan." if moment == WINTER else "jul."
        assert f"15. {month} 2026" in row[0] and re.search(clock(moment), row[0]), row[0]


def test_a_parent_of_two_families_is_logged_for_the_list_of_both(app, identity_provider, lund):
    client = app.test_client()
    login(client, identity_provider, SUBJECT)
    with app.app_context():
        before = newest_id(db.session)
        assert client.get("/overblik").status_code == 200  # the page to choose a family
        listed = entries_since(db.session, before)
        db.session.remove()
    assert sorted((e.action, e.family_id) for e in listed) == [("list", i) for i in lund]
