"""The staff door: contact persons, caseworkers and managers. One module per feature (caseload,
family); each adds its routes to `bp`."""

from flask import Blueprint

from portal.doors import guard

bp = Blueprint("staff", __name__, url_prefix="/medarbejder")
bp.before_request(guard("staff"))

from portal.staff import (  # noqa: E402,F401  (routes register on bp)
    absences,
    caseload,
    family,
    handovers,
    management,
    meeting,
    meeting_changes,
    messages,
    times,
    updates,
)
