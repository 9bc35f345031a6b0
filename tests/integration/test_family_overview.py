"""The parent's overview and a child's page: plain words, honest deadlines, fixed query cost."""

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from flask import render_template
from sqlalchemy import select

from portal.domain.clocks import copenhagen_today
from portal.domain.progress import current_stage, deadline_of
from portal.models import Case, CaseEvent, Family, Guardian, Meeting
from portal.models.base import utcnow
from portal.ops.statements import counted_statements
from tests.conftest import login
from tests.factories import make_family


def family_id(session, name: str) -> int:
    return session.scalar(select(Family.id).where(Family.display_name == name))


def overview_html(client, identity_provider, subject: str) -> str:
    client.set_cookie("portal_lang", "da")  # these tests read the Danish texts
    response = login(client, identity_provider, subject)
    return client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)


def test_overview_shows_the_contact_person_to_call(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-hansen-1")
    assert "Sara Ahmed" in html and 'href="tel:+4533174531"' in html
    assert "arabisk" in html  # languages she speaks
    # Never e-mail about the case (the profile promises it): write to her in the portal.
    assert "sara.ahmed@buf.kk.dk" not in html and "mailto:" not in html
    assert re.search(r'href="/familier/\d+/beskeder/ny"', html)


def test_overdue_case_is_said_honestly_with_what_we_wrote(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-hansen-1")
    assert re.search(r"Fristen var \d+\. \w+ \d{4}\. Vi er \d+ dage forsinket", html)
    assert "Vi mangler en samtale med Olivers lærer" in html
    assert "Line Pedersen fra Børne- og Ungdomsforvaltningen (BUF) har sagen nu" in html


def test_paused_clock_shows_the_reason(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-al-sayed-1")
    assert "Fristen er sat på pause" in html and "Vi venter på svar fra jeres læge" in html


def test_next_meeting_says_when_where_and_who(client, identity_provider):
    html = overview_html(client, identity_provider, "guardian-hansen-1")
    section = html.split('id="next-meeting"')[1]
    assert "Tværfagligt møde om Oliver" in section and "Nørrebro Park Skole, lokale 12" in section
    assert "Klasselærer Anne Sø" in section


def test_child_page_explains_the_legal_clock_and_the_complaint(client, identity_provider, session):
    client.set_cookie("portal_lang", "da")  # Anna Kowalska saved English; this reads the Danish
    login(client, identity_provider, "guardian-kowalski-1")
    family = session.get(Family, family_id(session, "Familien Kowalski"))
    html = client.get(f"/familier/{family.id}/boern/{family.children[0].id}").get_data(as_text=True)
    assert "Loven siger, at kommunen skal være færdig med dette trin inden for 3 måneder" in html
    assert "Barnets lov § 91" in html
    assert "Fristen blev flyttet 14 dage" in html  # the extension and its reason
    assert "Vi traf afgørelsen den" in html  # and when the window ended: see test_family_languages
    assert 'aria-current="step"' in html and "Færdig:" in html and "Kommer:" in html


def test_internal_events_are_never_shown(client, identity_provider, session):
    login(client, identity_provider, "guardian-kowalski-1")
    family = session.get(Family, family_id(session, "Familien Kowalski"))
    internal = session.scalars(select(CaseEvent).where(CaseEvent.visibility == "internal")).all()
    html = client.get(f"/familier/{family.id}/boern/{family.children[0].id}").get_data(as_text=True)
    assert internal and all(e.summary_da not in html for e in internal)


def test_case_steps_expand_in_place_with_htmx_and_as_a_page_without(
    client, identity_provider, session
):
    login(client, identity_provider, "guardian-hansen-1")
    family = session.get(Family, family_id(session, "Familien Hansen"))
    page = client.get(f"/familier/{family.id}").get_data(as_text=True)
    url = re.search(r'hx-get="(/familier/\d+/sager/\d+)"', page).group(1)
    fragment = client.get(url, headers={"HX-Request": "true"}).get_data(as_text=True)
    assert fragment.lstrip().startswith('<ol class="portal-steps">')
    full = client.get(url).get_data(as_text=True)
    assert full.startswith("<!DOCTYPE html>") and "portal-steps" in full


def test_glossary_words_link_to_the_glossary(client, identity_provider, session):
    login(client, identity_provider, "guardian-hansen-1")
    family = session.get(Family, family_id(session, "Familien Hansen"))
    # The demo's update about PPR: on the news page, which holds every update, as other tests
    # post newer ones to the demo family that push it off the overview.
    html = client.get(f"/familier/{family.id}/nyheder").get_data(as_text=True)
    assert 'href="/ordbog#ppr"' in html


def count_queries(app, client, url: str) -> int:
    with counted_statements(app) as statements:
        assert client.get(url).status_code == 200
    return len(statements)


@pytest.mark.parametrize("page", ["overview", "child"])
def test_query_count_does_not_grow_with_the_family(app, identity_provider, session, page):
    """The large family has many of everything the pages show: cases in both departments with
    different holders and a partner department, pauses and extensions, decisions with open
    complaint windows, offers in every status, meetings with staff from both departments."""
    counts = {}
    for size, (person_number, amount) in {
        "small": ("0101011111", 1),
        "large": ("0202022222", 5),
    }.items():
        key = f"{size}{page}"
        family = make_family(
            session,
            person_number=person_number,
            key=key,
            children=amount,
            cases=amount + 1,  # at least one case in each department
            events=amount * 3,
            meetings=amount,
            updates=amount,
            offers=amount,
        )
        identity_provider.add_citizen(f"citizen-{key}", person_number, f"Forælder {key}")
        client = app.test_client()
        login(client, identity_provider, f"citizen-{key}")
        url = f"/familier/{family.id}"
        if page == "child":
            url += f"/boern/{family.children[0].id}"
        html = client.get(url).get_data(as_text=True)  # warm-up: the first request may refresh
        assert "Børne- og Ungdomsforvaltningen" in html and "Socialforvaltningen" in html
        if page == "child":
            assert "Klagenævnet for Specialundervisning" in html and "Ankestyrelsen" in html
        counts[size] = count_queries(app, client, url)
    assert counts["small"] == counts["large"], counts


def test_open_complaint_window_says_until_when_where_and_how(client, identity_provider, session):
    client.set_cookie("portal_lang", "en")  # new texts, checked in their English original
    login(client, identity_provider, "guardian-jensen-1")
    family = session.get(Family, family_id(session, "Familien Jensen"))
    html = client.get(f"/familier/{family.id}/boern/{family.children[0].id}").get_data(as_text=True)
    text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    assert "You have 4 weeks to complain, counted from the day you got the decision." in text
    assert re.search(r"you can complain until \d+ \w+ \d{4}\.", text)
    assert "Send your complaint to Copenhagen Municipality, Social Services Administration" in text
    assert "by Digital Post" in text and "e-mail to the caseworker who made the decision" in text
    assert "first looks at the decision again" in text and "(Ankestyrelsen)" in text


# --- What a new user hit on the pages (issue 10, item 6); new texts in their English original --


def english_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(
        BeautifulSoup(response.get_data(as_text=True), "html.parser").get_text(" ").split()
    )


def english_login(client, identity_provider, session, subject: str, family: str):
    client.set_cookie("portal_lang", "en")
    login(client, identity_provider, subject)
    found = session.get(Family, family_id(session, family))
    return f"/familier/{found.id}", f"/familier/{found.id}/boern/{found.children[0].id}"


def test_a_parent_informed_only_is_told_they_are_not_invited(client, identity_provider, session):
    """Jonas Hansen (information only) sees the meetings he is invited to. Oliver has a meeting
    coming that he is not invited to, so "no meetings are planned" would not be true."""
    jonas = session.scalar(
        select(Guardian)
        .join(Family)
        .where(Family.display_name == "Familien Hansen", Guardian.name == "Jonas Hansen")
    )
    not_invited = [
        m
        for m in session.scalars(select(Meeting).where(Meeting.family_id == jonas.family_id))
        if m.status == "planned"
        and m.starts_at > utcnow()
        and all(p.guardian_id != jonas.id for p in m.participants)
    ]
    assert not_invited  # the demo data has such a meeting
    overview, child = english_login(
        client, identity_provider, session, "guardian-hansen-2", "Familien Hansen"
    )
    for url in (overview, child):
        text = english_text(client, url)
        assert "You are not invited to any planned meeting." in text
        assert "No meetings are planned." not in text
        assert not_invited[0].title not in text


def test_a_parent_who_sees_every_meeting_is_told_none_are_planned(
    client, identity_provider, session
):
    overview, child = english_login(
        client, identity_provider, session, "guardian-mohamed-1", "Familien Mohamed"
    )
    for url in (overview, child):
        text = english_text(client, url)
        assert "No meetings are planned." in text
        assert "You are not invited" not in text


def test_the_child_page_keeps_coming_meetings_apart_from_past_ones(
    client, identity_provider, session
):
    _, child = english_login(
        client, identity_provider, session, "guardian-hansen-1", "Familien Hansen"
    )
    text = english_text(client, child).split("Meetings Coming meetings ", 1)[1]
    coming, past = text.split(" Past meetings ")
    assert "Tværfagligt møde om Oliver" in coming and "Samtale med PPR om Oliver" not in coming
    assert "The meeting was" not in coming
    assert past.startswith("Samtale med PPR om Oliver The meeting was held.")
    assert "Tværfagligt møde om Oliver" not in past


def test_a_paused_clock_gives_the_date_before_the_pause_and_says_it_moves(
    client, identity_provider, session
):
    """Yusuf's investigation is on hold. The date with the pause so far counted in is wrong
    tomorrow; the page gives the date before the pause and says that it moves."""
    overview, _ = english_login(
        client, identity_provider, session, "guardian-al-sayed-1", "Familien Al-Sayed"
    )
    case = session.scalar(select(Case).where(Case.external_id == "SOF-BFU-2001"))
    stage, today = current_stage(case), copenhagen_today()
    deadline = deadline_of(stage, today)
    [pause] = [a for a in stage.clock_adjustments if a.kind == "pause" and a.ends_on is None]
    so_far = (today - pause.starts_on).days
    before_pause = deadline.due_on - timedelta(days=so_far)
    assert deadline.paused and so_far > 1

    def day(value) -> str:
        return format_date(value, "long", locale="en_GB")

    child = f"{overview}/boern/{case.child_id}"
    text = english_text(client, child)
    started = day(stage.started_on)
    assert (
        f"The step started on {started}. Without the pause, it would have to be done by "
        f"{day(before_pause)} at the latest." in text
    )
    assert "The deadline moves for as long as the pause lasts." in text
    assert (
        f"So far the pause has moved the deadline {so_far} days later. "
        "You will see the new date here when the pause ends." in text
    )
    assert day(deadline.due_on) not in text  # a date that moves on tomorrow
    assert "Social Services Administration · deadline on hold" in text  # in the list of steps

    text = english_text(client, overview)
    assert (
        f"Without the pause, this step would have to be done by {day(before_pause)}"
        " at the latest. The deadline moves for as long as the pause lasts." in text
    )
    assert day(deadline.due_on) not in text


def test_departments_are_named_in_the_readers_language(client, identity_provider, session):
    """In the list of steps and the timeline, not only "BUF" (Danish initials)."""
    _, child = english_login(
        client, identity_provider, session, "guardian-hansen-1", "Familien Hansen"
    )
    page = BeautifulSoup(client.get(child).get_data(as_text=True), "html.parser")
    step = page.select_one("[aria-current=step] .portal-step-detail").get_text(" ", strip=True)
    assert step.startswith("Line Pedersen, Children and Youth Administration")
    bylines = [p.get_text(" ", strip=True) for p in page.select(".portal-timeline .portal-byline")]
    assert bylines and all(" · Children and Youth Administration · " in b for b in bylines)


@pytest.mark.parametrize(
    ("status", "days", "said"),
    [
        ("held", -3, "The meeting was held."),
        ("planned", -3, "The meeting is over."),  # the case system has not said how it went
        ("cancelled", -3, "The meeting was cancelled."),
        ("cancelled", 3, "The meeting is cancelled."),
        ("planned", 3, None),
    ],
)
def test_a_meeting_says_in_words_whether_it_was_held_or_cancelled(app, status, days, said):
    starts = utcnow() + timedelta(days=days)
    meeting = SimpleNamespace(
        id=1,
        family_id=1,  # the title links to the meeting's own page
        title="Møde",
        status=status,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        location=None,
        video_url=None,
        participants=[],
    )
    with app.test_request_context("/familier/1", headers={"Cookie": "portal_lang=en"}):
        html = render_template("family/_meeting.html", meeting=meeting)
    status_line = BeautifulSoup(html, "html.parser").select_one(".portal-meeting-status")
    assert (status_line.get_text(strip=True) if status_line else None) == said
