"""Archive navigation: articles grouped by year and month and by tag, split into pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Generic, TypeVar

from .model import MONTHS, Article, Briefing, Site
from .urls import archive_path, paged_path, tag_path, tag_slug

PAGE_SIZE = 50
T = TypeVar("T")


@dataclass(frozen=True)
class Pager(Generic[T]):
    """One page of a long list, with the paths of its neighbours."""

    items: tuple[T, ...]
    number: int
    count: int
    path: str  # this page
    prev_path: str | None
    next_path: str | None


def paginate(base: str, items: tuple[T, ...], size: int = PAGE_SIZE) -> list[Pager[T]]:
    """Split ``items`` into pages: BASE, BASE/page/2/, ...; an empty list still has one page."""
    count = max(1, -(-len(items) // size))
    pages = []
    for number in range(1, count + 1):
        prev_path = paged_path(base, number - 1) if number > 1 else None
        next_path = paged_path(base, number + 1) if number < count else None
        chunk = items[(number - 1) * size : number * size]
        pages.append(Pager(chunk, number, count, paged_path(base, number), prev_path, next_path))
    return pages


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    articles: tuple[Article, ...]  # newest first
    briefings: tuple[Briefing, ...] = ()  # newest first

    @property
    def name(self) -> str:
        return f"{MONTHS[self.month - 1]} {self.year}"

    @property
    def path(self) -> str:
        return archive_path(self.year, self.month)

    @property
    def year_path(self) -> str:
        return archive_path(self.year)


@dataclass(frozen=True)
class Year:
    year: int
    months: tuple[Month, ...]  # newest first

    @property
    def path(self) -> str:
        return archive_path(self.year)

    @property
    def count(self) -> int:
        return sum(len(m.articles) for m in self.months)

    @property
    def briefing_count(self) -> int:
        return sum(len(m.briefings) for m in self.months)


@dataclass(frozen=True)
class Tag:
    name: str  # as first written in the content
    slug: str
    articles: tuple[Article, ...]  # newest first
    briefings: tuple[Briefing, ...]  # newest first

    @property
    def path(self) -> str:
        return tag_path(self.name)


def archive_years(site: Site) -> list[Year]:
    """Years and months that have articles or briefings, newest first."""
    by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
    briefings: dict[tuple[int, int], list[Briefing]] = defaultdict(list)
    for article in site.articles:
        by_month[(article.date.year, article.date.month)].append(article)
    for briefing in site.briefings.values():
        briefings[(briefing.date.year, briefing.date.month)].append(briefing)
    years: dict[int, list[Month]] = defaultdict(list)
    for year, month in sorted(by_month.keys() | briefings.keys(), reverse=True):
        years[year].append(Month(year, month, tuple(by_month[(year, month)]), tuple(briefings[(year, month)])))
    return [Year(year, tuple(months)) for year, months in years.items()]


def site_tags(site: Site) -> list[Tag]:
    """Every tag used by an article or briefing, by slug; tags differing only in case share a page."""
    names: dict[str, str] = {}
    articles: dict[str, list[Article]] = defaultdict(list)
    briefings: dict[str, list[Briefing]] = defaultdict(list)
    for article in site.articles:
        for tag in article.tags:
            articles[names.setdefault(tag_slug(tag), tag)].append(article)
    for briefing in site.briefings.values():
        for tag in briefing.tags:
            briefings[names.setdefault(tag_slug(tag), tag)].append(briefing)
    tags = [Tag(name, slug, tuple(_unique(articles[name])), tuple(briefings[name])) for slug, name in names.items()]
    return sorted(tags, key=lambda t: (t.name.casefold(), t.slug))


def _unique(articles: list[Article]) -> list[Article]:
    return list({a.slug: a for a in articles}.values())
