"""A staff member's caseload and the shared picture of one family."""

from __future__ import annotations

from flask import g, render_template

from portal.access import families_of, family_for, listed
from portal.domain.clocks import copenhagen_today
from portal.family.picture import children_pictures, load_children, meetings_of, staff_statements
from portal.staff import bp


@bp.get("/")
def caseload():
    # The families' names are family data: each listed family sees this look on its access log.
    families = listed(families_of(g.viewer), "staff caseload")
    return render_template("staff/caseload.html", families=families)


@bp.get("/familier/<id:family_id>")
def family(family_id: int):
    """The picture the family sees (same loaders), as far as the staff member's departments
    show it, with what each department's system states about the guardians."""
    access, _ = family_for(family_id, "staff family picture")
    today = copenhagen_today()
    children = load_children(access)
    guardians, disagreements = staff_statements(access, children)
    return render_template(
        "staff/family.html",
        access=access,
        children=children_pictures(access, children, today),
        meetings=meetings_of(access),
        guardians=guardians,
        disagreements=disagreements,
        today=today,
    )
