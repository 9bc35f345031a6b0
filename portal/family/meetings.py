"""The family's meetings: every coming and past meeting of both departments that the guardian
may see (docs/access.md G2, G3), and one meeting's page with what it is for, when, where, who
takes part and the agenda. Also what the family pages say about meetings everywhere: the coming
ones apart from those already over, what each type of meeting is called and is for, and whether
"no meetings are planned" would be true for this viewer at all."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from urllib.parse import quote

from flask import render_template
from flask_babel import lazy_gettext as _l

from portal.access import FamilyAccess, family_for, meeting_for
from portal.family import bp
from portal.links import safe_link
from portal.models import Meeting
from portal.models.base import utcnow
from portal.models.people import DEPARTMENT_CODES
from portal.reads.meetings import MEETING_DETAILS, family_meetings

# The four kinds of meeting (Meeting.kind) in the reader's words, and what each is for.
KIND_NAMES = {
    "tvaerfagligt": _l("Interdisciplinary meeting"),
    "netvaerk": _l("Network meeting"),
    "opfoelgning": _l("Follow-up meeting"),
    "samtale": _l("Conversation"),
}
KIND_PURPOSES = {
    "tvaerfagligt": _l(
        "You meet the school, PPR and social services together. You make one plan for your child."
    ),
    "netvaerk": _l(
        "You meet the people around your child, such as family, friends and school. Together "
        "you find out how they can help."
    ),
    "opfoelgning": _l("We look at how the help is going and if something needs to change."),
    "samtale": _l("You talk with one or two people from the municipality about your child."),
}
# A place's address becomes a search on a public map; nothing else of the meeting goes there.
MAP_SEARCH = "https://www.openstreetmap.org/search?query="


def coming_and_past(meetings: Iterable[Meeting], now: datetime) -> tuple[list, list]:
    """Coming meetings soonest first, then those that have ended, the latest first. A meeting
    going on right now still counts as coming: it is the one the family may be late for."""
    coming = sorted((m for m in meetings if m.ends_at > now), key=lambda m: m.starts_at)
    past = sorted((m for m in meetings if m.ends_at <= now), key=lambda m: m.starts_at)
    return coming, past[::-1]


def sees_only_invited_meetings(access: FamilyAccess) -> bool:
    """Whether some department shows this viewer only the meetings they are invited to
    (docs/access.md G2, G3): then an empty list means "you are not invited", not "nothing is
    planned". It depends on the viewer's access alone, never on whether such a meeting exists,
    so the wording tells nothing about the other department's meetings. (There is one
    department per code at most, so fewer case departments than codes means one is missing.)"""
    return len(access.case_departments) < len(DEPARTMENT_CODES)


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


def kind_purpose(kind: str) -> str | None:
    return KIND_PURPOSES.get(kind)


def map_link(location: str | None) -> str | None:
    """An https link to the place on a public map, or None when there is no place to find."""
    if not location or not location.strip():
        return None
    return safe_link(MAP_SEARCH + quote(location.strip(), safe=""))


@bp.context_processor
def meeting_words() -> dict:
    return {"meeting_kind": kind_name, "meeting_purpose": kind_purpose, "map_link": map_link}


@bp.get("/familier/<id:family_id>/moeder")
def meetings(family_id: int):
    access, _ = family_for(family_id, "meetings")
    coming, past = coming_and_past(family_meetings(access), utcnow())
    return render_template("family/meetings.html", access=access, coming=coming, past=past)


@bp.get("/familier/<id:family_id>/moeder/<id:meeting_id>")
def meeting(family_id: int, meeting_id: int):
    access, meeting = meeting_for(
        meeting_id, "meeting page", family_id=family_id, options=MEETING_DETAILS
    )
    return render_template(
        "family/meeting.html",
        access=access,
        meeting=meeting,
    )
