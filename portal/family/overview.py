"""The guardian's start: which family (when they have more than one), then the family overview."""

from __future__ import annotations

from flask import g, redirect, render_template, url_for

from portal.access import families_of, family_for, listed
from portal.domain.clocks import copenhagen_today
from portal.family import bp
from portal.family.updates import newest_news
from portal.reads.family import children_pictures, load_children, meetings_of
from portal.reads.handovers import contact_news


@bp.get("/overblik")
def overview():
    families = families_of(g.viewer)
    if len(families) == 1:
        return redirect(url_for("family.family", family_id=families[0].id))
    return render_template("family/choose.html", families=listed(families, "family list"))


@bp.get("/familier/<id:family_id>")
def family(family_id: int):
    access, _ = family_for(family_id, "family overview")
    today = copenhagen_today()
    # The next meeting in full; the two after it by name, so a meeting just booked shows too.
    upcoming = meetings_of(access, upcoming_only=True, limit=3)
    return render_template(
        "family/family.html",
        access=access,
        today=today,
        children=children_pictures(access, load_children(access), today),
        next_meeting=upcoming[0] if upcoming else None,
        later_meetings=upcoming[1:],
        updates=newest_news(access),  # noted as read (portal/family/updates.py)
    )


@bp.context_processor
def contact_helpers() -> dict:
    """For family/_contact.html, on every page that shows the contact person: a recent
    hand-over and an absence going on today (docs/access.md H1, H3)."""
    return {"contact_news": lambda access: contact_news(access, copenhagen_today())}
