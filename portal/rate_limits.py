"""Who is counted for which rate limit, and what a refused (429) request is told: how many
seconds to wait, for its Retry-After header. The limits themselves are settings
(`*_RATE_LIMIT`, README); they are kept in Redis, so every web process shares them."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from flask import current_app, g
from flask_limiter import RateLimitExceeded
from flask_limiter.util import get_remote_address
from limits import parse
from werkzeug.exceptions import HTTPException, TooManyRequests

from portal.extensions import limiter

log = logging.getLogger(__name__)

FALLBACK_SECONDS = 60


def retry_after_seconds(error: HTTPException) -> int:
    """Seconds until the breached limit lets this client in again (at least 1)."""
    window = FALLBACK_SECONDS
    if isinstance(error, TooManyRequests) and error.retry_after is not None:
        return int(error.retry_after)  # counted by `count_or_refuse`, which knows the wait
    if isinstance(error, RateLimitExceeded):
        window = error.limit.limit.get_expiry()
    breached = limiter.current_limit
    if breached is None:
        return window
    try:
        reset_at = breached.reset_at
    except Exception:  # the shared storage (Redis) may have gone away since the check
        return window
    return min(window, max(1, math.ceil(reset_at - time.time())))


def rate_limits_off() -> bool:
    """Whether this request's app counts nothing (RATELIMIT_ENABLED off, see create_app)."""
    return not current_app.config.get("PORTAL_RATE_LIMITS", True)


# Who is counted. Each limited action counts the person and the address separately: one person
# cannot flood from many addresses, and one address (a script) cannot flood as many people.
# Keys hold no personal data: a guardian by the keyed person-number hash, staff by row id.


def address_key() -> str:
    return f"address:{get_remote_address()}"


def person_key() -> str:
    """The logged-in person (sessions are loaded before limits are checked); else the address."""
    viewer = g.get("viewer")
    if viewer is not None and viewer.kind == "guardian" and viewer.person_number_hash:
        return f"guardian:{viewer.person_number_hash}"
    if viewer is not None and viewer.staff is not None:
        return f"staff:{viewer.staff.id}"
    return address_key()


def _configured(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def per_person_and_address(
    scope: str,
    person_limit: str,
    address_limit: str,
    *,
    person: Callable[[], str] = person_key,
    methods: tuple[str, ...] | None = ("POST",),
):
    """Decorates a view whose requests (by default its POSTs; None: every method) count against
    `scope` for the person and for the address (config keys `person_limit` and `address_limit`);
    views that share a scope share a count. `person`: who it is (an API client for the API)."""
    methods = list(methods) if methods else None

    def decorate(view):
        limited = limiter.shared_limit(
            _configured(person_limit), scope=f"{scope}:person", key_func=person, methods=methods
        )(view)
        return limiter.shared_limit(
            _configured(address_limit),
            scope=f"{scope}:address",
            key_func=address_key,
            methods=methods,
        )(limited)

    return decorate


def count_or_refuse(limit_setting: str, scope: str, identity: str) -> None:
    """One more of `scope` for `identity` (already pseudonymous), where no decorator can count it:
    the person logging in is known only inside the view. 429 when over the limit."""
    if rate_limits_off():
        return
    item = parse(current_app.config[limit_setting])
    try:
        allowed = limiter.limiter.hit(item, scope, identity)
        reset_at = limiter.limiter.get_window_stats(item, scope, identity).reset_time
    except Exception:  # the shared storage is gone: the next decorated check falls back for all
        log.warning("rate limit storage unreachable; %s not counted", scope)
        return
    if not allowed:
        raise TooManyRequests(retry_after=max(1, math.ceil(reset_at - time.time())))
