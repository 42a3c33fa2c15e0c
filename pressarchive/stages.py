"""The stages of a build with something to do, in order (pipeline.py decides whether there is):

load -> validate -> render Markdown -> model -> captures -> align coverage -> plan pages (those an
edit can change: kept_pages.py) -> render and write into staging -> index -> size -> swap -> remember
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .bodies import render_markdown
from .cache import BuildCache
from .captures import read_captures
from .coverage import analyse_coverage
from .errors import BuildError
from .kept_pages import KeptPages
from .last_build import Inputs, LastBuild, last_plan, remember
from .load import Scan, load_content
from .model import Records, Site, build_site
from .outputs import site_outputs
from .pages import plan_pages
from .search import BUNDLE_DIR, SHARD_PAGES, bundle_folder, index_stage
from .site_size import check_size
from .staging import Staging
from .templates import Templates
from .urls import Urls
from .validate import content_warnings, validate_content

if TYPE_CHECKING:
    from .pipeline import BuildConfig

Say = Callable[[str], None]


def run(
    config: BuildConfig, cache: BuildCache, scan: Scan | None, inputs: Inputs, urls: Urls, progress: Say, warn: Say
) -> tuple[LastBuild, int]:
    """Build the site ``config`` describes from the content ``scan`` found: what to remember of
    the build, and how many files changed."""
    content = load_content(config.content, config.max_file_bytes, cache.reusable_records(), scan)
    records = validate_content(content)
    records, bodies = render_markdown(records, cache, config.render_budget)
    site = _publishable(build_site(records, config.drafts), records, config.allow_empty)
    captures = read_captures(config.content, records)
    urls = _with_origin(urls, config, site, progress)
    warnings = _warnings(records, config.strict, warn) + _without_origin(urls, warn)
    progress(f"loaded {site.summary()}")
    coverage = analyse_coverage(site, bodies, cache)
    progress(f"aligned the coverage of {coverage.analysed} of {len(site.briefings)} briefings (the others unchanged)")
    templates = Templates(config.templates, site, urls, cache)
    kept = KeptPages(last_plan(cache, config.out), site, coverage, captures, templates.key)
    pages = plan_pages(site, urls, bodies, coverage, captures, kept.reuse)
    progress(f"planned {len(pages)} pages ({kept.kept} kept from the last build)")
    outputs = site_outputs(pages, templates, bodies, coverage, captures, config.templates / "static")
    with Staging(config.out, cache) as staging, bundle_folder(cache, config.out) as bundles:
        staging.write(outputs, within=_outside_search)
        shards = config.search_shard_pages or SHARD_PAGES
        index = index_stage(pages, templates.key, staging.folder, bundles, progress, shards) if config.search else {}
        staging.write(index, within=_inside_search)
        too_large = check_size(staging.size(), len(site.articles), config.size_limit, config.strict, progress)
        staging.swap()
    if too_large:
        warn(too_large)
        warnings += (too_large,)
    done = LastBuild(inputs, staging.site_id, site.summary(), len(pages), len(staging.manifest), warnings)
    remember(cache, config.out, done, records, kept.to_keep())
    return done, staging.changed


def check(config: BuildConfig, warn: Say) -> Site:
    """The stages up to the model, as a build runs them: every problem, nothing written."""
    with BuildCache(config.cache, warn) as cache:
        content = load_content(config.content, config.max_file_bytes, cache.reusable_records())
        records = validate_content(content)
        records, _ = render_markdown(records, cache, config.render_budget)
        site = build_site(records, config.drafts)
        read_captures(config.content, records)
        _warnings(records, config.strict, warn)
    return site


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
