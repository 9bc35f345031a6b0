"""The worker's settings, read once from the app's configuration, and the clock it runs by."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from portal.models.base import utcnow

Clock = Callable[[], datetime]
BACKOFF_CAP = timedelta(hours=6)
BATCH_SIZE = 20


@dataclass(frozen=True)
class OutboxSettings:
    digest: timedelta  # at most one delivery per guardian per this window
    urgent: timedelta  # a meeting change closer than this to the meeting goes at once
    reminder_hour: int  # Copenhagen time, the day before a meeting
    lease: timedelta
    max_attempts: int
    backoff: timedelta  # the first retry's delay; doubled per attempt, up to BACKOFF_CAP
    poll_seconds: float
    batch_size: int = BATCH_SIZE

    @classmethod
    def from_config(cls, config) -> OutboxSettings:
        return cls(
            digest=timedelta(minutes=config["OUTBOX_DIGEST_MINUTES"]),
            urgent=timedelta(hours=config["OUTBOX_URGENT_HOURS"]),
            reminder_hour=config["MEETING_REMINDER_HOUR"],
            lease=timedelta(seconds=config["OUTBOX_LEASE_SECONDS"]),
            max_attempts=max(1, config["OUTBOX_MAX_ATTEMPTS"]),
            backoff=timedelta(seconds=config["OUTBOX_BACKOFF_SECONDS"]),
            poll_seconds=config["OUTBOX_POLL_SECONDS"],
        )


def system_clock() -> datetime:
    return utcnow()
