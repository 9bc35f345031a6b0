"""`flask --app portal outbox work|status|failed|retry`: the worker and the operator's view."""

from __future__ import annotations

import logging
import signal
import threading

import click
from flask import current_app
from flask.cli import AppGroup

from portal.extensions import db
from portal.outbox import report
from portal.outbox.settings import OutboxSettings, system_clock
from portal.outbox.worker import drain, run

outbox = AppGroup("outbox", help="Deliver notifications to families, and see how it goes.")


@outbox.command("work")
@click.option("--once", is_flag=True, help="Deliver what is due now, then stop.")
def work_command(once: bool) -> None:
    """Fan out events and send notifications until stopped (SIGTERM or Ctrl-C end it after
    the send in hand). Run as many as you like, on as many hosts, over one PostgreSQL."""
    _log_to_stderr()
    settings = OutboxSettings.from_config(current_app.config)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    if once:
        totals = drain(settings, system_clock, stop)
        db.session.remove()
    else:
        click.echo("outbox worker running; stop it with Ctrl-C")
        totals = run(settings, stop)
    click.echo(
        f"outbox: {totals.events} events fanned out, {totals.sent} notifications sent, "
        f"{totals.taken} deliveries taken up"
    )


@outbox.command("status")
def status_command() -> None:
    """Counts by state, and the oldest event and delivery still waiting."""
    found = report.status(db.session)
    now = system_clock()

    def line(title: str, counts: dict[str, int]) -> str:
        return f"{title}: " + ", ".join(f"{name} {count}" for name, count in counts.items())

    click.echo(line("events", found.events))
    click.echo(line("deliveries", found.deliveries))
    for title, oldest in (("event", found.oldest_event), ("delivery", found.oldest_delivery)):
        if oldest is None:
            click.echo(f"oldest waiting {title}: none")
        else:
            age = _minutes(now - oldest.created_at)
            click.echo(
                f"oldest waiting {title}: #{oldest.id} ({oldest.kind}), created {age} ago, "
                f"due {oldest.due.isoformat(timespec='seconds')}"
            )


@outbox.command("failed")
def failed_command() -> None:
    """Failed deliveries (and events that could not be fanned out), newest first."""
    deliveries = report.failed_deliveries(db.session)
    events = report.failed_events(db.session)
    if not deliveries and not events:
        click.echo("Nothing has failed.")
    for d in deliveries:
        when = d.last_attempt_at.isoformat(timespec="seconds") if d.last_attempt_at else "-"
        click.echo(
            f"delivery {d.id}  reference {d.reference}  guardian {d.guardian_id}  "
            f"{d.channel or '-'}  attempts {d.attempts}  last {when}  {d.last_error or ''}"
        )
    for e in events:
        click.echo(f"event {e.id}  {e.kind}  attempts {e.attempts}  {e.last_error or ''}")
    if deliveries or events:
        click.echo("Send one again with: flask --app portal outbox retry ID (--event for events)")


@outbox.command("retry")
@click.argument("item_id", type=int)
@click.option("--event", is_flag=True, help="ID is a failed event, not a delivery.")
def retry_command(item_id: int, event: bool) -> None:
    """Try a failed delivery (or event) again."""
    retry = report.retry_event if event else report.retry_delivery
    what = "event" if event else "delivery"
    if not retry(db.session, item_id, system_clock()):
        raise click.ClickException(f"there is no failed {what} {item_id}")
    click.echo(f"{what} {item_id} will be tried again by the next worker round")


def _minutes(delta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"


def _log_to_stderr() -> None:
    logger = logging.getLogger("portal.outbox")
    if not logger.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
