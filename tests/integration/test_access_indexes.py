"""Every column the doors look families up by leads an index (migration 0011 and the models), so
a page costs the same however many families the municipality has: the caseload's staff columns,
each family's meetings, conversations, updates, audit entries and outbox messages."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, select, text

from portal.access import staff_assigned_to, staff_family_ids
from portal.extensions import db
from portal.models import Family, StaffMember

ACCESS_PATHS = [
    ("families", "contact_person_id"),
    ("family_statements", "contact_person_id"),
    ("family_statements", "family_id"),
    ("children", "family_id"),
    ("guardians", "family_id"),
    ("guardians", "person_number_hash"),
    ("cases", "child_id"),
    ("cases", "holder_staff_id"),
    ("stages", "case_id"),
    ("stages", "holder_staff_id"),
    ("participants", "meeting_id"),
    ("participants", "staff_id"),
    ("participants", "guardian_id"),
    ("meetings", "family_id"),
    ("meetings", "organizer_id"),
    ("threads", "family_id"),
    ("threads", "staff_id"),
    ("messages", "thread_id"),
    ("updates", "family_id"),
    ("updates", "author_id"),
    ("updates", "child_id"),
    ("audit_entries", "family_id"),
    ("outbox_messages", "status"),
    ("outbox_messages", "family_id"),
    ("time_requests", "staff_id"),
    ("time_requests", "family_id"),
    ("slots", "staff_id"),
    ("slots", "family_id"),
    ("handovers", "family_id"),
    ("login_sessions", "token_hash"),
]


@pytest.mark.parametrize(("table", "column"), ACCESS_PATHS)
def test_the_column_leads_an_index(session, table, column):
    inspector = inspect(db.engine)
    leading = {index["column_names"][0] for index in inspector.get_indexes(table)}
    leading |= {u["column_names"][0] for u in inspector.get_unique_constraints(table)}
    assert column in leading, f"{table}.{column} leads no index"


def test_postgresql_connections_plan_for_index_lookups(session):
    """No just-in-time compilation, random reads priced so the planner uses the indexes, and a
    statement timeout (portal/config.py), on the app's own connections; SQLite has none."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL settings (TEST_DATABASE is SQLite)")
    assert session.scalar(text("SHOW jit")) == "off"
    assert session.scalar(text("SHOW random_page_cost")) == "1.1"
    assert session.scalar(text("SHOW statement_timeout")) == "5s"


def test_the_caseload_lookup_finds_the_families_the_access_rule_allows(session):
    """`staff_family_ids` (a UNION of index lookups, for lists) and `staff_assigned_to` (T1, for
    opening one family) name the same families for every staff member."""
    staff = session.scalars(select(StaffMember)).all()
    assert staff
    for member in staff:
        allowed = set(session.scalars(select(Family.id).where(staff_assigned_to(member))))
        listed = set(
            session.scalars(select(Family.id).where(Family.id.in_(staff_family_ids(member))))
        )
        assert listed == allowed, member.name
