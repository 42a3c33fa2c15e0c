"""Render stage: one context function per page type, one template per page type.

Lists are built and sorted here; templates only loop over what they are given.
The result is a mapping of output path -> bytes, written by the write stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .feeds import rfc3339
from .listing import Month, Tag, Year, archive_years, paginate, site_tags
from .meta import HeadMeta, article_ld, briefing_ld, feed_links, json_ld, source_feed
from .model import Article, Briefing, Site, Source, Timestamp
from .urls import Urls, archive_path, article_path, briefing_path, feed_path, out_path, source_path, tag_slug

HOME_BRIEFINGS = 20
HOME_ARTICLES = 10
MORE_FROM_SOURCE = 5


@dataclass(frozen=True)
class Card:
    """An article as it appears in a list."""

    path: str
    title: str
    source_name: str
    source_path: str
    date: Timestamp
    excerpt: str
    language: str


@dataclass(frozen=True)
class BriefingRow:
    """A briefing as it appears in a list."""

    path: str
    briefing: Briefing
    coverage_count: int


@dataclass(frozen=True)
class Page:
    path: str  # site-relative URL path, "" for the home page
    template: str
    title: str
    context: dict[str, Any]
    language: str = ""  # empty: the site's language
    meta: HeadMeta | None = None  # None: the site's description, a canonical URL, the archive feed
    lastmod: str = ""  # for the sitemap


class Renderer:
    """Holds the Jinja environment and the per-article work done once per build."""

    def __init__(self, site: Site, urls: Urls, templates: Path, bodies: dict[str, tuple[str, str]]):
        self.site = site
        self.bodies = bodies  # Markdown source -> (HTML, excerpt), from cache.render_bodies
        self.urls = urls
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(link=urls.link, site=site.info, tag_link=self.tag_link)
        self.years = archive_years(site)
        self.tags = site_tags(site)
        self.tag_paths = {t.slug: t.path for t in self.tags}

    def render_all(self, pages: list[Page]) -> dict[str, bytes]:
        return {out_path(page.path): self.render(page) for page in pages}

    def render(self, page: Page) -> bytes:
        template = self.env.get_template(page.template)
        meta = self.head_meta(page)
        html = template.render(page=page, meta=meta, lang=page.language or self.site.info.language, **page.context)
        return html.encode("utf-8")

    def head_meta(self, page: Page) -> HeadMeta:
        """Fill in what every page shares: the canonical URL and the archive feed."""
        meta = page.meta or HeadMeta(self.site.info.description)
        canonical = self.urls.absolute(page.path) if self.urls.origin and page.path != "404.html" else ""
        feeds = meta.feeds or feed_links(self.site, self.urls)
        return HeadMeta(
            meta.description, meta.og_type, canonical, feeds, meta.prev, meta.next, meta.json_ld, meta.extra_og
        )

    def tag_link(self, tag: str) -> str:
        return self.urls.link(self.tag_paths[tag_slug(tag)])

    def pages(self) -> list[Page]:
        site = self.site
        return [
            self.home(),
            self.briefings_index(),
            *(self.briefing_page(b) for b in site.briefings.values()),
            *(self.article_page(a) for a in site.articles),
            self.sources_index(),
            *(self.source_page(s) for s in site.sources.values()),
            self.search_page(),
            self.archive_index(),
            *(self.archive_year(y) for y in self.years),
            *(p for y in self.years for m in y.months for p in self.archive_month(m)),
            self.tags_index(),
            *(p for t in self.tags for p in self.tag_pages(t)),
            Page("404.html", "404.html", "Page not found", {}),
        ]

    # Lists -----------------------------------------------------------------

    def card(self, article: Article) -> Card:
        source = self.site.sources[article.source_id]
        return Card(
            path=article_path(article.slug),
            title=article.title,
            source_name=source.name,
            source_path=source_path(source.id),
            date=article.date,
            excerpt=self.excerpt(article),
            language=article.language,
        )

    def excerpt(self, article: Article) -> str:
        return article.summary or self.bodies[article.body_md][1]

    def briefing_row(self, briefing: Briefing) -> BriefingRow:
        return BriefingRow(briefing_path(briefing.id), briefing, len(self.site.coverage[briefing.id]))

    # Pages -----------------------------------------------------------------

    def home(self) -> Page:
        site = self.site
        context = {
            "briefings": [self.briefing_row(b) for b in list(site.briefings.values())[:HOME_BRIEFINGS]],
            "articles": [self.card(a) for a in site.articles[:HOME_ARTICLES]],
            "source_count": len(site.sources),
            "article_count": len(site.articles),
            "briefing_count": len(site.briefings),
        }
        return Page("", "home.html", site.info.title, context)

    def briefings_index(self) -> Page:
        rows = [self.briefing_row(b) for b in self.site.briefings.values()]
        return Page("briefings/", "briefings.html", "Briefings", {"briefings": rows})

    def briefing_page(self, briefing: Briefing) -> Page:
        context = {
            "briefing": briefing,
            "summary_html": self.bodies[briefing.summary_md][0] if briefing.summary_md else "",
            "coverage": [self.card(a) for a in self.site.coverage[briefing.id]],
        }
        description = self.bodies[briefing.summary_md][1] if briefing.summary_md else briefing.title
        meta = HeadMeta(
            description,
            feeds=feed_links(
                self.site, self.urls, (f"Coverage of {briefing.title}", feed_path("briefings", briefing.id))
            ),
            json_ld=json_ld(briefing_ld(briefing, self.site.coverage[briefing.id], self.site, self.urls)),
        )
        return Page(
            briefing_path(briefing.id),
            "briefing.html",
            briefing.title,
            context,
            meta=meta,
            lastmod=rfc3339(briefing.date),
        )

    def article_page(self, article: Article) -> Page:
        site = self.site
        source = site.sources[article.source_id]
        briefing = site.briefings.get(article.briefing_id) if article.briefing_id else None
        others = [a for a in site.coverage[briefing.id] if a.slug != article.slug] if briefing else []
        nearby = site.by_source[source.id][: MORE_FROM_SOURCE + 1]  # newest first; never scan them all
        same_source = [a for a in nearby if a.slug != article.slug]
        context = {
            "article": article,
            "source": source,
            "source_path": source_path(source.id),
            "briefing": briefing,
            "briefing_path": briefing_path(briefing.id) if briefing else "",
            "body_html": self.bodies[article.body_md][0],
            "other_coverage": [self.card(a) for a in others],
            "more_from_source": [self.card(a) for a in same_source[:MORE_FROM_SOURCE]],
            "extra": [_extra_row(key, value) for key, value in sorted(article.extra.items())],
        }
        description = self.excerpt(article)
        meta = HeadMeta(
            description,
            og_type="article",
            feeds=feed_links(self.site, self.urls, source_feed(source)),
            json_ld=json_ld(article_ld(article, source, self.site, self.urls, description)),
            extra_og=(("article:published_time", rfc3339(article.date)), *(("article:tag", t) for t in article.tags)),
        )
        path = article_path(article.slug)
        return Page(path, "article.html", article.title, context, article.language, meta, rfc3339(article.date))

    def sources_index(self) -> Page:
        rows = [(s, source_path(s.id), len(self.site.by_source[s.id])) for s in self.site.sources.values()]
        return Page("sources/", "sources.html", "Sources", {"sources": rows})

    def source_page(self, source: Source) -> Page:
        articles = self.site.by_source[source.id]
        covered = {a.briefing_id for a in articles if a.briefing_id}
        context = {
            "source": source,
            "briefings": [self.briefing_row(b) for b in self.site.briefings.values() if b.id in covered],
            "articles": [self.card(a) for a in articles],
        }
        meta = HeadMeta(source.description or source.name, feeds=feed_links(self.site, self.urls, source_feed(source)))
        return Page(source_path(source.id), "source.html", source.name, context, meta=meta)

    def search_page(self) -> Page:
        return Page("search/", "search.html", "Search", {})

    # Archive navigation ------------------------------------------------------

    def archive_index(self) -> Page:
        return Page(archive_path(), "archive.html", "Archive", {"years": self.years})

    def archive_year(self, year: Year) -> Page:
        return Page(year.path, "archive_year.html", f"Archive: {year.year}", {"year": year})

    def archive_month(self, month: Month) -> list[Page]:
        return self.paged(month.path, "archive_month.html", f"Archive: {month.name}", month.articles, {"month": month})

    def tags_index(self) -> Page:
        return Page("tags/", "tags.html", "Tags", {"tags": self.tags})

    def tag_pages(self, tag: Tag) -> list[Page]:
        briefings = [self.briefing_row(b) for b in tag.briefings]
        return self.paged(tag.path, "tag.html", f"Tag: {tag.name}", tag.articles, {"tag": tag, "briefings": briefings})

    def paged(
        self, base: str, template: str, title: str, articles: tuple[Article, ...], context: dict[str, Any]
    ) -> list[Page]:
        """One page per PAGE_SIZE articles, linked by rel=prev/next."""
        pages = []
        for pager in paginate(base, articles):
            numbered = title if pager.number == 1 else f"{title} (page {pager.number} of {pager.count})"
            meta = HeadMeta(
                self.site.info.description,
                prev=self.link_or_empty(pager.prev_path),
                next=self.link_or_empty(pager.next_path),
            )
            full = {**context, "heading": title, "pager": pager, "cards": [self.card(a) for a in pager.items]}
            pages.append(Page(pager.path, template, numbered, full, meta=meta))
        return pages

    def link_or_empty(self, path: str | None) -> str:
        return self.urls.link(path) if path is not None else ""


@dataclass(frozen=True)
class ExtraRow:
    """One `extra:` entry in the provenance block; http(s) values become links."""

    label: str
    text: str
    href: str


def _extra_row(key: str, value: Any) -> ExtraRow:
    text = _extra_text(value)
    label = str(key).replace("_", " ").strip().capitalize()
    href = text if re.fullmatch(r"https?://\S+", text) else ""
    return ExtraRow(label, text, href)


def _extra_text(value: Any) -> str:
    """Custom `extra:` data shown as text in the article's provenance block."""
    if isinstance(value, list):
        return ", ".join(_extra_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_extra_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)
