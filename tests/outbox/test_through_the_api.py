"""End to end: a case system plans, moves and cancels a meeting through the internal API; the
records layer leaves the events, and the worker tells the invited parent and keeps the
reminder in step."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.models import Notice, OutboxMessage
from tests.api.conftest import make_api_user, new_family, person_number, unique


def test_a_meeting_planned_moved_and_cancelled_through_the_api(app, session, clock, work, mail):
    buf = make_api_user(app, "buf")
    number = person_number()
    family_id, _ = new_family(
        buf,
        guardians=[
            {
                "person_number": number,
                "name": "Ulla API",
                "access_level": "information",
                "email": "ulla@example.org",
                "preferred_language": "en",
            },
            {"person_number": person_number(), "name": "Viggo API", "access_level": "information"},
        ],
    )
    starts = (clock() + timedelta(days=5)).replace(microsecond=0)
    meeting = {
        "family_id": family_id,
        "kind": "samtale",
        "title": "Samtale om skolen",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=1)).isoformat(),
        "participants": [{"kind": "guardian", "person_number": number}],
    }
    path = f"/departments/buf/meetings/{unique('M')}"
    assert buf.put(path, meeting).status_code == 201
    work()
    assert [rcpts for _, rcpts in mail.envelopes] == [["ulla@example.org"]]  # not Viggo
    assert mail.messages[0]["Content-Language"] == "en"

    clock.advance(minutes=16)
    moved = starts + timedelta(days=1)
    meeting |= {"starts_at": moved.isoformat(), "ends_at": (moved + timedelta(hours=1)).isoformat()}
    assert buf.put(path, meeting).status_code == 200
    work()
    assert len(mail.messages) == 2
    reminder = session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "meeting_reminder")
    ).one()
    assert reminder.status == "pending" and reminder.next_attempt_at < moved - timedelta(hours=6)

    clock.advance(minutes=16)
    assert buf.put(path, meeting | {"status": "cancelled"}).status_code == 200
    work()
    session.expire_all()
    assert session.get(OutboxMessage, reminder.id).status == "cancelled"
    kinds = session.scalars(select(Notice.kind).order_by(Notice.id)).all()
    assert kinds == ["meeting_planned", "meeting_moved", "meeting_cancelled"]
    assert len(mail.messages) == 3
    assert "Samtale om skolen" not in "".join(str(m) for m in mail.messages)
