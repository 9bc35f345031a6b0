"""A staff member's caseload and the shared picture of one family."""

from __future__ import annotations

from flask import g, render_template
from sqlalchemy import select

from portal.access import families_of, family_for, listed
from portal.domain.clocks import copenhagen_today
from portal.domain.progress import current_holder, current_stage, deadline_of
from portal.extensions import db
from portal.models import Case, Child, Meeting
from portal.staff import bp


@bp.get("/")
def caseload():
    # The families' names are family data: each listed family sees this look on its access log.
    families = listed(families_of(g.viewer), "staff caseload")
    return render_template("staff/caseload.html", families=families)


@bp.get("/familier/<id:family_id>")
def family(family_id: int):
    access, _ = family_for(family_id, "staff family picture")
    today = copenhagen_today()
    cases = db.session.scalars(
        select(Case).join(Child).where(Child.family_id == family_id).order_by(Case.opened_on)
    ).all()
    rows = [
        {
            "case": case,
            "stage": current_stage(case),
            "holder": current_holder(case),
            "deadline": deadline_of(current_stage(case), today) if current_stage(case) else None,
        }
        for case in cases
    ]
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.family_id == family_id).order_by(Meeting.starts_at)
    ).all()
    return render_template(
        "staff/family.html", access=access, cases=rows, meetings=meetings, today=today
    )
