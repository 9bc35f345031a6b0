"""One family in the staff pages: the picture the family sees, plus what only staff see."""

from __future__ import annotations

from flask import render_template

from portal.access import family_for
from portal.domain.children import age_on
from portal.domain.clocks import copenhagen_today
from portal.reads.family import (
    ChildPicture,
    children_pictures,
    coming_preparations,
    load_children,
    meetings_of,
    newest_updates,
    staff_statements,
)
from portal.reads.notices import NOTICE_LIMIT, told
from portal.staff import bp


@bp.get("/familier/<id:family_id>")
def family(family_id: int):
    """The picture the family sees (same loaders), as far as the staff member's departments
    show it, with what only staff see: internal case events, what the family wrote before
    coming meetings, and the guardians' contact details and channel as each department's
    system states them. Every open leaves an audit entry on the family's access log."""
    access, _ = family_for(family_id, "staff family picture")
    today = copenhagen_today()
    children = load_children(access)
    guardians, disagreements = staff_statements(access, children)
    pictures = children_pictures(access, children, today)
    meetings = meetings_of(access, with_cancelled=True)
    # Whether each parent was told, about what this page shows (never the message).
    notices = told(
        family_id,
        [p.guardian.id for p in guardians],
        cases=[story.case for picture in pictures for story in picture.stories],
        meetings=meetings,
        offers=[offer for picture in pictures for offer in picture.offers],
        updates=newest_updates(access, limit=NOTICE_LIMIT),
    )
    return render_template(
        "staff/family.html",
        access=access,
        children=pictures,
        meetings=[m for m in meetings if m.status != "cancelled"],
        guardians=guardians,
        disagreements=disagreements,
        notices=notices,
        today=today,
        ages={picture.child.id: age_on(picture.child.birth_date, today) for picture in pictures},
        timeline=timeline(pictures),
        preparations=coming_preparations(access),
    )


def timeline(pictures: list[ChildPicture]) -> list[tuple]:
    """(event, case story, child) for every event of the cases the staff member sees, newest
    first: those the family sees and the internal ones (`visibility` "internal"), which the page
    marks as never shown to the family."""
    lines = [
        (event, story, picture.child)
        for picture in pictures
        for story in picture.stories
        for event in story.case.events
    ]
    return sorted(lines, key=lambda line: (line[0].occurred_at, line[0].id), reverse=True)
