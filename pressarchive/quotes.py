"""Direct quotes: text in quotation marks, found in an article and matched to the transcript.

A quote is exact when its words (folded: case, punctuation, curly apostrophes) stand
in the transcript as they are; reworded when the closest stretch of the transcript is
similar enough (rapidfuzz) and differs in some words, which are listed; a quote of several
sentences is also reworded when each of its sentences stands in the transcript, in order, with
words left out between them (an elision the quote does not mark: the words left out are listed).
When the transcript's last words are the quote's first (a copy of a transcript cut short, a quote
running on past where the transcript held stops), the quote is partly in the transcript: as far as
the transcript goes. Otherwise it is not in the transcript, a possible misquote or a quote from elsewhere.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .text import ascii_words_of, comparable, is_cjk, tokens

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
SLACK_SHARE = 5  # a reworded quote's stretch is looked for a fifth of its length beyond the aligned window
MAX_COMPARED = 2000  # characters of a quote compared; a longer "quote" is checked on its start
MAX_ELISION = 1000  # characters of the transcript a quote may leave out between two of its sentences (a few)
SENTENCE_ENDS = tuple('.!?。！？…"”’」』»)）')  # a transcript ending otherwise is cut mid-sentence
TAIL_PROBE = 6  # characters of the transcript's end looked for in a quote, to find a quote it stops within
# Between a quote's sentences, and where it marks words left out: "(…)", "[...]", or "…" inside it.
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])[\"”’»]*\s+|(?<=[。！？])|\s*[(\[]\s*(?:…|\.\.\.)\s*[)\]]\s*|\s*(?:…|\.\.\.)\s*(?=\S)"
)


@dataclass(frozen=True)
class FoundQuote:
    start: int  # offsets of the quoted words (inside the marks) in the article's text
    end: int
    text: str


@dataclass(frozen=True)
class QuoteMatch:
    status: str  # "exact", "reworded", "partly in the transcript" or "not in the transcript"
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
    cut = not transcript.rstrip().endswith(SENTENCE_ENDS)  # (a copy cut mid-sentence may stop within a quote)
    if cut and (held := _held_start(folded, folded_transcript)) is not None:
        return QuoteMatch(
            "partly in the transcript", round(held / len(folded), 3), _span(offsets, *_tail(folded_transcript, held))
        )
    if _size(folded) < MIN_REWORDED_WORDS:  # two or three words are the same words, or another quote
        return QuoteMatch("not in the transcript", 0.0, None)
    found = fuzz.partial_ratio_alignment(folded, folded_transcript, score_cutoff=REWORDED)
    if found is not None:
        # The alignment is a window as long as the quote: where the transcript says more ("对报告曝光的" for
        # "对曝光的"), it stops short of the quote's last words ("严重关切" read as "严重" and "关切" added).
        # Widened by the slack, the edges the quote lacks are then trimmed (_whole_words).
        slack = len(folded) // SLACK_SHARE
        start, end, score = max(0, found.dest_start - slack), found.dest_end + slack, found.score
    else:
        joined = _sentences_in_order(quote[:MAX_COMPARED], folded_transcript)
        if joined is None:
            return QuoteMatch("not in the transcript", 0.0, None)
        start, end, score = joined
    start, end = _whole_words(folded_transcript, start, end, folded)
    said = folded_transcript[start:end]
    differences = _differences(said, folded)
    if cut and _runs_past_the_end(folded_transcript, end, differences):
        # "选举是日本内政，我不予评论。关" ends a copy cut short; the quote goes on: what it adds is past the cut
        return QuoteMatch(
            "partly in the transcript", round(score / 100, 3), _span(offsets, start, end), differences[:-1]
        )
    return QuoteMatch("reworded", round(score / 100, 3), _span(offsets, start, end), differences)


def _runs_past_the_end(folded_transcript: str, end: int, differences: tuple[tuple[str, str], ...]) -> bool:
    """Whether a reworded quote's stretch reaches the end of the transcript (one cut mid-sentence) and the quote
    goes on beyond it (its last difference words added at the end, MIN_REWORDED_WORDS of them or more)."""
    if end < len(folded_transcript.rstrip()) or not differences:
        return False
    said, quoted = differences[-1]
    return not said and _size(quoted) >= MIN_REWORDED_WORDS


def _held_start(folded: str, folded_transcript: str) -> int | None:
    """How many characters of the quote's start the transcript (cut mid-sentence) ends with, if MIN_REWORDED_WORDS
    words or more (and not the whole quote: that is exact): "日方是否真的已同军国主义划清界限？日本政府是否真心坚持专守防"
    closing a copy of a transcript cut mid-word, quoted on past it."""
    tail = folded_transcript[-TAIL_PROBE:]
    if len(tail) < TAIL_PROBE:
        return None
    at = folded.find(tail)
    while at >= 0:
        held = at + len(tail)
        if (
            held < len(folded)
            and folded_transcript.endswith(folded[:held])
            and _size(folded[:held]) >= MIN_REWORDED_WORDS
        ):
            return held
        at = folded.find(tail, at + 1)
    return None


def _tail(folded_transcript: str, size: int) -> tuple[int, int]:
    return len(folded_transcript) - size, len(folded_transcript)


def _sentences_in_order(quote: str, folded_transcript: str) -> tuple[int, int, float] | None:
    """(start, end, similarity) of the transcript stretch from the first to the last of the quote's
    sentences, if it has two or more and each stands in the transcript after the one before it, at
    most MAX_ELISION characters on: exactly, or reworded when it has MIN_REWORDED_WORDS words or more.
    The similarity is the sentences' own, weighted by their length: what lies between them is
    reported as left out."""
    sentences = [comparable(s) for s in SENTENCE_BREAK.split(quote)]
    sentences = [s for s in sentences if s]
    if len(sentences) < 2:
        return None
    first = at = 0
    weighted = 0.0
    for number, sentence in enumerate(sentences):
        window = folded_transcript if number == 0 else folded_transcript[: at + MAX_ELISION + len(sentence)]
        exact = window.find(sentence, at)
        if exact >= 0:
            start, end, score = exact, exact + len(sentence), 100.0
        elif _size(sentence) >= MIN_REWORDED_WORDS:
            found = fuzz.partial_ratio_alignment(sentence, window[at:], score_cutoff=REWORDED)
            if found is None:
                return None
            start, end, score = at + found.dest_start, at + found.dest_end, found.score
        else:
            return None
        if number and start - at > MAX_ELISION:
            return None
        first = start if number == 0 else first
        at = end
        weighted += score * len(sentence)
    return first, at, weighted / sum(map(len, sentences))


def _whole_words(folded: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """The stretch on word boundaries, without the transcript's words at either edge that the quote
    lacks: an alignment as long as the quote may start or stop inside a word ("internal affa") or take
    in the words around a quote that leaves one out ("said this is our ... threatened what"). In Chinese
    and Japanese, characters: "持全面禁止核试验条约" for 「全面禁止核子試驗條約」 is "全面禁止核试验条约"."""
    if is_cjk(folded[start:end]):
        front, back = _edges_the_quote_lacks(list(folded[start:end]), list(quote))
        return start + front, end - back
    start = folded.rfind(" ", 0, start) + 1
    after = folded.find(" ", end)
    end = len(folded) if after < 0 else max(end, after)
    words = folded[start:end].split(" ")
    front, back = _edges_the_quote_lacks(words, quote.split())
    start += sum(len(w) + 1 for w in words[:front])
    end -= sum(len(w) + 1 for w in words[len(words) - back :])
    return start, end


def _edges_the_quote_lacks(said: list[str], quoted: list[str]) -> tuple[int, int]:
    """How many of ``said``'s first and last units (words or characters) the quote does not have (none if that is all)."""
    ops = difflib.SequenceMatcher(a=said, b=quoted, autojunk=False).get_opcodes()
    front = ops[0][2] if ops and ops[0][0] == "delete" else 0
    back = len(said) - ops[-1][1] if ops and ops[-1][0] == "delete" and ops[-1][2] == len(said) else 0
    return (0, 0) if front + back >= len(said) else (front, back)


def _size(text: str) -> int:
    """Words, or for Chinese and Japanese characters / 2."""
    return len(tokens(text)) // 2 if is_cjk(text) else len(tokens(text))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """comparable(text), built piece by piece so that each folded character knows where it came from."""
    folded: list[str] = []
    offsets: list[int] = []
    ascii_words = ascii_words_of(text)  # the common case, folded in one pass: 3 times faster
    for match in re.finditer(r"\S+", text):
        piece = " ".join(ascii_words[match.start() : match.end()].split()) if ascii_words else comparable(match.group())
        if not piece:
            continue
        if folded and (ascii_words or not (is_cjk(piece[0]) and is_cjk(folded[-1]))):
            folded.append(" ")
            offsets.append(match.start())
        folded.extend(piece)
        start, end = match.start(), match.end()  # each folded character at its own place, the rest at the last
        offsets.extend(range(start, min(start + len(piece), end)))
        offsets.extend([end - 1] * (start + len(piece) - end))
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
