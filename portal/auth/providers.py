"""The two OpenID Connect providers (citizen broker and staff IdP) and what their claims mean."""

from __future__ import annotations

import re
from dataclasses import dataclass

from authlib.integrations.flask_client import FlaskOAuth2App, OAuth
from flask import Flask, current_app
from joserfc.errors import BadSignatureError

DOORS = ("citizen", "staff")
# NSIS assurance levels, lowest first (the broker sends e.g. "Substantial").
ASSURANCE_LEVELS = ("low", "substantial", "high")


class LoginRefused(Exception):
    """The identity provider's answer cannot log anyone in; `reason` picks the page shown."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason


def assurance_rank(level: str | None) -> int:
    """-1 for a missing or unknown level, so it never passes a minimum."""
    value = level.strip().lower() if isinstance(level, str) else ""
    return ASSURANCE_LEVELS.index(value) if value in ASSURANCE_LEVELS else -1


@dataclass(frozen=True)
class CitizenIdentity:
    person_number: str
    name: str
    assurance_level: str
    logout_hint: str | None = None


@dataclass(frozen=True)
class StaffIdentity:
    subject: str
    name: str
    roles: tuple[str, ...]
    email: str | None
    department: str | None
    logout_hint: str | None = None


def merged_claims(id_token_claims: dict, userinfo: dict) -> dict:
    """The checked ID token's claims, plus what only UserInfo tells (OIDC Core 5.4: with the code
    flow a provider may keep the profile claims there). UserInfo never overrides the ID token,
    and a UserInfo answer about another subject must not be used at all (OIDC Core 5.3.4)."""
    if userinfo.get("sub") != id_token_claims.get("sub"):
        raise LoginRefused("userinfo_subject", "the UserInfo subject differs from the ID token's")
    return {**userinfo, **id_token_claims}


def citizen_from_claims(claims: dict, config) -> CitizenIdentity:
    level = claims.get(config["CITIZEN_ASSURANCE_CLAIM"])
    if level is None or (isinstance(level, str) and not level.strip()):
        # Not the citizen's doing: the broker did not say how they logged in.
        raise LoginRefused("assurance_missing", "no assurance level claim")
    if assurance_rank(level) < assurance_rank(config["CITIZEN_MIN_ASSURANCE"]):
        raise LoginRefused("assurance", f"assurance level {level!r} is too low")
    person_number = claims.get(config["CITIZEN_PERSON_NUMBER_CLAIM"])
    if not isinstance(person_number, str) or not person_number:
        raise LoginRefused("claims", "no person number in the claims")
    name = claims.get(config["CITIZEN_NAME_CLAIM"]) or ""
    return CitizenIdentity(
        person_number=person_number,
        name=str(name),
        assurance_level=level,
        logout_hint=logout_hint(claims.get("sub"), person_number),
    )


def staff_from_claims(claims: dict, config) -> StaffIdentity:
    parts = [claims.get(name) for name in config["STAFF_SUBJECT_CLAIMS"].split()]
    if not parts or not all(isinstance(p, str) and p for p in parts):
        raise LoginRefused("claims", "the staff subject claims are missing")
    roles = claims.get(config["STAFF_ROLES_CLAIM"]) or []
    if isinstance(roles, str):
        roles = roles.split()
    return StaffIdentity(
        subject=":".join(parts),
        name=str(claims.get(config["STAFF_NAME_CLAIM"]) or ""),
        roles=tuple(str(r) for r in roles),
        email=_text_or_none(claims.get(config["STAFF_EMAIL_CLAIM"])),
        department=_text_or_none(claims.get(config["STAFF_DEPARTMENT_CLAIM"])),
        logout_hint=logout_hint(claims.get("sub")),
    )


def logout_hint(subject, person_number: str | None = None) -> str | None:
    """The provider's subject, kept with the session for RP-initiated logout (`logout_hint`)
    instead of the ID token, which carries the person number. A subject that contains the person
    number (some brokers have used it as the subject) is not kept."""
    if not isinstance(subject, str) or not subject or len(subject) > 255:
        return None
    digits = re.sub(r"\D", "", person_number or "")
    if digits and digits in re.sub(r"\D", "", subject):
        return None
    return subject


def _text_or_none(value) -> str | None:
    return value if isinstance(value, str) and value else None


class KeyRotatingClient(FlaskOAuth2App):
    """Authlib refetches the provider's keys when a token names an unknown `kid`. Some brokers
    rotate keys without naming them; a bad signature against cached keys gets one refetch too."""

    def parse_id_token(self, token, nonce, claims_options=None, claims_cls=None, leeway=120):
        try:
            return super().parse_id_token(token, nonce, claims_options, claims_cls, leeway)
        except BadSignatureError:
            self.fetch_jwk_set(force=True)
            return super().parse_id_token(token, nonce, claims_options, claims_cls, leeway)


def client(door: str):
    """The Authlib client for a door, or None when that door's provider is not configured."""
    if door not in DOORS or not login_ready(door):
        return None
    return current_app.extensions["portal_oauth"].create_client(door)


def login_ready(door: str) -> bool:
    return bool(current_app.config.get(f"{door.upper()}_OIDC_METADATA_URL"))


def init_app(app: Flask) -> None:
    app.jinja_env.globals["login_ready"] = login_ready
    # One registry per app, so apps with different providers can live in one process (tests).
    oauth = OAuth(app)
    oauth.oauth2_client_cls = KeyRotatingClient
    app.extensions["portal_oauth"] = oauth
    for door in DOORS:
        prefix = door.upper()
        if not app.config.get(f"{prefix}_OIDC_METADATA_URL"):
            continue
        oauth.register(
            door,
            server_metadata_url=app.config[f"{prefix}_OIDC_METADATA_URL"],
            client_id=app.config[f"{prefix}_OIDC_CLIENT_ID"],
            client_secret=app.config[f"{prefix}_OIDC_CLIENT_SECRET"],
            client_kwargs={
                "scope": app.config[f"{prefix}_OIDC_SCOPES"],
                "code_challenge_method": "S256",
                "timeout": 10,
            },
        )
