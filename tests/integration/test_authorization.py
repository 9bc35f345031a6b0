"""Who may see what: every route of the portal, filled with the real ids of one family's rows,
walked (GET and POST, with a valid CSRF token) as every kind of outsider and as the family's own
parent without custody. Each must get the status the rules give and none of the family's data.

The routes come from app.url_map, so a new route is walked without anyone listing it. A route
that takes an argument this file cannot fill, or a family page nobody has decided on for a
parent without custody, fails the walk until it is taught here.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy import select

from portal.demo.identities import DEMO_TENANT
from portal.domain.identity import person_number_hash
from portal.extensions import db
from portal.models import (
    Case,
    CaseEvent,
    CaseType,
    Child,
    ChildOffer,
    ClockAdjustment,
    Department,
    Family,
    Guardian,
    Meeting,
    Message,
    Offer,
    Participant,
    PlanStep,
    Slot,
    StaffMember,
    Stage,
    StageType,
    Thread,
    Update,
)
from portal.models.base import utcnow
from tests.conftest import TEST_PERSON_NUMBER_KEY, csrf_token, login
from tests.factories import stated_by
from tests.route_walk import Call, portal_calls, send

CUSTODY_SUBJECT = "matrix-custody-guardian"
INFORMATION_SUBJECT = "matrix-information-guardian"
STAFF_KEY = "matrix-contact"

# Route arguments that name a row of the family, and which of them hold case content that a
# parent without custody may never open.
ROW_ARGUMENTS = {
    "family_id",
    "child_id",
    "case_id",
    "stage_id",
    "event_id",
    "adjustment_id",
    "update_id",
    "meeting_id",
    "slot_id",
    "child_offer_id",
    "guardian_id",
    "step_id",
    "thread_id",
}
# The management figures: counts across both departments by case type and step, no family.
MANAGEMENT = {
    "staff.management",
    "staff.management_open_cases_csv",
    "staff.management_deadlines_csv",
    "staff.management_stage_waits_csv",
    "staff.management_first_meetings_csv",
}
AGGREGATES = {"case types"}
CASE_CONTENT = {"case_id", "stage_id", "event_id", "adjustment_id", "update_id"}
# Family pages a parent without custody opens, and what they answer: only what the law gives.
INFORMATION_ONLY = {
    "family.family": 200,
    "family.child": 200,
    "family.access_log": 200,
    # The meetings they are invited to (G3), each as a calendar file, and their own calendar
    # address (the walk's form presses no button: 400).
    "family.meetings": 200,
    "family.meeting": 200,
    "family.meeting_calendar": 200,
    "family.calendar": 200,
    # What they want said before a meeting they are invited to (G5); an empty form is a 400.
    "family.preparation": 200,
    # Booking, moving and cancelling are for a guardian with custody (B1-B3): as if not there.
    "family.book": 404,
    "family.booked": 404,
    "family.no_time_fits": 404,
    "family.time_asked_for": 404,
    "family.meeting_move": 404,
    "family.meeting_cancel": 404,
    # They write to the municipality and read their own conversations (M2), never another's;
    # an update is case content (G2), so they answer none.
    "family.messages": 200,
    "family.new_message": 200,
    "family.thread": 200,
    "family.answer_update": 404,
    # News from the contact person is case content (G2, U4): as if not there.
    "family.updates": 404,
}
INFORMATION_ONLY_FORMS = {
    "family.calendar": 400,
    "family.new_message": 400,
    "family.thread": 400,
    "family.answer_update": 404,
    "family.preparation": 400,
    "family.check_booking": 404,
    "family.confirm_booking": 404,
    "family.no_time_fits": 404,
    "family.meeting_move": 404,
    "family.meeting_cancel": 404,
}


@dataclass
class Target:
    family_id: int
    rows: dict[str, list]  # route argument -> the family's real values for it
    invited_meeting_id: int
    started_offer_id: int
    own_thread_id: int  # the conversation of the parent without custody (M2)
    secrets: dict[str, list[str]] = field(default_factory=dict)  # kind -> strings


# ---- the target family: two children, case content, meetings, offers, two parents ----------


def _register_staff_user(identity_provider, staff: StaffMember) -> None:
    claims = {
        "name": staff.name,
        "email": staff.email,
        "tid": DEMO_TENANT,
        "oid": STAFF_KEY,
        "roles": ["staff"],
        "department": "sof",
    }
    response = httpx.put(f"{identity_provider.url}/users/staff-{STAFF_KEY}", json=claims)
    assert response.status_code == 204, response.text


def _case_type(sof: Department) -> CaseType:
    kind = CaseType(code="matrix-udredning", department=sof, name_da="Tranes udredningssag")
    for position, (name, text) in enumerate(
        [
            ("Tranetrin ét", "Vi har fået papirerne om Tranes sag fra skolen i Valby."),
            ("Tranetrin to", "Psykologen ser Tranebørnene tre gange i klassen."),
            ("Tranetrin tre", "Vi skriver en plan sammen med familien Trane."),
        ],
        start=1,
    ):
        kind.stage_types.append(
            StageType(
                position=position,
                code=f"trin-{position}",
                name_da=name,
                citizen_text_da=text,
                norm_days=30,
                deadline_kind="target",
                final=position == 3,
            )
        )
    return kind


def build_target(session, identity_provider) -> Target:
    sof = session.scalar(select(Department).filter_by(code="sof"))
    staff = StaffMember(
        external_id=STAFF_KEY,
        subject=f"{DEMO_TENANT}:{STAFF_KEY}",
        name="Tove Matrixsen",
        email="tove.matrixsen@example.dk",
        department=sof,
    )
    family = Family(external_id="matrix-family", display_name="Familien Trane")
    family.contact_person = staff
    key = TEST_PERSON_NUMBER_KEY
    custody = Guardian(
        name="Hedda Trane",
        access_level="custody",
        person_number_hash=person_number_hash("3112709911", key),
        phone="+4571829304",
        email="hedda.trane@example.dk",
    )
    information = Guardian(
        name="Bjarke Trane",
        access_level="information",
        person_number_hash=person_number_hash("3112709922", key),
        phone="+4561728394",
        email="bjarke.trane@example.dk",
    )
    family.guardians += [custody, information]
    kind = _case_type(sof)
    today = date.today()
    offers = session.scalars(select(Offer).order_by(Offer.code).limit(2)).all()
    secrets: dict[str, list[str]] = {
        "family": ["Familien Trane", "Hedda Trane", "Bjarke Trane"],
        "children": ["Ingolf", "Sigrun", "Bakkehøj Friskole Nord"],
        # Names of the case type and its steps are the municipality's, shared by every family
        # with such a case; only the management figures may show them to an outsider.
        "case types": [kind.name_da] + [s.name_da for s in kind.stage_types],
        "case content": [s.citizen_text_da for s in kind.stage_types],
        "internal notes": [],
        "updates": [],
        "custody parent's contact": [custody.phone, custody.email],
        "information parent's contact": [information.phone, information.email],
    }
    cases = []
    for number, first_name in enumerate(["Ingolf", "Sigrun"]):
        child = Child(
            external_id=f"matrix-child-{number}",
            first_name=first_name,
            last_name="Trane",
            birth_date=date(2013 + number, 3, 4),
            school="Bakkehøj Friskole Nord",
        )
        family.children.append(child)
        case = Case(
            external_id=f"MATRIX-{number}",
            child=child,
            department=sof,
            case_type=kind,
            holder=staff,
            opened_on=today - timedelta(days=40),
        )
        for position, stage_type in enumerate(kind.stage_types[:2]):
            case.stages.append(
                Stage(
                    stage_type=stage_type,
                    started_on=today - timedelta(days=40 - 20 * position),
                    ended_on=today - timedelta(days=20) if position == 0 else None,
                    holder=staff,
                    holder_department=sof,
                )
            )
        reason = f"Vi venter på svar fra lægen om {first_name}s øjne."
        case.stages[-1].clock_adjustments.append(
            ClockAdjustment(
                external_id=f"matrix-pause-{number}",
                kind="pause",
                starts_on=today - timedelta(days=5),
                reason_da=reason,
            )
        )
        seen = f"{first_name} har haft en god snak med psykologen om frikvarteret."
        hidden = f"Intern note: ring til skolelægen om {first_name} inden fredag."
        for ago, visibility, summary in [(10, "family", seen), (9, "internal", hidden)]:
            case.events.append(
                CaseEvent(
                    external_id=f"matrix-event-{number}-{visibility}",
                    occurred_at=utcnow() - timedelta(days=ago),
                    kind="note",
                    visibility=visibility,
                    summary_da=summary,
                )
            )
        secrets["case content"] += [reason, seen]
        secrets["internal notes"].append(hidden)
        cases.append(case)
    ingolf, sigrun = family.children
    started = ChildOffer(
        external_id="matrix-offer-started",
        child=ingolf,
        offer=offers[0],
        department=sof,
        status="started",
        provider="Klubhuset Solsikken",
        starts_on=today - timedelta(days=100),
    )
    applied = ChildOffer(
        external_id="matrix-offer-applied",
        child=sigrun,
        offer=offers[1],
        department=sof,
        status="applied",
        provider="Behandlingsstedet Kornblomsten",
        applied_on=today - timedelta(days=3),
    )
    secrets["started offer"] = [started.provider]
    secrets["other offer"] = [applied.provider]
    meetings = {}
    for name, days, title, place, guardians in [
        ("other meeting", 2, "Samtale om Sigruns trivsel", "Lokale Tusindfryd", [custody]),
        (
            "invited meeting",
            5,
            "Skolevejsmøde for Ingolf",
            "Mødelokale Hyld",
            [custody, information],
        ),
    ]:
        starts = utcnow() + timedelta(days=days)
        meeting = Meeting(
            external_id=f"matrix-{name.split()[0]}",
            family=family,
            department=sof,
            organizer=staff,
            kind="samtale",
            title=title,
            location=place,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
        )
        meeting.participants.append(Participant(staff=staff))
        meeting.participants += [Participant(guardian=g) for g in guardians]
        meetings[name] = meeting
        secrets[name] = [title, place]
    updates = [
        Update(
            family=family, author=staff, body="Husk madpakke til turen på torsdag, hilsen Tove."
        ),
        Update(
            family=family,
            child=sigrun,
            author=staff,
            body="Sigrun har fået en ny plads i gruppen med de små hunde.",
        ),
    ]
    secrets["updates"] = [u.body for u in updates]
    # A next step agreed at the meeting the parent without custody is not invited to (P1).
    step = PlanStep(
        child=sigrun,
        meeting=meetings["other meeting"],
        what="Tove tager Sigrun med til hundeskolen hver tirsdag.",
        owner="staff",
        owner_staff=staff,
    )
    secrets["other meeting"].append(step.what)
    # The family's shared conversation (M1) and the one the parent without custody started (M2).
    threads = {}
    for name, guardian, body in [
        ("custody conversation", None, "Hedda spørger om Ingolfs nye skolebus til Valby."),
        ("information parent's conversation", information, "Bjarke spørger om Sigruns fødselsdag."),
    ]:
        thread = Thread(family=family, topic="other", guardian=guardian, staff=staff)
        thread.messages.append(
            Message(author_kind="guardian", guardian=guardian or custody, body=body)
        )
        threads[name] = thread
        secrets[name] = [body]
    slot_start = utcnow() + timedelta(days=8)
    slot = Slot(staff=staff, starts_at=slot_start, ends_at=slot_start + timedelta(minutes=45))
    session.add_all(
        [family, *cases, started, applied, *meetings.values(), *updates, step, slot]
        + list(threads.values())
    )
    stated_by(session, family, sof)
    slot.family_id = family.id
    session.commit()

    _register_staff_user(identity_provider, staff)
    identity_provider.add_citizen(CUSTODY_SUBJECT, "3112709911", custody.name)
    identity_provider.add_citizen(INFORMATION_SUBJECT, "3112709922", information.name)
    stages = [s for case in cases for s in case.stages]
    return Target(
        family_id=family.id,
        rows={
            "family_id": [family.id],
            "child_id": [c.id for c in family.children],
            "case_id": [c.id for c in cases],
            "stage_id": [s.id for s in stages],
            "event_id": [e.id for case in cases for e in case.events],
            "adjustment_id": [a.id for s in stages for a in s.clock_adjustments],
            "update_id": [u.id for u in updates],
            "meeting_id": [m.id for m in meetings.values()],
            "slot_id": [slot.id],
            "child_offer_id": [started.id, applied.id],
            "guardian_id": [custody.id, information.id],
            "step_id": [step.id],
            "thread_id": [t.id for t in threads.values()],
            # The internal API names the same rows by the case systems' external ids.
            "family": [family.external_id],
            "case": [c.external_id for c in cases],
            "event": [e.external_id for case in cases for e in case.events],
            "adjustment": [a.external_id for s in stages for a in s.clock_adjustments],
            "meeting": [m.external_id for m in meetings.values()],
            "child_offer": [started.external_id, applied.external_id],
            "staff": [staff.external_id],
            "case_type": [kind.code],
            "offer": [started.offer.code],
            "code": [started.offer.code],
        },
        invited_meeting_id=meetings["invited meeting"].id,
        started_offer_id=started.id,
        own_thread_id=threads["information parent's conversation"].id,
        secrets=secrets,
    )


@pytest.fixture(scope="module")
def target(app, identity_provider) -> Target:
    with app.app_context():
        built = build_target(db.session, identity_provider)
        db.session.remove()
    return built


# ---- what a response shows -------------------------------------------------------------------

TAG = re.compile(r"<[^>]+>")


def shown(response) -> str:
    """Everything a response shows or carries: markup, text (glossary links split sentences
    with tags), JSON with its escapes undone, and where it redirects to."""
    raw = response.get_data(as_text=True)
    parts = [html.unescape(raw), html.unescape(TAG.sub("", raw))]
    parts.append(" ".join(html.unescape(TAG.sub(" ", raw)).split()))
    if response.is_json:
        parts.append(json.dumps(response.get_json(silent=True), ensure_ascii=False))
    parts.append(response.headers.get("Location", ""))
    return "\n".join(parts)


def leaked(text: str, secrets: dict[str, list[str]], allowed: set[str]) -> list[str]:
    return [
        f"{kind}: {secret!r}"
        for kind, values in secrets.items()
        if kind not in allowed
        for secret in values
        if secret in text
    ]


# ---- the viewers and what each may get --------------------------------------------------------


@dataclass(frozen=True)
class Viewer:
    subject: str | None
    door: str | None  # "family" or "staff"
    own_family: str | None = None  # display name of a family the viewer belongs to
    allowed: frozenset = frozenset()


VIEWERS = {
    "anonymous": Viewer(None, None),
    "custody parent of another family": Viewer("guardian-jensen-1", "family", "Familien Jensen"),
    "information-only parent of another family": Viewer(
        "guardian-kowalski-2", "family", "Familien Kowalski"
    ),
    "information-only parent of the family": Viewer(
        INFORMATION_SUBJECT,
        "family",
        allowed=frozenset(
            {
                "family",
                "children",
                "invited meeting",
                "started offer",
                "information parent's contact",
                "information parent's conversation",
            }
        ),
    ),
    "staff not assigned to the family": Viewer("staff-camilla", "staff"),
    "manager not assigned to the family": Viewer("staff-birgitte", "staff"),
}


def expected_status(viewer: Viewer, call: Call, target: Target) -> set[int] | None:
    """The statuses the rules allow for this call, or None where any non-error answer will do
    (pages that show the viewer's own things, or nothing of any family)."""
    if call.door == "api":
        if call.endpoint == "api.token":  # OAuth: a body that is no token request is a 400
            return {400, 401}
        return {200} if call.endpoint == "api.openapi_json" else {401}
    if call.door not in ("family", "staff"):
        return None
    if viewer.door is None:
        return {302} if call.method == "GET" else {302, 400}  # to login; or no CSRF token
    if viewer.door != call.door:
        return {404}
    family_id = call.values.get("family_id")
    if family_id is None:
        return None
    if family_id != target.family_id:  # the viewer's own family with the target's rows
        other_rows = set(call.values) & ROW_ARGUMENTS - {"family_id"}
        return {404} if other_rows else None
    if viewer.subject != INFORMATION_SUBJECT:
        return {404}
    return information_only_status(call, target)


def information_only_status(call: Call, target: Target) -> set[int]:
    if set(call.values) & CASE_CONTENT:
        return {404}
    if call.values.get("meeting_id", target.invited_meeting_id) != target.invited_meeting_id:
        return {404}
    if call.values.get("child_offer_id", target.started_offer_id) != target.started_offer_id:
        return {404}
    if call.values.get("thread_id", target.own_thread_id) != target.own_thread_id:
        return {404}
    if call.method == "GET" and call.endpoint in INFORMATION_ONLY:
        return {INFORMATION_ONLY[call.endpoint]}
    if call.method == "POST" and call.endpoint in INFORMATION_ONLY_FORMS:
        return {INFORMATION_ONLY_FORMS[call.endpoint]}
    pytest.fail(
        f"{call.method} {call.endpoint}: decide what a parent without custody gets here "
        "(INFORMATION_ONLY), by what the law gives them"
    )


def own_family_id(app, name: str | None) -> list[int]:
    if name is None:
        return []
    with app.app_context():
        found = db.session.scalar(select(Family.id).where(Family.display_name == name))
        db.session.remove()
    return [found]


def walk_as(app, identity_provider, target: Target, viewer: Viewer):
    """Log in (real OIDC flow) and send every call; yields (call, response)."""
    client = app.test_client()
    if viewer.subject:
        door = "staff" if viewer.door == "staff" else "citizen"
        assert login(client, identity_provider, viewer.subject, door=door).status_code == 302
    token = csrf_token(client, "/") if viewer.subject else None
    assert token or not viewer.subject, "a logged-in page carries a CSRF token"
    for call in portal_calls(app, target.rows, own_family_id(app, viewer.own_family)):
        yield call, send(client, call, token)


@pytest.mark.parametrize("who", VIEWERS)
def test_no_outsider_gets_the_familys_data(app, identity_provider, target, who):
    viewer = VIEWERS[who]
    problems = []
    walked = 0
    for call, response in walk_as(app, identity_provider, target, viewer):
        walked += 1
        where = f"{call.method} {call.url}"
        if response.status_code >= 500:
            problems.append(f"{where}: {response.status_code}")
        expected = expected_status(viewer, call, target)
        if expected is not None and response.status_code not in expected:
            problems.append(f"{where}: {response.status_code}, expected {sorted(expected)}")
        anonymous_page = viewer.subject is None and call.door in ("family", "staff")
        to_login = response.headers.get("Location", "").startswith("/log-ind")
        if anonymous_page and call.method == "GET" and not to_login:
            problems.append(f"{where}: does not send an anonymous visitor to log in")
        allowed = viewer.allowed | (AGGREGATES if call.endpoint in MANAGEMENT else set())
        problems += [
            f"{where} shows {leak}" for leak in leaked(shown(response), target.secrets, allowed)
        ]
    assert walked > 50
    assert not problems, f"{who}:\n" + "\n".join(problems)


def test_the_familys_own_parents_and_staff_see_what_the_walk_looks_for(
    app, identity_provider, target
):
    """The other side of the matrix, so it cannot pass by looking for the wrong strings: the
    parent with custody and the contact person do see the secrets, each kind somewhere."""
    seen = {}
    for subject, door in [(CUSTODY_SUBJECT, "family"), (f"staff-{STAFF_KEY}", "staff")]:
        viewer = Viewer(subject, door)
        texts = [
            shown(response)
            for call, response in walk_as(app, identity_provider, target, viewer)
            if call.method == "GET" and response.status_code == 200
        ]
        seen[door] = "\n".join(texts)
    custody = seen["family"]
    private = (
        "internal notes",
        "information parent's contact",
        "information parent's conversation",
    )
    for kind in target.secrets.keys() - set(private):
        assert any(s in custody for s in target.secrets[kind]), f"custody parent sees no {kind}"
    never = {k: target.secrets[k] for k in private}
    assert not leaked(custody, never, set())
    conversations = ("custody conversation", "information parent's conversation")  # M3
    for kind in ("family", "children", "invited meeting", "other meeting", *conversations):
        assert any(s in seen["staff"] for s in target.secrets[kind]), f"staff sees no {kind}"


def test_a_parent_without_custody_sees_what_the_law_gives(app, identity_provider, target):
    client = app.test_client()
    login(client, identity_provider, INFORMATION_SUBJECT)
    [ingolf, sigrun] = target.rows["child_id"]
    family = shown(client.get(f"/familier/{target.family_id}"))
    child = shown(client.get(f"/familier/{target.family_id}/boern/{ingolf}"))
    assert "Bakkehøj Friskole Nord" in child and "Klubhuset Solsikken" in child
    assert "Skolevejsmøde for Ingolf" in family + child
    assert "Sigrun" in shown(client.get(f"/familier/{target.family_id}/boern/{sigrun}"))


def test_a_refused_family_looks_like_one_that_does_not_exist(app, identity_provider, target):
    """404 for another family's page is the same page as for an id nobody has."""
    client = app.test_client()
    login(client, identity_provider, "guardian-jensen-1")
    nonce = re.compile(r'nonce="[^"]*"')

    def body(url):
        response = client.get(url)
        assert response.status_code == 404, url
        return nonce.sub("", response.get_data(as_text=True)).replace(url, "URL")

    assert body(f"/familier/{target.family_id}") == body("/familier/2147483647")
