"""The bundled development identity provider: `python -m portal.devidp`.

It runs as its own process (never inside the portal, never in production) and offers one-click
logins for the demo guardians and staff, with the claims the municipality's brokers send.

On top of `oidc-provider-mock` it behaves like the real brokers where the portal depends on it:

- single sign-on: after a login the provider remembers the person (a cookie per client, so the
  citizen and the staff door act as two providers), and the next authorization request logs the
  same person in without asking, until RP-initiated logout ends that session. This is what makes a
  logout that does not reach the provider visible on a shared phone.
- RP-initiated logout 1.0: `post_logout_redirect_uri` needs `client_id` or `id_token_hint`;
  `logout_hint` names the person on the confirmation page.
- optionally (`--claims-at-userinfo`) the ID token carries no profile claims, only the protocol
  ones, and everything else is served at the UserInfo endpoint, as OIDC Core allows for the
  authorization code flow.
"""

from __future__ import annotations

import argparse
import base64
import functools
import json
import os
import sys
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import flask
import oidc_provider_mock
from authlib.oauth2 import OAuth2Error
from itsdangerous import BadSignature, URLSafeSerializer
from joserfc import jwt
from joserfc.jwk import RSAKey
from werkzeug.serving import run_simple

from portal.config import DEV_IDP_URL
from portal.demo.identities import provider_users

MOCK = "oidc-provider-mock"  # the mock's blueprint: its endpoints are "oidc-provider-mock.<view>"
TOKEN_PATH = "/oauth2/token"  # noqa: S105 (a URL path, not a password)
SSO_COOKIE = "devidp_sso"  # not "session": the portal on the same host uses that name
SINGLE_SIGN_ON = "DEVIDP_SINGLE_SIGN_ON"
CLAIMS_AT_USERINFO = "DEVIDP_CLAIMS_AT_USERINFO"
PROTOCOL_CLAIMS = frozenset(
    {"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "azp", "at_hash", "sid"}
)

END_SESSION_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>End session – development identity provider</title></head>
<body><main>
<h1>End session</h1>
{% if problem %}<p>{{ problem }}</p>{% else %}
<p>Log {% if who %}<code>{{ who }}</code>{% else %}the current user{% endif %} out of the
development identity provider{% if client_id %} for <code>{{ client_id }}</code>{% endif %}?</p>
<form method="post" action="{{ url_for(confirm) }}">
  <input type="hidden" name="client_id" value="{{ client_id or '' }}">
  {% if redirect_uri -%}
  <input type="hidden" name="redirect_uri" value="{{ redirect_uri }}">
  {%- endif %}
  <button type="submit">End session</button>
</form>{% endif %}
</main></body>
</html>"""

SESSION_ENDED_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Session ended</title></head>
<body><main><h1>Session ended</h1></main></body></html>"""


def make_app(*, single_sign_on: bool = True, claims_at_userinfo: bool = False) -> flask.Flask:
    users = [oidc_provider_mock.User(sub=sub, claims=claims) for sub, claims in provider_users()]
    app = oidc_provider_mock.app(require_nonce=True, issue_refresh_token=False, user_claims=users)
    # Both switches stay changeable while the app runs (the tests flip them per test).
    app.config[SINGLE_SIGN_ON] = single_sign_on
    app.config[CLAIMS_AT_USERINFO] = claims_at_userinfo
    authorize = f"{MOCK}.authorize"
    app.view_functions[authorize] = with_single_sign_on(app.view_functions[authorize])
    app.view_functions[f"{MOCK}.end_session"] = end_session
    app.view_functions[f"{MOCK}.end_session_confirm"] = end_session_confirm
    app.after_request(profile_claims_only_at_userinfo)
    return app


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(flask.current_app.secret_key, salt=SSO_COOKIE)


def remembered_logins() -> dict[str, str]:
    """client id -> subject of the provider sessions this browser has."""
    raw = flask.request.cookies.get(SSO_COOKIE)
    if not raw:
        return {}
    try:
        value = _serializer().loads(raw)
    except BadSignature:
        return {}
    return value if isinstance(value, dict) else {}


def remember_logins(response: flask.Response, logins: dict[str, str]) -> None:
    if logins:
        response.set_cookie(SSO_COOKIE, _serializer().dumps(logins), httponly=True, samesite="Lax")
    else:
        response.delete_cookie(SSO_COOKIE)


def with_single_sign_on(authorize):
    @functools.wraps(authorize)
    def view():
        request = flask.request
        client_id = request.args.get("client_id", "")
        enabled = flask.current_app.config[SINGLE_SIGN_ON]
        remembered = remembered_logins().get(client_id) if enabled else None
        if request.method == "GET" and remembered and "login" not in request.args.get("prompt", ""):
            response = log_in_again(remembered)
            if response is not None:
                return response
        response = flask.make_response(authorize())
        subject = request.form.get("sub") if request.method == "POST" else None
        issued = response.status_code == 302 and "code=" in (response.location or "")
        if enabled and subject and issued:
            remember_logins(response, {**remembered_logins(), client_id: subject})
        return response

    return view


def log_in_again(subject: str):
    """Issue a code for the remembered person, as the mock does when its form is submitted."""
    storage = flask.g.oidc_provider_mock_storage
    user = storage.get_user(subject)
    if user is None:
        return None
    server = flask.g._authlib_authorization_server
    try:
        grant = server.get_consent_grant(end_user=user)
        response = server.handle_response(
            *grant.create_authorization_response(grant.redirect_uri, user)
        )
    except OAuth2Error:
        return None  # let the mock's own form explain what is wrong with the request
    storage.record_subject(subject)
    return response


def _unverified_claims(token: str | None) -> dict:
    try:
        payload = token.split(".")[1]
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (AttributeError, IndexError, ValueError):
        return {}


def end_session():
    values = flask.request.values
    audience = _unverified_claims(values.get("id_token_hint")).get("aud")
    if isinstance(audience, list):
        audience = audience[0] if audience else None
    client_id = values.get("client_id") or audience
    redirect_uri = values.get("post_logout_redirect_uri")
    problem = None
    if redirect_uri and not client_id:
        # RP-Initiated Logout 1.0, section 2: the OP must know whose redirect URI this is.
        problem = "post_logout_redirect_uri needs client_id or id_token_hint."
    if redirect_uri and values.get("state"):
        parts = urlsplit(redirect_uri)
        query = urlencode([*parse_qsl(parts.query), ("state", values["state"])])
        redirect_uri = urlunsplit(parts._replace(query=query))
    who = values.get("logout_hint") or remembered_logins().get(client_id or "")
    page = flask.render_template_string(
        END_SESSION_PAGE,
        problem=problem,
        who=who,
        client_id=client_id,
        redirect_uri=redirect_uri,
        confirm=f"{MOCK}.end_session_confirm",
    )
    return page, 400 if problem else 200


def end_session_confirm():
    client_id = flask.request.form.get("client_id")
    # Without a client id the whole provider session ends, as at a real single sign-on provider.
    remaining = {
        client: subject
        for client, subject in remembered_logins().items()
        if client_id and client != client_id
    }
    redirect_uri = flask.request.form.get("redirect_uri")
    if redirect_uri:
        response = flask.redirect(redirect_uri, code=303)
    else:
        response = flask.make_response(SESSION_ENDED_PAGE)
    remember_logins(response, remaining)
    return response


def profile_claims_only_at_userinfo(response: flask.Response) -> flask.Response:
    """In the "claims at UserInfo" set-up the ID token keeps only the protocol claims; the mock
    serves every claim at UserInfo anyway."""
    if not flask.current_app.config[CLAIMS_AT_USERINFO] or flask.request.path != TOKEN_PATH:
        return response
    body = response.get_json(silent=True) if response.status_code == 200 else None
    if not body or "id_token" not in body:
        return response
    header_b64, payload_b64 = body["id_token"].split(".")[:2]
    header = json.loads(base64.urlsafe_b64decode(header_b64 + "=" * (-len(header_b64) % 4)))
    claims = _unverified_claims(body["id_token"])
    key = RSAKey.import_key(flask.g.oidc_provider_mock_storage.jwk.as_dict(is_private=True))
    kept = {name: value for name, value in claims.items() if name in PROTOCOL_CLAIMS}
    body["id_token"] = jwt.encode(header, kept, key)
    response.set_data(json.dumps(body))
    return response


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("PORTAL_ENV") == "production":
        print("The development identity provider never runs in production.", file=sys.stderr)
        return 2
    address = urlsplit(os.environ.get("DEV_IDP_URL", DEV_IDP_URL))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=address.hostname or "127.0.0.1")
    parser.add_argument("--port", type=int, default=address.port or 9400)
    parser.add_argument(
        "--claims-at-userinfo",
        action="store_true",
        help="ID tokens carry only protocol claims; the rest come from the UserInfo endpoint",
    )
    parser.add_argument(
        "--no-single-sign-on",
        action="store_true",
        help="always show the login form, even right after a login",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")
    app = make_app(
        single_sign_on=not args.no_single_sign_on, claims_at_userinfo=args.claims_at_userinfo
    )
    run_simple(args.host, args.port, app, threaded=True, use_reloader=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
