"""The conversations a viewer sees (docs/access.md M1-M3) and how many messages in them they
have not read, for the family pages and the staff pages alike. Each loader costs a fixed number
of SQL statements, however many conversations and messages there are: the unread counts are
counted in the database, with the one visibility condition `access.thread_visible`.

Unread are the messages others wrote after the newest one the viewer has read
(`ThreadRead.last_read_message_id`); what the viewer wrote themselves is never unread.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from portal.access import CUSTODY, FamilyAccess, thread_visible
from portal.extensions import db
from portal.models import Message, StaffMember, Thread, ThreadRead, Update

# One conversation's page: its messages with their writers, and the update it answers.
THREAD_PAGE = (
    selectinload(Thread.messages).selectinload(Message.guardian),
    selectinload(Thread.messages).selectinload(Message.staff).selectinload(StaffMember.department),
    selectinload(Thread.update).selectinload(Update.author),
    selectinload(Thread.guardian),
    selectinload(Thread.staff),
)

# An update a guardian answers, as the answer page shows it.
UPDATE_ANSWERED = (selectinload(Update.author), selectinload(Update.child))


@dataclass(frozen=True)
class ThreadLine:
    """A conversation in a list, with what the viewer has not read in it."""

    thread: Thread
    unread: int


@dataclass(frozen=True)
class ConversationCounts:
    unread: int = 0  # messages the viewer has not read
    waiting: int = 0  # conversations whose newest message is the family's (for staff)


def _reader(access: FamilyAccess):
    """SQL condition on ThreadRead: the viewer's own bookmark."""
    if access.staff is not None:
        return ThreadRead.staff_id == access.staff.id
    return ThreadRead.guardian_id == access.guardian.id


def _by_others(access: FamilyAccess):
    """SQL condition on Message: written by someone other than the viewer."""
    if access.staff is not None:
        return or_(Message.staff_id.is_(None), Message.staff_id != access.staff.id)
    return or_(Message.guardian_id.is_(None), Message.guardian_id != access.guardian.id)


def _unread(access: FamilyAccess):
    """SQL condition on Message: not read by the viewer yet."""
    last_read = (
        select(ThreadRead.last_read_message_id)
        .where(ThreadRead.thread_id == Message.thread_id, _reader(access))
        .scalar_subquery()
    )
    return and_(Message.id > func.coalesce(last_read, 0), _by_others(access))


def family_threads(access: FamilyAccess) -> list[ThreadLine]:
    """The family's conversations the viewer sees, newest activity first, each with the number
    of messages the viewer has not read (two statements and the eager loads, whatever the
    number of conversations)."""
    if access.staff is None and access.guardian is None:
        return []
    unread = (
        select(func.count(Message.id))
        .where(Message.thread_id == Thread.id, _unread(access))
        .correlate(Thread)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(Thread, unread)
        .where(thread_visible(access))
        .options(
            selectinload(Thread.staff),
            selectinload(Thread.guardian),
            selectinload(Thread.update),
        )
        .order_by(Thread.last_message_at.desc(), Thread.id.desc())
    ).all()
    return [ThreadLine(thread, count) for thread, count in rows]


def conversation_counts(access: FamilyAccess) -> ConversationCounts:
    """How many messages in the family's conversations the viewer has not read, and (what staff
    need) how many conversations wait for an answer from the municipality. One statement."""
    if access.staff is None and access.guardian is None:
        return ConversationCounts()
    unread = (
        select(func.count(Message.id))
        .join(Thread, Message.thread_id == Thread.id)
        .where(thread_visible(access), _unread(access))
        .scalar_subquery()
    )
    waiting = (
        select(func.count(Thread.id))
        .where(thread_visible(access), Thread.waiting_for_staff.is_(True))
        .scalar_subquery()
    )
    row = db.session.execute(select(unread, waiting)).one()
    return ConversationCounts(unread=row[0] or 0, waiting=row[1] or 0)


def last_read(access: FamilyAccess, thread: Thread) -> int:
    """The newest message of the conversation the viewer had read (0: none), so the page can
    mark what is new before it is marked read."""
    if access.staff is None and access.guardian is None:
        return 0
    found = db.session.scalar(
        select(ThreadRead.last_read_message_id).where(
            ThreadRead.thread_id == thread.id, _reader(access)
        )
    )
    return found or 0


def thread_about(access: FamilyAccess, topic: str, update: Update | None = None) -> Thread | None:
    """The guardian's conversation on a topic (or about an update), where a new message on it
    goes (`records.conversations.start_thread`: the family's shared one for a guardian with
    custody, their own for a guardian with information only), if there is one already."""
    if access.guardian is None:
        return None
    owner = (
        Thread.guardian_id.is_(None)
        if access.level == CUSTODY
        else Thread.guardian_id == access.guardian.id
    )
    about_update = Thread.update_id.is_(None) if update is None else Thread.update_id == update.id
    return db.session.scalar(
        select(Thread)
        .where(Thread.family_id == access.family.id, Thread.topic == topic, owner, about_update)
        .order_by(Thread.id)
        .limit(1)
    )
