"""Search quality and speed for readers, on a built (sharded) site: python scripts/search_quality.py SITE.

For 20 fixed queries it compares the top 10 results of the site's sharded index with one
Pagefind bundle of the same pages (built here, into SITE/__single__/ and removed after), and
in headless Chromium against the site served on 127.0.0.1 it measures, per query on a fresh
page, the time until the first results are shown and the bytes fetched from pagefind/.
Prints medians; needs Chromium at /usr/bin/chromium and Playwright. With --no-compare the
single bundle is not built (at 100,000 pages Pagefind would need some 37 GB for it).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.serve import make_server  # noqa: E402

QUERIES = [
    "minister",
    "trade",
    "security",
    "climate",
    "border",
    "maritime",
    "sanctions",
    "summit",
    "delegation",
    "investment",
    "tariff",
    "peace dialogue",
    "press conference",
    "foreign relations",
    "energy market",
    "health education",
    "court law",
    "export import",
    "growth agreement",
    "rights council",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

TOP_SINGLE = """async (q) => { const pf = await import('/__single__/pagefind.js'); await pf.options({baseUrl: '/'});
  await pf.init(); const found = await pf.search(q);
  return Promise.all(found.results.slice(0, 10).map(async r => (await r.data()).url)); }"""


def main(site: Path, compare: bool = True) -> None:
    from playwright.sync_api import expect, sync_playwright

    single = site / "__single__"
    shutil.rmtree(single, ignore_errors=True)
    if compare:
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(single)]
        subprocess.run(command, check=True, capture_output=True)
    server = make_server(site, "/", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    overlaps, seconds, fetched, warm_seconds, warm_fetched = [], [], [], [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for query in QUERIES:
                context = browser.new_context()
                received: list[int] = []  # from the page and from Pagefind's worker alike
                context.on("requestfinished", lambda request, got=received: count(request, got))
                page = context.new_page()
                page.goto(url + "search/?q=" + query.replace(" ", "+"))
                expect(page.locator("#search-status")).to_contain_text("result", timeout=120_000)
                shown = page.evaluate("performance.now()")  # since navigation started: a cold reader
                sharded = page.locator("#search-results > li h2 a").evaluate_all(
                    "links => links.slice(0, 10).map(a => new URL(a.href).pathname)"
                )
                fetched.append(sum(received))
                seconds.append(shown / 1000)
                # A second query on the same page: what a reader waits for once the index is loaded.
                before, started = sum(received), page.evaluate("performance.now()")
                page.fill("#search-q", query + " statement")
                page.wait_for_function(
                    "q => document.querySelector('#search-status').textContent.includes(q)", arg=query + " statement"
                )
                warm_seconds.append((page.evaluate("performance.now()") - started) / 1000)
                warm_fetched.append(sum(received) - before)
                if compare:
                    reference = page.evaluate(TOP_SINGLE, query)
                    largest = max(len(sharded), len(reference))  # both empty: the same answer
                    overlaps.append(len(set(sharded) & set(reference)) / largest if largest else 1.0)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        shutil.rmtree(single, ignore_errors=True)
    print(f"{len(QUERIES)} queries on {site}:")
    if overlaps:
        print(f"  top-10 overlap with one bundle: mean {statistics.mean(overlaps):.2f}, min {min(overlaps):.2f}")
    print(
        f"  first results on a fresh page (includes the search page's own load; the 150 ms typing pause is not included): "
        f"median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s; "
        f"pagefind/ bytes fetched: median {statistics.median(fetched) / 1e3:,.0f} KB"
    )
    print(
        f"  a further query on the same page (150 ms typing pause included): median {statistics.median(warm_seconds):.2f} s; "
        f"bytes fetched: median {statistics.median(warm_fetched) / 1e3:,.0f} KB"
    )


def count(request, received: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Bytes of a response from pagefind/ (not the single-bundle reference), as sent: compressed if it was."""
    if "/pagefind/" in request.url:
        sizes = request.sizes()
        received.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])


if __name__ == "__main__":
    main(Path(sys.argv[1]), compare="--no-compare" not in sys.argv[2:])
