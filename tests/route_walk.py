"""Walking every route of the portal: each route from app.url_map, filled with the real ids of
one family's rows (or fixed harmless values), once per method. The authorization matrix, the
audit walk and the routing tests share it, so a new route is walked by all of them."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from portal.models import (
    Case,
    Child,
    ChildOffer,
    Family,
    Meeting,
    Offer,
    PlanStep,
    Slot,
    Thread,
    Update,
)

# Arguments that are not rows of the family: harmless fixed values, per endpoint where it matters.
OTHER_VALUES = {
    ("i18n.choose_language", "code"): ["da"],
    ("static", "filename"): ["missing.css"],
    (None, "door"): ["citizen", "staff"],
    (None, "slug"): ["frist"],
    (None, "department"): ["sof"],
    ("feeds.calendar_feed", "token"): ["A" * 43],  # a calendar address nobody has
}
# Walked last, in this order: each may end the viewer's session.
SESSION_ENDING = ("auth.callback", "auth.expire", "auth.logout")


@dataclass
class Call:
    endpoint: str
    method: str
    url: str
    values: dict

    @property
    def door(self) -> str:
        return self.endpoint.split(".")[0]


def argument_values(endpoint: str, argument: str, rows: dict[str, list]) -> list:
    for key in ((endpoint, argument), (None, argument)):
        if key in OTHER_VALUES:
            return OTHER_VALUES[key]
    if argument in rows:
        return rows[argument]
    pytest.fail(
        f"{endpoint} takes <{argument}>: teach the walk which rows it names "
        "(OTHER_VALUES here, or the rows of the walked family)"
    )


def portal_calls(app, rows: dict[str, list], extra_family_ids=(), doors=None) -> list[Call]:
    """Every method of every route (of `doors`, blueprint names, if given), once per combination
    of the family's real values. With `extra_family_ids` (the viewer's own family), family routes
    are also walked with the target's other ids under the viewer's own family id."""
    from flask import url_for

    calls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if doors is not None and rule.endpoint.split(".")[0] not in doors:
                continue
            choices = {}
            for argument in sorted(rule.arguments):
                choices[argument] = list(argument_values(rule.endpoint, argument, rows))
                if argument == "family_id":
                    choices[argument] += list(extra_family_ids)
                if not choices[argument]:  # else the route would silently not be walked
                    pytest.fail(f"{rule.endpoint}: the family has no row for <{argument}>")
            for combination in itertools.product(*choices.values()):
                values = dict(zip(choices, combination, strict=True))
                url = url_for(rule.endpoint, **values)
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                    calls.append(Call(rule.endpoint, method, url, values))

    def order(call: Call):
        last = SESSION_ENDING.index(call.endpoint) if call.endpoint in SESSION_ENDING else -1
        return (last, call.endpoint, call.method, call.url)

    return sorted(calls, key=order)


def family_ids_of(session, family_id: int) -> dict[str, list]:
    """The route values of a seeded family, for walks that use the demo data."""
    family = session.get(Family, family_id)
    cases = session.scalars(select(Case).join(Child).where(Child.family_id == family_id)).all()
    stages = [s for c in cases for s in c.stages]
    meetings = session.scalars(select(Meeting).where(Meeting.family_id == family_id)).all()
    child_ids = [c.id for c in family.children]
    return {
        "family_id": [family_id],
        "child_id": child_ids,
        "case_id": [c.id for c in cases],
        "stage_id": [s.id for s in stages],
        "event_id": [e.id for c in cases for e in c.events],
        "adjustment_id": [a.id for s in stages for a in s.clock_adjustments],
        "update_id": session.scalars(select(Update.id).where(Update.family_id == family_id)).all(),
        "meeting_id": [m.id for m in meetings],
        "slot_id": session.scalars(select(Slot.id).where(Slot.family_id == family_id)).all(),
        "child_offer_id": session.scalars(
            select(ChildOffer.id).where(ChildOffer.child_id.in_(child_ids))
        ).all(),
        "guardian_id": [g.id for g in family.guardians],
        "step_id": session.scalars(
            select(PlanStep.id).where(PlanStep.child_id.in_(child_ids))
        ).all(),
        # The family's shared conversations (a parent's own ones only that parent opens, M2).
        "thread_id": session.scalars(
            select(Thread.id).where(Thread.family_id == family_id, Thread.guardian_id.is_(None))
        ).all(),
    }


def demo_family_rows(app, *, offer_code: bool = False) -> dict[str, list]:
    """`family_ids_of` the demo's Familien Hansen, read in the app's own context; with
    `offer_code`, an offer's code too, for the routes that name one."""
    from portal.extensions import db

    with app.app_context():
        hansen = db.session.scalar(
            select(Family.id).where(Family.display_name == "Familien Hansen")
        )
        rows = family_ids_of(db.session, hansen)
        if offer_code:
            rows["code"] = db.session.scalars(
                select(Offer.code).order_by(Offer.code).limit(1)
            ).all()
        db.session.remove()
    return rows


def send(client, call: Call, token: str | None):
    if call.door == "api":  # bearer-token clients: no cookie, no CSRF, JSON bodies
        return client.open(call.url, method=call.method, json={})
    if call.method == "GET":
        return client.get(call.url)
    return client.open(call.url, method=call.method, data={"csrf_token": token} if token else {})
