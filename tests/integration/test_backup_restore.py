"""Backup and restore as docs/operations.md tells the operator to do it: `pg_dump
--format=custom` of a populated database, `pg_restore` into a fresh one, and every row of every
table is back with the same ids and content (families, bookings, messages, updates, the outbox
and the access log among them). The restored database then serves: migrations find nothing to
do, /readyz answers, the parent logs in, sees the conversation and writes again (new ids do not
collide with restored ones)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from portal.extensions import db
from portal.models import (
    AuditEntry,
    Family,
    Meeting,
    Message,
    OutboxMessage,
    Slot,
    Thread,
    Update,
)
from tests.conftest import PageCheckingClient, csrf_token, login, make_app
from tests.databases import throwaway_postgres
from tests.integration import booking_helpers
from tests.integration.booking_helpers import book, booked_meeting_id, text_of
from tests.integration.test_conversations import QUESTION, answer, thread_id_of, write

world = booking_helpers.world  # the fixture

ROOT = Path(__file__).resolve().parents[2]
# Tables whose rows a family would miss first; each must hold rows before the dump.
KEY_TABLES = (
    "families",
    "guardians",
    "children",
    "cases",
    "meetings",
    "slots",
    "threads",
    "messages",
    "updates",
    "outbox_messages",
    "audit_entries",
)
TOOL_TIMEOUT = 120


def libpq_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def server_major(url: str) -> int:
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SHOW server_version_num")).scalar()) // 10000
    finally:
        engine.dispose()


def tool_major(path: str) -> int:
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"\)\s*(\d+)", out).group(1))


def client_tools(major: int) -> tuple[str, str]:
    """pg_dump and pg_restore of the server's major version, or newer (pg_dump reads older
    servers; an older one refuses a newer server): from PG_BIN if set, else from PATH. The
    PostgreSQL half of the suite needs them, so their absence fails rather than skips."""
    places = [os.environ.get("PG_BIN"), None]
    for place in places:
        if place == "":
            continue
        dump = shutil.which("pg_dump", path=place)
        restore = shutil.which("pg_restore", path=place)
        if dump and restore and tool_major(dump) >= major and tool_major(restore) >= major:
            return dump, restore
    pytest.fail(f"no pg_dump/pg_restore of PostgreSQL {major} or newer on PATH (or set PG_BIN)")


def run_tool(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=TOOL_TIMEOUT)
    assert done.returncode == 0, f"{Path(command[0]).name} failed: {done.stderr[-2000:]}"


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Every table of the database: its row count and an md5 of all its rows as text, sorted
    (ids and every column's content included); and every sequence's position."""
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names(schema="public")
            result = {}
            for table in tables:
                row = connection.execute(
                    text(
                        f"SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' "
                        f"ORDER BY t::text), '')) FROM public.\"{table}\" AS t"
                    )
                ).one()
                result[table] = (row[0], row[1])
            # Where each id sequence stands: a restore that lost it would hand out used ids.
            for sequence in inspect(connection).get_sequence_names(schema="public"):
                row = connection.execute(
                    text(f'SELECT last_value, is_called FROM public."{sequence}"')
                ).one()
                result[f"sequence {sequence}"] = (row[0], str(row[1]))
            return result
    finally:
        engine.dispose()


@pytest.fixture
def postgres_only(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("backup and restore use pg_dump and pg_restore (TEST_DATABASE is SQLite)")
    return database_url


def test_a_dump_restored_into_a_fresh_database_has_every_row_and_serves(
    postgres_only, world, identity_provider, tmp_path
):
    database_url = postgres_only
    pg_dump, pg_restore = client_tools(server_major(database_url))

    # Populate through the doors a family and their contact person use.
    parent = world.parent()
    staff = world.staff()
    slot = world.offer(staff, family=parent.family)
    meeting_id = booked_meeting_id(book(parent, slot.id, note="Om skolestart"))
    thread_id = thread_id_of(write(parent))
    staff_client, staff_token = world.staff_client("staff-mads")
    assert answer(staff_client, staff_token, parent.family, thread_id).status_code == 303

    before = fingerprint(database_url)
    with world.app.app_context():
        metadata_tables = set(db.metadata.tables)
    assert metadata_tables <= set(before), metadata_tables - set(before)
    for table in KEY_TABLES:
        assert before[table][0] > 0, f"nothing in {table} to back up"

    dump_file = tmp_path / "portal.dump"
    run_tool([pg_dump, "--format=custom", f"--file={dump_file}", libpq_url(database_url)])
    assert dump_file.stat().st_size > 0
    run_tool([pg_restore, "--list", str(dump_file)])  # the archive reads back

    with throwaway_postgres(database_url, prefix="portal_restore") as restored_url:
        run_tool(
            [
                pg_restore,
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                f"--dbname={libpq_url(restored_url)}",
                str(dump_file),
            ]
        )
        after = fingerprint(restored_url)
        assert set(after) == set(before)
        assert any(name.startswith("sequence ") for name in before)
        differing = sorted(table for table in before if before[table] != after[table])
        assert differing == []

        restored = make_app(restored_url, identity_provider.url)
        restored.test_client_class = PageCheckingClient
        try:
            with restored.app_context():
                head = ScriptDirectory(str(ROOT / "migrations")).get_current_head()
                version = db.session.execute(text("SELECT version_num FROM alembic_version"))
                assert version.scalar() == head
                upgrade()  # the release's `flask db upgrade` has nothing left to do
                session = db.session
                meeting = session.get(Meeting, meeting_id)
                assert meeting.booking_note == "Om skolestart"
                assert session.get(Slot, slot.id).meeting_id == meeting_id
                bodies = session.scalars(
                    select(Message.body).where(Message.thread_id == thread_id).order_by(Message.id)
                ).all()
                assert bodies[0] == QUESTION and len(bodies) == 2
                assert session.get(Family, parent.family.id) is not None
                assert session.get(Thread, thread_id).family_id == parent.family.id
                for model in (Update, OutboxMessage, AuditEntry):
                    assert session.scalar(select(model.id).limit(1)) is not None
                db.session.remove()

            client = restored.test_client()
            assert client.get("/readyz").status_code == 200
            client.set_cookie("portal_lang", "en")
            assert login(client, identity_provider, parent.subject).status_code == 302
            conversation = client.get(f"/familier/{parent.family.id}/beskeder/{thread_id}")
            assert conversation.status_code == 200 and QUESTION in text_of(conversation)
            parent.client, parent.token = client, csrf_token(client, parent.book_url)
            again = write(parent, "Skriver igen efter gendannelsen.")
            assert thread_id_of(again) == thread_id  # a new row, with a new id, in the old thread
        finally:
            with restored.app_context():
                db.engine.dispose()
