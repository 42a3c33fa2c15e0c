"""The build, stage by stage:

    load -> validate -> render Markdown -> model -> captures -> align coverage -> plan pages
         -> render and write into staging -> index -> swap -> remember

Each stage is one call in ``build()`` and returns new values. The speed machinery sits
behind two seams: the BuildCache that stages receive (records, rendered bodies, compiled
templates, the last build), and the Staging folder that owns what the next site holds
and writes only the files whose key changed. Read ``build()`` without them and it is a
cold build.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .bodies import render_markdown
from .cache import BuildCache
from .captures import read_captures
from .coverage import analyse_coverage
from .errors import BuildError
from .last_build import LastBuild, build_inputs, remember, unchanged_build
from .load import MAX_FILE_BYTES, content_files, load_content
from .locks import build_lock
from .model import Records, Site, build_site
from .outputs import site_outputs
from .pages import plan_pages
from .search import BUNDLE_DIR, SHARD_PAGES, bundle_folder, index_stage
from .staging import Staging, check_output_folder
from .templates import Templates
from .urls import Urls
from .validate import content_warnings, validate_content

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
    search_shard_pages: int = SHARD_PAGES  # pages per search shard, at most (see search.py)
    allow_empty: bool = False  # publish a site with no article (every one a draft, say)


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
        content = load_content(config.content, config.max_file_bytes, cache.reusable_records(), scan)
        records = validate_content(content, config.drafts)
        records, bodies = render_markdown(records, cache, config.render_budget)
        site = _publishable(build_site(records, config.drafts), records, config.allow_empty)
        captures = read_captures(config.content, records)
        urls = _with_origin(urls, config, site, progress)
        warnings = _warnings(records, config.strict, warn) + _without_origin(urls, warn)
        progress(f"loaded {site.summary()}")
        coverage = analyse_coverage(site, bodies, cache)
        progress(
            f"aligned the coverage of {coverage.analysed} of {len(site.briefings)} briefings (the others unchanged)"
        )
        pages = plan_pages(site, urls, bodies, coverage, captures)
        templates = Templates(config.templates, site, urls, cache)
        outputs = site_outputs(pages, templates, bodies, coverage, captures, config.templates / "static")
        with Staging(config.out, cache) as staging, bundle_folder(cache, config.out) as bundles:
            staging.write(outputs, within=_outside_search)
            shards = config.search_shard_pages
            index = (
                index_stage(pages, templates.key, staging.folder, bundles, progress, shards) if config.search else {}
            )
            staging.write(index, within=_inside_search)
            staging.swap()
        done = LastBuild(inputs, staging.site_id, site.summary(), len(pages), len(outputs), warnings)
        remember(cache, config.out, done, records)
    return BuildResult(done.summary, done.pages, done.files, staging.changed, time.perf_counter() - started)


def check(config: BuildConfig, warn: Say = lambda _: None) -> Site:
    """The stages up to the model, as a build runs them: every problem, nothing written."""
    site_urls(config)
    with BuildCache(config.cache, warn) as cache:
        content = load_content(config.content, config.max_file_bytes, cache.reusable_records())
        records = validate_content(content, config.drafts)
        records, _ = render_markdown(records, cache, config.render_budget)
        site = build_site(records, config.drafts)
        read_captures(config.content, records)
        _warnings(records, config.strict, warn)
    return site


def site_urls(config: BuildConfig) -> Urls:
    try:
        return Urls.from_base_url(config.base_url)
    except ValueError as exc:
        raise BuildError(str(exc)) from None


def _publishable(site: Site, records: Records, allow_empty: bool) -> Site:
    """The site, unless it has no article to show and that was not asked for."""
    if site.articles or allow_empty:
        return site
    raise BuildError(
        f"no article to publish: every article is a draft ({len(records.articles) + len(records.undated_drafts)});"
        f" include them with --drafts{' (a draft without a date needs one first)' if records.undated_drafts else ''},"
        " or publish an archive without articles with --allow-empty"
    )


def _warnings(records: Records, strict: bool, warn: Say) -> tuple[str, ...]:
    """Problems that do not stop a build, said once each; with ``strict`` they do."""
    warnings = content_warnings(records)
    if strict and warnings:
        raise BuildError(warnings)
    for warning in warnings:
        warn(str(warning))
    return tuple(str(w) for w in warnings)


def _with_origin(urls: Urls, config: BuildConfig, site: Site, progress: Say) -> Urls:
    """Absolute URLs need an origin: from --base-url, else from `url:` in site.yaml (said so), else none."""
    given = urls.with_origin(config.site_url)
    found = given.with_origin(site.info.url)
    if found.origin and not given.origin:
        progress(f"site URL {found.origin}{found.base_path} (`url:` in site.yaml, path from --base-url)")
    return found


def _without_origin(urls: Urls, warn: Say) -> tuple[str, ...]:
    """Without an origin, what is left out and what to pass; a warning every build repeats."""
    if urls.origin:
        return ()
    message = (
        "no site URL, so feeds, sitemap.xml, the Sitemap line of robots.txt and canonical links are left out: "
        f"pass the full URL (--base-url https://HOST{urls.base_path}) or set `url:` in site.yaml"
    )
    warn(message)
    return (message,)


def _outside_search(path: str) -> bool:
    return not path.startswith(f"{BUNDLE_DIR}/")


def _inside_search(path: str) -> bool:
    return path.startswith(f"{BUNDLE_DIR}/")


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
