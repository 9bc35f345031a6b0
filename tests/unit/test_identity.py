import pytest

from portal.domain.identity import InvalidPersonNumber, person_number_hash


def test_same_number_same_hash_whatever_the_format():
    assert person_number_hash("120382-4412", "k") == person_number_hash("1203824412", "k")


def test_hash_depends_on_the_key_and_hides_the_number():
    digest = person_number_hash("1203824412", "key-a")
    assert digest != person_number_hash("1203824412", "key-b")
    assert "1203824412" not in digest and len(digest) == 64


@pytest.mark.parametrize("bad", ["", "12345", "12038244121", "abc"])
def test_malformed_numbers_are_refused(bad):
    with pytest.raises(InvalidPersonNumber):
        person_number_hash(bad, "k")
