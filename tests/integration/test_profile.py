"""The profile form: clear errors and nothing saved on bad input; choices saved and audited."""

import re

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from portal.models import AuditEntry, Guardian
from tests.conftest import login


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def guardian(session, name: str) -> Guardian:
    session.expire_all()
    return session.scalar(select(Guardian).where(Guardian.name == name))


def test_bad_input_is_explained_and_nothing_is_saved(client, identity_provider, session):
    client.set_cookie("portal_lang", "da")  # Emre saved English; this test reads the Danish
    login(client, identity_provider, "guardian-nielsen-ozdemir-2")
    before = guardian(session, "Emre Özdemir")
    email_before = before.email
    page = client.get("/profil").get_data(as_text=True)
    response = client.post(
        "/profil",
        data={
            "csrf_token": csrf(page),
            "preferred_language": "en",
            "notify_by": "sms",
            "email": "ikke-en-adresse",
            "phone": "12",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="error-summary"' in html and "<title>Fejl: Din profil" in html
    assert 'href="#email"' in html and 'href="#phone"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="phone-hint phone-error"' in html
    assert guardian(session, "Emre Özdemir").email == email_before


def test_sms_needs_a_phone_number(client, identity_provider):
    client.set_cookie("portal_lang", "da")
    login(client, identity_provider, "guardian-nielsen-ozdemir-2")
    page = client.get("/profil").get_data(as_text=True)
    response = client.post(
        "/profil",
        data={
            "csrf_token": csrf(page),
            "preferred_language": "da",
            "notify_by": "sms",
            "email": "",
            "phone": "",
        },
    )
    assert response.status_code == 400
    assert "mobilnummer" in response.get_data(as_text=True)


def test_unknown_choices_are_refused(client, identity_provider):
    login(client, identity_provider, "guardian-nielsen-ozdemir-2")
    page = client.get("/profil").get_data(as_text=True)
    response = client.post(
        "/profil",
        data={"csrf_token": csrf(page), "preferred_language": "xx", "notify_by": "pigeon"},
    )
    assert response.status_code == 400


@pytest.fixture
def sofie_afterwards(session):
    """Other tests read Sofie's pages in Danish: put her saved choices back afterwards."""
    yield
    row = guardian(session, "Sofie Nielsen")
    row.preferred_language, row.notify_by = "da", "email"
    session.commit()


@pytest.mark.usefixtures("sofie_afterwards")
def test_choices_are_saved_audited_and_the_language_follows(client, identity_provider, session):
    login(client, identity_provider, "guardian-nielsen-ozdemir-1")
    page = client.get("/profil").get_data(as_text=True)
    response = client.post(
        "/profil",
        data={
            "csrf_token": csrf(page),
            "preferred_language": "ar",
            "notify_by": "sms",
            "email": "sofie@example.dk",
            "phone": "+45 40 12 12 13",
        },
    )
    assert response.status_code == 303
    assert "portal_lang=ar" in response.headers["Set-Cookie"]
    saved = guardian(session, "Sofie Nielsen")
    assert (saved.preferred_language, saved.notify_by, saved.phone) == ("ar", "sms", "+4540121213")
    assert session.scalar(
        select(AuditEntry).where(
            AuditEntry.object_type == "guardian",
            AuditEntry.object_id == saved.id,
            AuditEntry.action == "write",
        )
    )
    html = client.get("/profil").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and 'role="status"' in html  # saved, in Arabic


def test_a_form_without_csrf_token_is_refused_clearly(client, identity_provider):
    login(client, identity_provider, "guardian-nielsen-ozdemir-1")
    response = client.post("/profil", data={"preferred_language": "da", "notify_by": "none"})
    assert response.status_code == 400


@pytest.mark.usefixtures("sofie_afterwards")
def test_the_profile_sets_the_language_cookie_like_the_switcher(client, identity_provider):
    """Over HTTPS both set the same cookie: Secure, HttpOnly, SameSite=Lax, for a year."""
    login(client, identity_provider, "guardian-nielsen-ozdemir-1")
    page = client.get("/profil").get_data(as_text=True)
    saved = client.post(
        "/profil",
        base_url="https://localhost",
        headers={"Referer": "https://localhost/profil"},  # CSRF checks it over HTTPS
        data={"csrf_token": csrf(page), "preferred_language": "en", "notify_by": "none"},
    )
    switched = client.get("/sprog/en", base_url="https://localhost")
    assert saved.status_code == 303 and switched.status_code == 303
    attributes = [set(r.headers["Set-Cookie"].split("; ")[1:]) for r in (saved, switched)]
    assert attributes[0] == attributes[1]
    assert {"Secure", "HttpOnly", "SameSite=Lax", "Max-Age=31536000"} <= attributes[0]


@pytest.mark.usefixtures("sofie_afterwards")
def test_the_confirmation_comes_in_the_language_just_chosen(client, identity_provider):
    client.set_cookie("portal_lang", "da")
    login(client, identity_provider, "guardian-nielsen-ozdemir-1")
    page = client.get("/profil").get_data(as_text=True)
    saved = client.post(
        "/profil",
        data={"csrf_token": csrf(page), "preferred_language": "ar", "notify_by": "none"},
        follow_redirects=True,
    )
    html = saved.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    confirmation = BeautifulSoup(html, "html.parser").select_one("main [role=status]")
    assert confirmation.get_text(strip=True) == "تم حفظ اختياراتك."  # "Your choices are saved."
