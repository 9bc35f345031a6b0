"""One child's page: their cases in plain words, what happened, their meetings and offers; and
one case's steps."""

from __future__ import annotations

from flask import render_template

from portal.access import case_for, family_for
from portal.domain.clocks import copenhagen_today
from portal.extensions import htmx
from portal.family import bp
from portal.reads.family import CASE_LOADING, children_pictures, meetings_of, story_of


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
    story = story_of(case, copenhagen_today())
    template = "family/_steps.html" if htmx else "family/case.html"
    return render_template(template, access=access, story=story, today=copenhagen_today())
