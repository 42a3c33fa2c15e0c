"""Field parsers: a raw YAML value in, a typed value out, or ValueError with a message for the author."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from .model import Timestamp

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Output folders an article slug may not shadow.
RESERVED_SLUGS = frozenset(
    {"articles", "briefings", "sources", "search", "pagefind", "tags", "archive", "feeds", "static", "404"}
)

WINDOWS_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)
MAX_NAME_BYTES = 200  # file systems allow 255; leave room for what tools add (.tmp, -2...)
MAX_UTC_OFFSET = timedelta(hours=14)  # the furthest any zone is from UTC (Line Islands)
HOSTNAME_PATTERN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}")

Parser = Callable[[Any], Any]


# Characters no text field may hold: C0 controls but tab and newlines, DEL, surrogates, and the
# noncharacters U+FFFE/U+FFFF. XML cannot carry most of them (the feeds would not parse).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable(value: Any) -> Any:
    """``value`` (text, or lists and mappings of it) unchanged; ValueError if it holds a control character."""
    if isinstance(value, str):
        found = CONTROL_CHARACTERS.search(value)
        if found:
            raise ValueError(f"contains the control character U+{ord(found.group()):04X}; remove it")
    elif isinstance(value, list):
        for item in value:
            printable(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            printable(key)
            printable(item)
    return value


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
    problem = folder_name_problem(written)
    if problem:
        raise ValueError(problem)
    return written


def folder_name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a folder of the site on every system (a checkout must work on Windows too)."""
    if name.casefold() in WINDOWS_DEVICE_NAMES:
        return f"'{name}' is a device name on Windows, where a folder cannot have it; choose another"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return f"'{name[:40]}...' is {len(name.encode('utf-8'))} bytes long; at most {MAX_NAME_BYTES} fit a folder name"
    return None


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
    offset = moment.utcoffset() or timedelta()
    if abs(offset) > MAX_UTC_OFFSET:
        raise ValueError(f"'{raw}': UTC offsets go from -14:00 to +14:00")
    try:
        return Timestamp(moment.astimezone(UTC), moment.isoformat(), "offset")
    except OverflowError:
        raise ValueError(f"'{raw}' is out of range: in UTC it falls outside the years 1 to 9999") from None


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
