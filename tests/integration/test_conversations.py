"""Conversations between a family and the municipality (docs/access.md M1-M4): a parent writes
to the contact person, one conversation per topic; the contact person sees it unread and
waiting, answers, and the parent sees the answer; each side's unread count goes down when they
read. A parent with information only writes in conversations of their own; nobody reaches
another family's conversation, nor does staff who do not work with the family. A form sent
with errors shows its summary and writes nothing, and an answer leaves an outbox message that
carries ids only."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from portal.models import Message, OutboxMessage, Thread, Update
from portal.records.families import add_guardian
from tests.conftest import csrf_token, login
from tests.factories import make_family, staff_of
from tests.integration import booking_helpers
from tests.integration.booking_helpers import Parent, text_of
from tests.integration.test_family_overview import count_queries

world = booking_helpers.world  # the fixture

QUESTION = "Må Oliver være med til mødet om skolen? Han vil gerne selv sige noget."
ANSWER = "Ja, han er meget velkommen. Jeg sørger for et roligt lokale."


def new_parent(world, updates: int = 0, log_in: bool = True) -> Parent:
    """A family of one parent with custody (from both departments) whose contact person is
    SOF's first staff member, staff-mads; with `updates` from the contact person."""
    number = world.person_number()
    key = f"Talk{number}"
    with world.app.app_context():
        family = make_family(
            world.session,
            person_number=number,
            key=key,
            cases=0,
            events=0,
            meetings=0,
            updates=updates,
            offers=0,
        )
    subject = f"citizen-talk-{key}"
    world.identity_provider.add_citizen(subject, number, f"Forælder {key}")
    parent = Parent(family=family, subject=subject)
    return world.log_in(parent) if log_in else parent


def second_parent(world, family, access_level: str) -> Parent:
    """Another parent of the family, stated by SOF with custody or information only."""
    sof, _ = staff_of(world.session, "sof")
    number = world.person_number()
    with world.writing() as unit:
        add_guardian(
            unit,
            family,
            sof,
            person_number=number,
            name=f"Anden Forælder {number}",
            access_level=access_level,
        )
    subject = f"citizen-talk-{access_level}-{number}"
    world.identity_provider.add_citizen(subject, number, f"Anden Forælder {number}")
    return world.log_in(Parent(family=family, subject=subject))


def write(parent: Parent, body: str = QUESTION, topic: str = "meeting"):
    return parent.client.post(
        f"/familier/{parent.family.id}/beskeder/ny",
        data={"csrf_token": parent.token, "topic": topic, "body": body},
    )


def thread_id_of(response) -> int:
    assert response.status_code == 303, response.status_code
    found = re.search(r"/beskeder/(\d+)#message-\d+$", response.headers["Location"])
    return int(found.group(1))


def threads_of(world, family) -> list[Thread]:
    world.session.expire_all()
    return world.session.scalars(
        select(Thread).where(Thread.family_id == family.id).order_by(Thread.id)
    ).all()


def answer(client, token, family, thread_id: int, body: str = ANSWER):
    return client.post(
        f"/medarbejder/familier/{family.id}/beskeder/{thread_id}",
        data={"csrf_token": token, "body": body},
    )


def test_a_parent_writes_the_contact_person_answers_and_both_see_what_is_new(world):
    parent = new_parent(world)
    family = parent.family
    base = f"/familier/{family.id}/beskeder"
    assert "You have not written with the municipality here yet." in text_of(
        parent.client.get(base)
    )
    form = text_of(parent.client.get(base + "/ny"))
    assert "Messages are not for emergencies" in form
    for number in ("112", "33 17 33 33", "33 66 33 66"):
        assert number in form

    first = thread_id_of(write(parent))
    again = thread_id_of(write(parent, "Og må hans storesøster komme med?"))
    other = thread_id_of(write(parent, "Hvor finder jeg jeres åbningstider?", topic="other"))
    assert first == again != other  # one conversation per topic
    threads = threads_of(world, family)
    assert [(t.topic, len(t.messages), t.waiting_for_staff) for t in threads] == [
        ("meeting", 2, True),
        ("other", 1, True),
    ]
    assert {t.staff_id for t in threads} == {world.staff().id}  # the contact person answers
    assert {t.guardian_id for t in threads} == {None}  # the family's shared conversations
    mine = text_of(parent.client.get(f"{base}/{first}"))
    assert QUESTION in mine and "New" not in mine  # what you wrote yourself is not new

    # The contact person sees three unread messages in two conversations that wait.
    staff, token = world.staff_client("staff-mads")
    staff_base = f"/medarbejder/familier/{family.id}"
    picture = text_of(staff.get(staff_base))
    assert "3 unread messages" in picture and "2 wait for an answer" in picture
    listed = text_of(staff.get(f"{staff_base}/beskeder"))
    assert listed.count("Waiting for an answer") == 2 and "2 unread messages" in listed
    opened = staff.get(f"{staff_base}/beskeder/{first}")
    assert opened.status_code == 200
    assert QUESTION in text_of(opened) and text_of(opened).count("New") == 2
    assert "New" not in text_of(staff.get(f"{staff_base}/beskeder/{first}"))  # read now
    assert "1 unread message" in text_of(staff.get(staff_base))

    sent = answer(staff, token, family, first)
    assert sent.status_code == 303
    assert re.search(rf"/beskeder/{first}#message-\d+$", sent.headers["Location"])
    [answered, waiting] = threads_of(world, family)
    assert not answered.waiting_for_staff and waiting.waiting_for_staff
    assert answered.messages[-1].body == ANSWER
    assert answered.messages[-1].author_kind == "staff"

    # The parent sees the answer as new, once.
    overview = text_of(parent.client.get(f"/familier/{family.id}"))
    assert "Messages (1 new)" in overview
    assert "1 new message" in text_of(parent.client.get(base))
    thread_page = text_of(parent.client.get(f"{base}/{first}"))
    assert ANSWER in thread_page and thread_page.count("New") == 1
    assert "Messages (1 new)" not in text_of(parent.client.get(f"/familier/{family.id}"))


def test_an_answer_leaves_an_outbox_message_with_ids_and_no_content(world):
    parent = new_parent(world)
    thread_id = thread_id_of(write(parent))
    world.session.expire_all()
    before = world.session.scalar(select(func.max(OutboxMessage.id))) or 0
    staff, token = world.staff_client("staff-mads")
    assert answer(staff, token, parent.family, thread_id).status_code == 303
    world.session.expire_all()
    [event] = world.session.scalars(select(OutboxMessage).where(OutboxMessage.id > before)).all()
    [message] = world.session.scalars(
        select(Message).where(Message.thread_id == thread_id, Message.author_kind == "staff")
    ).all()
    assert (event.kind, event.family_id) == ("message_answered", parent.family.id)
    assert event.payload == {"thread_id": thread_id, "message_id": message.id}
    assert "Oliver" not in str(event.payload) and "velkommen" not in str(event.payload)
    # A parent's own message tells nobody: the municipality reads it in the portal.
    write(parent, "Tak!")
    world.session.expire_all()
    assert world.session.scalar(select(func.max(OutboxMessage.id))) == event.id


def test_a_parent_answers_an_update_in_one_conversation_about_it(world):
    parent = new_parent(world, updates=1)
    family = parent.family
    world.session.expire_all()
    update = world.session.scalar(select(Update).where(Update.family_id == family.id))
    url = f"/familier/{family.id}/opdateringer/{update.id}/svar"
    assert url in parent.client.get(f"/familier/{family.id}").get_data(as_text=True)
    page = text_of(parent.client.get(url))
    assert update.body in page and "Messages are not for emergencies" in page
    first = thread_id_of(
        parent.client.post(url, data={"csrf_token": parent.token, "body": "Tak for det."})
    )
    again = thread_id_of(
        parent.client.post(url, data={"csrf_token": parent.token, "body": "Et spørgsmål mere."})
    )
    assert first == again
    [thread] = threads_of(world, family)
    assert (thread.topic, thread.update_id, len(thread.messages)) == ("update", update.id, 2)
    assert f"/familier/{family.id}/beskeder/{first}" in parent.client.get(url).get_data(
        as_text=True
    )  # the answer page points to what was written before
    staff, _ = world.staff_client("staff-mads")
    shown = text_of(staff.get(f"/medarbejder/familier/{family.id}/beskeder/{first}"))
    assert update.body in shown and "Tak for det." in shown


def test_a_parent_without_custody_writes_and_sees_only_their_own_conversations(world):
    """access.md M1, M2: the conversation a parent with information only starts is theirs
    alone; they never see the family's shared ones, and the parents with custody never see
    theirs. Staff see both, and which is which."""
    parent = new_parent(world, updates=1)
    family = parent.family
    shared = thread_id_of(write(parent, "Hvornår er mødet?"))
    informed = second_parent(world, family, "information")
    base = f"/familier/{family.id}/beskeder"

    assert "Hvornår er mødet?" not in text_of(informed.client.get(base))
    assert informed.client.get(f"{base}/{shared}").status_code == 404
    refused = informed.client.post(
        f"{base}/{shared}", data={"csrf_token": informed.token, "body": "Hej"}
    )
    assert refused.status_code == 404
    own = thread_id_of(write(informed, "Hvordan går det med Barn0 i skolen?"))
    assert own != shared
    again = thread_id_of(write(informed, "Må jeg komme til skolemødet?"))
    assert again == own  # the same topic: their own conversation on it
    page = text_of(informed.client.get(f"{base}/{own}"))
    assert "Only you and the municipality can read this conversation." in page
    listed = text_of(informed.client.get(base))
    assert "Only you and the municipality can read it" in listed

    assert parent.client.get(f"{base}/{own}").status_code == 404
    assert "skolen" not in text_of(parent.client.get(base))
    threads = {t.id: t for t in threads_of(world, family)}
    assert threads[own].guardian_id is not None and threads[shared].guardian_id is None

    # No updates for them (G2), so nothing to answer.
    world.session.expire_all()
    update_id = world.session.scalar(select(Update.id).where(Update.family_id == family.id))
    assert (
        informed.client.get(f"/familier/{family.id}/opdateringer/{update_id}/svar").status_code
        == 404
    )

    staff, _ = world.staff_client("staff-mads")
    staff_list = text_of(staff.get(f"/medarbejder/familier/{family.id}/beskeder"))
    assert "(information only) reads this conversation" in staff_list
    assert "The parents with custody read this conversation." in staff_list

    # A second parent with custody reads the family's shared conversation, and writes in it.
    other = second_parent(world, family, "custody")
    assert "Hvornår er mødet?" in text_of(other.client.get(f"{base}/{shared}"))
    assert other.client.get(f"{base}/{own}").status_code == 404
    assert thread_id_of(write(other, "Jeg kommer også.")) == shared


def test_another_family_and_unassigned_staff_get_404(world):
    parent = new_parent(world)
    thread_id = thread_id_of(write(parent))
    stranger = new_parent(world)
    own_family_url = f"/familier/{stranger.family.id}/beskeder/{thread_id}"
    for url in (f"/familier/{parent.family.id}/beskeder/{thread_id}", own_family_url):
        assert stranger.client.get(url).status_code == 404, url
        sent = stranger.client.post(url, data={"csrf_token": stranger.token, "body": "Hej"})
        assert sent.status_code == 404, url
    assert stranger.client.get(f"/familier/{parent.family.id}/beskeder").status_code == 404

    camilla, token = world.staff_client("staff-camilla")  # SOF, not with this family
    staff_base = f"/medarbejder/familier/{parent.family.id}/beskeder"
    assert camilla.get(staff_base).status_code == 404
    assert camilla.get(f"{staff_base}/{thread_id}").status_code == 404
    assert answer(camilla, token, parent.family, thread_id).status_code == 404
    # The contact person of another family cannot reach it under that family's address either.
    mads, mads_token = world.staff_client("staff-mads")
    wrong = f"/medarbejder/familier/{stranger.family.id}/beskeder/{thread_id}"
    assert mads.get(wrong).status_code == 404
    assert [len(t.messages) for t in threads_of(world, parent.family)] == [1]


def test_staff_who_only_take_part_in_a_meeting_read_no_conversation(world):
    """M3: BUF's first staff member takes part in the family's meeting (T3) but gets no case
    content: a parent may write about any case, so the conversations stay closed to them."""
    with world.app.app_context():
        number = world.person_number()
        family = make_family(
            world.session,
            person_number=number,
            key=f"Talk{number}",
            cases=0,
            events=0,
            meetings=1,
            updates=0,
            offers=0,
        )
    subject = f"citizen-talk-Talk{number}"
    world.identity_provider.add_citizen(subject, number, f"Forælder Talk{number}")
    parent = world.log_in(Parent(family=family, subject=subject))
    thread_id = thread_id_of(write(parent))
    _, buf_staff = staff_of(world.session, "buf")
    participant, token = world.staff_client("staff-" + buf_staff[0].subject.split(":", 1)[1])
    family_page = participant.get(f"/medarbejder/familier/{family.id}")
    assert family_page.status_code == 200  # the meeting brings them to the family (T3)
    assert "/beskeder" not in family_page.get_data(as_text=True)
    staff_base = f"/medarbejder/familier/{family.id}/beskeder"
    assert participant.get(staff_base).status_code == 404
    assert participant.get(f"{staff_base}/{thread_id}").status_code == 404
    assert answer(participant, token, family, thread_id).status_code == 404
    assert [len(t.messages) for t in threads_of(world, family)] == [1]


def test_errors_show_the_summary_and_write_nothing(world):
    parent = new_parent(world)
    base = f"/familier/{parent.family.id}/beskeder"
    nothing = parent.client.post(base + "/ny", data={"csrf_token": parent.token})
    assert nothing.status_code == 400
    html = nothing.get_data(as_text=True)
    assert 'id="error-summary"' in html and "<title>Error: Write a new message" in html
    shown = text_of(nothing)
    assert "Choose what your message is about" in shown and "Write your message" in shown
    assert 'href="#topic-0"' in html and 'href="#body"' in html
    for topic, body in [("nonsense", QUESTION), ("update", QUESTION), ("meeting", "   ")]:
        refused = parent.client.post(
            base + "/ny", data={"csrf_token": parent.token, "topic": topic, "body": body}
        )
        assert refused.status_code == 400, topic
    too_long = write(parent, "x" * 4001)
    assert too_long.status_code == 400
    assert "Write 4000 characters or fewer" in text_of(too_long)
    assert threads_of(world, parent.family) == []

    thread_id = thread_id_of(write(parent, "x" * 4000))  # the longest is taken
    empty = parent.client.post(f"{base}/{thread_id}", data={"csrf_token": parent.token})
    assert empty.status_code == 400 and 'id="error-summary"' in empty.get_data(as_text=True)
    staff, token = world.staff_client("staff-mads")
    blank = answer(staff, token, parent.family, thread_id, body="  ")
    assert blank.status_code == 400 and "Write your answer" in text_of(blank)
    assert "<title>Error: " in blank.get_data(as_text=True)
    [thread] = threads_of(world, parent.family)
    assert len(thread.messages) == 1 and thread.waiting_for_staff


def test_the_lists_cost_the_same_however_many_conversations(world, app):
    parent = new_parent(world)
    write(parent)
    staff, _ = world.staff_client("staff-mads")
    family_id = parent.family.id
    urls = {
        parent.client: [f"/familier/{family_id}/beskeder", f"/familier/{family_id}"],
        staff: [f"/medarbejder/familier/{family_id}/beskeder"],
    }
    before = {url: count_queries(app, client, url) for client, us in urls.items() for url in us}
    for topic in ("case", "offer", "other"):
        write(parent, f"Om {topic}", topic=topic)
        write(parent, f"Mere om {topic}", topic=topic)
    after = {url: count_queries(app, client, url) for client, us in urls.items() for url in us}
    assert after == before


def test_a_guardian_logged_in_through_the_demo_sees_the_demo_conversation(
    app, identity_provider, client
):
    """The demo family Hansen has a question for Sara waiting, and an answered one."""
    login(client, identity_provider, "guardian-hansen-1")
    overview = client.get("/overblik", follow_redirects=True)
    family_url = overview.request.path
    html = client.get(family_url + "/beskeder").get_data(as_text=True)
    assert html.count('id="thread-') >= 2
    assert csrf_token(client, family_url + "/beskeder/ny")
