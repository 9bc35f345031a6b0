"""Writing the shared picture: plain functions that create or change records, used by the
internal API (and later the staff pages). Each change runs inside one `unit_of_work`, the single
transaction boundary: everything in it is committed together, or nothing is.

The functions check the rules the database cannot (department ownership, stage order, who may
be referenced) and raise `RecordError`s; callers turn those into answers.
"""

from portal.records.errors import Conflict, Forbidden, Invalid, NotFound, RecordError
from portal.records.unit import Actor, UnitOfWork, unit_of_work

__all__ = [
    "Actor",
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "RecordError",
    "UnitOfWork",
    "unit_of_work",
]
