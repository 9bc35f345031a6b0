"""Link the shared glossary's words where they appear in a text ("fælles ordbog").

The first mention of each term in a text becomes a link to its entry on the glossary page.
Terms are matched in the reader's language (Danish as fallback), whole words only.

The filter takes plain text (escaped here) or markup that is already safe (for example a text
marked with its language): in markup, only text between tags is looked at, and never text that
is already inside a link, so a link is never put inside a link or inside an attribute.

A page about a term (an offer page whose code is a glossary slug, such as "stu") passes
that slug as `skip`, so it does not send the reader to the glossary for the thing it explains.

The matcher (one regex per language) is built from the process's reference data and kept as
long as that is (portal/reads/reference.py: a change in this process is seen at once, one in
another process within a minute). So a page costs no SQL statement and no regex build for the
glossary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flask import Flask, current_app, url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape

from portal.i18n import current_language
from portal.reads.reference import reference

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
_CACHE = "glossary_matchers"  # app.extensions key: language -> (reference snapshot, matcher)


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
    """One regex for all terms in the current language, kept as long as the process's reference
    data (portal/reads/reference.py) is."""
    language = current_language()
    terms = reference()
    cache = current_app.extensions.setdefault(_CACHE, {})
    cached = cache.get(language)
    if cached and cached[0] is terms:
        return cached[1]
    found = _build(terms.glossary, language)
    cache[language] = (terms, found)
    return found


def _build(terms, language: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """Forms are matched as they appear in escaped text ("The child&#39;s plan")."""
    slugs: dict[str, str] = {}
    for term in terms:
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
    label = escape(_("%(term)s (explained in the glossary)", term=Markup(shown).unescape()))  # noqa: S704 (reads escaped text back, never marks it safe)
    return f'<a class="portal-term" href="{href}" aria-label="{label}">{shown}</a>'


def link_glossary_terms(text: str | None, skip: str | Iterable[str] = ()) -> Markup:
    """`text` with its first mention of each glossary term linked; `skip`: slug(s) not to link."""
    if not text:
        return Markup("")
    html = str(escape(text))  # Markup stays as it is, plain text is escaped
    pattern, slugs = _matcher()
    if pattern is None:
        return Markup(html)  # noqa: S704 (escaped above)
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
    return Markup("".join(pieces))  # noqa: S704 (escaped text and our own links)


def init_app(app: Flask) -> None:
    app.jinja_env.filters["glossary"] = link_glossary_terms
