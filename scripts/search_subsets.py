"""The archive's search against single bundles of random subsets: python scripts/search_subsets.py WORK [SIZE ...].

For an archive too large for one single Pagefind bundle on this machine (Pagefind holds about
0.3 MB a page while indexing: some 30 GB at 100,000 articles), issue 17 measures the search
against single bundles of random subsets. WORK is a site built by
``scripts/search_quality.py WORK N --zipf --ours-only`` (content in WORK/content, site in
WORK/site). For each SIZE (default: 10000 10000 10000 30000), a random subset of that many of
the site's indexed pages (seeded by its place in the list: the same subsets every run) is linked
into WORK/subset-K/ and indexed as one Pagefind bundle at WORK/site/__subset_K__/, with a copy of
the search page that uses it at /search-subset-K/.

For every query of ``search_quality.zipf_queries``, in headless Chromium, with Pagefind's own
API on both sides, the archive's results (its merged bundle over every page) kept to the
subset's pages are compared with the subset bundle's results: the same pages (the counts
equal), the top-10 overlap of the two ranked lists, and the top-10 slots that hold a page lacking
a query word. The ranks can differ a little by right: the archive ranks with its whole
archive's word statistics, the subset bundle with the subset's. Pages are matched by URL, read
from each bundle's fragment files (Pagefind's page ids are short hashes, lengthened where two
collide, so one page's id can differ between bundles). Then each search page is loaded cold, as a reader would (first results,
requests and bytes; ``search_quality.cold_search``): the archive's over all its pages against
each subset bundle's over fewer pages.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_quality import CHROMIUM_ARGS, cold_search, lacking, zipf_queries  # noqa: E402

from pressarchive.search import pagefind_command  # noqa: E402
from pressarchive.serve import make_server  # noqa: E402

SEARCH = """async ([bundle, query]) => {
  const pagefind = await import(bundle + "pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  const found = await pagefind.search(query);
  return found.results.map((r) => [r.id, r.score]);
}"""


def main(work: Path, sizes: list[int]) -> None:
    site = work / "site"
    indexed = indexed_pages(site)
    print(f"{len(indexed):,} indexed pages in {site}", flush=True)
    subsets = []
    for number, size in enumerate(sizes, 1):
        chosen = sorted(random.Random(number).sample(indexed, size))
        bundle = site / f"__subset_{number}__"
        if not bundle.is_dir():
            index_subset(work / f"subset-{number}", site, chosen, bundle)
        subsets.append((number, size, *read_bundle(bundle)))
        page = (site / "search" / "index.html").read_text(encoding="utf-8")
        (site / f"search-subset-{number}").mkdir(exist_ok=True)
        (site / f"search-subset-{number}" / "index.html").write_text(
            page.replace('data-bundle-path="/pagefind/"', f'data-bundle-path="/__subset_{number}__/"')
        )
    compare(site, zipf_queries(work / "content"), read_bundle(site / "pagefind")[0], subsets)


def read_bundle(bundle: Path) -> tuple[dict[str, str], set[str]]:
    """Each page id of a Pagefind bundle with the URL its fragment file names, and every word its pages' text holds."""
    urls, words = {}, set()
    for path in (bundle / "fragment").iterdir():
        fragment = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        urls[path.stem] = fragment["url"]
        words.update(re.findall(r"\w+", fragment["content"].lower()))
    return urls, words


def indexed_pages(site: Path) -> list[str]:
    """The site's pages that Pagefind indexes (those with ``data-pagefind-body``), as paths from the site root."""
    pages = []
    for folder in ("articles", "briefings"):
        for path in (site / folder).rglob("index.html"):
            if b"data-pagefind-body" in path.read_bytes():
                pages.append(str(path.relative_to(site)))
    return sorted(pages)


def index_subset(folder: Path, site: Path, pages: list[str], bundle: Path) -> None:
    """Link ``pages`` into ``folder`` at their paths and index them as one Pagefind bundle at ``bundle``."""
    for page in pages:
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            os.link(site / page, target)
    command = ["/usr/bin/time", "-f", "%e s, %M KB", *pagefind_command()]
    command += ["--site", str(folder), "--output-path", str(bundle)]
    finished = subprocess.run(command, check=True, capture_output=True, text=True)
    print(f"single bundle of {len(pages):,} pages: {finished.stderr.strip().splitlines()[-1]}", flush=True)


def compare(site: Path, queries: list[str], urls: dict[str, str], subsets: list[tuple]) -> None:
    from playwright.sync_api import sync_playwright

    server = make_server(site, "/", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    rows, timings = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for query in queries:
                ours = [(urls[page], score) for page, score in api_search(browser, url, "/pagefind/", query)]
                for number, _size, subset_urls, words in subsets:
                    found = api_search(browser, url, f"/__subset_{number}__/", query)
                    theirs = [(subset_urls[page], score) for page, score in found]
                    result = row(site, query, number, ours, theirs, set(subset_urls.values()))
                    result["comparable"] = all(word in words for word in query.lower().split())
                    rows.append(result)
                cold = [cold_search(browser, url + "search/", "/pagefind/", query)]
                for number, *_ in subsets:
                    page = f"search-subset-{number}/"
                    cold.append(cold_search(browser, url + page, f"/__subset_{number}__/", query))
                timings.append((query, cold))
            browser.close()
    finally:
        server.shutdown()
    report(rows, timings, subsets)


def api_search(browser: Any, url: str, bundle: str, query: str) -> list[tuple[str, float]]:
    """Every result of ``query`` in the bundle at ``bundle``, best first, as (page id, score)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "404.html")  # any page of the site's origin; the search runs in it
    found = page.evaluate(SEARCH, [bundle, query])
    context.close()
    return found


def row(site: Path, query: str, number: int, ours: list, theirs: list, pages: set[str]) -> dict[str, Any]:
    """One query against one subset: the archive's ranked (URL, score) list kept to the subset's pages, and the subset's."""
    kept = [(page, score) for page, score in ours if page in pages]
    ours_top = [page for page, _ in kept[:10]]
    theirs_top = [page for page, _ in theirs[:10]]
    largest = max(len(ours_top), len(theirs_top))
    theirs_score = dict(theirs)
    ratios = [score / theirs_score[page] for page, score in kept if theirs_score.get(page)]
    return {
        "query": query,
        "subset": number,
        "all": len(ours),
        "lacking_all": lacking(site, query, [page for page, _ in ours[:10]]),
        "kept": len(kept),
        "single": len(theirs),
        "same_pages": {page for page, _ in kept} == set(theirs_score),
        "overlap": len(set(ours_top) & set(theirs_top)) / largest if largest else 1.0,
        "lacking": lacking(site, query, ours_top),
        "lacking_single": lacking(site, query, theirs_top),
        "ratios": ratios,
    }


def report(rows: list[dict], timings: list, subsets: list) -> None:
    print(
        f"{'query':<24} {'all':>7}  per subset: kept/single (overlap), * where the subset lacks a query word as a whole word"
    )
    for start in range(0, len(rows), len(subsets)):
        mine = rows[start : start + len(subsets)]
        cells = "  ".join(
            f"{r['kept']:>5}/{r['single']:<5} ({r['overlap']:.2f}){' ' if r['comparable'] else '*'}" for r in mine
        )
        print(f"{mine[0]['query']:<24} {mine[0]['all']:>7}  {cells}")
    comparable = [r for r in rows if r["comparable"]]
    print(f"(query, subset) pairs: {len(rows)}; {len(comparable)} where the subset holds every query word")
    print(
        "  (where it does not, the subset bundle's Pagefind completes or drops the missing word, as the archive"
        " does for a word no page of the archive holds: those pairs are not a like-for-like comparison)"
    )
    for label, chosen in (("comparable pairs", comparable), ("all pairs", rows)):
        same = sum(r["kept"] == r["single"] for r in chosen)
        same_pages = sum(r["same_pages"] for r in chosen)
        overlaps = [r["overlap"] for r in chosen]
        print(
            f"{label}: same result count {same} of {len(chosen)}, same pages {same_pages};"
            f" top-10 overlap mean {statistics.mean(overlaps):.3f}, min {min(overlaps):.2f}"
        )
    print(
        "top-10 slots holding a page that lacks a query word, comparable pairs: "
        f"{sum(r['lacking'] for r in comparable)} (archive, its top 10 among the subset's pages) "
        f"against {sum(r['lacking_single'] for r in comparable)} (subset bundles)"
    )
    overall = {r["query"]: r["lacking_all"] for r in rows}
    print(f"in the archive's own top 10 over all its pages: {sum(overall.values())} slots over {len(overall)} queries")
    ratios = [ratio for r in comparable for ratio in r["ratios"]]
    if len(ratios) > 1:
        cut = statistics.quantiles(ratios, n=20)
        print(
            f"score, archive / subset bundle, over {len(ratios):,} pages: median {statistics.median(ratios):.3f},"
            f" 5th to 95th percentile {cut[0]:.3f} to {cut[-1]:.3f}"
        )
    labels = ["archive (all pages)"] + [f"subset {n} ({size:,} pages)" for n, size, *_ in subsets]
    print("cold search page, median over the queries:")
    for column, label in enumerate(labels):
        seconds = statistics.median(cold[column]["seconds"] for _, cold in timings)
        worst = max(cold[column]["seconds"] for _, cold in timings)
        kb = statistics.median(cold[column]["bytes"] for _, cold in timings) / 1e3
        requests = statistics.median(cold[column]["requests"] for _, cold in timings)
        print(
            f"  {label:<28} first results {seconds:.2f} s (slowest {worst:.2f} s), {kb:,.0f} KB, {requests:.0f} requests"
        )


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__.splitlines()[0])
    sizes = [int(size) for size in sys.argv[2:]] or [10_000, 10_000, 10_000, 30_000]
    main(Path(sys.argv[1]), sizes)
