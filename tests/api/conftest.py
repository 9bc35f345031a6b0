"""Helpers for the internal API tests: an app with a database of their own, clients of BUF and
SOF with tokens, and plain factory functions for families and cases under fresh external ids
(tests never share records)."""

from __future__ import annotations

import base64
import secrets
import threading
import uuid
from dataclasses import dataclass, field

import pytest
from werkzeug.serving import make_server

from portal.api.oauth import SCOPES, create_client
from portal.extensions import db
from tests.conftest import migrated_app, own_database


@pytest.fixture(scope="session")
def api_database_url(tmp_path_factory):
    yield from own_database(tmp_path_factory, "api")


@pytest.fixture(scope="session")
def app(api_database_url):
    """The API tests' own app and database: the families and cases they send never reach the
    other tests, which count what the demo data holds."""
    yield from migrated_app(api_database_url)


def unique(prefix: str = "T") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def person_number() -> str:
    return f"{secrets.randbelow(10**10):010d}"


def basic_auth(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


@dataclass
class ApiUser:
    """A case system of one department, talking to the app through Flask's test client."""

    app: object
    department: str
    client_id: str
    secret: str
    token: str = ""
    responses: list = field(default_factory=list)

    def __post_init__(self):
        self.http = self.app.test_client()
        if not self.token:
            self.token = self.fetch_token()

    def fetch_token(self, scope: str | None = None) -> str:
        data = {"grant_type": "client_credentials"}
        if scope:
            data["scope"] = scope
        answer = self.http.post(
            "/api/oauth/token",
            data=data,
            headers={"Authorization": basic_auth(self.client_id, self.secret)},
        )
        assert answer.status_code == 200, answer.get_data(as_text=True)
        return answer.json["access_token"]

    def headers(self, key: str | None = None, token: str | None = None) -> dict:
        headers = {"Authorization": f"Bearer {token or self.token}"}
        if key is not False:
            headers["Idempotency-Key"] = key or str(uuid.uuid4())
        return headers

    def _keep(self, response):
        self.responses.append(response)
        return response

    def put(self, path: str, body, key: str | None = None, **kwargs):
        return self._keep(
            self.http.put("/api/v1" + path, json=body, headers=self.headers(key), **kwargs)
        )

    def post(self, path: str, body, key: str | None = None, **kwargs):
        return self._keep(
            self.http.post("/api/v1" + path, json=body, headers=self.headers(key), **kwargs)
        )

    def get(self, path: str, **params):
        return self._keep(
            self.http.get("/api/v1" + path, query_string=params, headers=self.headers(False))
        )


def make_api_user(app, department: str, scopes: list[str] | None = None) -> ApiUser:
    with app.app_context():
        row, secret = create_client(
            unique(f"test {department}"), department, scopes or list(SCOPES)
        )
        client_id = row.client_id
        db.session.remove()
    return ApiUser(app, department, client_id, secret)


@pytest.fixture(scope="session")
def buf(app) -> ApiUser:
    return make_api_user(app, "buf")


@pytest.fixture(scope="session")
def sof(app) -> ApiUser:
    return make_api_user(app, "sof")


def family_body(children: list[dict] | None = None, guardians: list[dict] | None = None) -> dict:
    return {
        "display_name": "Familien Test",
        "guardians": guardians
        if guardians is not None
        else [
            {"person_number": person_number(), "name": "Test Forælder", "access_level": "custody"}
        ],
        "children": children
        if children is not None
        else [
            {
                "external_id": unique("CHILD"),
                "person_number": person_number(),
                "first_name": "Test",
                "last_name": "Barn",
                "birth_date": "2015-03-02",
            }
        ],
    }


def new_family(api: ApiUser, **kwargs) -> tuple[str, dict]:
    """A fresh family under the department's own id; returns (family id, the body sent)."""
    family_id = unique("FAM")
    body = family_body(**kwargs)
    answer = api.put(f"/families/{family_id}", body)
    assert answer.status_code == 201, answer.get_data(as_text=True)
    return family_id, body


CASE_TYPES = {"buf": "ppr-vurdering", "sof": "boernefaglig-undersoegelse"}


def new_case(api: ApiUser, child_id: str | None = None) -> tuple[str, str]:
    """A fresh case of the department (for a fresh family unless a child is given)."""
    if child_id is None:
        _, body = new_family(api)
        child_id = body["children"][0]["external_id"]
    case_id = unique("CASE")
    answer = api.put(
        f"/departments/{api.department}/cases/{case_id}",
        {"child_id": child_id, "case_type": CASE_TYPES[api.department], "opened_on": "2025-01-06"},
    )
    assert answer.status_code == 201, answer.get_data(as_text=True)
    return case_id, child_id


def first_stage_code(app, department: str, case_type: str | None = None, position: int = 1):
    from sqlalchemy import select

    from portal.models import CaseType

    with app.app_context():
        row = db.session.scalar(
            select(CaseType).filter_by(code=case_type or CASE_TYPES[department])
        )
        code = row.stage_types[position - 1].code
        db.session.remove()
    return code


@pytest.fixture(scope="session")
def live_api(app):
    """The test app served over HTTP on a free loopback port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
