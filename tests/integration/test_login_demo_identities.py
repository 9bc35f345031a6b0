"""`flask --app portal demo-identities` prints the development logins, and the README lists the
same ones, so a newcomer can pick a user and know what they will see."""

import json
import re
from pathlib import Path

from portal.demo.identities import provider_users

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
ROLES = {"guardian": "family", "staff": "department", "manager": "department"}


def readme_subjects() -> set[str]:
    section = README.split("## Logging in", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([^`]+)`", row.split("|")[1])}


def test_demo_identities_prints_json_for_every_demo_login(runner):
    result = runner.invoke(args=["demo-identities"])
    assert result.exit_code == 0, result.output
    identities = json.loads(result.output)
    assert {i["role"] for i in identities} == set(ROLES)
    for identity in identities:
        where = ROLES[identity["role"]]
        assert identity["subject"] and identity["name"] and identity[where], identity
    guardians = {i["subject"]: i for i in identities if i["role"] == "guardian"}
    assert guardians["guardian-hansen-1"]["family"] == "Familien Hansen"
    managers = [i for i in identities if i["role"] == "manager"]
    assert [(m["subject"], m["department"]) for m in managers] == [("staff-birgitte", "sof")]


def test_readme_lists_the_same_subjects(runner):
    printed = {i["subject"] for i in json.loads(runner.invoke(args=["demo-identities"]).output)}
    at_provider = {subject for subject, _claims in provider_users()}
    listed = readme_subjects()
    assert printed - listed == set(), "demo logins missing from the README"
    assert listed - at_provider == set(), "README lists logins the provider does not offer"
    # The refusal pages can be tried too: the README names those identities.
    assert {"citizen-low-assurance", "citizen-not-a-guardian", "staff-unknown"} <= listed
