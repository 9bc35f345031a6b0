"""A mail outage delays notifications and never loses them; when the server is back each goes
out once. A permanent refusal stops retrying and is marked failed, listed for the operator and
can be sent again. The operator's commands show states, never content or addresses."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.models import Delivery, Notice, OutboxMessage
from tests.outbox_factories import Parent, current_stage, event, household


def three_families(session):
    homes = []
    for n in range(3):
        home = household(session, [Parent(f"Forælder {n}", email=f"parent{n}@example.org")])
        event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))
        homes.append(home)
    return homes


def test_with_the_mail_server_down_nothing_is_lost_and_each_goes_once_when_it_is_back(
    session, clock, work, mail
):
    three_families(session)
    mail.stop()
    try:
        work()
        deliveries = session.scalars(select(Delivery)).all()
        assert [(d.status, d.attempts) for d in deliveries] == [("pending", 1)] * 3
        assert all("not reachable" in d.last_error for d in deliveries)
        assert all("@" not in d.last_error for d in deliveries)
        assert all(d.next_attempt_at > clock() for d in deliveries), "backs off"
        assert work().taken == 0  # nothing due until the backoff has passed
        clock.advance(minutes=5)
        work()  # still down: tried again, backing off further
        assert {d.attempts for d in session.scalars(select(Delivery))} == {2}
    finally:
        mail.start()
    clock.advance(hours=1)
    work()
    work()
    deliveries = session.scalars(select(Delivery)).all()
    assert {d.status for d in deliveries} == {"sent"}
    assert sorted(mail.references()) == sorted(d.reference for d in deliveries)
    assert len(session.scalars(select(Notice)).all()) == 3


def test_backoff_grows_with_each_attempt(session, clock, work, mail):
    three_families(session)
    mail.stop()
    try:
        delays = []
        for _ in range(4):
            clock.advance(hours=7)  # beyond any backoff so far
            now = clock()
            work()
            due = session.scalars(select(Delivery.next_attempt_at)).all()
            delays.append(min(d - now for d in due))
    finally:
        mail.start()
    # 30 s doubled per attempt, with up to half of it random: 15-30, 30-60, 60-120, 120-240 s.
    for n, delay in enumerate(delays):
        base = 30 * 2**n
        assert timedelta(seconds=base / 2) <= delay <= timedelta(seconds=base + 1), (n, delay)


def test_a_refused_address_fails_at_once_and_the_operator_can_retry_it(
    app, session, clock, work, mail
):
    [home, *_] = three_families(session)
    mail.refuse_recipients(550)
    work()
    failed = session.scalars(select(Delivery).where(Delivery.status == "failed")).all()
    assert len(failed) == 3 and all(d.attempts == 1 for d in failed)
    assert all("550" in d.last_error and "parent" not in d.last_error for d in failed)
    clock.advance(hours=7)
    assert work().taken == 0, "a permanent failure is not retried by itself"

    runner = app.test_cli_runner()
    listed = runner.invoke(args=["outbox", "failed"])
    assert listed.exit_code == 0
    assert f"delivery {failed[0].id}" in listed.output and failed[0].reference in listed.output
    assert "@" not in listed.output

    status = runner.invoke(args=["outbox", "status"])
    assert "deliveries: pending 0, sending 0, sent 0, failed 3, skipped 0" in status.output

    mail.accept_recipients()
    retried = runner.invoke(args=["outbox", "retry", str(failed[0].id)])
    assert retried.exit_code == 0, retried.output
    again = runner.invoke(args=["outbox", "retry", str(failed[0].id)])
    assert again.exit_code != 0 and "no failed delivery" in again.output
    work()
    assert mail.references() == [failed[0].reference]
    session.expire_all()
    assert session.get(Delivery, failed[0].id).status == "sent"


def test_status_shows_counts_and_the_oldest_waiting_message(app, session, clock, work, mail):
    three_families(session)
    status = app.test_cli_runner().invoke(args=["outbox", "status"])
    assert status.exit_code == 0
    assert "events: pending 3, done 0, cancelled 0, failed 0" in status.output
    assert "oldest waiting event: #" in status.output and "(stage_started)" in status.output
    assert "oldest waiting delivery: none" in status.output
    work()
    status = app.test_cli_runner().invoke(args=["outbox", "status"])
    assert "deliveries: pending 0, sending 0, sent 3, failed 0, skipped 0" in status.output
    assert "oldest waiting event: none" in status.output


def test_a_guardian_without_an_address_for_the_channel_is_a_failure_for_the_operator(
    session, work, mail
):
    home = household(session, [Parent("Nina", notify_by="sms", email="nina@example.org")])
    event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))
    work()
    delivery = session.scalars(select(Delivery)).one()
    assert delivery.status == "failed" and "no mobile number" in delivery.last_error
    assert mail.messages == []


def test_an_event_that_cannot_be_fanned_out_holds_up_no_other_and_is_listed(
    app, session, clock, work, mail, monkeypatch
):
    """Fault injection at our own seam: fanning out one event raises."""
    from portal.outbox import fanout

    homes = three_families(session)
    broken_family = homes[1].family.id
    real = fanout.subject_of

    def failing(session, message):
        if message.family_id == broken_family:
            raise RuntimeError("cannot read the subject")
        return real(session, message)

    monkeypatch.setattr(fanout, "subject_of", failing)
    for _ in range(3):
        work(max_attempts=2)
        clock.advance(hours=1)
    assert len(mail.messages) == 2, "the other two went"
    broken = session.scalars(
        select(OutboxMessage).where(OutboxMessage.family_id == broken_family)
    ).one()
    assert (broken.status, broken.attempts) == ("failed", 2)
    assert "cannot read the subject" in broken.last_error
    listed = app.test_cli_runner().invoke(args=["outbox", "failed"])
    assert f"event {broken.id}  stage_started  attempts 2" in listed.output

    monkeypatch.setattr(fanout, "subject_of", real)
    assert (
        app.test_cli_runner().invoke(args=["outbox", "retry", "--event", str(broken.id)]).exit_code
        == 0
    )
    work()
    assert len(mail.messages) == 3
