"""One family in the staff pages: the picture the family sees, plus what only staff see."""

from __future__ import annotations

from flask import render_template

from portal.access import family_for
from portal.domain.clocks import copenhagen_today
from portal.reads.family import children_pictures, load_children, meetings_of, staff_statements
from portal.staff import bp


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
