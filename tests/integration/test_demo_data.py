"""The demo data tells the stories the portal is built for, and loading it twice adds nothing."""

from datetime import date

from sqlalchemy import func, select

from portal.demo.seed import seed_demo
from portal.domain.progress import current_stage, deadline_of
from portal.models import (
    Case,
    ChildOffer,
    Family,
    GlossaryTerm,
    Guardian,
    Meeting,
    Offer,
    Slot,
    StaffMember,
)
from tests.conftest import TEST_PERSON_NUMBER_KEY

TODAY = date.today()


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_seeding_again_changes_nothing(session):
    models = (Family, Guardian, Case, Meeting, Slot, Offer, GlossaryTerm, StaffMember, ChildOffer)
    before = {m.__name__: count(session, m) for m in models}
    assert seed_demo(session, TEST_PERSON_NUMBER_KEY) is False
    assert {m.__name__: count(session, m) for m in models} == before


def test_seed_demo_command_is_idempotent(runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "nothing added" in result.output


def test_enough_families_with_danish_and_multilingual_names(session):
    families = session.scalars(select(Family)).all()
    assert len(families) >= 5
    languages = {g.preferred_language for f in families for g in f.guardians}
    assert languages == {"da", "en", "ar"}
    assert all(f.contact_person is not None for f in families)
    assert {g.access_level for f in families for g in f.guardians} == {"custody", "information"}


def test_contact_people_in_both_departments(session):
    departments = {f.contact_person.department.code for f in session.scalars(select(Family))}
    assert departments == {"buf", "sof"}


def open_cases(session):
    return [c for c in session.scalars(select(Case)) if c.closed_on is None]


def test_one_case_is_overdue_and_one_clock_is_paused(session):
    deadlines = [deadline_of(current_stage(c), TODAY) for c in open_cases(session)]
    deadlines = [d for d in deadlines if d is not None]
    assert any(d.is_overdue(TODAY) for d in deadlines)
    assert any(d.paused for d in deadlines)


def test_joint_day_treatment_case_is_held_by_both_departments(session):
    joint = [c for c in session.scalars(select(Case)) if c.case_type.joint]
    assert joint
    assert {joint[0].department.code, joint[0].partner_department.code} == {"buf", "sof"}


def test_cases_in_both_departments(session):
    assert {c.department.code for c in open_cases(session)} == {"buf", "sof"}


def test_past_and_upcoming_meetings_and_free_slots(session):
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    starts = [m.starts_at for m in session.scalars(select(Meeting))]
    assert any(s < now for s in starts) and any(s > now for s in starts)
    assert session.scalar(select(func.count()).select_from(Slot).where(Slot.meeting_id.is_(None)))


def test_offer_catalogue_and_glossary_in_three_languages(session):
    offers = session.scalars(select(Offer)).all()
    terms = session.scalars(select(GlossaryTerm)).all()
    assert len(offers) >= 12 and len(terms) >= 25
    assert {o.department.code if o.department else None for o in offers} == {"buf", "sof", None}
    for offer in offers:
        for field in ("name", "summary", "who_decides", "how_to_ask"):
            assert all(getattr(offer, f"{field}_{lang}") for lang in ("da", "en", "ar")), offer.code
    for term in terms:
        assert all(
            getattr(term, f"{f}_{lang}")
            for f in ("term", "explanation")
            for lang in ("da", "en", "ar")
        )
    slugs = {t.slug for t in terms}
    for wanted in ("ppr", "dagbehandling", "barnets-plan", "aktindsigt", "forældremyndighed"):
        assert any(wanted.replace("æ", "ae") in slug for slug in slugs), wanted


def test_person_numbers_are_stored_only_as_keyed_hashes(session):
    hashes = session.scalars(select(Guardian.person_number_hash)).all()
    assert all(len(h) == 64 and not h.isdigit() for h in hashes)
