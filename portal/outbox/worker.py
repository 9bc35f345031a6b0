"""The worker's loop: fan out due events, then send due deliveries, until nothing is due;
then wait a little (`OUTBOX_POLL_SECONDS`) and look again, until stopped."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from flask import current_app

from portal.extensions import db
from portal.outbox.fanout import fan_out_due
from portal.outbox.sending import claim_deliveries, send_jobs
from portal.outbox.settings import Clock, OutboxSettings, system_clock

log = logging.getLogger("portal.outbox")


@dataclass
class Totals:
    events: int = 0
    sent: int = 0
    taken: int = 0  # deliveries taken up: sent, failed, skipped or to be tried again

    def __iadd__(self, other: Totals) -> Totals:
        self.events += other.events
        self.sent += other.sent
        self.taken += other.taken
        return self


def one_round(settings: OutboxSettings, clock: Clock = system_clock) -> Totals:
    """One batch of each: events fanned out, deliveries taken up. Needs an app context."""
    session = db.session
    events = fan_out_due(session, settings, clock)
    taken, jobs = claim_deliveries(session, settings, clock)
    sent = send_jobs(session, jobs, settings, clock, current_app.config) if jobs else 0
    return Totals(events=events, sent=sent, taken=taken)


def drain(
    settings: OutboxSettings,
    clock: Clock = system_clock,
    stop: threading.Event | None = None,
) -> Totals:
    """Rounds until nothing is due now (what waits for later stays waiting)."""
    totals = Totals()
    while not (stop and stop.is_set()):
        done = one_round(settings, clock)
        totals += done
        if not (done.events or done.taken):
            break
    return totals


def run(settings: OutboxSettings, stop: threading.Event, clock: Clock = system_clock) -> Totals:
    """Work until `stop` is set. A failing round (the database away, say) is logged and
    tried again after the poll interval; nothing is lost, as the work stays in the tables."""
    totals = Totals()
    while not stop.is_set():
        try:
            totals += drain(settings, clock, stop)
        except Exception:
            log.exception("outbox: a round failed; trying again shortly")
            db.session.rollback()
        finally:
            db.session.remove()
        stop.wait(settings.poll_seconds)
    return totals
