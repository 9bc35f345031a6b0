"""A mail catcher for development: a real SMTP server on loopback that keeps every message it
gets, and a small read-only web page listing them, so a developer can read what the portal
sent without a mail account.

    python -m portal.notify.mailcatcher --smtp-port 1025 --http-port 1080

`make run` starts it unless SMTP_HOST is set. Messages are kept in memory and as .eml files
under instance/mail/ (read again at start, so they survive a restart; delete the folder to
start afresh). Both servers listen on 127.0.0.1 only. Never for production.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import re
import signal
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from aiosmtpd.controller import Controller
from markupsafe import Markup

LOOPBACK = "127.0.0.1"
DEFAULT_MAIL_DIR = Path(__file__).resolve().parents[2] / "instance" / "mail"
_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
    "table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;"
    "padding:.4rem;text-align:start;vertical-align:top}"
    "pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}"
)
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
_PAGE_POLICY = f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'"
# The e-mails' own HTML is shown as it is, but sandboxed: no scripts, no requests out.
_MAIL_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
_MESSAGE_PATH = re.compile(r"/messages/(\d+)\.(html|eml)")


@dataclass(frozen=True)
class Received:
    number: int
    received_at: datetime
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return BytesParser(policy=policy.default).parsebytes(self.raw)

    def part(self, subtype: str) -> str:
        body = self.message.get_body(preferencelist=(subtype,))
        return body.get_content() if body is not None else ""


class Inbox:
    """The messages received, oldest first; kept as .eml files too when given a folder."""

    def __init__(self, directory: Path | None = None):
        self.directory = directory
        self._lock = threading.Lock()
        self._messages: list[Received] = []
        if directory is not None:
            directory.mkdir(parents=True, exist_ok=True)
            for path in sorted(directory.glob("*.eml")):
                stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC)
                self._messages.append(Received(len(self._messages) + 1, stamp, path.read_bytes()))

    def add(self, raw: bytes) -> Received:
        with self._lock:
            received = Received(len(self._messages) + 1, datetime.now(UTC), raw)
            self._messages.append(received)
            if self.directory is not None:
                name = f"{received.received_at:%Y%m%dT%H%M%S%f}-{received.number:05d}.eml"
                (self.directory / name).write_bytes(raw)
            return received

    def all(self) -> list[Received]:
        with self._lock:
            return list(self._messages)


class _Keeper:
    """aiosmtpd handler: accepts every message and puts it in the inbox."""

    def __init__(self, inbox: Inbox):
        self.inbox = inbox

    async def handle_DATA(self, server, session, envelope) -> str:
        self.inbox.add(envelope.original_content or envelope.content)
        return "250 Message kept by the development mail catcher"


class MailCatcher:
    """The SMTP server and the web page, each in a thread of its own."""

    def __init__(self, smtp_port: int, http_port: int, mail_dir: Path | None = DEFAULT_MAIL_DIR):
        self.inbox = Inbox(mail_dir)
        self.smtp_port = smtp_port
        self._smtp = Controller(
            _Keeper(self.inbox),
            hostname=LOOPBACK,
            port=smtp_port,
            server_hostname="mailcatcher.localhost",
            enable_SMTPUTF8=True,
        )
        self._http = ThreadingHTTPServer((LOOPBACK, http_port), _Page)
        self._http.daemon_threads = True
        self._http.inbox = self.inbox  # type: ignore[attr-defined]
        self._http_thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self._http.server_address[1]}"

    def start(self) -> MailCatcher:
        self._smtp.start()
        self._http_thread.start()
        return self

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._smtp.stop()

    def __enter__(self) -> MailCatcher:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class _Page(BaseHTTPRequestHandler):
    server_version = "mailcatcher"

    def do_GET(self) -> None:
        inbox: Inbox = self.server.inbox  # type: ignore[attr-defined]
        if self.path in ("/", ""):
            self._answer(_listing(inbox.all()), "text/html", _PAGE_POLICY)
            return
        match = _MESSAGE_PATH.fullmatch(self.path)
        messages = inbox.all()
        if match and 1 <= int(match[1]) <= len(messages):
            received = messages[int(match[1]) - 1]
            if match[2] == "eml":
                self._answer(received.raw.decode("utf-8", "replace"), "text/plain", _MAIL_POLICY)
            else:
                self._answer(received.part("html"), "text/html", _MAIL_POLICY)
            return
        self._answer("Not found", "text/plain", _PAGE_POLICY, HTTPStatus.NOT_FOUND)

    def _answer(self, body: str, kind: str, csp: str, status=HTTPStatus.OK) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # quiet: the page is read often
        pass


def _listing(messages: list[Received]) -> str:
    rows, sections = [], []
    for received in reversed(messages):
        message, number = received.message, received.number
        subject = message.get("Subject", "")
        date = message.get("Date") or f"{received.received_at:%Y-%m-%d %H:%M:%S} UTC (received)"
        rows.append(
            Markup(
                '<tr><td>{}</td><td>{}</td><td><a href="#message-{}">{}</a></td><td>{}</td></tr>'
            ).format(
                message.get("From", ""),
                message.get("To", ""),
                number,
                subject,
                message.get("Date", ""),
            )
        )
        sections.append(
            Markup(
                '<section id="message-{n}"><h2>{subject}</h2>'
                "<p>From {sender} to {to}, {date}. Language: {language}. "
                '<a href="/messages/{n}.html">HTML part</a> · '
                '<a href="/messages/{n}.eml">raw message</a></p><pre>{text}</pre></section>'
            ).format(
                n=number,
                subject=subject,
                sender=message.get("From", ""),
                to=message.get("To", ""),
                date=date,
                language=message.get("Content-Language", "-"),
                text=received.part("plain"),
            )
        )
    table = (
        Markup(
            "<table><caption>{}</caption><thead><tr><th>From</th><th>To</th><th>Subject</th>"
            "<th>Date</th></tr></thead><tbody>{}</tbody></table>"
        ).format(
            f"{len(messages)} message{'' if len(messages) == 1 else 's'}, newest first",
            Markup("").join(rows),
        )
        if messages
        else Markup("<p>No mail yet. Reload this page after the portal has sent some.</p>")
    )
    return str(
        Markup(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            "<title>Mail catcher</title><style>{}</style></head><body><main>"
            "<h1>Mail sent by the portal in development</h1>{}{}</main></body></html>"
        ).format(Markup(_STYLE), table, Markup("").join(sections))  # noqa: S704 (a constant)
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smtp-port", type=int, default=1025)
    parser.add_argument("--http-port", type=int, default=1080)
    parser.add_argument("--mail-dir", type=Path, default=DEFAULT_MAIL_DIR)
    args = parser.parse_args(argv)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    with MailCatcher(args.smtp_port, args.http_port, args.mail_dir) as catcher:
        print(
            f"Mail catcher: SMTP on {LOOPBACK}:{args.smtp_port}; read the mail at {catcher.url}",
            flush=True,
        )
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C
            stopping.wait()


if __name__ == "__main__":
    main()
