"""A parent books a meeting time (docs/access.md B1): day, time, note, check, book; a time
taken in the meantime; "no time fits"; who may book what. Texts are checked in their English
original (the msgids)."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from portal.domain.clocks import local_day
from portal.models import Family, Meeting, Slot, TimeRequest
from portal.models.base import utcnow
from portal.records.families import add_guardian
from tests.conftest import csrf_token, login
from tests.factories import staff_of
from tests.integration import booking_helpers
from tests.integration.booking_helpers import book, booked_meeting_id, text_of

world = booking_helpers.world  # the fixture


def test_a_parent_books_day_time_note_check_and_confirm(world):
    parent = world.parent()
    staff, other = world.staff(index=0), world.staff(index=1)
    slot = world.offer(staff, family=parent.family, colleagues=[other])
    day = local_day(slot.starts_at).isoformat()
    client = parent.client

    first = client.get(parent.book_url)
    assert first.status_code == 200
    assert f'value="{day}"' in first.get_data(as_text=True)  # the day is a choice
    assert "Book a meeting" in text_of(first)

    times = client.get(parent.book_url, query_string={"trin": "dag", "dag": day})
    assert times.status_code == 200
    html = times.get_data(as_text=True)
    assert f'name="tid" value="{slot.id}"' in html and "<legend" in html
    assert f"with {staff.name}" in text_of(times) and "Mødelokale 3" in text_of(times)

    note_page = client.get(
        parent.book_url, query_string={"trin": "tid", "dag": day, "tid": slot.id}
    )
    assert note_page.status_code == 200 and "Add a note" in text_of(note_page)

    note = "Vi vil tale om skolen."
    check = client.post(
        f"{parent.book_url}/tjek", data={"csrf_token": parent.token, "tid": slot.id, "note": note}
    )
    assert check.status_code == 200
    shown = text_of(check)
    assert "Check your answers" in shown and note in shown
    assert other.name in shown and staff.name in shown

    # "Change your note" goes back to the note, filled in, without booking anything.
    again = client.post(
        f"{parent.book_url}/tjek",
        data={"csrf_token": parent.token, "tid": slot.id, "note": note, "aendr": "note"},
    )
    assert again.status_code == 200 and note in again.get_data(as_text=True)
    assert world.fresh(Slot, slot.id).meeting_id is None

    confirmed = book(parent, slot.id, note=note)
    meeting_id = booked_meeting_id(confirmed)
    page = client.get(confirmed.headers["Location"])
    assert page.status_code == 200
    shown = text_of(page)
    assert "Your meeting is booked" in shown and "What happens next" in shown
    assert "Write what is important to you" in shown
    assert "You can move or cancel the meeting here until" in shown
    assert staff.phone in shown  # who to call

    meeting = world.fresh(Meeting, meeting_id)
    guardian = parent.family.guardians[0]
    assert world.fresh(Slot, slot.id).meeting_id == meeting.id
    assert (meeting.status, meeting.organizer_id, meeting.department_id) == (
        "planned",
        staff.id,
        staff.department_id,
    )
    assert (meeting.starts_at, meeting.ends_at) == (slot.starts_at, slot.ends_at)
    assert meeting.booked_by_id == guardian.id and meeting.booking_note == note
    who = {(p.staff_id, p.guardian_id) for p in meeting.participants}
    assert who == {(staff.id, None), (other.id, None), (None, guardian.id)}
    assert meeting.sequence == 0 and meeting.location == "Mødelokale 3"
    assert world.outbox_kinds(meeting.id) == ["meeting_planned"]


def test_the_day_narrows_the_times_in_place_with_htmx(world):
    parent = world.parent()
    staff = world.staff()
    first = world.offer(staff, family=parent.family)
    later = world.offer(staff, first.starts_at + timedelta(days=3), family=parent.family)
    day = local_day(first.starts_at).isoformat()
    fragment = parent.client.get(
        parent.book_url, query_string={"trin": "dag", "dag": day}, headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert fragment.lstrip().startswith("<form") and "<html" not in fragment
    assert f'value="{first.id}"' in fragment and f'value="{later.id}"' not in fragment
    page = parent.client.get(parent.book_url).get_data(as_text=True)
    assert 'hx-get="' in page and 'hx-target="#times"' in page


def test_choosing_nothing_gives_400_with_the_error_summary(world):
    parent = world.parent()
    slot = world.offer(world.staff(), family=parent.family)
    client = parent.client

    no_day = client.get(parent.book_url, query_string={"trin": "dag"})
    assert no_day.status_code == 400
    html = no_day.get_data(as_text=True)
    assert 'id="error-summary"' in html and 'href="#dag-0"' in html and "Choose a day" in html
    assert "<title>Error:" in html

    unknown_day = client.get(parent.book_url, query_string={"trin": "dag", "dag": "2001-01-01"})
    assert unknown_day.status_code == 400 and "Choose one of the days" in text_of(unknown_day)

    no_time = client.get(parent.book_url, query_string={"trin": "tid"})
    assert no_time.status_code == 400 and "Choose a time" in text_of(no_time)
    assert 'href="#tid-' in no_time.get_data(as_text=True)

    long_note = client.post(
        f"{parent.book_url}/tjek",
        data={"csrf_token": parent.token, "tid": slot.id, "note": "x" * 1001},
    )
    assert long_note.status_code == 400
    assert 'href="#note"' in long_note.get_data(as_text=True)
    assert "Write 1000 characters or fewer" in text_of(long_note)

    too_long = book(parent, slot.id, note="x" * 1001)
    assert too_long.status_code == 400 and world.fresh(Slot, slot.id).meeting_id is None
    url = f"{parent.book_url}/bekraeft"
    assert client.post(url, data={"csrf_token": parent.token}).status_code == 400
    assert client.post(url, data={"tid": slot.id}).status_code == 400  # no CSRF token


def test_a_time_taken_in_the_meantime_gives_409_and_the_other_times(world):
    first, second = world.parent(), world.parent()
    staff = world.staff()
    wanted = world.offer(staff)  # to all the families the contact person works with
    other = world.offer(staff)
    booked_meeting_id(book(first, wanted.id))

    late = book(second, wanted.id)
    assert late.status_code == 409
    shown = text_of(late)
    assert "This time was just taken" in shown and "Nothing has been booked for you" in shown
    html = late.get_data(as_text=True)
    assert f'value="{other.id}"' in html  # pick another, right here
    assert f'value="{wanted.id}"' not in html
    guardian_id = second.family.guardians[0].id
    world.session.expire_all()
    assert (
        world.session.scalar(select(Meeting.id).where(Meeting.booked_by_id == guardian_id)) is None
    )
    assert len(world.meetings_booked_at(wanted)) == 1

    # The earlier steps say so too.
    note = second.client.get(second.book_url, query_string={"trin": "tid", "tid": wanted.id})
    assert note.status_code == 409 and "This time was just taken" in text_of(note)


def test_times_offered_to_another_family_are_neither_shown_nor_bookable(world):
    mine, theirs = world.parent(), world.parent()
    slot = world.offer(world.staff(), family=theirs.family)
    shown = mine.client.get(mine.book_url, query_string={"trin": "tid", "tid": ""})
    assert f'value="{slot.id}"' not in shown.get_data(as_text=True)
    assert book(mine, slot.id).status_code == 409
    assert world.fresh(Slot, slot.id).meeting_id is None


def test_times_that_have_begun_are_not_offered(world):
    parent = world.parent()
    slot = world.offer(world.staff(), family=parent.family)
    begun = world.fresh(Slot, slot.id)
    begun.starts_at = utcnow() - timedelta(minutes=1)
    begun.ends_at = begun.starts_at + timedelta(minutes=30)
    world.session.commit()
    assert book(parent, slot.id).status_code == 409
    assert world.fresh(Slot, slot.id).meeting_id is None


def test_a_parent_without_custody_cannot_book(client, identity_provider, world):
    login(client, identity_provider, "guardian-hansen-2")
    hansen = world.session.scalar(select(Family.id).where(Family.display_name == "Familien Hansen"))
    for path in ("/book", "/book/ingen-tid", "/book/ingen-tid/sendt"):
        assert client.get(f"/familier/{hansen}{path}").status_code == 404, path
    token = csrf_token(client, f"/familier/{hansen}")
    slot_id = world.session.scalar(select(Slot.id).where(Slot.family_id == hansen))
    response = client.post(
        f"/familier/{hansen}/book/bekraeft", data={"csrf_token": token, "tid": slot_id}
    )
    assert response.status_code == 404
    assert world.fresh(Slot, slot_id).meeting_id is None


def test_no_time_fits_reaches_the_contact_person_who_marks_it_handled(world):
    parent = world.parent()
    url = f"{parent.book_url}/ingen-tid"
    assert parent.client.get(url).status_code == 200
    empty = parent.client.post(url, data={"csrf_token": parent.token})
    assert empty.status_code == 400
    html = empty.get_data(as_text=True)
    assert 'href="#weekdays-0"' in html and 'href="#times_of_day-0"' in html
    made_up = parent.client.post(
        url, data={"csrf_token": parent.token, "weekdays": ["sun"], "times_of_day": ["night"]}
    )
    assert made_up.status_code == 400

    sent = parent.client.post(
        url,
        data={
            "csrf_token": parent.token,
            "weekdays": ["tue", "thu"],
            "times_of_day": ["morning"],
            "note": "Ikke i skolens ferie.",
        },
    )
    assert sent.status_code == 303 and sent.headers["Location"].endswith("/ingen-tid/sendt")
    assert parent.client.get(sent.headers["Location"]).status_code == 200
    world.session.expire_all()
    request = world.session.scalar(
        select(TimeRequest).where(TimeRequest.family_id == parent.family.id)
    )
    staff = world.staff()
    assert (request.staff_id, request.weekdays, request.times_of_day) == (
        staff.id,
        ["tue", "thu"],
        ["morning"],
    )
    assert request.guardian_id == parent.family.guardians[0].id and request.handled_at is None

    staff_client, token = world.staff_client("staff-mads")
    times = staff_client.get("/medarbejder/tider")
    assert times.status_code == 200
    shown = text_of(times)
    assert parent.family.display_name in shown and "Ikke i skolens ferie." in shown
    assert "Tuesday, Thursday" in shown
    handled = staff_client.post(
        "/medarbejder/tider/ingen-tid-passer", data={"csrf_token": token, "anmodning": request.id}
    )
    assert handled.status_code == 303
    assert world.fresh(TimeRequest, request.id).handled_at is not None
    bad = staff_client.post(
        "/medarbejder/tider/ingen-tid-passer", data={"csrf_token": token, "anmodning": "x"}
    )
    assert bad.status_code == 400
    other_staff, other_token = world.staff_client("staff-nadia")
    not_theirs = other_staff.post(
        "/medarbejder/tider/ingen-tid-passer",
        data={"csrf_token": other_token, "anmodning": request.id},
    )
    assert not_theirs.status_code == 404


def test_the_family_s_other_custody_parent_is_invited_too(world):
    """A booking invites the family's other guardians whom the staff member's department states
    with custody, and not a guardian with information only."""
    parent = world.parent()
    family = world.fresh(Family, parent.family.id)
    sof, _ = staff_of(world.session, "sof")
    with world.writing() as unit:
        other = add_guardian(
            unit,
            family,
            sof,
            person_number=world.person_number(),
            name="Anden Forælder",
            access_level="custody",
        )
        informed = add_guardian(
            unit,
            family,
            sof,
            person_number=world.person_number(),
            name="Tredje Forælder",
            access_level="information",
        )
    slot = world.offer(world.staff(), family=family)
    meeting = world.fresh(Meeting, booked_meeting_id(book(parent, slot.id)))
    guardians = {p.guardian_id for p in meeting.participants if p.guardian_id}
    assert guardians == {parent.family.guardians[0].id, other.id}
    assert informed.id not in guardians
    assert re.match(r"Samtale med ", meeting.title)
