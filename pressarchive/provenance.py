"""What an article's provenance block tells a reader: its language by name, its URL as read,
the raw capture the archive holds, and its custom `extra:` data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .captures import Capture, Captures
from .languages import language_name
from .model import Article
from .urls import display_url

SHOWN_WITH_THE_CAPTURE = ("capture", "capture_sha256")  # `extra:` keys the capture's own line shows


@dataclass(frozen=True)
class ExtraRow:
    """One `extra:` entry in the provenance block; http(s) values become links."""

    label: str
    text: str
    href: str


@dataclass(frozen=True)
class Provenance:
    language: str  # a name: "English"
    url_shown: str  # the original URL decoded for reading; "" when not recorded
    capture: Capture | None  # None: the article names no capture SHA256SUMS lists
    extra: tuple[ExtraRow, ...]


def provenance(article: Article, captures: Captures) -> Provenance:
    capture = captures.of(article.extra.get("capture"))
    apart = SHOWN_WITH_THE_CAPTURE if capture else ()
    extra = tuple(_extra_row(key, value) for key, value in sorted(article.extra.items()) if key not in apart)
    url = display_url(article.url) if article.url else ""
    return Provenance(language_name(article.language), url, capture, extra)


def capture_shown(capture: Capture | None) -> tuple[str, str, int] | None:
    """What a page shows of a capture, for its page key."""
    return (capture.path, capture.sha256, capture.size) if capture else None


# How the importer's `extra.date_source` reads to a reader: where the date came from, in words.
DATE_SOURCES = (
    (re.compile(r"given with --date"), "given by the curator when importing"),
    (re.compile(r'url "(?P<x>.*)"'), 'read from the article\'s address ("{x}")'),
    (re.compile(r'text "(?P<x>.*)" \(month/day/year\)'), 'printed on the page, month first: "{x}"'),
    (re.compile(r'text "(?P<x>.*)"'), 'printed on the page: "{x}"'),
    (re.compile(r"html (?P<x>.*)"), "the page's own metadata ({x})"),
)


def _extra_row(key: str, value: Any) -> ExtraRow:
    text = _extra_text(value)
    if key == "date_source":
        return ExtraRow("Date source", _date_source(text), "")
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


def _date_source(text: str) -> str:
    for pattern, words in DATE_SOURCES:
        if found := pattern.fullmatch(text):
            return words.format(**found.groupdict())
    return text
