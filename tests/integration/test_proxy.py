"""Behind reverse proxies (TRUSTED_PROXIES), the portal sees the real client address and scheme:
rate limits count per client, and the addresses it hands out are https."""

from urllib.parse import parse_qs, urlsplit

import pytest

LIMITED = {"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "2 per minute"}


def starts_from(client, address: str, times: int) -> list[int]:
    headers = {"X-Forwarded-For": address}
    return [client.get("/log-ind/citizen", headers=headers).status_code for _ in range(times)]


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(make_other_app):
    client = make_other_app(TRUSTED_PROXIES=1, **LIMITED).test_client()
    assert starts_from(client, "198.51.100.7", 3) == [302, 302, 429]
    assert starts_from(client, "203.0.113.9", 1) == [302]  # another citizen is not blocked


def test_without_trusted_proxies_forwarded_addresses_are_ignored(make_other_app):
    client = make_other_app(**LIMITED).test_client()
    # A client cannot dodge the limit by claiming to be someone else.
    assert starts_from(client, "198.51.100.7", 2) + starts_from(client, "203.0.113.9", 1) == [
        302,
        302,
        429,
    ]


@pytest.mark.parametrize(("proxies", "scheme"), [(1, "https"), (0, "http")])
def test_the_login_callback_address_follows_the_proxy(make_other_app, proxies, scheme):
    client = make_other_app(TRUSTED_PROXIES=proxies).test_client()
    response = client.get(
        "/log-ind/citizen",
        headers={"X-Forwarded-Proto": "https", "X-Forwarded-Host": "familie.kk.example"},
    )
    redirect_uri = parse_qs(urlsplit(response.headers["Location"]).query)["redirect_uri"][0]
    host = "familie.kk.example" if proxies else "localhost"
    assert redirect_uri == f"{scheme}://{host}/log-ind/citizen/svar"
