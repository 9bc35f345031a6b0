"""The outbox worker's small rules: its settings, when to try again, and what of a failure
may be kept (never an address or a phone number)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from portal.config import ConfigError, from_environment
from portal.outbox.retries import next_try, short_error
from portal.outbox.settings import BACKOFF_CAP, OutboxSettings

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def settings(**env) -> OutboxSettings:
    return OutboxSettings.from_config(from_environment(env, Path("/nonexistent")))


def test_the_defaults_are_calm():
    chosen = settings()
    assert chosen.digest == timedelta(minutes=15)
    assert chosen.urgent == timedelta(hours=48)
    assert chosen.reminder_hour == 18
    assert chosen.lease == timedelta(minutes=5)
    assert chosen.max_attempts == 10


def test_settings_come_from_the_environment():
    chosen = settings(
        OUTBOX_DIGEST_MINUTES="5", MEETING_REMINDER_HOUR="7", OUTBOX_LEASE_SECONDS="2.5"
    )
    assert chosen.digest == timedelta(minutes=5)
    assert chosen.reminder_hour == 7
    assert chosen.lease == timedelta(seconds=2.5)


@pytest.mark.parametrize(
    "env",
    [
        {"OUTBOX_DIGEST_MINUTES": "soon"},
        {"MEETING_REMINDER_HOUR": "25"},
        {"OUTBOX_MAX_ATTEMPTS": "-1"},
    ],
)
def test_nonsense_settings_are_refused(env):
    with pytest.raises(ConfigError):
        settings(**env)


def test_each_retry_waits_about_twice_as_long_with_jitter_up_to_a_cap():
    chosen = settings(OUTBOX_BACKOFF_SECONDS="10")
    for attempt, base in ((1, 10), (2, 20), (3, 40), (4, 80)):
        waits = {next_try(NOW, attempt, chosen) - NOW for _ in range(50)}
        assert all(timedelta(seconds=base / 2) <= w <= timedelta(seconds=base) for w in waits)
        assert len(waits) > 1, "jittered"
    assert next_try(NOW, 40, chosen) - NOW <= BACKOFF_CAP


def test_a_failure_keeps_its_kind_and_code_but_no_address_or_number():
    error = RuntimeError("550 5.1.1 <anna.hansen@example.org> unknown; also +45 12 34 56 78")
    text = short_error(error)
    assert text.startswith("RuntimeError: 550 5.1.1")
    assert "anna" not in text and "example.org" not in text and "12 34" not in text
    assert len(short_error(RuntimeError("x" * 5000))) <= 300
