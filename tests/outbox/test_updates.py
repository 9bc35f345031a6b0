"""An update from staff, end to end: posting it through `portal/records` leaves one event; the
worker tells the guardians who may see it (access.md G2, G4: custody from the author's
department, about the whole family or a child they see) that there is news from their contact
person — never what it says — within the quiet window; and staff see on the family page whether
and when each parent was told, at a cost that does not grow with the updates."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from portal.access import guardian_access
from portal.i18n import COOKIE
from portal.models import Child, Delivery, Notice, OutboxMessage, Update
from portal.reads.family import newest_updates
from portal.records import unit_of_work
from portal.records.staff import staff_actor
from portal.records.statements import state_child
from portal.records.updates import post_update
from tests.conftest import login
from tests.factories import staff_of, writing
from tests.integration.test_family_overview import count_queries
from tests.integration.test_staff_family_picture import contact_subject
from tests.outbox.test_fanout import FORBIDDEN, everything_sent
from tests.outbox_factories import CHILD_FIRST_NAME, Household, Parent, household

SECRET = "Hemmelig besked om skoleskiftet og medicinen"


def author(session, code: str):
    """The department's first staff member: the contact person `household` assigns."""
    _, staff = staff_of(session, code)
    return staff[0]


def post(session, home: Household, code: str, body: str = SECRET, child=None) -> Update:
    """An update posted at the staff door, in the author's own name (a unit that tells)."""
    writer = author(session, code)
    with unit_of_work(session, staff_actor(writer)) as unit:
        return post_update(unit, home.family, author=writer, body=body, child=child)


def recipients(mail) -> list[str]:
    return sorted(address for _, rcpts in mail.envelopes for address in rcpts)


def test_posting_an_update_as_staff_queues_one_event_and_test_data_none(session):
    home = household(session, [Parent("Aske", email="aske@example.org")])
    update = post(session, home, "buf")
    [message] = session.scalars(
        select(OutboxMessage).where(OutboxMessage.family_id == home.family.id)
    ).all()
    assert (message.kind, message.payload) == ("update_posted", {"update_id": update.id})
    assert SECRET not in str(message.payload)

    with writing(session) as unit:  # test data (and the demo data) tell nobody
        post_update(unit, home.family, author=author(session, "buf"), body="Fra før")
    events = session.scalars(
        select(OutboxMessage.id).where(OutboxMessage.family_id == home.family.id)
    ).all()
    assert events == [message.id]


def test_custody_guardians_of_the_authors_department_hear_that_there_is_news(
    session, work, mail, sms
):
    """access.md G4 (with G2): custody from the author's department; never information only,
    never a guardian the author's department does not know."""
    home = household(
        session,
        [
            Parent("Anna", email="anna@example.org"),
            Parent("Bo", access="information", email="bo@example.org"),
            Parent("Cille", email="cille@example.org", departments=("sof",)),
        ],
    )
    anna, bo, cille = home.guardians
    from_buf = post(session, home, "buf", child=home.child)

    work()

    assert recipients(mail) == ["anna@example.org"] and sms.received == []
    [notice] = session.scalars(select(Notice)).all()
    assert notice.guardian_id == anna.id
    assert (notice.kind, notice.topic, notice.update_id) == (
        "update_posted",
        f"update:{from_buf.id}",
        from_buf.id,
    )
    assert (notice.case_id, notice.meeting_id, notice.child_offer_id) == (None, None, None)
    assert not notice.urgent
    # What Anna reads: that there is news from her contact person, nothing of the update.
    [message] = mail.messages
    assert str(message["Subject"]) == "Nyt i Familieportalen"
    sent = everything_sent(mail, sms)
    assert "Der er nyt fra din kontaktperson." in sent
    for word in (SECRET, "Hemmelig", "skoleskiftet", author(session, "buf").name, *FORBIDDEN):
        assert word not in sent, word

    # SOF's update reaches the guardian SOF vouches for with custody, not BUF's guardians.
    mail.reset()
    from_sof = post(session, home, "sof")
    work()
    assert recipients(mail) == ["cille@example.org"]
    told = session.scalars(select(Notice.guardian_id).where(Notice.update_id == from_sof.id))
    assert list(told) == [cille.id]
    assert not session.scalars(select(Notice).where(Notice.guardian_id == bo.id)).all()


def test_an_update_about_a_child_the_guardian_does_not_see_is_not_told(session, work, mail):
    """The guardian must see the child an update is about (access.md G3): a child only the
    other department has stated stays out of the guardian's news."""
    home = household(session, [Parent("Dina", email="dina@example.org")])
    sof, _ = staff_of(session, "sof")
    other = Child(external_id=f"child-{uuid.uuid4().hex[:10]}")
    home.family.children.append(other)
    state_child(
        other, sof.id, {"first_name": "Andetbarn", "last_name": "X", "birth_date": date(2016, 6, 6)}
    )
    session.commit()
    hidden = post(session, home, "buf", body="Om et barn Dina ikke ser", child=other)
    work()
    assert mail.messages == []
    assert session.scalars(select(Notice)).all() == []

    shown = post(session, home, "buf", body="Om hele familien")
    work()
    assert recipients(mail) == ["dina@example.org"]
    assert session.scalars(select(Notice.update_id)).all() == [shown.id]
    assert hidden.id not in {u.id for u in newest_updates(guardian_access(home.guardians[0]))}


def test_the_pages_list_updates_by_the_rule_that_decides_who_is_told(session):
    """`newest_updates` (SQL, `update_visible`) and `sees_update` (the outbox) agree."""
    home = household(
        session,
        [
            Parent("Emil"),
            Parent("Fie", access="information"),
            Parent("Gry", departments=("sof",)),
            Parent("Hugo", departments=("buf", "sof")),
        ],
    )
    sof, _ = staff_of(session, "sof")
    sof_child = Child(external_id=f"child-{uuid.uuid4().hex[:10]}")
    home.family.children.append(sof_child)
    state_child(
        sof_child,
        sof.id,
        {"first_name": "Sofbarn", "last_name": "X", "birth_date": date(2017, 1, 1)},
    )
    session.commit()
    updates = [
        post(session, home, code, body=f"{code} {n}", child=child)
        for n, (code, child) in enumerate(
            (code, child) for code in ("buf", "sof") for child in (None, home.child, sof_child)
        )
    ]
    seen_by = {}
    for guardian in home.guardians:
        access = guardian_access(guardian)
        listed = {u.id for u in newest_updates(access, limit=len(updates) + 1)}
        assert listed == {u.id for u in updates if access.sees_update(u)}, guardian.id
        seen_by[guardian.id] = len(listed)
    emil, fie, gry, hugo = home.guardians
    # Emil (BUF): BUF's three but the one about SOF's child; Fie (information): none;
    # Gry (SOF): SOF's three; Hugo (both): all six.
    assert [seen_by[g.id] for g in (emil, fie, gry, hugo)] == [2, 0, 3, 6]


def test_an_update_waits_for_the_quiet_window(session, clock, work, mail):
    """Not urgent: a second update soon after the first waits for the digest window."""
    home = household(session, [Parent("Ida", email="ida@example.org")])
    post(session, home, "buf", body="Første")
    work()
    assert len(mail.messages) == 1
    post(session, home, "buf", body="Anden")
    post(session, home, "buf", body="Tredje")
    work()
    assert len(mail.messages) == 1  # waiting
    waiting = session.scalars(select(Delivery).where(Delivery.status == "pending")).one()
    assert len(waiting.notices) == 2
    clock.advance(minutes=16)
    work()
    assert len(mail.messages) == 2
    assert str(mail.messages[1]["Subject"]).startswith("2 ")


def test_staff_see_whether_each_parent_was_told_of_an_update_at_a_fixed_cost(
    app, identity_provider, session, work, mail
):
    """access.md G4: staff who see the update see whether and when each guardian they see was
    told; the page may show the update's first words (staff read updates), never the message."""
    home = household(
        session,
        [
            Parent("Jens", email="jens@example.org", departments=("buf", "sof")),
            Parent("Karen", access="information", email="karen@example.org", departments=("sof",)),
        ],
    )
    jens, karen = home.guardians
    first = post(
        session, home, "sof", body="Vi har talt med skolen om næste skridt", child=home.child
    )
    work()
    [notice] = session.scalars(select(Notice).where(Notice.update_id == first.id)).all()
    assert notice.guardian_id == jens.id

    staff = app.test_client()
    login(staff, identity_provider, contact_subject(session), door="staff")
    staff.set_cookie(COOKIE, "en")
    url = f"/medarbejder/familier/{home.family.id}"
    html = staff.get(url).get_data(as_text=True)
    row = html.split(f'id="notice-{notice.id}"')[1].split("</tr>")[0]
    assert "News from the contact person" in row and "Update of " in row
    assert "Vi har talt med skolen" in row and jens.name in row
    assert "Sent by e-mail" in row
    assert karen.name not in html.split('id="notifications"')[1]
    assert "There is news from your contact person" not in html  # never the message

    before = count_queries(app, staff, url)
    for n in range(3):
        post(session, home, "sof", body=f"Opdatering {n}", child=None if n else home.child)
        work()
    assert count_queries(app, staff, url) == before
    assert staff.get(url).get_data(as_text=True).count('id="notice-') == 4
    assert CHILD_FIRST_NAME not in "".join(str(m["Subject"]) for m in mail.messages)
