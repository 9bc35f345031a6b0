"""The outbox tests' own app and database (they drain every due message in it), a real SMTP
server and SMS gateway on loopback, and a clock the tests move instead of sleeping. The app
logs in through the shared identity provider, for the pages where staff see who was told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete

from portal.extensions import db
from portal.models import Delivery, Notice, OutboxMessage
from portal.models.base import utcnow
from portal.outbox.settings import OutboxSettings
from portal.outbox.worker import drain
from tests.conftest import migrated_app, own_database
from tests.mail import MailServer, SmsGateway

PUBLIC_URL = "https://familieportalen.example"


class FakeClock:
    """Real time plus however far a test has moved it: never behind the rows the database
    stamps itself."""

    def __init__(self):
        self.offset = timedelta(seconds=1)

    def __call__(self):
        return utcnow() + self.offset

    def advance(self, **delta) -> None:
        self.offset += timedelta(**delta)


@pytest.fixture(scope="session")
def outbox_database_url(tmp_path_factory):
    yield from own_database(tmp_path_factory, "outbox")


@pytest.fixture(scope="session")
def mail_server():
    with MailServer() as server:
        yield server


@pytest.fixture(scope="session")
def sms_gateway():
    with SmsGateway() as gateway:
        yield gateway


def outbox_config(mail_server: MailServer, sms_gateway: SmsGateway) -> dict:
    return {
        "PUBLIC_URL": PUBLIC_URL,
        **mail_server.config(),
        **sms_gateway.config(),
        "OUTBOX_POLL_SECONDS": 0.05,
    }


@pytest.fixture(scope="session")
def app(outbox_database_url, mail_server, sms_gateway, identity_provider):
    """Migrated and seeded like every test app, then pointed at the loopback receivers (the
    notification settings are read when used, not when the app is made)."""
    for app in migrated_app(outbox_database_url, identity_provider.url):
        app.config.update(outbox_config(mail_server, sms_gateway))
        yield app


@pytest.fixture
def session(app):
    """The app's session in an app context, with an empty outbox and empty receivers."""
    with app.app_context():
        for model in (Notice, Delivery, OutboxMessage):
            db.session.execute(delete(model))
        db.session.commit()
        yield db.session
        db.session.rollback()
        db.session.remove()


@pytest.fixture
def mail(mail_server):
    mail_server.reset()
    yield mail_server
    mail_server.reset()


@pytest.fixture
def sms(sms_gateway):
    sms_gateway.reset()
    yield sms_gateway
    sms_gateway.reset()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def settings(app) -> OutboxSettings:
    return OutboxSettings.from_config(app.config)


@pytest.fixture
def work(session, settings, clock):
    """Drain what is due now, as `outbox work --once` does; returns the totals."""

    def run(**overrides):
        chosen = OutboxSettings(**{**settings.__dict__, **overrides}) if overrides else settings
        totals = drain(chosen, clock)
        session.expire_all()
        return totals

    return run
