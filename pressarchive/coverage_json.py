"""coverage.json: a briefing's coverage analysis as data, for researchers who want it rather than the page.

Its schema is docs/coverage.schema.json (JSON Schema 2020-12), described in docs/coverage.md.
Offsets are character offsets (Python string indices, i.e. Unicode code points) into the
`text` given beside them: an article's text as the archive shows it, a transcript's text.
An article's text is given only when an offset points into it (its page has the text).
"""

from __future__ import annotations

import json
from typing import Any

from . import align, coverage, quotes
from .bodies import Bodies
from .coverage import ArticleCoverage, BriefingCoverage, TranscriptItems
from .model import Article, Site
from .text import plain_text
from .urls import Urls, article_path, briefing_path

SCHEMA_VERSION = 2  # 2: an article's text is null when no offset points into it


def coverage_json(report: BriefingCoverage, site: Site, urls: Urls, bodies: Bodies) -> bytes:
    briefing = site.briefings[report.briefing_id]
    articles = site.coverage[report.briefing_id]
    pointed = _pointed_into(report)
    data = {
        "schema_version": SCHEMA_VERSION,
        "briefing": {
            "id": briefing.id,
            "title": briefing.title,
            "date": briefing.date.iso,
            "host": briefing.host,
            "spokesperson": briefing.spokesperson,
            "page": urls.absolute(briefing_path(briefing.id)),
        },
        "method": _method(),
        "transcripts": [_transcript(t, report) for t in report.transcripts],
        "articles": [_article(a, report.articles[a.slug], pointed, site, urls, bodies) for a in articles],
        "shared": _shared_pairs(report),
        "syndication": [list(group) for group in report.syndication],
    }
    # Compact: a fifth smaller than indented, and encoded in C (indenting takes Python's encoder, 3.6 times
    # slower); a browser or `jq .` shows it indented.
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _method() -> dict[str, Any]:
    return {
        "sentences": "sentencex",
        "alignment": "shingle index of token pairs, then rapidfuzz partial_ratio_alignment (verbatim); "
        "rarity-weighted content words shared by adjacent article sentences and one transcript item (shared words); "
        "quotes found in the transcript (quote)",
        "verbatim_min_similarity": align.VERBATIM / 100,
        "verbatim_min_characters": align.MIN_CHARS,
        "shared_words_min_weight": align.SHARED_WORDS,
        "shared_words_window_sentences": align.WINDOW,
        "quote_reworded_min_similarity": quotes.REWORDED / 100,
        "article_pair_min_share": coverage.SHARED_PAIR,
        "syndication_min_share": coverage.SYNDICATED,
    }


def _transcript(split: TranscriptItems, report: BriefingCoverage) -> dict[str, Any]:
    transcript = split.transcript
    reported: dict[int, list[str]] = {}
    for slug, article in report.articles.items():
        if article.transcript_language == transcript.language:
            for number in article.items:
                reported.setdefault(number, []).append(slug)
    return {
        "language": transcript.language,
        "url": transcript.url,
        "complete": transcript.complete,
        "note": transcript.note,
        "capture_sha256": transcript.capture_sha256,
        "text": transcript.text,
        "items": [
            {
                "number": item.number,
                "anchor": report.anchor(item.number, transcript.language),
                "kind": item.kind,
                "asker": item.asker or None,
                "span": [item.start, item.end],
                "reported_by": reported.get(item.number, []),
            }
            for item in split.items
        ],
    }


def _pointed_into(report: BriefingCoverage) -> set[str]:
    """The articles whose text some offset of the file points into: their own spans, or another's shared spans."""
    slugs = set()
    for slug, found in report.articles.items():
        if found.passages or found.quotes or found.sharing:
            slugs.add(slug)
            slugs.update(s.other for s in found.sharing)
    return slugs


def _article(
    article: Article, found: ArticleCoverage, pointed: set[str], site: Site, urls: Urls, bodies: Bodies
) -> dict[str, Any]:
    text = plain_text(bodies.html(article.body_sha256)) if article.slug in pointed else None
    source = site.sources[article.source_id]
    return {
        "slug": article.slug,
        "page": urls.absolute(article_path(article.slug)),
        "source": {"id": source.id, "name": source.name},
        "language": article.language,
        "published": article.date.iso,
        "published_precision": article.date.precision,
        "text": text,
        "transcript_status": found.transcript_status,
        "transcript_language": found.transcript_language or None,
        "items": list(found.items),
        "share_from_transcript": round(found.share_from_transcript, 3),
        "transcript_passages": [
            {
                "span": list(p.span),
                "item": p.item,
                "transcript_span": list(p.transcript_span),
                "method": p.method,
                "score": p.score,
            }
            for p in found.passages
        ],
        "quotes": [
            {
                "span": list(q.span),
                "text": q.text,
                "status": q.status,
                "item": q.item,
                "transcript_span": list(q.transcript_span) if q.transcript_span else None,
                "score": q.score,
                "differences": [list(d) for d in q.differences],
            }
            for q in found.quotes
        ],
        "sharing": [
            {
                "other": s.other,
                "share": s.share,
                "spans": [list(x) for x in s.spans],
                "other_spans": [list(x) for x in s.other_spans],
            }
            for s in found.sharing
        ],
    }


def _shared_pairs(report: BriefingCoverage) -> list[dict[str, Any]]:
    pairs: dict[tuple[str, ...], dict[str, float]] = {}
    for slug, article in report.articles.items():
        for sharing in article.sharing:
            key = tuple(sorted((slug, sharing.other)))
            pairs.setdefault(key, {})[slug] = sharing.share
    return [
        {"articles": list(key), "share": [shares.get(key[0], 0.0), shares.get(key[1], 0.0)]}
        for key, shares in sorted(pairs.items())
    ]
