"""Model stage: the typed records, and the Site that links them together.

Everything a page needs that spans several files (coverage per briefing, a
source's articles, slug collisions) is computed here, before any rendering, so
rendering cannot fail on content.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from .load import ContentFile

MONTHS = "January February March April May June July August September October November December".split()


@dataclass(frozen=True)
class Timestamp:
    """A date as the content gave it: a day, a local time with no zone, or a time with an offset."""

    moment: datetime  # always aware, for ordering: UTC where the content states no offset
    iso: str  # as precise as the content (ISO 8601), for <time datetime>, JSON-LD and Open Graph
    precision: Literal["date", "local", "offset"]

    @property
    def year(self) -> int:
        return self.moment.year if self.precision != "offset" else self._local.year

    @property
    def month(self) -> int:
        return self.moment.month if self.precision != "offset" else self._local.month

    @property
    def _local(self) -> datetime:
        return datetime.fromisoformat(self.iso)

    def sitemap(self) -> str:
        """For a sitemap's W3C Datetime, which allows a date alone but a time only with its zone:
        a local time gives its date."""
        return self.iso[:10] if self.precision == "local" else self.iso

    def display(self) -> str:
        local = self._local
        day = f"{local.day} {MONTHS[local.month - 1]} {local.year}"
        if self.precision == "date":
            return day
        clock = local.strftime("%H:%M:%S" if local.second else "%H:%M")
        if self.precision == "local":
            return f"{day}, {clock} (time zone not stated)"
        offset = local.strftime("%z")
        return f"{day}, {clock} UTC{offset[:3]}:{offset[3:]}"


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    src_path: Path
    url: str | None = None
    description: str | None = None
    country: str | None = None
    language: str | None = None
    kind: str | None = None
    hosts: tuple[str, ...] = ()  # the outlet's own hosts besides that of `url` (the importer matches URLs by them)
    extra: dict[str, Any] = field(default_factory=dict)
    digest: str = ""  # of the file it came from (load.Document.digest)


@dataclass(frozen=True)
class Briefing:
    id: str
    title: str
    date: Timestamp
    src_path: Path
    host: str | None = None
    spokesperson: str | None = None
    transcript_url: str | None = None
    tags: tuple[str, ...] = ()
    summary_md: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    digest: str = ""  # of the file it came from (load.Document.digest)


@dataclass(frozen=True)
class Transcript:
    """A briefing's official transcript in one language, with where the archive's copy came from."""

    briefing_id: str
    language: str
    text: str  # as published: one paragraph per turn, speaker labels as written
    src_path: Path
    url: str | None = None
    retrieved: Timestamp | None = None
    capture: str | None = None  # the raw copy the archive holds, a path under content/
    capture_sha256: str | None = None
    complete: bool | None = None  # False: the archive holds part of the transcript; None: not stated
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    digest: str = ""  # of the file it came from (load.Document.digest)


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    source_id: str
    date: Timestamp
    src_path: Path
    lines: dict[str, int]  # field name -> line in src_path, for errors found after validation
    body_md: str  # "" once rendered (pipeline.render_markdown): pages look its HTML up by body_sha256 (bodies.py)
    body_sha256: str
    briefing_id: str | None = None
    url: str | None = None
    byline: str | None = None
    language: str = "en"
    tags: tuple[str, ...] = ()
    summary: str | None = None
    retrieved: Timestamp | None = None
    draft: bool = False
    truncated: bool = False  # the capture stops before the article ends
    extra: dict[str, Any] = field(default_factory=dict)
    digest: str = ""  # of the file it came from (load.Document.digest)


@dataclass(frozen=True)
class SiteInfo:
    title: str = "Press Briefing Archive"
    description: str = "Press briefings and the coverage they received, gathered in one place."
    language: str = "en"
    url: str | None = None  # the site's public origin, for feeds and sitemap when --base-url is a path
    cname: str | None = None  # a custom domain for GitHub Pages, written to CNAME


@dataclass(frozen=True)
class AboutPage:
    """content/about.md: who keeps the archive and how, for the About page and the home page's statement."""

    src_path: Path
    body_md: str
    title: str = "About this archive"
    summary: str | None = None  # the home page's short statement
    digest: str = ""  # of the file it came from (load.Document.digest)


Record = SiteInfo | Source | Briefing | Transcript | Article | AboutPage


@dataclass(frozen=True)
class Validated:
    """A record validated in this build (not taken from the cache), and the file it came from."""

    file: ContentFile
    record: Record


@dataclass(frozen=True)
class Records:
    """What the validate stage gives the model stage: every record, typed."""

    info: SiteInfo
    sources: tuple[Source, ...]
    briefings: tuple[Briefing, ...]
    articles: tuple[Article, ...]
    transcripts: tuple[Transcript, ...]
    fresh: tuple[Validated, ...]  # what the build cache does not know yet
    files: tuple[ContentFile, ...]  # every content file read or reused
    about: AboutPage | None = None  # None: content/about.md is absent
    undated_drafts: tuple[Path, ...] = ()  # drafts without a date, left out (validate.py)


@dataclass(frozen=True)
class Site:
    """The whole archive, every cross-reference resolved and every list sorted."""

    info: SiteInfo
    sources: dict[str, Source]  # by id, sorted by name
    briefings: dict[str, Briefing]  # by id, newest first
    articles: tuple[Article, ...]  # newest first
    coverage: dict[str, tuple[Article, ...]]  # briefing id -> articles, in publication order
    by_source: dict[str, tuple[Article, ...]]  # source id -> articles, newest first
    transcripts: dict[str, tuple[Transcript, ...]]  # briefing id -> its transcripts, by language
    about: AboutPage | None = None  # None: the About page says what the build knows

    def summary(self) -> str:
        """Counts for progress lines, such as 2 articles, 1 briefing, 2 sources."""
        counts = ((len(self.articles), "article"), (len(self.briefings), "briefing"), (len(self.sources), "source"))
        return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)


def body_key(body: str) -> str:
    """The key of a Markdown body's rendering (an article's is its ``body_sha256``)."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def bodies_of(record: Record) -> tuple[str, ...]:
    """The keys of the rendered bodies a record's pages need."""
    match record:
        case Article():
            return (record.body_sha256,)
        case Briefing() if record.summary_md:
            return (body_key(record.summary_md),)
        case AboutPage():
            return (body_key(record.body_md),)
    return ()


def newest_first(article: Article) -> tuple[Any, ...]:
    return (-article.date.moment.timestamp(), article.slug)


def oldest_first(article: Article) -> tuple[Any, ...]:
    return (article.date.moment, article.slug)


def build_site(records: Records, include_drafts: bool) -> Site:
    """Link validated records (every reference resolves: validate.py) into a Site."""
    sources, briefings, articles = records.sources, records.briefings, records.articles
    published = sorted((a for a in articles if include_drafts or not a.draft), key=newest_first)
    coverage: dict[str, list[Article]] = defaultdict(list)
    by_source: dict[str, list[Article]] = defaultdict(list)
    for article in published:
        by_source[article.source_id].append(article)
        if article.briefing_id:
            coverage[article.briefing_id].append(article)
    site = Site(
        info=records.info,
        sources={s.id: s for s in sorted(sources, key=lambda s: (s.name.casefold(), s.id))},
        briefings={b.id: b for b in sorted(briefings, key=lambda b: (-b.date.moment.timestamp(), b.id))},
        articles=tuple(published),
        coverage={b.id: tuple(sorted(coverage[b.id], key=oldest_first)) for b in briefings},
        by_source={s.id: tuple(by_source[s.id]) for s in sources},
        transcripts=_transcripts(records.transcripts, briefings),
        about=records.about,
    )
    return site


def _transcripts(transcripts: Sequence[Transcript], briefings: Sequence[Briefing]) -> dict[str, tuple[Transcript, ...]]:
    by_briefing: dict[str, list[Transcript]] = defaultdict(list)
    for transcript in transcripts:
        by_briefing[transcript.briefing_id].append(transcript)
    return {b.id: tuple(sorted(by_briefing[b.id], key=lambda t: t.language)) for b in briefings}
