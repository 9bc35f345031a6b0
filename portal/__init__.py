"""Familieportalen: one entry point for families with children helped by both BUF and SOF."""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask

from portal.config import check_production, from_environment
from portal.extensions import csrf, db, htmx, migrate

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
    check_production(app.config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from portal import assets, i18n, security

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    htmx.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    assets.init_app(app)

    from portal import cli, errors
    from portal.ops import bp as ops_bp
    from portal.public import bp as public_bp

    app.register_blueprint(ops_bp)
    app.register_blueprint(public_bp)
    errors.init_app(app)
    cli.init_app(app)
    return app
