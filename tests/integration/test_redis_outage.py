"""Redis goes away and comes back under two real gunicorn instances that share their rate
limits through it (portal/config.py `_rate_limit_storage`): while it is gone, pages keep
working and each process counts in its own memory, with a warning in the log; when it is
back, the instances share one count again. Redis is reached through a proxy the test cuts
(tests/faults.py)."""

from __future__ import annotations

import time
from contextlib import ExitStack

import httpx
import pytest

from tests.faults import FaultyLine
from tests.integration.test_sessions import TEST_REDIS_URL, redis_or_skip
from tests.integration.test_two_instances import (
    LOGIN_LIMIT,
    gunicorn_instance,
    instance_environment,
)

FALLBACK_WARNING = "Rate limit storage unreachable - falling back to in-memory storage"
RECOVERY_BOUND_SECONDS = 40  # Flask-Limiter looks for Redis again after 1, 2, 4 … 32 s


@pytest.fixture
def instances_over_a_faulty_redis(database_url, identity_provider, tmp_path):
    if not database_url.startswith("postgresql"):
        pytest.skip("two instances share one PostgreSQL database (TEST_DATABASE is SQLite)")
    redis_client = redis_or_skip()
    with ExitStack() as stack:
        line = stack.enter_context(FaultyLine.to(TEST_REDIS_URL))
        env = instance_environment(database_url, identity_provider.url)
        env["REDIS_URL"] = line.proxied(TEST_REDIS_URL)
        logs = [tmp_path / "first.log", tmp_path / "second.log"]
        bases = [stack.enter_context(gunicorn_instance(env, log)) for log in logs]
        yield bases, line, logs, redis_client, env["LOGIN_RATE_LIMIT"]


def login_starts(bases: list[str], rounds: int) -> list[int]:
    """Login starts, alternating between the instances."""
    return [httpx.get(f"{base}/log-ind/citizen", timeout=10).status_code for base in bases * rounds]


def forget_the_counts(redis_client, limit: str) -> None:
    """This test's login counters (its window is its own, see `instance_environment`)."""
    window = limit.split(" per ")[1].split()[0]
    for key in redis_client.scan_iter(f"*{window}*"):
        redis_client.delete(key)


def test_rate_limits_fall_back_to_each_process_and_are_shared_again(
    instances_over_a_faulty_redis,
):
    bases, line, logs, redis_client, limit = instances_over_a_faulty_redis
    shared = [302] * LOGIN_LIMIT + [429] * LOGIN_LIMIT
    assert login_starts(bases, LOGIN_LIMIT) == shared  # one count for both

    line.refuse()
    for base in bases:
        assert httpx.get(f"{base}/", timeout=10).status_code == 200  # pages keep working
    # Each process now counts on its own: LOGIN_LIMIT starts on each before it refuses.
    apart = login_starts(bases, LOGIN_LIMIT + 1)
    assert apart == [302, 302] * LOGIN_LIMIT + [429, 429]
    for log in logs:
        assert FALLBACK_WARNING in log.read_text(errors="replace")

    line.heal()
    forget_the_counts(redis_client, limit)
    started = time.monotonic()
    while time.monotonic() - started < RECOVERY_BOUND_SECONDS:
        forget_the_counts(redis_client, limit)
        # Back on Redis, both instances' starts land in one shared count.
        codes = login_starts(bases, LOGIN_LIMIT)
        if codes == shared:
            break
        time.sleep(1)
    else:
        pytest.fail(f"the instances did not share their limits again: {codes}")
    print(f"\nshared rate limits again {time.monotonic() - started:.1f} s after Redis returned")
