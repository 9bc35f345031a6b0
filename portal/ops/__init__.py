"""Liveness and readiness for the operator's load balancer and orchestrator."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify

from portal.extensions import database_problem

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz():
    """The process lives and answers; says nothing about its dependencies."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    """Ready to serve: the database answers."""
    problem = database_problem()
    if problem:
        current_app.logger.warning("readiness check failed: %s", problem)
        return jsonify(status="unavailable", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
