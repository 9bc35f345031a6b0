"""The family's meetings page and one meeting's page (issue 12, items 1 and 8): coming and past
meetings of both departments in plain words (type, what it is for, when in Copenhagen time,
where with a map or the video link, who takes part with role and department, the agenda), held
and cancelled said in words with the reason; only what the viewer may see (docs/access.md G2,
G3); meetings from the case systems' API beside those of the portal; a fixed number of queries.

The family here is the tests' own, written through portal/records like every other change."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from flask_babel import force_locale, gettext
from sqlalchemy import select

from portal.extensions import db
from portal.models import Family, Meeting, StaffMember
from portal.records import families
from portal.records import meetings as meeting_records
from portal.records.staff import staff_actor
from portal.records.unit import unit_of_work
from tests.conftest import logged_in_client as logged_in
from tests.conftest import login
from tests.factories import make_family, staff_of, unique, writing
from tests.integration.test_family_overview import count_queries

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
CUSTODY = ("meetings-custody", "1708801234", "Vibeke Lærkesang")
INFORMATION = ("meetings-information", "1708801235", "Bo Lærkesang")
OTHER = "Anne Skov"  # someone outside the portal, by name


@dataclass
class Built:
    family_id: int
    meetings: dict[str, int]  # what the test calls it -> id
    titles: dict[str, str]
    staff: dict[str, tuple[str, str]]  # key -> (name, title)


def at(days: int, hour: int) -> datetime:
    """A Copenhagen wall-clock time `days` from today, as an aware datetime."""
    day = date.today() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=COPENHAGEN)


def build(session, identity_provider) -> Built:
    sof, sof_staff = staff_of(session, "sof")
    buf, buf_staff = staff_of(session, "buf")
    with writing(session) as unit:
        family = families.add_family(
            unit, sof, display_name="Familien Lærkesang", external_id=unique("family")
        )
        families.state_family(unit, family, buf, display_name="Familien Lærkesang")
        custody = families.add_guardian(
            unit, family, sof, person_number=CUSTODY[1], name=CUSTODY[2], access_level="custody"
        )
        families.state_guardian(unit, custody, buf, name=CUSTODY[2], access_level="custody")
        information = families.add_guardian(
            unit,
            family,
            sof,
            person_number=INFORMATION[1],
            name=INFORMATION[2],
            access_level="information",
        )
        child = {"first_name": "Ilse", "last_name": "Lærkesang", "birth_date": date(2013, 5, 1)}
        added = families.add_child(unit, family, sof, external_id=unique("child"), **child)
        families.state_child(unit, added, buf, **child)
        plans = {
            "coming buf": dict(
                department=buf,
                organizer=buf_staff[0],
                kind="tvaerfagligt",
                title="Fælles plan for Ilses skolegang",
                starts_at=at(3, 10),
                ends_at=at(3, 11),
                location="Lærkevej Skole, lokale 4",
                agenda="Velkomst\nSkolens erfaringer\nNæste skridt",
                participants=[
                    {"staff": buf_staff[0]},
                    {"staff": sof_staff[0], "role": "Familiebehandler"},
                    {"guardian": custody},
                    {"name": OTHER, "role": "Klasselærer"},
                ],
            ),
            "invited sof": dict(
                department=sof,
                organizer=sof_staff[1],
                kind="netvaerk",
                title="Netværksmøde om Ilses fritid",
                starts_at=at(5, 14),
                ends_at=at(5, 15),
                video_url="https://video.kk.dk/mode/laerkesang",
                participants=[{"staff": sof_staff[1]}, {"guardian": information}],
            ),
            "held buf": dict(
                department=buf,
                organizer=buf_staff[1],
                kind="samtale",
                title="Første samtale om Ilse",
                starts_at=at(-20, 9),
                ends_at=at(-20, 10),
                location="PPR Amager",
                status="held",
                participants=[{"staff": buf_staff[1]}, {"guardian": custody}],
            ),
            "cancelled sof": dict(
                department=sof,
                organizer=sof_staff[0],
                kind="opfoelgning",
                title="Opfølgning på Ilses støtte",
                starts_at=at(10, 13),
                ends_at=at(10, 14),
                location="Socialcenter Amager",
                participants=[{"staff": sof_staff[0]}, {"guardian": custody}],
            ),
        }
        made = {}
        for name, values in plans.items():
            department = values.pop("department")
            made[name] = meeting_records.plan_meeting(unit, department, family, **values)
    cancelled = made["cancelled sof"]
    with unit_of_work(session, staff_actor(sof_staff[0])) as unit:
        meeting_records.change_meeting(
            unit,
            cancelled,
            family=cancelled.family,
            kind=cancelled.kind,
            title=cancelled.title,
            starts_at=cancelled.starts_at,
            ends_at=cancelled.ends_at,
            organizer=cancelled.organizer,
            status="cancelled",
        )
        # The reason a staff member gives when cancelling (written by the cancel pages).
        cancelled.change_reason = "Vores familiebehandler er syg. Vi finder en ny tid."
    identity_provider.add_citizen(*CUSTODY)
    identity_provider.add_citizen(*INFORMATION)
    staff = {
        "buf organiser": (buf_staff[0].name, buf_staff[0].title),
        "sof guest": (sof_staff[0].name, sof_staff[0].title),
    }
    return Built(
        family_id=family.id,
        meetings={name: m.id for name, m in made.items()},
        titles={name: m.title for name, m in made.items()},
        staff=staff,
    )


@pytest.fixture(scope="module")
def built(app, identity_provider) -> Built:
    with app.app_context():
        result = build(db.session, identity_provider)
        db.session.remove()
    return result


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def words(app, msgid: str, language: str = "da") -> str:
    with app.test_request_context(), force_locale(language):
        return gettext(msgid)


def text_of(soup) -> str:
    return " ".join(soup.get_text(" ").split())


def card(soup, meeting_id: int):
    heading = soup.find(id=f"meeting-{meeting_id}")
    return heading.find_parent("section") if heading else None


def test_the_meetings_page_shows_both_departments_in_plain_words(app, identity_provider, built):
    client = logged_in(app, identity_provider, CUSTODY[0])
    soup = page(client, f"/familier/{built.family_id}/moeder")
    ids = built.meetings
    coming = soup.find(id="coming").find_all_next("section", limit=3)
    assert [s.h3["id"] for s in coming] == [
        f"meeting-{ids['coming buf']}",
        f"meeting-{ids['invited sof']}",
        f"meeting-{ids['cancelled sof']}",
    ]
    past = soup.find(id="past")
    assert card(soup, ids["held buf"]) in past.find_all_next("section")

    shown = card(soup, ids["coming buf"])
    text = text_of(shown)
    assert words(app, "Interdisciplinary meeting") in text
    purpose = (
        "You meet the school, PPR and social services together. You make one plan for your child."
    )
    assert words(app, purpose) in text
    assert "Lærkevej Skole, lokale 4" in text and OTHER + ", Klasselærer" in text
    buf_name, buf_title = built.staff["buf organiser"]
    sof_name, _ = built.staff["sof guest"]
    assert f"{buf_name}, {buf_title}, Børne- og Ungdomsforvaltningen" in text
    assert f"{sof_name}, Familiebehandler, Socialforvaltningen" in text  # the other department
    assert f"{CUSTODY[2]}, Forælder" in text
    assert [li.get_text() for li in shown.select(".portal-agenda li")] == [
        "Velkomst",
        "Skolens erfaringer",
        "Næste skridt",
    ]
    map_link = shown.find("a", href=lambda h: h and "openstreetmap" in h)["href"]
    assert map_link == "https://www.openstreetmap.org/search?query=" + quote(
        "Lærkevej Skole, lokale 4", safe=""
    )
    assert shown.find("a", href=f"/familier/{built.family_id}/moeder/{ids['coming buf']}")
    # When, in Copenhagen time, with a machine-readable moment.
    starts = at(3, 10)
    assert shown.find("time")["datetime"] == starts.astimezone(ZoneInfo("UTC")).isoformat()
    assert "10.00" in shown.find("time").get_text()

    video = card(soup, ids["invited sof"])
    assert video.find("a", href="https://video.kk.dk/mode/laerkesang")
    assert words(app, "Network meeting") in text_of(video)

    cancelled = text_of(card(soup, ids["cancelled sof"]))
    assert "Mødet er aflyst." in cancelled
    assert "Vores familiebehandler er syg. Vi finder en ny tid." in cancelled
    assert "Mødet blev holdt." in text_of(card(soup, ids["held buf"]))


def test_the_meetings_page_is_linked_from_the_overview_and_the_child_page(
    app, identity_provider, built, session
):
    client = logged_in(app, identity_provider, CUSTODY[0])
    meetings_url = f"/familier/{built.family_id}/moeder"
    overview = page(client, f"/familier/{built.family_id}")
    assert overview.find("a", href=meetings_url)
    child_id = session.get(Family, built.family_id).children[0].id
    child = page(client, f"/familier/{built.family_id}/boern/{child_id}")
    assert child.find("a", href=meetings_url)
    # Each meeting shown there opens its own page.
    meeting_url = f"{meetings_url}/{built.meetings['coming buf']}"
    assert overview.find("a", href=meeting_url) and child.find("a", href=meeting_url)


def test_a_meetings_page_tells_the_whole_story(app, identity_provider, built):
    client = logged_in(app, identity_provider, CUSTODY[0])
    meeting_id = built.meetings["coming buf"]
    url = f"/familier/{built.family_id}/moeder/{meeting_id}"
    soup = page(client, url)
    assert soup.h1.get_text(strip=True) == built.titles["coming buf"]
    crumbs = [a["href"] for a in soup.select(".breadcrumbs a")]
    assert crumbs == [f"/familier/{built.family_id}", f"/familier/{built.family_id}/moeder"]
    assert OTHER in text_of(soup) and "Velkomst" in text_of(soup)
    download = soup.find("a", href=f"{url}/kalender.ics")
    assert download is not None and download.has_attr("download")
    assert soup.find("a", href=f"/familier/{built.family_id}/kalender")

    cancelled = page(
        client, f"/familier/{built.family_id}/moeder/{built.meetings['cancelled sof']}"
    )
    assert "Vores familiebehandler er syg." in text_of(cancelled.find(class_="alert"))


def test_a_parent_without_custody_sees_the_meetings_they_are_invited_to(
    app, identity_provider, built
):
    client = logged_in(app, identity_provider, INFORMATION[0])
    soup = page(client, f"/familier/{built.family_id}/moeder")
    text = text_of(soup)
    assert built.titles["invited sof"] in text
    others = [t for name, t in built.titles.items() if name != "invited sof"]
    assert [t for t in others if t in text] == []
    assert soup.find(class_="alert-info")  # why they see less
    for name, meeting_id in built.meetings.items():
        url = f"/familier/{built.family_id}/moeder/{meeting_id}"
        expected = 200 if name == "invited sof" else 404
        assert client.get(url).status_code == expected, name
        assert client.get(f"{url}/kalender.ics").status_code == expected, name


def test_no_meeting_is_said_truly_to_a_parent_without_custody(app, identity_provider, session):
    """Jonas Hansen (information only) is invited to none of the family's meetings: the page
    says he is not invited, never that nothing is planned."""
    hansen = session.scalar(select(Family.id).where(Family.display_name == "Familien Hansen"))
    client = logged_in(app, identity_provider, "guardian-hansen-2")
    text = text_of(page(client, f"/familier/{hansen}/moeder"))
    assert "Du er ikke inviteret til nogen planlagte møder." in text
    assert "Tværfagligt møde om Oliver" not in text and "Samtale med PPR" not in text


def test_other_families_and_staff_get_404(app, identity_provider, built, session):
    jensen = session.scalar(select(Family.id).where(Family.display_name == "Familien Jensen"))
    other_parent = logged_in(app, identity_provider, "guardian-jensen-1")
    meeting_id = built.meetings["coming buf"]
    for url in [
        f"/familier/{built.family_id}/moeder",
        f"/familier/{built.family_id}/moeder/{meeting_id}",
        f"/familier/{built.family_id}/moeder/{meeting_id}/kalender.ics",
        f"/familier/{jensen}/moeder/{meeting_id}",  # their own family, our meeting
        f"/familier/{jensen}/moeder/{meeting_id}/kalender.ics",
        f"/familier/{built.family_id}/kalender",
    ]:
        assert other_parent.get(url).status_code == 404, url
    assert other_parent.get(f"/familier/{jensen}/moeder").status_code == 200

    # Staff use their own door: the family's meeting pages are not theirs, whichever department.
    for subject in ("staff-sara", "staff-nadia"):
        staff = app.test_client()
        login(staff, identity_provider, subject, door="staff")
        for url in [
            f"/familier/{built.family_id}/moeder",
            f"/familier/{built.family_id}/moeder/{meeting_id}",
            f"/familier/{built.family_id}/moeder/{meeting_id}/kalender.ics",
        ]:
            assert staff.get(url).status_code == 404, (subject, url)


def test_a_meeting_the_viewer_may_not_see_is_not_on_the_page(app, identity_provider, session):
    """A guardian with custody from one department only sees that department's meetings and
    the other department's only when invited (G2, G3)."""
    sof, sof_staff = staff_of(session, "sof")
    buf, buf_staff = staff_of(session, "buf")
    subject, number = "meetings-one-department", "1708801236"
    with writing(session) as unit:
        family = families.add_family(unit, sof, display_name="Familien Enkelt")
        guardian = families.add_guardian(
            unit, family, sof, person_number=number, name="Kim Enkelt", access_level="custody"
        )
        families.state_family(unit, family, buf, display_name="Familien Enkelt")
        for department, staff, title in [
            (sof, sof_staff[0], "Samtale hos SOF om Enkelt"),
            (buf, buf_staff[0], "Samtale hos BUF om Enkelt"),
        ]:
            meeting_records.plan_meeting(
                unit,
                department,
                family,
                kind="samtale",
                title=title,
                starts_at=at(4, 9),
                ends_at=at(4, 10),
                participants=[{"staff": staff}],
            )
    family_id = family.id
    assert guardian.id
    identity_provider.add_citizen(subject, number, "Kim Enkelt")
    text = text_of(
        page(logged_in(app, identity_provider, subject), f"/familier/{family_id}/moeder")
    )
    assert "Samtale hos SOF om Enkelt" in text and "Samtale hos BUF om Enkelt" not in text


@pytest.mark.parametrize("url", ["meetings", "meeting"])
def test_the_query_count_does_not_grow_with_the_meetings(app, identity_provider, session, url):
    counts = {}
    for size, (person_number, amount) in {
        "small": ("0303033333", 1),
        "large": ("0404044444", 6),
    }.items():
        key = f"{size}{url}"
        family = make_family(
            session,
            person_number=person_number,
            key=key,
            children=1,
            cases=2,
            events=1,
            meetings=amount,
            updates=1,
            offers=1,
        )
        identity_provider.add_citizen(f"citizen-{key}", person_number, f"Forælder {key}")
        client = app.test_client()
        login(client, identity_provider, f"citizen-{key}")
        first = session.scalar(
            select(Meeting.id).where(Meeting.family_id == family.id).order_by(Meeting.id)
        )
        path = f"/familier/{family.id}/moeder"
        if url == "meeting":
            path += f"/{first}"
        counts[size] = count_queries(app, client, path)
    assert counts["small"] == counts["large"], counts


def test_a_meeting_from_a_case_system_shows_with_its_participants_and_the_portals(
    app, identity_provider, session
):
    """Item 8: a meeting the BUF system sends through the API shows on the family's pages;
    a participant added in the portal stands beside those the API sent, and a later API
    change that leaves the participants out keeps both."""
    from tests.api.conftest import make_api_user, new_family

    buf = make_api_user(app, "buf")
    number = "1708801237"
    guardian = {"person_number": number, "name": "Ea Apisen", "access_level": "custody"}
    family_ref, _ = new_family(buf, guardians=[guardian])
    line = session.scalar(select(StaffMember).where(StaffMember.name == "Line Pedersen"))
    body = {
        "family_id": family_ref,
        "kind": "opfoelgning",
        "title": "Opfølgning fra BUF's system",
        "starts_at": at(6, 9).isoformat(),
        "ends_at": at(6, 10).isoformat(),
        "location": "Skolen ved Søerne",
        "agenda": "Hvordan går det?",
        "participants": [
            {"kind": "staff", "department": "buf", "staff_id": line.external_id},
            {"kind": "guardian", "person_number": number, "role": "Mor"},
            {"kind": "other", "name": "Lærer Bo", "role": "Klasselærer"},
        ],
    }
    path = f"/departments/buf/meetings/{unique('M')}"
    assert buf.put(path, body).status_code == 201
    session.expire_all()
    meeting = session.scalar(select(Meeting).where(Meeting.title == body["title"]))
    nadia = session.scalar(select(StaffMember).where(StaffMember.name == "Nadia Haddad"))
    with unit_of_work(session, staff_actor(line)) as unit:
        meeting_records.add_participant(unit, meeting, staff=nadia, role="Koordinator")
    assert buf.put(path, {k: v for k, v in body.items() if k != "participants"}).status_code == 200

    identity_provider.add_citizen("meetings-api-parent", number, "Ea Apisen")
    client = logged_in(app, identity_provider, "meetings-api-parent")
    for url in [
        f"/familier/{meeting.family_id}/moeder",
        f"/familier/{meeting.family_id}/moeder/{meeting.id}",
    ]:
        text = text_of(page(client, url))
        assert body["title"] in text and "Skolen ved Søerne" in text and "Hvordan går det?" in text
        assert "Line Pedersen, PPR-psykolog, Børne- og Ungdomsforvaltningen" in text
        assert "Ea Apisen, Mor" in text and "Lærer Bo, Klasselærer" in text
        assert "Nadia Haddad, Koordinator, Socialforvaltningen" in text
