"""Views never query the database themselves: every door loads through the read functions
(portal/access.py, portal/reads/, portal/records) and writes through portal/records,
and the request commits once (portal/transactions.py). A view module that builds a statement
or talks to the session fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PORTAL = Path(__file__).resolve().parents[2] / "portal"
# Every module of the family, staff and public doors (one per feature), the login pages, the
# operations endpoints and the API's resources.
VIEW_MODULES = sorted(
    [
        *PORTAL.glob("family/*.py"),
        *PORTAL.glob("staff/*.py"),
        *PORTAL.glob("public/*.py"),
        PORTAL / "auth" / "views.py",
        PORTAL / "ops" / "__init__.py",
        *PORTAL.glob("api/resources/*.py"),
    ]
)
# What only the data layer may do. (A flush only sends what a records function wrote.)
SESSION_CALLS = {"scalar", "scalars", "execute", "query", "commit", "rollback", "add", "add_all"}
STATEMENT_BUILDERS = {"select", "insert", "update", "delete", "text", "exists", "union"}


def offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            names = {alias.name for alias in node.names}
            if names & STATEMENT_BUILDERS:
                found.append(f"line {node.lineno}: imports {sorted(names & STATEMENT_BUILDERS)}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = (
                owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            )
            if node.func.attr in SESSION_CALLS and owner_name == "session":
                found.append(f"line {node.lineno}: session.{node.func.attr}()")
    return found


def test_there_are_view_modules_to_check():
    assert len(VIEW_MODULES) >= 10


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: str(p.relative_to(PORTAL)))
def test_a_view_module_does_not_query_the_database(path):
    assert offences(path) == []


def test_the_check_finds_a_view_that_queries(tmp_path):
    view = tmp_path / "views.py"
    view.write_text(
        "from sqlalchemy import select\n"
        "def page():\n"
        "    db.session.scalars(select(Thing)).all()\n"
        "    db.session.commit()\n"
    )
    assert len(offences(view)) == 3
