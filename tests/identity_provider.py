"""The bundled development identity provider, served over HTTP on loopback for the tests, with a
switch that makes it misbehave (tampered, unsigned or wrong ID tokens, a UserInfo answer about
someone else or none at all) the way an attacker or a broken broker would, and switches for how a
well-behaved provider may differ (single sign-on, profile claims only at UserInfo). The portal
sees it only through real HTTP, like the real brokers."""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

import flask
import httpx
from joserfc import jwt
from joserfc.jwk import RSAKey
from werkzeug.serving import make_server

from portal.devidp import CLAIMS_AT_USERINFO, SINGLE_SIGN_ON, SSO_COOKIE, TOKEN_PATH, make_app

USERINFO_PATH = "/userinfo"
# Misbehaviour at the UserInfo endpoint; every other mode is done to the ID token.
USERINFO_MODES = {
    "userinfo_other_subject": lambda body: {**body, "sub": "someone-else"},
    "userinfo_error": None,  # answers 500
}


@dataclass
class Misbehaviour:
    """What to do to the next ID tokens the provider hands out; None = behave."""

    mode: str | None = None
    storage: object = field(default=None, repr=False)


def _b64(data: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _first(value):
    return value[0] if isinstance(value, list) else value


def _reissue(id_token: str, mode: str, storage) -> str:
    header_b64, payload_b64, signature = id_token.split(".")
    import base64

    claims = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
    header = json.loads(base64.urlsafe_b64decode(header_b64 + "=" * (-len(header_b64) % 4)))
    real_key = RSAKey.import_key(storage.jwk.as_dict(is_private=True))
    if mode == "unsigned":
        return f"{_b64(json.dumps({'alg': 'none'}).encode())}.{payload_b64}."
    if mode == "tampered":
        claims["name"] = "Someone Else"
        return f"{header_b64}.{_b64(json.dumps(claims).encode())}.{signature}"
    if mode == "foreign_key":
        return jwt.encode(header, claims, RSAKey.generate_key(2048))
    changes = {
        "wrong_nonce": {"nonce": "not-the-nonce-we-sent"},
        "wrong_issuer": {"iss": "https://evil.example"},
        "wrong_audience": {"aud": "someone-else"},
        "wrong_audience_with_azp": {"aud": "someone-else", "azp": _first(claims["aud"])},
        "expired": {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200},
    }[mode]
    claims.update(changes)
    return jwt.encode(header, claims, real_key)


def build_provider(misbehaviour: Misbehaviour) -> flask.Flask:
    # Single sign-on is off unless a test turns it on: most tests log several people in from one
    # browser, which a provider that remembers the first one would not allow.
    app = make_app(single_sign_on=False)

    @app.before_request
    def remember_storage():
        misbehaviour.storage = flask.g.oidc_provider_mock_storage

    @app.after_request
    def misbehave(response):
        mode, path = misbehaviour.mode, flask.request.path
        if mode in USERINFO_MODES:
            if path != USERINFO_PATH or response.status_code != 200:
                return response
            change = USERINFO_MODES[mode]
            if change is None:
                return flask.Response("broken", status=500)
            response.set_data(json.dumps(change(response.get_json())))
            return response
        if mode and path == TOKEN_PATH and response.status_code == 200:
            body = response.get_json()
            if body and "id_token" in body:
                body["id_token"] = _reissue(
                    body["id_token"], misbehaviour.mode, flask.g.oidc_provider_mock_storage
                )
                response.set_data(json.dumps(body))
        return response

    return app


class ProviderServer:
    def __init__(self):
        self.misbehaviour = Misbehaviour()
        self.app = build_provider(self.misbehaviour)
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self) -> None:
        """Stop answering and close the port, as a provider that has gone down."""
        self.server.shutdown()
        self.server.server_close()

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def rotate_key(self) -> None:
        """Give the provider a new signing key, as a real broker does now and then."""
        from authlib import jose

        httpx.get(self.metadata_url)  # make sure storage is known
        self.misbehaviour.storage.jwk = jose.RSAKey.generate_key(is_private=True)

    def add_citizen(self, subject: str, person_number: str, name: str) -> None:
        """Teach the provider a citizen (the mock's user API), e.g. for a family a test made."""
        from portal.demo.identities import CPR_CLAIM, LOA_CLAIM

        self.add_user(subject, {"name": name, CPR_CLAIM: person_number, LOA_CLAIM: "Substantial"})

    def add_user(self, subject: str, claims: dict) -> None:
        """Teach the provider any user with exactly these claims (the mock's user API)."""
        response = httpx.put(f"{self.url}/users/{subject}", json=claims)
        assert response.status_code == 204, response.text

    @property
    def single_sign_on(self) -> bool:
        return self.app.config[SINGLE_SIGN_ON]

    @single_sign_on.setter
    def single_sign_on(self, on: bool) -> None:
        self.app.config[SINGLE_SIGN_ON] = on

    @property
    def claims_at_userinfo(self) -> bool:
        return self.app.config[CLAIMS_AT_USERINFO]

    @claims_at_userinfo.setter
    def claims_at_userinfo(self, on: bool) -> None:
        self.app.config[CLAIMS_AT_USERINFO] = on

    @contextmanager
    def switched(self, **switches: bool):
        """Turn switches (`single_sign_on`, `claims_at_userinfo`) for a while, then back."""
        before = {name: getattr(self, name) for name in switches}
        for name, on in switches.items():
            setattr(self, name, on)
        try:
            yield self
        finally:
            for name, on in before.items():
                setattr(self, name, on)

    def browser(self) -> httpx.Client:
        """The provider's side of one browser: keeps the provider's single sign-on cookie."""
        return httpx.Client()

    @staticmethod
    def signed_in(browser: httpx.Client) -> bool:
        return SSO_COOKIE in browser.cookies

    def approve(self, authorize_url: str, subject: str, browser: httpx.Client | None = None) -> str:
        """Pick a demo user on the provider's form; returns the portal callback URL."""
        response = (browser or httpx).post(authorize_url, data={"sub": subject})
        assert response.status_code == 302, response.text[:500]
        return response.headers["location"]
