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
