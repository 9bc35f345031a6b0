from pathlib import Path

import pytest

from portal.config import ConfigError, check_production, from_environment

STRONG = "x" * 40
PG = "postgresql://portal@db/portal"


def production(**env):
    base = {
        "PORTAL_ENV": "production",
        "SECRET_KEY": STRONG,
        "PERSON_NUMBER_KEY": STRONG,
        "DATABASE_URL": PG,
    }
    base.update(env)
    return from_environment(base, Path("/nonexistent"))


def test_a_complete_production_config_starts():
    config = production()
    check_production(config)
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["DEMO_DATA_COMMANDS"] is False


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"PERSON_NUMBER_KEY": ""}, "PERSON_NUMBER_KEY"),
        ({"DATABASE_URL": "sqlite:///portal.sqlite"}, "SQLite"),
        ({"DEMO_DATA_COMMANDS": "1"}, "DEMO_DATA_COMMANDS"),
        ({"DEV_IDENTITY_PROVIDER": "true"}, "DEV_IDENTITY_PROVIDER"),
    ],
)
def test_production_refuses_unsafe_settings(env, message):
    with pytest.raises(ConfigError, match=message):
        check_production(production(**env))


def test_production_without_database_url_refuses_the_sqlite_default():
    config = from_environment(
        {"PORTAL_ENV": "production", "SECRET_KEY": STRONG, "PERSON_NUMBER_KEY": STRONG},
        Path("/srv/instance"),
    )
    with pytest.raises(ConfigError, match="SQLite"):
        check_production(config)


def test_unknown_environment_is_refused():
    with pytest.raises(ConfigError, match="PORTAL_ENV"):
        from_environment({"PORTAL_ENV": "staging"}, Path("/tmp"))


def test_development_defaults_to_sqlite_in_the_instance_folder():
    config = from_environment({}, Path("/srv/instance"))
    assert config["SQLALCHEMY_DATABASE_URI"] == "sqlite:////srv/instance/familieportalen.sqlite"
    assert config["PORTAL_ENV"] == "development"
    check_production(config)  # not production: nothing to refuse


def test_create_app_refuses_production_with_defaults(monkeypatch):
    from portal import create_app

    monkeypatch.setenv("PORTAL_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError):
        create_app()


@pytest.mark.parametrize(
    ("environment", "secure"), [("development", False), ("test", True), ("production", True)]
)
def test_session_cookie_is_secure_outside_development(environment, secure):
    config = from_environment(
        {"PORTAL_ENV": environment, "SECRET_KEY": STRONG, "PERSON_NUMBER_KEY": STRONG},
        Path("/srv/instance"),
    )
    assert config["SESSION_COOKIE_SECURE"] is secure
    assert config["SESSION_COOKIE_HTTPONLY"] is True and config["SESSION_COOKIE_SAMESITE"] == "Lax"


@pytest.mark.parametrize(("value", "count"), [(None, 0), ("0", 0), ("2", 2), (" 1 ", 1)])
def test_trusted_proxies_is_a_count(value, count):
    env = {} if value is None else {"TRUSTED_PROXIES": value}
    assert from_environment(env, Path("/srv/instance"))["TRUSTED_PROXIES"] == count


@pytest.mark.parametrize("value", ["-1", "yes", "1.5"])
def test_trusted_proxies_must_be_a_whole_number(value):
    with pytest.raises(ConfigError, match="TRUSTED_PROXIES"):
        from_environment({"TRUSTED_PROXIES": value}, Path("/srv/instance"))


def test_staff_email_claim_is_configurable():
    assert from_environment({}, Path("/srv/instance"))["STAFF_EMAIL_CLAIM"] == "email"
    config = from_environment({"STAFF_EMAIL_CLAIM": "upn"}, Path("/srv/instance"))
    assert config["STAFF_EMAIL_CLAIM"] == "upn"
