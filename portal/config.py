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


# Rate limits beyond login and API tokens: name -> (default, what is counted). Each action counts
# the person and the address apart (portal/rate_limits.py), in Redis when REDIS_URL is set.
RATE_LIMITS = {
    "LOGIN_PERSON_RATE_LIMIT": ("10 per minute;50 per day", "logins per person"),
    "BOOKING_RATE_LIMIT": ("10 per minute;100 per day", "booking, moving, cancelling per person"),
    "MESSAGE_RATE_LIMIT": ("20 per minute;200 per day", "messages and answers per person"),
    "FORM_ADDRESS_RATE_LIMIT": ("120 per minute", "bookings and messages per client address"),
    "API_RATE_LIMIT": ("1200 per minute", "API requests per API client"),
    "API_ADDRESS_RATE_LIMIT": ("3000 per minute", "API requests per client address"),
}

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
    EnvSetting("DEV_IDENTITY_PROVIDER", "1 enables the bundled development login (dev only)"),
    EnvSetting("DEV_IDP_URL", "address of the bundled development identity provider"),
    EnvSetting("CITIZEN_OIDC_METADATA_URL", "citizen identity broker's discovery document"),
    EnvSetting("CITIZEN_OIDC_CLIENT_ID", "the portal's client id at the citizen broker"),
    EnvSetting("CITIZEN_OIDC_CLIENT_SECRET", "the portal's client secret at the citizen broker"),
    EnvSetting("CITIZEN_OIDC_SCOPES", "scopes asked of the citizen broker"),
    EnvSetting("CITIZEN_PERSON_NUMBER_CLAIM", "claim carrying the person number (CPR)"),
    EnvSetting("CITIZEN_NAME_CLAIM", "claim carrying the citizen's name"),
    EnvSetting("CITIZEN_ASSURANCE_CLAIM", "claim carrying the NSIS assurance level"),
    EnvSetting("CITIZEN_MIN_ASSURANCE", "lowest accepted assurance level: Low, Substantial, High"),
    EnvSetting("STAFF_OIDC_METADATA_URL", "staff identity provider's discovery document"),
    EnvSetting("STAFF_OIDC_CLIENT_ID", "the portal's client id at the staff identity provider"),
    EnvSetting("STAFF_OIDC_CLIENT_SECRET", "the portal's client secret at the staff provider"),
    EnvSetting("STAFF_OIDC_SCOPES", "scopes asked of the staff identity provider"),
    EnvSetting("STAFF_SUBJECT_CLAIMS", "claims joined with ':' into the stable staff subject"),
    EnvSetting("STAFF_NAME_CLAIM", "claim carrying the staff member's name"),
    EnvSetting("STAFF_EMAIL_CLAIM", "claim carrying the staff member's e-mail address"),
    EnvSetting("STAFF_ROLES_CLAIM", "claim carrying the staff member's roles"),
    EnvSetting("STAFF_MANAGER_ROLE", "role value that makes a staff member a manager"),
    EnvSetting("STAFF_AUTO_CREATE", "1 creates unknown staff from the IdP's claims"),
    EnvSetting("STAFF_DEPARTMENT_CLAIM", "claim naming the department (buf or sof)"),
    EnvSetting("SESSION_IDLE_MINUTES", "log out after this many idle minutes (default 20)"),
    EnvSetting("SESSION_MAX_HOURS", "log out after this many hours whatever happens (default 8)"),
    EnvSetting("SESSION_WARNING_SECONDS", "warn this long before the idle logout (default 120)"),
    EnvSetting("REDIS_URL", "Redis for rate limits shared between processes; memory otherwise"),
    EnvSetting("LOGIN_RATE_LIMIT", "limit on login starts and callbacks per client address"),
    EnvSetting("TRUSTED_PROXIES", "reverse proxies in front whose X-Forwarded-* headers to trust"),
    EnvSetting("API_TOKEN_MINUTES", "lifetime of internal API access tokens (default 15)"),
    EnvSetting("API_TOKEN_RATE_LIMIT", "limit on API token requests per client address"),
    *(EnvSetting(name, f"{what} (default {value})") for name, (value, what) in RATE_LIMITS.items()),
    EnvSetting("PUBLIC_URL", "the portal's public address, for links in e-mails and SMS"),
    EnvSetting("SMTP_HOST", "mail server that sends notification e-mails"),
    EnvSetting("SMTP_PORT", "mail server port (default 25, or 587 with SMTP_STARTTLS)"),
    EnvSetting("SMTP_STARTTLS", "1 upgrades the mail connection with STARTTLS"),
    EnvSetting("SMTP_USERNAME", "user name at the mail server, if it asks for one"),
    EnvSetting("SMTP_PASSWORD", "password at the mail server"),
    EnvSetting("SMTP_TIMEOUT_SECONDS", "give up on a silent mail server after this (default 10)"),
    EnvSetting("MAIL_FROM", "sender of notification e-mails"),
    EnvSetting("SMS_GATEWAY_URL", "HTTP endpoint of the SMS gateway"),
    EnvSetting("SMS_GATEWAY_TOKEN", "bearer token for the SMS gateway"),
    EnvSetting("SMS_TIMEOUT_SECONDS", "give up on a silent SMS gateway after this (default 10)"),
    EnvSetting("OUTBOX_DIGEST_MINUTES", "at most one notification per guardian this often (15)"),
    EnvSetting("OUTBOX_URGENT_HOURS", "a meeting change this close to it goes at once (48)"),
    EnvSetting("MEETING_REMINDER_HOUR", "hour (Copenhagen) of the day-before reminder (18)"),
    EnvSetting("OUTBOX_LEASE_SECONDS", "a worker holds a send this long before another may (300)"),
    EnvSetting("OUTBOX_MAX_ATTEMPTS", "attempts before a delivery is marked failed (10)"),
    EnvSetting("OUTBOX_BACKOFF_SECONDS", "first retry delay, doubled per attempt, jittered (30)"),
    EnvSetting("OUTBOX_POLL_SECONDS", "how often an idle worker looks for due work (5)"),
    EnvSetting("MEETING_CHANGE_CUTOFF_HOURS", "parents move or cancel a meeting until then (24)"),
    EnvSetting("EMERGENCY_SOCIAL_PHONE", "social emergency service outside office hours"),
    EnvSetting("LOG_FORMAT", "json or text (default json in production, text otherwise)"),
    EnvSetting("LOG_LEVEL", "lowest level logged (default INFO)"),
    EnvSetting("DATABASE_POOL_SIZE", "PostgreSQL connections kept open per process (default 5)"),
    EnvSetting("DATABASE_MAX_OVERFLOW", "extra connections per process under load (default 5)"),
    EnvSetting("DATABASE_POOL_TIMEOUT", "seconds to wait for a free connection (default 10)"),
    EnvSetting("DATABASE_POOL_RECYCLE", "reopen connections older than this many seconds (1800)"),
    EnvSetting(
        "DATABASE_STATEMENT_TIMEOUT_MS",
        "PostgreSQL stops a statement (or its wait for a lock) after this long (5000; 0: never)",
    ),
)
# Parents may move or cancel a meeting until this many hours before it starts.
MEETING_CHANGE_CUTOFF_HOURS = 24
# Whom a family calls outside office hours when it cannot wait (Copenhagen's Socialvagt); the
# pages where families write to the municipality say so, since nobody reads messages at once.
EMERGENCY_SOCIAL_PHONE = "33 17 33 33"
# The outbox worker's settings (portal/outbox): name -> (default, type).
OUTBOX_DEFAULTS = {
    "OUTBOX_DIGEST_MINUTES": (15, float),
    "OUTBOX_URGENT_HOURS": (48, float),
    "MEETING_REMINDER_HOUR": (18, int),
    "OUTBOX_LEASE_SECONDS": (300, float),
    "OUTBOX_MAX_ATTEMPTS": (10, int),
    "OUTBOX_BACKOFF_SECONDS": (30, float),
    "OUTBOX_POLL_SECONDS": (5, float),
}
DEV_PUBLIC_URL = "http://127.0.0.1:5000"
DEV_MAIL_FROM = "Familieportalen <ikke-svar@familieportalen.localhost>"

OIDC_DEFAULTS = {
    "CITIZEN_OIDC_SCOPES": "openid profile",
    "CITIZEN_PERSON_NUMBER_CLAIM": "https://data.gov.dk/model/core/eid/cprNumber",
    "CITIZEN_NAME_CLAIM": "name",
    "CITIZEN_ASSURANCE_CLAIM": "https://data.gov.dk/concept/core/nsis/loa",
    "CITIZEN_MIN_ASSURANCE": "Substantial",
    "STAFF_OIDC_SCOPES": "openid profile email",
    "STAFF_SUBJECT_CLAIMS": "tid oid",
    "STAFF_NAME_CLAIM": "name",
    "STAFF_EMAIL_CLAIM": "email",
    "STAFF_ROLES_CLAIM": "roles",
    "STAFF_MANAGER_ROLE": "manager",
    "STAFF_DEPARTMENT_CLAIM": "department",
    "LOGIN_RATE_LIMIT": "30 per minute",
}
API_MAX_BODY_BYTES = 8 * 1024 * 1024  # a batch of 1,000 operations is well below this
# Every other request: a form with the longest text the pages take (5,000 characters,
# percent-encoded at up to 12 bytes each) is at most 60 KB, and no page takes files.
FORM_MAX_BODY_BYTES = 128 * 1024
FORM_MAX_PART_BYTES = 64 * 1024  # one text part of a multipart body
FORM_MAX_PARTS = 100  # parts of a multipart body
DEV_IDP_URL = "http://127.0.0.1:9400"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _count(environ: dict[str, str], name: str) -> int:
    value = environ.get(name, "0").strip() or "0"
    if not value.isdigit():
        raise ConfigError(f"{name} must be a whole number (0 or more), not {value!r}")
    return int(value)


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
        # Only development runs over plain http; test and production cookies travel over https only.
        "SESSION_COOKIE_SECURE": env != "development",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "BABEL_DEFAULT_LOCALE": "da",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Copenhagen",
        "WTF_CSRF_TIME_LIMIT": None,
        "TESTING": env == "test",
    }
    for feature in DEVELOPMENT_FEATURES:
        config[feature] = _flag(environ.get(feature)) if production else True
    config.update(_identity_settings(environ, config["DEV_IDENTITY_PROVIDER"]))
    config.update(
        SESSION_IDLE_MINUTES=int(environ.get("SESSION_IDLE_MINUTES", 20)),
        SESSION_MAX_HOURS=float(environ.get("SESSION_MAX_HOURS", 8)),
        SESSION_WARNING_SECONDS=int(environ.get("SESSION_WARNING_SECONDS", 120)),
        REDIS_URL=environ.get("REDIS_URL"),
        RATELIMIT_STORAGE_URI=environ.get("REDIS_URL") or "memory://",
        **_rate_limit_storage(environ.get("REDIS_URL")),
        API_TOKEN_MINUTES=float(environ.get("API_TOKEN_MINUTES", 15)),
        API_TOKEN_RATE_LIMIT=environ.get("API_TOKEN_RATE_LIMIT", "60 per minute"),
        **{name: environ.get(name) or default for name, (default, _) in RATE_LIMITS.items()},
        API_MAX_BODY_BYTES=API_MAX_BODY_BYTES,
        MAX_CONTENT_LENGTH=FORM_MAX_BODY_BYTES,
        MAX_FORM_MEMORY_SIZE=FORM_MAX_PART_BYTES,
        MAX_FORM_PARTS=FORM_MAX_PARTS,
        TRUSTED_PROXIES=_count(environ, "TRUSTED_PROXIES"),
    )
    config.update(_notification_settings(environ, production))
    config.update(_outbox_settings(environ))
    config.update(_logging_settings(environ, production))
    config["DATABASE_POOL"] = {
        option: _count(environ, name) if environ.get(name) else default
        for name, (option, default) in POOL_DEFAULTS.items()
    }
    config["DATABASE_STATEMENT_TIMEOUT_MS"] = (
        _count(environ, "DATABASE_STATEMENT_TIMEOUT_MS")
        if environ.get("DATABASE_STATEMENT_TIMEOUT_MS")
        else STATEMENT_TIMEOUT_MS
    )
    config["MEETING_CHANGE_CUTOFF_HOURS"] = _hours(environ, "MEETING_CHANGE_CUTOFF_HOURS")
    config["EMERGENCY_SOCIAL_PHONE"] = (
        environ.get("EMERGENCY_SOCIAL_PHONE") or ""
    ).strip() or EMERGENCY_SOCIAL_PHONE
    return config


def _logging_settings(environ: dict[str, str], production: bool) -> dict:
    log_format = (environ.get("LOG_FORMAT") or ("json" if production else "text")).strip().lower()
    if log_format not in ("json", "text"):
        raise ConfigError(f"LOG_FORMAT must be json or text, not {log_format!r}")
    return {"LOG_FORMAT": log_format, "LOG_LEVEL": (environ.get("LOG_LEVEL") or "INFO").upper()}


# The portal's queries are short index lookups: compiling them just in time costs far more than
# it saves (about 180 ms for the caseload at 10,000 families), and with the working set cached
# (or on SSD) a random page costs little more than a sequential one, so the planner uses the
# indexes instead of scanning whole tables. Set per connection, so no server change is needed.
POSTGRESQL_SESSION_OPTIONS = "-c jit=off -c random_page_cost=1.1"
# A slow or locked database answers "try again" within this long instead of holding a worker
# (gunicorn's timeout is 30 s); a page's statements take milliseconds.
STATEMENT_TIMEOUT_MS = 5000
# PostgreSQL pool per process: name -> (engine option, default).
POOL_DEFAULTS = {
    "DATABASE_POOL_SIZE": ("pool_size", 5),
    "DATABASE_MAX_OVERFLOW": ("max_overflow", 5),
    "DATABASE_POOL_TIMEOUT": ("pool_timeout", 10),
    "DATABASE_POOL_RECYCLE": ("pool_recycle", 1800),
}


def engine_options(config) -> dict:
    """A connection pool for PostgreSQL; SQLite keeps Flask-SQLAlchemy's own defaults. Worked
    out from the final configuration, so a database URL given by a test gets the same."""
    if not str(config["SQLALCHEMY_DATABASE_URI"]).startswith("postgresql"):
        return {}
    session_options = POSTGRESQL_SESSION_OPTIONS
    if config["DATABASE_STATEMENT_TIMEOUT_MS"]:
        session_options += f" -c statement_timeout={config['DATABASE_STATEMENT_TIMEOUT_MS']}"
    # pool_pre_ping: a connection the database or a proxy closed (failover, idle timeout) is
    # replaced before use instead of failing the request that drew it.
    return {
        "pool_pre_ping": True,
        "connect_args": {"options": session_options},
        **config["DATABASE_POOL"],
    }


def _rate_limit_storage(redis_url: str | None) -> dict:
    """With Redis down, each process counts in its own memory (Flask-Limiter logs a warning) and
    goes back to the shared counters when Redis answers again (it checks after 1, 2, 4 … 32 s).
    Short timeouts, so a Redis that does not answer costs a request a second, not a worker."""
    if not redis_url:
        return {}
    return {
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_STORAGE_OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


def _hours(environ: dict[str, str], name: str) -> float:
    value = (environ.get(name) or "").strip() or str(MEETING_CHANGE_CUTOFF_HOURS)
    try:
        hours = float(value)
    except ValueError:
        raise ConfigError(f"{name} must be a number of hours, not {value!r}") from None
    if not 0 <= hours < 24 * 365:
        raise ConfigError(f"{name} must be between 0 and a year's hours")
    return hours


def _outbox_settings(environ: dict[str, str]) -> dict:
    settings = {}
    for name, (default, kind) in OUTBOX_DEFAULTS.items():
        value = (environ.get(name) or "").strip() or str(default)
        try:
            settings[name] = kind(value)
        except ValueError:
            raise ConfigError(f"{name} must be a number, not {value!r}") from None
        if settings[name] < 0:
            raise ConfigError(f"{name} must not be negative")
    if settings["MEETING_REMINDER_HOUR"] > 23:
        raise ConfigError("MEETING_REMINDER_HOUR must be an hour from 0 to 23")
    return settings


def _notification_settings(environ: dict[str, str], production: bool) -> dict:
    """Where notification links point, and the mail server and SMS gateway that carry them."""
    starttls = _flag(environ.get("SMTP_STARTTLS"))
    return {
        "PUBLIC_URL": environ.get("PUBLIC_URL") or (None if production else DEV_PUBLIC_URL),
        "SMTP_HOST": environ.get("SMTP_HOST") or None,
        "SMTP_PORT": int(environ.get("SMTP_PORT") or (587 if starttls else 25)),
        "SMTP_STARTTLS": starttls,
        "SMTP_USERNAME": environ.get("SMTP_USERNAME") or None,
        "SMTP_PASSWORD": environ.get("SMTP_PASSWORD") or None,
        "SMTP_TIMEOUT_SECONDS": float(environ.get("SMTP_TIMEOUT_SECONDS") or 10),
        "MAIL_FROM": environ.get("MAIL_FROM") or (None if production else DEV_MAIL_FROM),
        "SMS_GATEWAY_URL": environ.get("SMS_GATEWAY_URL") or None,
        "SMS_GATEWAY_TOKEN": environ.get("SMS_GATEWAY_TOKEN") or None,
        "SMS_TIMEOUT_SECONDS": float(environ.get("SMS_TIMEOUT_SECONDS") or 10),
    }


def _identity_settings(environ: dict[str, str], dev_idp: bool) -> dict:
    """OIDC settings; in development both doors default to the bundled identity provider."""
    settings = {name: environ.get(name, default) for name, default in OIDC_DEFAULTS.items()}
    settings["STAFF_AUTO_CREATE"] = _flag(environ.get("STAFF_AUTO_CREATE"))
    settings["DEV_IDP_URL"] = environ.get("DEV_IDP_URL", DEV_IDP_URL)
    dev_metadata = f"{settings['DEV_IDP_URL']}/.well-known/openid-configuration"
    for door in ("CITIZEN", "STAFF"):
        settings[f"{door}_OIDC_METADATA_URL"] = environ.get(f"{door}_OIDC_METADATA_URL") or (
            dev_metadata if dev_idp else None
        )
        settings[f"{door}_OIDC_CLIENT_ID"] = environ.get(f"{door}_OIDC_CLIENT_ID") or (
            f"familieportalen-{door.lower()}" if dev_idp else None
        )
        settings[f"{door}_OIDC_CLIENT_SECRET"] = environ.get(f"{door}_OIDC_CLIENT_SECRET") or (
            "development-only" if dev_idp else None
        )
    return settings


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
    if config.get("PUBLIC_URL") and not str(config["PUBLIC_URL"]).startswith("https://"):
        problems.append("PUBLIC_URL must be an https address")
    problems += [
        f"{name} is a development-only feature" for name in DEVELOPMENT_FEATURES if config.get(name)
    ]
    if problems:
        raise ConfigError("Refusing to start in production: " + "; ".join(problems))
