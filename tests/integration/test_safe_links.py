"""A link stored before the API refused unsafe schemes never becomes a link on a page."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.models import Family, Meeting
from portal.models.base import utcnow
from tests.conftest import login


def test_a_javascript_video_link_is_not_rendered_as_a_link(app, client, identity_provider, session):
    family = session.scalar(select(Family).where(Family.display_name == "Familien Hansen"))
    starts = utcnow() + timedelta(hours=2)
    meeting = Meeting(
        family=family,
        department_id=family.statements[0].department_id,
        kind="samtale",
        title="Møde med et farligt link",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        video_url="javascript:alert(document.cookie)",
    )
    session.add(meeting)
    session.commit()
    try:
        login(client, identity_provider, "guardian-hansen-1")
        html = client.get(f"/familier/{family.id}").get_data(as_text=True)
        assert "Møde med et farligt link" in html
        assert "javascript:" not in html
    finally:
        session.delete(meeting)
        session.commit()
