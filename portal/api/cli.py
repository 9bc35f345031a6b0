"""Operator commands for API clients: `flask --app portal api-client create|list|revoke`."""

from __future__ import annotations

import json

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy import select

from portal.api.oauth import SCOPES, create_client, revoke_client
from portal.extensions import db
from portal.models import ApiClient, Department

api_client = AppGroup("api-client", help="Register, list and revoke the case systems' clients.")


@api_client.command("create")
@click.option("--name", required=True, help="Which system, e.g. 'BUF sagssystem (prod)'.")
@click.option("--department", required=True, type=click.Choice(["buf", "sof"]))
@click.option(
    "--scope",
    "scopes",
    multiple=True,
    type=click.Choice(list(SCOPES)),
    help="Repeat for several; default: all scopes.",
)
def create(name: str, department: str, scopes: tuple[str, ...]) -> None:
    """Print the new client as JSON; the secret is shown only this once."""
    client, secret = create_client(name, department, list(scopes) or list(SCOPES))
    click.echo(
        json.dumps(
            {
                "client_id": client.client_id,
                "client_secret": secret,
                "department": department,
                "scopes": client.scopes.split(),
            },
            indent=2,
        )
    )


@api_client.command("list")
def list_clients() -> None:
    """Print every client as JSON (never the secret)."""
    rows = db.session.execute(
        select(ApiClient, Department.code).join(Department).order_by(ApiClient.id)
    ).all()
    click.echo(
        json.dumps(
            [
                {
                    "client_id": client.client_id,
                    "name": client.name,
                    "department": code,
                    "scopes": client.scopes.split(),
                    "created_at": client.created_at.isoformat(),
                    "revoked_at": client.revoked_at.isoformat() if client.revoked_at else None,
                }
                for client, code in rows
            ],
            indent=2,
            ensure_ascii=False,
        )
    )


@api_client.command("revoke")
@click.argument("client_id")
def revoke(client_id: str) -> None:
    """Refuse the client from now on, and every token it holds."""
    if not revoke_client(client_id):
        raise click.ClickException(f"no client {client_id!r}")
    click.echo(f"Revoked {client_id}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(api_client)
