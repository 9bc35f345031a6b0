"""Hand-over and cover (docs/access.md H1-H3): the family's contact person and a case's holder
change hands with a note, within one department; the family's conversations and "no time
fits" requests go along; the family sees the new name at once and hears of it through the
outbox without names; while the contact person is away, the family sees whom to call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy import func, select

from portal.demo.identities import DEMO_TENANT
from portal.domain.clocks import copenhagen_today
from portal.models import (
    Absence,
    Case,
    Child,
    Department,
    FamilyStatement,
    Handover,
    Notice,
    OutboxMessage,
    StaffMember,
    Thread,
    TimeRequest,
)
from portal.models.base import utcnow
from portal.notify.texts import Item, compose
from portal.outbox.fanout import fan_out
from portal.outbox.settings import OutboxSettings
from portal.records import Forbidden
from portal.records.booking import ask_for_time
from portal.records.conversations import start_thread
from portal.records.families import set_contact_person
from portal.records.handovers import end_absence, hand_over_family, register_absence
from portal.records.meetings import plan_meeting
from portal.records.staff import add_staff, staff_actor
from portal.records.unit import unit_of_work
from tests.conftest import csrf_token, login
from tests.factories import make_family
from tests.integration import booking_helpers
from tests.integration.booking_helpers import text_of

world = booking_helpers.world  # the fixture

NOTE = "Kirsten har fået nyt job. Ole kender jeres sag og ringer til jer i næste uge."


@dataclass
class People:
    """Staff of this test module's own (so no other test sees their absences): a SOF contact
    person, a SOF colleague, a SOF manager, and a BUF contact person."""

    kirsten: StaffMember
    ole: StaffMember
    maja: StaffMember
    bent: StaffMember


def _staff(world, code: str, key: str, name: str, phone: str, role: str = "staff"):
    department = world.session.scalar(select(Department).filter_by(code=code))
    with world.writing() as unit:
        staff = add_staff(
            unit,
            department,
            external_id=f"handover-{key}",
            name=name,
            title="Koordinator",
            phone=phone,
            role=role,
            subject=f"{DEMO_TENANT}:handover-{key}",
        )
    claims = {
        "name": name,
        "tid": DEMO_TENANT,
        "oid": f"handover-{key}",
        "roles": [role],
        "department": code,
    }
    answer = httpx.put(f"{world.identity_provider.url}/users/staff-handover-{key}", json=claims)
    assert answer.status_code == 204, answer.text
    return staff


@pytest.fixture
def people(world) -> People:
    found = world.session.scalar(
        select(StaffMember).where(StaffMember.external_id == "handover-kirsten")
    )
    if found is None:
        _staff(world, "sof", "kirsten", "Kirsten Kontakt", "+45 33 11 22 01")
        _staff(world, "sof", "ole", "Ole Overtager", "+45 33 11 22 02")
        _staff(world, "sof", "maja", "Maja Leder", "+45 33 11 22 03", role="manager")
        _staff(world, "buf", "bent", "Bent Bufsen", "+45 33 11 22 04")
    by_key = {
        s.external_id.removeprefix("handover-"): s
        for s in world.session.scalars(
            select(StaffMember).where(StaffMember.external_id.like("handover-%"))
        )
    }
    return People(**{key: by_key[key] for key in ("kirsten", "ole", "maja", "bent")})


def family_of(world, people: People, *, buf_contact=None):
    """A parent's family (custody from SOF and BUF) whose contact person both departments say
    is Kirsten (SOF stated the family first), unless BUF names `buf_contact`."""
    parent = world.parent()
    family = parent.family
    sof, buf = (world.session.scalar(select(Department).filter_by(code=c)) for c in ("sof", "buf"))
    with world.writing() as unit:
        set_contact_person(unit, family, sof, people.kirsten)
        set_contact_person(unit, family, buf, buf_contact or people.kirsten)
    return parent


def staff_client(world, key: str):
    client = world.app.test_client()
    client.set_cookie("portal_lang", "en")
    answer = login(client, world.identity_provider, f"staff-handover-{key}", door="staff")
    assert answer.status_code == 302
    return client, csrf_token(client, "/medarbejder/")


def contact_of(world, family_id: int, code: str) -> int | None:
    world.session.expire_all()
    return world.session.scalar(
        select(FamilyStatement.contact_person_id)
        .join(Department)
        .where(FamilyStatement.family_id == family_id, Department.code == code)
    )


def handovers_of(world, family_id: int) -> int:
    world.session.expire_all()
    return world.session.scalar(
        select(func.count()).select_from(Handover).where(Handover.family_id == family_id)
    )


def hand_over(client, token, family_id: int, to: int, note: str = NOTE):
    """Step 2 (check your answers), then the hand-over itself."""
    url = f"/medarbejder/familier/{family_id}/overdrag"
    answers = {"csrf_token": token, "to": str(to), "note": note}
    check = client.post(url, data=answers)
    assert check.status_code == 200, check.status_code
    assert "Check your answers before you hand over the family" in text_of(check)
    return client.post(url + "/bekraeft", data=answers)


def test_the_contact_person_hands_the_family_over_and_everything_goes_along(world, people):
    parent = family_of(world, people)
    family, guardian = parent.family, parent.family.guardians[0]
    with world.writing() as unit:
        thread = start_thread(unit, family, guardian, "other", "Hvornår er næste møde?")
        request = ask_for_time(unit, guardian, weekdays=["mon"], times_of_day=["morning"], note="")
    client, token = staff_client(world, "kirsten")

    family_page = client.get(f"/medarbejder/familier/{family.id}").get_data(as_text=True)
    assert f"/medarbejder/familier/{family.id}/overdrag" in family_page
    form = client.get(f"/medarbejder/familier/{family.id}/overdrag")
    assert form.status_code == 200
    html = form.get_data(as_text=True)
    assert f'value="{people.ole.id}"' in html and f'value="{people.kirsten.id}"' not in html
    assert f'value="{people.bent.id}"' not in html  # only colleagues of the same department

    done = hand_over(client, token, family.id, people.ole.id)
    assert done.status_code == 303
    assert contact_of(world, family.id, "sof") == people.ole.id
    assert contact_of(world, family.id, "buf") == people.kirsten.id  # BUF's own statement
    assert world.fresh(Thread, thread.id).staff_id == people.ole.id
    assert world.fresh(TimeRequest, request.id).staff_id == people.ole.id
    handover = world.session.scalars(select(Handover).where(Handover.family_id == family.id)).one()
    assert (handover.role, handover.from_staff_id, handover.to_staff_id, handover.by_staff_id) == (
        "contact_person",
        people.kirsten.id,
        people.ole.id,
        people.kirsten.id,
    )
    assert handover.note == NOTE

    # The family sees the new name at once, with the sentence and the note.
    shown = text_of(parent.client.get(f"/familier/{family.id}"))
    day = f"{copenhagen_today():%-d %B %Y}"
    assert f"Ole Overtager is your contact person from {day}." in shown
    assert "Before, it was Kirsten Kontakt." in shown and NOTE in shown
    # A parent with information only sees the name and the sentence, not the note (H1).
    _, subject = world.informed_parent(family, "citizen-handover-informed")
    informed = world.app.test_client()
    informed.set_cookie("portal_lang", "en")
    login(informed, world.identity_provider, subject)
    seen = text_of(informed.get(f"/familier/{family.id}"))
    assert "Before, it was Kirsten Kontakt." in seen and NOTE not in seen

    # Every guardian hears that they have a new contact person: no names, no note.
    message = world.session.scalars(
        select(OutboxMessage).where(
            OutboxMessage.family_id == family.id, OutboxMessage.kind == "contact_person_changed"
        )
    ).one()
    assert message.payload == {"handover_id": handover.id}
    settings = OutboxSettings.from_config(world.app.config)
    guardians = world.fresh(type(family), family.id).guardians  # with the one just stated
    with world.app.app_context():
        assert fan_out(world.session, message, guardians, settings, utcnow()) == 2
        world.session.commit()
        for language in ("da", "en", "ar"):
            told = compose(
                [Item("contact_person_changed")], language, "https://p.kk.dk", "https://p.kk.dk/p"
            )
            for text in (told.subject, told.text, told.html, told.sms):
                assert "Ole" not in text and "Kirsten" not in text and "Overtager" not in text
    notices = world.session.scalars(select(Notice).where(Notice.message_id == message.id))
    assert {(n.guardian_id, n.kind) for n in notices} == {
        (g.id, "contact_person_changed") for g in guardians
    }  # the parent with information only too: it is their contact person


def test_a_manager_of_the_department_hands_over_the_family(world, people):
    parent = family_of(world, people)
    family = parent.family
    sof = world.session.scalar(select(Department).filter_by(code="sof"))
    starts = utcnow() + timedelta(days=3)
    with world.writing() as unit:  # the manager takes part in SOF's meeting with the family (T2)
        plan_meeting(
            unit,
            sof,
            family,
            organizer=people.maja,
            kind="samtale",
            title="Møde med lederen",
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            participants=[{"staff": people.maja}],
        )
    client, token = staff_client(world, "maja")
    assert hand_over(client, token, family.id, people.ole.id).status_code == 303
    assert contact_of(world, family.id, "sof") == people.ole.id
    handover = world.session.scalars(select(Handover).where(Handover.family_id == family.id)).one()
    assert handover.by_staff_id == people.maja.id


def test_a_case_is_handed_over_with_its_open_step(world, people):
    with world.app.app_context():
        family = make_family(world.session, person_number=world.person_number(), key="Skift")
    case = world.session.scalars(select(Case).join(Child).where(Child.family_id == family.id)).one()
    sof = world.session.scalar(select(Department).filter_by(code="sof"))
    with world.writing() as unit:
        set_contact_person(unit, family, sof, people.kirsten)
    client, token = staff_client(world, "kirsten")
    url = f"/medarbejder/familier/{family.id}/sager/{case.id}/overdrag"
    assert f"/sager/{case.id}/overdrag" in client.get(f"/medarbejder/familier/{family.id}").text

    nobody = client.post(url, data={"csrf_token": token, "note": ""})
    assert nobody.status_code == 400 and 'id="error-summary"' in nobody.text
    assert "Choose who takes over the case" in text_of(nobody)
    answers = {"csrf_token": token, "to": str(people.ole.id), "note": "Ole tager over."}
    assert client.post(url, data=answers).status_code == 200
    done = client.post(url + "/bekraeft", data=answers)
    assert done.status_code == 303

    world.session.expire_all()
    case = world.session.get(Case, case.id)
    step = next(s for s in case.stages if s.ended_on is None)
    assert (case.holder_staff_id, step.holder_staff_id) == (people.ole.id, people.ole.id)
    handover = world.session.scalars(select(Handover).where(Handover.case_id == case.id)).one()
    assert (handover.role, handover.to_staff_id, handover.note) == (
        "case_holder",
        people.ole.id,
        "Ole tager over.",
    )
    # The family sees the new holder on the case and is not notified; staff see the history.
    assert "Ole tager over." in client.get(url).text
    told = world.session.scalars(
        select(OutboxMessage.payload).where(OutboxMessage.family_id == family.id)
    ).all()
    assert not any("handover_id" in (payload or {}) for payload in told)


def test_the_other_department_changes_nothing(world, people):
    parent = family_of(world, people, buf_contact=people.bent)
    family = parent.family
    bent, token = staff_client(world, "bent")

    # Bent is BUF's contact person: he hands over BUF's, never SOF's (which the family sees).
    form = bent.get(f"/medarbejder/familier/{family.id}/overdrag")
    assert form.status_code == 200
    assert "Kirsten Kontakt as their contact person" in text_of(form)
    wrong = bent.post(
        f"/medarbejder/familier/{family.id}/overdrag/bekraeft",
        data={"csrf_token": token, "to": str(people.ole.id), "note": NOTE},
    )
    assert wrong.status_code == 400  # a SOF colleague is no choice for BUF
    assert "Choose the family's new contact person" in text_of(wrong)
    assert handovers_of(world, family.id) == 0

    # At the records layer, another department's staff are refused outright (S3).
    sof = world.session.scalar(select(Department).filter_by(code="sof"))
    bent_acts = staff_actor(people.bent)
    with pytest.raises(Forbidden), unit_of_work(world.session, bent_acts) as unit:
        hand_over_family(unit, family, sof, people.ole, by=people.bent, note=NOTE)
    assert contact_of(world, family.id, "sof") == people.kirsten.id
    assert handovers_of(world, family.id) == 0

    # A SOF colleague who is not the contact person gets nothing at all.
    ole, _ = staff_client(world, "ole")
    assert ole.get(f"/medarbejder/familier/{family.id}/overdrag").status_code == 404


def test_a_hand_over_in_the_department_that_stated_second_leaves_the_family_as_it_was(
    world, people
):
    parent = family_of(world, people, buf_contact=people.bent)
    family = parent.family
    henrik = world.staff("buf", 1)
    bent, token = staff_client(world, "bent")
    assert hand_over(bent, token, family.id, henrik.id).status_code == 303
    assert contact_of(world, family.id, "buf") == henrik.id
    assert contact_of(world, family.id, "sof") == people.kirsten.id
    shown = text_of(parent.client.get(f"/familier/{family.id}"))
    assert "Kirsten Kontakt" in shown and "is your contact person from" not in shown
    kinds = world.session.scalars(
        select(OutboxMessage.kind).where(OutboxMessage.family_id == family.id)
    ).all()
    assert "contact_person_changed" not in kinds


def test_bad_input_is_refused_with_the_error_summary_and_nothing_written(world, people):
    parent = family_of(world, people)
    family = parent.family
    client, token = staff_client(world, "kirsten")
    url = f"/medarbejder/familier/{family.id}/overdrag"
    for data, message in [
        ({"note": NOTE}, "Choose the family's new contact person"),
        ({"to": str(people.ole.id), "note": "   "}, "Write a note for the family"),
        ({"to": str(people.ole.id), "note": "x" * 601}, "Write 600 characters or fewer"),
        ({"to": "not-a-person", "note": NOTE}, "Choose the family's new contact person"),
    ]:
        for target in (url, url + "/bekraeft"):
            refused = client.post(target, data={"csrf_token": token, **data})
            assert refused.status_code == 400, (target, data)
            html = refused.get_data(as_text=True)
            assert 'id="error-summary"' in html and "<title>Error:" in html
            assert message in text_of(refused)
    assert handovers_of(world, family.id) == 0
    assert contact_of(world, family.id, "sof") == people.kirsten.id

    absences = "/medarbejder/fravaer"
    today = copenhagen_today()
    for starts, ends, message in [
        (today, today - timedelta(days=1), "The last day must be the same as or after the first"),
        (today - timedelta(days=9), today - timedelta(days=2), "The last day must be today or"),
        (None, today, "Enter the first day away"),
    ]:
        refused = client.post(absences, data={"csrf_token": token, **days(starts, ends)})
        assert refused.status_code == 400 and 'id="error-summary"' in refused.text
        assert message in text_of(refused)
    assert away(world, people.kirsten) == []


def days(starts: date | None, ends: date | None, cover: StaffMember | None = None) -> dict:
    typed = {"cover": str(cover.id) if cover else "ingen"}
    for name, day in (("starts_on", starts), ("ends_on", ends)):
        parts = (day.day, day.month, day.year) if day else ("", "", "")
        typed |= dict(zip((f"{name}-day", f"{name}-month", f"{name}-year"), parts, strict=True))
    return typed


def away(world, staff: StaffMember) -> list[Absence]:
    world.session.expire_all()
    return world.session.scalars(select(Absence).where(Absence.staff_id == staff.id)).all()


def test_the_family_sees_whom_to_call_while_the_contact_person_is_away_and_only_then(world, people):
    parent = family_of(world, people)
    family = parent.family
    client, token = staff_client(world, "kirsten")
    assert "/medarbejder/fravaer" in client.get("/medarbejder/").text
    today = copenhagen_today()
    until = today + timedelta(days=6)
    registered = client.post(
        "/medarbejder/fravaer",
        data={"csrf_token": token, **days(today, until, people.ole)},
    )
    assert registered.status_code == 303
    (absence,) = away(world, people.kirsten)
    assert (absence.starts_on, absence.ends_on, absence.cover_staff_id) == (
        today,
        until,
        people.ole.id,
    )
    page = client.get("/medarbejder/fravaer")
    assert "Ole Overtager" in text_of(page)

    shown = text_of(parent.client.get(f"/familier/{family.id}"))
    assert f"Kirsten Kontakt is away until {until:%-d %B %Y}." in shown
    assert "Call Ole Overtager meanwhile: +45 33 11 22 02" in shown

    # The cover may not be away too; the absence can be ended (here: removed, it began today).
    with world.app.app_context(), unit_of_work(world.session, staff_actor(people.ole)) as unit:
        later = register_absence(
            unit,
            people.ole,
            today + timedelta(days=20),
            today + timedelta(days=22),
            None,
            by=people.ole,
        )
    ended = client.post(
        "/medarbejder/fravaer/afslut", data={"csrf_token": token, "fravaer": absence.id}
    )
    assert ended.status_code == 303 and away(world, people.kirsten) == []
    assert "is away until" not in text_of(parent.client.get(f"/familier/{family.id}"))

    # An absence that has not begun is not shown to the family yet.
    with world.app.app_context(), unit_of_work(world.session, staff_actor(people.kirsten)) as unit:
        coming = register_absence(
            unit,
            people.kirsten,
            today + timedelta(days=20),
            today + timedelta(days=30),
            people.maja,
            by=people.kirsten,
        )
    assert "is away until" not in text_of(parent.client.get(f"/familier/{family.id}"))
    clash = client.post(
        "/medarbejder/fravaer",
        data={
            "csrf_token": token,
            **days(today + timedelta(days=21), today + timedelta(days=21), people.ole),
        },
    )
    assert clash.status_code == 409 and "Ole Overtager is away then too" in text_of(clash)
    # Someone else's absence cannot be ended by a colleague who is no manager.
    other = client.post(
        "/medarbejder/fravaer/afslut", data={"csrf_token": token, "fravaer": later.id}
    )
    assert other.status_code == 404
    with world.app.app_context():
        for row, who in ((coming, people.kirsten), (later, people.ole)):
            with unit_of_work(world.session, staff_actor(who)) as unit:
                end_absence(unit, world.session.get(Absence, row.id), by=who)
    assert away(world, people.kirsten) == [] and away(world, people.ole) == []
