"""What a refused (429) request is told: how many seconds to wait, for its Retry-After header."""

from __future__ import annotations

import math
import time

from flask_limiter import RateLimitExceeded
from werkzeug.exceptions import HTTPException

from portal.extensions import limiter

FALLBACK_SECONDS = 60


def retry_after_seconds(error: HTTPException) -> int:
    """Seconds until the breached limit lets this client in again (at least 1)."""
    window = FALLBACK_SECONDS
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
