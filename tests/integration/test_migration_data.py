"""Upgrading a database that already holds families keeps every row and gives each family the
statements of the departments already dealing with it, so nobody loses access by the upgrade."""

from __future__ import annotations

import pytest
from flask_migrate import upgrade
from sqlalchemy import text

from portal.extensions import db
from tests.conftest import make_app, own_database

ROWS = """
INSERT INTO departments (id, code, name_da, short_name)
  VALUES (1, 'buf', 'BUF', 'BUF'), (2, 'sof', 'SOF', 'SOF');
INSERT INTO case_types (id, code, department_id, joint, name_da)
  VALUES (1, 'undersoegelse', 2, false, 'Undersøgelse');
INSERT INTO families (id, display_name, created_at)
  VALUES (1, 'Familien Før', '2026-01-01 10:00:00+00:00');
INSERT INTO guardians (id, family_id, name, person_number_hash, access_level,
                       preferred_language, notify_by, created_at)
  VALUES (1, 1, 'Mor Før', 'h1', 'custody', 'da', 'email', '2026-01-01 10:00:00+00:00');
INSERT INTO children (id, family_id, first_name, last_name, birth_date, person_number_hash,
                      created_at)
  VALUES (1, 1, 'Barn', 'Før', '2015-01-01', 'c1', '2026-01-01 10:00:00+00:00');
INSERT INTO cases (id, external_id, child_id, department_id, case_type_id, opened_on, created_at)
  VALUES (1, 'SOF-1', 1, 2, 1, '2026-01-01', '2026-01-01 10:00:00+00:00');
"""


@pytest.fixture
def old_database(tmp_path_factory):
    yield from own_database(tmp_path_factory, "upgrade")


def test_upgrading_keeps_the_cases_and_states_what_the_rows_said(old_database):
    app = make_app(old_database)
    with app.app_context():
        upgrade(revision="0004")
        for statement in ROWS.strip().split(";\n"):
            db.session.execute(text(statement.rstrip(";")))
        db.session.commit()
        upgrade()
        count = lambda table: db.session.execute(text(f"SELECT count(*) FROM {table}")).scalar()  # noqa: E731
        assert (count("cases"), count("children"), count("guardians")) == (1, 1, 1)
        statement = db.session.execute(
            text("SELECT department_id, access_level, name FROM guardian_statements")
        ).one()
        assert tuple(statement) == (2, "custody", "Mor Før")  # SOF runs the family's case
        assert count("family_statements") == count("child_statements") == 1
        db.session.remove()
        db.engine.dispose()
