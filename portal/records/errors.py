"""Why a change was refused. Messages are plain English for integrators and never repeat
a person number or other personal data from the request."""

from __future__ import annotations


class RecordError(Exception):
    status = 400

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


class NotFound(RecordError):
    """The record named in the address does not exist (for this department)."""

    status = 404


class Forbidden(RecordError):
    """The record belongs to the other department, or the actor may not do this."""

    status = 403


class Conflict(RecordError):
    """Another change got there first; retrying the request is safe."""

    status = 409


class Invalid(RecordError):
    """The request is well-formed but breaks a rule. `errors` are (path, message) pairs, the
    path leading to the offending field of the request body."""

    status = 422

    def __init__(self, detail: str, errors: list[tuple[tuple, str]] | None = None):
        super().__init__(detail)
        self.errors = errors or []


def invalid(path: tuple | str, message: str) -> Invalid:
    """A refusal about one field, e.g. `invalid(("holder", "staff_id"), "unknown staff")`."""
    path = (path,) if isinstance(path, str) else path
    return Invalid(message, [(path, message)])
