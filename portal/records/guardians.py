"""What a guardian chooses for themselves: the portal's language, how to hear from us, and the
contact details to use. One person, the same choice in every family they are a guardian in."""

from __future__ import annotations

from portal.models import Guardian
from portal.models.base import utcnow
from portal.records.unit import Actor, UnitOfWork


def guardian_actor(name: str) -> Actor:
    return Actor(kind="guardian", name=name, department_id=None, department_code=None)


def choose_contact(
    unit: UnitOfWork,
    guardians: list[Guardian],
    *,
    preferred_language: str,
    notify_by: str,
    email: str | None,
    phone: str | None,
) -> None:
    """From now on the guardian's own choice wins over what the departments' systems state
    about their contact details (docs/access.md, S1)."""
    for guardian in guardians:
        guardian.preferred_language = preferred_language
        guardian.notify_by = notify_by
        guardian.email = email
        guardian.phone = phone
        guardian.contact_chosen_at = utcnow()
        unit.wrote(guardian.family_id, "guardian", guardian, f"{unit.door}: profile")
