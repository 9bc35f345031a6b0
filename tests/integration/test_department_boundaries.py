"""One department's system can never widen anyone's access to the other department's cases, nor
overwrite what the other department stated, nor learn whether it knows a person number
(docs/access.md). SOF sends a family with a child welfare investigation; BUF's system then
tries every path from the "wrong" side, and the family door, the staff door and the API are
checked for what each person sees afterwards."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from portal.demo.identities import DEMO_TENANT
from portal.extensions import db
from portal.models import ExternalReference, Family, StaffMember
from tests.api.conftest import ApiUser, make_api_user, person_number, unique
from tests.conftest import login

SECRET_STEP_NOTE = "Samtale med skolen om Ellas trivsel og hjemmet."
CHILD = {"first_name": "Ella", "last_name": "Sørensen", "birth_date": "2014-05-06"}


@dataclass
class Person:
    subject: str
    person_number: str
    name: str


@dataclass
class SofFamily:
    family_id: int  # the portal's row id
    sof_family: str
    sof_case: str
    child_number: str
    mother: Person
    grandmother: Person  # custody guardian known to SOF only
    contact: str  # SOF's contact person, external id


@pytest.fixture(scope="module")
def buf(app) -> ApiUser:
    return make_api_user(app, "buf")


@pytest.fixture(scope="module")
def sof(app) -> ApiUser:
    return make_api_user(app, "sof")


def put_staff(api: ApiUser, name: str, identity_provider) -> str:
    """A staff member of the API user's department who can log in at the staff door."""
    staff_id = unique(api.department.upper())
    answer = api.put(f"/departments/{api.department}/staff/{staff_id}", {"name": name})
    assert answer.status_code == 201, answer.get_data(as_text=True)
    with api.app.app_context():
        row = db.session.scalar(select(StaffMember).filter_by(external_id=staff_id))
        row.subject = f"{DEMO_TENANT}:{staff_id}"
        db.session.commit()
    identity_provider.add_user(
        f"staff-{staff_id}",
        {"name": name, "tid": DEMO_TENANT, "oid": staff_id, "roles": ["staff"]},
    )
    return staff_id


def citizen(identity_provider, name: str) -> Person:
    person = Person(unique("citizen"), person_number(), name)
    identity_provider.add_citizen(person.subject, person.person_number, name)
    return person


def guardian_body(person: Person, access: str, **extra) -> dict:
    return {
        "person_number": person.person_number,
        "name": person.name,
        "access_level": access,
        **extra,
    }


@pytest.fixture
def sof_family(app, sof, identity_provider) -> SofFamily:
    mother = citizen(identity_provider, "Mette Sørensen")
    grandmother = citizen(identity_provider, "Inge Sørensen")
    child_number = person_number()
    sof_family, sof_child, sof_case = unique("SOF-FAM"), unique("SOF-CHILD"), unique("SOF-CASE")
    answer = sof.put(
        f"/families/{sof_family}",
        {
            "display_name": "Familien Sørensen",
            "guardians": [
                guardian_body(mother, "custody", email="mette@example.dk"),
                guardian_body(grandmother, "custody"),
            ],
            "children": [
                {
                    **CHILD,
                    "external_id": sof_child,
                    "person_number": child_number,
                    "school": "Sortedamskolen",
                }
            ],
        },
    )
    assert answer.status_code == 201, answer.get_data(as_text=True)
    answer = sof.put(
        f"/departments/sof/cases/{sof_case}",
        {
            "child_id": sof_child,
            "case_type": "boernefaglig-undersoegelse",
            "opened_on": "2026-10-01",
        },
    )
    assert answer.status_code == 201, answer.get_data(as_text=True)
    answer = sof.put(
        f"/departments/sof/cases/{sof_case}/events/{unique('EV')}",
        {
            "kind": "note",
            "visibility": "family",
            "occurred_at": "2026-11-02T10:00:00+01:00",
            "summary": {"da": SECRET_STEP_NOTE},
        },
    )
    assert answer.status_code == 201, answer.get_data(as_text=True)
    contact = put_staff(sof, "Sofie Kontakt", identity_provider)
    answer = sof.put(
        f"/families/{sof_family}/contact-person",
        {"contact_person": {"department": "sof", "staff_id": contact}},
    )
    assert answer.status_code == 200, answer.get_data(as_text=True)
    with app.app_context():
        family_id = db.session.scalar(
            select(ExternalReference.family_id).filter_by(external_id=sof_family)
        )
        db.session.remove()
    return SofFamily(family_id, sof_family, sof_case, child_number, mother, grandmother, contact)


def buf_family_body(target: SofFamily, *guardians: dict, **child) -> dict:
    return {
        "display_name": "Familien Hacket",
        "guardians": list(guardians),
        "children": [
            {
                **CHILD,
                "external_id": unique("BUF-CHILD"),
                "person_number": target.child_number,
                **child,
            }
        ],
    }


def page_as(app, identity_provider, person: Person, path: str):
    client = app.test_client()
    login(client, identity_provider, person.subject)
    return client.get(path)


def staff_page(app, identity_provider, staff_id: str, path: str):
    client = app.test_client()
    login(client, identity_provider, f"staff-{staff_id}", door="staff")
    return client.get(path)


def sof_case_row_id(app, target: SofFamily) -> int:
    from portal.models import Case

    with app.app_context():
        case_id = db.session.scalar(select(Case.id).filter_by(external_id=target.sof_case))
        db.session.remove()
    return case_id


def test_a_guardian_buf_adds_with_custody_does_not_see_sofs_cases(
    app, buf, sof_family, identity_provider
):
    """access.md G2 and S1: BUF attaches its record to SOF's family and adds a new guardian
    with custody; he sees nothing of SOF's child welfare investigation."""
    stranger = citizen(identity_provider, "Frank Fremmed")
    answer = buf.put(
        f"/families/{unique('BUF-FAM')}",
        buf_family_body(sof_family, guardian_body(stranger, "custody")),
    )
    assert answer.status_code == 201
    family_page = page_as(app, identity_provider, stranger, f"/familier/{sof_family.family_id}")
    assert family_page.status_code == 200
    text = family_page.get_data(as_text=True)
    assert "Børnefaglig undersøgelse" not in text
    assert "Sortedamskolen" not in text  # SOF's record of the child is not BUF's to give
    case_page = page_as(
        app,
        identity_provider,
        stranger,
        f"/familier/{sof_family.family_id}/sager/{sof_case_row_id(app, sof_family)}",
    )
    assert case_page.status_code == 404


def test_buf_cannot_downgrade_rename_or_readdress_what_sof_stated(
    app, buf, sof, sof_family, identity_provider
):
    """access.md S1: guardian downgraded, contact details changed, family and child renamed
    by BUF change only BUF's own statement; the mother still sees SOF's case and SOF's names."""
    answer = buf.put(
        f"/families/{unique('BUF-FAM')}",
        buf_family_body(
            sof_family,
            guardian_body(sof_family.mother, "information", email="evil@example.com"),
            first_name="Omdøbt",
        ),
    )
    assert answer.status_code == 201
    mother_sees = page_as(
        app, identity_provider, sof_family.mother, f"/familier/{sof_family.family_id}"
    ).get_data(as_text=True)
    assert "Børnefaglig undersøgelse" in mother_sees
    assert "Familien Sørensen" in mother_sees and "Familien Hacket" not in mother_sees
    assert "Ella Sørensen" in mother_sees and "Omdøbt" not in mother_sees
    profile = page_as(app, identity_provider, sof_family.mother, "/profil").get_data(as_text=True)
    assert "mette@example.dk" in profile and "evil@example.com" not in profile
    # SOF reads back exactly what it stated.
    sof_view = sof.get(f"/families/{sof_family.sof_family}").json
    assert sof_view["display_name"] == "Familien Sørensen"
    assert sof_view["children"][0]["first_name"] == "Ella"
    [mother, _] = sof_view["guardians"]
    assert (mother["access_level"], mother["email"]) == ("custody", "mette@example.dk")


def test_buf_cannot_upgrade_a_guardian_sof_gave_information_only(
    app, buf, sof, sof_family, identity_provider
):
    """access.md G2: custody from BUF opens BUF's cases, never SOF's."""
    father = citizen(identity_provider, "Peter Sørensen")
    answer = sof.put(
        f"/families/{sof_family.sof_family}",
        {"display_name": "Familien Sørensen", "guardians": [guardian_body(father, "information")]},
    )
    assert answer.status_code == 200
    assert (
        buf.put(
            f"/families/{unique('BUF-FAM')}",
            buf_family_body(sof_family, guardian_body(father, "custody")),
        ).status_code
        == 201
    )
    text = page_as(app, identity_provider, father, f"/familier/{sof_family.family_id}").get_data(
        as_text=True
    )
    assert "Børnefaglig undersøgelse" not in text
    assert "Sortedamskolen" in text  # what SOF's information-only access gives him


def test_staff_sof_disagrees_with_see_the_disagreement_not_a_silent_overwrite(
    app, buf, sof, sof_family, identity_provider
):
    """access.md S1 and T4: both departments assign the same contact person, who sees where
    their systems' statements differ."""
    buf_family = unique("BUF-FAM")
    buf.put(
        f"/families/{buf_family}",
        buf_family_body(
            sof_family, guardian_body(sof_family.mother, "custody", email="mor@buf.example")
        ),
    )
    answer = buf.put(
        f"/families/{buf_family}/contact-person",
        {"contact_person": {"department": "sof", "staff_id": sof_family.contact}},
    )
    assert answer.status_code == 200
    page = staff_page(
        app, identity_provider, sof_family.contact, f"/medarbejder/familier/{sof_family.family_id}"
    )
    text = page.get_data(as_text=True)
    assert "mette@example.dk" in text and "mor@buf.example" in text
    assert "Familien Hacket" in text and "Familien Sørensen" in text


def test_a_contact_person_buf_assigns_gets_bufs_content_only(
    app, buf, sof_family, identity_provider
):
    """access.md T2 and S1 (contact person changed from the wrong department): the family
    keeps SOF's contact person, and BUF's choice sees no SOF case."""
    buf_family = unique("BUF-FAM")
    buf.put(f"/families/{buf_family}", buf_family_body(sof_family))
    buf_contact = put_staff(buf, "Bent Kontakt", identity_provider)
    answer = buf.put(
        f"/families/{buf_family}/contact-person",
        {"contact_person": {"department": "buf", "staff_id": buf_contact}},
    )
    assert answer.status_code == 200
    assert answer.json["contact_person"]["staff_id"] == buf_contact
    mother_sees = page_as(
        app, identity_provider, sof_family.mother, f"/familier/{sof_family.family_id}"
    ).get_data(as_text=True)
    assert "Sofie Kontakt" in mother_sees and "Bent Kontakt" not in mother_sees
    page = staff_page(
        app, identity_provider, buf_contact, f"/medarbejder/familier/{sof_family.family_id}"
    )
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Børnefaglig undersøgelse" not in text
    assert "Inge Sørensen" not in text  # the guardian only SOF states


def test_a_sof_participant_in_a_buf_meeting_sees_that_meeting_not_the_cases(
    app, buf, sof, sof_family, identity_provider
):
    """access.md T3 (participant added from the wrong department)."""
    buf_family = unique("BUF-FAM")
    buf.put(f"/families/{buf_family}", buf_family_body(sof_family))
    sof_colleague = put_staff(sof, "Sune Socialrådgiver", identity_provider)
    answer = buf.put(
        f"/departments/buf/meetings/{unique('M')}",
        {
            "family_id": buf_family,
            "kind": "netvaerk",
            "title": "Netværksmøde på skolen",
            "starts_at": "2027-01-05T09:00:00+01:00",
            "ends_at": "2027-01-05T10:00:00+01:00",
            "participants": [{"kind": "staff", "department": "sof", "staff_id": sof_colleague}],
        },
    )
    assert answer.status_code == 201, answer.get_data(as_text=True)
    page = staff_page(
        app, identity_provider, sof_colleague, f"/medarbejder/familier/{sof_family.family_id}"
    )
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Netværksmøde på skolen" in text
    assert "Børnefaglig undersøgelse" not in text
    assert "Mette Sørensen" not in text


def test_a_buf_meeting_cannot_name_a_guardian_only_sof_knows(app, buf, sof_family):
    """access.md S4: the refusal is the same as for a person number nobody knows."""
    buf_family = unique("BUF-FAM")
    buf.put(f"/families/{buf_family}", buf_family_body(sof_family))

    def invite(number: str):
        return buf.put(
            f"/departments/buf/meetings/{unique('M')}",
            {
                "family_id": buf_family,
                "kind": "samtale",
                "title": "Samtale",
                "starts_at": "2027-01-05T09:00:00+01:00",
                "ends_at": "2027-01-05T10:00:00+01:00",
                "participants": [{"kind": "guardian", "person_number": number}],
            },
        )

    known_to_sof = invite(sof_family.grandmother.person_number)
    unknown = invite(person_number())
    assert known_to_sof.status_code == unknown.status_code == 422
    assert known_to_sof.json["errors"] == unknown.json["errors"]


def test_case_holders_come_only_from_the_cases_own_department(
    app, buf, sof, sof_family, identity_provider
):
    """access.md T2 and API1 (case holder changed from the wrong department): BUF cannot
    change SOF's case or name SOF staff as holder, and its own holder sees only BUF's cases."""
    buf_family = unique("BUF-FAM")
    body = buf_family_body(sof_family)
    buf.put(f"/families/{buf_family}", body)
    buf_child = body["children"][0]["external_id"]
    sof_case = f"/departments/sof/cases/{sof_family.sof_case}"
    assert (
        buf.put(
            sof_case, {"child_id": buf_child, "case_type": "x", "opened_on": "2026-01-01"}
        ).status_code
        == 403
    )
    buf_case = f"/departments/buf/cases/{unique('CASE')}"
    case = {"child_id": buf_child, "case_type": "ppr-vurdering", "opened_on": "2026-11-01"}
    refused = buf.put(buf_case, {**case, "holder": {"staff_id": sof_family.contact}})
    assert refused.status_code == 422
    buf_holder = put_staff(buf, "Birk Psykolog", identity_provider)
    assert buf.put(buf_case, {**case, "holder": {"staff_id": buf_holder}}).status_code == 201
    text = staff_page(
        app, identity_provider, buf_holder, f"/medarbejder/familier/{sof_family.family_id}"
    ).get_data(as_text=True)
    assert "PPR" in text  # BUF's own case
    assert "Børnefaglig undersøgelse" not in text


def without_ids(answer) -> tuple:
    body = re.sub(r'"external_id":"[^"]*"', "", answer.get_data(as_text=True))
    return answer.status_code, body


def test_no_answer_tells_buf_whether_sof_knows_a_person(app, buf, sof_family):
    """access.md S4: attaching to SOF's family answers exactly like a family nobody knows,
    on a first send and when a known department family gains the child later."""
    guardian = {"person_number": person_number(), "name": "Ny Forælder", "access_level": "custody"}
    known = buf.put(f"/families/{unique('BUF-FAM')}", buf_family_body(sof_family, guardian))
    fresh = buf.put(
        f"/families/{unique('BUF-FAM')}",
        {
            **buf_family_body(sof_family, guardian),
            "children": [
                {**CHILD, "external_id": unique("BUF-CHILD"), "person_number": person_number()}
            ],
        },
    )
    assert without_ids(known) == without_ids(fresh)
    # A family BUF already has, which now lists SOF's child, and one listing a new child.
    later = {}
    for name, number in [("known", sof_family.child_number), ("fresh", person_number())]:
        family = unique("BUF-FAM")
        buf.put(f"/families/{family}", {"display_name": "Familien Senere"})
        later[name] = buf.put(
            f"/families/{family}",
            {
                "display_name": "Familien Senere",
                "children": [
                    {**CHILD, "external_id": unique("BUF-CHILD"), "person_number": number}
                ],
            },
        )
    assert without_ids(later["known"]) == without_ids(later["fresh"])
    assert later["known"].status_code == 200


def test_sofs_family_keeps_its_own_rows(app, buf, sof_family):
    """Nothing BUF sent removed or replaced a row SOF stated."""
    buf.put(
        f"/families/{unique('BUF-FAM')}",
        buf_family_body(sof_family, guardian_body(sof_family.grandmother, "information")),
    )
    with app.app_context():
        family = db.session.get(Family, sof_family.family_id)
        grandmother = next(g for g in family.guardians if g.name == "Inge Sørensen")
        by_department = {s.department.code: s.access_level for s in grandmother.statements}
        assert by_department == {"sof": "custody", "buf": "information"}
        assert grandmother.access_level == "custody"
        db.session.remove()


def test_a_case_without_a_holder_says_so_in_words(app, sof_family, identity_provider):
    """The staff family page once printed "None" for a case nobody holds yet."""
    page = staff_page(
        app, identity_provider, sof_family.contact, f"/medarbejder/familier/{sof_family.family_id}"
    )
    text = page.get_data(as_text=True)
    assert "Børnefaglig undersøgelse" in text
    assert "None" not in text


def test_the_access_log_does_not_tell_whether_sof_looked(app, buf, sof_family, identity_provider):
    """access.md G2: a guardian only BUF vouches for sees BUF staff's looks, not SOF's."""
    assert (
        staff_page(
            app,
            identity_provider,
            sof_family.contact,
            f"/medarbejder/familier/{sof_family.family_id}",
        ).status_code
        == 200
    )
    stranger = citizen(identity_provider, "Frank Fremmed")
    buf.put(
        f"/families/{unique('BUF-FAM')}",
        buf_family_body(sof_family, guardian_body(stranger, "custody")),
    )
    path = f"/familier/{sof_family.family_id}/adgangslog"
    assert "Sofie Kontakt" not in page_as(app, identity_provider, stranger, path).get_data(
        as_text=True
    )
    assert "Sofie Kontakt" in page_as(app, identity_provider, sof_family.mother, path).get_data(
        as_text=True
    )
