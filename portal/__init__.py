"""Familieportalen: one entry point for families with children helped by both BUF and SOF."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from portal.config import check_production, engine_options, from_environment
from portal.extensions import csrf, db, htmx, limiter, migrate
from portal.rate_limits import rate_limits_off

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    """Create the app from environment variables; `config` (e.g. from tests) overrides them."""
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    app.config.from_mapping(from_environment(dict(os.environ), Path(app.instance_path)))
    if config:
        app.config.update(config)
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", engine_options(app.config))
    check_production(app.config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from portal import (
        assets,
        compression,
        forms,
        glossary_links,
        i18n,
        links,
        log_redaction,
        request_limits,
        request_log,
        routing,
        security,
        transactions,
    )
    from portal.auth import providers, sessions

    log_redaction.install()
    request_log.init_app(app)
    if app.config["DEV_IDENTITY_PROVIDER"]:
        # The bundled identity provider speaks plain HTTP on loopback; never in production.
        os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    transactions.init_app(app)
    request_limits.init_app(app)  # before CSRFProtect, whose check reads the form
    csrf.init_app(app)
    htmx.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    assets.init_app(app)
    compression.init_app(app)  # after assets: it serves static/dist's pre-compressed twins
    forms.init_app(app)
    links.init_app(app)
    glossary_links.init_app(app)
    routing.init_app(app)  # before the blueprints: their rules use `<id:...>`
    init_rate_limits(app)
    providers.init_app(app)
    sessions.init_app(app)

    from portal import api, cli, errors, unavailable
    from portal.auth import bp as auth_bp
    from portal.family import bp as family_bp
    from portal.feeds import bp as feeds_bp
    from portal.ops import bp as ops_bp
    from portal.public import bp as public_bp
    from portal.staff import bp as staff_bp

    for blueprint in (ops_bp, public_bp, auth_bp, family_bp, feeds_bp, staff_bp, api.bp):
        app.register_blueprint(blueprint)
    api.init_app(app)
    errors.init_app(app)
    unavailable.init_app(app)
    cli.init_app(app)
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        # Behind N reverse proxies: the client address (rate limits, logs), https and the host
        # come from the X-Forwarded-* headers those proxies set; anyone else's are ignored.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    return app


# Flask-Limiter keeps one `enabled` switch per Limiter, not per app, so the last app created
# would decide for every app in the process (tests make several). The Limiter therefore stays
# on, and each request asks its own app whether limits apply (RATELIMIT_ENABLED, default on).
limiter.request_filter(rate_limits_off)


def init_rate_limits(app: Flask) -> None:
    app.config["PORTAL_RATE_LIMITS"] = app.config.get("RATELIMIT_ENABLED", True)
    app.config["RATELIMIT_ENABLED"] = True
    limiter.init_app(app)
