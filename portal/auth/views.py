"""Login start, callback, logout and the session pages, for citizens and staff."""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from flask import (
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from joserfc.errors import JoseError
from sqlalchemy import select

from portal.access import Viewer, record
from portal.auth import bp, sessions
from portal.auth.providers import (
    LoginRefused,
    citizen_from_claims,
    client,
    staff_from_claims,
)
from portal.domain.identity import InvalidPersonNumber, person_number_hash
from portal.extensions import db, limiter
from portal.models import Department, Guardian, StaffMember

NEXT_KEY = "after_login"
PROTOCOL_ERRORS = (AuthlibBaseError, JoseError, requests.RequestException, ValueError, KeyError)
HOME = {"citizen": "family.overview", "staff": "staff.caseload"}


def login_rate_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def local_path(target: str | None) -> str | None:
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    return target if not urlsplit(target).netloc else None


@bp.get("/log-ind")
def login():
    return render_template(
        "auth/login.html",
        next=local_path(request.args.get("next")),
    )


@bp.get("/log-ind/<door>")
@limiter.limit(login_rate_limit)
def start(door: str):
    provider = client(door)
    if provider is None:
        abort(404)
    target = local_path(request.args.get("next"))
    session.pop(NEXT_KEY, None)
    if target:
        session[NEXT_KEY] = target
    callback = url_for("auth.callback", door=door, _external=True)
    return provider.authorize_redirect(callback)


@bp.get("/log-ind/<door>/svar")
@limiter.limit(login_rate_limit)
def callback(door: str):
    provider = client(door)
    if provider is None:
        abort(404)
    try:
        token = provider.authorize_access_token(claims_options=expected_claims(provider))
        claims = token.get("userinfo")
        if not claims:
            raise LoginRefused("protocol", "no ID token in the answer")
        if door == "citizen":
            return citizen_logged_in(citizen_from_claims(claims, current_app.config), token)
        return staff_logged_in(staff_from_claims(claims, current_app.config), token)
    except LoginRefused as refused:
        return refuse(door, refused.reason, str(refused))
    except PROTOCOL_ERRORS as error:
        return refuse(door, "protocol", f"{type(error).__name__}: {error}")


def expected_claims(provider) -> dict:
    """Issuer and audience are checked explicitly: without options Authlib accepts a token for
    another audience as long as it names us as authorised party (azp)."""
    issuer = provider.load_server_metadata()["issuer"]
    return {
        "iss": {"essential": True, "values": [issuer]},
        "aud": {"essential": True, "values": [provider.client_id]},
    }


def refuse(door: str, reason: str, detail: str):
    """No session, a clear page, and a log line for the operator (never claim values)."""
    sessions.end(reason="replaced")
    session.pop(NEXT_KEY, None)
    db.session.commit()
    current_app.logger.warning("login refused (%s, %s): %s", door, reason, detail[:200])
    status = 403 if reason in ("assurance", "not_staff") else 400
    return render_template("auth/refused.html", reason=reason, door=door), status


def citizen_logged_in(identity, token):
    try:
        digest = person_number_hash(identity.person_number, current_app.config["PERSON_NUMBER_KEY"])
    except InvalidPersonNumber:
        return refuse("citizen", "claims", "malformed person number")
    guardians = db.session.scalars(
        select(Guardian).where(Guardian.person_number_hash == digest)
    ).all()
    if not guardians:
        sessions.end(reason="replaced")
        db.session.commit()
        return render_template("auth/not_guardian.html"), 200
    target = session.get(NEXT_KEY)
    sessions.start(
        kind="guardian",
        provider="citizen",
        name=identity.name or guardians[0].name,
        id_token=token.get("id_token"),
        person_number_hash=digest,
        assurance_level=identity.assurance_level,
    )
    viewer = Viewer(kind="guardian", name=identity.name or guardians[0].name)
    for guardian in guardians:
        record(
            viewer,
            "login",
            family_id=guardian.family_id,
            object_type="guardian",
            object_id=guardian.id,
        )
    db.session.commit()
    return redirect(target or url_for(HOME["citizen"]))


def staff_logged_in(identity, token):
    staff = db.session.scalar(select(StaffMember).where(StaffMember.subject == identity.subject))
    if staff is None and current_app.config["STAFF_AUTO_CREATE"]:
        department = db.session.scalar(select(Department).filter_by(code=identity.department))
        if department is not None and identity.name:
            staff = StaffMember(
                subject=identity.subject,
                name=identity.name,
                email=identity.email,
                department=department,
            )
            db.session.add(staff)
    if staff is None or not staff.active:
        return refuse("staff", "not_staff", "no active staff member with this subject")
    staff.role = (
        "manager" if current_app.config["STAFF_MANAGER_ROLE"] in identity.roles else "staff"
    )
    target = session.get(NEXT_KEY)
    sessions.start(
        kind="staff", provider="staff", name=staff.name, id_token=token.get("id_token"), staff=staff
    )
    db.session.flush()
    record(
        Viewer(kind="staff", name=staff.name, staff=staff),
        "login",
        object_type="staff",
        object_id=staff.id,
    )
    db.session.commit()
    return redirect(target or url_for(HOME["staff"]))


@bp.post("/log-ud")
def logout():
    row = sessions.end(reason="logout")
    if row is not None and g.get("viewer") is not None:
        record(g.viewer, "logout", object_type=row.kind)
    db.session.commit()
    provider = client("citizen" if row is None or row.kind == "guardian" else "staff")
    if row is not None and row.id_token and provider is not None:
        try:
            return provider.logout_redirect(
                post_logout_redirect_uri=url_for("auth.logged_out", _external=True),
                id_token_hint=row.id_token,
            )
        except PROTOCOL_ERRORS + (RuntimeError,) as error:
            current_app.logger.warning("identity provider logout unavailable: %s", error)
    return redirect(url_for("auth.logged_out"), code=303)


@bp.get("/logget-ud")
def logged_out():
    return render_template("auth/logged_out.html")


@bp.get("/session/udloebet")
def timed_out():
    return render_template("auth/timed_out.html")


@bp.post("/session/afslut")
def expire():
    """The idle warning ran out in the browser: end the session here too, not only on screen."""
    if sessions.end(reason="idle") is not None:
        db.session.commit()
    return redirect(url_for("auth.timed_out"), code=303)


@bp.post("/session/forny")
def keep_alive():
    """The idle warning's "Stay logged in": the request itself counts as activity."""
    if g.get("viewer") is None:
        return redirect(url_for("auth.timed_out"), code=303)
    g.login_session.last_seen_at = sessions.utcnow()
    db.session.commit()
    if request.headers.get("HX-Request"):
        return "", 204
    return redirect(local_path(request.form.get("next")) or "/", code=303)
