"""Production serving settings: the PostgreSQL pool and the log format."""

from pathlib import Path

import pytest

from portal.config import ConfigError, from_environment

POSTGRES = "postgresql+psycopg://portal@db/portal"


def config(**environ):
    return from_environment(environ, Path("/nonexistent"))


def test_postgresql_gets_a_checked_pool_sized_from_the_environment():
    options = config(DATABASE_URL=POSTGRES, DATABASE_POOL_SIZE="2")["SQLALCHEMY_ENGINE_OPTIONS"]
    assert options["pool_pre_ping"] is True
    assert (options["pool_size"], options["max_overflow"]) == (2, 5)


def test_sqlite_keeps_its_own_defaults():
    assert config()["SQLALCHEMY_ENGINE_OPTIONS"] == {}


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
