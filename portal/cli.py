"""Operator and developer commands: `flask --app portal seed-demo`."""

from __future__ import annotations

import json

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from portal.extensions import db


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Load the offer catalogue, glossary and demo families (safe to run again)."""
    if not current_app.config["DEMO_DATA_COMMANDS"]:
        raise click.ClickException("demo data is switched off in this environment")
    from portal.demo.seed import seed_demo

    created = seed_demo(db.session, current_app.config["PERSON_NUMBER_KEY"])
    click.echo("Demo data loaded." if created else "Demo data was already there; nothing added.")


@click.command("demo-identities")
@with_appcontext
def demo_identities_command() -> None:
    """Print the demo logins of the development identity provider as JSON."""
    from portal.demo.identities import demo_identities

    click.echo(json.dumps(demo_identities(), ensure_ascii=False, indent=2))


def init_app(app: Flask) -> None:
    from portal.ops.volume import seed_load_command
    from portal.outbox.cli import outbox

    app.cli.add_command(seed_demo_command)
    app.cli.add_command(demo_identities_command)
    app.cli.add_command(outbox)
    app.cli.add_command(seed_load_command)
