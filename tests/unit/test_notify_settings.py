"""The settings of the notification channels, read from the environment like all others."""

from pathlib import Path

import pytest

from portal.config import ConfigError, check_production, from_environment

INSTANCE = Path("/srv/instance")
STRONG = "x" * 40


def test_development_defaults_link_to_the_local_portal_and_send_nowhere():
    config = from_environment({}, INSTANCE)
    assert config["PUBLIC_URL"] == "http://127.0.0.1:5000"
    assert config["SMTP_HOST"] is None and config["SMS_GATEWAY_URL"] is None
    assert config["SMTP_PORT"] == 25 and config["SMTP_STARTTLS"] is False
    assert config["SMTP_TIMEOUT_SECONDS"] == 10 and config["SMS_TIMEOUT_SECONDS"] == 10
    assert config["MAIL_FROM"].endswith("@familieportalen.localhost>")


def test_settings_come_from_the_environment():
    config = from_environment(
        {
            "PUBLIC_URL": "https://familieportalen.kk.dk",
            "SMTP_HOST": "smtp.kk.dk",
            "SMTP_STARTTLS": "1",
            "SMTP_USERNAME": "portal",
            "SMTP_PASSWORD": "secret",
            "SMTP_TIMEOUT_SECONDS": "2.5",
            "MAIL_FROM": "Familieportalen <ikke-svar@familieportalen.kk.dk>",
            "SMS_GATEWAY_URL": "https://sms.example/messages",
            "SMS_GATEWAY_TOKEN": "token",
            "SMS_TIMEOUT_SECONDS": "3",
        },
        INSTANCE,
    )
    assert config["SMTP_PORT"] == 587  # the submission port when STARTTLS is on
    assert config["SMTP_TIMEOUT_SECONDS"] == 2.5 and config["SMS_TIMEOUT_SECONDS"] == 3
    assert config["SMTP_USERNAME"] == "portal" and config["SMS_GATEWAY_TOKEN"] == "token"
    assert from_environment({"SMTP_PORT": "2525"}, INSTANCE)["SMTP_PORT"] == 2525


def production(**env) -> dict:
    base = {
        "PORTAL_ENV": "production",
        "SECRET_KEY": STRONG,
        "PERSON_NUMBER_KEY": STRONG,
        "DATABASE_URL": "postgresql://portal@db/portal",
    }
    return from_environment({**base, **env}, INSTANCE)


def test_production_has_no_development_addresses():
    config = production()
    assert config["PUBLIC_URL"] is None and config["MAIL_FROM"] is None


def test_production_links_must_be_https():
    check_production(production(PUBLIC_URL="https://familieportalen.kk.dk"))
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        check_production(production(PUBLIC_URL="http://familieportalen.kk.dk"))
