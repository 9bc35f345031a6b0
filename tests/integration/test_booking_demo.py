"""The demo parents always have times to book: each demo contact person offers times every
week, and seeding an older demo database again gives new ones from today."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from portal.demo.seed import seed_demo
from portal.extensions import db
from portal.models import Slot
from portal.models.base import utcnow
from tests.conftest import TEST_PERSON_NUMBER_KEY, login, make_app, own_database

CUSTODY_PARENTS = [
    "guardian-hansen-1",
    "guardian-al-sayed-1",
    "guardian-nielsen-ozdemir-1",
    "guardian-jensen-1",
    "guardian-mohamed-1",
    "guardian-kowalski-1",
]


@pytest.mark.parametrize("subject", CUSTODY_PARENTS)
def test_every_demo_parent_with_custody_has_days_to_choose(app, identity_provider, subject):
    client = app.test_client()
    overview = login(client, identity_provider, subject)
    family = client.get(overview.headers["Location"], follow_redirects=True).request.path
    page = client.get(f"{family}/book").get_data(as_text=True)
    assert page.count('name="dag"') >= 3, subject


@pytest.fixture
def old_demo(tmp_path_factory):
    """A demo database seeded 90 days ago: every time it offered has passed."""
    for url in own_database(tmp_path_factory, "old-demo"):
        other = make_app(url)
        with other.app_context():
            upgrade()
            seed_demo(db.session, TEST_PERSON_NUMBER_KEY, today=date.today() - timedelta(days=90))
            yield other
            db.session.remove()
            db.engine.dispose()


def test_seeding_an_older_demo_again_offers_new_times(old_demo):
    def future_free() -> int:
        db.session.expire_all()
        return db.session.scalar(
            select(func.count())
            .select_from(Slot)
            .where(Slot.meeting_id.is_(None), Slot.starts_at > utcnow())
        )

    assert future_free() == 0
    assert seed_demo(db.session, TEST_PERSON_NUMBER_KEY) is False  # the families were there
    topped_up = future_free()
    assert topped_up >= 20
    seed_demo(db.session, TEST_PERSON_NUMBER_KEY)
    assert future_free() == topped_up  # and again changes nothing
