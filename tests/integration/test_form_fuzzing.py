"""Every form, every input: each POST form found on the pages a parent, a contact person and a
manager open is sent empty, huge, control-character, right-to-left, emoji, HTML/script and
wrong-typed values. Every answer is a success, a redirect, or a 4xx that says what is wrong, never
a 5xx; what is stored and shown back is escaped. The forms come from the pages themselves (and
the pages a form answers with), so a new form is covered without anyone listing it."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from tests.conftest import app_of_its_own, login
from tests.form_discovery import Form, discover, forms_on_page
from tests.route_walk import SESSION_ENDING, demo_family_rows, portal_calls

VIEWERS = {
    "parent": ("guardian-hansen-1", "citizen"),
    "contact person": ("staff-sara", "staff"),
    "manager": ("staff-birgitte", "staff"),
}
SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
UNESCAPED = (SCRIPT, "<img src=x onerror")
CONTROL = "".join(map(chr, range(0x20))) + "\x7f"
NASTY = [
    "",
    " \t\n ",
    "x" * 100_000,
    "Ø" * 100_000,  # over the body limit once encoded: 413
    CONTROL,
    "\u202eيرحب\u202c שלום \u200f",
    "😀👨‍👩‍👧‍👦🇩🇰",
    SCRIPT,
    ATTRIBUTE,
]
WRONG_TYPES = ["abc", "-1", "0", "1e309", "99999999999999999999", "2026-13-45", "not-a-choice"]
MISSING = object()
# Each form also gets, in explicit examples, the values its page offers with each of these in
# every field a user types in: the inputs that must reach the checks behind the form.
IN_EVERY_TYPED_FIELD = [SCRIPT, ATTRIBUTE, " \t\n ", "x" * 100_000, CONTROL]
GENERATED_PER_FORM = 6  # on top of the explicit ones
MOST_FORMS = 80  # a bound on forms found in answers, so the walk always ends


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory, identity_provider):
    """A database of its own: what the fuzzing stores and changes disturbs no other test."""
    yield from app_of_its_own(tmp_path_factory, "forms", identity_provider.url)


@pytest.fixture(scope="module")
def clients(fuzz_app, identity_provider):
    found = {}
    for viewer, (subject, door) in VIEWERS.items():
        client = fuzz_app.test_client()
        assert login(client, identity_provider, subject, door=door).status_code == 302
        found[viewer] = client
    return found


@pytest.fixture(scope="module")
def page_urls(fuzz_app):
    rows = demo_family_rows(fuzz_app, offer_code=True)
    doors = set(fuzz_app.blueprints) - {"api"}  # the API takes JSON, no forms
    calls = portal_calls(fuzz_app, rows, doors=doors)
    return [c.url for c in calls if c.method == "GET" and c.endpoint not in SESSION_ENDING]


@pytest.fixture(scope="module")
def discovered(fuzz_app, clients, page_urls):
    forms, pages = [], {}
    for viewer, client in clients.items():
        found, pages[viewer] = discover(fuzz_app, client, page_urls, viewer)
        forms += found
    return forms, pages


# ---- what is sent ----------------------------------------------------------------------------


def field_values(field) -> st.SearchStrategy:
    """Any of the nasty values, a wrong type, the page's own value or choices, two values at
    once, or no value at all."""
    offered = [v for v in [field.value, *field.choices] if v is not None]
    text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
    one = st.sampled_from(NASTY + WRONG_TYPES) | text
    if offered:
        one = st.sampled_from(offered) | one
    return one | st.lists(one, min_size=2, max_size=2) | st.just(MISSING)


def body(form: Form, values: dict, button) -> MultiDict:
    sent = [("csrf_token", form.fields["csrf_token"].value)] if "csrf_token" in form.fields else []
    for name, value in values.items():
        if value is not MISSING:
            sent += [(name, v) for v in (value if isinstance(value, list) else [value])]
    return MultiDict(sent + ([button] if button else []))  # sent form-encoded, as browsers do


def as_offered(form: Form, payload: str) -> dict:
    """The page's own values, with `payload` in every field a user types in."""
    return {
        name: payload if f.typed else (f.value or (f.choices[0] if f.choices else MISSING))
        for name, f in form.fields.items()
        if name != "csrf_token"
    }


def shorten(values) -> str:
    def one(value):
        if value is MISSING:
            return "(missing)"
        if isinstance(value, list):
            return [one(v) for v in value]
        return value if len(value) <= 40 else f"{value[:12]!r}… ({len(value)} characters)"

    return repr({name: one(value) for name, value in values.items()})


# ---- what an answer must be ------------------------------------------------------------------


@dataclass
class Run:
    forms: list[Form]
    sent: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    fuzzed: list[Form] = field(default_factory=list)
    sent_to: dict[int, int] = field(default_factory=dict)  # id of a form -> requests
    excused: dict[str, int] = field(default_factory=dict)  # 4xx without a summary, and why
    reported: set[tuple] = field(default_factory=set)

    def report(self, form: Form, kind: str, text: str) -> None:
        """Each kind of failure once per form: the first input that shows it."""
        if (form.shape, kind) not in self.reported:
            self.reported.add((form.shape, kind))
            self.problems.append(text)


def tampered(form: Form, values: dict) -> bool:
    """Whether the request is one no page lets a user make: a value the page does not offer in
    a field that is not typed in, two values for one field, or a field left out."""
    for name, value in values.items():
        f = form.fields[name]
        if value is MISSING or isinstance(value, list):
            return True
        if not f.typed and value not in [f.value, *f.choices]:
            return True
    return False


def still_offered(client, app, form: Form) -> bool:
    """Whether the page the form came from still has it: an earlier form may have cancelled the
    meeting or handed the family over, so a 404 or 409 for it is the right answer."""
    response = client.get(form.page)
    if response.status_code != 200:
        return False
    now = forms_on_page(app, response.get_data(as_text=True), form.page, form.viewer)
    return any(f.shape == form.shape and f.action == form.action for f in now)


def check_answer(run: Run, client, app, form: Form, values: dict, response) -> None:
    where = f"{form.viewer}: POST {form.action} ({form.endpoint}) with {shorten(values)}"
    status = response.status_code
    run.statuses[status] = run.statuses.get(status, 0) + 1
    html = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
    if status >= 500:
        run.report(form, str(status), f"{where}: {status}")
    elif 400 <= status < 500 and status != 413 and 'id="error-summary"' not in html:
        if tampered(form, values):
            run.excused["tampered"] = run.excused.get("tampered", 0) + 1
        elif not still_offered(client, app, form):
            run.excused["gone"] = run.excused.get("gone", 0) + 1
        else:
            run.report(form, f"{status} bare", f"{where}: {status} without the error summary")
    shown = [marker for marker in UNESCAPED if marker in html]
    if shown:
        run.report(form, "unescaped", f"{where}: the answer shows {shown} unescaped")
    if status == 200 and html and len(run.forms) < MOST_FORMS:
        known = {f.shape for f in run.forms}
        for found in forms_on_page(app, html, form.action, form.viewer):
            if found.shape not in known:  # a step behind this form: the check before booking
                run.forms.append(found)
                known.add(found.shape)


def fuzz(run: Run, client, app, form: Form, phase: Phase) -> None:
    """Send the form Hypothesis's values (Phase.generate) or the explicit examples: the values
    the page offers with a nasty payload in every typed field (Phase.explicit)."""
    fields = {n: field_values(f) for n, f in form.fields.items() if n != "csrf_token"}
    buttons = st.sampled_from(form.buttons) if form.buttons else st.none()

    @settings(
        max_examples=GENERATED_PER_FORM,
        deadline=None,
        database=None,
        derandomize=True,  # the same inputs on every run: a failure is one anyone can repeat
        phases=[phase],  # no shrinking: each answer is reported as sent
        suppress_health_check=list(HealthCheck),
    )
    @given(values=st.fixed_dictionaries(fields), button=buttons)
    def send(values, button):
        run.sent += 1
        run.sent_to[id(form)] = run.sent_to.get(id(form), 0) + 1
        try:
            response = client.post(form.action, data=body(form, values, button))
        except Exception as error:  # a broken page rule, or an error the app let through
            where = f"{form.viewer}: POST {form.action} ({form.endpoint}) with {shorten(values)}"
            run.report(form, type(error).__name__, f"{where}: raised {where_it_broke(error)}")
            return
        check_answer(run, client, app, form, values, response)

    last_button = form.buttons[-1] if form.buttons else None  # "send" after "check"
    for payload in IN_EVERY_TYPED_FIELD:
        send = example(values=as_offered(form, payload), button=last_button)(send)
    send()


def where_it_broke(error: Exception) -> str:
    """The error and the portal's own frames it passed through, for the report."""
    frames = [
        f"  portal/{frame.filename.split('/portal/')[-1]}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(error.__traceback__)
        if "/portal/" in frame.filename and "/site-packages/" not in frame.filename
    ]
    message = str(error).splitlines()[0] if str(error) else ""
    return "\n".join([f"{type(error).__name__}: {message}", *frames])


def depth(form: Form) -> int:
    # The narrowest rows first: a form on a whole family (a hand-over) may take it from the
    # viewer, and the forms on its meetings and conversations would find it gone.
    return -form.action.split("?")[0].count("/")


def next_form(run: Run, done: dict[Phase, list[Form]]) -> tuple[Phase, Form] | None:
    for phase, finished in done.items():  # a form found late still gets both, in order
        remaining = [f for f in run.forms if f not in finished]
        if remaining:
            return phase, min(remaining, key=lambda f: (list(VIEWERS).index(f.viewer), depth(f)))
    return None


@pytest.fixture(scope="module")
def fuzzed(fuzz_app, clients, discovered) -> Run:
    """Generated values for every form first, then the explicit examples: these are the ones
    most likely to be accepted, and an accepted cancellation or hand-over takes the meeting or
    family from the forms after it."""
    forms, _ = discovered
    run = Run(forms=list(forms))
    done: dict[Phase, list[Form]] = {Phase.generate: [], Phase.explicit: []}
    while picked := next_form(run, done):
        phase, form = picked
        done[phase].append(form)
        fuzz(run, clients[form.viewer], fuzz_app, form, phase)
    run.fuzzed = done[Phase.explicit]
    return run


# ---- the tests -------------------------------------------------------------------------------


def test_the_forms_are_found_on_the_pages(discovered):
    """So that finding nothing cannot pass: the known forms of all three kinds of user."""
    forms, pages = discovered
    found = {(f.viewer, f.endpoint) for f in forms}
    for known in [
        ("parent", "family.check_booking"),  # reached through the booking steps' GET forms
        ("parent", "family.new_message"),
        ("parent", "family.meeting_move"),
        ("parent", "family.profile"),
        ("contact person", "staff.new_update"),
        ("contact person", "staff.hand_over_family_page"),
        ("contact person", "staff.times"),
        ("manager", "staff.absences"),
    ]:
        assert known in found, f"no form found for {known}"
    assert all(len(p) > 10 for p in pages.values())


def test_no_input_breaks_a_form(fuzzed):
    assert len(fuzzed.fuzzed) >= 25
    assert any(f.endpoint == "family.confirm_booking" for f in fuzzed.fuzzed), (
        "the confirmation step is found in the answer to the booking check"
    )
    assert all(fuzzed.sent_to[id(f)] >= 2 for f in fuzzed.fuzzed)
    print(
        f"\n{len(fuzzed.fuzzed)} forms, {fuzzed.sent} requests, statuses {fuzzed.statuses}, "
        f"4xx without a summary for a tampered request or a form gone: {fuzzed.excused}"
    )
    problems = fuzzed.problems
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_what_is_stored_is_shown_escaped(fuzzed, clients, discovered):
    _, pages = discovered
    problems, shown_as_text = [], 0
    for viewer, client in clients.items():
        for url in pages[viewer]:
            response = client.get(url)
            if response.mimetype != "text/html":
                continue
            html = response.get_data(as_text=True)
            page = BeautifulSoup(html, "html.parser")
            if any(marker in html for marker in UNESCAPED):
                problems.append(f"{viewer}: {url} shows the payload unescaped")
            if page.find(attrs={"onerror": True}) or any(
                "alert(1)" in s.get_text() for s in page.find_all("script")
            ):
                problems.append(f"{viewer}: {url} has a script the input put there")
            shown_as_text += SCRIPT in page.get_text()
    assert not problems, "\n".join(problems)
    assert shown_as_text, "the payload is stored and shown (as text) somewhere"
