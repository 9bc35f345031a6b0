"""`flask --app portal seed-load --families N`: volume data for benchmarks, written in bulk."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext

from portal.extensions import db


@click.command("seed-load")
@click.option("--families", type=click.IntRange(min=1), required=True, help="How many families.")
@click.option("--seed", type=int, default=14, show_default=True, help="Random seed.")
@click.option("--chunk", type=click.IntRange(min=1), default=500, show_default=True)
@with_appcontext
def seed_load_command(families: int, seed: int, chunk: int) -> None:
    """Add N generated families (with staff, cases, meetings, messages and audit) in bulk."""
    if not current_app.config["DEMO_DATA_COMMANDS"]:
        raise click.ClickException("demo data is switched off in this environment")
    from portal.records.bulk_load import load_volume

    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        click.echo(f"{done}/{total} families ({time.monotonic() - started:.1f} s)")

    try:
        result = load_volume(
            db.session,
            current_app.config["PERSON_NUMBER_KEY"],
            families,
            seed=seed,
            chunk=chunk,
            progress=progress,
        )
    except LookupError as error:
        raise click.ClickException(str(error)) from error
    figures = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    click.echo(f"Loaded {result.staff} staff and {figures} in {time.monotonic() - started:.1f} s.")
