"""Finding the portal's forms the way a browser sees them: every POST form on the pages a viewer
opens, with its action's endpoint and its fields (kind, the value the page gives, the choices).
A new form on any walked page is found without anyone listing it."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode, urljoin, urlsplit

from bs4 import BeautifulSoup
from werkzeug.exceptions import HTTPException

from tests.route_walk import SESSION_ENDING

# Input types a user fills in by typing; the rest are chosen from what the page offers.
TYPED = {"text", "textarea", "search", "email", "tel", "url", "password", "number", "date"}
TYPED |= {"time", "datetime-local", "month", "week"}
NOT_SENT = {"submit", "button", "reset", "image", "file"}


@dataclass
class Field:
    name: str
    kind: str  # an <input> type, or "select" / "textarea"
    value: str | None  # what the page sends untouched; None: nothing (unticked)
    choices: list[str] = field(default_factory=list)

    @property
    def typed(self) -> bool:
        return self.kind in TYPED


@dataclass
class Form:
    endpoint: str
    action: str  # path and query, on this origin
    page: str  # where it was found
    viewer: str
    fields: dict[str, Field]
    buttons: list[tuple[str, str]]  # named submit buttons: (name, value)

    @property
    def shape(self) -> tuple:
        return (self.viewer, self.endpoint, tuple(sorted(self.fields)), tuple(self.buttons))


def _fields(form) -> tuple[dict[str, Field], list[tuple[str, str]]]:
    fields: dict[str, Field] = {}
    buttons = []
    for tag in form.find_all(["input", "select", "textarea", "button"]):
        name = tag.get("name")
        if not name or tag.has_attr("disabled"):
            continue
        if tag.name == "button" or (tag.get("type") or "").lower() in NOT_SENT:
            if tag.name == "button" and (tag.get("type") or "submit").lower() != "submit":
                continue
            buttons.append((name, tag.get("value", "")))
            continue
        if tag.name == "textarea":
            text = tag.get_text()  # a browser drops the newline right after <textarea>
            fields[name] = Field(name, "textarea", text[1:] if text.startswith("\n") else text)
        elif tag.name == "select":
            options = [o.get("value", o.get_text()) for o in tag.find_all("option")]
            chosen = tag.find("option", selected=True)
            default = chosen.get("value", chosen.get_text()) if chosen else None
            fields[name] = Field(name, "select", default or (options[0] if options else ""))
            fields[name].choices = options
        else:
            kind = (tag.get("type") or "text").lower()
            value = tag.get("value", "on" if kind in ("checkbox", "radio") else "")
            known = fields.get(name)
            if kind in ("checkbox", "radio"):
                if known is None:
                    known = fields[name] = Field(name, kind, None)
                known.choices.append(value)
                if tag.has_attr("checked") and known.value is None:
                    known.value = value
            else:
                fields.setdefault(name, Field(name, kind, value))
    return fields, buttons


def _target(app, tag, page: str, method: str) -> tuple[str, str] | None:
    """(endpoint, path and query) of a form that stays on this origin and keeps the viewer
    logged in; None for any other."""
    target = urlsplit(urljoin(f"http://localhost{page}", tag.get("action") or page))
    if target.netloc != "localhost":  # acts on another origin
        return None
    try:
        endpoint, _ = app.url_map.bind("localhost").match(target.path, method=method)
    except HTTPException:
        return None
    if endpoint in SESSION_ENDING or endpoint.startswith("api."):
        return None
    return endpoint, target.path + (f"?{target.query}" if target.query else "")


def forms_on_page(app, html: str, page: str, viewer: str) -> list[Form]:
    """The page's POST forms that stay on this origin and keep the viewer logged in."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all("form"):
        if (tag.get("method") or "get").lower() != "post":
            continue
        target = _target(app, tag, page, "POST")
        if target:
            fields, buttons = _fields(tag)
            found.append(Form(*target, page, viewer, fields, buttons))
    return found


def _get_form_urls(app, html: str, page: str) -> list[str]:
    """Where the page's GET forms lead when sent as offered (first choice of each): the steps
    of a journey such as booking, whose later pages no route walk reaches."""
    urls = []
    for tag in BeautifulSoup(html, "html.parser").find_all("form"):
        if (tag.get("method") or "get").lower() != "get":
            continue
        target = _target(app, tag, page, "GET")
        if not target:
            continue
        fields, buttons = _fields(tag)
        values = [
            (f.name, f.value if f.value is not None else f.choices[0])
            for f in fields.values()
            if f.value is not None or f.choices
        ] + buttons[:1]
        urls.append(f"{urlsplit(target[1]).path}?{urlencode(values)}")
    return urls


def discover(app, client, urls, viewer: str, steps: int = 3) -> tuple[list[Form], list[str]]:
    """One form per shape (viewer, endpoint, field names, buttons) from the pages at `urls` and
    the pages their GET forms lead to (up to `steps` deep); and every page that answered."""
    forms: dict[tuple, Form] = {}
    pages = []
    todo, seen = list(urls), set(urls)
    for _ in range(steps + 1):
        following = []
        for url in todo:
            response = client.get(url)
            if response.status_code != 200 or response.mimetype != "text/html":
                continue
            pages.append(url)
            html = response.get_data(as_text=True)
            for form in forms_on_page(app, html, url, viewer):
                forms.setdefault(form.shape, form)
            following += [u for u in _get_form_urls(app, html, url) if u not in seen]
            seen.update(following)
        todo = following
    return list(forms.values()), pages
