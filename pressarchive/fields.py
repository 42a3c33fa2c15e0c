"""Field parsers: a raw YAML value in, a typed value out, or ValueError with a message for the author."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from .model import Timestamp

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Output folders an article slug may not shadow.
RESERVED_SLUGS = frozenset(
    {"articles", "briefings", "sources", "search", "pagefind", "tags", "archive", "feeds", "static", "404"}
)

HOSTNAME_PATTERN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}")

Parser = Callable[[Any], Any]


def text(value: Any) -> str:
    if value is None or value == "":
        raise ValueError("is empty")
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {_describe(value)} (put it in quotes)")
    if not value.strip():
        raise ValueError("is empty")
    return value.strip()


def identifier(value: Any) -> str:
    written = text(value)
    if not ID_PATTERN.fullmatch(written):
        raise ValueError(f"'{written}' is not a valid id: use lowercase letters, digits and single hyphens")
    return written


def slug(value: Any) -> str:
    written = identifier(value)
    if written in RESERVED_SLUGS:
        raise ValueError(f"'{written}' is reserved for the site's own pages")
    return written


def web_url(value: Any) -> str:
    written = text(value)
    parts = urlsplit(written)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in written):
        raise ValueError(f"'{written}' is not an http(s) URL")
    return written


def timestamp(value: Any) -> Timestamp:
    raw = text(value) if not isinstance(value, (int, float)) else str(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            day = date.fromisoformat(raw)
            return Timestamp(datetime(day.year, day.month, day.day, tzinfo=UTC), raw, "date")
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError as exc:
        reason = f" ({exc})" if re.match(r"\d{4}-\d{2}-\d{2}", raw) else ""
        raise ValueError(f"'{raw}' is not a valid date{reason}; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?", raw):
        raise ValueError(f"'{raw}' is not a valid date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM")
    if moment.tzinfo is None:
        return Timestamp(moment.replace(tzinfo=UTC), moment.isoformat(), "local")
    return Timestamp(moment.astimezone(UTC), moment.isoformat(), "offset")


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_describe(value)}")
    return value


def language(value: Any) -> str:
    written = text(value)
    if not LANGUAGE_PATTERN.fullmatch(written):
        raise ValueError(f"'{written}' is not a language code such as en, zh or pt-BR")
    return written


def tag_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list such as [human-rights, un], got {_describe(value)}")
    tags = []
    for item in value:
        try:
            tags.append(text(item))
        except ValueError as exc:
            raise ValueError(f"every tag must be text: {exc}") from None
    return tuple(dict.fromkeys(tags))


def hostname(value: Any) -> str:
    written = text(value).lower()
    if not HOSTNAME_PATTERN.fullmatch(written):
        raise ValueError(f"'{written}' is not a domain name such as archive.example.org")
    return written


def host_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(
            f"expected a list of domain names such as [example.org, news.example.org], got {_describe(value)}"
        )
    return tuple(dict.fromkeys(hostname(item) for item in value))


def mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping of `key: value` lines, got {_describe(value)}")
    return value


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {getattr(value, 'written', '') or value}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    return "a mapping" if isinstance(value, dict) else type(value).__name__


def sha256(value: Any) -> str:
    written = text(value).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", written):
        raise ValueError(f"'{written}' is not a SHA-256 digest (64 hexadecimal digits)")
    return written
