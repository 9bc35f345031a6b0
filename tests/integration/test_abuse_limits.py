"""Login, booking, messages and the API are limited per person and per address
(portal/rate_limits.py): a person is refused after their own share from any address, an address
after its share across people; the refusal is a 429 page or problem document with Retry-After,
and nothing of a refused request is written. (That two processes share the counts through Redis
is shown by test_two_instances.py and test_redis_outage.py.)"""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import func, select

from portal.models import Message, Thread
from tests.api.conftest import make_api_user
from tests.conftest import login
from tests.integration.booking_helpers import text_of, world_on

LIMITS = {
    "LOGIN_PERSON_RATE_LIMIT": "2 per minute",
    "BOOKING_RATE_LIMIT": "2 per minute",
    "MESSAGE_RATE_LIMIT": "2 per minute",
    "FORM_ADDRESS_RATE_LIMIT": "3 per minute",
    "API_RATE_LIMIT": "3 per minute",
    "API_ADDRESS_RATE_LIMIT": "4 per minute",
}
_addresses = (f"198.51.100.{n}" for n in itertools.count(1))  # documentation addresses


def new_address() -> dict:
    return {"X-Forwarded-For": next(_addresses)}


@pytest.fixture
def limited(make_other_app):
    """Limits on, small; the address comes from one trusted proxy's X-Forwarded-For."""
    return make_other_app(RATELIMIT_ENABLED=True, TRUSTED_PROXIES=1, **LIMITS)


@pytest.fixture
def world(limited, identity_provider):
    yield from world_on(limited, identity_provider)


def write(parent, body: str, address: dict):
    return parent.client.post(
        f"/familier/{parent.family.id}/beskeder/ny",
        data={"csrf_token": parent.token, "topic": "meeting", "body": body},
        headers=address,
    )


def messages_of(world, family) -> int:
    world.session.expire_all()
    found = select(func.count(Message.id)).join(Thread).where(Thread.family_id == family.id)
    return world.session.scalar(found)


def assert_refused_page(answer, language_text: str = "Too many attempts"):
    assert answer.status_code == 429
    assert language_text in text_of(answer)
    assert 1 <= int(answer.headers["Retry-After"]) <= 60


def test_a_person_is_refused_after_their_share_from_any_address(world):
    parent = world.parent(language="en")
    codes = [write(parent, f"Spørgsmål {n}", new_address()).status_code for n in range(2)]
    assert codes == [303, 303]
    refused = write(parent, "Et spørgsmål for meget", new_address())
    assert_refused_page(refused)
    assert messages_of(world, parent.family) == 2  # the refused one is not written


def test_an_address_is_refused_after_its_share_across_people(world):
    shared_address = new_address()
    first, second = world.parent(language="da"), world.parent(language="da")
    assert write(first, "Fra den første", shared_address).status_code == 303
    assert write(first, "Igen fra den første", shared_address).status_code == 303
    assert write(second, "Fra den anden", shared_address).status_code == 303
    refused = write(second, "Igen fra den anden", shared_address)  # its 2nd, the address's 4th
    assert_refused_page(refused, "For mange forsøg")
    assert messages_of(world, second.family) == 1
    third = world.parent(language="da")
    assert write(third, "Fra et andet sted", new_address()).status_code == 303


def test_booking_steps_count_together_per_person(world):
    parent = world.parent(language="en")
    check = f"{parent.book_url}/tjek"
    answers = [
        parent.client.post(check, data={"csrf_token": parent.token}, headers=new_address())
        for _ in range(3)
    ]
    assert [a.status_code for a in answers[:2]] != [429, 429]
    assert_refused_page(answers[2])


def test_logins_are_counted_per_person(limited, identity_provider):
    subject = "guardian-hansen-1"
    for _ in range(2):
        client = limited.test_client()
        assert login(client, identity_provider, subject).status_code == 302
    client = limited.test_client()
    client.set_cookie("portal_lang", "en")
    refused = login(client, identity_provider, subject)
    assert_refused_page(refused)
    assert "Overview" not in text_of(client.get("/overblik", follow_redirects=True))


def test_the_api_counts_each_client_and_each_address(limited):
    first, second = make_api_user(limited, "sof"), make_api_user(limited, "buf")
    address = new_address()

    def read(user, headers):
        return user.http.get(
            "/api/v1/offers", headers={"Authorization": f"Bearer {user.token}", **headers}
        )

    codes = [read(first, new_address()).status_code for _ in range(3)]
    refused = read(first, new_address())  # the client's 4th, each from its own address
    assert codes == [200, 200, 200] and refused.status_code == 429
    assert refused.mimetype == "application/problem+json" and refused.json["status"] == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert [read(second, address).status_code for _ in range(3)] == [200] * 3
    third = make_api_user(limited, "buf")
    assert read(third, address).status_code == 200  # the address's 4th
    assert read(third, address).status_code == 429  # the address's 5th, the client's 2nd
