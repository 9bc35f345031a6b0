"""Production serving settings: the PostgreSQL pool and the log format."""

from pathlib import Path

import pytest

from portal.config import ConfigError, engine_options, from_environment

POSTGRES = "postgresql+psycopg://portal@db/portal"


def config(**environ):
    return from_environment(environ, Path("/nonexistent"))


def test_postgresql_gets_a_checked_pool_sized_from_the_environment():
    options = engine_options(config(DATABASE_URL=POSTGRES, DATABASE_POOL_SIZE="2"))
    assert options["pool_pre_ping"] is True
    assert (options["pool_size"], options["max_overflow"]) == (2, 5)


def test_sqlite_keeps_its_own_defaults():
    assert engine_options(config()) == {}


@pytest.mark.parametrize(("value", "expected"), [(None, 5000), ("1500", 1500)])
def test_a_statement_stops_after_the_configured_time(value, expected):
    environ = {"DATABASE_URL": POSTGRES}
    if value:
        environ["DATABASE_STATEMENT_TIMEOUT_MS"] = value
    options = engine_options(config(**environ))["connect_args"]["options"]
    assert f"-c statement_timeout={expected}" in options


def test_no_statement_timeout_when_set_to_zero():
    options = engine_options(config(DATABASE_URL=POSTGRES, DATABASE_STATEMENT_TIMEOUT_MS="0"))
    assert "statement_timeout" not in options["connect_args"]["options"]


def test_a_pool_size_that_is_no_number_is_refused():
    with pytest.raises(ConfigError, match="DATABASE_POOL_SIZE"):
        config(DATABASE_URL=POSTGRES, DATABASE_POOL_SIZE="many")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"PORTAL_ENV": "production"}, "json"),
        ({}, "text"),
        ({"PORTAL_ENV": "test", "LOG_FORMAT": "JSON"}, "json"),
        ({"PORTAL_ENV": "production", "LOG_FORMAT": "text"}, "text"),
    ],
)
def test_logs_are_json_in_production_unless_told_otherwise(environ, expected):
    assert config(**environ)["LOG_FORMAT"] == expected


def test_an_unknown_log_format_is_refused():
    with pytest.raises(ConfigError, match="LOG_FORMAT"):
        config(LOG_FORMAT="xml")
