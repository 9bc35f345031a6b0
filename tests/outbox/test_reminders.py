"""A reminder the day before each planned meeting at the configured hour, scheduled through
the outbox; moving the meeting moves it, cancelling cancels it."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from portal.domain.clocks import COPENHAGEN
from portal.models import Notice, OutboxMessage
from portal.outbox.reminders import reminder_time
from tests.outbox_factories import Parent, event, household, meeting


def reminders(session) -> list[OutboxMessage]:
    session.expire_all()
    return session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "meeting_reminder")
    ).all()


def local(moment: datetime) -> datetime:
    return moment.astimezone(COPENHAGEN)


def test_a_planned_meeting_is_reminded_the_day_before_moved_with_it_and_cancelled_with_it(
    session, clock, work, mail
):
    home = household(session, [Parent("Ole", email="ole@example.org")])
    day = local(clock()).date() + timedelta(days=6)
    starts = datetime.combine(day, time(10), tzinfo=COPENHAGEN).astimezone(UTC)
    row = meeting(session, home, starts)
    event(session, "meeting_planned", home.family, when=clock(), meeting=row)
    work()
    [reminder] = reminders(session)
    assert reminder.status == "pending" and reminder.payload == {"meeting_id": row.id}
    due = local(reminder.next_attempt_at)
    assert (due.date(), due.hour, due.minute) == (local(starts).date() - timedelta(days=1), 18, 0)

    row.starts_at += timedelta(days=2)
    row.ends_at += timedelta(days=2)
    session.commit()
    event(session, "meeting_moved", home.family, when=clock(), meeting=row)
    work()
    [moved] = reminders(session)
    assert moved.id == reminder.id and moved.status == "pending"
    assert local(moved.next_attempt_at).date() == local(starts).date() + timedelta(days=1)

    row.status = "cancelled"
    session.commit()
    event(session, "meeting_cancelled", home.family, when=clock(), meeting=row)
    work()
    assert [r.status for r in reminders(session)] == ["cancelled"]
    clock.advance(days=9)
    work()
    kinds = session.scalars(select(Notice.kind).order_by(Notice.id)).all()
    assert kinds == ["meeting_planned", "meeting_moved", "meeting_cancelled"]


def test_the_reminder_goes_out_at_its_hour_to_those_who_see_the_meeting(
    session, clock, work, mail, settings
):
    home = household(
        session,
        [
            Parent("Pia", email="pia@example.org", language="en"),
            Parent("Rasmus", access="information", email="rasmus@example.org"),
        ],
    )
    row = meeting(session, home, clock() + timedelta(days=4))
    event(session, "meeting_planned", home.family, when=clock(), meeting=row)
    work()
    assert len(mail.messages) == 1  # Pia hears of the meeting; Rasmus is not invited
    [reminder] = reminders(session)
    clock.offset += reminder.next_attempt_at - clock() - timedelta(minutes=1)
    work()
    assert len(mail.messages) == 1  # not yet
    clock.advance(minutes=2)
    work()
    assert len(mail.messages) == 2
    assert str(mail.messages[1]["Subject"]) == "Reminder of your meeting"
    assert mail.envelopes[1][1] == ["pia@example.org"]
    assert reminders(session)[0].status == "done"


def test_the_reminder_hour_is_configurable_and_a_past_reminder_is_not_scheduled(
    session, clock, work
):
    home = household(session, [Parent("Sofie", email="sofie@example.org")])
    later = meeting(session, home, clock() + timedelta(days=5))
    event(session, "meeting_planned", home.family, when=clock(), meeting=later)
    work(reminder_hour=7)
    [reminder] = reminders(session)
    assert local(reminder.next_attempt_at).hour == 7
    soon = meeting(session, home, clock() + timedelta(hours=3))  # its day-before has passed
    event(session, "meeting_planned", home.family, when=clock(), meeting=soon)
    work()
    assert len(reminders(session)) == 1


def test_reminder_time_keeps_the_local_hour_across_daylight_saving():
    winter = reminder_time(datetime(2026, 3, 30, 8, 0, tzinfo=UTC), 18)  # DST began 29 March
    assert winter == datetime(2026, 3, 29, 16, 0, tzinfo=UTC)  # 18:00 CEST
    summer = reminder_time(datetime(2026, 10, 26, 9, 0, tzinfo=UTC), 18)  # DST ended 25 Oct
    assert summer == datetime(2026, 10, 25, 17, 0, tzinfo=UTC)  # 18:00 CET
