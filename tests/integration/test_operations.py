"""Liveness and readiness for the operator."""

from tests.conftest import make_app


def test_healthz_answers_while_the_process_lives(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_readyz_answers_when_the_database_does(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json["database"] == "ok"


def test_readyz_is_503_when_the_database_is_unreachable(tmp_path):
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"
    app = make_app(unreachable)
    client = app.test_client()
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json["database"] == "unreachable"
    assert client.get("/healthz").status_code == 200
