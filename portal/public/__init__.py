"""The public door: pages anyone may read without logging in."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from portal.public import views  # noqa: E402,F401  (routes register on bp)
