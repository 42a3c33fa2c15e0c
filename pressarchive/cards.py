"""How articles and briefings appear in lists, and what a list shows (for page keys).

A card is made once per article per build and shared by every list that shows it;
its digest (the article's and its source's) is what a page key records for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .bodies import Bodies
from .languages import language_name
from .model import Article, Briefing, Site, Timestamp
from .urls import article_path, briefing_path, source_path


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
class Glance:
    """A briefing's coverage at a glance: who covered it, in which languages, from when to when."""

    outlets: tuple[tuple[str, str, int], ...]  # (name, source path, articles), by name
    languages: tuple[str, ...]  # names, such as "English"
    first: Article | None
    last: Article | None


@dataclass(frozen=True)
class BriefingRow:
    """A briefing as it appears in a list."""

    path: str
    briefing: Briefing
    coverage_count: int  # articles
    outlet_count: int  # the sources they come from
    own_count: int | None = None  # on a source's page: how many of the articles are that source's


def excerpt(article: Article, bodies: Bodies) -> str:
    """What lists, feeds and the page's description show of an article: its summary, or its first words."""
    return article.summary or bodies.excerpt(article.body_sha256)


class Cards:
    """Cards and rows for the site's lists, each made once; keyed by id() since lists hold the very same objects."""

    def __init__(self, site: Site, bodies: Bodies):
        self.site = site
        self.bodies = bodies
        self.made: dict[int, Card] = {}
        sources = site.sources
        self.digests = {id(a): (a.digest, sources[a.source_id].digest) for a in site.articles}

    def card(self, article: Article) -> Card:
        card = self.made.get(id(article))
        if card is None:
            card = self.made[id(article)] = self._make(article)
        return card

    def _make(self, article: Article) -> Card:
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
        return excerpt(article, self.bodies)

    def row(self, briefing: Briefing, source_id: str | None = None) -> BriefingRow:
        coverage = self.site.coverage[briefing.id]
        own = sum(a.source_id == source_id for a in coverage) if source_id else None
        return BriefingRow(briefing_path(briefing.id), briefing, len(coverage), outlets(coverage), own)

    def glance(self, coverage: tuple[Article, ...]) -> Glance:
        """``coverage`` in publication order."""
        counts = Counter(a.source_id for a in coverage)
        outlets = tuple((s.name, source_path(s.id), counts[s.id]) for s in self.site.sources.values() if s.id in counts)
        languages = tuple(sorted({language_name(a.language) for a in coverage}, key=str.casefold))
        return Glance(outlets, languages, coverage[0] if coverage else None, coverage[-1] if coverage else None)

    def shown(self, articles: Iterable[Article]) -> tuple[tuple[str, str], ...]:
        """What a list of cards shows, for a page key."""
        return tuple(map(self.digests.__getitem__, map(id, articles)))

    def rows_shown(self, briefings: Iterable[Briefing]) -> tuple[tuple[str, int, int], ...]:
        coverage = self.site.coverage
        return tuple((b.digest, len(coverage[b.id]), outlets(coverage[b.id])) for b in briefings)


def outlets(articles: Iterable[Article]) -> int:
    """How many sources the articles come from."""
    return len({a.source_id for a in articles})
