"""Fixtures after Flask's tutorial: `app`, `client`, `runner`.

The database is built by running the real migrations, once per test process, on SQLite or on
PostgreSQL (TEST_DATABASE=sqlite, or a PostgreSQL URL; each run gets a fresh database of its own).
Every HTML page a test fetches through `client` must pass the shared page rules.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Iterator
from datetime import date

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade

from portal import create_app
from portal.demo.seed import seed_demo
from portal.extensions import db
from tests.databases import throwaway_postgres
from tests.page_rules import check_page_rules

TEST_PERSON_NUMBER_KEY = "test-person-number-key"


class PageCheckingClient(FlaskClient):
    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        fragment = response.request.headers.get("HX-Request")  # htmx swaps in a page part
        if response.mimetype == "text/html" and not response.is_streamed and not fragment:
            check_page_rules(response.get_data(as_text=True), getattr(response.request, "path", ""))
        return response


def own_database(tmp_path_factory, name: str) -> Iterator[str]:
    """A fresh database (SQLite file or PostgreSQL database, as TEST_DATABASE says)."""
    target = os.environ.get("TEST_DATABASE", "sqlite")
    if target == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp(name) / 'portal.sqlite'}"
    else:
        with throwaway_postgres(target) as url:
            yield url


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> Iterator[str]:
    yield from own_database(tmp_path_factory, "db")


def make_app(database_url: str, provider_url: str | None = None, **overrides):
    os.environ["PORTAL_ENV"] = "test"
    config = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PERSON_NUMBER_KEY": TEST_PERSON_NUMBER_KEY,
        "SERVER_NAME": None,
        "RATELIMIT_ENABLED": False,
    }
    if provider_url:
        for door in ("CITIZEN", "STAFF"):
            config[f"{door}_OIDC_METADATA_URL"] = f"{provider_url}/.well-known/openid-configuration"
    config.update(overrides)
    return create_app(config)


def migrated_app(database_url: str, provider_url: str | None = None) -> Iterator:
    """The app on a migrated database with the demo data; disposed of afterwards."""
    app = make_app(database_url, provider_url)
    app.test_client_class = PageCheckingClient
    with app.app_context():
        upgrade()
        seed_demo(db.session, TEST_PERSON_NUMBER_KEY, today=date.today())
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def app(database_url, identity_provider):
    yield from migrated_app(database_url, identity_provider.url)


def app_of_its_own(tmp_path_factory, name: str, provider_url: str | None = None) -> Iterator:
    """A migrated app with the demo data on a database of its own, for tests whose writes must
    not disturb the others (fuzzing, state machines); for a module-scoped fixture to yield from."""
    for database_url in own_database(tmp_path_factory, name):
        yield from migrated_app(database_url, provider_url)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_other_app(app, database_url, identity_provider):
    """Apps with a configuration of their own, on the test database `app` migrated and seeded;
    the provider defaults to the bundled one. Their database connections close afterwards."""
    made = []

    def make(provider_url: str | None = identity_provider.url, **overrides):
        other = make_app(database_url, provider_url, **overrides)
        other.test_client_class = PageCheckingClient
        made.append(other)
        return other

    yield make
    for other in made:
        with other.app_context():
            db.engine.dispose()


def closed_port_url() -> str:
    """An address on loopback where nothing listens: a provider that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


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


@pytest.fixture(scope="session")
def identity_provider():
    from tests.identity_provider import ProviderServer

    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    with ProviderServer() as server:
        yield server


@pytest.fixture
def misbehaving(identity_provider):
    """Set the provider's misbehaviour for one test; it behaves again afterwards."""

    def set_mode(mode: str | None) -> None:
        identity_provider.misbehaviour.mode = mode

    yield set_mode
    identity_provider.misbehaviour.mode = None


def login(client, identity_provider, subject: str, door: str = "citizen", next_path=None):
    """Log in through the real OIDC flow; returns the portal's answer to the callback."""
    start = client.get(f"/log-ind/{door}", query_string={"next": next_path} if next_path else {})
    assert start.status_code == 302, start.status_code
    callback = identity_provider.approve(start.headers["Location"], subject)
    return client.get(callback.replace("http://localhost", ""))


def logged_in_client(
    app, identity_provider, subject: str, language: str = "da", door: str = "citizen"
):
    """A test client logged in as `subject`, reading the pages in `language`."""
    client = app.test_client()
    client.set_cookie("portal_lang", language)
    assert login(client, identity_provider, subject, door=door).status_code == 302
    return client


def csrf_token(client, path: str = "/overblik") -> str:
    """The CSRF token from a page of the logged-in user (the logout form carries one)."""
    html = client.get(path, follow_redirects=True).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
