"""Fixtures after Flask's tutorial: `app`, `client`, `runner`.

The database is built by running the real migrations, once per test process, on SQLite or on
PostgreSQL (TEST_DATABASE=sqlite, or a PostgreSQL URL; each run gets a fresh database of its own).
Every HTML page a test fetches through `client` must pass the shared page rules.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from portal import create_app
from portal.demo.seed import seed_demo
from portal.extensions import db
from tests.page_rules import check_page_rules

TEST_PERSON_NUMBER_KEY = "test-person-number-key"


class PageCheckingClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not response.is_streamed:
            check_page_rules(response.get_data(as_text=True), getattr(response.request, "path", ""))
        return response


def _postgres_database(base_url: str) -> Iterator[str]:
    """Create a database for this test process and drop it afterwards."""
    url = make_url(base_url).set(drivername="postgresql+psycopg")
    name = f"portal_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    target = os.environ.get("TEST_DATABASE", "sqlite")
    if target == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'portal.sqlite'}"
    else:
        yield from _postgres_database(target)


def make_app(database_url: str, **overrides):
    os.environ["PORTAL_ENV"] = "test"
    config = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PERSON_NUMBER_KEY": TEST_PERSON_NUMBER_KEY,
        "SERVER_NAME": None,
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture(scope="session")
def app(database_url):
    app = make_app(database_url)
    app.test_client_class = PageCheckingClient
    with app.app_context():
        upgrade()
        seed_demo(db.session, TEST_PERSON_NUMBER_KEY, today=date.today())
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app):
    """A database session inside an app context, for reading what the app wrote."""
    with app.app_context():
        yield db.session
        db.session.rollback()
        db.session.remove()
