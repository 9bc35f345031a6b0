"""The staff member's start: the families they work with."""

from __future__ import annotations

from flask import g, render_template

from portal.access import families_of, listed
from portal.staff import bp


@bp.get("/")
def caseload():
    # The families' names are family data: each listed family sees this look on its access log.
    families = listed(families_of(g.viewer), "staff caseload")
    return render_template("staff/caseload.html", families=families)
