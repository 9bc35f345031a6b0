"""A child's age: children aged 10 or more are parties in their own case (Barnets lov § 3)."""

from __future__ import annotations

from datetime import date

PARTY_AGE = 10


def age_on(birth_date: date, today: date) -> int:
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - before_birthday


def is_party(birth_date: date, today: date) -> bool:
    return age_on(birth_date, today) >= PARTY_AGE
