"""How much a request may send (the limits are in portal/config.py).

The pages' forms are small and none takes files, so every request is held to a small body
unless its view is marked as taking more (the API's JSON writes). Oversized bodies are refused
with 413 before anything reads them, so a huge value is never parsed, stored or shown back."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

LIMIT_ATTRIBUTE = "body_limit_setting"


def takes_large_bodies(setting: str) -> Callable:
    """Mark a view as taking bodies up to the config value `setting` (bytes)."""

    def mark(view: Callable) -> Callable:
        setattr(view, LIMIT_ATTRIBUTE, setting)
        return view

    return mark


def refuse_oversized_bodies() -> None:
    view = current_app.view_functions.get(request.endpoint or "")
    setting = getattr(view, LIMIT_ATTRIBUTE, None)
    if setting:
        request.max_content_length = current_app.config[setting]
    limit = request.max_content_length
    # Werkzeug refuses only when a view reads the body; refusing here answers every route the
    # same way and spares reading what is thrown away. Bodies without a length (chunked) are
    # cut off by Werkzeug's limited stream when read.
    if limit is not None and (request.content_length or 0) > limit:
        raise RequestEntityTooLarge()


def init_app(app: Flask) -> None:
    app.before_request(refuse_oversized_bodies)
