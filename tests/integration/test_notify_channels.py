"""Notifications leave through real parts on loopback: an SMTP server (aiosmtpd) and a local
HTTP server as the SMS gateway. Each failure is classified as temporary (try again later) or
permanent (never), and nothing logs the address or the text."""

from __future__ import annotations

import logging
import socket
import time
import urllib.request

import pytest

from portal.notify.channels import Outgoing, PermanentFailure, TemporaryFailure, send
from portal.notify.mailcatcher import MailCatcher
from portal.notify.texts import Composed
from tests.mail import MailServer, SmsGateway, free_port

ADDRESS = "mette.hansen@example.dk"
PHONE = "+45 20 11 22 33"
COMPOSED = Composed(
    subject="Påmindelse om dit møde",
    text="Du har et møde i morgen kl. 10.00.\n\nSe mere i Familieportalen.\nhttps://fp.example\n",
    html='<!DOCTYPE html><html lang="da" dir="ltr"><body><p>Du har et møde i morgen kl. '
    '10.00.</p><p><a href="https://fp.example">https://fp.example</a></p></body></html>',
    sms="Du har et møde i morgen kl. 10.00. Se mere i Familieportalen.\nhttps://fp.example",
    profile_url="https://fp.example/profil",
)


def outgoing(channel="email", address=ADDRESS, reference="delivery-41", language="da"):
    return Outgoing(reference, channel, address, language, COMPOSED)


@pytest.fixture(scope="module")
def mail_server():
    with MailServer() as server:
        yield server


@pytest.fixture
def mail(mail_server):
    mail_server.reset()
    return mail_server


@pytest.fixture(scope="module")
def gateway_server():
    with SmsGateway() as gateway:
        yield gateway


@pytest.fixture
def gateway(gateway_server):
    gateway_server.reset()
    return gateway_server


def test_an_email_arrives_with_text_and_html(mail):
    send(outgoing(), mail.config())

    [message] = mail.messages
    assert mail.references() == ["delivery-41"]
    assert message["Message-ID"] == "<delivery-41@familieportalen.example>"
    assert message["To"] == ADDRESS and mail.envelopes == [
        ("ikke-svar@familieportalen.example", [ADDRESS])
    ]
    assert message["Subject"] == "Påmindelse om dit møde"
    assert message["Content-Language"] == "da"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["List-Unsubscribe"] == "<https://fp.example/profil>"
    assert message["List-Unsubscribe-Post"] is None  # the profile page needs a login
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Du har et møde i morgen kl. 10.00." in plain
    assert '<html lang="da"' in html


def test_the_same_reference_gives_the_same_message_id(mail):
    """A retry after a lost answer is recognisable as the same message downstream."""
    send(outgoing(), mail.config())
    send(outgoing(), mail.config())
    assert mail.references() == ["delivery-41", "delivery-41"]


def test_a_refused_recipient_is_a_permanent_failure(mail):
    mail.refuse_recipients(550, f"5.1.1 <{ADDRESS}>: Recipient address rejected")
    with pytest.raises(PermanentFailure) as failure:
        send(outgoing(), mail.config())
    assert "550" in str(failure.value)
    assert ADDRESS not in str(failure.value)  # the server quoted it; the error does not
    assert mail.messages == []


def test_a_recipient_refused_for_now_is_a_temporary_failure(mail):
    mail.refuse_recipients(450, "4.2.1 Mailbox busy, try again later")
    with pytest.raises(TemporaryFailure, match="450"):
        send(outgoing(), mail.config())


def test_a_stopped_mail_server_is_a_temporary_failure_until_it_is_back(mail):
    mail.stop()
    with pytest.raises(TemporaryFailure):
        send(outgoing(), mail.config())
    mail.start()
    send(outgoing(), mail.config())
    assert mail.references() == ["delivery-41"]


def test_a_mail_server_that_never_answers_times_out_as_temporary():
    with socket.socket() as silent:  # accepts connections (backlog) but never says hello
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        config = {
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": silent.getsockname()[1],
            "SMTP_TIMEOUT_SECONDS": 0.3,
            "MAIL_FROM": "ikke-svar@familieportalen.example",
        }
        started = time.monotonic()
        with pytest.raises(TemporaryFailure):
            send(outgoing(), config)
    assert time.monotonic() - started < 3


def test_a_malformed_address_is_permanent(mail):
    with pytest.raises(PermanentFailure):
        send(outgoing(address="mette\r\nBcc: everyone@example.dk"), mail.config())
    assert mail.messages == []


def test_mail_without_a_server_configured_waits(mail):
    with pytest.raises(TemporaryFailure, match="SMTP_HOST"):
        send(outgoing(), {**mail.config(), "SMTP_HOST": None})


def test_a_reference_must_fit_in_a_message_id():
    with pytest.raises(ValueError):
        outgoing(reference="a b@c")


def test_an_sms_is_posted_with_token_reference_and_idempotency_key(gateway):
    send(outgoing("sms", PHONE), gateway.config("secret-token"))

    [posted] = gateway.received
    assert posted.path == "/messages"
    assert posted.headers["Authorization"] == "Bearer secret-token"
    assert posted.headers["Idempotency-Key"] == "delivery-41"
    assert posted.headers["Content-Type"] == "application/json"
    assert posted.json == {"to": "+4520112233", "text": COMPOSED.sms, "reference": "delivery-41"}


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_a_busy_or_broken_gateway_is_a_temporary_failure(gateway, status):
    gateway.answer_with(status)
    with pytest.raises(TemporaryFailure, match=str(status)):
        send(outgoing("sms", PHONE), gateway.config())


@pytest.mark.parametrize("status", [400, 404, 422])
def test_a_refused_sms_is_a_permanent_failure(gateway, status):
    gateway.answer_with(status)
    with pytest.raises(PermanentFailure, match=str(status)):
        send(outgoing("sms", PHONE), gateway.config())


def test_a_refused_token_holds_messages_back_instead_of_dropping_them(gateway):
    gateway.answer_with(401)
    with pytest.raises(TemporaryFailure, match="token"):
        send(outgoing("sms", PHONE), gateway.config())


def test_a_gateway_slower_than_the_timeout_is_a_temporary_failure(gateway):
    gateway.delay(2)
    started = time.monotonic()
    with pytest.raises(TemporaryFailure, match="in time"):
        send(outgoing("sms", PHONE), {**gateway.config(), "SMS_TIMEOUT_SECONDS": 0.3})
    assert time.monotonic() - started < 1.5


def test_a_gateway_that_is_down_is_a_temporary_failure():
    config = {"SMS_GATEWAY_URL": f"http://127.0.0.1:{free_port()}/messages"}
    with pytest.raises(TemporaryFailure):
        send(outgoing("sms", PHONE), config)


def test_a_number_that_is_no_phone_number_is_permanent(gateway):
    with pytest.raises(PermanentFailure):
        send(outgoing("sms", "Oliver Hansen"), gateway.config())
    assert gateway.received == []


def test_nothing_logs_the_address_or_the_text(mail, gateway, caplog):
    caplog.set_level(logging.DEBUG)
    send(outgoing(), mail.config())
    send(outgoing("sms", PHONE), gateway.config())
    mail.refuse_recipients(550)
    with pytest.raises(PermanentFailure):
        send(outgoing(), mail.config())
    # The portal's side only: the test SMTP server (aiosmtpd's "mail.log") logs every address.
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name != "mail.log")
    assert "delivery-41" in logged
    for secret in (ADDRESS, "+4520112233", PHONE, "møde", "Familieportalen."):
        assert secret not in logged


def test_the_mail_catcher_keeps_what_it_gets_and_lists_it(tmp_path):
    with MailCatcher(free_port(), free_port(), tmp_path / "mail") as catcher:
        config = {
            "SMTP_HOST": "127.0.0.1",
            "SMTP_PORT": catcher.smtp_port,
            "MAIL_FROM": "ikke-svar@familieportalen.localhost",
        }
        subject = "Påmindelse om dit møde <b>"
        composed = Composed(subject, COMPOSED.text, COMPOSED.html, COMPOSED.sms, "")
        send(Outgoing("delivery-7", "email", ADDRESS, "da", composed), config)
        with urllib.request.urlopen(catcher.url, timeout=5) as answer:
            page = answer.read().decode()
            assert answer.headers["Content-Security-Policy"].startswith("default-src 'none'")
        with urllib.request.urlopen(f"{catcher.url}/messages/1.html", timeout=5) as answer:
            assert "Du har et møde" in answer.read().decode()
    assert "Påmindelse om dit møde &lt;b&gt;" in page  # listed, and escaped
    assert "Du har et møde i morgen kl. 10.00." in page
    assert ADDRESS in page
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1
