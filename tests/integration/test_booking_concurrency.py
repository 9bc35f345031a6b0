"""A double booking is impossible, also under simultaneous requests: many families book one time
at the same moment and exactly one gets it; the others get the "this time was just taken" page
(409), never an error, and nothing of theirs is written. Two meetings moved into one free time
at once: one wins. Each request runs in its own thread with its own client and database session.

On PostgreSQL 50 families book at once. On SQLite, where a writer waits for the one before it
(the busy timeout, 5 s by default), 20 do: enough to queue them, few enough never to wait that
long."""

from __future__ import annotations

import os
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from portal.models import Meeting, Slot
from tests.integration import booking_helpers
from tests.integration.booking_helpers import book, booked_meeting_id, text_of

world = booking_helpers.world  # the fixture

ON_POSTGRES = os.environ.get("TEST_DATABASE", "sqlite") != "sqlite"
BOOKERS = 50 if ON_POSTGRES else 20


def at_once(calls):
    """Run the calls in threads released together; their answers, in order."""
    start = threading.Barrier(len(calls))

    def run(call):
        start.wait(timeout=60)
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_many_families_book_one_time_at_once_and_one_gets_it(world):
    parents = [world.parent() for _ in range(BOOKERS)]
    slot = world.offer(world.staff())  # offered to every family the contact person works with
    slot_id = slot.id  # read here: the threads share no session
    answers = at_once([lambda parent=parent: book(parent, slot_id) for parent in parents])

    statuses = Counter(answer.status_code for answer in answers)
    assert statuses == {303: 1, 409: BOOKERS - 1}, statuses
    for answer in answers:
        if answer.status_code == 409:
            assert "This time was just taken" in text_of(answer)
    [winner] = [answer for answer in answers if answer.status_code == 303]
    meeting_id = booked_meeting_id(winner)

    [meeting] = world.meetings_booked_at(slot)
    assert meeting.id == meeting_id and world.fresh(Slot, slot.id).meeting_id == meeting_id
    guardians = [parent.family.guardians[0].id for parent in parents]
    booked_by = world.session.scalar(
        select(func.count()).select_from(Meeting).where(Meeting.booked_by_id.in_(guardians))
    )
    assert booked_by == 1  # nothing half-written for the others
    assert world.outbox_kinds(meeting_id) == ["meeting_planned"]


def test_two_meetings_moved_into_one_free_time_at_once_one_wins(world):
    first, second = world.parent(), world.parent()
    staff = world.staff()
    booked = {}
    for parent in (first, second):
        slot = world.offer(staff, family=parent.family)
        booked[parent.subject] = (booked_meeting_id(book(parent, slot.id)), slot.id)
    free = world.offer(staff)  # offered to both
    free_id = free.id  # read here: the threads share no session

    def move(parent):
        meeting_id, _ = booked[parent.subject]
        return parent.client.post(
            f"/familier/{parent.family_id}/moeder/{meeting_id}/flyt",
            data={"csrf_token": parent.token, "tid": free_id},
        )

    answers = at_once([lambda: move(first), lambda: move(second)])
    assert sorted(answer.status_code for answer in answers) == [303, 409]
    loser = next(a for a in answers if a.status_code == 409)
    assert "This time was just taken" in text_of(loser)

    winner_parent = first if answers[0].status_code == 303 else second
    loser_parent = second if winner_parent is first else first
    won_id, won_slot = booked[winner_parent.subject]
    lost_id, lost_slot = booked[loser_parent.subject]
    assert world.fresh(Slot, free.id).meeting_id == won_id
    won, lost = world.fresh(Meeting, won_id), world.fresh(Meeting, lost_id)
    assert (won.starts_at, won.sequence) == (free.starts_at, 1)
    assert lost.sequence == 0 and lost.starts_at == world.fresh(Slot, lost_slot).starts_at
    assert world.fresh(Slot, lost_slot).meeting_id == lost_id  # kept its own time
    assert world.fresh(Slot, won_slot).meeting_id is None  # offered again
    assert world.outbox_kinds(lost_id) == ["meeting_planned"]
    assert world.outbox_kinds(won_id) == ["meeting_planned", "meeting_moved"]
