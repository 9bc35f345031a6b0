"""The family door: what a guardian sees after logging in."""

from flask import Blueprint

from portal.doors import guard

bp = Blueprint("family", __name__)
bp.before_request(guard("guardian"))

from portal.family import views  # noqa: E402,F401  (routes register on bp)
