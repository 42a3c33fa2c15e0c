"""Every file of the site as an Output: a key that changes whenever its bytes would, and how to make them.

Nothing is rendered here: making the bytes is deferred to the write stage, which
makes only the files whose key differs from what the output folders hold.
"""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

from .bodies import Bodies
from .captures import Captures
from .cards import excerpt
from .coverage import Coverage
from .coverage_json import coverage_json
from .feeds import feed_shows, render_feed, site_feeds
from .model import Site
from .pages import Page, page_key
from .produce import Output, constant
from .sitemap import robots_txt, sitemap_files, sitemap_names
from .templates import Templates
from .urls import Urls, briefing_path, out_path


def site_outputs(
    pages: list[Page], templates: Templates, bodies: Bodies, coverage: Coverage, captures: Captures, static: Path
) -> dict[str, Output]:
    """The pages, the static assets, the captures, and the files beside them (coverage data, feeds, sitemap...)."""
    build_key = templates.key
    outputs = {
        out_path(page.path): Output(page_key(page, build_key), partial(templates.render, page)) for page in pages
    }
    outputs.update(static_files(static))
    # Copied, not linked: an edit to content/ must never reach into the published site.
    outputs.update({c.path: Output(f"capture:{c.sha256}", c.src_path.read_bytes) for c in captures.listed.values()})
    site, urls = templates.site, templates.urls
    for report in coverage.briefings.values():
        make = partial(coverage_json, report, site, urls, bodies)
        # It names the briefing, each article's date and source: their digests, beside the analysis's own key.
        shown = [a.digest + site.sources[a.source_id].digest for a in site.coverage[report.briefing_id]]
        key = _key(build_key, report.key, site.briefings[report.briefing_id].digest, shown)
        outputs[f"{briefing_path(report.briefing_id)}coverage.json"] = Output(key, make)
    outputs.update(_files_beside(site, urls, pages, bodies, build_key))
    return outputs


def static_files(folder: Path) -> dict[str, Output]:
    """Every file under ``folder`` (but hidden ones), under static/."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            files[f"static/{path.relative_to(folder).as_posix()}"] = constant(path.read_bytes())
    return files


def _files_beside(site: Site, urls: Urls, pages: list[Page], bodies: Bodies, build_key: str) -> dict[str, Output]:
    """.nojekyll, robots.txt, CNAME, and with an origin feeds and sitemap."""
    files = {".nojekyll": constant(b""), "robots.txt": constant(robots_txt(urls))}
    if site.info.cname:
        files["CNAME"] = constant((site.info.cname + "\n").encode("ascii"))
    if not urls.origin:
        return files
    for feed in site_feeds(site):
        key = _key(build_key, feed_shows(feed, site))
        files[feed.path] = Output(key, partial(render_feed, feed, site, urls, partial(excerpt, bodies=bodies)))
    listed = [(p.path, p.lastmod) for p in pages if p.path != "404.html"]
    key = _key(build_key, listed)
    made: dict[str, bytes] = {}  # all sitemap files come from one pass

    def sitemap(name: str) -> bytes:
        made.update(made or sitemap_files(urls, listed))
        return made[name]

    for name in sitemap_names(len(listed)):
        files[name] = Output(f"{key}:{name}", partial(sitemap, name))
    return files


def _key(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()
