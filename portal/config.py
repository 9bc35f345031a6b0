"""Configuration read from environment variables when the app is created (never at import time)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ENVIRONMENTS = ("development", "test", "production")
DEVELOPMENT_SECRET = "development-only-secret-key"  # noqa: S105 - refused in production
# Development-only switches: production refuses to start while any of them is on.
DEVELOPMENT_FEATURES = ("DEMO_DATA_COMMANDS", "DEV_IDENTITY_PROVIDER")


class ConfigError(RuntimeError):
    """The configuration is unsafe or incomplete for the chosen environment."""


@dataclass(frozen=True)
class EnvSetting:
    name: str
    meaning: str


# The README's configuration table is checked against this list by a test.
SETTINGS = (
    EnvSetting("PORTAL_ENV", "development | test | production (default development)"),
    EnvSetting("DATABASE_URL", "SQLAlchemy URL; default SQLite file under instance/"),
    EnvSetting("SECRET_KEY", "signs sessions and CSRF tokens; required in production"),
    EnvSetting(
        "PERSON_NUMBER_KEY", "key for the keyed hash of person numbers; required in production"
    ),
    EnvSetting("PREFERRED_URL_SCHEME", "http or https (default https in production)"),
    EnvSetting("DEMO_DATA_COMMANDS", "1 enables seed-demo (development only)"),
    EnvSetting(
        "DEV_IDENTITY_PROVIDER", "1 enables the bundled development login (development only)"
    ),
)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def from_environment(environ: dict[str, str], instance_path: Path) -> dict:
    """Build the Flask config mapping for `PORTAL_ENV` from `environ`."""
    env = environ.get("PORTAL_ENV", "development")
    if env not in ENVIRONMENTS:
        raise ConfigError(f"PORTAL_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}")
    production = env == "production"
    default_db = f"sqlite:///{instance_path / 'familieportalen.sqlite'}"
    config = {
        "PORTAL_ENV": env,
        "SECRET_KEY": environ.get("SECRET_KEY") or (None if production else DEVELOPMENT_SECRET),
        "PERSON_NUMBER_KEY": environ.get("PERSON_NUMBER_KEY")
        or (None if production else "development-person-number-key"),
        "SQLALCHEMY_DATABASE_URI": environ.get("DATABASE_URL", default_db),
        "PREFERRED_URL_SCHEME": environ.get(
            "PREFERRED_URL_SCHEME", "https" if production else "http"
        ),
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "BABEL_DEFAULT_LOCALE": "da",
        "WTF_CSRF_TIME_LIMIT": None,
        "TESTING": env == "test",
    }
    for feature in DEVELOPMENT_FEATURES:
        config[feature] = _flag(environ.get(feature)) if production else True
    return config


def check_production(config: dict) -> None:
    """Refuse to run production with development defaults or development-only features."""
    if config.get("PORTAL_ENV") != "production":
        return
    problems = []
    secret = config.get("SECRET_KEY") or ""
    if secret == DEVELOPMENT_SECRET or len(secret) < 32:
        problems.append("SECRET_KEY must be set to a random value of at least 32 characters")
    if not config.get("PERSON_NUMBER_KEY") or len(config["PERSON_NUMBER_KEY"]) < 32:
        problems.append("PERSON_NUMBER_KEY must be set to a random value of at least 32 characters")
    if str(config.get("SQLALCHEMY_DATABASE_URI", "")).startswith("sqlite"):
        problems.append("DATABASE_URL must point to PostgreSQL, not SQLite")
    problems += [
        f"{name} is a development-only feature" for name in DEVELOPMENT_FEATURES if config.get(name)
    ]
    if problems:
        raise ConfigError("Refusing to start in production: " + "; ".join(problems))
