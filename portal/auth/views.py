"""Login start, callback, logout and the session pages, for citizens and staff."""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
from authlib.common.errors import AuthlibBaseError
from flask import (
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from joserfc.errors import JoseError

from portal.access import Viewer
from portal.audit import record, record_refused_login
from portal.auth import bp, sessions
from portal.auth.providers import (
    LoginRefused,
    citizen_from_claims,
    client,
    merged_claims,
    staff_from_claims,
)
from portal.domain.identity import InvalidPersonNumber, person_number_hash
from portal.extensions import db, limiter
from portal.rate_limits import count_or_refuse
from portal.records.families import guardians_of_person
from portal.records.staff import staff_by_subject, staff_from_login

NEXT_KEY = "after_login"
# Between the portal's logout and the identity provider's: where the browser goes next.
PROVIDER_LOGOUT_KEY = "provider_logout"
PROTOCOL_ERRORS = (AuthlibBaseError, JoseError, requests.RequestException, ValueError, KeyError)
# The identity provider does not answer (down, unreachable, timing out): nobody's fault here.
UNREACHABLE_ERRORS = (requests.ConnectionError, requests.Timeout)
# At the start nothing has been said yet, so any failure to read the provider's discovery
# document (no answer, an error status, no JSON) means the login service is not usable now.
START_ERRORS = (requests.RequestException, ValueError)
RETRY_AFTER_SECONDS = 120
REFUSAL_STATUS = {"assurance": 403, "assurance_missing": 403, "not_staff": 403, "unavailable": 503}
# Started logins whose answer may still come back (e.g. from another tab), besides the newest.
EARLIER_LOGINS_KEPT = 2
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
    forget_earlier_logins(door)
    callback = url_for("auth.callback", door=door, _external=True)
    try:
        return provider.authorize_redirect(callback)
    except START_ERRORS as error:
        current_app.logger.warning(
            "identity provider not answering at login start (%s): %s: %s",
            door,
            type(error).__name__,
            str(error)[:200],
        )
        return refusal_page(door, "unavailable")


def forget_earlier_logins(door: str) -> None:
    """Authlib keeps each started login's state, nonce and PKCE verifier in the session cookie
    for an hour. Abandoned starts would grow the cookie past the 4 KB browsers keep, after which
    no login could finish; so only the newest few are kept."""
    prefix = f"_state_{door}_"
    started = sorted(
        (key for key in session if key.startswith(prefix)),
        key=lambda key: (session[key] or {}).get("exp", 0),
    )
    for key in started[: max(len(started) - EARLIER_LOGINS_KEPT, 0)]:
        session.pop(key, None)


@bp.get("/log-ind/<door>/svar")
@limiter.limit(login_rate_limit)
def callback(door: str):
    provider = client(door)
    if provider is None:
        abort(404)
    claims = None
    try:
        token = provider.authorize_access_token(claims_options=expected_claims(provider))
        claims = token.get("userinfo")
        if not claims:
            raise LoginRefused("protocol", "no ID token in the answer")
        claims = with_userinfo(provider, token, claims)
        if door == "citizen":
            return citizen_logged_in(citizen_from_claims(claims, current_app.config))
        return staff_logged_in(staff_from_claims(claims, current_app.config))
    except LoginRefused as refused:
        # The ID token passed its checks (and UserInfo, if merged, named the same subject), so
        # the name claim may go into the audit log.
        name = claims.get(current_app.config[f"{door.upper()}_NAME_CLAIM"]) if claims else None
        return refuse(door, refused.reason, str(refused), name=str(name) if name else None)
    except UNREACHABLE_ERRORS as error:
        return refuse(door, "unavailable", f"{type(error).__name__}: {error}")
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


def with_userinfo(provider, token: dict, id_token_claims: dict) -> dict:
    """Asked only after the ID token passed its checks, so its subject is the one to match."""
    if not provider.load_server_metadata().get("userinfo_endpoint"):
        return dict(id_token_claims)
    try:
        userinfo = provider.userinfo(token=token)
    except (requests.RequestException, ValueError) as error:
        # The login cannot finish without these claims; to the user it is the service not answering.
        raise LoginRefused("unavailable", f"UserInfo: {type(error).__name__}: {error}") from error
    return merged_claims(id_token_claims, userinfo)


def refuse(door: str, reason: str, detail: str, *, name=None, staff=None, staff_subject=None):
    """No session, a clear page, an audit entry, and a log line for the operator (never claim
    values)."""
    sessions.end(reason="replaced")
    session.pop(NEXT_KEY, None)
    record_refused_login(door, reason, name=name, staff=staff, staff_subject=staff_subject)
    current_app.logger.warning("login refused (%s, %s): %s", door, reason, detail[:200])
    return refusal_page(door, reason)


def refusal_page(door: str, reason: str):
    status = REFUSAL_STATUS.get(reason, 400)
    response = current_app.make_response(
        (render_template("auth/refused.html", reason=reason, door=door), status)
    )
    if reason == "unavailable":
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def citizen_logged_in(identity):
    try:
        digest = person_number_hash(identity.person_number, current_app.config["PERSON_NUMBER_KEY"])
    except InvalidPersonNumber:
        return refuse("citizen", "claims", "malformed person number", name=identity.name)
    count_or_refuse("LOGIN_PERSON_RATE_LIMIT", "login:person", f"guardian:{digest}")
    guardians = guardians_of_person(db.session, digest)
    if not guardians:
        # Not an error for the citizen (a kind page, no data), but still a login to account for.
        sessions.end(reason="replaced")
        session.pop(NEXT_KEY, None)
        record_refused_login("citizen", "not_a_guardian", name=identity.name)
        return render_template("auth/not_guardian.html"), 200
    target = session.get(NEXT_KEY)
    sessions.start(
        kind="guardian",
        provider="citizen",
        name=identity.name or guardians[0].name,
        logout_hint=identity.logout_hint,
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
    return redirect(target or url_for(HOME["citizen"]))


def staff_logged_in(identity):
    staff = staff_by_subject(db.session, identity.subject)
    if staff is None and current_app.config["STAFF_AUTO_CREATE"]:
        staff = staff_from_login(
            db.session, identity.subject, identity.name, identity.email, identity.department or ""
        )
    if staff is None or not staff.active:
        return refuse(
            "staff",
            "not_staff",
            "no active staff member with this subject",
            name=identity.name,
            staff=staff,
            staff_subject=identity.subject,
        )
    count_or_refuse("LOGIN_PERSON_RATE_LIMIT", "login:person", f"staff:{staff.id}")
    staff.role = (
        "manager" if current_app.config["STAFF_MANAGER_ROLE"] in identity.roles else "staff"
    )
    target = session.get(NEXT_KEY)
    sessions.start(
        kind="staff",
        provider="staff",
        name=staff.name,
        logout_hint=identity.logout_hint,
        staff=staff,
    )
    record(
        Viewer(kind="staff", name=staff.name, staff=staff),
        "login",
        object_type="staff",
        object_id=staff.id,
    )
    return redirect(target or url_for(HOME["staff"]))


@bp.post("/log-ud")
def logout():
    """End the portal's session, then send the browser on to end the provider's session too.

    The provider is not reached by redirecting this POST: the page's CSP (`form-action 'self'`)
    also covers every redirect of a form submission, so the browser would stop it. Listing the
    providers' origins in the CSP would break again as soon as a provider's logout redirects on
    through another host (federated logout often does), and would tie every page's headers to
    the providers' metadata. So the answer is a 303 to a page of our own, which moves on to the
    provider by a plain navigation, outside form-action's reach."""
    row = sessions.current()
    hint = row.logout_hint if row is not None else None
    row = sessions.end(reason="logout")
    if row is not None and g.get("viewer") is not None:
        record(g.viewer, "logout", object_type=row.kind)
    target = provider_logout_url(row, hint) if row is not None else None
    if target:
        session[PROVIDER_LOGOUT_KEY] = target
        return redirect(url_for("auth.logging_out"), code=303)
    return redirect(url_for("auth.logged_out"), code=303)


def provider_logout_url(row, hint: str | None) -> str | None:
    """RP-initiated logout without `id_token_hint`: the ID token holds the person number, which
    must stay out of URLs (history, the provider's access log) and out of our database. The
    provider learns who we are from `client_id` and whom we mean from `logout_hint`."""
    provider = client("citizen" if row.kind == "guardian" else "staff")
    if provider is None:
        return None
    extra = {"client_id": provider.client_id}
    if hint:
        extra["logout_hint"] = hint
    try:
        return provider.create_logout_url(
            post_logout_redirect_uri=url_for("auth.logged_out", _external=True), **extra
        )["url"]
    except PROTOCOL_ERRORS + (RuntimeError,) as error:
        current_app.logger.warning("identity provider logout unavailable: %s", error)
        return None


@bp.get("/logget-ud/fortsaet")
def logging_out():
    """The portal's session is over; this page takes the browser on to the provider's logout,
    at once (meta refresh, which needs no JavaScript) or by its button."""
    target = session.get(PROVIDER_LOGOUT_KEY)
    if not target:
        return redirect(url_for("auth.logged_out"), code=303)
    return render_template("auth/logging_out.html", provider_logout_url=target)


@bp.get("/logget-ud")
def logged_out():
    session.pop(PROVIDER_LOGOUT_KEY, None)
    return render_template("auth/logged_out.html")


@bp.get("/session/udloebet")
def timed_out():
    return render_template("auth/timed_out.html")


@bp.post("/session/afslut")
def expire():
    """The idle warning ran out in the browser: end the session here too, not only on screen."""
    sessions.end(reason="idle")
    return redirect(url_for("auth.timed_out"), code=303)


@bp.post("/session/forny")
def keep_alive():
    """The idle warning's "Stay logged in". portal.js asks for JSON, so it can tell a session
    that already ended (401) from a renewed one; without JavaScript the form redirects."""
    wants_json = request.accept_mimetypes.best == "application/json"
    if g.get("viewer") is None:
        if wants_json:
            return jsonify(logged_in=False, location=url_for("auth.timed_out")), 401
        return redirect(url_for("auth.timed_out"), code=303)
    sessions.keep_alive(g.login_session)
    if wants_json:
        return jsonify(logged_in=True, idle_seconds=sessions.idle_seconds_left(g.login_session))
    return redirect(local_path(request.form.get("next")) or "/", code=303)
