"""The build, stage by stage: load -> validate -> model -> render -> write -> index -> swap."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .cache import render_bodies
from .errors import BuildError, ContentError
from .feeds import Excerpt, feed_files
from .load import MAX_FILE_BYTES, load_content
from .model import Site, build_site
from .render import Page, Renderer
from .search import index_site
from .sitemap import robots_txt, sitemap_xml
from .urls import Urls
from .validate import content_warnings, validate_content
from .write import check_output_folder, copy_tree_files, write_site

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


@dataclass(frozen=True)
class BuildResult:
    site: Site
    pages: int
    files: int
    seconds: float


def load_site(config: BuildConfig, warn: Callable[[str], None] = lambda _: None) -> Site:
    """Load, validate and model the content; raise BuildError with every problem found."""
    content = load_content(config.content, config.max_file_bytes)
    records, errors = validate_content(content)
    if errors:
        raise BuildError(errors)
    site, errors = build_site(records.info, records.sources, records.briefings, records.articles, config.drafts)
    if errors or site is None:
        raise BuildError(errors)
    warnings = content_warnings(records)
    if config.strict and warnings:
        raise BuildError(warnings)
    for warning in sorted(warnings):
        warn(str(warning))
    return site


def render_markdown(site: Site, config: BuildConfig) -> dict[str, tuple[str, str]]:
    """Every Markdown body as (HTML, excerpt); pathological Markdown is an error naming the file, not a hang."""
    documents = [(a.src_path, a.body_md) for a in site.articles]
    documents += [(b.src_path, b.summary_md) for b in site.briefings.values() if b.summary_md]
    bodies, too_slow = render_bodies([body for _, body in documents], config.cache, config.render_budget)
    if too_slow:
        hint = "simplify it (long runs of `[` or `*`, deeply nested lists or quotes)"
        message = f"the Markdown took more than {config.render_budget:g} s to render; {hint}"
        raise BuildError([ContentError(path, 0, "", message) for path, body in documents if body in too_slow])
    return bodies


def build(
    config: BuildConfig, progress: Callable[[str], None] = lambda _: None, warn: Callable[[str], None] = lambda _: None
) -> BuildResult:
    started = time.perf_counter()
    urls = _urls(config)
    check_output_folder(config.out, inputs=[config.content, config.templates])
    site = load_site(config, warn)
    progress(f"loaded {site.summary()}")
    urls = urls.with_origin(config.site_url).with_origin(site.info.url)
    if not urls.origin:
        progress(
            "note: no site URL (an absolute --base-url or `url:` in site.yaml): feeds, sitemap.xml and canonical links left out"
        )
    renderer = Renderer(site, urls, config.templates, render_markdown(site, config))
    pages = renderer.pages()
    site_files = _site_files(site, urls, pages, renderer.excerpt)
    files = {**renderer.render_all(pages), **_static_files(config.templates), **site_files}
    write_site(config.out, files, finish=_indexer(config, progress))
    return BuildResult(site, len(pages), len(files), time.perf_counter() - started)


def _site_files(site: Site, urls: Urls, pages: list[Page], excerpt: Excerpt) -> dict[str, bytes]:
    """Files beside the pages: .nojekyll, robots.txt, CNAME, and with an origin feeds and sitemap."""
    files = {".nojekyll": b"", "robots.txt": robots_txt(urls)}
    if site.info.cname:
        files["CNAME"] = (site.info.cname + "\n").encode("ascii")
    if urls.origin:
        files.update(feed_files(site, urls, excerpt))
        files["sitemap.xml"] = sitemap_xml(urls, [(p.path, p.lastmod) for p in pages if p.path != "404.html"])
    return files


def check(config: BuildConfig, warn: Callable[[str], None] = lambda _: None) -> Site:
    _urls(config)
    site = load_site(config, warn)
    render_markdown(site, config)
    return site


def _urls(config: BuildConfig) -> Urls:
    try:
        return Urls.from_base_url(config.base_url)
    except ValueError as exc:
        raise BuildError(str(exc)) from None


def _static_files(templates: Path) -> dict[str, bytes]:
    return {f"static/{name}": data for name, data in copy_tree_files(templates / "static").items()}


def _indexer(config: BuildConfig, progress: Callable[[str], None]) -> Callable[[Path], None] | None:
    if not config.search:
        return None

    def index(folder: Path) -> None:
        started = time.perf_counter()
        index_site(folder)
        progress(f"indexed for search in {time.perf_counter() - started:.2f} s")

    return index
