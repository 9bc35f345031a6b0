"""Link the shared glossary's words where they appear in a text ("fælles ordbog").

The first mention of each term in a text becomes a link to its entry on the glossary page.
Terms are matched in the reader's language (Danish as fallback), whole words only.

The filter takes plain text (escaped here) or markup that is already safe (for example a text
marked with its language): in markup, only text between tags is looked at, and never text that
is already inside a link, so a link is never put inside a link or inside an attribute.

A page about a term (an offer page whose code is a glossary slug, such as "stu") passes
that slug as `skip`, so it does not send the reader to the glossary for the thing it explains.

The matcher (one regex per language) is built once per process and kept until the glossary
changes: a change committed in this process (through portal/records or the API) drops it at
once; a change committed by another process is picked up within `REFRESH_SECONDS`. So a page
costs no SQL statement and no regex build for the glossary.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from itertools import chain

from flask import Flask, current_app, url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.i18n import current_language
from portal.models import GlossaryTerm

SHORTEST_TERM = 3
# Arabic writes "and", "by", "for" ... as one letter joined to the next word ("وPPR"), so a
# term in Latin script starts and ends a word wherever the script changes, too.
_ARABIC = "\u0600-\u06ff\u0750-\u077f"
_LATIN_TERM_EDGE = (rf"(?<![^\W{_ARABIC}])(?<![&#])", rf"(?![^\W{_ARABIC}])")
_ARABIC_TERM_EDGE = (r"(?<!\w)(?<![&#])", r"(?!\w)")  # never inside an entity such as &#39;
# Markup split into tags and the text between them.
_TAG = re.compile(r"(<[^>]*>)")
_LINK_OPEN = re.compile(r"<a[\s>]", re.IGNORECASE)
_LINK_CLOSE = re.compile(r"</a\s*>", re.IGNORECASE)
# How long a matcher is trusted without a change seen in this process (another process's change).
REFRESH_SECONDS = 60.0
_CACHE = "glossary_matchers"  # app.extensions key: language -> (built at, generation, matcher)
_CHANGED = "glossary_changed"
_generation = [0]  # bumped whenever this process changes the glossary


def _glossary_changed() -> None:
    _generation[0] += 1


@event.listens_for(Session, "after_flush")
def _flushed(session, context) -> None:
    """A glossary term written in this transaction: its readers rebuild now (so the writer
    sees its own change) and again when the transaction ends (committed or rolled back)."""
    rows = chain(session.new, session.dirty, session.deleted)
    if any(isinstance(row, GlossaryTerm) for row in rows):
        session.info[_CHANGED] = True
        _glossary_changed()


@event.listens_for(Session, "do_orm_execute")
def _executed(state) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and (
        state.bind_mapper is not None and state.bind_mapper.class_ is GlossaryTerm
    ):
        state.session.info[_CHANGED] = True
        _glossary_changed()


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _ended(session) -> None:
    if session.info.pop(_CHANGED, None):
        _glossary_changed()


def _short_forms(term: str) -> list[str]:
    """ "PPR (Pædagogisk Psykologisk Rådgivning)" is mentioned as "PPR" or in full."""
    forms = [term]
    if " (" in term:
        forms.append(term.split(" (")[0])
    return [f for f in forms if len(f) >= SHORTEST_TERM]


def _alternation(forms: list[str], edges: tuple[str, str]) -> str:
    before, after = edges
    return before + "(?:" + "|".join(re.escape(f) for f in forms) + ")" + after


def _matcher() -> tuple[re.Pattern | None, dict[str, str]]:
    """One regex for all terms in the current language, kept per process (see above)."""
    language = current_language()
    cache = current_app.extensions.setdefault(_CACHE, {})
    cached = cache.get(language)
    now = time.monotonic()
    if cached and cached[1] == _generation[0] and now - cached[0] < REFRESH_SECONDS:
        return cached[2]
    generation = _generation[0]
    found = _build(language)
    cache[language] = (now, generation, found)
    return found


def _build(language: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """Forms are matched as they appear in escaped text ("The child&#39;s plan")."""
    slugs: dict[str, str] = {}
    for term in db.session.scalars(select(GlossaryTerm)):
        for form in _short_forms(term.localized("term", language)):
            slugs.setdefault(str(escape(form)).casefold(), term.slug)
    forms = sorted(slugs, key=len, reverse=True)  # longest first: "barnets plan" before "plan"
    arabic = [f for f in forms if re.match(rf"[{_ARABIC}]", f)]
    latin = [f for f in forms if f not in arabic]
    groups = ((latin, _LATIN_TERM_EDGE), (arabic, _ARABIC_TERM_EDGE))
    parts = [_alternation(group, edges) for group, edges in groups if group]
    pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None
    return pattern, slugs


def _link(slug: str, shown: str) -> str:
    """The word as written (`shown`, escaped) stays the visible link text; the accessible name
    starts with it and says where the link goes, since a bare "PPR" could as well lead to PPR's
    own website (WCAG 2.4.4, and 2.5.3: the visible words come first)."""
    href = url_for("public.glossary", _anchor=slug)
    label = escape(_("%(term)s (explained in the glossary)", term=Markup(shown).unescape()))
    return f'<a class="portal-term" href="{href}" aria-label="{label}">{shown}</a>'


def link_glossary_terms(text: str | None, skip: str | Iterable[str] = ()) -> Markup:
    """`text` with its first mention of each glossary term linked; `skip`: slug(s) not to link."""
    if not text:
        return Markup("")
    html = str(escape(text))  # Markup stays as it is, plain text is escaped
    pattern, slugs = _matcher()
    if pattern is None:
        return Markup(html)
    linked: set[str] = {skip} if isinstance(skip, str) else set(skip)

    def replace(match: re.Match) -> str:
        slug = slugs.get(match.group(0).casefold())
        if slug is None or slug in linked:
            return match.group(0)
        linked.add(slug)
        return _link(slug, match.group(0))

    pieces = []
    links_open = 0
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            if _LINK_OPEN.match(piece):
                links_open += 1
            elif _LINK_CLOSE.match(piece):
                links_open = max(links_open - 1, 0)
        elif piece and not links_open:
            piece = pattern.sub(replace, piece)
        pieces.append(piece)
    return Markup("".join(pieces))


def init_app(app: Flask) -> None:
    app.jinja_env.filters["glossary"] = link_glossary_terms
