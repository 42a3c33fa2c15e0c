"""Three ways to feed Pagefind the same pages, timed: python scripts/pagefind_inputs.py SITE [PAGES].

SITE is a built site (pressarchive build, with or without search). Takes its first PAGES
(default 2000) article pages and indexes them (1) as the build does (search.index_shard:
a directory scan of linked pages), (2) through Pagefind's Python API with add_html_file,
and (3) with add_custom_record, the text taken from each page's data-pagefind-body region
beforehand (not timed). Prints wall time and the Pagefind process's peak memory for each.

The API calls are sent all at once, yet its client (pagefind 1.5.2, service/__init__.py)
sleeps 0.1 s before reading each answer, so the API costs about 0.1 s per page whatever
the indexing itself costs; see BENCHMARKS.md.
"""

from __future__ import annotations

import asyncio
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

from pagefind.index import PagefindIndex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.search import SearchPage, index_shard  # noqa: E402


def main(site: Path, count: int) -> None:
    pages = sorted((site / "articles").glob("*/index.html"))[:count]
    work = Path(tempfile.mkdtemp(prefix="pagefind-inputs-"))
    os.chdir(work)  # the API leaves a pagefind/ folder in the working directory
    try:
        print(f"{len(pages)} article pages from {site}")
        report("directory scan (the build's index_shard)", lambda: scan(site, pages, work / "scan-bundle"))
        report("Python API add_html_file", lambda: asyncio.run(api_html(site, pages, work)))
        records = [record(site, page) for page in pages]
        report("Python API add_custom_record", lambda: asyncio.run(api_records(records, work)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(name: str, run) -> None:  # type: ignore[no-untyped-def]
    # Each in a fresh child process, so that the peak memory is its own.
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        started = time.perf_counter()
        run()
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        os.write(write, f"{seconds} {peak}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        seconds, peak = map(float, pipe.read().split())
    os.waitpid(pid, 0)
    print(f"  {name}: {seconds:.2f} s, Pagefind peak {peak:.0f} MB")


def scan(site: Path, pages: list[Path], bundle: Path) -> None:
    # The build's own way: one shard, its pages linked into a folder and scanned by the CLI.
    shard = [SearchPage(page.relative_to(site).as_posix(), key="", year=0, month=0, date="") for page in pages]
    index_shard("all", shard, site, bundle)


async def api_html(site: Path, pages: list[Path], work: Path) -> None:
    async with PagefindIndex() as index:
        # All at once: awaited one by one, each call waits about 0.1 s for its answer.
        await asyncio.gather(
            *(index.add_html_file(content=page.read_text(encoding="utf-8"), url=_url(site, page)) for page in pages)
        )
        await index.write_files(output_path=str(work / "html-bundle"))


def record(site: Path, page: Path) -> dict:
    html = page.read_text(encoding="utf-8")
    region = html[html.index("data-pagefind-body") :]
    text = unescape(re.sub(r"<[^>]+>", " ", region.split("</article>")[0]))
    meta = dict(re.findall(r'data-pagefind-meta="([^"]+)">([^<]*)<', html))
    filters: dict[str, list[str]] = {}
    for name, value in re.findall(r'data-pagefind-filter="([^"]+)">([^<]*)<', html):
        filters.setdefault(name, []).append(unescape(value))
    sort = dict(re.findall(r'data-pagefind-sort="([^"]+)">([^<]*)<', html))
    return {
        "url": _url(site, page),
        "content": " ".join(text.split()),
        "language": "en",
        "meta": meta,
        "filters": filters,
        "sort": sort,
    }


def _url(site: Path, page: Path) -> str:
    return "/" + page.parent.relative_to(site).as_posix() + "/"


async def api_records(records: list[dict], work: Path) -> None:
    async with PagefindIndex() as index:
        await asyncio.gather(*(index.add_custom_record(**item) for item in records))
        await index.write_files(output_path=str(work / "record-bundle"))


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
