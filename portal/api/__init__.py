"""The internal API for the departments' case systems: /api/v1 (JSON) and /api/oauth/token.

One blueprint, exempt from CSRF (clients authenticate with bearer tokens, not cookies), with
its own error handlers so every error is problem+json and the HTML pages are untouched.
"""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from portal.api import oauth, problems
from portal.api.dispatch import register_endpoints
from portal.api.problems import ApiProblem, FieldError
from portal.extensions import limiter
from portal.records import RecordError
from portal.unavailable import DATABASE_UNAVAILABLE, render_unavailable

bp = Blueprint("api", __name__, url_prefix="/api")
URL_CREDENTIALS = {"access_token", "refresh_token", "client_secret"}


@bp.post("/oauth/token")
@limiter.limit(lambda: current_app.config["API_TOKEN_RATE_LIMIT"])
def token():
    """OAuth 2.0 token endpoint (client credentials, HTTP Basic client authentication)."""
    return oauth.issue_token()


@bp.get("/v1/openapi.json")
def openapi_json():
    from portal.api.openapi import openapi_document

    return jsonify(openapi_document())


def http_error(error: HTTPException):
    """OAuth clients read the token endpoint's errors in OAuth's format; the rest are problems."""
    if request.endpoint == "api.token":
        return oauth.error_response(error)
    return problems.from_http_exception(error)


@bp.before_request
def refuse_credentials_in_the_url():
    """Tokens and secrets in a URL end up in logs, proxies and browser histories (RFC 6750
    section 2.3), so they are refused, before anything else, without repeating them."""
    found = [name for name in request.args if name.lower() in URL_CREDENTIALS]
    if not found:
        return None
    detail = "send credentials in the Authorization header, never in the URL"
    if request.endpoint == "api.token":
        return oauth.refusal(400, "invalid_request", detail)
    errors = [FieldError(detail="refused: credentials in a URL", parameter=n) for n in found]
    challenge = f'Bearer realm="{oauth.REALM}", error="invalid_request"'
    raise ApiProblem(400, detail, errors, headers={"WWW-Authenticate": challenge})


register_endpoints(bp)
bp.register_error_handler(problems.ApiProblem, problems.handle_problem)
bp.register_error_handler(RecordError, problems.handle_record_error)
bp.register_error_handler(HTTPException, http_error)
for _kind in DATABASE_UNAVAILABLE:  # before the catch-all below: a 503, not a 500
    bp.register_error_handler(_kind, render_unavailable)
bp.register_error_handler(Exception, problems.handle_unexpected)


def init_app(app: Flask) -> None:
    from portal.api import cli
    from portal.extensions import csrf

    oauth.init_app(app)
    csrf.exempt(bp)
    cli.init_app(app)
