"""Row ids in URLs: only 1..2147483647 reaches a view. Zero, negative, too large and absurdly
long numbers get a plain 404 page, on SQLite and PostgreSQL alike, never a database error."""

from __future__ import annotations

import pytest
from flask import url_for
from werkzeug.routing.converters import NumberConverter

from portal.routing import MAX_ID, IdConverter
from tests.conftest import csrf_token, login
from tests.route_walk import demo_family_rows

BAD_IDS = [
    "0",
    "-1",
    str(-MAX_ID - 1),
    str(MAX_ID + 1),  # one past PostgreSQL's integer
    "100000000000000000000",  # past SQLite's 64 bits too
    "9" * 5000,  # past the 4,300 digits Python's int() accepts from a string
    "007",  # not the id's own URL
]
VIEWERS = {
    "parent": ("guardian-hansen-1", "citizen", "family"),
    "staff": ("staff-sara", "staff", "staff"),
}


def id_rules(app):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if any(isinstance(c, IdConverter) for c in rule._converters.values())
    ]


def test_every_row_id_in_a_url_is_an_id(app):
    """A new route with `<int:...>` (or any number converter) fails here, not in production."""
    assert id_rules(app)
    for rule in app.url_map.iter_rules():
        for argument, converter in rule._converters.items():
            if isinstance(converter, NumberConverter) or argument.endswith("_id"):
                assert isinstance(converter, IdConverter), f"{rule.rule}: use <id:{argument}>"


@pytest.fixture(scope="module")
def hansen(app):
    return demo_family_rows(app)


def variants(app, rule, rows):
    """The URL with the family's real ids, then with each id in turn replaced by a bad one (or
    by the largest id there can be, which no row has yet)."""
    real = {argument: rows[argument][0] for argument in rule.arguments}
    with app.test_request_context():
        good = url_for(rule.endpoint, **real)
        bad = []
        for argument in sorted(rule.arguments):
            marker = MAX_ID - 7  # an id nothing else in the URL has, replaced below
            template = url_for(rule.endpoint, **{**real, argument: marker})
            for value in [*BAD_IDS, str(MAX_ID)]:
                bad.append((argument, value, template.replace(str(marker), value)))
    return good, bad


def methods(rule):
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


@pytest.mark.parametrize("who", VIEWERS)
def test_out_of_range_ids_answer_404(app, identity_provider, hansen, who):
    subject, door, blueprint = VIEWERS[who]
    client = app.test_client()
    login(client, identity_provider, subject, door=door)
    token = csrf_token(client, "/")
    rules = [r for r in id_rules(app) if r.endpoint.startswith(blueprint + ".")]
    assert rules
    for rule in rules:
        good, bad = variants(app, rule, hansen)
        if "GET" in rule.methods:
            assert client.get(good).status_code == 200, good  # the route itself works
        for method in methods(rule):
            for argument, _value, url in bad:
                response = client.open(url, method=method, data={"csrf_token": token})
                assert response.status_code == 404, (method, argument, url[:80])
                assert response.mimetype == "text/html"  # the portal's own "not found" page


def test_out_of_range_ids_answer_404_before_login(app, hansen):
    """No route matches a bad id, so even the login redirect is not reached."""
    client = app.test_client()
    for rule in id_rules(app):
        _, bad = variants(app, rule, hansen)
        for _argument, value, url in bad:
            # A real route: log in first (or, for a form's POST-only address, the wrong method).
            in_range = 302 if "GET" in rule.methods else 405
            expected = in_range if value == str(MAX_ID) else 404
            assert client.get(url).status_code == expected, url[:80]
