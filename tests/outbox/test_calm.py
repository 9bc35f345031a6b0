"""Calm, not noisy: at most one message per guardian per digest window; what comes in the
window waits and goes as one digest, never dropped; a meeting change close to the meeting
goes at once. The clock is moved, never slept on."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.models import Delivery, Notice
from tests.outbox_factories import Parent, event, household, meeting


def test_ten_events_in_five_minutes_give_one_message_and_one_digest(session, clock, work, mail):
    home = household(session, [Parent("Jens", email="jens@example.org", language="en")])
    far = clock() + timedelta(days=20)
    meetings = [meeting(session, home, far + timedelta(days=n)) for n in range(10)]
    for n, row in enumerate(meetings):
        if n:
            clock.advance(seconds=30)  # ten events over 4.5 minutes
        event(session, "meeting_planned", home.family, when=clock(), meeting=row)
        work()
    assert len(mail.messages) == 1, "the first goes at once, the rest wait"
    assert str(mail.messages[0]["Subject"]) == "News about a meeting"

    clock.advance(minutes=10)  # 14.5 minutes after the first: still waiting
    work()
    assert len(mail.messages) == 1
    clock.advance(minutes=1)
    work()

    assert len(mail.messages) == 2
    assert str(mail.messages[1]["Subject"]).startswith("9 ")
    deliveries = session.scalars(select(Delivery).order_by(Delivery.id)).all()
    assert [(d.status, len(d.notices)) for d in deliveries] == [("sent", 1), ("sent", 9)]
    assert deliveries[1].sent_at - deliveries[0].sent_at >= timedelta(minutes=15)
    assert len(session.scalars(select(Notice)).all()) == 10


def test_a_meeting_change_close_to_the_meeting_is_never_held_back(session, clock, work, mail):
    home = household(session, [Parent("Karen", email="karen@example.org")])
    later = meeting(session, home, clock() + timedelta(days=20))
    tomorrow = meeting(session, home, clock() + timedelta(hours=30))
    event(session, "meeting_planned", home.family, when=clock(), meeting=later)
    work()
    clock.advance(minutes=1)
    event(session, "meeting_planned", home.family, when=clock(), meeting=later)  # duplicate
    tomorrow_planned = event(session, "meeting_planned", home.family, meeting=tomorrow)
    work()
    assert len(mail.messages) == 2, "the meeting tomorrow went at once"
    notice = session.scalars(select(Notice).where(Notice.message_id == tomorrow_planned.id)).one()
    assert notice.urgent and notice.delivery.status == "sent"


def test_a_waiting_digest_goes_at_once_when_an_urgent_change_joins_it(session, clock, work, mail):
    home = household(session, [Parent("Lars", email="lars@example.org", language="en")])
    first = meeting(session, home, clock() + timedelta(days=20))
    second = meeting(session, home, clock() + timedelta(days=21))
    event(session, "meeting_planned", home.family, when=clock(), meeting=first)
    work()
    clock.advance(minutes=2)
    event(session, "meeting_planned", home.family, when=clock(), meeting=second)
    work()
    assert len(mail.messages) == 1  # the second waits for the window
    # The first meeting is moved to tomorrow: the change and the waiting news go together now.
    first.starts_at, first.ends_at = clock() + timedelta(hours=20), clock() + timedelta(hours=21)
    session.commit()
    event(session, "meeting_moved", home.family, when=clock(), meeting=first)
    work()
    assert len(mail.messages) == 2
    assert str(mail.messages[1]["Subject"]).startswith("2 ")


def test_a_moved_meeting_is_told_again_and_the_same_move_only_once(session, clock, work, mail):
    home = household(session, [Parent("Mette", email="mette@example.org")])
    row = meeting(session, home, clock() + timedelta(days=20))
    event(session, "meeting_planned", home.family, when=clock(), meeting=row)
    work()
    row.starts_at += timedelta(days=1)
    row.ends_at += timedelta(days=1)
    session.commit()
    clock.advance(minutes=20)
    event(session, "meeting_moved", home.family, when=clock(), meeting=row)
    event(session, "meeting_moved", home.family, when=clock(), meeting=row)
    work()
    kinds = session.scalars(select(Notice.kind).order_by(Notice.id)).all()
    assert kinds == ["meeting_planned", "meeting_moved"]
    assert len(mail.messages) == 2
