"""Real parts for notification tests, on loopback: an SMTP server (aiosmtpd) and an HTTP server
standing in for the SMS gateway. Both record what they get and can be made to misbehave.

    @pytest.fixture(scope="module")
    def mail_server():
        with MailServer() as server:
            yield server

    @pytest.fixture
    def mail(mail_server):
        mail_server.reset()  # running, accepting, empty
        return mail_server

    send(outgoing, mail.config())  # SMTP_HOST, SMTP_PORT, MAIL_FROM and a short timeout

`MailServer`: `.messages` (parsed `EmailMessage`s), `.envelopes` (mail from, recipients),
`.references()` (the Message-ID local parts, i.e. the delivery references), `.stop()` and
`.start()` (on the same port: a mail outage and its end), `.refuse_recipients(550)` (or 4xx),
`.wait_for(count)`.

`SmsGateway`: `.url`, `.received` (`Posted`: path, headers, json), `.answer_with(status)`,
`.delay(seconds)`, `.wait_for(count)`, `.reset()`.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller
from requests.structures import CaseInsensitiveDict

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def _wait(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.01)


class _SmtpHandler:
    def __init__(self, owner: MailServer):
        self.owner = owner

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if self.owner.refusal:
            return self.owner.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        raw = envelope.original_content or envelope.content
        message = BytesParser(policy=policy.default).parsebytes(raw)
        with self.owner.lock:
            self.owner.messages.append(message)
            self.owner.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted"


class MailServer:
    """A real SMTP server on 127.0.0.1 that keeps what it receives; restartable on its port."""

    def __init__(self, port: int | None = None):
        self.host = LOOPBACK
        self.port = port or free_port()
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refusal: str | None = None  # an SMTP reply to every RCPT TO, e.g. "550 ..."
        self.lock = threading.Lock()
        self._controller: Controller | None = None

    def config(self) -> dict:
        """Settings for `portal.notify.channels.send`: this server, plain SMTP, short timeout."""
        return {
            "SMTP_HOST": self.host,
            "SMTP_PORT": self.port,
            "SMTP_TIMEOUT_SECONDS": 5,
            "MAIL_FROM": "Familieportalen <ikke-svar@familieportalen.example>",
        }

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> MailServer:
        if self._controller is None:
            controller = Controller(
                _SmtpHandler(self), hostname=self.host, port=self.port, enable_SMTPUTF8=True
            )
            controller.start()  # a stopped controller's loop is closed: a new one each time
            self._controller = controller
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def refuse_recipients(self, code: int = 550, text: str = "5.1.1 No such mailbox") -> None:
        self.refusal = f"{code} {text}"

    def accept_recipients(self) -> None:
        self.refusal = None

    def clear(self) -> None:
        with self.lock:
            self.messages.clear()
            self.envelopes.clear()

    def reset(self) -> None:
        """Running, accepting every recipient, nothing received."""
        self.accept_recipients()
        self.clear()
        self.start()

    def references(self) -> list[str]:
        """The local part of each message's Message-ID, in arrival order."""
        with self.lock:
            ids = [str(message["Message-ID"]) for message in self.messages]
        return [value.strip("<>").rpartition("@")[0] for value in ids]

    def wait_for(self, count: int, timeout: float = 5) -> list[EmailMessage]:
        _wait(lambda: len(self.messages) >= count, timeout, f"{count} e-mails")
        return list(self.messages)

    def __enter__(self) -> MailServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@dataclass(frozen=True)
class Posted:
    path: str
    headers: CaseInsensitiveDict
    json: object


class _GatewayHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        gateway: SmsGateway = self.server.gateway  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = None
        with gateway.lock:
            gateway.received.append(Posted(self.path, CaseInsensitiveDict(self.headers), parsed))
            status, delay = gateway.status, gateway.seconds
        if delay:
            gateway.wake.wait(delay)
        answer = json.dumps({"id": f"sms-{len(gateway.received)}"}).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
        except OSError:  # the client gave up waiting (the slow gateway test)
            pass

    def log_message(self, format: str, *args) -> None:
        pass


class SmsGateway:
    """A local HTTP server standing in for the SMS gateway: it records every POST (JSON
    parsed) and answers 202, or whatever status `answer_with` says, after `delay` seconds."""

    def __init__(self):
        self.received: list[Posted] = []
        self.status = 202
        self.seconds = 0.0
        self.lock = threading.Lock()
        self.wake = threading.Event()  # set on stop, so slow answers do not hold it up
        self._server = ThreadingHTTPServer((LOOPBACK, 0), _GatewayHandler)
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._server.gateway = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.url = f"http://{LOOPBACK}:{self._server.server_address[1]}/messages"

    def config(self, token: str = "test-gateway-token") -> dict:
        """Settings for `portal.notify.channels.send`: this gateway, a token, short timeout."""
        return {"SMS_GATEWAY_URL": self.url, "SMS_GATEWAY_TOKEN": token, "SMS_TIMEOUT_SECONDS": 5}

    def answer_with(self, status: int) -> None:
        self.status = status

    def delay(self, seconds: float) -> None:
        self.seconds = seconds

    def reset(self) -> None:
        """Answering 202 at once, nothing received."""
        with self.lock:
            self.received.clear()
        self.status, self.seconds = 202, 0.0

    def wait_for(self, count: int, timeout: float = 5) -> list[Posted]:
        _wait(lambda: len(self.received) >= count, timeout, f"{count} SMS")
        return list(self.received)

    def start(self) -> SmsGateway:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.wake.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SmsGateway:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
