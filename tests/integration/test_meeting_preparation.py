""" "Det er vigtigt for os" (docs/access.md G5): a guardian writes what matters before a meeting,
changes it until the meeting starts and then reads what was sent; every staff member who sees
the meeting reads it. Bad input gets the error summary and a 400, changes after the start a
clear 409, and neither writes anything."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from portal.models import AuditEntry, Case, CaseType, Family, Meeting, Preparation
from portal.models.base import utcnow
from portal.records import families, unit_of_work
from portal.records.guardians import guardian_actor
from portal.records.meetings import change_meeting, plan_meeting
from portal.records.preparations import save_preparation
from tests.conftest import csrf_token, login
from tests.factories import make_case, make_family, staff_of, writing
from tests.integration.test_staff_family_picture import contact_subject

LONG = 2000


def form_page(client, url: str):
    return BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")


def token(client, url: str) -> str:
    return form_page(client, url).find("input", attrs={"name": "csrf_token"})["value"]


def meeting_of(
    session,
    family: Family,
    *,
    starts_in: timedelta,
    guardians=None,
    case: Case | None = None,
    department: str = "sof",
    title: str = "Møde om planen",
) -> Meeting:
    """A meeting of `department` starting `starts_in` from now, with its first staff member
    and the given guardians (the family's first guardian by default)."""
    dept, staff = staff_of(session, department)
    starts = utcnow() + starts_in
    people = family.guardians[:1] if guardians is None else guardians
    with writing(session) as unit:
        meeting = plan_meeting(
            unit,
            dept,
            family,
            organizer=staff[0],
            kind="tvaerfagligt",
            title=title,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            location="Rådhuset",
            case=case,
            participants=[{"staff": staff[0]}, *({"guardian": g} for g in people)],
        )
    return meeting


@pytest.fixture(scope="module")
def family(app, identity_provider):
    """A family of our own: a custody parent (who logs in as citizen-prep), one child of 11,
    one of 4 with a case of their own, and a parent without custody (citizen-prep-info)."""
    from portal.extensions import db

    with app.app_context():
        session = db.session
        family = make_family(session, person_number="2101261111", key="prep", meetings=0)
        sof, sof_staff = staff_of(session, "sof")
        buf, _ = staff_of(session, "buf")
        with writing(session) as unit:
            named = {"first_name": "Lille", "last_name": "prep", "birth_date": date(2022, 5, 1)}
            young = families.add_child(unit, family, sof, **named)
            families.state_child(unit, young, buf, **named)
            stated = {"name": "Forælder uden forældremyndighed", "access_level": "information"}
            informed = families.add_guardian(
                unit, family, sof, person_number="2101262222", **stated
            )
            families.state_guardian(unit, informed, buf, **stated)
        case_type = session.scalar(select(CaseType).filter_by(code="boernefaglig-undersoegelse"))
        make_case(
            young,
            department=sof,
            partner=None,
            case_type=case_type,
            holders=sof_staff,
            events=0,
            today=date.today(),
        )
        family_id = family.id
        session.remove()
    identity_provider.add_citizen("citizen-prep", "2101261111", "Forælder prep")
    identity_provider.add_citizen("citizen-prep-info", "2101262222", "Forælder uden")
    return family_id


def parent(app, identity_provider, subject: str = "citizen-prep"):
    client = app.test_client()
    client.set_cookie("portal_lang", "en")  # the texts read here are the msgids
    login(client, identity_provider, subject)
    return client


def url(meeting: Meeting) -> str:
    return f"/familier/{meeting.family_id}/moeder/{meeting.id}/vigtigt"


def preparations(session, meeting: Meeting) -> list[Preparation]:
    session.expire_all()
    return session.scalars(select(Preparation).where(Preparation.meeting_id == meeting.id)).all()


def test_a_parent_writes_what_matters_and_every_staff_member_at_the_meeting_reads_it(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    meeting = meeting_of(session, household, starts_in=timedelta(days=3))
    client = parent(app, identity_provider)
    page = form_page(client, url(meeting))
    assert page.h1.get_text() == "What is important to us"
    # The older child (11) is asked about, not the 4-year-old: the meeting is about no case.
    legends = [legend.get_text(" ", strip=True) for legend in page.find_all("legend")]
    assert "Will Barn0 come to the meeting?" in legends
    assert page.find(id="what_matters-limit-message").get_text() == (
        f"You can write up to {LONG} characters"
    )
    # The language field is DKFDS's conditional reveal under "Yes": there without JavaScript.
    yes = page.find("input", attrs={"name": "interpreter", "value": "yes"})
    assert yes["data-controls"] == "#interpreter-1-reveal"
    assert page.find(id="interpreter-1-reveal").find(id="interpreter_language")

    answer = client.post(
        url(meeting),
        data={
            "csrf_token": token(client, url(meeting)),
            "what_matters": "Vi vil gerne have én plan.\nOg vide hvem vi ringer til.",
            "questions": "Hvornår starter støtten?",
            "interpreter": "yes",
            "interpreter_language": "Arabisk",
            "child_attends": "yes",
        },
    )
    assert answer.status_code == 303 and answer.headers["Location"].endswith(url(meeting))
    [saved] = preparations(session, meeting)
    assert saved.what_matters == "Vi vil gerne have én plan.\nOg vide hvem vi ringer til."
    assert (saved.questions, saved.interpreter_language, saved.child_attends) == (
        "Hvornår starter støtten?",
        "Arabisk",
        True,
    )
    again = client.get(url(meeting)).get_data(as_text=True)
    assert "We have saved what you wrote." in again and 'id="saved"' in again
    assert "Vi vil gerne have én plan." in again  # in the form, to change

    # Changed: the newest answer wins whole, still one text per guardian and meeting.
    client.post(
        url(meeting),
        data={
            "csrf_token": token(client, url(meeting)),
            "what_matters": "Kun én ting.",
            "interpreter": "no",
            "interpreter_language": "Arabisk",
            "child_attends": "not-sure",
        },
    )
    [saved] = preparations(session, meeting)
    assert (saved.what_matters, saved.questions, saved.interpreter_language) == (
        "Kun én ting.",
        None,
        None,
    )
    assert saved.child_attends is None
    written = session.scalars(
        select(AuditEntry).where(
            AuditEntry.object_type == "preparation", AuditEntry.object_id == saved.id
        )
    ).all()
    assert {(e.action, e.actor_kind, e.detail) for e in written} == {
        ("write", "guardian", "guardian: preparation")
    }

    staff = app.test_client()
    staff.set_cookie("portal_lang", "en")
    login(staff, identity_provider, contact_subject(session), door="staff")
    html = staff.get(f"/medarbejder/moeder/{meeting.id}").get_data(as_text=True)
    section = html.split('id="preparations"')[1].split('id="plan"')[0]
    assert "Forælder prep" in section and "Kun én ting." in section


@pytest.mark.parametrize(
    ("data", "status", "anchor", "message"),
    [
        ({"what_matters": "x" * (LONG + 1)}, 400, "what_matters", f"Write {LONG} characters"),
        ({"questions": "y" * (LONG + 5)}, 400, "questions", f"Write {LONG} characters"),
        ({"interpreter": "yes"}, 400, "interpreter_language", "Write which language"),
        (
            {"interpreter": "yes", "interpreter_language": "z" * 61},
            400,
            "interpreter_language",
            "Write 60 characters",
        ),
        ({}, 400, "what_matters", "Write what is important to you, or answer a question"),
        ({"interpreter": "perhaps"}, 400, "interpreter-0", "Not a valid choice"),
    ],
    ids=["too-long", "questions-too-long", "no-language", "long-language", "empty", "unknown"],
)
def test_bad_input_gets_the_error_summary_and_writes_nothing(
    app, identity_provider, session, family, data, status, anchor, message
):
    meeting = meeting_of(session, session.get(Family, family), starts_in=timedelta(days=2))
    client = parent(app, identity_provider)
    answer = client.post(url(meeting), data={"csrf_token": token(client, url(meeting)), **data})
    assert answer.status_code == status
    page = BeautifulSoup(answer.get_data(as_text=True), "html.parser")
    assert page.title.get_text().startswith("Error: What is important to us")
    summary = page.find(id="error-summary")
    link = summary.find("a", href=f"#{anchor}")
    assert link is not None and message in link.get_text(), summary
    assert page.find(id=anchor) is not None
    assert preparations(session, meeting) == []


def test_after_the_start_the_page_shows_what_was_sent_and_refuses_changes(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    meeting = meeting_of(session, household, starts_in=timedelta(days=1))
    with unit_of_work(session, guardian_actor("Forælder prep")) as unit:  # written before
        save_preparation(
            unit,
            meeting,
            household.guardians[0],
            what_matters="Det vi skrev før mødet.",
            questions=None,
            interpreter_language="Somali",
            child_attends=False,
        )
    starts = utcnow() - timedelta(minutes=10)  # the meeting has started since
    with writing(session) as unit:
        change_meeting(
            unit,
            meeting,
            family=household,
            kind=meeting.kind,
            title=meeting.title,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            organizer=meeting.organizer,
        )
    client = parent(app, identity_provider)
    page = form_page(client, url(meeting))
    assert page.find("textarea") is None and page.find("input", attrs={"type": "radio"}) is None
    text = page.get_text(" ", strip=True)
    assert "The meeting has started, so you can no longer change what you wrote." in text
    assert "Det vi skrev før mødet." in text and "Yes, in Somali" in text

    before = preparations(session, meeting)[0].updated_at
    answer = client.post(
        url(meeting),
        data={"csrf_token": csrf_token(client), "what_matters": "Noget nyt."},
    )
    assert answer.status_code == 409
    assert "you can no longer change what you wrote" in answer.get_data(as_text=True)
    [kept] = preparations(session, meeting)
    assert (kept.what_matters, kept.updated_at) == ("Det vi skrev før mødet.", before)


def test_a_cancelled_meeting_takes_no_changes(app, identity_provider, session, family):
    household = session.get(Family, family)
    meeting = meeting_of(session, household, starts_in=timedelta(days=5))
    with writing(session) as unit:
        change_meeting(
            unit,
            meeting,
            family=household,
            kind=meeting.kind,
            title=meeting.title,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            organizer=meeting.organizer,
            status="cancelled",
        )
    client = parent(app, identity_provider)
    answer = client.post(
        url(meeting), data={"csrf_token": csrf_token(client), "what_matters": "Hej"}
    )
    assert answer.status_code == 409
    assert "The meeting is cancelled" in answer.get_data(as_text=True)
    assert preparations(session, meeting) == []


def test_the_child_is_asked_about_only_when_10_or_older(app, identity_provider, session, family):
    household = session.get(Family, family)
    young = next(c for c in household.children if c.first_name == "Lille")
    case = session.scalar(select(Case).where(Case.child_id == young.id))
    about_young = meeting_of(session, household, starts_in=timedelta(days=4), case=case)
    client = parent(app, identity_provider)
    page = form_page(client, url(about_young))
    assert page.find("input", attrs={"name": "child_attends"}) is None
    # Sent anyway, it is ignored: nothing is said about a child nobody asked about.
    answer = client.post(
        url(about_young),
        data={
            "csrf_token": token(client, url(about_young)),
            "what_matters": "Om den lille.",
            "child_attends": "yes",
        },
    )
    assert answer.status_code == 303
    [saved] = preparations(session, about_young)
    assert saved.child_attends is None


def test_a_parent_without_custody_writes_only_for_a_meeting_they_are_invited_to(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    informed = next(g for g in household.guardians if g.access_level == "information")
    invited = meeting_of(session, household, starts_in=timedelta(days=6), guardians=[informed])
    not_invited = meeting_of(session, household, starts_in=timedelta(days=7))
    client = parent(app, identity_provider, "citizen-prep-info")
    assert client.get(url(not_invited)).status_code == 404
    refused = client.post(
        url(not_invited), data={"csrf_token": csrf_token(client), "what_matters": "Hej"}
    )
    assert refused.status_code == 404 and preparations(session, not_invited) == []
    assert client.get(url(invited)).status_code == 200
    answer = client.post(
        url(invited), data={"csrf_token": token(client, url(invited)), "what_matters": "Mit"}
    )
    assert answer.status_code == 303
    [saved] = preparations(session, invited)
    assert saved.guardian_id == informed.id

    # The custody parent reads and changes only their own text, never the other parent's.
    custody = parent(app, identity_provider)
    page = custody.get(url(invited))
    assert page.status_code == 200 and "Mit" not in page.get_data(as_text=True)


def test_another_familys_guardian_and_address_get_404(app, identity_provider, session, family):
    household = session.get(Family, family)
    meeting = meeting_of(session, household, starts_in=timedelta(days=8))
    hansen = session.scalar(select(Family).where(Family.display_name == "Familien Hansen"))
    stranger = parent(app, identity_provider, "guardian-hansen-1")
    assert stranger.get(url(meeting)).status_code == 404
    # The meeting under another family's address: 404 too, also for its own guardian.
    own = parent(app, identity_provider)
    assert own.get(f"/familier/{hansen.id}/moeder/{meeting.id}/vigtigt").status_code == 404
    assert own.get(f"/familier/{family}/moeder/2147483647/vigtigt").status_code == 404


def test_staff_who_do_not_see_the_meeting_get_404_and_a_look_is_audited(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    meeting = meeting_of(session, household, starts_in=timedelta(days=9))
    outsider = app.test_client()
    login(outsider, identity_provider, "staff-henrik", door="staff")  # no case, no meeting
    assert outsider.get(f"/medarbejder/moeder/{meeting.id}").status_code == 404

    staff = app.test_client()
    login(staff, identity_provider, contact_subject(session), door="staff")
    looks = select(func.count()).where(
        AuditEntry.object_type == "meeting",
        AuditEntry.object_id == meeting.id,
        AuditEntry.action == "read",
    )
    assert session.scalar(looks) == 0
    assert staff.get(f"/medarbejder/moeder/{meeting.id}").status_code == 200
    session.expire_all()
    assert session.scalar(looks) == 1


def test_the_meeting_page_links_the_staff_pages_to_move_and_cancel(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    meeting = meeting_of(session, household, starts_in=timedelta(days=10))
    staff = app.test_client()
    login(staff, identity_provider, contact_subject(session), door="staff")
    html = staff.get(f"/medarbejder/moeder/{meeting.id}").get_data(as_text=True)
    assert f'href="/medarbejder/moeder/{meeting.id}/flyt"' in html
    assert f'href="/medarbejder/moeder/{meeting.id}/aflys"' in html
    family_page = staff.get(f"/medarbejder/familier/{family}").get_data(as_text=True)
    assert re.search(rf'href="/medarbejder/moeder/{meeting.id}"', family_page)
