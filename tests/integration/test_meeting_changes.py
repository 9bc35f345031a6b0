"""Moving and cancelling a meeting: a parent with custody until the cut-off (docs/access.md B2),
staff with a reason in plain words (B3). Every change raises the sequence, keeps the reason and
leaves its message in the outbox."""

from __future__ import annotations

from datetime import timedelta

from portal.domain.clocks import COPENHAGEN
from portal.models import Meeting, Slot
from portal.models.base import utcnow
from portal.records.meetings import plan_meeting
from tests.conftest import csrf_token, login
from tests.factories import staff_of
from tests.integration import booking_helpers
from tests.integration.booking_helpers import book, booked_meeting_id, free_time, text_of

world = booking_helpers.world  # the fixture


def booked(world, parent, starts=None):
    """A meeting the parent booked with the contact person, and its time."""
    slot = world.offer(world.staff(), starts, family=parent.family)
    return booked_meeting_id(book(parent, slot.id)), slot.id


def test_a_parent_moves_to_another_offered_time_then_cancels(world):
    parent = world.parent()
    meeting_id, first = booked(world, parent)
    second = world.offer(world.staff(), family=parent.family).id
    move_url = f"/familier/{parent.family.id}/moeder/{meeting_id}/flyt"
    cancel_url = f"/familier/{parent.family.id}/moeder/{meeting_id}/aflys"

    meeting_page = parent.client.get(f"/familier/{parent.family.id}/moeder/{meeting_id}")
    assert move_url in meeting_page.get_data(as_text=True)  # the links on the meeting's page
    page = parent.client.get(move_url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'value="{second}"' in html and f'value="{first}"' not in html

    nothing = parent.client.post(move_url, data={"csrf_token": parent.token})
    assert nothing.status_code == 400 and 'href="#tid-' in nothing.get_data(as_text=True)
    assert "Choose a new time" in text_of(nothing)

    moved = parent.client.post(
        move_url, data={"csrf_token": parent.token, "tid": second, "reason": "Vi er syge."}
    )
    assert moved.status_code == 303
    assert moved.headers["Location"].endswith(f"/familier/{parent.family.id}/moeder/{meeting_id}")
    meeting = world.fresh(Meeting, meeting_id)
    new_time = world.fresh(Slot, second)
    assert (meeting.starts_at, meeting.sequence, meeting.change_reason) == (
        new_time.starts_at,
        1,
        "Vi er syge.",
    )
    assert new_time.meeting_id == meeting_id
    assert world.fresh(Slot, first).meeting_id is None  # offered again
    assert world.outbox_kinds(meeting_id) == ["meeting_planned", "meeting_moved"]

    assert parent.client.post(cancel_url, data={"csrf_token": parent.token}).status_code == 400
    kept = parent.client.post(cancel_url, data={"csrf_token": parent.token, "sure": "no"})
    assert kept.status_code == 303 and world.fresh(Meeting, meeting_id).status == "planned"
    cancelled = parent.client.post(
        cancel_url, data={"csrf_token": parent.token, "sure": "yes", "reason": ""}
    )
    assert cancelled.status_code == 303
    meeting = world.fresh(Meeting, meeting_id)
    assert (meeting.status, meeting.sequence, meeting.change_reason) == ("cancelled", 2, None)
    assert world.fresh(Slot, second).meeting_id is None
    assert world.outbox_kinds(meeting_id) == [
        "meeting_planned",
        "meeting_moved",
        "meeting_cancelled",
    ]

    # Once cancelled, nothing more to change here.
    assert parent.client.get(move_url).status_code == 200
    again = parent.client.post(cancel_url, data={"csrf_token": parent.token, "sure": "yes"})
    assert again.status_code == 409 and world.outbox_kinds(meeting_id)[-1] == "meeting_cancelled"
    assert len(world.outbox_kinds(meeting_id)) == 3


def test_after_the_cut_off_the_parent_is_asked_to_call(world, make_other_app):
    parent = world.parent()
    soon = (utcnow() + timedelta(hours=10)).replace(second=0, microsecond=0)
    meeting_id, _ = booked(world, parent, soon)
    other = world.offer(world.staff(), family=parent.family).id
    base = f"/familier/{parent.family.id}/moeder/{meeting_id}"
    staff = world.staff()

    for path in ("/flyt", "/aflys"):
        page = parent.client.get(base + path)
        assert page.status_code == 200
        shown = text_of(page)
        assert "less than 24 hours until the meeting" in shown and staff.phone in shown
    moved = parent.client.post(base + "/flyt", data={"csrf_token": parent.token, "tid": other})
    cancelled = parent.client.post(
        base + "/aflys", data={"csrf_token": parent.token, "sure": "yes"}
    )
    assert (moved.status_code, cancelled.status_code) == (409, 409)
    meeting = world.fresh(Meeting, meeting_id)
    assert (meeting.status, meeting.starts_at, meeting.sequence) == ("planned", soon, 0)
    meeting_page = parent.client.get(base)
    assert "To move or cancel the meeting now, call your contact person." in text_of(meeting_page)

    # The cut-off is the operator's choice (MEETING_CHANGE_CUTOFF_HOURS).
    shorter = make_other_app(MEETING_CHANGE_CUTOFF_HOURS=2)
    client = shorter.test_client()
    client.set_cookie("portal_lang", "en")
    login(client, world.identity_provider, parent.subject)
    token = csrf_token(client, base)
    assert client.post(base + "/flyt", data={"csrf_token": token, "tid": other}).status_code == 303
    assert world.fresh(Meeting, meeting_id).sequence == 1


def test_a_parent_without_custody_cannot_change_a_meeting_they_are_invited_to(world):
    parent = world.parent(log_in=False)
    family = parent.family
    sof, _ = staff_of(world.session, "sof")
    staff = world.staff()
    starts = free_time()
    informed, subject = world.informed_parent(family, "citizen-booking-informed")
    with world.writing() as unit:
        meeting = plan_meeting(
            unit,
            sof,
            family,
            organizer=staff,
            kind="samtale",
            title="Samtale med begge forældre",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            participants=[{"staff": staff}, {"guardian": informed}],
        )
    client = world.app.test_client()
    login(client, world.identity_provider, subject)
    base = f"/familier/{family.id}/moeder/{meeting.id}"
    assert client.get(base).status_code == 200  # they see it (G3)
    assert "/flyt" not in client.get(base).get_data(as_text=True)
    token = csrf_token(client, base)
    for path in ("/flyt", "/aflys"):
        assert client.get(base + path).status_code == 404
        assert (
            client.post(base + path, data={"csrf_token": token, "sure": "yes"}).status_code == 404
        )
    assert world.fresh(Meeting, meeting.id).status == "planned"


def form(token, starts, minutes="60", reason="Jeg er på kursus den dag."):
    local = starts.astimezone(COPENHAGEN)
    return {
        "csrf_token": token,
        "on-day": str(local.day),
        "on-month": str(local.month),
        "on-year": str(local.year),
        "start": f"{local:%H:%M}",
        "minutes": minutes,
        "reason": reason,
    }


def test_staff_move_with_a_reason_and_clashes_are_refused(world):
    parent = world.parent()
    meeting_id, slot_id = booked(world, parent)
    client, token = world.staff_client("staff-mads")
    url = f"/medarbejder/moeder/{meeting_id}/flyt"
    family_page = client.get(f"/medarbejder/familier/{parent.family.id}").get_data(as_text=True)
    assert url in family_page and f"/medarbejder/moeder/{meeting_id}/aflys" in family_page

    page = client.get(url)
    assert page.status_code == 200
    meeting = world.fresh(Meeting, meeting_id)
    local = meeting.starts_at.astimezone(COPENHAGEN)
    assert f'value="{local:%H:%M}"' in page.get_data(as_text=True)  # filled in

    no_reason = client.post(url, data=form(token, free_time(), reason=""))
    assert no_reason.status_code == 400
    assert 'href="#reason"' in no_reason.get_data(as_text=True)
    assert "Write why the meeting is moved" in text_of(no_reason)
    same = client.post(url, data=form(token, meeting.starts_at))
    assert same.status_code == 400 and "The meeting is at this time already." in text_of(same)

    busy = world.offer(world.staff())  # the staff member's own free time
    clash = client.post(url, data=form(token, busy.starts_at + timedelta(minutes=30)))
    assert clash.status_code == 409
    assert "has a time for booking on" in text_of(clash)
    assert world.fresh(Meeting, meeting_id).sequence == 0

    new_start = free_time()
    moved = client.post(url, data=form(token, new_start, minutes="90"))
    assert moved.status_code == 303
    assert moved.headers["Location"].endswith(f"/medarbejder/moeder/{meeting_id}")
    meeting = world.fresh(Meeting, meeting_id)
    assert (meeting.starts_at, meeting.ends_at - meeting.starts_at) == (
        new_start,
        timedelta(minutes=90),
    )
    assert (meeting.sequence, meeting.change_reason) == (1, "Jeg er på kursus den dag.")
    assert world.fresh(Slot, slot_id) is None  # the booked time is withdrawn
    assert world.outbox_kinds(meeting_id) == ["meeting_planned", "meeting_moved"]
    assert "Jeg er på kursus den dag." in text_of(
        parent.client.get(f"/familier/{parent.family.id}/moeder/{meeting_id}")
    )


def test_staff_cancel_with_a_reason(world):
    parent = world.parent()
    meeting_id, _ = booked(world, parent)
    client, token = world.staff_client("staff-mads")
    url = f"/medarbejder/moeder/{meeting_id}/aflys"
    assert client.get(url).status_code == 200
    no_reason = client.post(url, data={"csrf_token": token, "reason": "  "})
    assert no_reason.status_code == 400 and 'href="#reason"' in no_reason.get_data(as_text=True)
    too_long = client.post(url, data={"csrf_token": token, "reason": "x" * 1001})
    assert too_long.status_code == 400
    done = client.post(url, data={"csrf_token": token, "reason": "Jeg er syg."})
    assert done.status_code == 303
    meeting = world.fresh(Meeting, meeting_id)
    assert (meeting.status, meeting.sequence, meeting.change_reason) == (
        "cancelled",
        1,
        "Jeg er syg.",
    )
    assert world.outbox_kinds(meeting_id) == ["meeting_planned", "meeting_cancelled"]
    assert client.post(url, data={"csrf_token": token, "reason": "Igen"}).status_code == 409

    # Staff who may not change it (here: who do not even see it) get 404.
    other, other_token = world.staff_client("staff-nadia")
    assert other.get(f"/medarbejder/moeder/{meeting_id}/flyt").status_code == 404
