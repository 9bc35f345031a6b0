"""Logging in and out through the municipality's identity providers (OpenID Connect)."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from portal.auth import views  # noqa: E402,F401  (routes register on bp)
