"""The child's shared plan (docs/access.md P1, P2): staff write the next steps agreed at a
meeting (what, who of either department or the family or someone else, by when, for which
child) and tick them done; the child's page shows one plan across both departments, overdue
steps said in words and done ones ticked with their date; a parent without custody sees the
steps of the meetings they were invited to. Bad input gets the error summary and a 400, a
meeting not yet started or cancelled a 409, and none of them writes anything."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from portal.domain.clocks import copenhagen_today
from portal.extensions import db
from portal.models import AuditEntry, Family, Meeting, PlanStep, StaffMember
from portal.records import RecordError, families, unit_of_work
from portal.records.guardians import guardian_actor
from portal.records.meetings import change_meeting
from portal.records.plans import add_plan_step, mark_step_done
from portal.records.preparations import save_preparation
from portal.records.staff import staff_actor
from tests.conftest import csrf_token, logged_in_client
from tests.factories import make_family, staff_of, writing
from tests.integration.test_family_overview import count_queries
from tests.integration.test_meeting_preparation import meeting_of
from tests.integration.test_staff_family_picture import contact_subject


@pytest.fixture(scope="module")
def family(app, identity_provider):
    """Two children, a SOF case held by Mads and a BUF case held by Henrik, Mads the contact
    person both departments assigned; a custody parent (citizen-plan) and one without custody
    (citizen-plan-info)."""
    with app.app_context():
        session = db.session
        family = make_family(
            session, person_number="2201261111", key="plan", children=2, cases=2, meetings=0
        )
        sof, _ = staff_of(session, "sof")
        buf, _ = staff_of(session, "buf")
        with writing(session) as unit:
            stated = {"name": "Forælder uden", "access_level": "information"}
            informed = families.add_guardian(
                unit, family, sof, person_number="2201262222", **stated
            )
            families.state_guardian(unit, informed, buf, **stated)
        family_id = family.id
        session.remove()
    identity_provider.add_citizen("citizen-plan", "2201261111", "Forælder plan")
    identity_provider.add_citizen("citizen-plan-info", "2201262222", "Forælder uden")
    return family_id


def staff_named(session, name: str) -> StaffMember:
    return session.scalar(select(StaffMember).where(StaffMember.name == name))


def held_meeting(session, family_id: int, guardians=None, **changes) -> Meeting:
    """A meeting that started two hours ago, with Line Pedersen (BUF) invited too."""
    household = session.get(Family, family_id)
    meeting = meeting_of(
        session, household, starts_in=timedelta(hours=-2), guardians=guardians, **changes
    )
    with writing(session) as unit:
        from portal.records.meetings import add_participant

        add_participant(unit, meeting, staff=staff_named(session, "Line Pedersen"))
    return meeting


def logged_in(app, identity_provider, subject: str, door: str = "citizen"):
    # In English: the texts read here are the msgids.
    return logged_in_client(app, identity_provider, subject, language="en", door=door)


def steps_of(session, meeting: Meeting) -> list[PlanStep]:
    session.expire_all()
    return session.scalars(
        select(PlanStep).where(PlanStep.meeting_id == meeting.id).order_by(PlanStep.id)
    ).all()


def step_url(meeting: Meeting) -> str:
    return f"/medarbejder/moeder/{meeting.id}/skridt"


def long_date(day: date) -> str:
    return format_date(day, "long", locale="en_GB")


def test_staff_of_both_departments_share_one_plan_that_the_family_reads_on_the_childs_page(
    app, identity_provider, session, family
):
    meeting = held_meeting(session, family)
    household = session.get(Family, family)
    first, second = household.children
    staff = logged_in(app, identity_provider, contact_subject(session), door="staff")
    page = BeautifulSoup(
        staff.get(f"/medarbejder/moeder/{meeting.id}").get_data(as_text=True), "html.parser"
    )
    labels = {label.get_text(strip=True) for label in page.find_all("label")}
    # The meeting's staff (Mads of SOF, Line of BUF) and the BUF case's holder (Henrik).
    assert {
        "Line Pedersen (PPR-psykolog), BUF",
        "Henrik Larsen (Koordinator), BUF",
        "Mads Christensen (Sagsbehandler), SOF",
        "The family",
    } <= labels
    assert page.find(id="owner_name")  # someone else, by name: revealed under "other"
    assert {i["value"] for i in page.find_all("input", attrs={"name": "child"})} == {
        str(first.id),
        str(second.id),
    }

    due = copenhagen_today() + timedelta(days=14)
    line, mads = staff_named(session, "Line Pedersen"), staff_named(session, "Mads Christensen")
    token = csrf_token(staff, "/medarbejder/")
    sent = [
        {
            "what": "Line observerer i klassen.",
            "owner": f"staff-{line.id}",
            "child": first.id,
            "due_on-day": due.day,
            "due_on-month": due.month,
            "due_on-year": due.year,
        },
        {"what": "Mads sender bevillingen.", "owner": f"staff-{mads.id}", "child": first.id},
        {"what": "I taler med lægen.", "owner": "family", "child": first.id},
        {
            "what": "Skolen laver et skema.",
            "owner": "other",
            "owner_name": "Skolen",
            "child": second.id,
        },
    ]
    for data in sent:
        answer = staff.post(step_url(meeting), data={"csrf_token": token, **data})
        assert answer.status_code == 303, answer.get_data(as_text=True)
        assert answer.headers["Location"].endswith(f"/medarbejder/moeder/{meeting.id}#plan")
    steps = steps_of(session, meeting)
    assert [(s.owner, s.owner_staff_id, s.owner_name, s.child_id, s.due_on) for s in steps] == [
        ("staff", line.id, None, first.id, due),
        ("staff", mads.id, None, first.id, None),
        ("family", None, None, first.id, None),
        ("other", None, "Skolen", second.id, None),
    ]
    assert {s.written_by_id for s in steps} == {mads.id}

    # One step overdue and one done (written through the records, as if weeks ago).
    overdue_on = copenhagen_today() - timedelta(days=28)
    with writing(session) as unit:
        add_plan_step(
            unit,
            meeting,
            first,
            what="Henrik finder en plads.",
            owner="staff",
            owner_staff=staff_named(session, "Henrik Larsen"),
            due_on=overdue_on,
        )
        done = add_plan_step(
            unit,
            meeting,
            first,
            what="Vi holdt et møde med skolen.",
            owner="family",
            due_on=overdue_on,
        )
        mark_step_done(unit, done, overdue_on - timedelta(days=1))

    parent = logged_in(app, identity_provider, "citizen-plan")
    html = parent.get(f"/familier/{family}/boern/{first.id}").get_data(as_text=True)
    plan = BeautifulSoup(html, "html.parser").find(id=f"plan-for-{first.id}")
    assert plan.h2.get_text() == "Shared plan for Barn0"
    still_open, finished = plan.find_all("ul", class_="portal-plan")
    open_text = still_open.get_text(" ", strip=True)
    # Overdue first, said in words; then by date; the family's own step says "you".
    assert open_text.index("Henrik finder en plads.") < open_text.index("Line observerer")
    assert f"Should have been done by {long_date(overdue_on)}" in open_text
    assert f"To be done by {long_date(due)}" in open_text
    assert "Line Pedersen, Children and Youth Administration" in open_text
    assert "Mads Christensen, Social Services Administration" in open_text
    assert "You (the family)" in open_text and "No date set" in open_text
    assert "Skolen laver et skema." not in plan.get_text()  # the other child's
    done_text = finished.get_text(" ", strip=True)
    assert "✓" in done_text and "Vi holdt et møde med skolen." in done_text
    assert f"Done on {long_date(overdue_on - timedelta(days=1))}" in done_text
    overdue = plan.find("li", class_="portal-plan-step--overdue")
    assert "Henrik finder en plads." in overdue.get_text()
    other = parent.get(f"/familier/{family}/boern/{second.id}").get_data(as_text=True)
    other_plan = BeautifulSoup(other, "html.parser").find(id=f"plan-for-{second.id}")
    assert "Who: Skolen" in other_plan.get_text(" ", strip=True)

    # The staff family page shows each child's plan too.
    staff_page = staff.get(f"/medarbejder/familier/{family}").get_data(as_text=True)
    soup = BeautifulSoup(staff_page, "html.parser")
    assert "Line observerer i klassen." in soup.find(id=f"plan-for-{first.id}").get_text()
    assert "Skolen laver et skema." in soup.find(id=f"plan-for-{second.id}").get_text()
    assert "Line Pedersen, BUF" in " ".join(soup.find(id=f"plan-for-{first.id}").get_text().split())


def test_a_step_is_ticked_done_with_the_date(app, identity_provider, session, family):
    meeting = held_meeting(session, family)
    child = session.get(Family, family).children[0]
    with writing(session) as unit:
        step = add_plan_step(unit, meeting, child, what="Ring til skolen.", owner="family")
    staff = logged_in(app, identity_provider, contact_subject(session), door="staff")
    page = staff.get(f"/medarbejder/moeder/{meeting.id}").get_data(as_text=True)
    action = f"/medarbejder/moeder/{meeting.id}/skridt/{step.id}/udfoert"
    assert f'action="{action}"' in page
    answer = staff.post(action, data={"csrf_token": csrf_token(staff, "/medarbejder/")})
    assert answer.status_code == 303
    [done] = steps_of(session, meeting)
    assert done.done_on == copenhagen_today()
    written = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.object_type == "plan_step", AuditEntry.object_id == step.id)
        .order_by(AuditEntry.id)
    ).all()
    assert [(e.actor_kind, e.actor_name, e.detail) for e in written] == [
        ("system", "test data", "system: plan step"),
        ("staff", "Mads Christensen", "staff: plan step done"),
    ]
    after = staff.get(f"/medarbejder/moeder/{meeting.id}").get_data(as_text=True)
    assert f'action="{action}"' not in after and "Done on" in after


@pytest.mark.parametrize(
    ("data", "anchor", "message"),
    [
        ({"owner": "family"}, "what", "Write what you agreed"),
        ({"what": "x" * 1001, "owner": "family"}, "what", "Write 1000 characters or fewer"),
        ({"what": "Noget"}, "owner-0", "Choose who does it"),
        ({"what": "Noget", "owner": "staff-2147483647"}, "owner-0", "Choose who does it"),
        ({"what": "Noget", "owner": "other"}, "owner_name", "Write who does it"),
        ({"what": "Noget", "owner": "other", "owner_name": "y" * 201}, "owner_name", "Write 200"),
        (
            {
                "what": "Noget",
                "owner": "family",
                "due_on-day": "31",
                "due_on-month": "2",
                "due_on-year": "2027",
            },
            "due_on-day",
            "The date must be a real date",
        ),
        (
            {
                "what": "Noget",
                "owner": "family",
                "due_on-day": "1",
                "due_on-month": "1",
                "due_on-year": "2020",
            },
            "due_on-day",
            "The date must be today or later",
        ),
        ({"what": "Noget", "owner": "family", "child": "0"}, "child-0", "Choose the child"),
    ],
    ids=[
        "no-what",
        "too-long",
        "no-owner",
        "unknown-staff",
        "other-unnamed",
        "long-name",
        "not-a-date",
        "past-date",
        "unknown-child",
    ],
)
def test_bad_input_gets_the_error_summary_and_writes_nothing(
    app, identity_provider, session, family, data, anchor, message
):
    meeting = held_meeting(session, family)
    child = session.get(Family, family).children[0]
    staff = logged_in(app, identity_provider, contact_subject(session), door="staff")
    sent = {"child": child.id, **data}
    answer = staff.post(
        step_url(meeting), data={"csrf_token": csrf_token(staff, "/medarbejder/"), **sent}
    )
    assert answer.status_code == 400
    page = BeautifulSoup(answer.get_data(as_text=True), "html.parser")
    assert page.title.get_text().startswith(f"Error: {meeting.title}")
    link = page.find(id="error-summary").find("a", href=f"#{anchor}")
    assert link is not None and message in link.get_text(), page.find(id="error-summary")
    assert page.find(id=anchor) is not None
    assert steps_of(session, meeting) == []


def test_steps_wait_for_the_meeting_and_never_come_for_a_cancelled_one(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    coming = meeting_of(session, household, starts_in=timedelta(days=2))
    staff = logged_in(app, identity_provider, contact_subject(session), door="staff")
    page = staff.get(f"/medarbejder/moeder/{coming.id}").get_data(as_text=True)
    assert "You can write the next steps when the meeting has started." in page
    assert f'action="{step_url(coming)}"' not in page
    data = {
        "csrf_token": csrf_token(staff, "/medarbejder/"),
        "what": "For tidligt",
        "owner": "family",
        "child": household.children[0].id,
    }
    refused = staff.post(step_url(coming), data=data)
    assert refused.status_code == 409 and steps_of(session, coming) == []
    assert "You can write the next steps when the meeting has started." in refused.get_data(
        as_text=True
    )

    cancelled = held_meeting(session, family)
    with writing(session) as unit:
        change_meeting(
            unit,
            cancelled,
            family=household,
            kind=cancelled.kind,
            title=cancelled.title,
            starts_at=cancelled.starts_at,
            ends_at=cancelled.ends_at,
            organizer=cancelled.organizer,
            status="cancelled",
        )
    refused = staff.post(step_url(cancelled), data=data)
    assert refused.status_code == 409 and steps_of(session, cancelled) == []
    assert "The meeting is cancelled" in refused.get_data(as_text=True)


def test_staff_outside_the_meeting_and_other_meetings_steps_get_404(
    app, identity_provider, session, family
):
    meeting = held_meeting(session, family)
    other = held_meeting(session, family)
    child = session.get(Family, family).children[0]
    with writing(session) as unit:
        step = add_plan_step(unit, other, child, what="Et andet møde.", owner="family")
    outsider = logged_in(app, identity_provider, "staff-sara", door="staff")
    token = csrf_token(outsider, "/medarbejder/")
    assert outsider.get(f"/medarbejder/moeder/{meeting.id}").status_code == 404
    data = {"csrf_token": token, "what": "Nej", "owner": "family", "child": child.id}
    assert outsider.post(step_url(meeting), data=data).status_code == 404
    done_url = f"/medarbejder/moeder/{other.id}/skridt/{step.id}/udfoert"
    assert outsider.post(done_url, data={"csrf_token": token}).status_code == 404
    assert steps_of(session, meeting) == [] and steps_of(session, other)[0].done_on is None


def test_a_step_is_done_only_at_its_own_meeting(app, identity_provider, session, family):
    # (A test of its own: the `session` fixture's app context, and so flask.g with the CSRF
    # token, is shared by every client of a test.)
    meeting = held_meeting(session, family)
    other = held_meeting(session, family)
    child = session.get(Family, family).children[0]
    with writing(session) as unit:
        step = add_plan_step(unit, other, child, what="Et andet møde.", owner="family")
    staff = logged_in(app, identity_provider, contact_subject(session), door="staff")
    wrong = f"/medarbejder/moeder/{meeting.id}/skridt/{step.id}/udfoert"  # not this meeting's
    refused = staff.post(wrong, data={"csrf_token": csrf_token(staff, "/medarbejder/")})
    assert refused.status_code == 404, refused.get_data(as_text=True)
    assert steps_of(session, meeting) == [] and steps_of(session, other)[0].done_on is None


def test_a_parent_without_custody_sees_the_steps_of_the_meetings_they_were_invited_to(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    informed = next(g for g in household.guardians if g.access_level == "information")
    invited = held_meeting(session, family, guardians=[informed], title="Møde med begge")
    not_invited = held_meeting(session, family, title="Møde uden")
    child = household.children[0]
    with writing(session) as unit:
        add_plan_step(unit, invited, child, what="Skridt fra mødet med begge.", owner="family")
        add_plan_step(unit, not_invited, child, what="Skridt fra mødet uden.", owner="family")
    informed_page = logged_in(app, identity_provider, "citizen-plan-info").get(
        f"/familier/{family}/boern/{child.id}"
    )
    html = informed_page.get_data(as_text=True)
    assert "Skridt fra mødet med begge." in html and "Skridt fra mødet uden." not in html
    custody = logged_in(app, identity_provider, "citizen-plan")
    html = custody.get(f"/familier/{family}/boern/{child.id}").get_data(as_text=True)
    assert "Skridt fra mødet med begge." in html and "Skridt fra mødet uden." in html


def test_the_familys_meeting_page_shows_what_was_agreed_and_what_the_parent_wrote(
    app, identity_provider, session, family
):
    """templates/family/_meeting_plan.html and _meeting_preparation.html, as the family's
    meeting page includes them."""
    household = session.get(Family, family)
    held = held_meeting(session, family, title="Mødet med delene")
    coming = meeting_of(session, household, starts_in=timedelta(days=3))
    with writing(session) as unit:
        add_plan_step(unit, held, household.children[0], what="Det aftalte vi.", owner="family")
    parent = logged_in(app, identity_provider, "citizen-plan")

    page = BeautifulSoup(
        parent.get(f"/familier/{family}/moeder/{held.id}").get_data(as_text=True), "html.parser"
    )
    agreed = page.find("section", class_="portal-meeting-plan")
    assert agreed.h2.get_text() == "What we agreed"
    assert "Det aftalte vi." in agreed.get_text() and "You (the family)" in agreed.get_text()
    preparation = page.find("section", class_="portal-meeting-preparation").get_text(" ")
    assert "You did not write anything before the meeting." in preparation

    page = BeautifulSoup(
        parent.get(f"/familier/{family}/moeder/{coming.id}").get_data(as_text=True), "html.parser"
    )
    assert page.find("section", class_="portal-meeting-plan") is None  # not held yet
    ask = page.find("section", class_="portal-meeting-preparation")
    link = ask.find("a", href=f"/familier/{family}/moeder/{coming.id}/vigtigt")
    assert link.get_text() == "Tell us what matters to you before the meeting"
    parent.post(
        link["href"],
        data={"csrf_token": csrf_token(parent), "what_matters": "Vi håber på en plan."},
    )
    ask = BeautifulSoup(
        parent.get(f"/familier/{family}/moeder/{coming.id}").get_data(as_text=True), "html.parser"
    ).find("section", class_="portal-meeting-preparation")
    assert "Vi håber på en plan." in ask.get_text()
    assert ask.find("a", href=link["href"]).get_text() == "Change what you wrote"


def test_the_plan_costs_the_same_queries_for_one_step_or_many(
    app, identity_provider, session, family
):
    household = session.get(Family, family)
    child = household.children[1]
    parent = logged_in(app, identity_provider, "citizen-plan")
    url = f"/familier/{family}/boern/{child.id}"
    counts = []
    for many in (1, 6):
        meeting = held_meeting(session, family)
        with writing(session) as unit:
            for n in range(many):
                add_plan_step(
                    unit,
                    meeting,
                    child,
                    what=f"Skridt {n}",
                    owner="staff",
                    owner_staff=staff_named(
                        session, "Line Pedersen" if n % 2 else "Mads Christensen"
                    ),
                    due_on=copenhagen_today() + timedelta(days=n),
                )
        parent.get(url)  # warm-up
        counts.append(count_queries(app, parent, url))
    assert counts[0] == counts[1], counts
    assert session.scalar(select(func.count()).where(PlanStep.child_id == child.id)) >= 7


def test_the_records_refuse_what_the_pages_never_offer(session, family):
    """The write layer holds the rules itself: only staff (or the test data) write the plan and
    only guardians what matters before a meeting, each for their own family's meeting."""
    household = session.get(Family, family)
    guardian = household.guardians[0]
    meeting = held_meeting(session, family)
    coming = meeting_of(session, household, starts_in=timedelta(days=4))
    hansen = session.scalar(select(Family).where(Family.display_name == "Familien Hansen"))
    stranger_child, stranger = hansen.children[0], hansen.guardians[0]
    mads = staff_named(session, "Mads Christensen")
    child = household.children[0]

    def refused(actor, write) -> str:
        with pytest.raises(RecordError) as refusal, unit_of_work(session, actor) as unit:
            write(unit)
        return type(refusal.value).__name__

    parent, staff = guardian_actor(guardian.name), staff_actor(mads)
    step = {"what": "Noget", "owner": "family"}
    answers = {
        "what_matters": "Noget",
        "questions": None,
        "interpreter_language": None,
        "child_attends": None,
    }
    assert refused(parent, lambda u: add_plan_step(u, meeting, child, **step)) == "Forbidden"
    assert refused(staff, lambda u: add_plan_step(u, meeting, stranger_child, **step)) == "Invalid"
    assert refused(staff, lambda u: add_plan_step(u, coming, child, **step)) == "Conflict"
    assert (
        refused(staff, lambda u: add_plan_step(u, meeting, child, what="Noget", owner="staff"))
        == "Invalid"
    )
    assert refused(staff, lambda u: save_preparation(u, coming, guardian, **answers)) == "Forbidden"
    assert refused(parent, lambda u: save_preparation(u, coming, stranger, **answers)) == "Invalid"
    assert refused(parent, lambda u: save_preparation(u, meeting, guardian, **answers)) == (
        "Conflict"
    )
    too_long = {**answers, "questions": "x" * 2001}
    assert refused(parent, lambda u: save_preparation(u, coming, guardian, **too_long)) == (
        "Invalid"
    )
    assert steps_of(session, meeting) == steps_of(session, coming) == []
    with writing(session) as unit:
        done = add_plan_step(unit, meeting, child, **step)
    assert refused(parent, lambda u: mark_step_done(u, done, date.today())) == "Forbidden"
