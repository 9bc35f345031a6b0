"""Conversations between a family and the municipality (docs/access.md M1-M4): a guardian
writes to the contact person about a topic, or answers an update, and staff who work with the
family answer.

One conversation per family and topic (and per update, for answers to an update): writing on
a topic that already has a conversation adds to it. A guardian with information only has
conversations of their own (`Thread.guardian_id`), which no other guardian sees. An answer from
staff tells the guardians who see the conversation that there is an answer, through the
outbox (MESSAGE_ANSWERED), never what it says.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from portal.access import guardian_access
from portal.models import Family, Guardian, Message, StaffMember, Thread, ThreadRead, Update
from portal.models.base import utcnow
from portal.models.messages import THREAD_TOPICS
from portal.records.errors import Forbidden, invalid
from portal.records.unit import MESSAGE_ANSWERED, UnitOfWork

# The longest message the pages take (the form says so before it refuses a longer one).
LONGEST_MESSAGE = 4000
# What a guardian chooses when they write; "update" is for answering an update.
CHOSEN_TOPICS = ("case", "meeting", "offer", "other")


def start_thread(
    unit: UnitOfWork,
    family: Family,
    guardian: Guardian,
    topic: str,
    body: str,
    update: Update | None = None,
    *,
    sent_at: datetime | None = None,
) -> Thread:
    """The guardian's message on a topic (or an answer to `update`, topic "update"): in the
    family's conversation on it, which is started when there is none yet. A guardian with
    information only writes in a conversation of their own (M2)."""
    _guardian_writes(unit, guardian, family)
    if topic not in THREAD_TOPICS:
        raise invalid("topic", f"one of {', '.join(THREAD_TOPICS)}")
    if (topic == "update") != (update is not None):
        raise invalid("update", 'an update is answered with the topic "update", and only then')
    if update is not None and (
        update.family_id != family.id or not guardian_access(guardian).sees_update(update)
    ):
        raise invalid("update", "not an update this guardian sees")
    text = _text(body)
    private = guardian.id if not guardian.custody_department_ids else None
    _lock(unit, family)
    thread = unit.session.scalar(
        select(Thread)
        .where(
            Thread.family_id == family.id,
            Thread.topic == topic,
            Thread.update_id.is_(None) if update is None else Thread.update_id == update.id,
            Thread.guardian_id.is_(None) if private is None else Thread.guardian_id == private,
        )
        .order_by(Thread.id)
        .limit(1)
    )
    if thread is None:
        when = sent_at or utcnow()
        thread = Thread(
            family_id=family.id,
            topic=topic,
            update_id=update.id if update is not None else None,
            guardian_id=private,
            # The family's contact person answers; a hand-over moves the conversation on.
            staff_id=family.contact_person_id,
            started_at=when,
            last_message_at=when,
        )
        unit.session.add(thread)
        unit.wrote(family, "thread", thread, f"{unit.door}: conversation")
    else:
        _lock(unit, thread)
    _add(unit, thread, guardian, text, sent_at)
    return thread


def write_message(
    unit: UnitOfWork,
    thread: Thread,
    author: Guardian | StaffMember,
    body: str,
    *,
    sent_at: datetime | None = None,
) -> Message:
    """A message in an existing conversation, by one of the family's guardians who may write
    in it (M1, M2) or by a staff member in their own name (M3). A staff member's answer tells
    the guardians who see the conversation that there is an answer (M4)."""
    if isinstance(author, StaffMember):
        if unit.actor.kind not in ("staff", "system") or (
            unit.actor.kind == "staff" and unit.actor.actor_id != author.id
        ):
            raise Forbidden("staff answer in their own name")
        if not author.active:
            raise Forbidden("only active staff answer")
    else:
        _guardian_writes(unit, author, thread.family)
        if thread.guardian_id is None and not author.custody_department_ids:
            raise Forbidden("a guardian with information only writes in their own conversations")
        if thread.guardian_id not in (None, author.id):
            raise Forbidden("another guardian's own conversation")
    text = _text(body)
    _lock(unit, thread)
    return _add(unit, thread, author, text, sent_at)


def mark_thread_read(
    unit: UnitOfWork, thread: Thread, reader: Guardian | StaffMember
) -> ThreadRead | None:
    """Note that the reader has read the conversation up to its newest message (their unread
    count is what others write after it). Nothing changes when they had read it all."""
    newest = max((m.id for m in thread.messages), default=0)
    _lock(unit, thread)  # the reader's first bookmark, added once (see `_lock`)
    return _read_up_to(unit, thread, reader, newest)


def _add(
    unit: UnitOfWork,
    thread: Thread,
    author: Guardian | StaffMember,
    text: str,
    sent_at: datetime | None,
) -> Message:
    by_staff = isinstance(author, StaffMember)
    when = sent_at or utcnow()
    message = Message(
        author_kind="staff" if by_staff else "guardian",
        guardian=None if by_staff else author,
        staff=author if by_staff else None,
        sent_at=when,
        body=text,
    )
    thread.messages.append(message)
    thread.last_message_at = when
    # The caseload's "unanswered": the newest message is the family's.
    thread.waiting_for_staff = not by_staff
    if by_staff and thread.staff_id is None:
        thread.staff_id = author.id
    unit.session.flush()  # the message's id: the writer has read up to it
    _read_up_to(unit, thread, author, message.id)
    unit.wrote(thread.family_id, "message", message, f"{unit.door}: message")
    if by_staff:
        unit.notify(MESSAGE_ANSWERED, thread.family_id, thread=thread, message=message)
    return message


def _read_up_to(unit: UnitOfWork, thread: Thread, reader, message_id: int) -> ThreadRead | None:
    column = ThreadRead.staff_id if isinstance(reader, StaffMember) else ThreadRead.guardian_id
    read = unit.session.scalar(
        select(ThreadRead).where(ThreadRead.thread_id == thread.id, column == reader.id)
    )
    if read is not None and read.last_read_message_id >= message_id:
        return read
    if read is None:
        read = ThreadRead(thread_id=thread.id)
        if isinstance(reader, StaffMember):
            read.staff_id = reader.id
        else:
            read.guardian_id = reader.id
        unit.session.add(read)
    read.last_read_message_id = message_id
    read.read_at = utcnow()
    return read


def _guardian_writes(unit: UnitOfWork, guardian: Guardian, family: Family) -> None:
    if unit.actor.kind not in ("guardian", "system"):
        raise Forbidden("only a guardian writes as a guardian")
    if guardian.family_id != family.id:
        raise invalid("guardian", "not a guardian of this family")


def _text(body: str | None) -> str:
    text = (body or "").strip()
    if not text:
        raise invalid("body", "write a message")
    if len(text) > LONGEST_MESSAGE:
        raise invalid("body", f"at most {LONGEST_MESSAGE} characters")
    return text


def _lock(unit: UnitOfWork, row: Family | Thread) -> None:
    """Serialize writers (PostgreSQL; SQLite has one writer anyway): two first messages on a
    topic at once give one conversation, two messages in one conversation at once leave it
    waiting or answered by the newest, and a reader's bookmark is added once. `FOR NO KEY
    UPDATE` lets rows that refer to it in."""
    model = type(row)
    unit.session.execute(
        select(model.id).where(model.id == row.id).with_for_update(key_share=True)
    ).all()
