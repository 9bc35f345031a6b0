"""Two real gunicorn instances over one PostgreSQL database and one Redis, as production runs
several hosts: a parent logs in through one, carries on through the other with the same
cookies and books a meeting once; the login and API rate limits count requests on both together."""

from __future__ import annotations

import json
import os
import random
import re
import socket
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest

from portal.api.oauth import SCOPES, create_client
from portal.extensions import db
from tests.conftest import TEST_PERSON_NUMBER_KEY
from tests.integration import booking_helpers
from tests.integration.test_sessions import TEST_REDIS_URL, redis_or_skip

world = booking_helpers.world  # the fixture

ROOT = Path(__file__).resolve().parents[2]
LOGIN_LIMIT = 3
API_LIMIT = 3


class LoopbackBrowser(httpx.HTTPTransport):
    """Test-mode cookies are `Secure`, which a browser still sends to loopback over http;
    httpx does not, so the flag is dropped on the way in (nothing else is changed)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        headers = [
            (name, _insecure(value) if name.lower() == "set-cookie" else value)
            for name, value in response.headers.multi_items()
        ]
        return httpx.Response(
            response.status_code,
            headers=headers,
            stream=response.stream,
            extensions=response.extensions,
            request=request,
        )


def _insecure(cookie: str) -> str:
    return re.sub(r";\s*Secure(?=;|$)", "", cookie, flags=re.IGNORECASE)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def instance_environment(database_url: str, provider_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PORTAL_")}
    env.update(
        PORTAL_ENV="test",
        DATABASE_URL=database_url,
        SECRET_KEY="two-instances-share-this-secret-key-0123456789",
        PERSON_NUMBER_KEY=TEST_PERSON_NUMBER_KEY,
        REDIS_URL=TEST_REDIS_URL,
        # A window of its own, so these counters share no Redis key with other tests' (which
        # may run at the same time in another test process); nothing is flushed.
        LOGIN_RATE_LIMIT=f"{LOGIN_LIMIT} per {3600 + random.randrange(10**6)} seconds",
        CITIZEN_OIDC_METADATA_URL=f"{provider_url}/.well-known/openid-configuration",
        STAFF_OIDC_METADATA_URL=f"{provider_url}/.well-known/openid-configuration",
        AUTHLIB_INSECURE_TRANSPORT="1",
        WEB_CONCURRENCY="1",
        LOG_FORMAT="json",
    )
    return env


@contextmanager
def gunicorn_master(env: dict[str, str], log_path: Path):
    """One gunicorn on a free loopback port, and its master process (whose children are the
    workers); always stopped afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")]
    command += ["--bind", f"127.0.0.1:{port}", "portal:create_app()"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_ready(base, process, log_path)
            yield base, process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def gunicorn_instance(env: dict[str, str], log_path: Path):
    """One gunicorn on a free loopback port: its address."""
    with gunicorn_master(env, log_path) as (base, _):
        yield base


def wait_until_ready(base: str, process: subprocess.Popen, log_path: Path) -> None:
    # A worker builds the app after the fork; on a busy 2-core machine that took over 10 s. A
    # long per-request timeout keeps the probes from piling up in the listen queue meanwhile.
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited: {log_path.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{base}/readyz", timeout=10).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not get ready: {log_path.read_text(errors='replace')[-2000:]}")


@pytest.fixture
def two_instances(database_url, identity_provider, tmp_path):
    if not database_url.startswith("postgresql"):
        pytest.skip("two instances share one PostgreSQL database (TEST_DATABASE is SQLite)")
    redis_client = redis_or_skip()
    env = instance_environment(database_url, identity_provider.url)
    # Per client, in a window of its own (client ids restart with each test database).
    env["API_RATE_LIMIT"] = f"{API_LIMIT} per {3600 + random.randrange(10**6)} seconds"
    with ExitStack() as stack:
        first = stack.enter_context(gunicorn_instance(env, tmp_path / "first.log"))
        second = stack.enter_context(gunicorn_instance(env, tmp_path / "second.log"))
        yield first, second, redis_client, tmp_path


def csrf_from(response: httpx.Response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)


def test_a_parents_journey_across_two_instances(two_instances, world, identity_provider):
    first, second, redis_client, logs = two_instances
    parent = world.parent(log_in=False)
    slot = world.offer(world.staff(), family=parent.family)
    with httpx.Client(transport=LoopbackBrowser(), timeout=10) as browser:
        browser.cookies.set("portal_lang", "en", domain="127.0.0.1")
        # Log in through the first instance: the real OIDC flow, redirects followed.
        start = browser.get(f"{first}/log-ind/citizen")
        assert start.status_code == 302, start.status_code
        callback = identity_provider.approve(start.headers["location"], parent.subject)
        assert callback.startswith(first)
        landed = browser.get(callback, follow_redirects=True)
        # One family: the parent lands on it.
        assert landed.status_code == 200
        assert landed.url.path == f"/familier/{parent.family.id}"

        # Carry on through the second, with the same cookies: the session holds.
        form = browser.get(f"{second}{parent.book_url}")
        assert form.status_code == 200
        booked = browser.post(
            f"{second}{parent.book_url}/bekraeft",
            data={"csrf_token": csrf_from(form), "tid": str(slot.id), "note": ""},
        )
        assert booked.status_code == 303, booked.text[:500]
        meeting_id = int(re.search(r"/bekraeftet/(\d+)$", booked.headers["location"]).group(1))

        # The same time booked again through the first instance makes no second meeting.
        again = browser.post(
            f"{first}{parent.book_url}/bekraeft",
            data={"csrf_token": csrf_from(form), "tid": str(slot.id), "note": ""},
        )
        assert again.status_code == 409  # "this time was just taken"
        for base in (first, second):
            page = browser.get(f"{base}/familier/{parent.family.id}/moeder")
            assert page.status_code == 200
            assert page.text.count(f'/moeder/{meeting_id}"') == 1
            assert page.headers["X-Request-ID"]
    assert [m.id for m in world.meetings_booked_at(slot)] == [meeting_id]

    person_number = re.search(r"\d{10}", parent.subject).group()  # the test's subject has it
    # Both instances logged JSON lines with request ids, and no person number.
    for name in ("first.log", "second.log"):
        text = (logs / name).read_text(errors="replace")
        lines = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
        access = [line for line in lines if line["logger"] == "gunicorn.access"]
        assert access and all("request_id=" in line["message"] for line in access)
        assert not any(person_number in line["message"] for line in lines)


def test_the_rate_limits_are_shared_by_both_instances(two_instances, app):
    first, second, redis_client, _ = two_instances
    codes = [
        httpx.get(f"{base}/log-ind/citizen", timeout=10).status_code
        for base in (first, second) * LOGIN_LIMIT
    ]
    # Three starts in all are allowed, whichever instance took them; then both refuse.
    assert codes == [302] * LOGIN_LIMIT + [429] * LOGIN_LIMIT
    assert redis_client.dbsize() > 0

    # The same for a case system's client: its API budget is one, on whichever instance.
    with app.app_context():
        row, secret = create_client(f"shared limit {uuid.uuid4().hex[:8]}", "sof", list(SCOPES))
        client_id = row.client_id
        db.session.remove()
    answer = httpx.post(
        f"{first}/api/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(client_id, secret),
        timeout=10,
    )
    bearer = {"Authorization": f"Bearer {answer.json()['access_token']}"}
    codes = [
        httpx.get(f"{base}/api/v1/offers", headers=bearer, timeout=10).status_code
        for base in (first, second) * API_LIMIT
    ]
    assert codes == [200] * API_LIMIT + [429] * API_LIMIT
