"""Atom feeds (RFC 4287): the whole archive, each source, each briefing.

XML is built with ElementTree, so every text and attribute is escaped. Every
date comes from the content, never the clock, so the same content always gives
the same bytes. Ids are the entries' absolute URLs, stable from build to build.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from .model import Article, Site, Timestamp
from .urls import Urls, article_path, briefing_path, feed_path, source_path

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50  # the newest entries of each feed: a feed says what is new, the pages keep the rest


@dataclass(frozen=True)
class Feed:
    path: str  # site-relative path of the feed file
    title: str
    page_path: str  # the HTML page the feed follows
    articles: tuple[Article, ...]
    fallback_updated: Timestamp | None = None  # for a feed with no entries yet


# What XML 1.0 cannot hold (and DEL): a body's stray control character must not make a feed unreadable.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def rfc3339(ts: Timestamp) -> str:
    """An Atom date, which RFC 4287 requires to be a full RFC 3339 date-time with an offset: dates count as
    midnight UTC, times with no zone as UTC (docs/site.md says so). Nothing else writes dates this way."""
    if ts.precision == "offset":
        return ts.iso
    return ts.moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def site_feeds(site: Site) -> list[Feed]:
    """Every feed of the site, in a stable order."""
    feeds = [Feed(feed_path("all"), site.info.title, "", site.articles[:FEED_SIZE])]
    for source in site.sources.values():
        newest = site.by_source[source.id][:FEED_SIZE]
        feeds.append(Feed(feed_path("sources", source.id), source.name, source_path(source.id), newest))
    for briefing in site.briefings.values():
        newest = tuple(reversed(site.coverage[briefing.id][-FEED_SIZE:]))
        feeds.append(
            Feed(feed_path("briefings", briefing.id), briefing.title, briefing_path(briefing.id), newest, briefing.date)
        )
    return feeds


Excerpt = Callable[[Article], str]  # the same excerpt the pages show (Renderer.excerpt)


def feed_shows(feed: Feed, site: Site) -> tuple[object, ...]:
    """What a feed's bytes depend on beyond the site's settings: for a rebuild's change detection."""
    sources = site.sources
    entries = tuple(a.digest + sources[a.source_id].digest for a in feed.articles)
    return (feed.path, feed.title, feed.page_path, feed.fallback_updated, entries)


def render_feed(feed: Feed, site: Site, urls: Urls, excerpt: Excerpt) -> bytes:
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": site.info.language})
    _text(root, "id", urls.absolute(feed.path))
    _text(root, "title", feed.title if not feed.page_path else f"{feed.title} · {site.info.title}")
    _text(root, "subtitle", site.info.description)
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": urls.absolute(feed.path)})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": urls.absolute(feed.page_path)})
    _text(root, "updated", _updated(feed))
    author = ET.SubElement(root, "author")
    _text(author, "name", site.info.title)
    _text(root, "generator", "pressarchive")
    for article in feed.articles:
        root.append(_entry(article, site, urls, excerpt))
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body + b"\n"


def _entry(article: Article, site: Site, urls: Urls, excerpt: Excerpt) -> ET.Element:
    source = site.sources[article.source_id]
    entry = ET.Element("entry")
    url = urls.absolute(article_path(article.slug))
    _text(entry, "id", url)
    _text(entry, "title", article.title)
    ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url})
    _text(entry, "published", rfc3339(article.date))
    _text(entry, "updated", rfc3339(article.date))
    author = ET.SubElement(entry, "author")
    _text(author, "name", article.byline or source.name)
    for tag in article.tags:
        ET.SubElement(entry, "category", {"term": tag})
    summary = _text(entry, "summary", excerpt(article))
    summary.set("type", "text")
    return entry


def _updated(feed: Feed) -> str:
    stamps = [a.date for a in feed.articles] or ([feed.fallback_updated] if feed.fallback_updated else [])
    if not stamps:
        return "1970-01-01T00:00:00Z"
    return rfc3339(max(stamps, key=lambda ts: ts.moment))


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = NOT_XML.sub("", value)
    return element
