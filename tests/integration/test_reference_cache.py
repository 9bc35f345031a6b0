"""The glossary matcher is kept per process (portal/glossary_links.py): a page asks the database
nothing for it, and a change to the glossary through portal/records is seen on the next request."""

from __future__ import annotations

from sqlalchemy import event

from portal.extensions import db
from portal.glossary_links import link_glossary_terms
from portal.records import unit_of_work
from portal.records.catalogue import add_glossary_term, change_glossary_term
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
