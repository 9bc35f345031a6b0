"""Reference data is kept per process (portal/reads/reference.py): the glossary's links and page,
the offer catalogue and each case's steps ask the database nothing once it is built; a change
through portal/records is seen on the next request, one made by another process within
`REFRESH_SECONDS`, and a case type newer than the snapshot at once."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, event, insert, select, update

from portal.extensions import db
from portal.glossary_links import link_glossary_terms
from portal.models import CaseType, Department, Offer, StageType
from portal.ops.statements import counted_statements
from portal.reads import reference as reference_data
from portal.reads.reference import reference, stage_plan
from portal.records import unit_of_work
from portal.records.catalogue import add_glossary_term, change_case_type, change_glossary_term
from portal.records.unit import UnitOfWork, system_actor

TEXT = "Skolen har bedt om en Kvistvurdering og en Grenplan."


def linked(app, text: str = TEXT) -> tuple[str, int]:
    """The text with its glossary links, as a request in Danish renders it, and the number of
    SQL statements that cost."""
    statements = []

    def remember(conn, cursor, statement, *args):
        statements.append(statement)

    with app.test_request_context("/", headers={"Cookie": "portal_lang=da"}):
        engine = db.engine
        event.listen(engine, "before_cursor_execute", remember)
        try:
            html = str(link_glossary_terms(text))
        finally:
            event.remove(engine, "before_cursor_execute", remember)
    return html, len(statements)


def test_the_matcher_costs_no_statement_once_built(app, session):
    linked(app)  # built here (or by an earlier test)
    html, statements = linked(app)
    assert statements == 0
    assert 'class="portal-term"' not in html


def test_a_term_added_changed_and_removed_through_the_records_is_seen_at_once(app, session):
    assert "#kvistvurdering" not in linked(app)[0]
    with unit_of_work(session, system_actor("test data")) as unit:
        row = add_glossary_term(
            unit,
            "kvistvurdering",
            term={"da": "Kvistvurdering", "en": "Twig assessment"},
            explanation={"da": "En vurdering.", "en": "An assessment."},
        )
    try:
        html, _ = linked(app)
        assert 'href="/ordbog#kvistvurdering"' in html and ">Kvistvurdering</a>" in html
        with unit_of_work(session, system_actor("test data")) as unit:
            change_glossary_term(
                unit,
                row,
                term={"da": "Grenplan", "en": "Branch plan"},
                explanation={"da": "En plan.", "en": "A plan."},
            )
        html, _ = linked(app)
        assert ">Grenplan</a>" in html and ">Kvistvurdering</a>" not in html
    finally:
        session.delete(row)
        session.commit()
    html, _ = linked(app)
    assert "#kvistvurdering" not in html


def test_a_term_added_and_rolled_back_is_not_kept(app, session):
    linked(app)
    add_glossary_term(
        UnitOfWork(session, system_actor("test data")),
        "grenvurdering",
        term={"da": "Kvistvurdering"},
        explanation={"da": "Aldrig gemt."},
    )
    session.flush()
    assert 'href="/ordbog#grenvurdering"' in linked(app)[0]  # the writer sees its own change
    session.rollback()
    assert "#grenvurdering" not in linked(app)[0]


@pytest.mark.parametrize("path", ["/tilbud", "/ordbog"])
def test_the_catalogue_pages_ask_the_database_nothing_once_built(app, path):
    client = app.test_client()
    client.get(path)
    with counted_statements(app) as statements:
        assert client.get(path).status_code == 200
    assert statements == []


def test_a_renamed_step_is_seen_at_once_by_the_family_pages(app, session):
    case_type = session.scalar(select(CaseType).order_by(CaseType.id))
    steps = [
        {
            "code": s.code,
            "name": {"da": s.name_da, "en": s.name_en, "ar": s.name_ar},
            "citizen_text": {"da": s.citizen_text_da, "en": s.citizen_text_en},
            "norm_days": s.norm_days,
            "norm_months": s.norm_months,
            "deadline_kind": s.deadline_kind,
            "legal_basis": s.legal_basis,
            "final": s.final,
        }
        for s in case_type.stage_types
    ]
    before = steps[0]["name"]["da"]
    assert stage_plan(case_type.id)[0].name_da == before
    name = {"da": case_type.name_da, "en": case_type.name_en, "ar": case_type.name_ar}
    renamed = [{**steps[0], "name": {**steps[0]["name"], "da": "Kvisten er modtaget"}}, *steps[1:]]
    with unit_of_work(session, system_actor("test data")) as unit:
        change_case_type(unit, case_type, name=name, stage_types=renamed)
    try:
        assert stage_plan(case_type.id)[0].name_da == "Kvisten er modtaget"
        assert [s.code for s in stage_plan(case_type.id)] == [s["code"] for s in steps]
    finally:
        with unit_of_work(session, system_actor("test data")) as unit:
            change_case_type(unit, case_type, name=name, stage_types=steps)
    assert stage_plan(case_type.id)[0].name_da == before


def test_another_processs_change_is_seen_after_the_refresh_time(app, session, monkeypatch):
    """Another process's change reaches no event here: the snapshot trusts itself for
    `REFRESH_SECONDS`, then loads again."""
    offer = session.scalar(select(Offer).order_by(Offer.id))
    original = offer.name_da
    session.rollback()
    reference()
    elsewhere = update(Offer).where(Offer.id == offer.id)
    with db.engine.begin() as connection:  # Core, on a connection of its own: no ORM event
        connection.execute(elsewhere.values(name_da="Kvistgruppen"))
    try:
        assert reference().offers[offer.id].name_da == original
        monkeypatch.setattr(reference_data, "REFRESH_SECONDS", 0.0)
        assert reference().offers[offer.id].name_da == "Kvistgruppen"
    finally:
        with db.engine.begin() as connection:
            connection.execute(elsewhere.values(name_da=original))


def test_a_case_type_newer_than_the_snapshot_is_loaded_at_once(app, session):
    department_id = session.scalar(select(Department.id).filter_by(code="sof"))
    session.rollback()
    reference()
    with db.engine.begin() as connection:  # as another process would, unseen by this one
        type_id = connection.execute(
            insert(CaseType)
            .values(code="kvist", department_id=department_id, joint=False, name_da="Kvist")
            .returning(CaseType.id)
        ).scalar_one()
        for code, position in (("to", 2), ("et", 1)):  # written out of order
            connection.execute(
                insert(StageType).values(
                    case_type_id=type_id,
                    position=position,
                    code=code,
                    name_da=code,
                    citizen_text_da=code,
                    final=position == 2,
                )
            )
    try:
        assert type_id not in reference().case_types
        assert [s.code for s in stage_plan(type_id)] == ["et", "to"]
    finally:
        with db.engine.begin() as connection:
            connection.execute(delete(StageType).where(StageType.case_type_id == type_id))
            connection.execute(delete(CaseType).where(CaseType.id == type_id))
