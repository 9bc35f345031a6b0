"""What a parent's phone downloads for the overview, measured in real Chromium from the network
log: everything the page loads (HTML, CSS, scripts, fonts, images) as transferred, compressed
and with headers. The first visit, with an empty cache, stays within 100 KB; a repeat visit,
with the cache kept, within 15 KB: the hashed assets are cached as immutable, so only the page
itself comes again.

The figures (total and per resource type) are printed; run with `-s` to see them."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

import pytest

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 100 * 1024
REPEAT_VISIT_BUDGET = 15 * 1024


@dataclass
class Load:
    """The requests of one page load, from Chromium's DevTools protocol."""

    types: dict[str, str] = field(default_factory=dict)  # request id -> resource type
    urls: dict[str, str] = field(default_factory=dict)
    encodings: dict[str, str] = field(default_factory=dict)  # request id -> Content-Encoding
    transferred: dict[str, int] = field(default_factory=dict)  # request id -> bytes on the wire
    failed: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.transferred.values())

    def by_type(self) -> dict[str, int]:
        sums: dict[str, int] = defaultdict(int)
        for request_id, size in self.transferred.items():
            sums[self.types.get(request_id, "Other")] += size
        return dict(sorted(sums.items()))

    def report(self, label: str) -> str:
        lines = [f"{label}: {self.total / 1024:.1f} KB in {len(self.transferred)} requests"]
        lines += [f"  {kind:<12} {size / 1024:7.1f} KB" for kind, size in self.by_type().items()]
        for request_id, size in sorted(self.transferred.items(), key=lambda item: -item[1]):
            url = re.sub(r"^https?://[^/]+", "", self.urls.get(request_id, "?"))
            encoding = self.encodings.get(request_id) or "-"
            lines.append(f"    {size / 1024:7.1f} KB  {encoding:<5} {url}")
        return "\n".join(lines)


def measure(page, cdp, url: str) -> Load:
    """Load `url` in `page` and return what each of its requests transferred."""
    load = Load()

    def sent(event) -> None:
        load.types[event["requestId"]] = event.get("type", "Other")
        load.urls[event["requestId"]] = event["request"]["url"]

    def received(event) -> None:
        headers = {k.lower(): v for k, v in event["response"].get("headers", {}).items()}
        load.encodings[event["requestId"]] = headers.get("content-encoding", "")

    def finished(event) -> None:
        load.transferred[event["requestId"]] = int(event["encodedDataLength"])

    def failed(event) -> None:
        load.failed.append(load.urls.get(event["requestId"], event["requestId"]))

    handlers = {
        "Network.requestWillBeSent": sent,
        "Network.responseReceived": received,
        "Network.loadingFinished": finished,
        "Network.loadingFailed": failed,
    }
    for name, handler in handlers.items():
        cdp.on(name, handler)
    try:
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
    finally:
        for name, handler in handlers.items():
            cdp.remove_listener(name, handler)
    return load


def test_overview_first_and_repeat_visit_stay_within_budget(browser, live_server):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    context.add_cookies([{"name": "portal_lang", "value": "da", "url": live_server}])
    try:
        page = context.new_page()
        page.goto(f"{live_server}/log-ind/citizen")
        page.get_by_role("button", name="guardian-hansen-1", exact=True).click()
        page.wait_for_url(re.compile(re.escape(live_server) + r"/familier/\d+$"))
        overview = page.url  # where a parent lands: the family's overview

        # Logging in loaded the assets already: start the first visit from an empty cache.
        page.goto("about:blank")
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.clearBrowserCache")

        first = measure(page, cdp, overview)
        repeat = measure(page, cdp, overview)
        assert page.url == overview, page.url
        print("\n" + first.report("first visit") + "\n" + repeat.report("repeat visit"))

        assert not first.failed and not repeat.failed, (first.failed, repeat.failed)
        assert first.total <= FIRST_VISIT_BUDGET, first.report("first visit")
        assert repeat.total <= REPEAT_VISIT_BUDGET, repeat.report("repeat visit")
    finally:
        context.close()
