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
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import overload

from sentencex import segment

from .chinese import simplified

# Where a block of the rendered body ends: the plain text gets a line break there.
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|td|th|tr|dt|dd)>|<br\s*/?>|<hr\s*/?>", re.IGNORECASE)
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_BREAK = "\x00"  # plain_text()'s stand-in for a block end, until it knows what comes before it
# A run of them after text that does not end a line (the literal first lets the engine skip to one).
_BREAKS = re.compile(r"\x00(?<=[^\n\x00]\x00)\x00*")
# A Han character or a kana: one token each (Chinese and Japanese do not space their words; Korean does).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}_]+(?:['’][^\W{_CJK}_]+)*")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
# _TOKEN on lower-case ASCII text, where it means no more than this (and a simpler class is faster).
_ASCII_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
# In tokens_of_lines(), a line break stands as one token: \x01 and a number (no text holds \x01).
_LINE_BREAK = "\x01"
_ASCII_TOKEN_OR_BREAK = re.compile(rf"\x01\d+|{_ASCII_TOKEN.pattern}")
_TOKEN_OR_BREAK = re.compile(rf"\x01\d+|{_TOKEN.pattern}")
# For bytes.translate: ASCII letters to lower case, digits kept, every other byte a space (_AND_BREAKS: but \x01).
_ASCII_WORDS = bytes(c | 32 if chr(c).isalpha() and c < 128 else c if chr(c).isdigit() else 32 for c in range(256))
_ASCII_WORDS_AND_BREAKS = _ASCII_WORDS[:1] + b"\x01" + _ASCII_WORDS[2:]
NO_SPAN = (-1, -1)


class Spans(Sequence[tuple[int, int]]):
    """Where each character of a body's text is in its HTML, looked up from the text's pieces when
    asked (a page marks a few passages: a tuple per character of every body was most of its cost)."""

    def __init__(self, pieces: list[tuple[int, int, int, bool]], length: int):
        self._pieces = pieces  # (start in the text, start and end in the HTML, whether it stands as is)
        self._starts = [piece[0] for piece in pieces]
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, at: int) -> tuple[int, int]: ...
    @overload
    def __getitem__(self, at: slice) -> list[tuple[int, int]]: ...
    def __getitem__(self, at: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(self._length))]
        if at < 0:
            at += self._length
        if not 0 <= at < self._length:
            raise IndexError(at)
        text_start, start, end, as_it_stands = self._pieces[bisect_right(self._starts, at) - 1]
        if as_it_stands:  # a run of characters as they stand: one to one
            return (start + at - text_start, start + at - text_start + 1)
        return (start, end)  # every character of a decoded entity points at the whole entity


@dataclass(frozen=True)
class BodyText:
    """The text of a rendered body, and where each of its characters is in the HTML."""

    text: str
    spans: Sequence[tuple[int, int]]  # per character: (start, end) in the HTML; NO_SPAN for added line breaks


def _pieces(rendered: str) -> Iterator[tuple[str, tuple[int, int], bool]]:
    """The text of HTML made by the Markdown renderer, in order: each piece with its place in the
    HTML and whether it is a run of characters as they stand there (else an entity decoded, or the
    line break added after a block, at NO_SPAN)."""
    last = ""  # the last character of a run, or the last other piece
    position = 0
    for match in _TAG_OR_ENTITY.finditer(rendered):
        if position < match.start():
            yield rendered[position : match.start()], (position, match.start()), True
            last = rendered[match.start() - 1]
        token = match.group()
        if token.startswith("&"):
            last = html.unescape(token)
            yield last, match.span(), False
        elif _BLOCK_END.fullmatch(token) and last and last != "\n":
            yield "\n", NO_SPAN, False
            last = "\n"
        position = match.end()
    if position < len(rendered):
        yield rendered[position:], (position, len(rendered)), True


def plain_text(rendered: str) -> str:
    """body_text(rendered).text, without the offsets: what alignment reads (three times faster than
    joining _pieces(), thirty times faster than body_text()).

    In HTML made by the Markdown renderer (raw HTML off) a ``<`` always opens a tag and an ``&``
    an entity, so whole-string substitutions do what _pieces() does piece by piece: each block end
    becomes _BREAK, every other tag goes, entities are decoded, then a run of _BREAK becomes a line
    break unless nothing, or a line break, comes before it."""
    if _BREAK in rendered:  # (the renderer turns NUL into U+FFFD: never the case)
        return "".join(piece for piece, _, _ in _pieces(rendered))
    text = _TAG.sub("", _BLOCK_END.sub(_BREAK, rendered))
    if "&" in text:
        text = _ENTITY.sub(lambda match: html.unescape(match.group()), text)
    return _BREAKS.sub("\n", text).replace(_BREAK, "")


def body_text(rendered: str) -> BodyText:
    """Plain text of HTML made by the Markdown renderer: text runs decoded, a line break after each block."""
    text: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    length = 0
    for piece, (start, end), as_it_stands in _pieces(rendered):
        text.append(piece)
        pieces.append((length, start, end, as_it_stands))
        length += len(piece)
    return BodyText("".join(text), Spans(pieces, length))


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
    if text.isascii():  # NFKC changes no ASCII character, and casefold is lower
        if "'" not in text:  # a token is then a run of [a-z0-9]: bytes.translate and split find them faster
            return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
        return _ASCII_TOKEN.findall(text.lower())
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return _TOKEN.findall(simplified(folded))


def ascii_words_of(text: str) -> str | None:
    """For ASCII text without apostrophes, the text with each character folded as tokens() folds it
    (a letter lower-cased, a digit kept, anything else a space), character for character; else None."""
    if not text.isascii() or "'" in text:
        return None
    return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii")


def tokens_of_lines(text: str, number: int) -> list[str] | None:
    """tokens() of each line of ``text`` in one list, each line break standing as a token of its own,
    "\\x01<number>"; None when the lines must be tokenized one by one (text holding Chinese or Japanese,
    whose lines are compared by runs of another length, or the character \\x01). One pass over the
    whole text instead of one per line: the common case of the candidate step, up to three times faster."""
    if _LINE_BREAK in text:
        return None
    marked = text.replace("\n", f" {_LINE_BREAK}{number} ")
    if marked.isascii():
        if "'" in marked:
            return _ASCII_TOKEN_OR_BREAK.findall(marked.lower())
        return marked.encode("ascii").translate(_ASCII_WORDS_AND_BREAKS).decode("ascii").split()  # as in tokens()
    # (NFKC joins nothing across the spaces around a line break's token, so the whole text folds as its lines do)
    folded = unicodedata.normalize("NFKC", marked).casefold().replace("’", "'")
    return None if _CJK_CHAR.search(folded) else _TOKEN_OR_BREAK.findall(folded)


def token_spans(text: str) -> list[tuple[str, int, int]]:
    """tokens() with each token's offsets in ``text`` (NFKC keeps most offsets; where it does not, the run's)."""
    if text.isascii():  # NFKC changes no ASCII character, and casefold is lower
        return [(m.group(), m.start(), m.end()) for m in _ASCII_TOKEN.finditer(text.lower())]
    return [(_folded_token(match.group()), match.start(), match.end()) for match in _TOKEN.finditer(text)]


@lru_cache(maxsize=1 << 16)
def _folded_token(token: str) -> str:
    """A token as tokens() folds it (remembered: a Chinese text is thousands of tokens of a few hundred characters)."""
    return simplified(unicodedata.normalize("NFKC", token).casefold().replace("’", "'"))


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
    if not _CJK_CHAR.search("".join(words)):  # the common case: a space between every two
        return " ".join(words)
    parts: list[str] = []
    for token in words:
        if parts and not (_CJK_CHAR.fullmatch(token) and _CJK_CHAR.fullmatch(parts[-1][-1])):
            parts.append(" ")
        parts.append(token)
    return "".join(parts)
