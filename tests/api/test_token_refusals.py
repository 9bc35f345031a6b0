"""Forged and replayed API writes: every write operation the registry lists is sent with no
token, an unknown one, an expired one, a revoked one and one of a revoked client (401), by the
other department's client (403, or 404 where the address is the department's own id), and again
under a used Idempotency-Key with a different body (422). Every refusal is a problem document
and writes nothing: no table gains, loses or changes a row.

The operations come from portal/api/registry.py, so a new write fails here until this file
knows how to send it."""

from __future__ import annotations

import secrets
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import update

from portal.api.oauth import hash_token, revoke_client
from portal.api.registry import endpoints
from portal.extensions import db
from portal.models import ApiToken
from portal.models.base import utcnow
from tests.api.conftest import (
    CASE_TYPES,
    ApiUser,
    family_body,
    first_stage_code,
    make_api_user,
    new_case,
    new_family,
    unique,
)
from tests.database_state import row_counts, table_digests

PROBLEM = "application/problem+json"
WRITES = sorted(e.name for e in endpoints() if e.writes)
# The other department can address nothing of these, so there is nothing to refuse: a family is
# named by the caller's own id (what it sends is its own statement, access.md S1), and the
# glossary is shared by both departments (api.md, "Your department only").
SHARED = {"put_family", "put_glossary_term"}


@dataclass
class World:
    """What one department's system has sent: the records its writes name."""

    api: ApiUser
    family: str
    child: str
    case: str
    staff: str
    offer: str
    next_stage: str  # a stage type the case may move on to


def build_world(app, api: ApiUser) -> World:
    department = api.department
    family, body = new_family(api)
    child = body["children"][0]["external_id"]
    case, _ = new_case(api, child)
    stage = {"stage_type": first_stage_code(app, department), "started_on": "2025-01-06"}
    assert api.post(f"/departments/{department}/cases/{case}/stages", stage).status_code == 201
    staff = unique("STAFF")
    assert api.put(f"/departments/{department}/staff/{staff}", {"name": "Ejer"}).status_code == 201
    offer = unique("offer").lower()
    assert api.put(f"/offers/{offer}", offer_body(department, "Eget")).status_code == 201
    next_stage = first_stage_code(app, department, position=2)
    return World(api, family, child, case, staff, offer, next_stage)


def fresh_ids() -> dict[str, str]:
    """Ids nobody has used yet, for the writes that create."""
    fresh = {name: unique(name) for name in ("case", "adjustment", "event", "family")}
    fresh |= {name: unique(name) for name in ("staff", "meeting", "child_offer", "batch_staff")}
    codes = {"case_type": "casetype", "offer": "offer", "slug": "term"}  # a-z, 0-9 and -
    return fresh | {name: unique(prefix).lower() for name, prefix in codes.items()}


def offer_body(department: str | None, text: str) -> dict:
    return {
        "department": department,
        "name": {"da": f"Tilbud {text}"},
        "summary": {"da": "Om det."},
        "who_decides": {"da": "Skolen."},
        "how_to_ask": {"da": "Spørg skolen."},
    }


def write_requests(world: World, text: str, f: dict | None = None) -> dict[str, tuple]:
    """A valid request (method, path below /api/v1, body) for every write, naming the world's
    records and the ids `f` (fresh ones if not given); `text` goes into a field, so another
    text gives the same request with another body."""
    d = world.api.department
    f = f or fresh_ids()
    base = f"/departments/{d}"
    case = f"{base}/cases/{world.case}"
    return {
        "put_case": (
            "PUT",
            f"{base}/cases/{f['case']}",
            {"child_id": world.child, "case_type": CASE_TYPES[d], "opened_on": "2025-01-06"}
            | {"holder": {"team": f"Team {text}"}},
        ),
        "post_stage": (
            "POST",
            f"{case}/stages",
            {"stage_type": world.next_stage, "started_on": "2025-02-03"}
            | {"holder": {"team": f"Team {text}"}},
        ),
        "put_clock_adjustment": (
            "PUT",
            f"{case}/clock-adjustments/{f['adjustment']}",
            {"kind": "pause", "starts_on": "2025-02-10", "reason": {"da": f"Venter {text}."}},
        ),
        "put_case_event": (
            "PUT",
            f"{case}/events/{f['event']}",
            {
                "kind": "note",
                "visibility": "family",
                "occurred_at": "2025-02-01T10:00:00+01:00",
                "summary": {"da": f"Notat {text}."},
            },
        ),
        "put_case_type": (
            "PUT",
            f"{base}/case-types/{f['case_type']}",
            {
                "name": {"da": f"Sagstype {text}"},
                "stage_types": [{"code": "a", "name": {"da": "A"}, "citizen_text": {"da": "A"}}],
            },
        ),
        "put_offer": ("PUT", f"/offers/{f['offer']}", offer_body(d, text)),
        "put_glossary_term": (
            "PUT",
            f"/glossary/{f['slug']}",
            {"term": {"da": f"Ord {text}"}, "explanation": {"da": "Et ord."}},
        ),
        "put_family": (
            "PUT",
            f"/families/{f['family']}",
            family_body() | {"display_name": f"Familien {text}"},
        ),
        "put_contact_person": (
            "PUT",
            f"/families/{world.family}/contact-person",
            {"contact_person": {"department": d, "staff_id": world.staff}}
            if text == "first"
            else {"contact_person": None},
        ),
        "put_staff": ("PUT", f"{base}/staff/{f['staff']}", {"name": f"Medarbejder {text}"}),
        "put_meeting": (
            "PUT",
            f"{base}/meetings/{f['meeting']}",
            {
                "family_id": world.family,
                "kind": "samtale",
                "title": f"Møde {text}",
                "starts_at": "2025-03-01T10:00:00+01:00",
                "ends_at": "2025-03-01T11:00:00+01:00",
            },
        ),
        "put_child_offer": (
            "PUT",
            f"{base}/child-offers/{f['child_offer']}",
            {"child_id": world.child, "offer": world.offer, "status": "applied"}
            | {"provider": f"Udbyder {text}"},
        ),
        "post_batch": (
            "POST",
            "/batch",
            {
                "operations": [
                    {
                        "op": "put_staff",
                        "department": d,
                        "staff": f["batch_staff"],
                        "body": {"name": f"Medarbejder {text}"},
                    }
                ]
            },
        ),
    }


@pytest.fixture
def worlds(app) -> dict[str, World]:
    """Each test's own records of BUF and SOF, so no test's writes change another's."""
    return {d: build_world(app, make_api_user(app, d)) for d in CASE_TYPES}


# ---- what the database holds ------------------------------------------------------------------


class NothingWritten:
    """Row counts after every request, every row's content over the whole block."""

    def __init__(self, app):
        self.app = app
        self.problems: list[str] = []

    def __enter__(self):
        self.digests = table_digests(self.app)
        self.counts = row_counts(self.app)
        return self

    def check(self, where: str) -> None:
        now = row_counts(self.app)
        if now != self.counts:
            changed = {t: (self.counts[t], now[t]) for t in now if now[t] != self.counts[t]}
            self.problems.append(f"{where} changed row counts: {changed}")
            self.counts = now

    def __exit__(self, *exc):
        if exc[0] is None:
            after = table_digests(self.app)
            self.problems += [f"rows of {t} changed" for t in after if after[t] != self.digests[t]]


def send(api: ApiUser, request: tuple[str, str, dict], headers: dict):
    method, path, body = request
    return api.http.open("/api/v1" + path, method=method, json=body, headers=headers)


def problem_of(response, status: int, slug: str) -> str | None:
    """What is wrong with a refusal, or None."""
    if response.status_code != status:
        return f"{response.status_code}, expected {status}: {response.get_data(as_text=True)}"
    if response.mimetype != PROBLEM:
        return f"answered {response.mimetype}, not a problem document"
    found = response.json
    if found.get("status") != status or found.get("type") != f"urn:familieportalen:problem:{slug}":
        return f"problem {found.get('status')} {found.get('type')}, expected {slug}"
    return None


def test_the_walk_knows_every_write(worlds):
    assert len(WRITES) >= 13, WRITES
    assert sorted(write_requests(worlds["buf"], "first")) == WRITES, (
        "teach write_requests how to send the new write operation"
    )


# ---- tokens -------------------------------------------------------------------------------


def spoiled_user(app, how: str) -> ApiUser:
    """A buf client whose token is then expired or revoked, or whose client is revoked."""
    user = make_api_user(app, "buf")
    with app.app_context():
        if how == "revoked client's token":
            assert revoke_client(user.client_id)
        else:
            column = "expires_at" if how == "expired token" else "revoked_at"
            db.session.execute(
                update(ApiToken)
                .where(ApiToken.token_hash == hash_token(user.token))
                .values({column: utcnow() - timedelta(seconds=1)})
            )
            db.session.commit()
        db.session.remove()
    return user


def test_every_write_refuses_a_missing_expired_or_revoked_token(app, worlds):
    world = worlds["buf"]
    requests = write_requests(world, "first")
    authorizations = {
        "no token": None,
        "an unknown token": f"Bearer {secrets.token_urlsafe(32)}",
        "a bare Bearer scheme": "Bearer",
        "the token as Basic credentials": f"Basic {world.api.token}",
    }
    for how in ("expired token", "revoked token", "revoked client's token"):
        authorizations[f"an {how}" if how[0] == "e" else f"a {how}"] = (
            f"Bearer {spoiled_user(app, how).token}"
        )
    refused = Counter()
    with NothingWritten(app) as guard:
        for name, request in requests.items():
            for kind, authorization in authorizations.items():
                headers = {"Idempotency-Key": str(uuid.uuid4())}
                if authorization:
                    headers["Authorization"] = authorization
                answer = send(world.api, request, headers)
                where = f"{name} with {kind}"
                wrong = problem_of(answer, 401, "unauthorized")
                challenge = answer.headers.get("WWW-Authenticate", "")
                if wrong is None and not challenge.lower().startswith("bearer"):
                    wrong = f"the challenge is {challenge!r}, not Bearer"
                secret = (authorization or "").partition(" ")[2]
                if wrong is None and secret and secret in answer.get_data(as_text=True):
                    wrong = "the answer repeats the token"
                if wrong:
                    guard.problems.append(f"{where}: {wrong}")
                else:
                    refused[kind] += 1
                guard.check(where)
    assert not guard.problems, "\n".join(guard.problems)
    assert sum(refused.values()) == len(requests) * len(authorizations)
    # The same requests with the department's good token are written: the token was the reason.
    for name, request in requests.items():
        answer = send(world.api, request, world.api.headers())
        assert answer.status_code in (200, 201), (name, answer.get_data(as_text=True))


# ---- the other department ---------------------------------------------------------------------


def intrusions(owner: World, intruder: World) -> dict[str, tuple[tuple, int, str]]:
    """For every write the intruder can aim at the owner's records: (request, status, problem)."""
    requests = write_requests(owner, "intruder")
    found = {}
    for endpoint in endpoints():
        if not endpoint.writes or endpoint.name in SHARED:
            continue
        if endpoint.path.startswith("/departments/{department}/"):
            # The owner's own valid request, under the owner's department: 403 (access.md S3).
            found[endpoint.name] = (requests[endpoint.name], 403, "forbidden")
    # The owner's offer, as a joint offer or the intruder's own (api.md: only joint offers and
    # the glossary may be changed by both).
    offer = f"/offers/{owner.offer}"
    found["put_offer"] = (("PUT", offer, offer_body(None, "overtaget")), 403, "forbidden")
    found["put_offer as its own"] = (
        ("PUT", offer, offer_body(intruder.api.department, "overtaget")),
        403,
        "forbidden",
    )
    # The family's contact person, under the owner's id for the family: the intruder has no
    # family by that id (api.md: 404, no such record for your department).
    found["put_contact_person"] = (requests["put_contact_person"], 404, "not-found")
    # One operation of a batch on the owner's records refuses the whole batch.
    found["post_batch"] = (requests["post_batch"], 403, "forbidden")
    return found


@pytest.mark.parametrize("owner_name, intruder_name", [("buf", "sof"), ("sof", "buf")])
def test_the_other_department_cannot_write_the_departments_records(
    app, worlds, owner_name, intruder_name
):
    owner, intruder = worlds[owner_name], worlds[intruder_name]
    attempts = intrusions(owner, intruder)
    covered = {name.split()[0] for name in attempts}
    assert covered | SHARED == set(WRITES), "decide what the other department gets here"
    with NothingWritten(app) as guard:
        for name, (request, status, slug) in attempts.items():
            answer = send(intruder.api, request, intruder.api.headers())
            wrong = problem_of(answer, status, slug)
            if wrong:
                guard.problems.append(f"{name} by {intruder_name}: {wrong}")
            guard.check(name)
    assert not guard.problems, "\n".join(guard.problems)
    # The owner sends the very same requests and they are written: the department was the reason.
    for name, (request, _, _) in attempts.items():
        if name != "put_offer as its own":
            answer = send(owner.api, request, owner.api.headers())
            assert answer.status_code in (200, 201), (name, answer.get_data(as_text=True))


# ---- a used Idempotency-Key ---------------------------------------------------------------------


def test_a_used_key_with_a_different_body_is_refused_for_every_write(app, worlds):
    world = worlds["buf"]
    ids = fresh_ids()
    first = write_requests(world, "first", ids)
    second = write_requests(world, "second", ids)
    keys = {name: str(uuid.uuid4()) for name in first}
    answers = {}
    for name, request in first.items():
        answers[name] = send(world.api, request, world.api.headers(keys[name]))
        assert answers[name].status_code in (200, 201), answers[name].get_data(as_text=True)
    with NothingWritten(app) as guard:
        for name, request in second.items():
            assert request[:2] == first[name][:2] and request[2] != first[name][2], name
            answer = send(world.api, request, world.api.headers(keys[name]))
            wrong = problem_of(answer, 422, "idempotency-key-reused")
            if wrong is None and answer.json["errors"][0].get("header") != "Idempotency-Key":
                wrong = "the problem does not name the Idempotency-Key header"
            if wrong:
                guard.problems.append(f"{name}: {wrong}")
            guard.check(name)
            # The first request under its key still gets its first answer back, unchanged.
            again = send(world.api, first[name], world.api.headers(keys[name]))
            if again.get_data() != answers[name].get_data():
                guard.problems.append(f"{name}: the first request's replay answers differently")
            if again.headers.get("Idempotent-Replayed") != "true":
                guard.problems.append(f"{name}: the replay is not marked Idempotent-Replayed")
            guard.check(f"{name} replayed")
    assert not guard.problems, "\n".join(guard.problems)
