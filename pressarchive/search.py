"""Index stage: the search index in shards, each its own Pagefind bundle, merged in the reader's browser.

Pagefind keeps a whole site's index in memory while it builds it (about 0.4 MB per page),
so one bundle for a large archive needs more memory than a laptop has, and one edited
article means indexing everything again. Instead the indexed pages (articles and
briefings) are split by date into shards of at most SHARD_PAGES pages: a calendar year,
or equal parts of one when it is bigger. Each shard is indexed on its own (two at a time)
from the staged pages, and its finished bundle is kept in the build cache under a key
made of its pages' keys: a rebuild indexes only the shards whose pages changed.

In the site the newest shard is the primary bundle, at pagefind/ (with Pagefind's
JavaScript and WebAssembly); the others, index files only, are under pagefind/shards/
and listed newest first in pagefind/shards.json, with each shard's first and last date,
for search.js to merge (mergeIndex).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .cache import CODE_VERSION, BuildCache
from .errors import BuildError
from .outputs import Output, linked
from .pagefind_canon import canonicalize_bundle
from .pages import Page, SearchPlace, search_key
from .urls import out_path

BUNDLE_DIR = "pagefind"
WORK_MARKER = ".pressarchive-work"  # in every temporary folder indexing makes: proof it is ours to remove
SHARD_PAGES = 2000  # at most this many pages per shard (more only when one month alone has more);
# search.js relies on a shard's matches staying under 4,096 (its BAND) to sort "newest first"
INDEXING_JOBS = 2  # Pagefind processes at once: 2 x 2,000 pages stay under 2 GB
PARTS = (1, 2, 3, 4, 6, 12)  # a year split into this many equal runs of months
# What a merged shard needs; the JavaScript, WebAssembly and UI files come from the primary bundle.
SHARD_FILES = ("pagefind-entry.json",)
SHARD_FOLDERS = ("index", "filter", "fragment")
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)  # search.js is the UI


@dataclass(frozen=True)
class SearchPage:
    path: str  # output file, such as "articles/some-slug/index.html"
    key: str  # changes whenever what the index takes from the page changes (pages.search_key)
    place: SearchPlace


def index_stage(
    pages: list[Page],
    build_key: str,
    staged: Path,
    bundles: Path,
    progress: Callable[[str], None],
    limit: int = SHARD_PAGES,
) -> dict[str, Output]:
    """The search index of the staged site's articles and briefings, as finished files in ``bundles``."""
    started = time.perf_counter()
    indexed = [SearchPage(out_path(p.path), search_key(p, build_key), p.search) for p in pages if p.search]
    files = index_search(indexed, staged, bundles, CODE_VERSION, progress, limit)
    progress(f"indexed for search in {time.perf_counter() - started:.2f} s")
    return {path: linked(file) for path, file in files.items()}


@contextmanager
def bundle_folder(cache: BuildCache, out: Path) -> Iterator[Path]:
    """Where finished shards are kept: in the build cache, one folder per site (each prunes only its own);
    without a cache, a temporary folder beside the output, removed after the build (the site has copies)."""
    kept = cache.folder("search")
    if kept is not None:
        yield kept / hashlib.sha256(str(out.absolute()).encode()).hexdigest()[:16]
        return
    out.absolute().parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_work(out.absolute().parent, f".{out.name}-search-*")  # a killed build's (the lock says none runs)
    temporary = _work_folder(f".{out.name}-search-", out.absolute().parent)
    try:
        yield temporary
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def shard_pages(pages: list[SearchPage], limit: int = SHARD_PAGES) -> dict[str, list[SearchPage]]:
    """Shard id -> its pages, oldest shard first. Ids are stable: "2024", or "2024-2of4" for part of a year."""
    by_year: dict[int, list[SearchPage]] = defaultdict(list)
    for page in pages:
        by_year[page.place.year].append(page)
    shards: dict[str, list[SearchPage]] = {}
    for year in sorted(by_year):
        year_pages = by_year[year]
        parts = next((n for n in PARTS if -(-len(year_pages) // n) <= limit), PARTS[-1])
        for page in sorted(year_pages, key=lambda p: p.path):
            shard = f"{year}" if parts == 1 else f"{year}-{(page.place.month - 1) * parts // 12 + 1}of{parts}"
            shards.setdefault(shard, []).append(page)
    return dict(sorted(shards.items(), key=lambda item: _shard_order(item[0])))


def _shard_order(shard: str) -> tuple[int, int]:
    year, _, part = shard.partition("-")
    return int(year), int(part.partition("of")[0] or 0)


def shard_key(pages: list[SearchPage], code_version: str) -> str:
    digest = hashlib.sha256(code_version.encode())
    for page in sorted(pages, key=lambda p: p.path):
        digest.update(f"\0{page.path}\0{page.key}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


def index_search(
    pages: list[SearchPage],
    site: Path,
    cache_dir: Path,
    code_version: str,
    progress: Callable[[str], None] = lambda _: None,
    limit: int = SHARD_PAGES,
) -> dict[str, Path]:
    """Every file of the search bundles as output path -> a finished file in ``cache_dir``.

    ``site`` holds the staged pages. Shards already in ``cache_dir`` under their key are
    reused as they are; a shard that fails to index fails the build (BuildError).
    """
    shards = shard_pages(pages, limit)
    if not shards:
        return {}
    keys = {shard: shard_key(shard_pages_, code_version) for shard, shard_pages_ in shards.items()}
    cache_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_work(cache_dir, "pagefind-shard-*")  # a killed build's (the lock says none runs)
    missing = [shard for shard in shards if not (cache_dir / keys[shard] / "pagefind-entry.json").is_file()]
    if missing:
        progress(f"indexing {len(missing)} of {len(shards)} search shards: {', '.join(missing)}")
    with ThreadPoolExecutor(INDEXING_JOBS) as pool:
        list(pool.map(lambda shard: index_shard(shard, shards[shard], site, cache_dir / keys[shard]), missing))
    newest = list(shards)[-1]
    listing = {
        "shards": [f"shards/{shard}/" for shard in reversed(shards) if shard != newest],  # newest first
        "dates": [
            [min(p.place.date for p in shards[shard]), max(p.place.date for p in shards[shard])]
            for shard in reversed(shards)
        ],
    }
    text = json.dumps(listing, indent=1) + "\n"
    manifest = cache_dir / f"shards-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"
    if not manifest.is_file():
        _write_atomically(manifest, text.encode())
    _prune(cache_dir, {*keys.values(), manifest.name})
    files: dict[str, Path] = {}
    for shard in shards:
        bundle = cache_dir / keys[shard]
        prefix = f"{BUNDLE_DIR}/" if shard == newest else f"{BUNDLE_DIR}/shards/{shard}/"
        for path in _bundle_files(bundle, full=shard == newest):
            files[prefix + path.relative_to(bundle).as_posix()] = path
    files[f"{BUNDLE_DIR}/shards.json"] = manifest
    return files


def _bundle_files(bundle: Path, full: bool) -> list[Path]:
    if full:
        return sorted(p for p in bundle.rglob("*") if p.is_file())
    wanted = [bundle / name for name in SHARD_FILES] + sorted(bundle.glob("*.pf_meta"))
    for folder in SHARD_FOLDERS:
        wanted += sorted(p for p in (bundle / folder).rglob("*") if p.is_file())
    return wanted


def index_shard(shard: str, pages: list[SearchPage], site: Path, bundle: Path) -> None:
    """Index ``pages`` (copied from ``site`` into a folder of their own) into ``bundle``."""
    work = _work_folder("pagefind-shard-", bundle.parent)
    try:
        for page in pages:
            target = work / "site" / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / page.path, target)  # a hard link would change the staged file's ctime
        output = work / "bundle"
        command = [sys.executable, "-m", "pagefind", "--site", str(work / "site"), "--output-path", str(output)]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, timeout=3600, preexec_fn=partial(_die_with_parent, os.getpid())
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BuildError(f"search index: could not run Pagefind: {exc}") from None
        if result.returncode != 0 or not (output / "pagefind.js").is_file():
            text = (result.stderr or result.stdout).strip()[-2000:]
            raise BuildError(f"search index: Pagefind failed on shard {shard} (exit {result.returncode}):\n{text}")
        # Pagefind writes filters in hash-map order; sort them so builds are byte-identical.
        canonicalize_bundle(output)
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        output.rename(bundle)  # whole or not at all: a killed build leaves no half bundle under its key
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _work_folder(prefix: str, parent: Path) -> Path:
    """A new temporary folder, marked as this tool's so that a later build may remove it if it is left behind."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    (folder / WORK_MARKER).write_bytes(b"")
    return folder


def _remove_stale_work(parent: Path, pattern: str) -> None:
    """Remove the work folders matching ``pattern`` that carry this tool's marker (left by a killed build)."""
    for folder in parent.glob(pattern):
        if folder.is_dir() and not folder.is_symlink() and (folder / WORK_MARKER).is_file():
            shutil.rmtree(folder, ignore_errors=True)


def _die_with_parent(build_pid: int) -> None:
    """In Pagefind's process before it starts (Linux): be killed when the build dies, even by kill -9."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != build_pid:  # the build died before the line above
            os._exit(1)


def _prctl() -> Any:
    """prctl(2) from the C library, looked up once in the build process (not in the forked child)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


PR_SET_PDEATHSIG = 1
_PRCTL = _prctl()


def _prune(cache_dir: Path, keep: set[str]) -> None:
    """Drop bundles and lists no build uses any more (the site has its own copies of the files)."""
    for entry in cache_dir.iterdir():
        if entry.name in keep or entry.name.startswith("pagefind-shard-"):
            continue  # (another build's work in progress is its own to clean)
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
