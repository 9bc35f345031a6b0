"""Every page has a size limit for what is sent to it: an oversized body gets a small 413 page in
the user's language, and a value that is too long is never shown back in full."""

from __future__ import annotations

import io
import re

from tests.conftest import login

TWENTY_MB = 20 * 1024 * 1024
# Far more than any page may answer, far less than what was sent.
SMALL_PAGE = 64 * 1024


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def logged_in(client, identity_provider) -> str:
    client.set_cookie("portal_lang", "en")
    login(client, identity_provider, "guardian-mohamed-1")
    return csrf(client.get("/profil").get_data(as_text=True))


def test_a_huge_form_post_gets_a_small_413_page(client, identity_provider):
    token = logged_in(client, identity_provider)
    marker = "huge-value-"
    response = client.post(
        "/profil",
        data={
            "csrf_token": token,
            "preferred_language": "en",
            "notify_by": "email",
            "email": marker + "x" * TWENTY_MB,
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 413
    assert len(response.get_data()) < SMALL_PAGE
    assert marker not in html
    assert "What you sent is too large" in html


def test_a_huge_post_without_a_login_is_refused_too(client):
    response = client.post("/log-ud", data={"next": "x" * TWENTY_MB})
    assert response.status_code == 413
    assert len(response.get_data()) < SMALL_PAGE


def test_a_file_upload_is_refused(client, identity_provider):
    token = logged_in(client, identity_provider)
    response = client.post(
        "/profil",
        data={
            "csrf_token": token,
            "notify_by": "none",
            "attachment": (io.BytesIO(b"\0" * TWENTY_MB), "scan.pdf"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert len(response.get_data()) < SMALL_PAGE


def test_a_body_just_over_the_form_limit_is_refused(client, app):
    limit = app.config["MAX_CONTENT_LENGTH"]
    assert limit <= 256 * 1024, "forms need far less than a megabyte"
    response = client.post("/log-ud", data={"next": "x" * limit})
    assert response.status_code == 413


def test_a_too_long_value_is_not_shown_back_in_full(client, identity_provider):
    token = logged_in(client, identity_provider)
    too_long = "a" * 100_000 + "@example.dk"
    response = client.post(
        "/profil",
        data={
            "csrf_token": token,
            "preferred_language": "en",
            "notify_by": "sms",
            "email": too_long,
            "phone": "1" * 20_000,
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The e-mail address is too long" in html
    assert "a" * 255 not in html and "1" * 255 not in html
    assert len(response.get_data()) < SMALL_PAGE
