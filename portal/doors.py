"""Each door (family pages, staff pages) is guarded once, in its blueprint's before_request."""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, g, redirect, request, url_for


def guard(kind: str) -> Callable:
    """Let only logged-in viewers of `kind` through; others go to login (or get a 404)."""

    def check():
        viewer = g.get("viewer")
        if viewer is not None and viewer.kind == kind:
            return None
        if viewer is not None:
            abort(404)  # the other door's user: do not reveal what is here
        if g.get("session_ended"):
            return redirect(url_for("auth.timed_out"))
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))

    return check
