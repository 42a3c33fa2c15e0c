"""Plan-pages stage: every page of the site, one builder function per page type.

A Page names its template, what it shows (``depends``: the digests of the records on
it, counts, pager positions) and how to build its template context, which happens only
when it is rendered. So a rebuild can tell from ``page_key`` alone which pages changed,
and render just those; and a page whose ``depends`` names no changed record need not be
planned at all (``reuse``: kept_pages.py). Lists are built and sorted here; templates only loop.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from .bodies import Bodies
from .captures import Captures
from .cards import Cards
from .coverage import Coverage
from .coverage_pages import MAX_SHARES, article_analysis, briefing_analysis, shown_shares
from .coverage_stats import earlier_briefings, roster, source_stats
from .listing import Month, Pager, Tag, Year, archive_years, paginate, site_tags
from .meta import HeadMeta, article_ld, briefing_ld, feed_links, json_ld, source_feed
from .model import Article, Briefing, Site, Source, body_key
from .provenance import capture_shown, provenance
from .urls import Urls, archive_path, article_path, briefing_path, feed_path, source_path

HOME_BRIEFINGS = 20
HOME_ARTICLES = 10
MORE_FROM_SOURCE = 5
OTHER_COVERAGE = 12  # cards of a briefing's other coverage on an article page (the briefing page lists all)

Context = Callable[[], dict[str, Any]]


@dataclass(frozen=True)
class SearchPlace:
    """Where a page sits in the search index: its year and month place it in a shard; its date sorts it."""

    year: int
    month: int
    date: str  # ISO 8601, as the page gives it to Pagefind


@dataclass(
    slots=True, kw_only=True
)  # not frozen: a build makes one per page, and frozen dataclasses are slow to create
class Page:
    path: str  # site-relative URL path, "" for the home page
    template: str
    title: str
    # Everything the page shows beyond the build-wide inputs (the build key), as plain
    # values and record digests: pages with equal keys render to equal bytes.
    depends: tuple[Any, ...]
    context: Context  # built only when the page is rendered
    language: str = ""  # empty: the site's language
    meta: Callable[[], HeadMeta] | None = None  # None: the site's description, a canonical URL, the archive feed
    lastmod: str = ""  # for the sitemap
    search: SearchPlace | None = None  # None: not in the search index
    search_shows: tuple[Any, ...] = ()  # what the indexed region (data-pagefind-body) shows, as ``depends`` does
    src_path: Path | None = None  # the content file the page is made from, named in a template's error
    key: str = ""  # page_key, once computed (or kept from the last build: kept_pages.py)
    index_key: str = ""  # search_key, likewise
    planned: Callable[[], Page] | None = None  # a page kept from the last build: the page planned in full


def page_key(page: Page, build_key: str) -> str:
    """Changes whenever the page's bytes would: the build-wide inputs plus what the page shows."""
    if not page.key:
        fields = (page.path, page.template, page.title, page.language, page.lastmod, page.depends)
        page.key = _digest(build_key, fields)
    return page.key


def search_key(page: Page, build_key: str) -> str:
    """Changes whenever what the search index takes from the page would."""
    if not page.index_key:
        place = (page.search.year, page.search.month, page.search.date) if page.search else None
        page.index_key = _digest(build_key, (page.path, page.template, place, page.search_shows))
    return page.index_key


def _digest(build_key: str, fields: tuple[Any, ...]) -> str:
    return hashlib.sha256(f"{build_key}{fields!r}".encode("utf-8", "surrogateescape")).hexdigest()


Reuse = Callable[[str, Callable[[], Page]], Page]  # (path, its builder) -> the page, planned or kept (kept_pages.py)


def plan_anew(path: str, plan: Callable[[], Page]) -> Page:
    return plan()


@dataclass(frozen=True)
class Inputs:
    """What every page builder reads."""

    site: Site
    urls: Urls
    bodies: Bodies
    cards: Cards
    coverage: Coverage
    earlier: dict[str, tuple[str, ...]]  # briefing id -> the same host's previous briefings (coverage_stats)
    position: dict[str, int]  # article slug -> its place in its briefing's coverage
    captures: Captures
    reuse: Reuse  # a page kept from the last build, or planned by the builder given


def plan_pages(
    site: Site, urls: Urls, bodies: Bodies, coverage: Coverage, captures: Captures, reuse: Reuse = plan_anew
) -> list[Page]:
    """Every page of the site, in a stable order. ``reuse`` may keep a briefing's, an article's or a
    source's page, or a page of a paginated list, from the last build instead of running its builder
    (they are nearly all the pages)."""
    position = {a.slug: n for covered in site.coverage.values() for n, a in enumerate(covered)}
    cards = Cards(site, bodies)
    inputs = Inputs(site, urls, bodies, cards, coverage, earlier_briefings(site), position, captures, reuse)
    years, tags = archive_years(site), site_tags(site)
    return [
        home_page(inputs),
        about_page(inputs),
        briefings_index(inputs),
        *(reuse(briefing_path(b.id), partial(briefing_page, inputs, b)) for b in site.briefings.values()),
        *(reuse(article_path(a.slug), partial(article_page, inputs, a)) for a in site.articles),
        sources_index(inputs),
        *(reuse(source_path(s.id), partial(source_page, inputs, s)) for s in site.sources.values()),
        Page(path="search/", template="search.html", title="Search", depends=(), context=_no_context),
        archive_index(years),
        *(archive_year(y) for y in years),
        *(p for y in years for m in y.months for p in archive_month(inputs, m)),
        tags_index(tags),
        *(p for t in tags for p in tag_pages(inputs, t)),
        Page(path="404.html", template="404.html", title="Page not found", depends=(), context=_no_context),
    ]


def _no_context() -> dict[str, Any]:
    return {}


def home_page(inputs: Inputs) -> Page:
    site, cards = inputs.site, inputs.cards
    briefings = list(site.briefings.values())[:HOME_BRIEFINGS]
    articles = site.articles[:HOME_ARTICLES]
    counts = (sum(bool(site.by_source[s]) for s in site.sources), len(site.articles), len(site.briefings))
    statement = site.about.summary if site.about else None

    def context() -> dict[str, Any]:
        return {
            "briefings": [cards.row(b) for b in briefings],
            "articles": [cards.card(a) for a in articles],
            "source_count": counts[0],
            "article_count": counts[1],
            "briefing_count": counts[2],
            "statement": statement,
        }

    shown = (cards.rows_shown(briefings), cards.shown(articles), counts, statement)
    return Page(path="", template="home.html", title=site.info.title, depends=shown, context=context)


def about_page(inputs: Inputs) -> Page:
    """content/about.md, or what the build itself can say of the archive and its method."""
    about, bodies = inputs.site.about, inputs.bodies
    title = about.title if about else "About this archive"

    def context() -> dict[str, Any]:
        return {"about_html": bodies.html(body_key(about.body_md)) if about else ""}

    return Page(
        path="about/", template="about.html", title=title, depends=(about.digest if about else "",), context=context
    )


def briefings_index(inputs: Inputs) -> Page:
    briefings, cards = inputs.site.briefings.values(), inputs.cards
    return Page(
        path="briefings/",
        template="briefings.html",
        title="Briefings",
        depends=cards.rows_shown(briefings),
        context=lambda: {"briefings": [cards.row(b) for b in briefings]},
    )


def briefing_page(inputs: Inputs, briefing: Briefing) -> Page:
    site, urls, bodies, cards = inputs.site, inputs.urls, inputs.bodies, inputs.cards
    coverage = site.coverage[briefing.id]
    summary = body_key(briefing.summary_md) if briefing.summary_md else ""

    report = inputs.coverage.briefings[briefing.id]
    silent = tuple(s.digest for s in roster(site, briefing, inputs.earlier))
    held = {t.language: inputs.captures.of(t.capture) for t in site.transcripts[briefing.id]}
    transcript_captures = {language: capture for language, capture in held.items() if capture}

    def context() -> dict[str, Any]:
        return {
            "briefing": briefing,
            "glance": cards.glance(coverage),
            "summary_html": bodies.html(summary) if summary else "",
            "coverage": [cards.card(a) for a in coverage],
            "analysis": briefing_analysis(site, urls, briefing, report, inputs.earlier),
            "coverage_json": urls.link(f"{briefing_path(briefing.id)}coverage.json"),
            "transcript_captures": transcript_captures,
        }

    def meta() -> HeadMeta:
        feed = (f"Coverage of {briefing.title}", feed_path("briefings", briefing.id))
        return HeadMeta(
            bodies.excerpt(summary) if summary else briefing.title,
            feeds=feed_links(site, urls, feed),
            json_ld=json_ld(briefing_ld(briefing, coverage, urls)),
        )

    return Page(
        path=briefing_path(briefing.id),
        template="briefing.html",
        title=briefing.title,
        depends=(
            briefing.digest,
            cards.shown(coverage),
            report.key,
            silent,
            tuple((language, capture_shown(c)) for language, c in transcript_captures.items()),
        ),
        context=context,
        meta=meta,
        lastmod=briefing.date.sitemap(),
        search=SearchPlace(briefing.date.year, briefing.date.month, briefing.date.moment.isoformat()),
        search_shows=(briefing.digest,),
        src_path=briefing.src_path,
    )


def _nearest(covered: Sequence[Article], at: int) -> list[Article]:
    """Up to OTHER_COVERAGE articles around place ``at`` of a briefing's coverage, the article there
    left out: a briefing of 2,000 articles must not put 1,999 cards on each of its pages."""
    start = max(0, min(at - OTHER_COVERAGE // 2, len(covered) - OTHER_COVERAGE - 1))
    return [a for n, a in enumerate(covered[start : start + OTHER_COVERAGE + 1], start) if n != at]


def article_page(inputs: Inputs, article: Article) -> Page:
    site, urls, cards = inputs.site, inputs.urls, inputs.cards
    source = site.sources[article.source_id]
    briefing = site.briefings.get(article.briefing_id) if article.briefing_id else None
    covered = site.coverage[briefing.id] if briefing else ()
    others = _nearest(covered, inputs.position[article.slug]) if briefing else []
    nearby = site.by_source[source.id][: MORE_FROM_SOURCE + 1]  # newest first; never scan them all
    same_source = [a for a in nearby if a.slug != article.slug][:MORE_FROM_SOURCE]

    report = inputs.coverage.briefings[briefing.id] if briefing else None
    held = provenance(article, inputs.captures)
    # (the articles it shares text with are named with their outlets, and may lie outside ``others``)
    found = report.articles.get(article.slug) if report else None
    partners = [covered[inputs.position[s.other]] for s in shown_shares(found)[:MAX_SHARES]] if found else []

    def context() -> dict[str, Any]:
        analysis = article_analysis(site, urls, inputs.bodies, article, report) if report else None
        return {
            "article": article,
            "source": source,
            "source_path": source_path(source.id),
            "briefing": briefing,
            "briefing_path": briefing_path(briefing.id) if briefing else "",
            "body_html": analysis.body_html if analysis else inputs.bodies.html(article.body_sha256),
            "analysis": analysis,
            "other_coverage": [cards.card(a) for a in others],
            "coverage_count": len(covered),
            "more_from_source": [cards.card(a) for a in same_source],
            "provenance": held,
        }

    def meta() -> HeadMeta:
        return HeadMeta(
            cards.excerpt(article),
            og_type="article",
            feeds=feed_links(site, urls, source_feed(source)),
            json_ld=json_ld(article_ld(article, source, urls)),
            extra_og=(("article:published_time", article.date.iso), *(("article:tag", t) for t in article.tags)),
        )

    records = (article.digest, source.digest, briefing.digest if briefing else "", capture_shown(held.capture))
    return Page(
        path=article_path(article.slug),
        template="article.html",
        title=article.title,
        depends=(
            *records,
            cards.shown(others),
            cards.shown(same_source),
            report.key if report else "",
            cards.shown(partners),
        ),
        context=context,
        language=article.language,
        meta=meta,
        lastmod=article.date.sitemap(),
        search=SearchPlace(article.date.year, article.date.month, article.date.moment.isoformat()),
        search_shows=records,
        src_path=article.src_path,
    )


def sources_index(inputs: Inputs) -> Page:
    site = inputs.site
    rows = [(s, source_path(s.id), len(site.by_source[s.id])) for s in site.sources.values()]
    shown = tuple((s.digest, count) for s, _, count in rows)
    return Page(
        path="sources/", template="sources.html", title="Sources", depends=shown, context=lambda: {"sources": rows}
    )


def source_page(inputs: Inputs, source: Source) -> Page:
    site, cards = inputs.site, inputs.cards
    articles = site.by_source[source.id]
    covered = {a.briefing_id for a in articles if a.briefing_id}
    briefings = [b for b in site.briefings.values() if b.id in covered]

    stats = source_stats(site, source, inputs.coverage)
    analysed = tuple(inputs.coverage.briefings[b.id].key for b in briefings)  # what its figures come from

    def context() -> dict[str, Any]:
        return {
            "source": source,
            "briefings": [cards.row(b, source.id) for b in briefings],
            "articles": [cards.card(a) for a in articles],
            "stats": stats,
        }

    def meta() -> HeadMeta:
        return HeadMeta(source.description or source.name, feeds=feed_links(site, inputs.urls, source_feed(source)))

    return Page(
        path=source_path(source.id),
        template="source.html",
        title=source.name,
        depends=(source.digest, cards.rows_shown(briefings), cards.shown(articles), stats, analysed),
        context=context,
        meta=meta,
    )


# Archive navigation ----------------------------------------------------------


def archive_index(years: list[Year]) -> Page:
    shown = tuple(_year_shown(y) for y in years)
    return Page(
        path=archive_path(), template="archive.html", title="Archive", depends=shown, context=lambda: {"years": years}
    )


def archive_year(year: Year) -> Page:
    return Page(
        path=year.path,
        template="archive_year.html",
        title=f"Archive: {year.year}",
        depends=_year_shown(year),
        context=lambda: {"year": year},
    )


def archive_month(inputs: Inputs, month: Month) -> list[Page]:
    cards = inputs.cards

    def shown() -> tuple[Any, ...]:
        return (month.year, month.month, len(month.articles), cards.rows_shown(month.briefings))

    def context() -> dict[str, Any]:
        return {"month": month, "briefings": [cards.row(b) for b in month.briefings]}

    title = f"Archive: {month.name}"
    return _paged(inputs, month.path, "archive_month.html", title, month.articles, context, shown)


def tags_index(tags: list[Tag]) -> Page:
    shown = tuple((t.name, t.slug, len(t.articles), len(t.briefings)) for t in tags)
    return Page(path="tags/", template="tags.html", title="Tags", depends=shown, context=lambda: {"tags": tags})


def tag_pages(inputs: Inputs, tag: Tag) -> list[Page]:
    cards = inputs.cards

    def shown() -> tuple[Any, ...]:
        return (tag.name, tag.slug, len(tag.articles), cards.rows_shown(tag.briefings))

    def context() -> dict[str, Any]:
        return {"tag": tag, "briefings": [cards.row(b) for b in tag.briefings]}

    return _paged(inputs, tag.path, "tag.html", f"Tag: {tag.name}", tag.articles, context, shown)


def _paged(
    inputs: Inputs,
    base: str,
    template: str,
    title: str,
    articles: tuple[Article, ...],
    context: Context,
    shown: Callable[[], tuple[Any, ...]],
) -> list[Page]:
    """One page per PAGE_SIZE articles, linked by rel=prev/next, each kept from the last build where
    it can be; ``context`` and ``shown`` (what all of them show) are made once, when first needed."""
    context, shown = cache(context), cache(shown)
    return [
        inputs.reuse(pager.path, partial(_paged_page, inputs, template, title, context, shown, pager))
        for pager in paginate(base, articles)
    ]


def _paged_page(
    inputs: Inputs,
    template: str,
    title: str,
    context: Context,
    shown: Callable[[], tuple[Any, ...]],
    pager: Pager[Article],
) -> Page:
    numbered = title if pager.number == 1 else f"{title} (page {pager.number} of {pager.count})"
    position = (pager.number, pager.count, pager.prev_path, pager.next_path)
    return Page(
        path=pager.path,
        template=template,
        title=numbered,
        depends=(shown(), position, inputs.cards.shown(pager.items)),
        context=partial(_paged_context, inputs.cards, context, title, pager),
        meta=partial(_pager_meta, inputs, pager),
    )


def _paged_context(cards: Cards, context: Context, title: str, pager: Pager[Article]) -> dict[str, Any]:
    return {**context(), "heading": title, "pager": pager, "cards": [cards.card(a) for a in pager.items]}


def _pager_meta(inputs: Inputs, pager: Pager[Article]) -> HeadMeta:
    link = inputs.urls.link
    return HeadMeta(
        inputs.site.info.description,
        prev=link(pager.prev_path) if pager.prev_path is not None else "",
        next=link(pager.next_path) if pager.next_path is not None else "",
    )


def _year_shown(year: Year) -> tuple[Any, ...]:
    return (year.year, tuple((m.month, len(m.articles), len(m.briefings)) for m in year.months))
