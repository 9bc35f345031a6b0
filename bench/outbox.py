"""Outbox benchmark: notifications delivered per second into a loopback SMTP server.

    python bench/outbox.py [--families 200] [--guardians 10] [--workers 3]

Creates a fresh database beside TEST_DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/test), migrates and seeds it, adds families whose
guardians all hear of one planned meeting each (families x guardians e-mails), starts an SMTP
server (aiosmtpd) on loopback and `--workers` worker processes (`flask --app portal outbox
work`), waits until every delivery is sent, and prints deliveries per second, measured from
the first attempt to the last send as the database recorded them (process start-up is not
counted). Checks that the server got each reference exactly once. The database is dropped.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal.extensions import db  # noqa: E402
from portal.models import Delivery  # noqa: E402
from tests.conftest import migrated_app  # noqa: E402
from tests.databases import throwaway_postgres  # noqa: E402
from tests.outbox.receivers import ReferenceCounter  # noqa: E402
from tests.outbox.test_concurrency import crowd  # noqa: E402


def start_workers(
    count: int, database_url: str, mail: ReferenceCounter, log: Path
) -> list[subprocess.Popen]:
    env = {
        **os.environ,
        "PORTAL_ENV": "test",
        "DATABASE_URL": database_url,
        "PUBLIC_URL": "https://familieportalen.example",
        "SMTP_HOST": mail.host,
        "SMTP_PORT": str(mail.port),
        "OUTBOX_POLL_SECONDS": "0.1",
    }
    command = [sys.executable, "-m", "flask", "--app", "portal", "outbox", "work"]
    with log.open("w") as out:  # the workers' log: one line per delivery, by reference
        return [
            subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
            for _ in range(count)
        ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=200)
    parser.add_argument("--guardians", type=int, default=10)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    total = args.families * args.guardians
    base = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    os.environ.setdefault("PORTAL_ENV", "test")
    log = Path(tempfile.gettempdir()) / "outbox-bench-workers.log"
    with (
        throwaway_postgres(base, prefix="portal_bench") as database_url,
        ReferenceCounter() as mail,
    ):
        for app in migrated_app(database_url):
            with app.app_context():
                crowd(db.session, args.families, args.guardians)
                workers = start_workers(args.workers, database_url, mail, log)
                try:
                    mail.wait_for(total, timeout=600)  # raises if the workers stall
                    while db.session.scalar(select(func.count()).where(Delivery.status != "sent")):
                        db.session.rollback()
                        time.sleep(0.1)
                    first, last = db.session.execute(
                        select(func.min(Delivery.last_attempt_at), func.max(Delivery.sent_at))
                    ).one()
                finally:
                    for worker in workers:
                        worker.terminate()
                    for worker in workers:
                        worker.wait(30)
                db.session.remove()
    references = mail.references
    assert len(references) == total == len(set(references)), "each delivery exactly once"
    seconds = (last - first).total_seconds()
    print(
        f"outbox: {total} notifications ({args.families} families x {args.guardians} guardians) "
        f"by {args.workers} worker process{'es' if args.workers != 1 else ''} into aiosmtpd "
        "on loopback, PostgreSQL"
    )
    print(f"outbox: {total / seconds:,.0f} deliveries/s ({seconds:.1f} s, each exactly once)")
    print(f"outbox: the workers' log is {log}")


if __name__ == "__main__":
    main()
