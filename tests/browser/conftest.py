"""Real Chromium (Debian's, via CHROMIUM_PATH or PATH) against the portal served on loopback."""

from __future__ import annotations

import json
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
WIDTHS = {"phone": 375, "desktop": 1280}


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium not found: install Debian's chromium or set CHROMIUM_PATH")
    return path


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_FLAGS}


@contextmanager
def serving(app):
    """Serve an app over HTTP on a free loopback port. Chromium counts http://127.0.0.1 as a
    secure context, so the test configuration's `Secure` session cookie works here too."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def live_server(app):
    """The test app served over HTTP on a free loopback port for the whole session."""
    with serving(app) as url:
        yield url


@pytest.fixture(scope="session")
def unavailable_live_server(app, database_url):
    """The portal with both identity providers down: every login start gets the 503 page."""
    from tests.conftest import closed_port_url, make_app

    with serving(make_app(database_url, closed_port_url())) as url:
        yield url


@pytest.fixture(scope="session")
def limited_live_server(app, database_url, identity_provider):
    """The portal with a login rate limit of one per hour: from the second try on, 429."""
    from tests.conftest import make_app

    limited = make_app(
        database_url, identity_provider.url, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="1 per hour"
    )
    with serving(limited) as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def assert_accessible(axe_source):
    """Run axe-core's WCAG 2.1 A/AA rules on the page; fail listing every violation."""

    def check(page) -> None:
        page.evaluate(axe_source)
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                 resultTypes: ['violations']})"""
        )
        violations = [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        assert violations == [], f"axe-core on {page.url}:\n" + json.dumps(violations, indent=2)

    return check


@pytest.fixture
def assert_no_horizontal_scroll():
    def check(page) -> None:
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"

    return check
