"""Link the shared glossary's words where they appear in a text ("fælles ordbog").

The first mention of each term in a text becomes a link to its entry on the glossary page.
Terms are matched in the reader's language (Danish as fallback), whole words only.
"""

from __future__ import annotations

import re

from flask import Flask, g, url_for
from markupsafe import Markup, escape
from sqlalchemy import select

from portal.extensions import db
from portal.i18n import current_language
from portal.models import GlossaryTerm

SHORTEST_TERM = 3


def _short_forms(term: str) -> list[str]:
    """ "PPR (Pædagogisk Psykologisk Rådgivning)" is mentioned as "PPR" or in full."""
    forms = [term]
    if " (" in term:
        forms.append(term.split(" (")[0])
    return [f for f in forms if len(f) >= SHORTEST_TERM]


def _matcher() -> tuple[re.Pattern | None, dict[str, str]]:
    """One regex for all terms in the current language, built once per request."""
    language = current_language()
    cached = g.get("glossary_matcher")
    if cached and cached[0] == language:
        return cached[1], cached[2]
    slugs: dict[str, str] = {}
    for term in db.session.scalars(select(GlossaryTerm)):
        for form in _short_forms(term.localized("term", language)):
            slugs.setdefault(form.casefold(), term.slug)
    forms = sorted(slugs, key=len, reverse=True)  # longest first: "barnets plan" before "plan"
    pattern = (
        re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)
        if forms
        else None
    )
    g.glossary_matcher = (language, pattern, slugs)
    return pattern, slugs


def link_glossary_terms(text: str | None) -> Markup:
    if not text:
        return Markup("")
    pattern, slugs = _matcher()
    escaped = str(escape(text))
    if pattern is None:
        return Markup(escaped)
    linked: set[str] = set()

    def replace(match: re.Match) -> str:
        slug = slugs[match.group(1).casefold()]
        if slug in linked:
            return match.group(0)
        linked.add(slug)
        href = url_for("public.glossary", _anchor=slug)
        return f'<a class="portal-term" href="{href}">{match.group(0)}</a>'

    return Markup(pattern.sub(replace, escaped))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["glossary"] = link_glossary_terms
