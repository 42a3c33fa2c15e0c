"""Direct quotes: text in quotation marks, found in an article and matched to the transcript.

A quote is exact when its words (folded: case, punctuation, curly apostrophes) stand
in the transcript as they are; reworded when the closest stretch of the transcript is
similar enough (rapidfuzz) and differs in some words, which are listed; otherwise it is
not in the transcript, a possible misquote or a quote from elsewhere.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .text import comparable, is_cjk, tokens

# Opening and closing marks in common use. A single quote mark is also an apostrophe, so a
# quote in single marks must open after a non-letter and close before one ("it's" is no quote).
_MARKS = (
    r"“(?P<a>[^“”\n]{2,}?)”",
    r"„(?P<b>[^„“”\n]{2,}?)“",
    r'"(?P<c>[^"\n]{2,}?)"',
    r"«\s?(?P<d>[^«»\n]{2,}?)\s?»",
    r"「(?P<e>[^「」\n]{2,}?)」",
    r"『(?P<f>[^『』\n]{2,}?)』",
    r"‹(?P<g>[^‹›\n]{2,}?)›",
    r"(?<!\w)‘(?P<h>[^‘\n]{2,}?)’(?!\w)",
    r"(?<![\w'])'(?P<i>[^'\n]{2,}?)'(?![\w'])",
)
# (the lookahead lets the engine skip to an opening mark instead of trying every branch everywhere)
QUOTE = re.compile("(?=[“„\"«「『‹‘'])(?:" + "|".join(_MARKS) + ")")
OPENING_MARKS = "“„\"«「『‹‘'"  # a text without one holds no quote (looking for each is fifty times faster than QUOTE)
MIN_WORDS = 2  # a one-word quote ("so-called") says little about a transcript; CJK: characters / 2
REWORDED = 80.0  # rapidfuzz similarity of the closest stretch of the transcript
MIN_REWORDED_WORDS = 4  # a shorter quote is exact or not found: similar short phrases prove nothing
MAX_COMPARED = 2000  # characters of a quote compared; a longer "quote" is checked on its start


@dataclass(frozen=True)
class FoundQuote:
    start: int  # offsets of the quoted words (inside the marks) in the article's text
    end: int
    text: str


@dataclass(frozen=True)
class QuoteMatch:
    status: str  # "exact", "reworded" or "not in the transcript"
    score: float  # similarity 0-1 of the closest stretch of the transcript
    transcript_span: tuple[int, int] | None  # where in the transcript text
    differences: tuple[tuple[str, str], ...] = ()  # (transcript words, quoted words) where they differ


def find_quotes(text: str) -> list[FoundQuote]:
    """Quotes of MIN_WORDS words or more, in order."""
    found: list[FoundQuote] = []
    if not any(mark in text for mark in OPENING_MARKS):
        return found
    for match in QUOTE.finditer(text):
        name = next(k for k, v in match.groupdict().items() if v is not None)
        start, end = match.span(name)
        quoted = text[start:end].strip()
        if _size(quoted) >= MIN_WORDS:
            found.append(FoundQuote(start, end, quoted))
    return found


def match_quote(quote: str, transcript: str, folded_transcript: str, offsets: list[int]) -> QuoteMatch:
    """Where ``quote`` stands in the transcript; ``folded_transcript`` is comparable(transcript) and
    ``offsets`` maps each of its characters back to the transcript (see fold_with_offsets)."""
    folded = comparable(quote)[:MAX_COMPARED]
    if not folded:
        return QuoteMatch("not in the transcript", 0.0, None)
    at = folded_transcript.find(folded)
    if at >= 0:
        return QuoteMatch("exact", 1.0, _span(offsets, at, at + len(folded)))
    if _size(folded) < MIN_REWORDED_WORDS:  # two or three words are the same words, or another quote
        return QuoteMatch("not in the transcript", 0.0, None)
    found = fuzz.partial_ratio_alignment(folded, folded_transcript, score_cutoff=REWORDED)
    if found is None:
        return QuoteMatch("not in the transcript", 0.0, None)
    said = folded_transcript[found.dest_start : found.dest_end]
    return QuoteMatch(
        "reworded",
        round(found.score / 100, 3),
        _span(offsets, found.dest_start, found.dest_end),
        _differences(said, folded),
    )


def _size(text: str) -> int:
    """Words, or for Chinese and Japanese characters / 2."""
    return len(tokens(text)) // 2 if is_cjk(text) else len(tokens(text))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """comparable(text), built piece by piece so that each folded character knows where it came from."""
    folded: list[str] = []
    offsets: list[int] = []
    for match in re.finditer(r"\S+", text):
        piece = comparable(match.group())
        if not piece:
            continue
        if folded and not (is_cjk(piece[0]) and is_cjk(folded[-1])):
            folded.append(" ")
            offsets.append(match.start())
        folded.extend(piece)
        offsets.extend(min(match.start() + i, match.end() - 1) for i in range(len(piece)))
    return "".join(folded), offsets


def _span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    return offsets[start], offsets[max(start, end - 1)] + 1


def _differences(said: str, quoted: str) -> tuple[tuple[str, str], ...]:
    """The words that differ, as (in the transcript, in the quote) pairs."""
    a, b = said.split(), quoted.split()
    if is_cjk(said):
        a, b = list(said.replace(" ", "")), list(quoted.replace(" ", ""))
    joiner = "" if is_cjk(said) else " "
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return tuple(
        (joiner.join(a[i1:i2]), joiner.join(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )
