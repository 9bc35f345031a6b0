"""The family in the staff pages: the picture the family sees, plus what only staff see —
internal case events (marked as never shown to the family), what the family wrote before
coming meetings, and the guardians' contact details and channel as each department states them
(docs/access.md T2, T4, G5) — and every open on the family's own access log. Texts are read in
English: the Danish and Arabic catalogues come with the merge."""

from __future__ import annotations

import re
from datetime import timedelta

from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.models import Case
from portal.models.base import utcnow
from portal.records import families
from portal.records.guardians import choose_contact
from tests.factories import add_event
from tests.integration import caseload_helpers
from tests.integration.caseload_helpers import ChildSpec, text_of
from tests.integration.test_caseload import investigation
from tests.integration.test_family_overview import count_queries

desk = caseload_helpers.desk  # the fixture


def family_page(client, family) -> BeautifulSoup:
    answer = client.get(f"/medarbejder/familier/{family.id}")
    assert answer.status_code == 200
    return BeautifulSoup(answer.get_data(as_text=True), "html.parser")


def test_staff_see_internal_events_marked_and_the_family_never_sees_them(desk):
    me, subject = desk.new_staff("sof", "Ida Intern")
    family = desk.family(
        "Familien Note", contact=me, children=[ChildSpec("Otto", [investigation(20)])]
    )
    child_id = family.children[0].id
    case = desk.session.scalar(select(Case).where(Case.child_id == child_id))
    with desk.app.app_context():
        internal = add_event(
            desk.session, case, "Skolen har ringet om Otto.", utcnow(), visibility="internal"
        )
        shared = add_event(
            desk.session,
            case,
            "Vi har talt med skolen.",
            utcnow() - timedelta(hours=1),
            summary_en="We have talked to the school.",
        )
    page = family_page(desk.client(subject), family)
    events = page.select("#events > li")
    assert [e["id"] for e in events[:2]] == [f"event-{internal.id}", f"event-{shared.id}"]
    assert "portal-internal" in events[0]["class"]
    assert "Internal: not shown to the family." in text_of(events[0])
    assert "Skolen har ringet om Otto." in text_of(events[0])
    assert "Internal" not in text_of(events[1])
    assert "We have talked to the school." in text_of(events[1])

    child_page = desk.parent_client(family).get(f"/familier/{family.id}/boern/{child_id}")
    said = text_of(child_page.get_data(as_text=True))
    assert "We have talked to the school." in said and "Skolen har ringet" not in said


def test_staff_see_the_familys_picture_children_cases_offers_and_meetings(desk):
    me, subject = desk.new_staff("sof", "Pia Billede")
    family = desk.family(
        "Familien Billede", contact=me, children=[ChildSpec("Carl", [investigation(20)])]
    )
    desk.meeting(family, organizer=me, title="Samtale om Carl", in_days=4)
    page = family_page(desk.client(subject), family)
    children = text_of(page.select_one("#children-list"))
    assert "Carl Test" in children and "School or day care" in children
    [case_row] = page.select("tr[id^=case-]")
    assert "Child welfare assessment" in text_of(case_row) and "Assessment" in text_of(case_row)
    assert "Samtale om Carl" in text_of(page.select_one("main"))
    assert page.select_one("#offers") is not None


def test_what_the_family_wrote_before_coming_meetings_links_to_the_meeting(desk):
    """G5: staff who see the meeting read it; a meeting they do not see stays out (T2)."""
    me, subject = desk.new_staff("sof", "Vera Forberedt")
    family = desk.family("Familien Forberedt", contact=me, contact_by=("sof",))
    guardian = family.guardians[0]
    ours = desk.meeting(family, organizer=me, title="Vores møde", in_days=5)
    theirs = desk.meeting(family, organizer=desk.colleague("buf"), title="BUF's møde", in_days=6)
    desk.preparation(ours, guardian, "At Mia bliver hørt.")
    desk.preparation(theirs, guardian, "Kun for BUF.")
    page = family_page(desk.client(subject), family)
    [section] = page.select("section.portal-preparation")
    said = text_of(section)
    assert "Vores møde" in said and "Forælder Test wrote:" in said
    assert "At Mia bliver hørt." in said and "Hvem kommer?" in said
    assert section.select_one("h3 a")["href"] == f"/medarbejder/moeder/{ours.id}#preparations"
    assert "Kun for BUF." not in text_of(page)


def test_contact_details_and_channel_as_each_department_states_them(desk):
    """T4: each department's statement the staff member sees, and the parent's own choice."""
    both, both_subject = desk.new_staff("sof", "Bo Begge")
    family = desk.family("Familien Kontakt", contact=both)
    sof_only, sof_subject = desk.new_staff("sof", "Sif Sof")
    guardian = family.guardians[0]
    with desk.writing() as unit:
        families.state_guardian(
            unit,
            guardian,
            desk.department("buf"),
            name="Forælder Test",
            access_level="custody",
            email="kun-buf@example.dk",
            phone="+45 22 33 44 55",
            notify_by="sms",
            preferred_language="ar",
        )
        families.set_contact_person(unit, family, desk.department("sof"), sof_only)
    # Bo is still BUF's contact person; SOF now names Sif.
    page = family_page(desk.client(both_subject), family)
    buf_row = text_of(page.select_one(f"#guardian-{guardian.id}-buf"))
    assert "BUF" in buf_row and "kun-buf@example.dk" in buf_row and "+45 22 33 44 55" in buf_row
    assert "By text message (SMS)" in buf_row and "Arabic" in buf_row
    assert page.select_one(f"#guardian-{guardian.id}-sof") is None  # SOF gives Bo nothing now

    sof_page = family_page(desk.client(sof_subject), family)
    sof_row = text_of(sof_page.select_one(f"#guardian-{guardian.id}-sof"))
    assert "test@example.dk" in sof_row and "By e-mail" in sof_row and "Danish" in sof_row
    assert "kun-buf@example.dk" not in text_of(sof_page)
    assert "mailto:" not in str(sof_page.select_one("#guardians"))

    with desk.writing() as unit:
        choose_contact(
            unit,
            [guardian],
            preferred_language="en",
            notify_by="none",
            email=None,
            phone="+45 99 88 77 66",
        )
    again = family_page(desk.client(sof_subject), family)
    own = text_of(again.select_one(f"#guardian-{guardian.id}-own"))
    assert own.startswith("Forælder Test The parent, on")
    assert "+45 99 88 77 66" in own and "No notifications" in own and "English" in own


def test_every_open_is_audited_and_the_family_sees_it_in_its_access_log(desk):
    me, subject = desk.new_staff("sof", "Lone Logget")
    family = desk.family("Familien Log", contact=me)
    desk.client(subject).get(f"/medarbejder/familier/{family.id}")
    log = desk.parent_client(family).get(f"/familier/{family.id}/adgangslog")
    soup = BeautifulSoup(log.get_data(as_text=True), "html.parser")
    rows = [text_of(row) for row in soup.select("tbody tr")]
    assert any("Lone Logget, SOF" in row and "Looked at your data" in row for row in rows)


def test_the_page_costs_the_same_with_one_or_three_meetings_written_for(app, desk):
    counts = {}
    for size in (1, 3):
        me, subject = desk.new_staff("sof", f"Tæl {size}")
        family = desk.family(f"Familien Tæl {size}", contact=me)
        for n in range(size):
            meeting = desk.meeting(family, organizer=me, title=f"Møde {n}", in_days=n + 1)
            desk.preparation(meeting, family.guardians[0], f"Tekst {n}")
        client = desk.client(subject)
        url = f"/medarbejder/familier/{family.id}"
        html = client.get(url).get_data(as_text=True)  # warm-up
        assert len(re.findall(r'class="portal-preparation"', html)) == size
        counts[size] = count_queries(app, client, url)
    assert counts[1] == counts[3], counts
