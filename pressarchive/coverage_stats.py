"""What the coverage analysis says across articles: how soon each outlet published, who stayed silent,
and each source's habits. Only what the dates support: a delay in hours needs both times with
their zones; otherwise calendar days by the dates as given, or nothing.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from .coverage import BriefingCoverage, Coverage
from .model import Article, Briefing, Site, Source, Timestamp

ROSTER_BRIEFINGS = 10  # the host's previous briefings an outlet's absence is measured against
ROSTER_DAYS = 31  # of the month before: an outlet that covered the host ten months ago is not "silent this time"


@dataclass(frozen=True)
class Delay:
    hours: float | None  # when both times have a zone
    days: int | None  # calendar days between the dates as given, when hours are not known
    text: str  # "5.5 h after", "the next day (dates as given)", "time not stated"


def delay(briefing: Timestamp, published: Timestamp) -> Delay:
    if briefing.precision == "offset" and published.precision == "offset":
        hours = round((published.moment - briefing.moment).total_seconds() / 3600, 1)
        return Delay(hours, None, f"{hours:g} h after" if hours >= 0 else f"{-hours:g} h before the briefing")
    days = (_local_day(published) - _local_day(briefing)).days
    words = {0: "the same day", 1: "the next day"}.get(
        days, f"{days} days later" if days > 1 else "before the briefing's date"
    )
    zone = (
        "time zones not both stated"
        if briefing.precision != "date" and published.precision != "date"
        else "dates as given"
    )
    return Delay(None, days, f"{words} ({zone})")


def _local_day(stamp: Timestamp) -> date:
    """The calendar date the content gives (local to the publisher when a zone is stated)."""
    return date.fromisoformat(stamp.iso[:10])


@dataclass(frozen=True)
class TimelineEntry:
    article: Article
    delay: Delay


def timeline(briefing: Briefing, articles: Sequence[Article]) -> list[TimelineEntry]:
    """The coverage in publication order, each with its delay after the briefing."""
    return [TimelineEntry(a, delay(briefing.date, a.date)) for a in articles]


def earlier_briefings(site: Site) -> dict[str, tuple[str, ...]]:
    """Each briefing's host's previous briefings (up to ROSTER_BRIEFINGS, held in the ROSTER_DAYS before it),
    newest first; one pass over all."""
    by_host: dict[str, list[Briefing]] = {}
    for briefing in reversed(site.briefings.values()):  # oldest first
        if briefing.host:
            by_host.setdefault(briefing.host, []).append(briefing)
    earlier = {}
    for held in by_host.values():
        for n, briefing in enumerate(held):
            since = _local_day(briefing.date) - timedelta(days=ROSTER_DAYS)
            recent = [b.id for b in held[max(0, n - ROSTER_BRIEFINGS) : n] if _local_day(b.date) >= since]
            earlier[briefing.id] = tuple(reversed(recent))
    return earlier


def roster(site: Site, briefing: Briefing, earlier: dict[str, tuple[str, ...]]) -> list[Source]:
    """Outlets that covered one of the host's previous briefings (up to ROSTER_BRIEFINGS) but not this one."""
    before = {a.source_id for b in earlier.get(briefing.id, ()) for a in site.coverage[b]}
    now = {a.source_id for a in site.coverage[briefing.id]}
    return [site.sources[s] for s in sorted(before - now, key=lambda s: (site.sources[s].name.casefold(), s))]


@dataclass(frozen=True)
class SourceStats:
    briefings: int  # briefings it covered
    median_delay: str  # "" when no article's delay is known
    from_transcript: float | None  # mean share of its text aligned with transcripts, over aligned articles
    aligned: int  # articles compared with a transcript
    partial: int  # of those, compared with a transcript not known to be whole (the share is then a floor)
    republished: int  # articles that are copies of an earlier article by another outlet
    republished_known: int  # articles in a syndication group whose order is known


def source_stats(site: Site, source: Source, coverage: Coverage) -> SourceStats:
    articles = site.by_source[source.id]
    covered = [a for a in articles if a.briefing_id]
    delays = [delay(site.briefings[a.briefing_id].date, a.date) for a in covered if a.briefing_id]
    shares = []
    republished = known = partial = 0
    for article in covered:
        report = coverage.briefings.get(article.briefing_id or "")
        found = report.articles.get(article.slug) if report else None
        if found is None or report is None:
            continue
        if found.transcript_status == "aligned":
            shares.append(found.share_from_transcript)
            partial += any(t.transcript.complete is not True for t in report.transcripts_in(found.transcript_language))
        first = _earlier_copy(site, article, report)
        known += first is not None
        republished += bool(first)
    return SourceStats(
        briefings=len({a.briefing_id for a in covered}),
        median_delay=_median_delay(delays),
        from_transcript=round(statistics.fmean(shares), 3) if shares else None,
        aligned=len(shares),
        partial=partial,
        republished=republished,
        republished_known=known,
    )


def _earlier_copy(site: Site, article: Article, report: BriefingCoverage) -> bool | None:
    """Whether another outlet's copy of the same text was published earlier (None: no copy, or order unknown)."""
    by_slug = {a.slug: a for a in site.coverage[article.briefing_id or ""]}
    for group in report.syndication:
        if article.slug not in group:
            continue
        others = [by_slug[s] for s in group if s != article.slug and by_slug[s].source_id != article.source_id]
        comparable = [o for o in others if _order_known(o.date, article.date)]
        if not comparable:
            return None
        return any(o.date.moment < article.date.moment for o in comparable)
    return None


def _order_known(a: Timestamp, b: Timestamp) -> bool:
    """Two publication times can be ordered when both state their zone, or when their dates differ."""
    return (a.precision == "offset" and b.precision == "offset") or a.iso[:10] != b.iso[:10]


def _median_delay(delays: list[Delay]) -> str:
    hours = [d.hours for d in delays if d.hours is not None]
    if hours:
        return f"{statistics.median(hours):g} h ({len(hours)} article{'s' if len(hours) != 1 else ''} with both times)"
    days = [d.days for d in delays if d.days is not None]
    if days:
        median = statistics.median(days)
        return f"{median:g} day{'s' if median != 1 else ''} (by the dates as given, {len(days)} article{'s' if len(days) != 1 else ''})"
    return ""
