"""Who has looked at the family's data: the access log."""

from __future__ import annotations

from flask import render_template

from portal.access import family_for
from portal.family import bp
from portal.reads.family import staff_looks


@bp.get("/familier/<id:family_id>/adgangslog")
def access_log(family_id: int):
    access, _ = family_for(family_id, "access log")
    return render_template("family/access_log.html", access=access, entries=staff_looks(access))
