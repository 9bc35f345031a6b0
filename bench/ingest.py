"""Ingest benchmark: batches of 1,000 case events into PostgreSQL through the real HTTP API.

    python bench/ingest.py [--batches 10] [--cases 50]

Creates a fresh database beside TEST_DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/test), migrates it, registers a BUF API client, serves the
portal with werkzeug on a free loopback port, sends one family and the cases, then POSTs the
batches to /api/v1/batch (one request per batch, each with its own Idempotency-Key) and prints
events per second. The database is dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import requests
from werkzeug.serving import WSGIRequestHandler, make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from portal import create_app  # noqa: E402
from portal.api.oauth import SCOPES, create_client  # noqa: E402
from portal.demo.seed import DEMO_DATA, load_reference_data  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.records import unit_of_work  # noqa: E402
from tests.databases import throwaway_postgres  # noqa: E402

BATCH_SIZE = 1000
TARGET = 2000  # events per second on the 2-core reference machine


@contextmanager
def served(app):
    class QuietHandler(WSGIRequestHandler):
        def log_request(self, *args, **kwargs):
            pass

    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def prepare(app) -> tuple[str, str]:
    from flask_migrate import upgrade

    with app.app_context():
        upgrade()
        with unit_of_work(db.session, DEMO_DATA) as unit:
            load_reference_data(unit)
        client, secret = create_client("bench BUF", "buf", list(SCOPES))
        return client.client_id, secret


def event(case: str, index: int) -> dict:
    decision = index % 50 == 0  # every 50th event is a decision the family hears about
    return {
        "op": "put_case_event",
        "department": "buf",
        "case": case,
        "event": f"EV-{uuid.uuid4().hex}",
        "body": {
            "kind": "decision" if decision else "note",
            "visibility": "family",
            "occurred_at": "2025-03-04T10:00:00+01:00",
            "summary": {"da": f"Hændelse {index} i sagen.", "en": f"Event {index}."},
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--cases", type=int, default=50)
    args = parser.parse_args()
    base = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    os.environ.setdefault("PORTAL_ENV", "test")
    with throwaway_postgres(base, prefix="portal_bench") as database_url:
        app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "RATELIMIT_ENABLED": False})
        client_id, secret = prepare(app)
        with served(app) as url, requests.Session() as http:
            token = http.post(
                f"{url}/api/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(client_id, secret),
            ).json()["access_token"]
            http.headers["Authorization"] = f"Bearer {token}"

            def send(method: str, path: str, body: dict) -> requests.Response:
                answer = http.request(
                    method,
                    f"{url}/api/v1{path}",
                    json=body,
                    headers={"Idempotency-Key": str(uuid.uuid4())},
                )
                if answer.status_code >= 300:
                    sys.exit(f"{method} {path}: {answer.status_code} {answer.text[:500]}")
                return answer

            cases = [f"CASE-{i}" for i in range(args.cases)]
            for i, case in enumerate(cases):
                child = {
                    "external_id": f"CHILD-{i}",
                    "person_number": f"{1000000000 + i:010d}",
                    "first_name": "Bench",
                    "last_name": "Barn",
                    "birth_date": "2014-01-01",
                }
                send("PUT", f"/families/FAM-{i}", {"display_name": "Bench", "children": [child]})
                case_body = {
                    "child_id": child["external_id"],
                    "case_type": "ppr-vurdering",
                    "opened_on": "2025-01-06",
                }
                send("PUT", f"/departments/buf/cases/{case}", case_body)

            def batch() -> dict:
                return {"operations": [event(cases[i % len(cases)], i) for i in range(BATCH_SIZE)]}

            send("POST", "/batch", batch())  # warm-up, not counted
            timings = []
            for _ in range(args.batches):
                body = batch()
                started = time.perf_counter()
                answer = send("POST", "/batch", body)
                timings.append(time.perf_counter() - started)
                assert len(answer.json()["results"]) == BATCH_SIZE
        with app.app_context():
            db.engine.dispose()

    events = args.batches * BATCH_SIZE
    rate = events / sum(timings)
    print(
        f"ingest: {events} case events in {args.batches} batches of {BATCH_SIZE} over HTTP "
        f"(werkzeug on loopback) into PostgreSQL"
    )
    print(
        f"ingest: {rate:,.0f} events/s (median batch {statistics.median(timings) * 1000:.0f} ms, "
        f"slowest {max(timings) * 1000:.0f} ms; target {TARGET:,}/s)"
    )


if __name__ == "__main__":
    main()
