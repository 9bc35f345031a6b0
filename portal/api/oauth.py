"""OAuth 2.0 client credentials for the departments' case systems (Authlib).

A client authenticates with HTTP Basic at POST /api/oauth/token and gets a short-lived bearer
token carrying scopes. Secrets are stored as scrypt hashes, tokens as SHA-256: neither can be
read back from the database.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector
from authlib.oauth2 import OAuth2Error
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6750 import BearerTokenGenerator, BearerTokenValidator
from authlib.oauth2.rfc6750.errors import InsufficientScopeError
from flask import Flask, Response, current_app, g, request
from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import HTTPException
from werkzeug.security import check_password_hash, generate_password_hash

from portal.api.problems import ApiProblem
from portal.extensions import db
from portal.models import ApiClient, ApiToken, Department
from portal.models.base import utcnow
from portal.rate_limits import address_key, retry_after_seconds
from portal.records import Actor

SCOPES = {
    "read": "read back what the department's system wrote",
    "families:write": "families, guardians, children and contact persons",
    "staff:write": "the department's staff members",
    "cases:write": "cases, stage changes, clock pauses and extensions, case events",
    "meetings:write": "meetings and participants",
    "offers:write": "a child's offers",
    "catalogue:write": "case types, the offer catalogue and the glossary",
}
DEFAULT_TOKEN_MINUTES = 15
REALM = "familieportalen-api"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class OAuthClient:
    """Authlib's view of an API client row (never shows its secret hash in logs)."""

    row: ApiClient

    def __repr__(self) -> str:
        return f"<OAuthClient {self.row.client_id}>"

    def get_client_id(self) -> str:
        return self.row.client_id

    def get_default_redirect_uri(self) -> None:
        return None

    def get_allowed_scope(self, scope: str | None) -> str | None:
        allowed = self.row.scopes.split()
        if not scope:
            return " ".join(allowed)
        wanted = scope.split()
        return " ".join(wanted) if set(wanted) <= set(allowed) else None

    def check_redirect_uri(self, redirect_uri) -> bool:
        return False

    def check_client_secret(self, client_secret: str) -> bool:
        return check_password_hash(self.row.secret_hash, client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "client_secret_basic"

    def check_response_type(self, response_type) -> bool:
        return False

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "client_credentials"


class ClientCredentialsGrant(grants.ClientCredentialsGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic"]


def query_client(client_id: str) -> OAuthClient | None:
    row = db.session.scalar(
        select(ApiClient).where(ApiClient.client_id == client_id, ApiClient.revoked_at.is_(None))
    )
    return OAuthClient(row) if row else None


def save_token(token: dict, request) -> None:
    client: OAuthClient = request.client
    now = utcnow()
    db.session.add(
        ApiToken(
            token_hash=hash_token(token["access_token"]),
            api_client_id=client.row.id,
            scopes=token.get("scope", ""),
            issued_at=now,
            expires_at=now + timedelta(seconds=token["expires_in"]),
        )
    )
    db.session.commit()


def _expires_in(client, grant_type) -> int:
    return int(current_app.config["API_TOKEN_MINUTES"] * 60)


def _access_token(**kwargs) -> str:
    return secrets.token_urlsafe(32)


@dataclass
class IssuedToken:
    """A stored token as Authlib's validator sees it."""

    row: ApiToken

    def is_expired(self) -> bool:
        return self.row.expires_at <= utcnow()

    def is_revoked(self) -> bool:
        return self.row.revoked_at is not None or self.row.api_client.revoked_at is not None

    def get_scope(self) -> str:
        return self.row.scopes


class TokenValidator(BearerTokenValidator):
    def authenticate_token(self, token_string: str) -> IssuedToken | None:
        # Looked up once per request: the rate limit (`client_key`) asks before the view does.
        known = g.setdefault("api_tokens", {})
        if token_string not in known:
            known[token_string] = db.session.scalar(
                select(ApiToken)
                .where(ApiToken.token_hash == hash_token(token_string))
                .options(joinedload(ApiToken.api_client))
            )
        row = known[token_string]
        return IssuedToken(row) if row else None


def client_key() -> str:
    """Whom an API request counts against: the client behind a bearer token that is known
    (expired or not), else the address. A database that does not answer leaves it to the
    address; the view then answers 503."""
    scheme, _, token_string = (request.headers.get("Authorization") or "").partition(" ")
    issued = None
    if scheme.lower() == "bearer" and token_string.strip():
        try:
            issued = TokenValidator().authenticate_token(token_string.strip())
        except SQLAlchemyError:
            db.session.rollback()
            g.pop("api_tokens", None)
    if issued is None:
        return address_key()
    return f"api-client:{issued.row.api_client_id}"


require_token = ResourceProtector()
require_token.register_token_validator(TokenValidator(realm=REALM))


def authenticate(scope: str | None) -> tuple[ApiClient, Actor]:
    """The API client behind the request's bearer token, if it carries `scope`; else a
    401 or 403 problem. The token's scopes are kept in `g.api_scopes`, the client's department
    in `g.api_department`."""
    try:
        token: IssuedToken = require_token.acquire_token([scope] if scope else None)
    except InsufficientScopeError:
        raise ApiProblem(403, f"the token lacks the scope {scope!r}") from None
    except OAuth2Error as error:
        headers = dict(error.get_headers())
        raise ApiProblem(
            401, "send a valid, unexpired bearer token", headers=headers, slug="unauthorized"
        ) from None
    g.api_scopes = set(token.get_scope().split())
    client = token.row.api_client
    department = db.session.get(Department, client.department_id)
    g.api_department = department  # the client's department row, for the request's writes
    actor = Actor(
        kind="api",
        name=client.name,
        department_id=department.id,
        department_code=department.code,
        actor_id=client.id,
    )
    return client, actor


def create_client(name: str, department_code: str, scopes: list[str]) -> tuple[ApiClient, str]:
    """Register a case system; returns the row and the secret (shown once, stored hashed)."""
    department = db.session.scalar(select(Department).filter_by(code=department_code))
    if department is None:
        raise ValueError(f"unknown department {department_code!r}")
    unknown = set(scopes) - set(SCOPES)
    if unknown:
        raise ValueError(f"unknown scopes: {', '.join(sorted(unknown))}")
    secret = secrets.token_urlsafe(32)
    client = ApiClient(
        client_id=f"{department_code}-{secrets.token_hex(8)}",
        name=name,
        department_id=department.id,
        secret_hash=generate_password_hash(secret),
        scopes=" ".join(scopes),
    )
    db.session.add(client)
    db.session.commit()
    return client, secret


def revoke_client(client_id: str) -> bool:
    """Refuse the client and every token it holds from now on."""
    client = db.session.scalar(select(ApiClient).filter_by(client_id=client_id))
    if client is None:
        return False
    now = utcnow()
    client.revoked_at = client.revoked_at or now
    db.session.execute(
        update(ApiToken)
        .where(ApiToken.api_client_id == client.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    db.session.commit()
    return True


def issue_token():
    """The token endpoint's answer (RFC 6749 JSON, as OAuth client libraries expect)."""
    return current_app.extensions["api_authorization"].create_token_response()


def error_response(error: HTTPException) -> Response:
    """An HTTP error at the token endpoint (too large, too many, wrong method) in the OAuth
    error format its clients parse (RFC 6749 section 5.2). OAuth has no code for a rate limit;
    `temporarily_unavailable` (RFC 6749 section 4.1.2.1) says "try again later", and
    Retry-After says when."""
    status = error.code or 500
    headers = {}
    if status == 405 and getattr(error, "valid_methods", None):
        headers["Allow"] = ", ".join(error.valid_methods)
    if status == 429:
        seconds = retry_after_seconds(error)
        headers["Retry-After"] = str(seconds)
        description = f"too many token requests; try again in {seconds} seconds"
        return refusal(status, "temporarily_unavailable", description, headers)
    if status == 413:
        return refusal(status, "invalid_request", "the request is too large", headers)
    if status >= 500:
        return refusal(status, "server_error", "something went wrong on our side", headers)
    return refusal(status, "invalid_request", f"{status} {error.name}", headers)


def refusal(status: int, code: str, description: str, headers: dict | None = None) -> Response:
    body = json.dumps({"error": code, "error_description": description})
    headers = {"Cache-Control": "no-store", "Pragma": "no-cache"} | (headers or {})
    return Response(body, status=status, mimetype="application/json", headers=headers)


def init_app(app: Flask) -> None:
    server = AuthorizationServer(app, query_client=query_client, save_token=save_token)
    server.register_grant(ClientCredentialsGrant)
    server.register_token_generator(
        "default", BearerTokenGenerator(_access_token, expires_generator=_expires_in)
    )
    server.scopes_supported = list(SCOPES)
    app.extensions["api_authorization"] = server
    # Authlib logs each issued token at DEBUG; tokens are secrets and never go into logs.
    logging.getLogger("authlib.oauth2.rfc6749.grants.client_credentials").setLevel(logging.INFO)
