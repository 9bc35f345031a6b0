"""When to try again, and what of a failure may be kept: never content, never an address."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from portal.outbox.settings import BACKOFF_CAP, OutboxSettings

_EMAIL = re.compile(r"[^\s<>\"'@]+@[^\s<>\"'@]+")
_NUMBER = re.compile(r"\+?\d[\d\s-]{5,}\d")
ERROR_LENGTH = 300


def next_try(now: datetime, attempts: int, settings: OutboxSettings) -> datetime:
    """Exponential backoff from OUTBOX_BACKOFF_SECONDS (doubled per attempt, at most
    BACKOFF_CAP), with "equal jitter": half the delay fixed, half random, so workers that
    failed together do not come back together."""
    delay = settings.backoff * (2 ** max(0, attempts - 1))
    delay = min(delay, BACKOFF_CAP)
    return now + delay / 2 + timedelta(seconds=random.uniform(0, delay.total_seconds() / 2))  # noqa: S311 (jitter, not a secret)


def short_error(error: BaseException) -> str:
    """The kind of failure and its message with any address or phone number taken out."""
    text = f"{type(error).__name__}: {error}"
    text = _NUMBER.sub("[number]", _EMAIL.sub("[address]", text))
    return text[:ERROR_LENGTH]
