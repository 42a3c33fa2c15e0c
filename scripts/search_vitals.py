"""The search page on a phone, measured in Debian's Chromium: python scripts/search_vitals.py [--runs N].

Lighthouse is not installed here, so this measures what its phone profile weighs most for this
page, with the browser's own APIs: cumulative layout shift (layout-shift entries without recent
input), total blocking time (the part over 50 ms of every long task until the results are
shown), and where the first result sits. The bundled content is built into a temporary folder
and served with the project's server; the page is 390 x 844 px with the CPU slowed 4 times
(Lighthouse's mobile throttling), searching "human rights" from the URL.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from served import served_site  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
OBSERVE = """() => {
  window.__cls = 0; window.__tbt = 0;
  new PerformanceObserver(list => list.getEntries().forEach(e => { if (!e.hadRecentInput) window.__cls += e.value; }))
    .observe({type: "layout-shift", buffered: true});
  new PerformanceObserver(list => list.getEntries().forEach(e => { window.__tbt += Math.max(0, e.duration - 50); }))
    .observe({type: "longtask", buffered: true});
}"""


def measure(base: str, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    found: dict[str, list[float]] = {"cls": [], "tbt_ms": [], "first_result_top_px": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
            page = context.new_page()
            page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.add_init_script(f"({OBSERVE})()")
            page.goto(base + "search/?q=human+rights")
            page.wait_for_selector("#search-results li", timeout=60_000)
            page.wait_for_timeout(1000)  # shifts and tasks just after the results
            found["cls"].append(page.evaluate("window.__cls"))
            found["tbt_ms"].append(page.evaluate("window.__tbt"))
            box = page.locator("#search-results li").first.bounding_box()
            found["first_result_top_px"].append(box["y"] if box else -1)
            context.close()
        browser.close()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with served_site(ROOT / "content") as (base, _):
        found = measure(base, args.runs)
    for name, values in found.items():
        print(f"{name}: median {statistics.median(values):.3f}, max {max(values):.3f} ({len(values)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
