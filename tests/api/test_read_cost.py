"""The API reads families through the loader of the staff family page
(`portal.reads.family.stated_families`): a page of families costs the same number of SQL
statements however many families are on it."""

from __future__ import annotations

from portal.ops.statements import counted_statements
from tests.api.conftest import new_family, person_number, unique


def statements_for(app, call) -> tuple[int, object]:
    with counted_statements(app) as statements:
        answer = call()
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return len(statements), answer


def children(count: int) -> list[dict]:
    return [
        {
            "external_id": unique("CHILD"),
            "person_number": person_number(),
            "first_name": "Test",
            "last_name": "Barn",
            "birth_date": "2015-03-02",
        }
        for _ in range(count)
    ]


def test_a_page_of_families_costs_the_same_for_two_or_twenty(app, sof):
    for _ in range(20):
        new_family(sof, children=children(2))
    small, answer = statements_for(app, lambda: sof.get("/families", limit=2))
    assert len(answer.json["items"]) == 2
    large, answer = statements_for(app, lambda: sof.get("/families", limit=20))
    assert len(answer.json["items"]) == 20
    assert large == small


def test_reading_one_family_costs_the_same_as_reading_it_with_more_children(app, sof):
    few, _ = new_family(sof, children=children(1))
    many, _ = new_family(sof, children=children(3))
    one_child, _ = statements_for(app, lambda: sof.get(f"/families/{few}"))
    three_children, _ = statements_for(app, lambda: sof.get(f"/families/{many}"))
    assert one_child == three_children
