"""The build, stage by stage: load -> validate -> model -> render -> write -> index -> swap.

A rebuild does the same stages over less: unchanged content files come from the build
cache as validated records, every page gets a key (Renderer.key), and the write stage
renders only the pages whose key differs from what the output folders hold. A rebuild
whose inputs (file sizes and times, options, code) match the last build stops at once.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .bodies import Bodies, body_key
from .cache import CODE_VERSION, BuildCache
from .errors import BuildError
from .feeds import feed_shows, render_feed, site_feeds
from .load import MAX_FILE_BYTES, Content, ContentFile, Scan, content_files, load_content
from .model import Article, Briefing, Site, build_site
from .render import Page, Renderer
from .search import BUNDLE_DIR, SHARD_PAGES, SearchPage, index_search
from .sitemap import robots_txt, sitemap_files, sitemap_names
from .urls import Urls, out_path
from .validate import Records, content_warnings, validate_content
from .write import Output, check_output_folder, constant, copy_tree_files, folder_id, linked, tree_matches, write_site

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


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


@dataclass(frozen=True)
class BuildResult:
    summary: str  # such as "2 articles, 1 briefing, 2 sources"
    pages: int
    files: int
    changed: int  # files added, changed or removed since the last build
    seconds: float


@dataclass(frozen=True)
class Loaded:
    site: Site
    bodies: Bodies
    warnings: list[str]


def load_site(
    config: BuildConfig, cache: BuildCache, warn: Callable[[str], None] = lambda _: None, scan: Scan | None = None
) -> Loaded:
    """Load, validate, render new Markdown and model the content; raise BuildError with every problem found."""
    content = load_content(config.content, config.max_file_bytes, _cached_records(cache), scan)
    records, errors = validate_content(content)
    if errors:
        raise BuildError(errors)
    bodies = render_markdown(records, content, config, cache)
    site, errors = build_site(records.info, records.sources, records.briefings, records.articles, config.drafts)
    if errors or site is None:
        raise BuildError(errors)
    warnings = content_warnings(records)
    if config.strict and warnings:
        raise BuildError(warnings)
    messages = [str(w) for w in sorted(warnings)]
    for message in messages:
        warn(message)
    return Loaded(site, bodies, messages)


def _cached_records(cache: BuildCache) -> Callable[[ContentFile], Any]:
    """The validated record of each file unchanged since the cache saw it (same size and mtime).

    Only records whose Markdown the cache still has: the page needs its HTML.
    """
    rows = cache.records()
    rendered = cache.body_keys() if rows else set()

    def reuse(file: ContentFile) -> Any:
        row = rows.get(str(file.path))
        if row is None or row[:2] != (file.size, file.mtime_ns):
            return None
        record = cache.load_record(row[2], file.path)
        if isinstance(record, Article) and record.body_sha256 not in rendered:
            return None
        if isinstance(record, Briefing) and record.summary_md and body_key(record.summary_md) not in rendered:
            return None
        return record

    return reuse


def render_markdown(records: Records, content: Content, config: BuildConfig, cache: BuildCache) -> Bodies:
    """Render the Markdown of new and changed files (all of them without a cache), then remember their records.

    Articles keep no body after this: pages get its HTML from Bodies, by the body's hash.
    """
    bodies = Bodies(cache, config.render_budget)
    fresh = [record for _, record in records.fresh]
    documents = [(r.src_path, r.body_md) for r in fresh if isinstance(r, Article)]
    documents += [(r.src_path, r.summary_md) for r in fresh if isinstance(r, Briefing) and r.summary_md]
    bodies.render_new(documents)
    records.articles = [_without_body(a) for a in records.articles]
    kept = {str(file.path) for file in content.files}
    cache.put_records([(str(f.path), f.size, f.mtime_ns, _without_body(r)) for f, r in records.fresh], kept)
    current = {a.body_sha256 for a in records.articles} | {body_key(b.summary_md) for b in records.briefings}
    cache.keep_bodies(current)  # edits leave old bodies behind
    records.fresh.clear()
    return bodies


def _without_body(record: Any) -> Any:
    return dataclasses.replace(record, body_md="") if isinstance(record, Article) and record.body_md else record


def build(
    config: BuildConfig, progress: Callable[[str], None] = lambda _: None, warn: Callable[[str], None] = lambda _: None
) -> BuildResult:
    started = time.perf_counter()
    urls = _urls(config)
    check_output_folder(config.out, inputs=[config.content, config.templates])
    cache = BuildCache(config.cache)
    collections = gc.get_threshold()
    # A build makes hundreds of thousands of objects that live until it ends; at the default
    # thresholds the garbage collector scans them over and over (a fifth of a rebuild's time).
    gc.set_threshold(100_000, 50, 1000)
    try:
        scan = _scan(config)  # before loading: a file changed during the build is seen by the next one
        fingerprint = _fingerprint(config, scan)
        unchanged = _unchanged_since_last_build(config, cache, fingerprint)
        if unchanged is not None:
            for message in unchanged["warnings"]:
                warn(message)
            progress(f"nothing changed since the last build ({unchanged['summary']})")
            seconds = time.perf_counter() - started
            return BuildResult(unchanged["summary"], unchanged["pages"], unchanged["files"], 0, seconds)
        loaded = load_site(config, cache, warn, scan)
        site = loaded.site
        progress(f"loaded {site.summary()}")
        urls = urls.with_origin(config.site_url).with_origin(site.info.url)
        if not urls.origin:
            progress(
                "note: no site URL (an absolute --base-url or `url:` in site.yaml): feeds, sitemap.xml and canonical links left out"
            )
        renderer = Renderer(site, urls, config.templates, loaded.bodies)
        pages = renderer.pages()
        outputs = {out_path(page.path): Output(renderer.key(page), partial(renderer.render, page)) for page in pages}
        outputs.update(_static_files(config.templates))
        outputs.update(_site_files(site, urls, pages, renderer))
        search_pages = [SearchPage(out_path(p.path), renderer.search_key(p), *p.indexed) for p in pages if p.indexed]
        bundles, temporary = _search_bundles(config, cache)
        try:
            finish = _indexer(config, bundles, search_pages, progress)
            changed = write_site(config.out, outputs, cache, finish, finished=f"{BUNDLE_DIR}/")
        finally:
            if temporary:  # the site holds its own links to the files
                shutil.rmtree(bundles, ignore_errors=True)
        summary = {"summary": site.summary(), "pages": len(pages), "files": len(outputs), "warnings": loaded.warnings}
        cache.put_state(
            _state_name(config), {**summary, "fingerprint": fingerprint, "folder": folder_id(config.out, config.out)}
        )
        return BuildResult(site.summary(), len(pages), len(outputs), changed, time.perf_counter() - started)
    finally:
        gc.set_threshold(*collections)
        cache.close()


def _site_files(site: Site, urls: Urls, pages: list[Page], renderer: Renderer) -> dict[str, Output]:
    """Files beside the pages: .nojekyll, robots.txt, CNAME, and with an origin feeds and sitemap."""
    files = {".nojekyll": constant(b""), "robots.txt": constant(robots_txt(urls))}
    if site.info.cname:
        files["CNAME"] = constant((site.info.cname + "\n").encode("ascii"))
    if urls.origin:
        for feed in site_feeds(site):
            key = _key(renderer.build_key, feed_shows(feed, site))
            files[feed.path] = Output(key, partial(render_feed, feed, site, urls, renderer.excerpt))
        listed = [(p.path, p.lastmod) for p in pages if p.path != "404.html"]
        key = _key(renderer.build_key, listed)
        made: dict[str, bytes] = {}  # all sitemap files come from one pass

        def sitemap(name: str) -> bytes:
            made.update(made or sitemap_files(urls, listed))
            return made[name]

        for name in sitemap_names(len(listed)):
            files[name] = Output(f"{key}:{name}", partial(sitemap, name))
    return files


def _key(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()


def check(config: BuildConfig, warn: Callable[[str], None] = lambda _: None) -> Site:
    _urls(config)
    cache = BuildCache(config.cache)
    try:
        loaded = load_site(config, cache, warn)
    finally:
        cache.close()
    return loaded.site


def _urls(config: BuildConfig) -> Urls:
    try:
        return Urls.from_base_url(config.base_url)
    except ValueError as exc:
        raise BuildError(str(exc)) from None


def _static_files(templates: Path) -> dict[str, Output]:
    return {f"static/{name}": constant(data) for name, data in copy_tree_files(templates / "static").items()}


def _scan(config: BuildConfig) -> Scan | None:
    return content_files(config.content) if config.content.is_dir() else None


def _fingerprint(config: BuildConfig, scan: Scan | None) -> str:
    """The build's inputs as the file system describes them: options, code, and each file's size and mtime."""
    files, errors = scan or ([], [])
    templates = sorted(p for p in config.templates.rglob("*") if p.is_file())
    stats = [(str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in templates]
    return _key(CODE_VERSION, config, [(f.kind, str(f.path), f.size, f.mtime_ns) for f in files], len(errors), stats)


def _state_name(config: BuildConfig) -> str:
    return f"last build into {config.out.resolve()}"


def _unchanged_since_last_build(config: BuildConfig, cache: BuildCache, fingerprint: str) -> dict[str, Any] | None:
    """The last build's summary if it had these very inputs and its output is untouched; else None."""
    last = cache.state(_state_name(config))
    if not last or last["fingerprint"] != fingerprint or last["folder"] != folder_id(config.out, config.out):
        return None
    return last if tree_matches(config.out, cache.manifest(last["folder"])) else None


def _indexer(
    config: BuildConfig, bundles: Path, pages: list[SearchPage], progress: Callable[[str], None]
) -> Callable[[Path], dict[str, Output]] | None:
    """Index the staged site's articles and briefings in shards kept in ``bundles`` (see search.py)."""
    if not config.search:
        return None

    def index(folder: Path) -> dict[str, Output]:
        started = time.perf_counter()
        files = index_search(pages, folder, bundles, CODE_VERSION, progress, config.search_shard_pages)
        progress(f"indexed for search in {time.perf_counter() - started:.2f} s")
        return {path: linked(file) for path, file in files.items()}

    return index


def _search_bundles(config: BuildConfig, cache: BuildCache) -> tuple[Path, bool]:
    """Where the search shards' bundles live, and whether that folder is this build's alone (to remove after)."""
    if config.cache is not None and cache.enabled:  # one folder per site: each prunes only its own
        site_id = hashlib.sha256(str(config.out.absolute()).encode()).hexdigest()[:16]
        return config.cache.parent / "search" / site_id, False
    config.out.absolute().parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{config.out.name}-search-", dir=config.out.absolute().parent)), True
