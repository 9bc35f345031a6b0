"""Writing the shared picture: the one write layer for every door. The internal API, the
family and staff pages, the demo data and the test data change family data only through these
plain functions, each inside one `unit_of_work`, the single transaction boundary: everything
in it, with its audit entries and outbox messages, is committed together, or nothing is.

The functions take rows (a Case, a Child, a StaffMember...) and plain values, never the ids a
case system uses for them: finding rows by a department's external ids is the API's work
(portal/api/rows.py). They check the rules the database cannot (department ownership, stage
order, who may be referenced) and raise `RecordError`s; callers turn those into answers. The
actor is an API client, a staff member, a guardian or the system, and every audit entry names
the door the change came through.
"""

from portal.records.errors import Conflict, Forbidden, Invalid, NotFound, RecordError, invalid
from portal.records.unit import Actor, UnitOfWork, system_actor, unit_of_work

__all__ = [
    "Actor",
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "RecordError",
    "UnitOfWork",
    "invalid",
    "system_actor",
    "unit_of_work",
]
