"""Shared page rules every HTML response in the tests must pass (after GOV.UK Notify's)."""

from __future__ import annotations

from collections import Counter

import html5lib
from bs4 import BeautifulSoup


class PageRuleError(AssertionError):
    pass


def check_page_rules(html: str, path: str = "") -> BeautifulSoup:
    """Raise PageRuleError naming every rule the page breaks; return the parsed page."""
    where = f" on {path}" if path else ""
    try:
        html5lib.HTMLParser(strict=True).parse(html)
    except html5lib.html5parser.ParseError as error:
        raise PageRuleError(f"not valid HTML5{where}: {error}") from error
    page = BeautifulSoup(html, "html.parser")
    problems = []
    root = page.find("html")
    if root is None or not root.get("lang"):
        problems.append("<html> has no lang attribute")
    headings = page.find_all("h1")
    if len(headings) != 1:
        problems.append(f"expected exactly one <h1>, found {len(headings)}")
    title = page.title.get_text(" ", strip=True) if page.title else ""
    if page.find(id="error-summary"):  # "Fejl: " / "Error: " goes before the h1 text
        title = title.split(": ", 1)[-1]
    if headings and not title.startswith(" ".join(headings[0].get_text(" ").split())):
        problems.append(f"<title> {title!r} does not start with the h1 text")
    ids = Counter(tag["id"] for tag in page.find_all(id=True))
    duplicates = sorted(name for name, count in ids.items() if count > 1)
    if duplicates:
        problems.append(f"duplicate ids: {', '.join(duplicates)}")
    for form in page.find_all("form"):
        if not form.get("action"):
            problems.append("a <form> has no action")
        method = (form.get("method") or "get").lower()
        if method == "post" and not form.find("input", attrs={"name": "csrf_token"}):
            problems.append(f"the form posting to {form.get('action')} has no CSRF token")
    if problems:
        raise PageRuleError(f"page rules broken{where}: " + "; ".join(problems))
    return page
