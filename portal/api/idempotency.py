"""Idempotency-Key on every write: the first answer is kept and a replay gets it back unchanged.

Following the IETF draft "The Idempotency-Key HTTP Header Field": a write without a key is
refused (400), the same key with a different request is refused (422). The request is kept only
as a keyed fingerprint, because bodies may carry person numbers.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re

from flask import Response, current_app, request
from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.api.problems import ApiProblem, FieldError
from portal.extensions import db
from portal.models import IdempotencyRecord

HEADER = "Idempotency-Key"
KEY_PATTERN = r"^[\x21-\x7e]{1,255}$"
_KEY = re.compile(KEY_PATTERN)
REPLAYED_HEADER = "Idempotent-Replayed"


def key_from_request() -> str:
    key = request.headers.get(HEADER)
    if key is None:
        detail = "every write needs an Idempotency-Key header, e.g. a UUID"
    elif not _KEY.match(key):
        detail = "Idempotency-Key must be 1-255 visible ASCII characters"
    else:
        return key
    raise ApiProblem(400, detail, [FieldError(detail=detail, header=HEADER)])


def fingerprint(raw: bytes) -> str:
    """A keyed hash of the method, path and (canonical JSON) body of the request."""
    try:
        body = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, RecursionError):
        body = raw
    secret = current_app.config["PERSON_NUMBER_KEY"].encode()
    message = request.method.encode() + b" " + request.path.encode() + b"\n" + body
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def replay(api_client_id: int, key: str, request_fingerprint: str) -> Response | None:
    """The stored first answer for this key, or None when the key is new."""
    record = db.session.scalar(
        select(IdempotencyRecord).filter_by(api_client_id=api_client_id, key=key)
    )
    if record is None:
        return None
    if not hmac.compare_digest(record.fingerprint, request_fingerprint):
        raise ApiProblem(
            422,
            "this Idempotency-Key was used for a different request; use a new key",
            [FieldError(detail="already used for a different request", header=HEADER)],
            slug="idempotency-key-reused",
        )
    return Response(
        record.response_body,
        status=record.status_code,
        mimetype="application/json",
        headers={REPLAYED_HEADER: "true"},
    )


def remember(
    session: Session, api_client_id: int, key: str, request_fingerprint: str, status: int, body
) -> None:
    """Keep the answer, in the same transaction as the change it reports."""
    session.add(
        IdempotencyRecord(
            api_client_id=api_client_id,
            key=key,
            fingerprint=request_fingerprint,
            status_code=status,
            response_body=body,
        )
    )
