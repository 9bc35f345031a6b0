"""The staff door: contact persons, caseworkers and managers."""

from flask import Blueprint

from portal.doors import guard
from portal.routing import register_with

bp = Blueprint("staff", __name__, url_prefix="/medarbejder")
bp.before_request(guard("staff"))
bp.record_once(register_with)  # before the routes below: they take `<id:...>` row ids

from portal.staff import views  # noqa: E402,F401  (routes register on bp)
