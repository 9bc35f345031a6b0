"""What the case systems send is shown to families as it is, so it must be safe to show: links
are https only, and no text carries control characters or bidirectional controls that would
make a name or title read differently from what it is. Refusals name the field."""

from __future__ import annotations

import pytest

from tests.api.conftest import new_family, unique

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "Mette\u202enesnaH" reads as "Mette Hansen"-like


def meeting(family_id: str, **fields) -> dict:
    return {
        "family_id": family_id,
        "kind": "tvaerfagligt",
        "title": "Tværfagligt møde",
        "starts_at": "2025-05-06T09:00:00+02:00",
        "ends_at": "2025-05-06T10:00:00+02:00",
    } | fields


@pytest.fixture(scope="module")
def family_id(buf) -> str:
    family_id, _ = new_family(buf)
    return family_id


def put_meeting(buf, family_id: str, **fields):
    return buf.put(f"/departments/buf/meetings/{unique('M')}", meeting(family_id, **fields))


def refused_fields(answer) -> dict[str, str]:
    assert answer.status_code == 422, answer.get_data(as_text=True)
    assert answer.mimetype == "application/problem+json"
    return {error["pointer"]: error["detail"] for error in answer.json["errors"]}


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "http://video.kk.dk/mode/1",
        "//video.kk.dk/mode/1",
        "https://video.kk.dk@evil.example/mode/1",
        "https://video.kk.dk/mode 1",
        " https://video.kk.dk/mode/1",
    ],
)
def test_a_video_link_that_is_not_https_is_refused(buf, family_id, address):
    answer = put_meeting(buf, family_id, video_url=address)
    assert list(refused_fields(answer)) == ["#/video_url"]
    assert address.strip() not in answer.get_data(as_text=True)


def test_an_https_video_link_is_kept(buf, family_id):
    address = "https://video.kk.dk/mode/BUF-M-55?pwd=a%20b#join"
    answer = put_meeting(buf, family_id, video_url=address)
    assert answer.status_code == 201, answer.get_data(as_text=True)
    assert answer.json["video_url"] == address


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", f"Møde med Mette {RLO}nesnaH"),
        ("title", "Møde\u2066 om Emil\u2069"),
        ("title", "Møde\nom Emil"),
        ("title", "Møde\tom Emil"),
        ("location", "Lokale\u0085 12"),
        ("location", "Lokale\u2028 12"),
        ("agenda", f"1. Velkomst\n2. {RLO}Status"),
        ("agenda", "1. Velkomst\r2. Status"),
        ("agenda", "1. Velkomst\x1b[2J"),
    ],
)
def test_a_text_with_a_control_character_is_refused_naming_the_field(buf, family_id, field, value):
    answer = put_meeting(buf, family_id, **{field: value})
    refused = refused_fields(answer)
    assert list(refused) == [f"#/{field}"]
    assert "must" in refused[f"#/{field}"]


def test_a_name_with_an_override_is_refused_with_a_clear_message(buf, family_id):
    answer = put_meeting(
        buf, family_id, participants=[{"kind": "other", "name": f"Mette {RLO}nesnaH"}]
    )
    refused = refused_fields(answer)
    assert list(refused) == ["#/participants/0/name"]
    assert "U+202E" in refused["#/participants/0/name"]
    assert "bidirectional" in refused["#/participants/0/name"]


def test_a_family_name_with_an_override_is_refused(buf):
    answer = buf.put(
        f"/families/{unique('FAM')}",
        {"display_name": f"Familien {RLO}nesnaH", "guardians": [], "children": []},
    )
    assert list(refused_fields(answer)) == ["#/display_name"]


def test_a_multi_line_agenda_keeps_its_line_breaks(buf, family_id):
    agenda = "1. Velkomst\n2. Status fra skolen\r\n3. Næste skridt\n\t- aftaler"
    title = "اجتماع حول \u200fيوسف"  # Arabic with a right-to-left mark is fine
    answer = put_meeting(buf, family_id, agenda=agenda, title=title)
    assert answer.status_code == 201, answer.get_data(as_text=True)
    assert answer.json["agenda"] == agenda and answer.json["title"] == title


def test_the_contract_states_the_rules(client):
    schemas = client.get("/api/v1/openapi.json").json["components"]["schemas"]
    properties = schemas["MeetingIn"]["properties"]
    video = next(s for s in properties["video_url"]["anyOf"] if s.get("type") == "string")
    assert video["pattern"].startswith("^https://")
    assert "\\u202e" in properties["title"]["pattern"]
    agenda = next(s for s in properties["agenda"]["anyOf"] if s.get("type") == "string")
    assert "\\r\\n" in agenda["pattern"]


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("https://video.kk.dk/mode/1", "https://video.kk.dk/mode/1"),
        ("javascript:alert(1)", None),
        ("http://video.kk.dk/mode/1", None),
        (None, None),
    ],
)
def test_only_https_links_may_be_shown(address, shown):
    from portal.links import safe_link  # the filter the templates link video addresses through

    assert safe_link(address) == shown
