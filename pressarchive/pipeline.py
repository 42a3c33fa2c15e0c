"""The build, stage by stage: load -> validate -> model -> render -> write -> index -> swap."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import markup
from .errors import BuildError, ContentError
from .load import MAX_FILE_BYTES, load_content
from .model import Site, build_site
from .render import Renderer
from .search import index_site
from .urls import Urls
from .validate import content_warnings, validate_content
from .write import check_output_folder, copy_tree_files, write_site

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class BuildConfig:
    content: Path = Path("content")
    out: Path = Path("site")
    base_url: str = "/"
    drafts: bool = False
    search: bool = True
    templates: Path = TEMPLATES
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
    errors = check_markdown(site, config.render_budget)
    if errors:
        raise BuildError(errors)
    warnings = content_warnings(records)
    if config.strict and warnings:
        raise BuildError(warnings)
    for warning in sorted(warnings):
        warn(str(warning))
    return site


def check_markdown(site: Site, budget: float) -> list[ContentError]:
    """Render every body once under a time budget: pathological Markdown is an error, not a hang."""
    bodies = [(a.src_path, a.body_md) for a in site.articles] + [(b.src_path, b.summary_md) for b in site.briefings.values()]
    errors = []
    for src_path, body in bodies:
        try:
            with markup.time_limit(budget):
                markup.render_markdown(body)
                markup.excerpt(body)
        except markup.TooSlow:
            hint = "simplify it (long runs of `[` or `*`, deeply nested lists or quotes)"
            errors.append(ContentError(src_path, 0, "", f"the Markdown took more than {budget:g} s to render; {hint}"))
    return errors


def build(config: BuildConfig, progress: Callable[[str], None] = lambda _: None, warn: Callable[[str], None] = lambda _: None) -> BuildResult:
    started = time.perf_counter()
    urls = _urls(config)
    check_output_folder(config.out, inputs=[config.content, config.templates])
    site = load_site(config, warn)
    progress(f"loaded {len(site.articles)} articles, {len(site.briefings)} briefings, {len(site.sources)} sources")
    pages = Renderer(site, urls, config.templates).render_all()
    files = {**pages, **_static_files(config.templates), ".nojekyll": b""}
    write_site(config.out, files, finish=_indexer(config, progress))
    return BuildResult(site, len(pages), len(files), time.perf_counter() - started)


def check(config: BuildConfig, warn: Callable[[str], None] = lambda _: None) -> Site:
    _urls(config)
    return load_site(config, warn)


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
