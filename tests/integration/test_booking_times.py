"""A contact person publishes bookable times (one, or weekly), sees which are booked, withdraws
free ones, and is refused times that overlap something the same person already has."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal.domain.clocks import COPENHAGEN
from portal.models import Slot
from portal.records.meetings import plan_meeting
from tests.integration import booking_helpers
from tests.integration.booking_helpers import book, booked_meeting_id, free_time, text_of

world = booking_helpers.world  # the fixture


def form(token, starts, **values):
    local = starts.astimezone(COPENHAGEN)
    data = {
        "csrf_token": token,
        "on-day": str(local.day),
        "on-month": str(local.month),
        "on-year": str(local.year),
        "start": f"{local:%H:%M}",
        "minutes": "45",
        "kind": "opfoelgning",
        "location": "Lokale 7",
        "video_url": "",
        "repeat": "once",
        "weeks": "",
        "family": "all",
    }
    data.update(values)
    return data


def slots_of(world, staff, location):
    world.session.expire_all()
    return world.session.scalars(
        select(Slot)
        .where(Slot.staff_id == staff.id, Slot.location == location)
        .order_by(Slot.starts_at)
    ).all()


def test_weekly_times_for_one_family_with_a_colleague(world):
    parent = world.parent()
    staff, other = world.staff(index=0), world.staff(index=1)
    client, token = world.staff_client("staff-mads")
    page = client.get("/medarbejder/tider")
    assert page.status_code == 200 and parent.family.display_name in text_of(page)
    starts = free_time()
    data = form(
        token,
        starts,
        repeat="weekly",
        weeks="3",
        family=str(parent.family.id),
        colleagues=[str(other.id)],
        location="Lokale 7 (ugentlig)",
    )
    published = client.post("/medarbejder/tider", data=data)
    assert published.status_code == 303
    slots = slots_of(world, staff, "Lokale 7 (ugentlig)")
    assert [s.starts_at for s in slots] == [
        (starts.astimezone(COPENHAGEN) + timedelta(weeks=w)).astimezone(starts.tzinfo)
        for w in range(3)
    ]
    assert len({s.series for s in slots}) == 1 and slots[0].series is not None
    assert all(s.family_id == parent.family.id and s.kind == "opfoelgning" for s in slots)
    assert all([c.staff_id for c in s.colleagues] == [other.id] for s in slots)
    assert all(s.ends_at - s.starts_at == timedelta(minutes=45) for s in slots)
    shown = text_of(client.get("/medarbejder/tider"))
    assert "3 times are published." in shown and "Free" in shown

    # The family books one; the page says by whom.
    meeting_id = booked_meeting_id(book(parent, slots[1].id))
    html = client.get("/medarbejder/tider").get_data(as_text=True)
    row = html.split(f'id="slot-{slots[1].id}"')[1].split("</tr>")[0]
    assert f"/medarbejder/moeder/{meeting_id}" in row and parent.family.display_name in row


def test_an_overlapping_time_is_refused_naming_it_and_nothing_is_published(world):
    staff, other = world.staff(index=0), world.staff(index=1)
    client, token = world.staff_client("staff-mads")
    taken = world.offer(staff)
    before = world.session.scalar(select(func.count()).select_from(Slot))
    overlapping = form(
        token, taken.starts_at - timedelta(weeks=1) + timedelta(minutes=30), repeat="weekly"
    )
    overlapping["weeks"] = "2"  # the first week is free; the second overlaps
    refused = client.post("/medarbejder/tider", data=overlapping)
    assert refused.status_code == 409
    shown = text_of(refused)
    assert f"{staff.name} already has a time for booking on" in shown
    assert "Nothing was published." in shown and 'id="error-summary"' in refused.get_data(
        as_text=True
    )
    world.session.expire_all()
    assert world.session.scalar(select(func.count()).select_from(Slot)) == before

    # A colleague's own time counts too, and so does a planned meeting.
    theirs = world.offer(other)
    with_colleague = form(token, theirs.starts_at, colleagues=[str(other.id)])
    refused = client.post("/medarbejder/tider", data=with_colleague)
    assert refused.status_code == 409 and f"{other.name} already has a time" in text_of(refused)

    parent = world.parent(log_in=False)
    starts = free_time()
    with world.writing() as unit:
        plan_meeting(
            unit,
            staff.department,
            parent.family,
            organizer=staff,
            kind="samtale",
            title="Planlagt møde",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
        )
    refused = client.post("/medarbejder/tider", data=form(token, starts + timedelta(minutes=15)))
    assert refused.status_code == 409
    assert f"{staff.name} already has a meeting on" in text_of(refused)
    world.session.expire_all()
    assert world.session.scalar(select(func.count()).select_from(Slot)) == before + 1


def test_bad_input_gives_400_with_the_error_summary(world):
    client, token = world.staff_client("staff-mads")
    empty = client.post("/medarbejder/tider", data={"csrf_token": token})
    assert empty.status_code == 400
    html = empty.get_data(as_text=True)
    for anchor in ("#on-day", "#start", "#location"):
        assert f'href="{anchor}"' in html, anchor
    assert "<title>Error:" in html
    starts = free_time()
    cases = {
        "Enter a video link that starts with https://": {
            "location": "",
            "video_url": "http://video.kk.dk/m",
        },
        "Write a number of weeks from 1 to 12": {"repeat": "weekly", "weeks": "13"},
        "Enter the start time, like 09:30": {"start": "25:99"},
        "The date must be today or later": {"on-year": "2020"},
        "Choose who can book the time": {"family": "999999"},
        "Choose colleagues from the list": {"colleagues": ["999999"]},
        "Choose how long the meeting lasts": {"minutes": "50"},
    }
    for message, change in cases.items():
        response = client.post("/medarbejder/tider", data=form(token, starts, **change))
        assert response.status_code == 400, message
        assert message in text_of(response), message
    video = client.post(
        "/medarbejder/tider",
        data=form(token, starts, location="", video_url="https://video.kk.dk/m/1"),
    )
    assert video.status_code == 303


def test_free_times_are_withdrawn_one_or_the_rest_of_the_series(world):
    parent = world.parent()
    staff = world.staff()
    client, token = world.staff_client("staff-mads")
    slots = world.offer(staff, family=parent.family, weeks=4)
    ids, series = [s.id for s in slots], slots[0].series
    url = "/medarbejder/tider/{}/traek-tilbage"
    assert client.post(url.format(ids[0]), data={"csrf_token": token}).status_code == 400
    one = client.post(url.format(ids[0]), data={"csrf_token": token, "omfang": "en"})
    assert one.status_code == 303
    assert world.fresh(Slot, ids[0]) is None
    booked_meeting_id(book(parent, ids[2]))
    rest = client.post(url.format(ids[1]), data={"csrf_token": token, "omfang": "serie"})
    assert rest.status_code == 303
    world.session.expire_all()
    left = world.session.scalars(select(Slot).where(Slot.series == series)).all()
    assert [s.id for s in left] == [ids[2]]  # the booked one stays
    booked = client.post(url.format(ids[2]), data={"csrf_token": token, "omfang": "en"})
    assert booked.status_code == 303
    assert "The time is booked, so it was not withdrawn." in text_of(
        client.get("/medarbejder/tider")
    )
    assert world.fresh(Slot, ids[2]) is not None

    other, other_token = world.staff_client("staff-nadia")
    mine = world.offer(staff, family=parent.family)
    refused = other.post(url.format(mine.id), data={"csrf_token": other_token, "omfang": "en"})
    assert refused.status_code == 404 and world.fresh(Slot, mine.id) is not None
