"""Text for comparison: plain text from rendered HTML (with a way back), sentences, and comparable tokens.

Alignment works on the text a reader sees, taken from the body's rendered HTML, so a
passage found there can be marked in that very HTML (marks.py). Sentences come from
sentencex (Wikimedia's segmenter, some 300 languages, Chinese and Japanese included).
Tokens are words folded for comparison; in Chinese and Japanese, which do not separate
words with spaces, each character is a token, so texts are compared by character n-grams.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sentencex import segment

# Where a block of the rendered body ends: the plain text gets a line break there.
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|td|th|tr|dt|dd)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# A Han character or a kana: one token each (Chinese and Japanese do not space their words; Korean does).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}_]+(?:['’][^\W{_CJK}_]+)*")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
NO_SPAN = (-1, -1)


@dataclass(frozen=True)
class BodyText:
    """The text of a rendered body, and where each of its characters is in the HTML."""

    text: str
    spans: tuple[tuple[int, int], ...]  # per character: (start, end) in the HTML; NO_SPAN for added line breaks


def plain_text(rendered: str) -> str:
    """body_text(rendered).text, without the offsets: what alignment reads, ten times faster."""
    text: list[str] = []
    last = ""  # the last piece written, as body_text sees it
    position = 0
    for match in _TAG_OR_ENTITY.finditer(rendered):
        run = rendered[position : match.start()]
        if run:
            text.append(run)
            last = run[-1]
        token = match.group()
        if token.startswith("&"):
            last = html.unescape(token)
            text.append(last)
        elif _BLOCK_END.fullmatch(token) and text and last != "\n":
            text.append("\n")
            last = "\n"
        position = match.end()
    text.append(rendered[position:])
    return "".join(text)


def body_text(rendered: str) -> BodyText:
    """Plain text of HTML made by the Markdown renderer: text runs decoded, a line break after each block."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _TAG_OR_ENTITY.finditer(rendered):
        for offset in range(position, match.start()):
            text.append(rendered[offset])
            spans.append((offset, offset + 1))
        token = match.group()
        if token.startswith("&"):
            text.append(html.unescape(token))
            spans.append(match.span())
        elif _BLOCK_END.fullmatch(token) and text and text[-1] != "\n":
            text.append("\n")
            spans.append(NO_SPAN)
        position = match.end()
    for offset in range(position, len(rendered)):
        text.append(rendered[offset])
        spans.append((offset, offset + 1))
    joined = "".join(text)
    if len(joined) != len(spans):  # an entity decoded to two characters: keep offsets one to one
        return _one_to_one(text, spans)
    return BodyText(joined, tuple(spans))


def _one_to_one(pieces: list[str], spans: list[tuple[int, int]]) -> BodyText:
    text, out = [], []
    for piece, span in zip(pieces, spans, strict=True):
        for char in piece:
            text.append(char)
            out.append(span)
    return BodyText("".join(text), tuple(out))


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets in the text it came from
    end: int
    text: str


def sentences(text: str, language: str) -> list[Sentence]:
    """The text's sentences, with their offsets, blank ones left out; a line break always ends one."""
    found = []
    line_start = 0
    for line in text.split("\n"):
        pieces = list(segment(_segmenter_language(language), line)) if line.strip() else []
        if "".join(pieces) != line:  # the segmenter changed the text: offsets would be wrong, keep the line whole
            pieces = [line]
        position = line_start
        for piece in pieces:
            stripped = piece.strip()
            if stripped:
                start = position + len(piece) - len(piece.lstrip())
                found.append(Sentence(start, start + len(stripped), stripped))
            position += len(piece)
        line_start += len(line) + 1
    return found


def _segmenter_language(language: str) -> str:
    return language.split("-")[0].lower() or "en"


def tokens(text: str) -> list[str]:
    """Words folded for comparison (NFKC, case, curly apostrophes); each CJK character is one."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return _TOKEN.findall(folded)


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """tokens() with each token's offsets in ``text`` (NFKC keeps most offsets; where it does not, the run's)."""
    if text.isascii():  # NFKC changes no ASCII character, and casefold is lower
        return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found = []
    for match in _TOKEN.finditer(text):
        folded = unicodedata.normalize("NFKC", match.group()).casefold().replace("’", "'")
        found.append((folded, match.start(), match.end()))
    return found


@lru_cache(maxsize=4096)
def is_cjk(text: str) -> bool:
    """True when most of the letters are Chinese or Japanese characters."""
    if not _CJK_CHAR.search(text):
        return False
    letters = sum(1 for c in text if c.isalpha())
    return letters > 0 and len(_CJK_CHAR.findall(text)) * 2 >= letters


def comparable(text: str) -> str:
    """Text folded for character comparison: tokens joined by single spaces (CJK characters without)."""
    return joined(tokens(text))


def joined(words: list[str]) -> str:
    """comparable() of text whose tokens are ``words``."""
    parts: list[str] = []
    for token in words:
        if parts and not (_CJK_CHAR.fullmatch(token) and _CJK_CHAR.fullmatch(parts[-1][-1])):
            parts.append(" ")
        parts.append(token)
    return "".join(parts)
