"""The staff family page is the picture the family sees, from the same loaders (the family's
case stories and meetings), at a cost that does not grow with the family."""

from __future__ import annotations

import re

from portal.models import StaffMember
from tests.conftest import login
from tests.factories import make_family, staff_of
from tests.integration.test_family_overview import count_queries


def contact_subject(session) -> str:
    """The identity provider's subject of the contact person make_family assigns."""
    _, sof_staff = staff_of(session, "sof")
    staff: StaffMember = sof_staff[0]
    return "staff-" + staff.subject.split(":", 1)[1]


def ids(html: str, prefix: str) -> set[str]:
    return set(re.findall(rf'id="{prefix}-(\d+)"', html))


def meeting_titles(html: str) -> set[str]:
    return set(re.findall(r"Møde \d+", html))


def test_staff_see_the_familys_stories_and_meetings_at_a_fixed_cost(
    app, identity_provider, session
):
    counts = {}
    for size, cases in {"one": 1, "ten": 10}.items():
        person_number = "0303033333" if size == "one" else "0404044444"
        family = make_family(
            session,
            person_number=person_number,
            key=f"picture{size}",
            children=1,
            cases=cases,
            meetings=3,
        )
        child_id = family.children[0].id
        subject = contact_subject(session)
        identity_provider.add_citizen(f"citizen-picture{size}", person_number, "Forælder")
        parent, staff = app.test_client(), app.test_client()
        login(parent, identity_provider, f"citizen-picture{size}")
        login(staff, identity_provider, subject, door="staff")
        family_sees = parent.get(f"/familier/{family.id}/boern/{child_id}").get_data(as_text=True)
        url = f"/medarbejder/familier/{family.id}"
        staff_sees = staff.get(url).get_data(as_text=True)  # warm-up too
        assert len(ids(family_sees, "sag")) == cases
        assert ids(staff_sees, "case") == ids(family_sees, "sag")
        assert meeting_titles(staff_sees) == meeting_titles(family_sees) != set()
        counts[size] = count_queries(app, staff, url)
    assert counts["one"] == counts["ten"], counts
