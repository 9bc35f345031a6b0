"""Which addresses from outside may become a link on our pages.

Links reach the portal from the departments' case systems (a meeting's video link). Only
`https://` addresses may become links: a `javascript:` or `data:` address would run in the
portal's origin, and plain http would carry a meeting's secret link in the clear. The API
refuses other addresses (naming the reason), and the templates only link what `safe_link` lets
through, for rows written before that rule or by other means.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Flask

SCHEME = "https://"
# The characters RFC 3986 allows in a URI; anything else (spaces, quotes, backslashes,
# non-ASCII letters) must arrive percent-encoded, so no two parsers read the address apart.
URI_CHARACTERS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
LINK_PATTERN = rf"^https://[{URI_CHARACTERS}]+$"
_URI = re.compile(rf"[{URI_CHARACTERS}]+")


def link_problem(address: str) -> str | None:
    """Why `address` may not become a link, or None when it may."""
    if not address.startswith(SCHEME):
        return "must be an https:// address"
    if not _URI.fullmatch(address):
        return "must contain only URL characters (percent-encode spaces and other characters)"
    try:
        parts = urlsplit(address)
        parts.port  # noqa: B018 - reading the port checks it
    except ValueError:  # a broken [IPv6] host or port
        return "must be a valid URL (check the host and port)"
    if parts.username is not None or parts.password is not None:
        return "must not contain a user name or password"
    if not parts.hostname:
        return "must name a host after https://"
    return None


def safe_link(address: str | None) -> str | None:
    """`address` when it may become a link, else None (the template then shows no link)."""
    if not address or link_problem(address) is not None:
        return None
    return address


def init_app(app: Flask) -> None:
    app.jinja_env.filters["safe_link"] = safe_link
