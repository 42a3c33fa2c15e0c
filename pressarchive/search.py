"""Index stage: the search index, built in shards and merged into one Pagefind bundle.

Pagefind keeps a whole site's index in memory while it builds it (about 0.4 MB per page),
so one bundle for a large archive needs more memory than a laptop has, and one edited
article means indexing everything again. Instead the indexed pages (articles and
briefings) are split by date into shards of at most SHARD_PAGES pages: a calendar year,
or equal parts of one when it is bigger. Each shard is indexed on its own (two at a time)
from the staged pages, and its finished bundle is kept in the build cache under a key
made of its pages' keys: a rebuild indexes only the shards whose pages changed.

The shards are then merged into one bundle (search_merge.py), published at pagefind/:
the reader searches one index over the whole archive, with its word statistics, filters
and sort orders, exactly as if Pagefind had indexed every page at once.
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
from functools import cache, partial
from pathlib import Path
from typing import Any

from .cache import CODE_VERSION, BuildCache
from .errors import BuildError
from .pagefind_canon import canonicalize_bundle
from .pages import Page, SearchPlace, search_key
from .produce import Output
from .search_merge import SORT_VALUES, MergeError, earlier_segments, merge_bundles, sort_values
from .urls import out_path

BUNDLE_DIR = "pagefind"
WORK_MARKER = ".pressarchive-work"  # in every temporary folder indexing makes: proof it is ours to remove
SHARD_PAGES = 250  # at most this many pages per shard (more only when one month alone has more): an edit re-indexes one
INDEXING_JOBS = 2  # Pagefind processes at once (each holds its shard: about 0.4 MB a page)
PARTS = (1, 2, 3, 4, 6, 12)  # a year split into this many equal runs of months
MERGED_FILES = (
    "files.json"  # in a merged bundle's folder: path in the bundle -> [file in the cache folder, its SHA-256]
)
DIGESTS = "digests.json"  # in a shard's bundle: file in the bundle -> its SHA-256
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
    files = indexed_files(indexed, staged, bundles, CODE_VERSION, progress, limit)
    progress(f"indexed for search in {time.perf_counter() - started:.2f} s")
    # Keyed by content: a re-indexed shard's unchanged fragments are not copied into the site again.
    return {path: Output(f"sha256:{digest}", file.read_bytes, file) for path, (file, digest) in files.items()}


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
    """Every file of the search bundle as output path -> a finished file in ``cache_dir``.

    ``site`` holds the staged pages. Shards already in ``cache_dir`` under their key are
    reused as they are, and so is their merged bundle; a shard that fails to index fails
    the build (BuildError).
    """
    files = indexed_files(pages, site, cache_dir, code_version, progress, limit)
    return {path: file for path, (file, _) in files.items()}


def indexed_files(
    pages: list[SearchPage],
    site: Path,
    cache_dir: Path,
    code_version: str,
    progress: Callable[[str], None] = lambda _: None,
    limit: int = SHARD_PAGES,
) -> dict[str, tuple[Path, str]]:
    """As index_search, with each file's SHA-256: output path -> (a finished file in ``cache_dir``, its digest)."""
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
    merged = "merged-" + hashlib.sha256("\0".join(keys.values()).encode()).hexdigest()[:32]
    if not (cache_dir / merged / MERGED_FILES).is_file():
        started = time.perf_counter()
        _merge(cache_dir, [keys[shard] for shard in shards], merged)
        progress(f"merged {len(shards)} search shards into one index in {time.perf_counter() - started:.2f} s")
    _prune(cache_dir, {*keys.values(), merged})
    listing = json.loads((cache_dir / merged / MERGED_FILES).read_text(encoding="utf-8"))
    return {f"{BUNDLE_DIR}/{path}": (cache_dir / file, digest) for path, (file, digest) in listing.items()}


def _merge(cache_dir: Path, bundles: list[str], merged: str) -> None:
    """Merge the shard bundles (oldest first) into the folder ``merged``, with the list of its files."""
    work = Path(tempfile.mkdtemp(prefix="pagefind-shard-merge-", dir=cache_dir))
    try:
        try:
            earlier = [*cache_dir.glob("merged-*/index/*.pf_index"), *cache_dir.glob("merged-*/filter/*.pf_filter")]
            reusable = {path.name: path for path in earlier}
            known = earlier_segments(sorted(cache_dir.glob("merged-*")))
            files = merge_bundles([cache_dir / bundle for bundle in bundles], work / "bundle", reusable, known)
        except (MergeError, ValueError, KeyError, TypeError) as exc:
            raise BuildError(f"search index: could not merge the shards (Pagefind's format changed?): {exc}") from None
        listing = _listing(files, cache_dir, work / "bundle", merged)
        (work / "bundle" / MERGED_FILES).write_text(json.dumps(listing, indent=0, sort_keys=True) + "\n")
        (work / "bundle").rename(cache_dir / merged)  # whole or not at all
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _listing(files: dict[str, Path], cache_dir: Path, bundle: Path, merged: str) -> dict[str, list[str]]:
    """The merged bundle's files as path -> [file in ``cache_dir``, SHA-256], the files in ``bundle``
    (the merge's own, about to be renamed ``merged``) hashed now, the shards' from their DIGESTS."""
    digests: dict[str, dict[str, str]] = {}
    listing = {}
    cache, own = f"{cache_dir}{os.sep}", f"{bundle}{os.sep}"
    for path, file in files.items():
        name = str(file)
        if name.startswith(own):
            listing[path] = [f"{merged}/{name[len(own) :]}", hashlib.sha256(file.read_bytes()).hexdigest()]
            continue
        if not name.startswith(cache):
            raise BuildError(f"search index: merged file {name} is outside the cache folder {cache_dir}")
        relative = name[len(cache) :]
        folder, _, inside = relative.partition(os.sep)
        if folder not in digests:
            digests[folder] = _digests(cache_dir / folder)
        listing[path] = [relative.replace(os.sep, "/"), digests[folder][inside.replace(os.sep, "/")]]
    return listing


def _digests(shard: Path) -> dict[str, str]:
    """A shard bundle's files -> their SHA-256, as kept beside them."""
    return dict(json.loads((shard / DIGESTS).read_text(encoding="utf-8")))


def index_shard(shard: str, pages: list[SearchPage], site: Path, bundle: Path) -> None:
    """Index ``pages`` (copied from ``site`` into a folder of their own) into ``bundle``."""
    work = _work_folder("pagefind-shard-", bundle.parent)
    try:
        for page in pages:
            target = work / "site" / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / page.path, target)  # a hard link would change the staged file's ctime
        output = work / "bundle"
        command = [*pagefind_command(), "--site", str(work / "site"), "--output-path", str(output)]
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
        try:
            values = sort_values(output)
        except MergeError as exc:
            raise BuildError(f"search index: shard {shard}: {exc}") from None
        (output / SORT_VALUES).write_text(json.dumps(values, sort_keys=True) + "\n")
        for name in UNUSED:
            (output / name).unlink(missing_ok=True)
        (output / DIGESTS).write_text(json.dumps(_hashed(output), indent=0, sort_keys=True) + "\n")
        output.rename(bundle)  # whole or not at all: a killed build leaves no half bundle under its key
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _hashed(bundle: Path) -> dict[str, str]:
    """Every file of ``bundle`` (path inside it) -> its SHA-256."""
    return {
        path.relative_to(bundle).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(bundle.rglob("*"))
        if path.is_file()
    }


@cache
def pagefind_command() -> list[str]:
    """Pagefind's binary, as `python -m pagefind` finds it (the extended one when installed), run
    directly: the Python start-up of `python -m pagefind` cost more than indexing a small shard
    (0.08 s of CPU a run, 0.01 s for the binary on one page). That module's way if it changes."""
    try:
        from pagefind.service import _must_get_executable  # what pagefind/__main__.py runs

        return [str(_must_get_executable().resolve().absolute())]
    except (ImportError, AttributeError, OSError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind"]


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
