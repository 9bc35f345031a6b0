"""News from the contact person: the newest updates on the overview, all of them on their own
page, each in the guardian's page language when the author wrote it (else the Danish text,
marked as Danish, with a note on how to get it interpreted), and "Corrected on <date>" when it
was corrected. Only guardians with custody from the author's department see an update (G2,
`access.update_visible`); a parent with information only gets the page's 404.

When a guardian's page shows an update, the first time is noted for staff (docs/access.md U4,
`records.updates.mark_updates_read`). The page is a GET that writes, and still commits once:
the receipts are written after the page is rendered, in one unit of work by the guardian,
which also commits the page's audit entry (portal/transactions.py then finds nothing left).
Writing after rendering keeps the loaded rows fresh while the template reads them."""

from __future__ import annotations

from flask import Response, after_this_request, g, render_template

from portal.access import FamilyAccess, family_for
from portal.extensions import db
from portal.family import bp
from portal.reads.updates import NEWS_PAGE_LIMIT, family_updates
from portal.records import unit_of_work
from portal.records.guardians import guardian_actor
from portal.records.updates import mark_updates_read

OVERVIEW_LIMIT = 3


def shown_to_guardian(access: FamilyAccess, updates: list) -> list:
    """The updates a page shows, noted as read by the guardian once the page is ready."""
    guardian = access.guardian
    if guardian is None or not updates:
        return updates

    @after_this_request
    def note_reads(response: Response) -> Response:
        if response.status_code < 400 and not g.get("request_failed"):
            with unit_of_work(db.session, guardian_actor(g.viewer.name)) as unit:
                mark_updates_read(unit, guardian, updates)
        return response

    return updates


def newest_news(access: FamilyAccess) -> list:
    """The overview's news: the newest few updates the guardian sees, noted as read."""
    return shown_to_guardian(access, family_updates(access, OVERVIEW_LIMIT))


@bp.get("/familier/<id:family_id>/nyheder")
def updates(family_id: int):
    access, _ = family_for(family_id, "news", case_content=True)
    shown = shown_to_guardian(access, family_updates(access, NEWS_PAGE_LIMIT))
    return render_template("family/updates.html", access=access, updates=shown)
