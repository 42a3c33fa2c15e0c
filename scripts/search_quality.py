"""Search across shards against one Pagefind bundle, for readers: python scripts/search_quality.py WORK [N] [--zipf] [--ours-only].

Generates the benchmark's synthetic archive of N articles (default 10,000) in WORK/content
(with --zipf, the corpus with transcripts: each article also copies and quotes stretches of its
briefing's answers, in words of a 20,000-word Zipf vocabulary, so the articles of one briefing
share rare words; the queries are then chosen from the articles by how many hold each word;
with --ours-only, no single bundle is built, where its indexing would need more memory than the
machine has: about 0.3 MB a page, 30 GB at 100,000),
builds it (search index in shards, merged), times three edit-one rebuilds, then indexes the built
site once more as one single Pagefind bundle (WORK/site/__single__/, with a copy of the search
page that uses it at /search-single/). For each of the queries below, on a fresh browser
context per query and page (headless Chromium, the site served on 127.0.0.1), it compares the
site's search page with the same page over the single bundle: the result count shown, the top
10, the requests and bytes fetched from the bundle, and the time until the first results are
shown (from navigation start: the first result on screen, or the status for a query without
results) and until the page of results is complete (its count shown). Prints one line per
query and the totals. Needs Chromium at
/usr/bin/chromium and Playwright. Use a RAM disk for WORK (/dev/shm/...) to time search, not disks.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.bench import WORDS, generate_corpus  # noqa: E402
from pressarchive.pipeline import BuildConfig, build  # noqa: E402
from pressarchive.serve import make_server  # noqa: E402

QUERIES = [
    # one word of the corpus's 60-word vocabulary (in most pages)
    "minister", "trade", "security", "climate", "border", "maritime", "sanctions", "summit", "tariff", "dialogue",
    # two words: both must be in a page
    "peace dialogue", "press conference", "foreign relations", "energy market", "court law", "export import",
    # rare words: a briefing's number is on its page and its articles' (one shard), and starts longer numbers
    "517", "1234", "2001", "88", "briefing 1500", "briefing 777", "minister 1999", "tariff 42",
    # prefixes and absent words: Pagefind completes "secur" and drops a word no page holds
    "secur", "minist", "qzxv", "qzxv trade", "harbourmaster", "dialogues",
]  # fmt: skip
# Notes when the first result enters the list (the page shows a first screenful before the rest).
FIRST_RESULT = """
addEventListener("DOMContentLoaded", () => {
  const list = document.getElementById("search-results");
  if (!list) return;
  new MutationObserver(() => {
    if (list.firstChild && window.firstResultAt === undefined) window.firstResultAt = performance.now();
  }).observe(list, { childList: true });
});
"""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main(work: Path, n: int, zipf: bool, ours_only: bool) -> None:
    site = work / "site"
    if not (site / "pagefind").is_dir():
        shutil.rmtree(work, ignore_errors=True)
        generate_corpus(work / "content", n, transcripts=zipf)
        config = BuildConfig(content=work / "content", out=site, cache=work / "cache" / "build.sqlite")
        timed("cold build with search", lambda: build(config, progress=note))
        articles = sorted((work / "content" / "articles").rglob("*.md"))
        for run, article in enumerate((articles[n // 2], articles[n // 5], articles[n - 10])):
            article.write_text(article.read_text().replace("\n---\n", f"\n---\nEdited in run {run}.\n\n", 1))
            timed(f"edit one article, build with search (run {run + 1})", lambda: build(config, progress=note))
    queries = zipf_queries(work / "content") if zipf else QUERIES
    if ours_only:
        return compare(site, queries, single=False)
    single = site / "__single__"
    if not single.is_dir():
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(single)]
        timed("one single Pagefind bundle", lambda: subprocess.run(command, check=True, capture_output=True))
    page = (site / "search" / "index.html").read_text(encoding="utf-8")
    (site / "search-single").mkdir(exist_ok=True)
    (site / "search-single" / "index.html").write_text(
        page.replace('data-bundle-path="/pagefind/"', 'data-bundle-path="/__single__/"')
    )
    compare(site, queries, single=True)


def zipf_queries(content: Path) -> list[str]:
    """Queries for the Zipf corpus, from its articles: ten words held by about 1, 2, 3, 5, 10, 30, 100,
    300, 1,000 and 3,000 articles; the two rarest words of six articles spread over the archive (a
    briefing's topic words, which its other articles may share); two prefixes; an absent word alone
    and with a common one."""
    holders: Counter[str] = Counter()
    bodies = []
    for path in sorted((content / "articles").rglob("*.md")):
        words = set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").split("\n---\n", 1)[1].lower()))
        bodies.append(words)
        holders.update(words)
    made = sorted(w for w in holders if w not in WORDS and len(w) > 3)  # the Zipf words, not the 60 common ones
    singles: list[str] = []
    for target in (1, 2, 3, 5, 10, 30, 100, 300, 1000, 3000):  # (the most common stands for any larger target)
        singles.append(min((w for w in made if w not in singles), key=lambda w: (abs(holders[w] - target), w)))
    pairs = []
    for words in bodies[:: max(1, len(bodies) // 6)][:6]:
        rare = sorted(
            (w for w in words if w in holders and w not in WORDS and len(w) > 3), key=lambda w: (holders[w], w)
        )
        pairs.append(" ".join(rare[:2]))
    common = singles[-1]
    return [*singles, *pairs, singles[6][:4], singles[8][:4], "qzxv", f"qzxv {common}"]


def compare(site: Path, queries: list[str], single: bool) -> None:
    from playwright.sync_api import sync_playwright

    server = make_server(site, "/", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for query in queries:
                ours = cold_search(browser, url + "search/", "/pagefind/", query)
                theirs = cold_search(browser, url + "search-single/", "/__single__/", query) if single else ours
                for found in (ours, theirs):
                    found["lacking"] = lacking(site, query, found["top"])
                rows.append((query, ours, theirs))
            browser.close()
    finally:
        server.shutdown()
    report(rows)
    if not single:
        print("(no single bundle: each column shows this site's search twice)")


def lacking(site: Path, query: str, paths: list[str]) -> int:
    """How many of the pages at ``paths`` lack one of the query's words (as a case-blind substring)."""
    words = query.lower().split()
    missing = 0
    for path in paths:
        text = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8").lower()
        missing += any(word not in text for word in words)
    return missing


def cold_search(browser: Any, page_url: str, bundle: str, query: str) -> dict[str, Any]:
    """One search on a fresh page in a fresh context: what a reader arriving with ?q= waits for and fetches."""
    from playwright.sync_api import expect

    context = browser.new_context()
    fetched: list[int] = []  # from the page and from Pagefind's worker alike

    def count(request: Any) -> None:
        if bundle in request.url:
            sizes = request.sizes()
            fetched.append(sizes["responseBodySize"] + sizes["responseHeadersSize"])

    context.on("requestfinished", count)
    context.add_init_script(FIRST_RESULT)
    page = context.new_page()
    page.goto(page_url + "?q=" + query.replace(" ", "+"))
    expect(page.locator("#search-status")).to_contain_text(f"for “{query}”", timeout=120_000)
    complete = page.evaluate("performance.now()") / 1000
    first = page.evaluate("window.firstResultAt")
    status = page.locator("#search-status").inner_text()
    top = page.locator("#search-results > li h2 a").evaluate_all(
        "links => links.slice(0, 10).map(a => new URL(a.href).pathname)"
    )
    page.wait_for_timeout(300)  # let late requests finish before counting them
    context.close()
    found = 0 if status.startswith("No results") else int(status.split()[0])
    shown = first / 1000 if first is not None else complete
    return {
        "count": found,
        "top": top,
        "seconds": shown,
        "complete": complete,
        "requests": len(fetched),
        "bytes": sum(fetched),
    }


def report(rows: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> None:
    print(
        f"{'query':<22} {'results':>15} {'top-10 overlap':>15} {'requests':>10} {'KB':>15} {'first results (s)':>19}"
        f" {'complete (s)':>15}"
    )
    overlaps = []
    for query, ours, theirs in rows:
        largest = max(len(ours["top"]), len(theirs["top"]))
        overlap = len(set(ours["top"]) & set(theirs["top"])) / largest if largest else 1.0
        overlaps.append(overlap)
        print(
            f"{query:<22} {ours['count']:>7}/{theirs['count']:<7} {overlap:>15.2f} "
            f"{ours['requests']:>4}/{theirs['requests']:<5} {ours['bytes'] / 1e3:>7.0f}/{theirs['bytes'] / 1e3:<7.0f} "
            f"{ours['seconds']:>9.2f}/{theirs['seconds']:<9.2f} {ours['complete']:>7.2f}/{theirs['complete']:<7.2f}"
        )
    same = sum(ours["count"] == theirs["count"] for _, ours, theirs in rows)
    slots = (sum(row[1]["lacking"] for row in rows), sum(row[2]["lacking"] for row in rows))
    print(f"top-10 slots holding a page that lacks a query word: {slots[0]} against {slots[1]}")
    print(f"(each column: sharded site / single bundle; {len(rows)} queries)")
    print(
        f"same result count: {same} of {len(rows)}; top-10 overlap: mean {statistics.mean(overlaps):.3f}, min {min(overlaps):.2f}"
    )
    for key, label in (
        ("requests", "requests"),
        ("bytes", "bytes"),
        ("seconds", "first results, s"),
        ("complete", "complete, s"),
    ):
        ours = statistics.median(row[1][key] for row in rows)
        theirs = statistics.median(row[2][key] for row in rows)
        print(f"median {label} per cold query: {ours:,.2f} against {theirs:,.2f} ({ours / theirs:.2f}x)")


def timed(what: str, action: Any) -> None:
    started = time.perf_counter()
    action()
    print(f"{what}: {time.perf_counter() - started:.2f} s", flush=True)


def note(message: str) -> None:
    if "search" in message:
        print("  " + message, flush=True)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(arguments[1]) if len(arguments) > 1 else 10_000
    main(Path(arguments[0]), n, "--zipf" in sys.argv, "--ours-only" in sys.argv)
