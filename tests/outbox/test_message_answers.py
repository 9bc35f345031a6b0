"""An answer in a conversation, end to end (docs/access.md M4): staff answering through
`portal/records` leaves one event; the worker tells the guardians who read the conversation —
the guardians with custody for the family's shared one, only its guardian for the own
conversation of a guardian with information only — that there is an answer, never what it
says; a parent's own message tells nobody."""

from __future__ import annotations

from sqlalchemy import select

from portal.models import Notice, OutboxMessage, Thread
from portal.records import unit_of_work
from portal.records.conversations import start_thread, write_message
from portal.records.guardians import guardian_actor
from portal.records.staff import staff_actor
from tests.outbox.test_fanout import FORBIDDEN, everything_sent
from tests.outbox_factories import Household, Parent, household

SECRET = "Hemmeligt svar om medicinen og skoleskiftet"


def parents(session) -> Household:
    """Anna (custody, BUF), Bo (information only) and Cille (custody from SOF only)."""
    return household(
        session,
        [
            Parent("Anna", email="anna@example.org"),
            Parent("Bo", access="information", email="bo@example.org"),
            Parent("Cille", email="cille@example.org", departments=("sof",)),
        ],
    )


def write(session, guardian, body: str = "Et spørgsmål om mødet", topic: str = "meeting"):
    with unit_of_work(session, guardian_actor("Forælder")) as unit:
        return start_thread(unit, guardian.family, guardian, topic, body)


def answer(session, thread: Thread, body: str = SECRET):
    staff = thread.staff
    with unit_of_work(session, staff_actor(staff)) as unit:
        return write_message(unit, thread, staff, body)


def recipients(mail) -> list[str]:
    return sorted(address for _, rcpts in mail.envelopes for address in rcpts)


def events(session, home: Household) -> list[OutboxMessage]:
    return session.scalars(
        select(OutboxMessage).where(OutboxMessage.family_id == home.family.id)
    ).all()


def test_the_parents_with_custody_hear_of_an_answer_in_the_familys_conversation(
    session, work, mail, sms
):
    home = parents(session)
    anna, bo, cille = home.guardians
    thread = write(session, anna)
    assert events(session, home) == []  # a parent's message is read in the portal
    sent = answer(session, thread)

    [event] = events(session, home)
    assert (event.kind, event.payload) == (
        "message_answered",
        {"thread_id": thread.id, "message_id": sent.id},
    )
    work()

    assert recipients(mail) == ["anna@example.org", "cille@example.org"]
    assert sms.received == []
    told = session.scalars(select(Notice).order_by(Notice.guardian_id)).all()
    assert [(n.guardian_id, n.kind, n.topic) for n in told] == [
        (anna.id, "message_answered", f"thread:{thread.id}"),
        (cille.id, "message_answered", f"thread:{thread.id}"),
    ]
    text = everything_sent(mail, sms)
    assert "Du har fået svar på din besked." in text
    for word in (SECRET, "medicinen", "mødet", thread.staff.name, *FORBIDDEN):
        assert word not in text, word
    assert not session.scalars(select(Notice).where(Notice.guardian_id == bo.id)).all()


def test_only_the_parent_without_custody_hears_of_an_answer_in_their_own_conversation(
    session, work, mail, sms
):
    home = parents(session)
    anna, bo, _ = home.guardians
    own = write(session, bo, "Hvordan går det i skolen?", topic="case")
    assert own.guardian_id == bo.id
    answer(session, own)
    work()
    assert recipients(mail) == ["bo@example.org"]
    [notice] = session.scalars(select(Notice)).all()
    assert (notice.guardian_id, notice.topic) == (bo.id, f"thread:{own.id}")
    assert SECRET not in everything_sent(mail, sms)


def test_each_answer_is_news_of_its_own_after_the_quiet_window(session, clock, work, mail):
    home = household(session, [Parent("Dina", email="dina@example.org")])
    thread = write(session, home.guardians[0])
    answer(session, thread, "Første svar")
    work()
    answer(session, thread, "Andet svar")
    work()
    assert len(mail.messages) == 1  # the second waits for the window
    clock.advance(minutes=16)
    work()
    assert len(mail.messages) == 2
    assert session.scalars(select(Notice.fingerprint).order_by(Notice.id)).all() == [
        f"answer:{m.id}" for m in thread.messages if m.author_kind == "staff"
    ]
