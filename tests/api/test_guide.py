"""docs/api.md works as written: its sh blocks run, in order, with curl against a live portal."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.api.conftest import make_api_user

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "api.md"
PERSON_NUMBERS = ("0101801234", "0203151234")


def sh_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)


def test_the_guide_runs_against_a_live_portal(app, live_api):
    assert shutil.which("curl"), "the guide's examples need curl"
    blocks = sh_blocks(GUIDE.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    api = make_api_user(app, "buf")
    script = "set -euo pipefail\n" + "\necho\n".join(blocks)
    env = os.environ | {
        "PORTAL_URL": live_api,
        "CLIENT_ID": api.client_id,
        "CLIENT_SECRET": api.secret,
    }
    done = subprocess.run(
        ["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not any(number in done.stdout for number in PERSON_NUMBERS)

    case = api.get("/departments/buf/cases/BUF-2025-0042").json
    assert case["child_id"] == "BUF-CHILD-778"
    assert case["current_stage"] == "observation-og-samtaler"
    events = api.get("/departments/buf/cases/BUF-2025-0042/events").json["items"]
    assert [e["external_id"] for e in events] == ["BUF-EV-9001", "BUF-EV-9002"]
    # The last block printed the stages, read back from the portal.
    assert '"stage_type":"henvisning-modtaget"' in done.stdout
