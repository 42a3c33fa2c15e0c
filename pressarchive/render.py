"""Render stage: one context function per page type, one template per page type.

Lists are built and sorted here; templates only loop over what they are given.
Each Page names what it shows (``depends``: the digests of the records on it, counts,
pager positions) and builds its context only when rendered, so a rebuild can tell
from ``Renderer.key(page)`` alone which pages changed, and render just those.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .bodies import Bodies, body_key
from .cache import CODE_VERSION, BuildCache
from .feeds import rfc3339
from .listing import Month, Pager, Tag, Year, archive_years, paginate, site_tags
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


Context = Callable[[], dict[str, Any]]


@dataclass(slots=True)  # not frozen: a build makes one per page, and frozen dataclasses are slow to create
class Page:
    path: str  # site-relative URL path, "" for the home page
    template: str
    title: str
    # Everything the page shows beyond the build-wide inputs (Renderer.build_key), as plain
    # values and record digests: pages with equal keys render to equal bytes.
    depends: tuple[Any, ...]
    context: Context  # built only when the page is rendered
    language: str = ""  # empty: the site's language
    meta: Callable[[], HeadMeta] | None = None  # None: the site's description, a canonical URL, the archive feed
    lastmod: str = ""  # for the sitemap
    # For the search index: the (year, month) that places the page in a shard, and what its
    # indexed region (data-pagefind-body) shows, as ``depends`` does for the whole page.
    indexed: tuple[int, int, str] | None = None  # (year, month, ISO date)
    indexed_shows: tuple[Any, ...] = ()


def _no_context() -> dict[str, Any]:
    return {}


class Renderer:
    """Holds the Jinja environment and the per-article work done once per build."""

    def __init__(self, site: Site, urls: Urls, templates: Path, bodies: Bodies):
        self.site = site
        self.bodies = bodies
        self.urls = urls
        self.build_key = _build_key(site, urls, templates)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_CompiledTemplates(bodies.cache) if bodies.cache.enabled else None,
        )
        for name in self.env.list_templates(filter_func=lambda name: name.endswith(".html")):
            self.env.get_template(name)  # compiled here, once, rather than in each rendering process
        self.env.globals.update(link=urls.link, site=site.info, tag_link=self.tag_link, card_html=self.card_html)
        self.cards: dict[tuple[str, bool, str], Markup] = {}
        self.card_for: dict[int, Card] = {}  # by id(article): the model's lists hold the very same objects
        self.years = archive_years(site)
        self.tags = site_tags(site)
        self.tag_paths = {t.slug: t.path for t in self.tags}
        # A card shows its article and its source's name; keyed by id() since lists hold the same objects.
        sources = site.sources
        self.card_digests = {id(a): a.digest + sources[a.source_id].digest for a in site.articles}

    def render_all(self, pages: list[Page]) -> dict[str, bytes]:
        return {out_path(page.path): self.render(page) for page in pages}

    def key(self, page: Page) -> str:
        """Changes whenever the page's bytes would: the build-wide inputs plus what the page shows."""
        fields = (page.path, page.template, page.title, page.language, page.lastmod, page.depends)
        return hashlib.sha256(f"{self.build_key}{fields!r}".encode("utf-8", "surrogateescape")).hexdigest()

    def search_key(self, page: Page) -> str:
        """Changes whenever what the search index takes from the page would (Page.indexed_shows)."""
        fields = (page.path, page.template, page.indexed, page.indexed_shows)
        return hashlib.sha256(f"{self.build_key}{fields!r}".encode("utf-8", "surrogateescape")).hexdigest()

    def render(self, page: Page) -> bytes:
        template = self.env.get_template(page.template)
        meta = self.head_meta(page)
        html = template.render(page=page, meta=meta, lang=page.language or self.site.info.language, **page.context())
        return html.encode("utf-8")

    def head_meta(self, page: Page) -> HeadMeta:
        """Fill in what every page shares: the canonical URL and the archive feed."""
        meta = page.meta() if page.meta else HeadMeta(self.site.info.description)
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
            Page("404.html", "404.html", "Page not found", (), _no_context),
        ]

    # Lists -----------------------------------------------------------------

    def card(self, article: Article) -> Card:
        card = self.card_for.get(id(article))
        if card is None:
            card = self.card_for[id(article)] = self.make_card(article)
        return card

    def make_card(self, article: Article) -> Card:
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

    def card_html(self, card: Card, show_source: bool, lang: str) -> Markup:
        """A card as HTML (templates/_card.html): made once per article and reused by every list that shows it."""
        key = (card.path, show_source, lang)
        if key not in self.cards:
            template = self.env.get_template("_card.html")
            html = template.render(card=card, show_source=show_source, lang=lang)
            self.cards[key] = Markup(html.removesuffix("\n"))
        return self.cards[key]

    def excerpt(self, article: Article) -> str:
        return article.summary or self.bodies.excerpt(article.body_sha256)

    def briefing_row(self, briefing: Briefing) -> BriefingRow:
        return BriefingRow(briefing_path(briefing.id), briefing, len(self.site.coverage[briefing.id]))

    # What lists show, for Page.depends.

    def cards_shown(self, articles: Iterable[Article]) -> tuple[str, ...]:
        return tuple(map(self.card_digests.__getitem__, map(id, articles)))

    def rows_shown(self, briefings: Iterable[Briefing]) -> tuple[tuple[str, int], ...]:
        coverage = self.site.coverage
        return tuple((b.digest, len(coverage[b.id])) for b in briefings)

    # Pages -----------------------------------------------------------------

    def home(self) -> Page:
        site = self.site
        briefings = list(site.briefings.values())[:HOME_BRIEFINGS]
        articles = site.articles[:HOME_ARTICLES]
        counts = (len(site.sources), len(site.articles), len(site.briefings))

        def context() -> dict[str, Any]:
            return {
                "briefings": [self.briefing_row(b) for b in briefings],
                "articles": [self.card(a) for a in articles],
                "source_count": counts[0],
                "article_count": counts[1],
                "briefing_count": counts[2],
            }

        return Page(
            "", "home.html", site.info.title, (self.rows_shown(briefings), self.cards_shown(articles), counts), context
        )

    def briefings_index(self) -> Page:
        briefings = self.site.briefings.values()
        return Page(
            "briefings/",
            "briefings.html",
            "Briefings",
            self.rows_shown(briefings),
            lambda: {"briefings": [self.briefing_row(b) for b in briefings]},
        )

    def briefing_page(self, briefing: Briefing) -> Page:
        coverage = self.site.coverage[briefing.id]
        summary = body_key(briefing.summary_md) if briefing.summary_md else ""

        def context() -> dict[str, Any]:
            return {
                "briefing": briefing,
                "summary_html": self.bodies.html(summary) if summary else "",
                "coverage": [self.card(a) for a in coverage],
            }

        def meta() -> HeadMeta:
            feed = (f"Coverage of {briefing.title}", feed_path("briefings", briefing.id))
            return HeadMeta(
                self.bodies.excerpt(summary) if summary else briefing.title,
                feeds=feed_links(self.site, self.urls, feed),
                json_ld=json_ld(briefing_ld(briefing, coverage, self.site, self.urls)),
            )

        return Page(
            briefing_path(briefing.id),
            "briefing.html",
            briefing.title,
            (briefing.digest, self.cards_shown(coverage)),
            context,
            meta=meta,
            lastmod=rfc3339(briefing.date),
            indexed=(briefing.date.year, briefing.date.month, briefing.date.moment.isoformat()),
            indexed_shows=(briefing.digest,),
        )

    def article_page(self, article: Article) -> Page:
        site = self.site
        source = site.sources[article.source_id]
        briefing = site.briefings.get(article.briefing_id) if article.briefing_id else None
        others = [a for a in site.coverage[briefing.id] if a.slug != article.slug] if briefing else []
        nearby = site.by_source[source.id][: MORE_FROM_SOURCE + 1]  # newest first; never scan them all
        same_source = [a for a in nearby if a.slug != article.slug][:MORE_FROM_SOURCE]

        def context() -> dict[str, Any]:
            return {
                "article": article,
                "source": source,
                "source_path": source_path(source.id),
                "briefing": briefing,
                "briefing_path": briefing_path(briefing.id) if briefing else "",
                "body_html": self.bodies.html(article.body_sha256),
                "other_coverage": [self.card(a) for a in others],
                "more_from_source": [self.card(a) for a in same_source],
                "extra": [_extra_row(key, value) for key, value in sorted(article.extra.items())],
            }

        def meta() -> HeadMeta:
            description = self.excerpt(article)
            return HeadMeta(
                description,
                og_type="article",
                feeds=feed_links(self.site, self.urls, source_feed(source)),
                json_ld=json_ld(article_ld(article, source, self.site, self.urls, description)),
                extra_og=(
                    ("article:published_time", rfc3339(article.date)),
                    *(("article:tag", t) for t in article.tags),
                ),
            )

        shown = (
            article.digest,
            source.digest,
            briefing.digest if briefing else "",
            self.cards_shown(others),
            self.cards_shown(same_source),
        )
        path = article_path(article.slug)
        indexed = (article.date.year, article.date.month, article.date.moment.isoformat())
        lastmod = rfc3339(article.date)
        return Page(
            path, "article.html", article.title, shown, context, article.language, meta, lastmod, indexed, shown[:3]
        )

    def sources_index(self) -> Page:
        rows = [(s, source_path(s.id), len(self.site.by_source[s.id])) for s in self.site.sources.values()]
        shown = tuple((s.digest, count) for s, _, count in rows)
        return Page("sources/", "sources.html", "Sources", shown, lambda: {"sources": rows})

    def source_page(self, source: Source) -> Page:
        articles = self.site.by_source[source.id]
        covered = {a.briefing_id for a in articles if a.briefing_id}
        briefings = [b for b in self.site.briefings.values() if b.id in covered]

        def context() -> dict[str, Any]:
            return {
                "source": source,
                "briefings": [self.briefing_row(b) for b in briefings],
                "articles": [self.card(a) for a in articles],
            }

        def meta() -> HeadMeta:
            return HeadMeta(
                source.description or source.name, feeds=feed_links(self.site, self.urls, source_feed(source))
            )

        shown = (source.digest, self.rows_shown(briefings), self.cards_shown(articles))
        return Page(source_path(source.id), "source.html", source.name, shown, context, meta=meta)

    def search_page(self) -> Page:
        return Page("search/", "search.html", "Search", (), _no_context)

    # Archive navigation ------------------------------------------------------

    def archive_index(self) -> Page:
        years = self.years
        shown = tuple(_year_shown(y) for y in years)
        return Page(archive_path(), "archive.html", "Archive", shown, lambda: {"years": years})

    def archive_year(self, year: Year) -> Page:
        return Page(year.path, "archive_year.html", f"Archive: {year.year}", _year_shown(year), lambda: {"year": year})

    def archive_month(self, month: Month) -> list[Page]:
        shown = (month.year, month.month, len(month.articles))
        title = f"Archive: {month.name}"
        return self.paged(month.path, "archive_month.html", title, month.articles, {"month": month}, shown)

    def tags_index(self) -> Page:
        tags = self.tags
        shown = tuple((t.name, t.slug, len(t.articles)) for t in tags)
        return Page("tags/", "tags.html", "Tags", shown, lambda: {"tags": tags})

    def tag_pages(self, tag: Tag) -> list[Page]:
        shown = (tag.name, tag.slug, len(tag.articles), self.rows_shown(tag.briefings))
        context = {"tag": tag, "briefings": [self.briefing_row(b) for b in tag.briefings]}
        return self.paged(tag.path, "tag.html", f"Tag: {tag.name}", tag.articles, context, shown)

    def paged(
        self,
        base: str,
        template: str,
        title: str,
        articles: tuple[Article, ...],
        context: dict[str, Any],
        shown: tuple[Any, ...],
    ) -> list[Page]:
        """One page per PAGE_SIZE articles, linked by rel=prev/next."""
        pages = []
        for pager in paginate(base, articles):
            numbered = title if pager.number == 1 else f"{title} (page {pager.number} of {pager.count})"
            position = (pager.number, pager.count, pager.prev_path, pager.next_path)
            pages.append(
                Page(
                    pager.path,
                    template,
                    numbered,
                    (shown, position, self.cards_shown(pager.items)),
                    partial(self.paged_context, context, title, pager),
                    meta=partial(self.pager_meta, pager),
                )
            )
        return pages

    def paged_context(self, context: dict[str, Any], title: str, pager: Pager[Article]) -> dict[str, Any]:
        return {**context, "heading": title, "pager": pager, "cards": [self.card(a) for a in pager.items]}

    def pager_meta(self, pager: Pager[Article]) -> HeadMeta:
        return HeadMeta(
            self.site.info.description,
            prev=self.link_or_empty(pager.prev_path),
            next=self.link_or_empty(pager.next_path),
        )

    def link_or_empty(self, path: str | None) -> str:
        return self.urls.link(path) if path is not None else ""


@dataclass(frozen=True)
class ExtraRow:
    """One `extra:` entry in the provenance block; http(s) values become links."""

    label: str
    text: str
    href: str


class _CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in the build cache: a rebuild need not compile them again."""

    def __init__(self, cache: BuildCache):
        self.cache = cache

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.cache.compiled(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.cache.put_compiled(bucket.key, bucket.bytecode_to_string())


def _year_shown(year: Year) -> tuple[Any, ...]:
    return (year.year, tuple((m.month, len(m.articles)) for m in year.months))


def _build_key(site: Site, urls: Urls, templates: Path) -> str:
    """What every page depends on: the code, the templates, the site's settings and URLs."""
    digest = hashlib.sha256(f"{CODE_VERSION}\0{site.info!r}\0{urls!r}".encode())
    for path in sorted(templates.rglob("*")):
        if path.is_file():
            digest.update(b"\0" + path.relative_to(templates).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


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
