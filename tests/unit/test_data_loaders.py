"""The demo data (portal/demo) and the test factories (tests/factories.py) write only through
portal/records, like every door: they never build a model row themselves, never put one into
the session or write SQL, and never state a department's statement behind the records'
back. A loader that does fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import portal.models

ROOT = Path(__file__).resolve().parents[2]
LOADERS = sorted([*(ROOT / "portal" / "demo").glob("*.py"), ROOT / "tests" / "factories.py"])
MODELS = set(portal.models.__all__)
# Writing to the session, and the statements that write.
SESSION_WRITES = {"add", "add_all", "merge", "delete", "bulk_save_objects"}
WRITE_STATEMENTS = {"insert", "update", "delete"}
# The department statements are kept by portal/records/families.py, with their audit entries.
BYPASSES = {"portal.records.statements"}


def offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = {alias.name for alias in node.names}
            if module in BYPASSES:
                found.append(f"line {node.lineno}: imports {module}")
            if module.startswith("sqlalchemy") and names & WRITE_STATEMENTS:
                found.append(f"line {node.lineno}: imports {sorted(names & WRITE_STATEMENTS)}")
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name) and function.id in MODELS:
            found.append(f"line {node.lineno}: builds a {function.id} row")
        if isinstance(function, ast.Attribute):
            method = function.attr
            if method in SESSION_WRITES or method.startswith("bulk_"):
                found.append(f"line {node.lineno}: .{method}()")
            if method == "execute" and any(
                isinstance(arg, ast.Call)
                and getattr(arg.func, "id", getattr(arg.func, "attr", "")) in WRITE_STATEMENTS
                for arg in node.args
            ):
                found.append(f"line {node.lineno}: executes a write statement")
    return found


def test_there_are_loaders_to_check():
    names = {path.name for path in LOADERS}
    assert {"seed.py", "people.py", "factories.py"} <= names


@pytest.mark.parametrize("path", LOADERS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_loader_writes_only_through_the_records(path):
    assert offences(path) == []


def test_the_check_finds_a_loader_that_writes_by_itself(tmp_path):
    loader = tmp_path / "seed.py"
    loader.write_text(
        "from sqlalchemy import insert\n"
        "from portal.records.statements import state_family\n"
        "def load(session):\n"
        "    family = Family(display_name='x')\n"
        "    family.guardians.append(Guardian(name='y'))\n"
        "    session.add(family)\n"
        "    session.add_all([family])\n"
        "    session.bulk_insert_mappings(Family, [])\n"
        "    session.execute(insert(Family), [])\n"
        "    state_family(family, 1, {})\n"
    )
    assert len(offences(loader)) == 8
