"""No log record carries a secret from a URL, whatever logged it and however it is formatted."""

from __future__ import annotations

import logging

import pytest

from portal.log_redaction import install, redact


@pytest.fixture(autouse=True)
def redacting():
    install()


@pytest.mark.parametrize(
    ("logged", "kept"),
    [
        ('"GET /api/v1/cases?access_token=abc123&limit=5 HTTP/1.1" 400 -', "limit=5"),
        ("/log-ind/citizen/svar?code=abc123&state=def456", "/log-ind/citizen/svar?"),
        ("/session/forny?next=%2Fx%3Faccess_token%3Dabc123%26y%3D1", "%26y%3D1"),
        ("https://idp.example/logout?id_token_hint=abc123.def456", "/logout?"),
        ("client_secret=abc123", "client_secret="),
    ],
)
def test_secrets_in_urls_are_redacted(logged, kept):
    cleaned = redact(logged)
    assert "abc123" not in cleaned and "def456" not in cleaned
    assert kept in cleaned


def test_other_parameters_are_left_alone():
    text = "/tilbud?postcode=2200&error_code=5&limit=10"
    assert redact(text) == text


def test_every_logger_and_argument_kind_is_redacted(caplog):
    caplog.set_level(logging.INFO)
    logging.getLogger("portal.example").warning("request %s", "/x?access_token=abc123")
    logging.getLogger("gunicorn.access").info("%(r)s", {"r": "GET /x?access_token=abc123"})
    logging.getLogger("portal.example").warning("failed: %s", OSError("/y?code=abc123"))
    logging.getLogger("portal.example").info("%d requests", 3)
    try:
        raise ValueError("https://idp.example/cb?code=abc123")
    except ValueError:
        logging.getLogger("portal.example").exception("callback failed")
    text = "\n".join(caplog.text.splitlines() + [r.getMessage() for r in caplog.records])
    assert "abc123" not in text
    assert "3 requests" in text and text.count("[redacted]") >= 4
