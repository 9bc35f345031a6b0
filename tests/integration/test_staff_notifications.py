"""Staff see on the family page whether and when each parent was told about news in a case or
a meeting — sent, waiting, failed, or not sent by the parent's choice — never the message; at
a cost that does not grow with the number of notifications."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.i18n import COOKIE
from portal.models import Case, Meeting, Notice, OutboxMessage
from portal.models.base import utcnow
from portal.outbox.fanout import fan_out
from portal.outbox.settings import OutboxSettings
from tests.conftest import login
from tests.factories import make_family
from tests.integration.test_family_overview import count_queries
from tests.integration.test_staff_family_picture import contact_subject


def notify(app, session, family, kind: str, **rows) -> Notice:
    """Fan out one event of the family's (only this one: other tests share the database)."""
    message = OutboxMessage(
        kind=kind, family_id=family.id, payload={f"{k}_id": v.id for k, v in rows.items()}
    )
    session.add(message)
    session.flush()
    settings = OutboxSettings.from_config(app.config)
    assert fan_out(session, message, family.guardians, settings, utcnow()) == 1
    message.status = "done"
    session.commit()
    return session.scalars(select(Notice).where(Notice.message_id == message.id)).one()


def settle(notice: Notice, status: str, channel: str, session) -> None:
    """What the worker records when it has dealt with the notice's delivery."""
    delivery = notice.delivery
    delivery.status, delivery.channel = status, channel
    delivery.started_at = delivery.last_attempt_at = utcnow() - timedelta(minutes=5)
    if status == "sent":
        delivery.sent_at = delivery.started_at
    session.commit()


def test_staff_see_whether_and_when_each_parent_was_told_never_what(
    app, identity_provider, session
):
    family = make_family(session, person_number="0505055555", key="told", meetings=3)
    case = session.scalars(select(Case).where(Case.child_id == family.children[0].id)).first()
    stage = next(s for s in case.stages if s.ended_on is None)
    first, second, third = session.scalars(
        select(Meeting).where(Meeting.family_id == family.id).order_by(Meeting.starts_at)
    ).all()
    told = notify(app, session, family, "meeting_planned", meeting=first)
    settle(told, "sent", "email", session)
    failed = notify(app, session, family, "stage_started", case=case, stage=stage)
    settle(failed, "failed", "sms", session)
    not_wanted = notify(app, session, family, "meeting_planned", meeting=second)
    settle(not_wanted, "skipped", "none", session)
    waiting = notify(app, session, family, "meeting_planned", meeting=third)

    staff = app.test_client()
    login(staff, identity_provider, contact_subject(session), door="staff")
    staff.set_cookie(COOKIE, "en")
    url = f"/medarbejder/familier/{family.id}"
    html = staff.get(url).get_data(as_text=True)

    rows = {
        notice: html.split(f'id="notice-{notice.id}"')[1].split("</tr>")[0]
        for notice in (told, failed, not_wanted, waiting)
    }
    assert "Meeting planned" in rows[told] and "Sent by e-mail" in rows[told]
    assert "Møde 0" in rows[told] and family.guardians[0].name in rows[told]
    assert "A case moved to a new step" in rows[failed] and "Failed" in rows[failed]
    assert "Not sent: the parent chose no notifications" in rows[not_wanted]
    assert "Waiting, to be sent" in rows[waiting]
    assert "News about a meeting" not in html  # the message itself is nowhere

    before = count_queries(app, staff, url)
    for meeting in (first, second, third):
        meeting.starts_at += timedelta(days=1)
        meeting.ends_at += timedelta(days=1)
        session.commit()
        notify(app, session, family, "meeting_moved", meeting=meeting)
    assert count_queries(app, staff, url) == before
    assert staff.get(url).get_data(as_text=True).count('id="notice-') == 7
