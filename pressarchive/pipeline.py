"""The build: nothing at all when its inputs are the last build's, else its stages (stages.py):

    load -> validate -> render Markdown -> model -> captures -> align coverage -> plan pages
         -> render and write into staging -> index -> size -> swap -> remember

Each stage is one call in ``stages.run()`` and returns new values. The speed machinery sits
behind two seams: the BuildCache that stages receive (records, rendered bodies, compiled
templates, the last build), and the Staging folder that owns what the next site holds
and writes only the files whose key changed. Read ``stages.run()`` without them and it is a
cold build. ``build()`` first asks the cache whether anything changed (last_build.py), before
the stages' modules (Markdown, Jinja, alignment) are even imported: that alone takes longer
than the answer.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import BuildCache
from .errors import BuildError
from .last_build import LastBuild, build_inputs, unchanged_build
from .load import MAX_FILE_BYTES, content_files
from .locks import build_lock
from .site_size import PAGES_LIMIT
from .staging import check_output_folder
from .urls import Urls

if TYPE_CHECKING:
    from .model import Site

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

Say = Callable[[str], None]


@dataclass(frozen=True)
class BuildConfig:
    content: Path = Path("content")
    out: Path = Path("site")
    base_url: str = "/"
    site_url: str | None = None  # an origin for absolute URLs when base_url is a bare path (serve uses it)
    drafts: bool = False
    search: bool = True
    templates: Path = TEMPLATES
    cache: Path | None = Path(".cache") / "pressarchive.sqlite"  # None: no build cache
    strict: bool = False  # warnings become errors
    max_file_bytes: int = MAX_FILE_BYTES
    render_budget: float = 10.0  # seconds of Markdown rendering allowed per file
    search_shard_pages: int | None = None  # pages per search shard, at most; None: search.SHARD_PAGES
    allow_empty: bool = False  # publish a site with no article (every one a draft, say)
    size_limit: int = PAGES_LIMIT  # bytes the site's host publishes at most (warned near it); 0: not checked


@dataclass(frozen=True)
class BuildResult:
    summary: str  # such as "2 articles, 1 briefing, 2 sources"
    pages: int
    files: int
    changed: int  # files added, changed or removed since the last build
    seconds: float


def build(config: BuildConfig, progress: Say = lambda _: None, warn: Say = lambda _: None) -> BuildResult:
    started = time.perf_counter()
    urls = site_urls(config)
    check_output_folder(config.out, inputs=[config.content, config.templates])
    with build_lock(config.out, config.cache), BuildCache(config.cache, warn) as cache, _fewer_garbage_collections():
        scan = content_files(config.content) if config.content.is_dir() else None  # changes after this: next build
        inputs = build_inputs(config, config.templates, scan)
        last = unchanged_build(cache, config.out, inputs)
        if last is not None:
            return _nothing_to_do(last, progress, warn, started)
        from . import stages  # here, not above: a build with nothing to do needs none of their modules

        done, changed = stages.run(config, cache, scan, inputs, urls, progress, warn)
    return BuildResult(done.summary, done.pages, done.files, changed, time.perf_counter() - started)


def check(config: BuildConfig, warn: Say = lambda _: None) -> Site:
    """The stages up to the model, as a build runs them: every problem, nothing written."""
    from . import stages

    site_urls(config)
    return stages.check(config, warn)


def site_urls(config: BuildConfig) -> Urls:
    try:
        return Urls.from_base_url(config.base_url)
    except ValueError as exc:
        raise BuildError(str(exc)) from None


def _nothing_to_do(last: LastBuild, progress: Say, warn: Say, started: float) -> BuildResult:
    for message in last.warnings:
        warn(message)
    progress(f"nothing changed since the last build ({last.summary})")
    return BuildResult(last.summary, last.pages, last.files, 0, time.perf_counter() - started)


@contextmanager
def _fewer_garbage_collections() -> Iterator[None]:
    """A build makes hundreds of thousands of objects that live until it ends; at the default
    thresholds the garbage collector scans them over and over (a fifth of a rebuild's time).

    At the end they are still alive (the build's locals), and the first collection after the
    thresholds are restored would scan them all once more (0.3 s at 10,000 articles) only to
    find them in use: they are frozen first (left out of collections; still freed when no
    longer referenced), and thawed when the next build in this process (serve) starts."""
    gc.unfreeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)
