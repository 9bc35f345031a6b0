"""Page benchmark: the pages served the way production serves them, at 1,000 and 10,000 families.

    python bench/pages.py

Creates the database `bench_pages` (dropped first if it is there) on the server of
TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test), migrates it, loads the
demo data and 1,000 generated families (`flask seed-load`) plus one family with 30 cases, and
serves the portal with gunicorn and gunicorn.conf.py (sync workers) next to the development
identity provider, both on loopback. It logs in over HTTP as a demo parent, two generated staff
members (the smallest and the largest caseload) and a staff member who sees the 30-case family,
and measures each page with `wrk` at a fixed concurrency and duration, between two runs of
`/healthz` (the floor). The SQL statements per page are counted in-process with the Flask test
client against the same database. Then it loads more families (10,000 in all; BENCH_FAMILIES
sets the total, up to 100,000 in steps of ten) and measures again. It prints one table and the
budgets, and writes bench/results.json.

Settings (environment): BENCH_FAMILIES (10000), BENCH_DURATION (seconds per page, 10),
BENCH_CONNECTIONS (16), BENCH_THREADS (2), BENCH_WORKERS (gunicorn workers, 2), BENCH_KEEP=1
keeps the database afterwards, TEST_REDIS_URL (redis://127.0.0.1:6379/15) for the rate limits.
Every process it starts is stopped at the end, and the database is dropped unless BENCH_KEEP=1.
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import requests
from sqlalchemy import create_engine, func, select, text, union_all
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_NAME = "bench_pages"
STEPS = (1_000, 10_000, 100_000)
OVERVIEW_SHARE = 0.10  # the parent overview at >= this share of the /healthz floor
GROWTH = 1.25  # p95 at ten times the families <= this many times the p95 before
BIG_FAMILY = "bench-30-cases"
BIG_FAMILY_STAFF = "sara"  # a demo contact person (BUF): the staff who sees the 30-case family
BIG_FAMILY_SOF_HOLDER = "nadia"
DEMO_PARENT = "guardian-hansen-1"  # Mette Hansen, custody: Familien Hansen (README)
DEMO_CHILD = "demo-oliver"
DEMO_FAMILY = "demo-hansen"
VOLUME_TENANT = "kk-volume"


@dataclass
class Settings:
    families: int = 10_000
    duration: int = 10
    connections: int = 16
    threads: int = 2
    workers: int = 2
    keep: bool = False
    database_server: str = ""
    redis_url: str | None = None
    steps: list[int] = field(default_factory=list)

    @classmethod
    def from_environment(cls) -> Settings:
        families = int(os.environ.get("BENCH_FAMILIES") or 10_000)
        steps = [n for n in STEPS if n < families] + [families]
        return cls(
            families=families,
            duration=int(os.environ.get("BENCH_DURATION") or 10),
            connections=int(os.environ.get("BENCH_CONNECTIONS") or 16),
            threads=int(os.environ.get("BENCH_THREADS") or 2),
            workers=int(os.environ.get("BENCH_WORKERS") or 2),
            keep=os.environ.get("BENCH_KEEP") == "1",
            database_server=os.environ.get(
                "TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"
            ),
            redis_url=reachable_redis(
                os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
            ),
            steps=steps,
        )


def reachable_redis(url: str) -> str | None:
    """The Redis for the rate limits, as production shares it; None (memory) if it is not up."""
    try:
        import redis

        redis.Redis.from_url(url, socket_timeout=2).ping()
        return url
    except Exception as error:  # no Redis here: each worker counts for itself
        print(f"pages: Redis at {url} is not reachable ({error}); rate limits stay in memory")
        return None


# --- the database ------------------------------------------------------------------------------


@contextmanager
def bench_database(settings: Settings):
    """`bench_pages` on the server of TEST_DATABASE_URL, fresh; dropped at the end unless kept."""
    url = make_url(settings.database_server).set(drivername="postgresql+psycopg")
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    drop = text(f'DROP DATABASE IF EXISTS "{DATABASE_NAME}" WITH (FORCE)')
    with admin.connect() as connection:
        connection.execute(drop)
        connection.execute(text(f'CREATE DATABASE "{DATABASE_NAME}"'))
    try:
        yield url.set(database=DATABASE_NAME).render_as_string(hide_password=False)
    finally:
        if not settings.keep:
            with admin.connect() as connection:
                connection.execute(drop)
        admin.dispose()


def analyze(database_url: str) -> None:
    """Fresh planner statistics after a bulk load, as autovacuum would gather them shortly."""
    engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("ANALYZE"))
    finally:
        engine.dispose()


def portal_environment(settings: Settings, database_url: str, idp_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PORTAL_")}
    env.update(
        PORTAL_ENV="development",  # the development identity provider is allowed
        DATABASE_URL=database_url,
        DEV_IDP_URL=idp_url,
        # The few logins here must never meet the login rate limit (the setting, not the code).
        LOGIN_RATE_LIMIT="10000 per minute",
        SESSION_IDLE_MINUTES="240",
        AUTHLIB_INSECURE_TRANSPORT="1",
        WEB_CONCURRENCY=str(settings.workers),
        LOG_LEVEL="warning",
    )
    env.pop("REDIS_URL", None)
    if settings.redis_url:
        env["REDIS_URL"] = settings.redis_url
    for name in ("CITIZEN_OIDC_METADATA_URL", "STAFF_OIDC_METADATA_URL", "SMTP_HOST"):
        env.pop(name, None)
    return env


def flask_command(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "-m", "flask", "--app", "portal", *args]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"pages: `flask {' '.join(args)}` failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def load_families(env: dict[str, str], families: int) -> float:
    started = time.monotonic()
    print(f"pages: loading {families:,} families (flask seed-load)...", flush=True)
    out = flask_command(env, "seed-load", "--families", str(families))
    seconds = time.monotonic() - started
    print(f"pages: {out.strip().splitlines()[-1]} ({seconds:.0f} s)", flush=True)
    return seconds


# --- the 30-case family ------------------------------------------------------------------------


def add_big_family(app) -> int:
    """One family with 10 children and 3 cases each (two in BUF, one in SOF), every case with
    its stages so far and 12 events, through the records functions like a case system's data;
    the demo contact person holds it for both departments."""
    from portal.extensions import db
    from portal.models import CaseType, Department, StaffMember
    from portal.records import cases as case_records
    from portal.records import families as family_records
    from portal.records.unit import system_actor, unit_of_work

    rng = random.Random(30)
    today = date.today()
    now = datetime.now(UTC)
    with app.app_context():
        session = db.session
        departments = {d.code: d for d in session.scalars(select(Department))}
        staff = {
            key: session.scalar(select(StaffMember).filter_by(subject=f"kk-demo:{key}"))
            for key in (BIG_FAMILY_STAFF, BIG_FAMILY_SOF_HOLDER)
        }
        types = {
            code: [
                t
                for t in session.scalars(select(CaseType).order_by(CaseType.id))
                if t.department_id == departments[code].id and not t.joint and t.stage_types
            ]
            for code in ("buf", "sof")
        }
        holders = {"buf": staff[BIG_FAMILY_STAFF], "sof": staff[BIG_FAMILY_SOF_HOLDER]}
        key = app.config["PERSON_NUMBER_KEY"]
        with unit_of_work(session, system_actor("bench"), key, tell_families=False) as unit:
            first, second = departments["buf"], departments["sof"]
            family = family_records.add_family(
                unit, first, display_name="Familien Bench", external_id=BIG_FAMILY
            )
            family_records.state_family(unit, family, second, display_name="Familien Bench")
            for department in (first, second):
                family_records.set_contact_person(unit, family, department, staff[BIG_FAMILY_STAFF])
            guardian = {
                "name": "Bente Bench",
                "access_level": "custody",
                "email": "bente.bench@example.org",
                "phone": None,
                "preferred_language": "da",
            }
            made = family_records.add_guardian(
                unit, family, first, person_number="3012991234", **guardian
            )
            family_records.state_guardian(unit, made, second, **guardian)
            for c in range(10):
                child_fields = {
                    "first_name": f"Barn{c + 1}",
                    "last_name": "Bench",
                    "birth_date": today - timedelta(days=365 * (4 + c)),
                    "school": "Benchskolen",
                }
                child = family_records.add_child(
                    unit, family, first, external_id=f"{BIG_FAMILY}-{c}", **child_fields
                )
                family_records.state_child(unit, child, second, **child_fields)
                for k, code in enumerate(("buf", "sof", "buf")):
                    case_type = types[code][(c + k) % len(types[code])]
                    opened = today - timedelta(days=rng.randrange(60, 400))
                    holder = holders[code]
                    case = case_records.open_case(
                        unit,
                        departments[code],
                        f"{BIG_FAMILY}-{c}-{k}",
                        child=child,
                        case_type=case_type,
                        opened_on=opened,
                        holder=holder,
                        holder_team=holder.team,
                    )
                    stages = case_type.stage_types
                    reached = rng.randrange(len(stages)) + 1
                    step = max(1, (today - opened).days // (reached + 1))
                    for i in range(reached):
                        case_records.change_stage(
                            unit,
                            case,
                            stages[i],
                            started_on=opened + timedelta(days=i * step),
                            holder=holder,
                            holder_team=holder.team,
                        )
                    for e in range(12):
                        kind = ("note", "document", "meeting", "decision")[e % 4]
                        case_records.add_case_event(
                            unit,
                            case,
                            external_id=f"{BIG_FAMILY}-{c}-{k}-{e}",
                            kind=kind if kind != "decision" or e == 11 else "note",
                            visibility="internal" if e % 5 == 4 else "family",
                            occurred_at=now - timedelta(days=rng.randrange(1, 300), minutes=e),
                            summary={"da": f"Hændelse {e + 1} i sagen.", "en": f"Event {e + 1}."},
                            complaint_to=None,
                        )
        family_id = family.id
        db.session.remove()
        return family_id


# --- who logs in, and which pages -------------------------------------------------------------


@dataclass
class Login:
    name: str  # in the table
    door: str  # citizen | staff
    subject: str  # at the development identity provider
    claims: dict | None = None  # a user the provider learns first (generated staff)


@dataclass
class Page:
    name: str
    path: str
    login: str | None  # a Login.name, or None for /healthz
    statements: dict[int, int] = field(default_factory=dict)  # families -> SQL statements


def caseload_staff(app) -> tuple[dict, dict]:
    """The generated staff member with the smallest and the one with the largest caseload:
    families where they are the contact person or hold a case."""
    from portal.extensions import db
    from portal.models import Case, Child, Department, Family, StaffMember

    with app.app_context():
        pairs = union_all(
            select(Family.contact_person_id.label("staff_id"), Family.id.label("family_id")),
            select(Case.holder_staff_id, Child.family_id).join(Child, Case.child_id == Child.id),
        ).subquery()
        rows = db.session.execute(
            select(StaffMember, Department.code, func.count(func.distinct(pairs.c.family_id)))
            .join(pairs, pairs.c.staff_id == StaffMember.id)
            .join(Department, StaffMember.department_id == Department.id)
            .where(StaffMember.subject.like(f"{VOLUME_TENANT}:%"))
            .group_by(StaffMember.id, Department.code)
        ).all()
        found = []
        for staff, department, families in sorted(rows, key=lambda row: row[2]):
            tenant, oid = staff.subject.split(":", 1)
            claims = {
                "name": staff.name,
                "email": staff.email,
                "tid": tenant,
                "oid": oid,
                "roles": ["staff"],
                "department": department,
            }
            found.append({"claims": claims, "families": families, "subject": f"bench-{oid}"})
        db.session.remove()
    if not found:
        sys.exit("pages: no generated staff found after seed-load")
    return found[0], found[-1]


def demo_ids(app) -> dict[str, int]:
    from portal.extensions import db
    from portal.models import Child, Family

    with app.app_context():
        ids = {
            "family": db.session.scalar(select(Family.id).filter_by(external_id=DEMO_FAMILY)),
            "child": db.session.scalar(select(Child.id).filter_by(external_id=DEMO_CHILD)),
        }
        db.session.remove()
    if None in ids.values():
        sys.exit(f"pages: the demo data is missing ({ids})")
    return ids


# --- processes --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def process(command: list[str], env: dict[str, str], log_path: Path, ready_url: str):
    """A process whose output goes to `log_path`; ready when `ready_url` answers; always ended."""
    with open(log_path, "wb") as log:
        started = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 30
            while True:
                if started.poll() is not None:
                    sys.exit(f"pages: {command[2]} exited:\n{log_path.read_text()[-2000:]}")
                try:
                    if requests.get(ready_url, timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline:
                    sys.exit(f"pages: {command[2]} did not start:\n{log_path.read_text()[-2000:]}")
                time.sleep(0.2)
            yield started
        finally:
            started.terminate()
            try:
                started.wait(timeout=15)
            except subprocess.TimeoutExpired:
                started.kill()
                started.wait()


def log_in(base: str, idp_url: str, login: Login) -> requests.Session:
    """Log in through the real OpenID Connect flow over HTTP; the session keeps the cookies."""
    http = requests.Session()
    http.cookies.set("portal_lang", "da", domain="127.0.0.1")
    if login.claims is not None:
        taught = requests.put(f"{idp_url}/users/{login.subject}", json=login.claims, timeout=10)
        if taught.status_code != 204:
            sys.exit(f"pages: the identity provider refused {login.subject}: {taught.text[:300]}")
    start = http.get(f"{base}/log-ind/{login.door}", allow_redirects=False, timeout=10)
    if start.status_code != 302:
        sys.exit(f"pages: login start for {login.name} answered {start.status_code}")
    approved = requests.post(
        start.headers["Location"], data={"sub": login.subject}, allow_redirects=False, timeout=10
    )
    if approved.status_code != 302:
        sys.exit(f"pages: the identity provider answered {approved.status_code} for {login.name}")
    landed = http.get(approved.headers["Location"], timeout=30)
    if landed.status_code != 200 or "/log-ind" in landed.url:
        sys.exit(f"pages: login as {login.name} ended at {landed.url} ({landed.status_code})")
    return http


def cookie_header(http: requests.Session) -> str:
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in http.cookies)


# --- wrk --------------------------------------------------------------------------------------

WRK_SCRIPT = r"""
-- Counts answers that are not 2xx in every thread and prints one JSON line at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    not_2xx = not_2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_2xx")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "not_2xx": %d, "connect_errors": %d, "read_errors": %d, ' ..
    '"write_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, bad, e.connect, e.read, e.write, e.timeout))
end
"""


def run_wrk(settings: Settings, script: Path, url: str, cookie: str | None) -> dict:
    command = [
        "wrk",
        f"--threads={settings.threads}",
        f"--connections={settings.connections}",
        f"--duration={settings.duration}s",
        "--timeout=30s",  # gunicorn's own: slow answers count in the percentiles
        f"--script={script}",
        "--header=Accept-Language: da",
        "--header=Accept-Encoding: gzip, deflate, br",
    ]
    if cookie:
        command.append(f"--header=Cookie: {cookie}")
    command.append(url)
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=settings.duration + 60, check=False
    )
    found = re.search(r"^BENCH_RESULT (\{.*\})$", done.stdout, re.MULTILINE)
    if done.returncode != 0 or not found:
        sys.exit(f"pages: wrk failed on {url}:\n{done.stdout}{done.stderr}")
    result = json.loads(found.group(1))
    result["req_per_s"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


# --- SQL statements, in-process ---------------------------------------------------------------


def in_process_app(env: dict[str, str]):
    """The portal in this process, with the same settings as the served one."""
    os.environ.update({k: v for k, v in env.items() if k != "REDIS_URL"})
    os.environ.pop("REDIS_URL", None)
    from portal import create_app

    return create_app({"RATELIMIT_ENABLED": False})


def test_client_login(app, idp_url: str, login: Login):
    client = app.test_client()
    client.set_cookie("portal_lang", "da")
    start = client.get(f"/log-ind/{login.door}")
    if start.status_code != 302:
        sys.exit(f"pages: in-process login start answered {start.status_code}")
    approved = requests.post(
        start.headers["Location"], data={"sub": login.subject}, allow_redirects=False, timeout=10
    )
    callback = approved.headers["Location"]
    answer = client.get(callback.replace("http://localhost", ""))
    if answer.status_code not in (302, 303):
        sys.exit(f"pages: in-process login as {login.name} answered {answer.status_code}")
    return client


def count_statements(app, client, path: str) -> int:
    """SQL statements for one request to `path`, after one request to warm what a process
    keeps (reference data, compiled statements)."""
    from portal.ops.statements import counted_statements

    if client.get(path).status_code != 200:
        sys.exit(f"pages: {path} does not answer 200 in-process")
    with counted_statements(app) as statements:
        status = client.get(path).status_code
    if status != 200:
        sys.exit(f"pages: {path} does not answer 200 in-process ({status})")
    return len(statements)


# --- one measurement --------------------------------------------------------------------------


@dataclass
class Row:
    page: str
    path: str
    families: int
    req_per_s: float
    p50_ms: float | None  # None: no request finished within the run
    p95_ms: float | None
    p99_ms: float | None
    requests: int
    not_2xx: int
    errors: int
    floor_share: float | None = None
    sql_statements: int | None = None


def measure(settings, script, base, pages, cookies, families) -> list[Row]:
    rows = []
    for page in pages:
        cookie = cookies.get(page.login) if page.login else None
        check = requests.get(
            f"{base}{page.path}",
            headers={"Cookie": cookie} if cookie else {},
            allow_redirects=False,
            timeout=60,
        )
        if check.status_code != 200:
            where = check.headers.get("Location", "")
            sys.exit(f"pages: {page.name} ({page.path}) answered {check.status_code} {where}")
        result = run_wrk(settings, script, f"{base}{page.path}", cookie)
        errors = sum(result[k] for k in ("connect_errors", "read_errors", "write_errors"))
        rows.append(
            Row(
                page=page.name,
                path=page.path,
                families=families,
                req_per_s=round(result["req_per_s"], 1),
                p50_ms=milliseconds(result, "p50_us"),
                p95_ms=milliseconds(result, "p95_us"),
                p99_ms=milliseconds(result, "p99_us"),
                requests=result["requests"],
                not_2xx=result["not_2xx"],
                errors=errors + result["timeouts"],
                sql_statements=page.statements.get(families),
            )
        )
        print(
            f"pages: {families:>7,} {page.name:<32} {rows[-1].req_per_s:>8.1f} req/s "
            f"p95 {number(rows[-1].p95_ms):>7} ms, {number(rows[-1].sql_statements)} SQL",
            flush=True,
        )
    floor = statistics.mean(r.req_per_s for r in rows if r.page.startswith("/healthz"))
    for row in rows:
        row.floor_share = round(row.req_per_s / floor, 4) if floor else None
    return rows


# --- the report -------------------------------------------------------------------------------


def budgets(rows: list[Row], steps: list[int]) -> list[dict]:
    checks = []
    for families in steps:
        overview = next(r for r in rows if r.families == families and r.page == "parent overview")
        checks.append(
            {
                "budget": f"parent overview >= {OVERVIEW_SHARE:.2f}x the /healthz floor "
                f"({families:,} families)",
                "value": overview.floor_share,
                "met": overview.floor_share is not None and overview.floor_share >= OVERVIEW_SHARE,
            }
        )
    for before, after in zip(steps, steps[1:], strict=False):
        for row in rows:
            if row.families != after or row.page.startswith("/healthz"):
                continue
            earlier = next(r for r in rows if r.families == before and r.page == row.page)
            if row.p95_ms is None or earlier.p95_ms is None:
                value, met = "no answer within the run", False
            else:
                ratio = row.p95_ms / earlier.p95_ms if earlier.p95_ms else float("inf")
                value = f"{row.p95_ms} ms vs {earlier.p95_ms} ms ({ratio:.2f}x)"
                met = row.p95_ms <= GROWTH * earlier.p95_ms
            checks.append(
                {
                    "budget": f"{row.page}: p95 at {after:,} <= {GROWTH} x p95 at {before:,}",
                    "value": value,
                    "met": met,
                }
            )
    by_page: dict[str, set] = {}
    for row in rows:
        if row.sql_statements is not None:
            by_page.setdefault(row.page, set()).add(row.sql_statements)
    for page, counts in by_page.items():
        checks.append(
            {
                "budget": f"{page}: the same SQL statements at every size",
                "value": ", ".join(
                    f"{r.sql_statements} at {r.families:,}"
                    for r in rows
                    if r.page == page and r.sql_statements is not None
                ),
                "met": len(counts) == 1,
            }
        )
    return checks


def milliseconds(result: dict, key: str) -> float | None:
    return round(result[key] / 1000, 1) if result["requests"] else None


def number(value, spec: str = ".1f") -> str:
    if value is None:
        return "-"
    return format(value, spec) if isinstance(value, float) else str(value)


def print_table(rows: list[Row], checks: list[dict]) -> None:
    header = (
        f"{'page':<32} {'families':>9} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'floor':>7} {'SQL':>5} {'failed':>8}"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in rows:
        print(
            f"{r.page:<32} {r.families:>9,} {r.req_per_s:>9.1f} {number(r.p50_ms):>8} "
            f"{number(r.p95_ms):>8} {number(r.p99_ms):>8} {number(r.floor_share, '.3f'):>7} "
            f"{number(r.sql_statements):>5} {r.not_2xx + r.errors:>8}"
        )
    print()
    for check in checks:
        print(f"{'met    ' if check['met'] else 'NOT met'}  {check['budget']}: {check['value']}")
    print()


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "system": platform.platform(),
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
    }


def commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return done.stdout.strip() + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def server_version(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(text("SHOW server_version"))
    finally:
        engine.dispose()


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    settings = Settings.from_environment()
    load_at_start = list(os.getloadavg())
    if load_at_start[0] > (os.cpu_count() or 1):
        print(f"pages: the machine is busy (load {load_at_start[0]:.1f}): figures will be low")
    if not shutil.which("wrk"):
        sys.exit("pages: `wrk` is not installed (make bench installs it with apt-get)")
    started = time.monotonic()
    rows: list[Row] = []
    loads: dict[int, float] = {}
    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-pages-")))
        script = workdir / "report.lua"
        script.write_text(WRK_SCRIPT)
        database_url = stack.enter_context(bench_database(settings))
        idp_port, web_port = free_port(), free_port()
        idp_url, base = f"http://127.0.0.1:{idp_port}", f"http://127.0.0.1:{web_port}"
        env = portal_environment(settings, database_url, idp_url)
        print(f"pages: database {DATABASE_NAME}: migrating, demo data", flush=True)
        flask_command(env, "db", "upgrade")
        flask_command(env, "seed-demo")
        loaded = settings.steps[0]
        loads[loaded] = load_families(env, loaded)

        app = in_process_app(env)
        stack.callback(dispose, app)
        big_family = add_big_family(app)
        analyze(database_url)
        small, large = caseload_staff(app)
        ids = demo_ids(app)
        logins = [
            Login("parent", "citizen", DEMO_PARENT),
            Login("staff small", "staff", small["subject"], small["claims"]),
            Login("staff large", "staff", large["subject"], large["claims"]),
            Login("staff 30 cases", "staff", f"staff-{BIG_FAMILY_STAFF}"),
        ]
        family = f"/familier/{ids['family']}"
        pages = [
            Page("/healthz (before)", "/healthz", None),
            Page("parent overview", family, "parent"),
            Page("child page", f"{family}/boern/{ids['child']}", "parent"),
            Page("meetings page", f"{family}/moeder", "parent"),
            Page(f"staff caseload ({small['families']} families)", "/medarbejder/", "staff small"),
            Page(f"staff caseload ({large['families']} families)", "/medarbejder/", "staff large"),
            Page(
                "staff family page (30 cases)",
                f"/medarbejder/familier/{big_family}",
                "staff 30 cases",
            ),
            Page("booking form", f"{family}/book", "parent"),
            Page("/healthz (after)", "/healthz", None),
        ]

        stack.enter_context(
            process(
                [sys.executable, "-m", "portal.devidp", "--port", str(idp_port)],
                env,
                workdir / "devidp.log",
                f"{idp_url}/.well-known/openid-configuration",
            )
        )
        gunicorn = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
        gunicorn += ["--bind", f"127.0.0.1:{web_port}", "portal:create_app()"]
        stack.enter_context(
            process(
                gunicorn,
                {**env, "BIND": f"127.0.0.1:{web_port}"},
                workdir / "web.log",
                f"{base}/readyz",
            )
        )
        sessions = {login.name: log_in(base, idp_url, login) for login in logins}
        cookies = {name: cookie_header(http) for name, http in sessions.items()}
        clients = {login.name: test_client_login(app, idp_url, login) for login in logins}

        for families in settings.steps:
            if families != loaded:
                loads[families] = load_families(env, families - loaded)
                loaded = families
                analyze(database_url)
            for page in pages:
                if page.login:
                    page.statements[families] = count_statements(
                        app, clients[page.login], page.path
                    )
            rows += measure(settings, script, base, pages, cookies, families)
        versions = {"postgresql": server_version(database_url), "wrk": wrk_version()}

    checks = budgets(rows, settings.steps)
    print_table(rows, checks)
    results = {
        "machine": {**machine(), **versions},
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit(),
        "settings": {
            **{k: v for k, v in asdict(settings).items() if k not in ("database_server",)},
            "server": "gunicorn, gunicorn.conf.py, sync workers, loopback",
            "load_tool": "wrk with the session cookie and Accept-Encoding: gzip, deflate, br",
            "load_average": {"start": load_at_start, "end": list(os.getloadavg())},
            "load_seconds": {str(k): round(v, 1) for k, v in loads.items()},
            "total_seconds": round(time.monotonic() - started, 1),
            "floor": "page req/s / mean req/s of the two /healthz runs at the same size",
        },
        "rows": [asdict(r) for r in rows],
        "budgets": checks,
    }
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"pages: wrote {out.relative_to(ROOT)} ({time.monotonic() - started:.0f} s in all)")


def dispose(app) -> None:
    from portal.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def wrk_version() -> str:
    done = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    return (
        (done.stdout or done.stderr).splitlines()[0].strip() if done.stdout or done.stderr else ""
    )


if __name__ == "__main__":
    main()
