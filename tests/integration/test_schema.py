"""The schema built by the migrations matches the models and enforces integrity by itself."""

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal.extensions import db
from portal.models import (
    AuditEntry,
    AuditEntryImmutable,
    Base,
    Case,
    ClockAdjustment,
    Family,
    Guardian,
    Participant,
    Stage,
)


def test_migrations_and_models_agree(session):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def insert_fails(session, row) -> None:
    session.add(row)
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


def some_family(session) -> Family:
    return session.scalars(select(Family).order_by(Family.id)).first()


def test_unknown_access_level_is_refused_by_the_database(session):
    family = some_family(session)
    insert_fails(
        session,
        Guardian(family_id=family.id, name="X", person_number_hash="h" * 64, access_level="all"),
    )


def test_guardian_of_a_missing_family_is_refused(session):
    insert_fails(
        session,
        Guardian(family_id=999_999, name="X", person_number_hash="h" * 64, access_level="custody"),
    )


def test_a_case_has_at_most_one_open_stage(session):
    case = session.scalars(select(Case).order_by(Case.id)).first()
    current = next(s for s in case.stages if s.ended_on is None)
    insert_fails(
        session,
        Stage(
            case_id=case.id,
            stage_type_id=current.stage_type_id,
            started_on=date.today(),
            holder_department_id=current.holder_department_id,
        ),
    )


def test_a_pause_cannot_carry_extra_days(session):
    stage = session.scalars(select(Stage).order_by(Stage.id)).first()
    insert_fails(
        session,
        ClockAdjustment(
            stage_id=stage.id,
            kind="pause",
            starts_on=date.today(),
            extra_days=3,
            reason_da="Forkert.",
        ),
    )


def test_a_stage_norm_is_in_days_or_in_months_never_both(session):
    from portal.models import CaseType, StageType

    case_type = session.scalars(select(CaseType).order_by(CaseType.id)).first()
    texts = {"name_da": "Trin", "citizen_text_da": "Et trin."}
    both = {"norm_days": 120, "norm_months": 4, "deadline_kind": "legal"}
    insert_fails(session, StageType(case_type=case_type, position=90, code="x", **texts, **both))
    no_kind = {"norm_months": 4}
    insert_fails(session, StageType(case_type=case_type, position=91, code="y", **texts, **no_kind))


def test_a_participant_is_exactly_one_kind_of_person(session):
    from portal.models import Meeting

    meeting = session.scalars(select(Meeting).order_by(Meeting.id)).first()
    insert_fails(session, Participant(meeting_id=meeting.id))
    guardian = meeting.family.guardians[0]
    insert_fails(session, Participant(meeting_id=meeting.id, guardian_id=guardian.id, name="Y"))


def test_audit_entries_cannot_be_edited_or_deleted(session):
    entry = AuditEntry(actor_kind="system", actor_name="test", action="read")
    session.add(entry)
    session.flush()
    entry.detail = "changed"
    with pytest.raises(AuditEntryImmutable):
        session.flush()
    session.rollback()
