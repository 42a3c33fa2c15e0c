"""Cleaning: capture text -> the article's Markdown body, one small named pass at a time.

Each pass takes lines and returns the lines it keeps, recording every line it
removes with the reason. No pass removes a sentence of the article: debris is
matched as a whole line, and a repeated copy of the text is dropped only when
each of its sentences survives in the copy that is kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# "-+ 0.00%", "+1.25%", "AAPL -0.42 %", "HSI 17,234.5 +0.8%": a quote line, never prose.
TICKER = re.compile(r"[A-Z0-9.^]{0,12}\s*(?:[\d,]+(?:\.\d+)?\s*)?[-+−]{0,2}\s*[-+−]?\s*\d+(?:[.,]\d+)?\s*%")
# Page furniture: controls, sharing, comment forms. Matched against a whole line, case-insensitively.
FURNITURE = re.compile(
    r"(?:listen to the news|listen|share|share this(?: article| story)?:?"
    r"|share on (?:facebook|twitter|x|linkedin|whatsapp)"
    r"|tweet|print|email|copy link|comments?|\d+ comments?|leave a (?:reply|comment)|post comment|reply"
    r"|your email address will not be published\.?(?: required fields are marked \*)?"
    r"|required fields are marked \*|name\s*\*?|email\s*\*?|website|comment\s*\*?"
    r"|save my name, email, and website in this browser for the next time i comment\.?"
    r"|back to top|related (?:articles|posts|news)|advertisement|read more|cancel reply)",
    re.IGNORECASE,
)
# "Zhitongcaijing·12/10/2025 08:17:04": outlet, a middle dot, the date as printed.
DATELINE = re.compile(
    r"(?P<outlet>[^\s·][^·]{0,60}?)\s*·\s*(?P<printed>\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
)
BYLINE = re.compile(r"By\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})(?<!\.)")  # "By Tuesday." is prose
BULLET = re.compile(r"\s*[•●▪◦‣]\s*(?P<item>\S.*)")
SENTENCE_END = re.compile(r"(?<=[.!?…。])[\"'”’)\]]*\s+")
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 25


@dataclass(frozen=True)
class Removal:
    line: int  # 1-based line in the capture (0 when the line came from a structured page)
    text: str
    reason: str


@dataclass
class Cleaned:
    body: str
    removed: list[Removal] = field(default_factory=list)

    def found(self, reason: str) -> list[str]:
        """The removed lines for one reason, e.g. the dateline or the headline."""
        return [r.text for r in self.removed if r.reason == reason]


Line = tuple[int, str]  # (line number in the capture, text)


def clean(text: str) -> Cleaned:
    """Run every pass, in order, over a capture's text."""
    lines: list[Line] = list(enumerate(normalise(text).split("\n"), start=1))
    removed: list[Removal] = []
    for one_pass in (drop_tickers, drop_furniture, drop_datelines, drop_bylines, drop_headline, drop_repeated_copy):
        lines = one_pass(lines, removed)
    body = tidy("\n".join(bullets_to_list(t) for _, t in lines))
    return Cleaned(body, sorted(removed, key=lambda r: r.line))


def normalise(text: str) -> str:
    """NFC, LF line ends, no BOM or zero-width characters, single spaces, no trailing blanks."""
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u200b\u200c\u2060\ufeff]", "", text)  # zero-width space/non-joiner, word joiner
    lines = []
    for line in text.split("\n"):
        indent = re.match(r"[ \t\u00a0]*", line).group()  # type: ignore[union-attr]
        rest = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line[len(indent) :]).rstrip()
        lines.append(("  " if indent and rest else "") + rest)
    return "\n".join(lines)


def drop_tickers(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, TICKER, "market ticker")


def drop_furniture(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, FURNITURE, "page furniture")


def drop_datelines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, DATELINE, "dateline")


def drop_bylines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, BYLINE, "byline")


def _drop_matching(lines: list[Line], removed: list[Removal], pattern: re.Pattern[str], reason: str) -> list[Line]:
    kept = []
    for number, line in lines:
        if line.strip() and pattern.fullmatch(line.strip()):
            removed.append(Removal(number, line.strip(), reason))
        else:
            kept.append((number, line))
    return kept


def drop_headline(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A short first paragraph with no closing punctuation is the headline; drop it and its repeats."""
    blocks = paragraphs(lines)
    if len(blocks) < 2 or len(blocks[0]) != 1 or not looks_like_headline(blocks[0][0][1]):
        return lines
    headline = blocks[0][0][1].strip()
    kept = []
    for number, line in lines:
        if line.strip() == headline:
            removed.append(Removal(number, headline, "headline"))
        else:
            kept.append((number, line))
    return kept


def looks_like_headline(line: str) -> bool:
    line = line.strip()
    return (
        len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and not BULLET.fullmatch(line)
        and not re.search(r"[.,;:!?…\"”’)]$", line)
    )


def drop_repeated_copy(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Drop a paragraph whose sentences all appear in a kept one (a summary, a second copy).

    A paragraph goes when another holds a strict superset of its sentences, or the
    same sentences and comes first. The subset order has a maximal element above
    every paragraph, so each sentence stays in at least one kept paragraph.
    """
    blocks = paragraphs(lines)
    sets = [frozenset(sentences(" ".join(t for _, t in block))) for block in blocks]
    kept: list[Line] = []
    for i, block in enumerate(blocks):
        covered = any(j != i and (sets[i] < sets[j] or (sets[i] == sets[j] and j < i)) for j in range(len(blocks)))
        if covered:
            removed.extend(Removal(n, t.strip(), "repeated copy of the text") for n, t in block if t.strip())
        else:
            kept.extend([*block, (block[-1][0], "")])
    return kept


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[Line]] = [[]]
    for number, line in lines:
        if line.strip():
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def sentences(text: str) -> list[str]:
    """Split prose into sentences at ., ! or ? (and closing quotes) followed by a space."""
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def bullets_to_list(line: str) -> str:
    match = BULLET.fullmatch(line)
    return f"- {match['item'].strip()}" if match else line.strip()


def tidy(text: str) -> str:
    """One blank line between paragraphs, none around the text, list items kept together."""
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n" if text else ""
