from datetime import date

import pytest

from portal.domain.children import age_on, is_party


@pytest.mark.parametrize(
    ("today", "age"),
    [(date(2026, 3, 14), 9), (date(2026, 3, 15), 10), (date(2027, 1, 1), 10)],
)
def test_age_counts_whole_years_up_to_the_birthday(today, age):
    assert age_on(date(2016, 3, 15), today) == age


def test_child_becomes_party_on_tenth_birthday():
    born = date(2016, 3, 15)
    assert not is_party(born, date(2026, 3, 14))
    assert is_party(born, date(2026, 3, 15))


def test_leap_day_birthday():
    born = date(2016, 2, 29)
    assert age_on(born, date(2026, 2, 28)) == 9
    assert age_on(born, date(2026, 3, 1)) == 10
