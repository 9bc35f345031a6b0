"""Meetings in the guardian's own calendar (issue 12, item 6): one meeting as an `.ics` file and
a private calendar address whose feed always holds the guardian's current meetings. Both parse
with `icalendar`; each meeting keeps one UID while its SEQUENCE rises on every move and on
cancellation; a cancelled meeting says STATUS:CANCELLED; times are UTC and right on both sides
of the change to and from summer time; and nothing in them names the child, the case, the
meeting's title, place or agenda. The feed answers without a session, 404 alike for an unknown
and a stopped address; only the secret's hash is stored and the secret never reaches a log."""

from __future__ import annotations

import hashlib
import html
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from flask_babel import force_locale, gettext
from icalendar import Calendar
from sqlalchemy import select

from portal.extensions import db
from portal.models import AuditEntry, CalendarFeed, Meeting
from portal.models.base import utcnow
from portal.records import families
from portal.records import meetings as meeting_records
from portal.records.staff import staff_actor
from portal.records.unit import unit_of_work
from tests.conftest import csrf_token
from tests.conftest import logged_in_client as logged_in
from tests.factories import staff_of, unique, writing

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
CUSTODY = ("calendar-custody", "2304791234", "Rikke Kalendersen")
INFORMATION = ("calendar-information", "2304791235", "Ole Kalendersen")
CHILD = ("Malthe", "Kalendersen")
# Summer time starts on 28 March 2027 and ends on 31 October 2027.
BEFORE_SPRING = datetime(2027, 3, 26, 10, 0, tzinfo=COPENHAGEN)  # 09:00 UTC
AFTER_SPRING = datetime(2027, 3, 29, 10, 0, tzinfo=COPENHAGEN)  # 08:00 UTC
BEFORE_AUTUMN = datetime(2027, 10, 29, 10, 0, tzinfo=COPENHAGEN)  # 08:00 UTC
AFTER_AUTUMN = datetime(2027, 11, 1, 10, 0, tzinfo=COPENHAGEN)  # 09:00 UTC
SECRET_WORDS = [
    "Malthe",
    "Kalendersen",
    "Skoleplan for Malthe",
    "Lokale Granly",
    "Dagsorden om trivsel",
    "Netværk om fritid",
    "Mødested Birkely",
]


@dataclass
class Built:
    family_id: int
    spring_id: int  # custody guardian's, moved across the spring change
    autumn_id: int  # invites the parent without custody too
    cancelled_id: int  # cancelled a while ago, still in the feed
    old_id: int  # long over: a feed leaves it out


def build(session, identity_provider) -> Built:
    sof, sof_staff = staff_of(session, "sof")
    with writing(session) as unit:
        family = families.add_family(
            unit, sof, display_name="Familien Kalendersen", external_id=unique("family")
        )
        custody = families.add_guardian(
            unit, family, sof, person_number=CUSTODY[1], name=CUSTODY[2], access_level="custody"
        )
        information = families.add_guardian(
            unit,
            family,
            sof,
            person_number=INFORMATION[1],
            name=INFORMATION[2],
            access_level="information",
        )
        families.add_child(
            unit,
            family,
            sof,
            external_id=unique("child"),
            first_name=CHILD[0],
            last_name=CHILD[1],
            birth_date=date(2014, 2, 3),
        )
    with writing(session) as unit:  # the guardians have their ids now
        spring = meeting_records.plan_meeting(
            unit,
            sof,
            family,
            organizer=sof_staff[0],
            kind="tvaerfagligt",
            title="Skoleplan for Malthe",
            starts_at=BEFORE_SPRING,
            ends_at=BEFORE_SPRING.replace(hour=11),
            location="Lokale Granly",
            agenda="Dagsorden om trivsel",
            participants=[{"staff": sof_staff[0]}, {"guardian": custody}],
        )
        autumn = meeting_records.plan_meeting(
            unit,
            sof,
            family,
            organizer=sof_staff[1],
            kind="netvaerk",
            title="Netværk om fritid",
            starts_at=BEFORE_AUTUMN,
            ends_at=BEFORE_AUTUMN.replace(hour=11),
            location="Mødested Birkely",
            participants=[
                {"staff": sof_staff[1]},
                {"guardian": custody},
                {"guardian": information},
            ],
        )
    identity_provider.add_citizen(*CUSTODY)
    identity_provider.add_citizen(*INFORMATION)
    with writing(session) as unit:
        made = {}
        for name, starts in [
            ("cancelled", utcnow() + timedelta(days=9)),
            ("old", utcnow() - timedelta(days=200)),
        ]:
            made[name] = meeting_records.plan_meeting(
                unit,
                sof,
                family,
                organizer=sof_staff[0],
                kind="samtale",
                title="Skoleplan for Malthe",
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                status="cancelled" if name == "cancelled" else "held",
                participants=[{"staff": sof_staff[0]}, {"guardian": custody}],
            )
    return Built(family.id, spring.id, autumn.id, made["cancelled"].id, made["old"].id)


@pytest.fixture(scope="module")
def built(app, identity_provider) -> Built:
    with app.app_context():
        result = build(db.session, identity_provider)
        db.session.remove()
    return result


def change(session, meeting_id: int, **values) -> None:
    """Move or cancel a meeting as its department's staff member would."""
    meeting = session.get(Meeting, meeting_id)
    with unit_of_work(session, staff_actor(meeting.organizer)) as unit:
        current = dict(
            family=meeting.family,
            kind=meeting.kind,
            title=meeting.title,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            organizer=meeting.organizer,
        )
        meeting_records.change_meeting(unit, meeting, **(current | values))
    session.expire_all()


def events_of(body: bytes) -> dict[str, object]:
    """The file's events by UID (parsing proves it is iCalendar)."""
    calendar = Calendar.from_ical(body)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def words(app, msgid: str, language: str = "da") -> str:
    with app.test_request_context(), force_locale(language):
        return gettext(msgid)


def summary_in(app, language: str) -> str:
    return words(app, "Meeting — Familieportalen", language)


def assert_says_nothing_about_the_family(body: bytes) -> None:
    text = Calendar.from_ical(body).to_ical().decode()  # unfolded lines
    raw = body.decode()
    found = [word for word in SECRET_WORDS if word in text or word in raw]
    assert found == [], f"the calendar names {found}"
    for event in Calendar.from_ical(body).walk("VEVENT"):
        assert "LOCATION" not in event and "ATTENDEE" not in event and "ORGANIZER" not in event


def ics(client, built: Built, meeting_id: int):
    return client.get(f"/familier/{built.family_id}/moeder/{meeting_id}/kalender.ics")


# ---- one meeting as a file -------------------------------------------------------------------


def test_a_meeting_downloads_as_a_calendar_file_that_says_only_when(
    app, identity_provider, built, session
):
    client = logged_in(app, identity_provider, CUSTODY[0])
    response = ics(client, built, built.spring_id)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and disposition.endswith('.ics"')
    assert "no-store" in response.headers["Cache-Control"]
    body = response.get_data()
    [(uid, event)] = events_of(body).items()
    assert uid == f"meeting-{built.spring_id}@127.0.0.1"  # the host of PUBLIC_URL
    assert str(event["SUMMARY"]) == summary_in(app, "da")
    assert str(event["STATUS"]) == "CONFIRMED" and event["SEQUENCE"] == 0
    link = f"http://127.0.0.1:5000/familier/{built.family_id}/moeder/{built.spring_id}"
    assert str(event["URL"]) == link and str(event["DESCRIPTION"]) == link
    assert event["DTSTART"].dt == datetime(2027, 3, 26, 9, 0, tzinfo=UTC)
    assert event["DTEND"].dt == datetime(2027, 3, 26, 10, 0, tzinfo=UTC)
    assert b"DTSTART:20270326T090000Z" in body  # UTC, no VTIMEZONE
    assert b"VTIMEZONE" not in body and event["DTSTAMP"]
    assert_says_nothing_about_the_family(body)
    # The summary follows the reader's language.
    arabic = logged_in(app, identity_provider, CUSTODY[0], language="ar")
    [arabic_event] = events_of(ics(arabic, built, built.spring_id).get_data()).values()
    assert str(arabic_event["SUMMARY"]) == summary_in(app, "ar")


def test_moving_keeps_the_uid_raises_the_sequence_and_crosses_summer_time(
    app, identity_provider, built, session
):
    client = logged_in(app, identity_provider, CUSTODY[0])
    [(uid, before)] = events_of(ics(client, built, built.autumn_id).get_data()).items()
    assert before["DTSTART"].dt == datetime(2027, 10, 29, 8, 0, tzinfo=UTC)  # summer time
    sequence = before["SEQUENCE"]

    change(session, built.autumn_id, starts_at=AFTER_AUTUMN, ends_at=AFTER_AUTUMN.replace(hour=11))
    [(moved_uid, moved)] = events_of(ics(client, built, built.autumn_id).get_data()).items()
    assert moved_uid == uid and moved["SEQUENCE"] == sequence + 1
    assert moved["DTSTART"].dt == datetime(2027, 11, 1, 9, 0, tzinfo=UTC)  # winter time
    assert moved["DTEND"].dt == datetime(2027, 11, 1, 10, 0, tzinfo=UTC)
    page = client.get(f"/familier/{built.family_id}/moeder/{built.autumn_id}")
    assert "10.00" in page.get_data(as_text=True)  # the page says Copenhagen's 10 o'clock

    # A change that is no move (the title) is no new version for the calendar.
    change(session, built.autumn_id, title="Netværk om fritid, nyt navn")
    [same] = events_of(ics(client, built, built.autumn_id).get_data()).values()
    assert same["SEQUENCE"] == sequence + 1
    change(session, built.autumn_id, title="Netværk om fritid")


def test_the_spring_change_and_cancelling(app, identity_provider, built, session):
    client = logged_in(app, identity_provider, CUSTODY[0])
    change(session, built.spring_id, starts_at=AFTER_SPRING, ends_at=AFTER_SPRING.replace(hour=11))
    [moved] = events_of(ics(client, built, built.spring_id).get_data()).values()
    assert moved["DTSTART"].dt == datetime(2027, 3, 29, 8, 0, tzinfo=UTC)  # summer time now
    assert moved["SEQUENCE"] == 1 and str(moved["STATUS"]) == "CONFIRMED"

    change(session, built.spring_id, status="cancelled")
    response = ics(client, built, built.spring_id)
    assert response.status_code == 200  # still there, so the calendar learns of it
    [(uid, cancelled)] = events_of(response.get_data()).items()
    assert uid == f"meeting-{built.spring_id}@127.0.0.1"
    assert str(cancelled["STATUS"]) == "CANCELLED" and cancelled["SEQUENCE"] == 2
    assert_says_nothing_about_the_family(response.get_data())


# ---- the private calendar address --------------------------------------------------------------


def make_address(client, built: Built) -> str:
    """Make a new address on the calendar page; returns the feed's path, shown once."""
    page = f"/familier/{built.family_id}/kalender"
    made = client.post(page, data={"csrf_token": csrf_token(client, page), "what": "new"})
    assert made.status_code == 303
    assert made.headers["Location"].startswith(page)
    shown = client.get(page).get_data(as_text=True)
    found = re.findall(r"https?://[^\s<\"]+/kalender/[A-Za-z0-9_-]{43}\.ics", shown)
    assert len(set(found)) == 1, "the page shows the new address"
    again = client.get(page).get_data(as_text=True)
    assert urlsplit(found[0]).path not in again, "the address is shown only once"
    return urlsplit(found[0]).path


def fetch(app, path: str):
    """As a calendar app asks: no cookie, no session."""
    return app.test_client().get(path)


def test_a_private_address_feeds_the_guardians_meetings_and_nothing_else(
    app, identity_provider, built, session, caplog
):
    custody = logged_in(app, identity_provider, CUSTODY[0])
    with caplog.at_level(logging.DEBUG):
        path = make_address(custody, built)
        response = fetch(app, path)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "Set-Cookie" not in response.headers
    body = response.get_data()
    events = events_of(body)
    assert set(events) == {
        f"meeting-{built.spring_id}@127.0.0.1",
        f"meeting-{built.autumn_id}@127.0.0.1",
        f"meeting-{built.cancelled_id}@127.0.0.1",  # cancelled, so the calendar removes it
    }  # the meeting 200 days ago is left out
    assert str(events[f"meeting-{built.cancelled_id}@127.0.0.1"]["STATUS"]) == "CANCELLED"
    assert all(str(e["SUMMARY"]) == summary_in(app, "da") for e in events.values())
    assert Calendar.from_ical(body).get("REFRESH-INTERVAL") is not None
    assert_says_nothing_about_the_family(body)

    token = path.removeprefix("/kalender/").removesuffix(".ics")
    session.expire_all()
    feed = session.scalar(
        select(CalendarFeed).where(
            CalendarFeed.token_hash == hashlib.sha256(token.encode()).hexdigest()
        )
    )
    assert feed is not None and feed.revoked_at is None  # only the hash is stored
    details = session.scalars(select(AuditEntry.detail).where(AuditEntry.detail.is_not(None)))
    assert all(token not in detail for detail in details)
    read = session.scalar(
        select(AuditEntry).where(
            AuditEntry.object_type == "calendar_feed", AuditEntry.action == "read"
        )
    )
    assert read is not None and read.family_id == built.family_id
    assert all(token not in record.getMessage() for record in caplog.records)


def test_a_parent_without_custody_gets_the_meetings_they_are_invited_to(
    app, identity_provider, built
):
    information = logged_in(app, identity_provider, INFORMATION[0])
    events = events_of(fetch(app, make_address(information, built)).get_data())
    assert set(events) == {f"meeting-{built.autumn_id}@127.0.0.1"}


def test_a_new_address_stops_the_old_one_and_stopping_stops_it(app, identity_provider, built):
    custody = logged_in(app, identity_provider, CUSTODY[0])
    old = make_address(custody, built)
    new = make_address(custody, built)
    assert new != old
    assert fetch(app, new).status_code == 200
    unknown = fetch(app, "/kalender/" + "A" * 43 + ".ics")
    refused = fetch(app, old)
    assert refused.status_code == unknown.status_code == 404
    nonce = re.compile(r'nonce="[^"]*"')
    same = [nonce.sub("", r.get_data(as_text=True)) for r in (refused, unknown)]
    assert same[0].replace(old, "") == same[1].replace("/kalender/" + "A" * 43 + ".ics", "")

    page = f"/familier/{built.family_id}/kalender"
    stopped = custody.post(page, data={"csrf_token": csrf_token(custody, page), "what": "stop"})
    assert stopped.status_code == 303
    assert fetch(app, new).status_code == 404
    none_yet = words(app, "You do not have a calendar address.")
    assert none_yet in html.unescape(custody.get(page).get_data(as_text=True))
    for nonsense in ["/kalender/kort.ics", "/kalender/" + "é" * 43 + ".ics"]:
        assert fetch(app, nonsense).status_code == 404


def test_a_form_without_its_token_or_button_is_refused_and_changes_nothing(
    app, identity_provider, built, session
):
    custody = logged_in(app, identity_provider, CUSTODY[0])
    page = f"/familier/{built.family_id}/kalender"
    session.expire_all()
    before = session.scalars(select(CalendarFeed.id, CalendarFeed.revoked_at)).all()
    assert custody.post(page, data={"what": "new"}).status_code == 400  # no CSRF token
    token = csrf_token(custody, page)
    for what in (None, "", "delete-everything"):
        refused = custody.post(
            page, data={"csrf_token": token, "what": what} if what else {"csrf_token": token}
        )
        assert refused.status_code == 400
        html = refused.get_data(as_text=True)
        assert 'id="error-summary"' in html
        assert words(app, "Press one of the buttons on the page again.") in html
    session.expire_all()
    assert session.scalars(select(CalendarFeed.id, CalendarFeed.revoked_at)).all() == before


def test_the_feed_is_rate_limited(app, make_other_app):
    limited = make_other_app(RATELIMIT_ENABLED=True, CALENDAR_FEED_RATE_LIMIT="2 per minute")
    client = limited.test_client()
    path = "/kalender/" + "B" * 43 + ".ics"
    assert [client.get(path).status_code for _ in range(3)] == [404, 404, 429]


def test_the_secret_never_reaches_a_log():
    from portal.log_redaction import redact

    token = "x" * 20 + "-_" + "Y" * 21
    line = f'127.0.0.1 - - "GET /kalender/{token}.ics HTTP/1.1" 200 -'
    assert token not in redact(line) and "/kalender/[redacted].ics" in redact(line)
    assert redact("/familier/1/kalender/stop") == "/familier/1/kalender/stop"
