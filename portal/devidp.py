"""The bundled development identity provider: `python -m portal.devidp`.

It runs as its own process (never inside the portal, never in production) and offers one-click
logins for the demo guardians and staff, with the claims the municipality's brokers send.
"""

from __future__ import annotations

import argparse
import os
import sys
from urllib.parse import urlsplit

import oidc_provider_mock
from werkzeug.serving import run_simple

from portal.config import DEV_IDP_URL
from portal.demo.identities import provider_users


def make_app():
    users = [oidc_provider_mock.User(sub=sub, claims=claims) for sub, claims in provider_users()]
    return oidc_provider_mock.app(require_nonce=True, issue_refresh_token=False, user_claims=users)


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("PORTAL_ENV") == "production":
        print("The development identity provider never runs in production.", file=sys.stderr)
        return 2
    address = urlsplit(os.environ.get("DEV_IDP_URL", DEV_IDP_URL))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default=address.hostname or "127.0.0.1")
    parser.add_argument("--port", type=int, default=address.port or 9400)
    args = parser.parse_args(argv)
    os.environ.setdefault("AUTHLIB_INSECURE_TRANSPORT", "1")
    run_simple(args.host, args.port, make_app(), threaded=True, use_reloader=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
