"""Compressed answers: pages and JSON compressed as they are sent, static assets pre-compressed.

* Pages, JSON, CSS, JavaScript and SVG the app renders are compressed by Flask-Compress with
  brotli or gzip, whichever the browser prefers (``Accept-Encoding``), when they are at least
  ``COMPRESS_MIN_SIZE`` bytes. Responses already carrying a ``Content-Encoding``, error and
  304 answers, and streamed responses (file downloads among them) are left as they are, so
  streaming keeps streaming. A strong ``ETag`` gets the encoding appended, so a cache never
  mixes up the compressed and the plain body.
* Files below ``static/dist/`` come from ``make assets`` with ``.br`` and ``.gz`` twins next
  to them (``portal.assets.precompress``). The static route sends the twin the browser
  accepts, with ``Content-Encoding``, ``Vary: Accept-Encoding``, its own ``ETag`` and the same
  immutable caching; a browser that accepts neither gets the plain file.
"""

from __future__ import annotations

import mimetypes
import os

from flask import Flask, Response, request, send_from_directory
from flask_compress import Compress
from werkzeug.security import safe_join

from portal.assets import DIST_DIR, PRECOMPRESSED

MIN_SIZE = 1024  # bytes; below this the headers cost more than compression saves
COMPRESSED_TYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/csv",
    "text/calendar",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/problem+json",
    "application/xml",
    "image/svg+xml",
]


def accepted_encodings(accept_encoding: str) -> list[str]:
    """The encodings of ``PRECOMPRESSED`` the header accepts, best first.

    A quality of 0 refuses an encoding; ``*`` stands for any encoding not named. Among equal
    qualities the server's order (``PRECOMPRESSED``) decides.
    """
    qualities: dict[str, float] = {}
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if name.strip():
            qualities[name.strip()] = quality
    ours = list(PRECOMPRESSED)
    chosen = []
    for encoding in ours:
        quality = qualities.get(encoding, qualities.get("*", 0.0))
        if quality > 0:
            chosen.append((-quality, ours.index(encoding), encoding))
    return [encoding for _, _, encoding in sorted(chosen)]


class _Compress(Compress):
    """Flask-Compress, except that an encoding the browser gives a quality of 0 is refused
    (Flask-Compress 1.25 would still pick it when every encoding it offers has q=0)."""

    def after_request(self, response: Response) -> Response:
        if not accepted_encodings(request.headers.get("Accept-Encoding", "")):
            response.vary.add("Accept-Encoding")
            return response
        return super().after_request(response)


def init_app(app: Flask) -> None:
    app.config.setdefault("COMPRESS_ALGORITHM", list(PRECOMPRESSED))
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_TYPES)
    app.config.setdefault("COMPRESS_MIN_SIZE", MIN_SIZE)
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    app.config.setdefault("COMPRESS_STREAMS", False)
    _Compress(app)

    static_folder = app.static_folder
    serve_plain = app.view_functions.get("static")
    if static_folder is None or serve_plain is None:
        return

    def serve_static(filename: str) -> Response:
        if not filename.startswith(f"{DIST_DIR}/"):
            return serve_plain(filename=filename)
        variants = {
            encoding: name
            for encoding, suffix in PRECOMPRESSED.items()
            if (name := filename + suffix)
            and (path := safe_join(static_folder, name)) is not None
            and os.path.isfile(path)
        }
        if not variants:
            return serve_plain(filename=filename)
        for encoding in accepted_encodings(request.headers.get("Accept-Encoding", "")):
            if encoding in variants:
                mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
                response = send_from_directory(
                    static_folder,
                    variants[encoding],
                    mimetype=mimetype,
                    max_age=app.get_send_file_max_age(filename),
                )
                response.headers["Content-Encoding"] = encoding
                response.headers.pop("Content-Disposition", None)
                break
        else:
            response = serve_plain(filename=filename)
        response.vary.add("Accept-Encoding")
        return response

    app.view_functions["static"] = serve_static
