"""Compressed answers through the whole app: a page compressed as it is sent, a built asset
sent as its pre-compressed twin, each only when the browser says it accepts the encoding, and
nothing compressed that should not be (small answers, fonts, streamed files)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import brotli
import pytest

from portal.assets import PRECOMPRESS_MIN_SIZE

BROWSER = "gzip, deflate, br, zstd"  # what Chromium sends


def decode(response) -> bytes:
    body = response.get_data()
    encoding = response.headers.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(body)
    if encoding == "gzip":
        return gzip.decompress(body)
    assert encoding is None, encoding
    return body


def without_nonces(html: bytes) -> bytes:
    """The page with what differs on every request (CSP nonce, CSRF token) blanked out."""
    return re.sub(rb'(nonce|value)="[^"]*"', rb'\1=""', html)


@pytest.fixture
def asset(app):
    """The site script: its URL path and its file below static/."""
    path = app.extensions["portal.assets"]["site.js"]
    return f"/static/{path}", Path(app.static_folder) / path


@pytest.mark.parametrize("accept, encoding", [(BROWSER, "br"), ("gzip", "gzip")])
def test_page_is_compressed_when_accepted(client, accept, encoding):
    plain = client.get("/")
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain.headers
    assert "Accept-Encoding" in plain.headers["Vary"]

    packed = client.get("/", headers={"Accept-Encoding": accept})
    assert packed.status_code == 200
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert packed.mimetype == "text/html"
    assert int(packed.headers["Content-Length"]) == len(packed.get_data())
    assert len(packed.get_data()) < len(plain.get_data()) / 2
    assert without_nonces(decode(packed)) == without_nonces(plain.get_data())


def test_page_is_not_compressed_when_refused(client):
    for accept in ("identity", "br;q=0, gzip;q=0", ""):
        response = client.get("/", headers={"Accept-Encoding": accept})
        assert "Content-Encoding" not in response.headers, accept


def test_small_answers_are_not_compressed(client):
    response = client.get("/healthz", headers={"Accept-Encoding": BROWSER})
    assert response.status_code == 200
    assert len(response.get_data()) < 1024
    assert "Content-Encoding" not in response.headers


@pytest.mark.parametrize(
    "accept, encoding, suffix", [(BROWSER, "br", ".br"), ("gzip", "gzip", ".gz")]
)
def test_asset_is_sent_pre_compressed(client, asset, accept, encoding, suffix):
    url, file = asset
    response = client.get(url, headers={"Accept-Encoding": accept})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert response.mimetype == "text/javascript"
    assert "immutable" in response.headers["Cache-Control"]
    assert "Content-Disposition" not in response.headers
    body = response.get_data()
    assert body == file.with_name(file.name + suffix).read_bytes()  # sent as built, not again
    assert decode(response) == file.read_bytes()
    response.close()


def test_asset_is_sent_plain_when_no_encoding_is_accepted(client, asset):
    url, file = asset
    for headers in ({}, {"Accept-Encoding": "identity"}, {"Accept-Encoding": "zstd"}):
        response = client.get(url, headers=headers)
        assert response.status_code == 200
        assert "Content-Encoding" not in response.headers, headers
        assert "Accept-Encoding" in response.headers["Vary"]
        assert response.get_data() == file.read_bytes()
        assert "immutable" in response.headers["Cache-Control"]
        response.close()


def test_pre_compressed_asset_answers_conditional_requests(client, asset):
    url, _ = asset
    first = client.get(url, headers={"Accept-Encoding": "br"})
    etag = first.headers["ETag"]
    first.close()
    plain = client.get(url)
    assert plain.headers["ETag"] != etag  # each encoding has its own validator
    plain.close()
    again = client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": etag})
    assert again.status_code == 304
    assert again.get_data() == b""


def test_fonts_and_files_outside_dist_are_not_compressed(app, client):
    static = Path(app.static_folder)
    font = next(static.glob("dist/dkfds-*/fonts/**/*.woff2"))
    response = client.get(
        f"/static/{font.relative_to(static).as_posix()}", headers={"Accept-Encoding": BROWSER}
    )
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers
    response.close()
    # A file below static/ but not built: sent as a stream, which is not compressed on the fly.
    response = client.get("/static/src/portal.css", headers={"Accept-Encoding": BROWSER})
    assert response.status_code == 200
    assert len(response.get_data()) >= PRECOMPRESS_MIN_SIZE
    assert "Content-Encoding" not in response.headers
    response.close()


def test_missing_asset_is_a_plain_404(client):
    response = client.get("/static/dist/js/site.000000000000.js", headers={"Accept-Encoding": "br"})
    assert response.status_code == 404
    assert "Content-Encoding" not in response.headers  # error pages are sent as they are
    assert "immutable" not in response.headers.get("Cache-Control", "")
