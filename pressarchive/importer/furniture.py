"""A site's furniture: lines its pages print around every article, learned from its captures.

A line of a capture that recurs in another article from the same site ("Follow us on
Telegram", a menu, a copyright notice) is furniture for that site, unless it reads as
prose (a sentence of an article is never furniture, even when two articles share it) or
the other article is the same story (an update or a second copy shares much of its text).
The site is the host of the article's URL (a platform carrying an agency's story frames it
with the platform's furniture, not the agency's), else the source's id. What is learned is
stored in `furniture/<site>.txt`, one line per entry with the captures it was seen in, for a
curator to review: a deleted entry is learned again when it recurs; an entry written
`! line` keeps that line in every capture for good. Every entry in the file is removed from
the site's later captures, whatever the rules above say.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .lines import CJK, SENTENCE_FINAL

FOLDER = "furniture"
EARLIER_MAX = 30  # the site's most recent articles a capture is compared with
SAME_STORY_SHARE = 1 / 3  # an article sharing this share of the capture's text is the same story
PROSE_MIN_WORDS = 12  # a line ending like a sentence with this many words is prose, never furniture
PROSE_MIN_CJK = 30  # ... or with this many Chinese or Japanese characters
LINE_MAX_WORDS = 40  # longer lines are never furniture
KEEP = "! "


def key(line: str) -> str:
    """A line as furniture is compared: NFKC, case and spacing aside, without a list marker."""
    text = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(text.removeprefix("- ").split())


def squashed(text: str) -> str:
    """Letters and digits only, case aside: "News.Az" and "news.az" are one name."""
    return re.sub(r"\W|_", "", key(text))


def is_prose(line: str) -> bool:
    """A sentence of an article: it ends like one and is long enough to say something."""
    text = line.strip()
    if len(text.split()) > LINE_MAX_WORDS:
        return True
    if not SENTENCE_FINAL.search(text):
        return False
    return len(text.split()) >= PROSE_MIN_WORDS or len(CJK.findall(text)) >= PROSE_MIN_CJK


@dataclass
class Furniture:
    """One site's file: entries in the order learned, each with where it was seen."""

    path: Path
    entries: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (line, seen in)
    kept: dict[str, str] = field(default_factory=dict)  # key -> line a curator marked `! line`
    changed: bool = False

    @classmethod
    def read(cls, path: Path) -> Furniture:
        furniture = cls(path)
        if not path.is_file():
            return furniture
        seen = ""
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("# seen in "):
                seen = line.removeprefix("# seen in ")
            elif line.startswith(KEEP):
                furniture.kept[key(line[len(KEEP) :])] = line[len(KEEP) :]
            elif line.strip() and not line.startswith("#"):
                text = line.removeprefix("\\")
                furniture.entries.setdefault(key(text), (text, seen))
                seen = ""
        return furniture

    def learn(self, line: str, seen_in: str) -> None:
        self.entries[key(line)] = (line, seen_in)
        self.changed = True

    def text(self, site: str) -> str:
        head = [
            f"# Furniture of {site}: lines the importer removes from this site's captures.",
            "# Each was learned when it recurred in two of the site's articles; review them.",
            "# Delete a line that is article text (it is learned again if it recurs), or write it",
            '# as "! line" to keep it in every capture for good.',
            "",
        ]
        body = []
        for line, seen in self.entries.values():
            body += [f"# seen in {seen}"] if seen else []
            body.append(f"\\{line}" if line.startswith(("#", "\\", KEEP)) else line)
        kept = [f"{KEEP}{line}" for line in self.kept.values()]
        return "\n".join([*head, *body, *([""] + kept if kept else [])]) + "\n"


@dataclass(frozen=True)
class Earlier:
    """Another article from the site: a name for the report and its body (read when needed)."""

    name: str
    body: Callable[[], str]
    published: str = ""  # as its front matter gives it; the most recent are compared

    @cached_property
    def line_keys(self) -> frozenset[str]:
        """Its lines' keys, read once in an import however many captures of the site meet it."""
        return frozenset(key(line) for line in self.body().split("\n") if line.strip())


@dataclass
class Dropped:
    line: str
    why: str


def drop_furniture(
    body: str, name: str, furniture: Furniture, earlier: Iterable[Earlier], site_names: Iterable[str] = ()
) -> tuple[str, list[Dropped]]:
    """``body`` without the site's stored furniture and without lines it learns now from ``earlier``.

    ``name`` is the capture's, recorded with what it teaches. A line that is only the site's name
    or host (``site_names``: "News.Az" on news.az) is its masthead or signature, and goes too.
    """
    masthead = {squashed(n) for n in site_names if squashed(n)}
    lines = body.split("\n")
    keys = {key(line) for line in lines if line.strip()}
    size = sum(map(len, keys))
    recurring: dict[str, str] = {}  # key -> the earlier article it recurs in
    for other in earlier:
        shared = keys & other.line_keys
        if not shared or sum(map(len, shared)) >= SAME_STORY_SHARE * size:
            continue  # nothing in common, or the same story again
        for shared_key in sorted(shared):
            recurring.setdefault(shared_key, other.name)
    kept: list[str] = []
    dropped: list[Dropped] = []
    learned: list[tuple[str, str]] = []
    for line in lines:
        line_key = key(line)
        if not line.strip() or line_key in furniture.kept:
            kept.append(line)
        elif squashed(line) in masthead:
            dropped.append(Dropped(line, "the site's name on its own line"))
        elif line_key in furniture.entries:
            dropped.append(Dropped(line, f"furniture of the site ({furniture.path.name})"))
        elif line_key in recurring and not is_prose(line):
            learned.append((line.strip().removeprefix("- "), f"{name}, {recurring[line_key]}"))
            dropped.append(Dropped(line, f"furniture learned: it recurs in {recurring[line_key]}"))
        else:
            kept.append(line)
    if not dropped:
        return body, []
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n") + "\n" * body.endswith("\n")
    if not text.strip():
        return body, []  # all of it furniture: the capture is no article of this site; keep it as it is
    for line, seen in learned:
        furniture.learn(line, seen)
    return text, dropped
