"""A guardian's family, children and the log of who has looked at their information."""

from __future__ import annotations

from datetime import date

from flask import g, redirect, render_template, url_for
from sqlalchemy import select

from portal.access import families_of, family_for
from portal.domain.progress import current_holder, current_stage, deadline_of, is_open
from portal.extensions import db
from portal.family import bp
from portal.models import AuditEntry, Case, ChildOffer, Meeting, Participant, Update


@bp.get("/overblik")
def overview():
    families = families_of(g.viewer)
    if len(families) == 1:
        return redirect(url_for("family.family", family_id=families[0].id))
    return render_template("family/choose.html", families=families)


@bp.get("/familier/<int:family_id>")
def family(family_id: int):
    access, _ = family_for(family_id, "family overview")
    updates = []
    if access.sees_case_content:
        updates = db.session.scalars(
            select(Update)
            .where(Update.family_id == family_id)
            .order_by(Update.posted_at.desc())
            .limit(5)
        ).all()
    return render_template("family/family.html", access=access, updates=updates)


def meetings_for(access) -> list[Meeting]:
    """Custody: all the family's meetings. Information only: meetings they are invited to."""
    query = select(Meeting).where(Meeting.family_id == access.family.id)
    if not access.sees_case_content:
        query = query.where(Meeting.participants.any(Participant.guardian_id == access.guardian.id))
    return db.session.scalars(query.order_by(Meeting.starts_at)).all()


@bp.get("/familier/<int:family_id>/boern/<int:child_id>")
def child(family_id: int, child_id: int):
    access, child = family_for(family_id, "child page", child_id=child_id)
    today = date.today()
    offers = db.session.scalars(
        select(ChildOffer).where(ChildOffer.child_id == child.id).order_by(ChildOffer.id)
    ).all()
    cases = []
    if access.sees_case_content:
        cases = db.session.scalars(
            select(Case).where(Case.child_id == child.id).order_by(Case.opened_on)
        ).all()
    else:
        offers = [o for o in offers if o.status == "started"]
    rows = [
        {
            "case": case,
            "stage": current_stage(case),
            "holder": current_holder(case),
            "deadline": deadline_of(current_stage(case), today) if current_stage(case) else None,
            "open": is_open(case),
        }
        for case in cases
    ]
    return render_template(
        "family/child.html",
        access=access,
        child=child,
        cases=rows,
        offers=offers,
        meetings=meetings_for(access),
        today=today,
    )


@bp.get("/familier/<int:family_id>/adgangslog")
def access_log(family_id: int):
    access, _ = family_for(family_id, "access log")
    entries = []
    if access.sees_case_content:
        entries = db.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.family_id == family_id, AuditEntry.actor_kind == "staff")
            .order_by(AuditEntry.occurred_at.desc())
            .limit(200)
        ).all()
    return render_template("family/access_log.html", access=access, entries=entries)
