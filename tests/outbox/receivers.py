"""Lean SMTP servers on loopback for the outbox's fault and load tests (tests/mail.py's
`MailServer` keeps whole parsed messages; these keep each message's reference, the local part
of its Message-ID, which is all that exactly-once needs)."""

from __future__ import annotations

import asyncio
import re
import threading
import time

from aiosmtpd.controller import Controller

from tests.mail import LOOPBACK, free_port

MESSAGE_ID = re.compile(rb"^Message-ID:\s*<([^@>]+)@", re.MULTILINE | re.IGNORECASE)


class ReferenceCounter:
    """Keeps the reference of every message that arrives, duplicates included."""

    def __init__(self):
        self.host, self.port = LOOPBACK, free_port()
        self.references: list[str] = []
        self._controller = Controller(self, hostname=self.host, port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:
        found = MESSAGE_ID.search(envelope.original_content or envelope.content)
        self.references.append(found.group(1).decode() if found else "")
        return "250 Message accepted"

    def wait_for(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while len(self.references) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"only {len(self.references)} of {count} arrived")
            time.sleep(0.05)

    def config(self) -> dict:
        return {"SMTP_HOST": self.host, "SMTP_PORT": self.port}

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self._controller.stop()


class StallingServer(ReferenceCounter):
    """Keeps each message as it arrives, but holds back its answer to the first DATA until
    released: the sender cannot know that the message arrived."""

    def __init__(self):
        super().__init__()
        self.stalled = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope) -> str:
        answer = await super().handle_DATA(server, session, envelope)
        if not self.stalled.is_set():
            self.stalled.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        return answer

    def __exit__(self, *exc) -> None:
        self.release.set()
        super().__exit__(*exc)
