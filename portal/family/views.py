"""A guardian's overview, a child's page, one case's steps, and who has looked at their data."""

from __future__ import annotations

from flask import g, redirect, render_template, url_for

from portal.access import case_for, families_of, family_for, listed
from portal.domain.clocks import copenhagen_today
from portal.domain.explain import case_story
from portal.extensions import htmx
from portal.family import bp
from portal.family.picture import (
    CASE_LOADING,
    children_pictures,
    load_children,
    meetings_of,
    newest_updates,
    staff_looks,
)


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
    upcoming = meetings_of(access, upcoming_only=True, limit=1)
    return render_template(
        "family/family.html",
        access=access,
        today=today,
        children=children_pictures(access, load_children(access), today),
        next_meeting=upcoming[0] if upcoming else None,
        updates=newest_updates(access),
    )


@bp.get("/familier/<id:family_id>/boern/<id:child_id>")
def child(family_id: int, child_id: int):
    access, child = family_for(family_id, "child page", child_id=child_id)
    today = copenhagen_today()
    [picture] = children_pictures(access, [child], today)
    timeline = sorted(
        ((event, story) for story in picture.stories for event in story.family_events),
        key=lambda pair: pair[0].occurred_at,
        reverse=True,
    )
    return render_template(
        "family/child.html",
        access=access,
        picture=picture,
        child=child,
        timeline=timeline,
        meetings=meetings_of(access, with_cancelled=True),
        today=today,
    )


@bp.get("/familier/<id:family_id>/sager/<id:case_id>")
def case_steps(family_id: int, case_id: int):
    """One case's steps: a fragment swapped in place by htmx, a whole page without JavaScript."""
    access, case = case_for(family_id, case_id, "case steps", options=CASE_LOADING)
    story = case_story(case, copenhagen_today())
    template = "family/_steps.html" if htmx else "family/case.html"
    return render_template(template, access=access, story=story, today=copenhagen_today())


@bp.get("/familier/<id:family_id>/adgangslog")
def access_log(family_id: int):
    access, _ = family_for(family_id, "access log")
    return render_template("family/access_log.html", access=access, entries=staff_looks(access))
