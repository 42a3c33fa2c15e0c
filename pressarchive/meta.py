"""What a page tells machines: canonical URL, Open Graph and Twitter cards, JSON-LD, feeds, prev/next.

Computed here as plain data; base.html only prints it. JSON-LD is escaped so that
no content can close its <script> element.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .model import Article, Briefing, Site, Source
from .urls import Urls, article_path, feed_path

JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_TRANSLATION = str.maketrans(JSON_ESCAPES)


@dataclass(frozen=True)
class HeadMeta:
    description: str
    og_type: str = "website"
    canonical: str = ""  # absolute URL, empty when the site has no origin
    feeds: tuple[tuple[str, str], ...] = ()  # (title, href)
    prev: str = ""
    next: str = ""
    json_ld: str = ""  # already escaped for a <script> element
    extra_og: tuple[tuple[str, str], ...] = field(default=())  # (property, content)


def json_ld(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json">: <, >, & never appear literally."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_JSON_TRANSLATION)


def feed_links(site: Site, urls: Urls, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    """Feeds a page advertises: the archive's, plus the page's own."""
    if not urls.origin:
        return ()
    return ((site.info.title, urls.link(feed_path("all"))), *((t, urls.link(p)) for t, p in extra))


def publisher(source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": source.name}
    if source.url:
        data["url"] = source.url
    return data


def article_ld(article: Article, source: Source, urls: Urls) -> dict[str, Any]:
    """NewsArticle without a description: the page's one <meta name="description"> gives it."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.iso,
        "inLanguage": article.language,
        "publisher": publisher(source),
        "author": {"@type": "Person", "name": article.byline} if article.byline else publisher(source),
        "keywords": list(article.tags),
    }
    if urls.origin:
        data["mainEntityOfPage"] = urls.absolute(article_path(article.slug))
    if article.url:
        data["isBasedOn"] = article.url
    return data


def briefing_ld(briefing: Briefing, coverage: tuple[Article, ...], urls: Urls) -> dict[str, Any]:
    event: dict[str, Any] = {"@type": "Event", "name": briefing.title, "startDate": briefing.date.iso}
    if briefing.host:
        event["organizer"] = {"@type": "Organization", "name": briefing.host}
    if briefing.spokesperson:
        event["performer"] = {"@type": "Person", "name": briefing.spokesperson}
    items = [
        {"@type": "ListItem", "position": n, "url": urls.absolute(article_path(a.slug)), "name": a.title}
        for n, a in enumerate(coverage, start=1)
    ]
    return {
        "@context": "https://schema.org",
        "@type": "CollectionPage",
        "name": briefing.title,
        "about": event,
        "mainEntity": {"@type": "ItemList", "numberOfItems": len(items), "itemListElement": items},
    }


def source_feed(source: Source) -> tuple[str, str]:
    return (f"{source.name}", feed_path("sources", source.id))
