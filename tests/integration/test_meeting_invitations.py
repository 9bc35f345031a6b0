"""Staff invite a parent or a colleague to a planned meeting (docs/access.md B4), and what the
portal adds lives next to what a case system sends: sending the participants again replaces
only the case system's own."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.models import Meeting, Participant
from portal.records.meetings import change_meeting, plan_meeting
from tests.conftest import login
from tests.factories import staff_of
from tests.integration import booking_helpers
from tests.integration.booking_helpers import book, booked_meeting_id, free_time, text_of

world = booking_helpers.world  # the fixture


def informed_parent(world, family):
    return world.informed_parent(family, "citizen-invited")


def participants(world, meeting_id: int) -> list[tuple]:
    world.session.expire_all()
    rows = world.session.scalars(
        select(Participant).where(Participant.meeting_id == meeting_id).order_by(Participant.id)
    )
    return [(p.staff_id or p.guardian_id or p.name, p.added_in_portal) for p in rows]


def test_the_contact_person_invites_the_parent_without_custody_who_then_sees_it(world):
    parent = world.parent()
    informed, subject = informed_parent(world, parent.family)
    slot = world.offer(world.staff(), family=parent.family)
    meeting_id = booked_meeting_id(book(parent, slot.id))
    base = f"/familier/{parent.family.id}/moeder/{meeting_id}"

    outsider = world.app.test_client()
    login(outsider, world.identity_provider, subject)
    assert outsider.get(base).status_code == 404  # not invited by the booking (G3)

    client, token = world.staff_client("staff-mads")
    url = f"/medarbejder/moeder/{meeting_id}/inviter"
    assert url in client.get(f"/medarbejder/moeder/{meeting_id}").get_data(as_text=True)
    page = client.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'value="guardian-{informed.id}"' in html
    assert f'value="guardian-{parent.family.guardians[0].id}"' not in html  # takes part

    nothing = client.post(url, data={"csrf_token": token})
    assert nothing.status_code == 400
    assert 'href="#who-0"' in nothing.get_data(as_text=True)  # the error summary
    assert "Choose whom you invite" in text_of(nothing)
    unknown = client.post(url, data={"csrf_token": token, "who": "guardian-999999"})
    assert unknown.status_code == 400

    invited = client.post(url, data={"csrf_token": token, "who": f"guardian-{informed.id}"})
    assert invited.status_code == 303
    assert (informed.id, True) in participants(world, meeting_id)
    # Told through the outbox like a new meeting; the guardians told before are not told twice
    # (the fan-out compares with what each was last told).
    assert world.outbox_kinds(meeting_id) == ["meeting_planned", "meeting_planned"]
    assert outsider.get(base).status_code == 200  # now they see it
    again = client.post(url, data={"csrf_token": token, "who": f"guardian-{informed.id}"})
    assert again.status_code == 400  # no longer a choice

    stranger, stranger_token = world.staff_client("staff-nadia")
    assert stranger.get(url).status_code == 404
    refused = stranger.post(
        url, data={"csrf_token": stranger_token, "who": f"guardian-{informed.id}"}
    )
    assert refused.status_code == 404


def test_a_cancelled_meeting_invites_nobody(world):
    parent = world.parent()
    informed, _ = informed_parent(world, parent.family)
    meeting_id = booked_meeting_id(
        book(parent, world.offer(world.staff(), family=parent.family).id)
    )
    client, token = world.staff_client("staff-mads")
    cancel = f"/medarbejder/moeder/{meeting_id}/aflys"
    assert client.post(cancel, data={"csrf_token": token, "reason": "Syg."}).status_code == 303
    url = f"/medarbejder/moeder/{meeting_id}/inviter"
    assert client.get(url).status_code == 200
    late = client.post(url, data={"csrf_token": token, "who": f"guardian-{informed.id}"})
    assert late.status_code == 409
    assert (informed.id, True) not in participants(world, meeting_id)


def test_the_case_system_replaces_only_the_participants_it_sent(world):
    parent = world.parent(log_in=False)
    family = parent.family
    informed, _ = informed_parent(world, family)
    sof, _ = staff_of(world.session, "sof")
    staff = world.staff()
    starts = free_time()
    when = dict(kind="tvaerfagligt", title="Tværfagligt møde", starts_at=starts)
    when["ends_at"] = starts + timedelta(hours=1)
    with world.writing() as unit:
        meeting = plan_meeting(
            unit,
            sof,
            family,
            external_id="SOF-M-INVITE",
            organizer=staff,
            participants=[{"staff": staff}, {"name": "Klasselærer"}],
            **when,
        )
    client, token = world.staff_client("staff-mads")
    url = f"/medarbejder/moeder/{meeting.id}/inviter"
    assert (
        client.post(url, data={"csrf_token": token, "who": f"guardian-{informed.id}"}).status_code
        == 303
    )

    def sent_again(people: list[dict]) -> None:
        with world.writing() as unit:
            meeting_now = world.session.get(Meeting, meeting.id)
            change_meeting(
                unit, meeting_now, family=family, organizer=staff, participants=people, **when
            )

    # The case system sends its list again: a new name, the class teacher gone, and the
    # invited parent named too, who stays once, still marked as added in the portal.
    sent_again([{"staff": staff}, {"name": "Skoleleder"}, {"guardian": informed}])
    assert sorted(participants(world, meeting.id), key=str) == sorted(
        [(staff.id, False), (informed.id, True), ("Skoleleder", False)], key=str
    )
    # And a list without them keeps them all the same.
    sent_again([{"staff": staff}])
    assert sorted(participants(world, meeting.id), key=str) == sorted(
        [(staff.id, False), (informed.id, True)], key=str
    )
