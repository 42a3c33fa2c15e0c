"""Writing: front matter that reloads to the same values, file names, all-or-nothing writes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from ..fields import RESERVED_SLUGS

SLUG_MAX = 60
SYLLABIC = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")  # one syllable a character


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str | bytes  # bytes: a capture, copied as it is
    what: str  # "article", "briefing", "source", "capture" or "capture list"
    updates: bool = False  # replaces a file an earlier import wrote (an article given its briefing)


def front_matter(fields: dict[str, Any]) -> str:
    """YAML for ``fields`` that reloads to the same values.

    PyYAML quotes whatever needs it (`:`, `#`, quotes, leading dashes). Unicode is
    written as is, unless a character YAML reads as a line break (U+0085, U+2028,
    U+2029) would change the value; then non-ASCII is written as escapes.
    """
    text = _dump(fields, allow_unicode=True)
    return text if yaml.safe_load(text) == fields else _dump(fields, allow_unicode=False)


def _dump(fields: dict[str, Any], allow_unicode: bool) -> str:
    return yaml.safe_dump(fields, allow_unicode=allow_unicode, sort_keys=False, width=100, default_flow_style=False)


def markdown_file(fields: dict[str, Any], body: str) -> str:
    return f"---\n{front_matter(fields)}---\n{literal(body)}"


# A line Markdown would read as structure it did not have as text: a heading, a quote, a rule or a
# setext underline (list items are kept: captures write lists as lists).
MARKDOWN_LINE = re.compile(r"(\s*)(#|>|([-*_=])(\s*\3){2,}\s*$)")


def literal(text: str) -> str:
    """Imported text as Markdown that reads back as the same text: structure-like line starts escaped."""
    return "\n".join(_literal_line(line) for line in text.split("\n"))


def _literal_line(line: str) -> str:
    found = MARKDOWN_LINE.match(line)
    if not found:
        return line
    start = found.end(1)
    return line[:start] + "\\" + line[start:]


def slugify(text: str, max_length: int = SLUG_MAX) -> str:
    """ASCII, lowercase, single hyphens; '' when nothing usable is left. Other scripts are
    transliterated by anyascii ("МИД Китая" -> "mid-kitaya", "人民網日本語版" -> "ren-min-wang-ri-ben-yu-ban",
    "마오닝" -> "ma-o-ning"), each Chinese character, kana or Hangul syllable a word of its own."""
    letters = "".join(" " if unicodedata.category(c)[0] == "S" else c for c in unicodedata.normalize("NFC", text))
    spaced = SYLLABIC.sub(lambda m: f" {m.group()} ", letters)  # (symbols go: anyascii spells 🌍 ":earth_africa:")
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(spaced).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free (and not a reserved slug)."""
    candidate, number = base, 1
    while candidate in taken or candidate in RESERVED_SLUGS:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def refusals(files: list[NewFile], force: bool) -> list[str]:
    """Why the files cannot be written: existing files (unless forced), or the same path twice."""
    problems = []
    seen: set[Path] = set()
    for new in files:
        if new.path in seen:
            problems.append(f"{new.path}: two captures would write this file; import them one at a time")
        seen.add(new.path)
        if new.updates and not new.path.exists():
            problems.append(f"{new.path}: removed since it was read; import again")
        elif new.path.exists() and not force and not new.updates:
            problems.append(f"{new.path}: already exists; not overwritten (use --force to replace it)")
    return problems


def with_briefing(text: str, briefing_id: str) -> str | None:
    """An imported article's file with `briefing:` added to its front matter (None: no front matter found)."""
    end = text.find("\n---\n", 3)
    if not text.startswith("---\n") or end < 0 or re.search(r"^briefing:", text[:end], re.MULTILINE):
        return None
    return f"{text[: end + 1]}briefing: {briefing_id}\n{text[end + 1 :]}"


def write_all(files: list[NewFile]) -> None:
    for new in files:
        new.path.parent.mkdir(parents=True, exist_ok=True)
        new.path.write_bytes(new.text if isinstance(new.text, bytes) else new.text.encode("utf-8"))
