"""The two ways a notification leaves the portal: e-mail over SMTP and SMS through an HTTP
gateway. `send` either delivers, or raises `TemporaryFailure` (try again later: the server is
down, slow or busy, or the portal's own settings are wrong) or `PermanentFailure` (this
message to this address will never go through: the address is refused or malformed).

Problems on the portal's side (no server configured, a login or sender the mail server
refuses, a gateway token it does not accept) are temporary on purpose: they hold up every
message until an operator fixes them, and must not mark each one as undeliverable.

Nothing here logs or raises the message text or the address in clear: log lines and error
texts name the delivery by its reference, and a server's reply has the address replaced by
`[redacted]` (the marker of `portal/log_redaction.py`).
"""

from __future__ import annotations

import logging
import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Literal

import requests
from email_validator import EmailNotValidError, validate_email

from portal.log_redaction import REDACTED
from portal.notify.texts import Composed

log = logging.getLogger(__name__)

# A reference becomes the local part of the Message-ID, so it must be a dot-atom.
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_PHONE = re.compile(r"\+?[0-9]{6,15}")
_PHONE_SEPARATORS = re.compile(r"[\s().-]")


class TemporaryFailure(Exception):
    """Not delivered now; the same message may well go through later."""


class PermanentFailure(Exception):
    """Not delivered, and trying again will not help (e.g. the address does not exist)."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One notification to one address. `reference` is stable across retries: it is the
    e-mail's Message-ID and the SMS gateway's idempotency key, so a retry after a lost answer
    is recognised as the same message."""

    reference: str
    channel: Literal["email", "sms"]
    address: str
    language: str
    composed: Composed

    def __post_init__(self) -> None:
        if not _REFERENCE.fullmatch(self.reference):
            raise ValueError("a reference is 1-100 letters, digits, '.', '_' or '-'")
        if self.channel not in ("email", "sms"):
            raise ValueError(f"unknown channel {self.channel!r}")


def send(outgoing: Outgoing, config: Mapping) -> None:
    """Deliver `outgoing` with the settings in `config` (the app's config)."""
    if outgoing.channel == "email":
        send_email(outgoing, config)
    else:
        send_sms(outgoing, config)
    log.info("notification %s handed to the %s channel", outgoing.reference, outgoing.channel)


# --- e-mail ------------------------------------------------------------------------------------


def email_message(outgoing: Outgoing, config: Mapping, to: str | None = None) -> EmailMessage:
    """The e-mail as the mail server gets it: plain text with an HTML alternative."""
    sender = config.get("MAIL_FROM")
    if not sender:
        raise TemporaryFailure("MAIL_FROM is not set")
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    composed = outgoing.composed
    message = EmailMessage()
    message["Subject"] = composed.subject
    message["From"] = sender
    message["To"] = to or outgoing.address
    message["Date"] = format_datetime(datetime.now(UTC), usegmt=True)
    message["Message-ID"] = f"<{outgoing.reference}@{domain}>"
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office answers, please
    message["X-Auto-Response-Suppress"] = "All"  # the same for Exchange
    if composed.profile_url:
        # The profile page needs a login, so no List-Unsubscribe-Post (one-click) header.
        message["List-Unsubscribe"] = f"<{composed.profile_url}>"
    message.set_content(composed.text)
    message.add_alternative(composed.html, subtype="html")
    # After the body: setting content moves or clears every Content-* header.
    message["Content-Language"] = outgoing.language
    return message


def send_email(outgoing: Outgoing, config: Mapping) -> None:
    host = config.get("SMTP_HOST")
    if not host:
        raise TemporaryFailure("SMTP_HOST is not set")
    try:
        address = validate_email(outgoing.address, check_deliverability=False).normalized
    except EmailNotValidError:
        raise PermanentFailure("not a valid e-mail address") from None
    message = email_message(outgoing, config, address)
    starttls = bool(config.get("SMTP_STARTTLS"))
    port = int(config.get("SMTP_PORT") or (587 if starttls else 25))
    timeout = float(config.get("SMTP_TIMEOUT_SECONDS") or 10)
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            _open_session(smtp, config, starttls)
            smtp.send_message(message, to_addrs=[address])
    except (TemporaryFailure, PermanentFailure):
        raise
    except smtplib.SMTPRecipientsRefused as error:
        code, reply = next(iter(error.recipients.values()), (550, b""))
        _raise_for_reply("the mail server refused the recipient", code, reply, address)
    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
        # DATA refused is about this message; a refused sender is the portal's own setting.
        permanent_possible = isinstance(error, smtplib.SMTPDataError)
        what = "the message" if permanent_possible else "the sender (MAIL_FROM)"
        _raise_for_reply(
            f"the mail server refused {what}",
            error.smtp_code,
            error.smtp_error,
            address,
            permanent_possible=permanent_possible,
        )
    except smtplib.SMTPNotSupportedError:
        # The address needs SMTPUTF8, which this server does not offer.
        raise PermanentFailure("the mail server cannot take this address") from None
    except smtplib.SMTPResponseException as error:  # e.g. a 4xx/5xx greeting or HELO
        _raise_for_reply(
            "the mail server answered", error.smtp_code, error.smtp_error, address, False
        )
    except (smtplib.SMTPException, OSError) as error:  # refused, timed out, disconnected, TLS
        raise TemporaryFailure(f"mail server not reachable: {type(error).__name__}") from None


def _open_session(smtp: smtplib.SMTP, config: Mapping, starttls: bool) -> None:
    """STARTTLS and login; whatever goes wrong here is the portal's settings or the server's
    state, never the message's, so it is temporary."""
    try:
        if starttls:
            smtp.starttls(context=ssl.create_default_context())
        if config.get("SMTP_USERNAME"):
            smtp.login(config["SMTP_USERNAME"], config.get("SMTP_PASSWORD") or "")
    except smtplib.SMTPResponseException as error:
        raise TemporaryFailure(
            f"the mail server refused the session: {error.smtp_code} (check the SMTP settings)"
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise TemporaryFailure("the mail server does not offer STARTTLS or login") from None


def _raise_for_reply(
    what: str, code: int, reply: bytes | str, address: str, permanent_possible: bool = True
) -> None:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    detail = f"{what}: {code} {_scrub(text, address)}"
    if permanent_possible and 500 <= code < 600:
        raise PermanentFailure(detail)
    raise TemporaryFailure(detail)


def _scrub(text: str, address: str) -> str:
    """A server's reply without the address in it (servers like to quote it)."""
    for form in {address, address.lower()}:
        text = re.sub(re.escape(form), REDACTED, text, flags=re.IGNORECASE)
    return text[:200]


# --- SMS ---------------------------------------------------------------------------------------


def phone_number(address: str) -> str:
    """The number as the gateway gets it: digits with an optional leading +."""
    number = _PHONE_SEPARATORS.sub("", address)
    if not _PHONE.fullmatch(number):
        raise PermanentFailure("not a valid phone number")
    return number


def send_sms(outgoing: Outgoing, config: Mapping) -> None:
    url = config.get("SMS_GATEWAY_URL")
    if not url:
        raise TemporaryFailure("SMS_GATEWAY_URL is not set")
    number = phone_number(outgoing.address)
    headers = {"Idempotency-Key": outgoing.reference}
    if config.get("SMS_GATEWAY_TOKEN"):
        headers["Authorization"] = f"Bearer {config['SMS_GATEWAY_TOKEN']}"
    body = {"to": number, "text": outgoing.composed.sms, "reference": outgoing.reference}
    timeout = float(config.get("SMS_TIMEOUT_SECONDS") or 10)
    try:
        response = requests.post(
            url, json=body, headers=headers, timeout=timeout, allow_redirects=False
        )
    except requests.Timeout:
        # It may have arrived all the same: the retry carries the same idempotency key.
        raise TemporaryFailure("the SMS gateway did not answer in time") from None
    except requests.RequestException as error:
        raise TemporaryFailure(f"SMS gateway not reachable: {type(error).__name__}") from None
    status = response.status_code
    response.close()  # the body may quote the number; it is never read
    if 200 <= status < 300:
        return
    if status in (401, 403):
        raise TemporaryFailure(f"the SMS gateway refused the portal's token: {status}")
    if status in (408, 429) or status >= 500 or status < 400:
        raise TemporaryFailure(f"the SMS gateway answered {status}")
    raise PermanentFailure(f"the SMS gateway refused the message: {status}")
