"""Briefing assignment: which briefing does a new text cover?

Briefings are daily, so a text is compared only with the briefings of the days it
can be about (`days.briefing_days`): the day it names ("on December 10", "10日の記者会見",
"Wednesday's press conference"), else its publication day and the day before (coverage
published the next morning). Within that window every article (standing for its
briefing) and every briefing (its title and summary) is scored against the text:

    score = max(containment of word shingles, ANCHOR_WEIGHT x overlap of anchors,
                MATCH_THRESHOLD x longest shared passage / LONG_PASSAGE)

Shingles are pairs of consecutive content words (CJK text: consecutive characters);
containment = shared shingles / shingles of the smaller text, counted as at least
MIN_SHINGLES. A passage is a run of consecutive shingles both texts have, measured in
words (a CJK character counts as CJK_WORD of one): a long one is the same sentences, quoted
or copied, whatever else each text holds, so LONG_PASSAGE words reach the threshold even in an
article that is mostly about something else, or against a whole day's transcript. Anchors carry across languages: numbers other than years and days
(58.3, 66, 15%) and capitalised names (Guterres, Dujarric, Busan); overlap = shared
anchors / anchors of the smaller text, counted as at least MIN_ANCHORS. A briefing
scores as its best document. The importer assigns a briefing only at MATCH_THRESHOLD
or more, preferring the day the text names (or its publication day) over the day
before; below the threshold the text gets a briefing of its own, never the nearest.
Documents outside the window are never shingled, so an import into a large archive
costs what the few days around it hold.

A text with no date has no window: it is scored against the briefings of the host it names,
whatever their day (`choose_clear`). Without the day to tell consecutive briefings apart it is
assigned only to a clear winner: MATCH_THRESHOLD or more once what every text about the host says
is left out (its names, "press conference"), and UNDATED_MARGIN ahead of the host's next best
briefing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache, partial

from ..chinese import simplified
from .days import CALENDAR_WORDS

MATCH_THRESHOLD = 0.35
UNDATED_MARGIN = 0.1
UNDATED_TEXT_SHARE = MATCH_THRESHOLD / 2  # of an undated text's score, at least, from shared wording
ANCHOR_WEIGHT = 0.8
MIN_SHINGLES = 20
MIN_ANCHORS = 8
LONG_PASSAGE = 12  # words; the longest shared between coverage of different briefings in eval/import is 7
PASSAGE_LOOKUPS = 50  # runs looked up in the other text, longest first (most texts need one)
CJK_WORD = 1 / 3  # a CJK character as a share of a word (boilerplate of 32 characters is not a long passage)
STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it
    its itself may more most no not of on or our over said says she so some such than that the their them then there
    these they this those to too under up very was we were what when where which while who will with would you your
    also about after all any before being both each just like only other out own same should through us""".split()
)
CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
WORD = re.compile(rf"[{CJK}]|(?:(?![{CJK}])\w)+(?:['’](?:(?![{CJK}])\w)+)*")
CJK_CHAR = re.compile(f"[{CJK}]")
NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?%?")


@dataclass
class Doc:
    """One indexed text: an article or a briefing, the briefing it stands for and that briefing's day."""

    label: str  # e.g. "article articles/2025/12/x.md" or "briefing 2025-12-10-..."
    briefing_id: str
    day: date | None
    source: str | Callable[[], str]  # the text, or what reads it when first needed

    @cached_property
    def text(self) -> str:
        return self.source if isinstance(self.source, str) else self.source()

    @cached_property
    def shingles(self) -> frozenset[str]:
        return shingles(self.text)

    @cached_property
    def anchors(self) -> frozenset[str]:
        return anchors(self.text)


@dataclass(frozen=True)
class Candidate:
    briefing_id: str
    day: date | None
    score: float
    containment: float
    anchor_overlap: float
    passage: float  # words in the longest shared passage
    day_rank: int  # 0: the day the text names (or its publication day, or any day when undated); 1: the day before
    via: str
    passages: tuple[str, ...]

    @property
    def text_score(self) -> float:
        """The score without the anchors: what the texts share word for word."""
        return max(self.containment, min(1.0, MATCH_THRESHOLD * self.passage / LONG_PASSAGE))


def words(text: str) -> list[tuple[str, int, int]]:
    """Content words (single CJK characters) as (normalised word, start, end) in the text."""
    folded = unicodedata.normalize("NFKC", text)
    folded = simplified(folded)  # 發言人 and 发言人 alike
    found = []
    for match in WORD.finditer(folded):
        word = match.group().casefold().replace("’", "'")
        if word not in STOPWORDS and not word.isdigit():
            found.append((word, match.start(), match.end()))
    return found


def shingles(text: str) -> frozenset[str]:
    return _pairs(words(text))


def _pairs(ws: list[tuple[str, int, int]]) -> frozenset[str]:
    return frozenset(f"{a[0]} {b[0]}" for a, b in zip(ws, ws[1:], strict=False))


def anchors(text: str) -> frozenset[str]:
    """Numbers other than years and days, and capitalised names, as they would read in any language."""
    folded = unicodedata.normalize("NFKC", text)
    found = set()
    for number in NUMBER.findall(folded):
        value = number.replace(",", ".")
        is_year = re.fullmatch(r"(?:19|20)\d\d", value)
        is_day = value.isdigit() and int(value) <= 31
        if not (is_year or is_day):
            found.add(value)
    for word, start, _ in words(folded):
        if len(word) >= 4 and folded[start].isupper() and word not in CALENDAR_WORDS:
            found.add(word)
    return frozenset(found)


@dataclass
class Index:
    """The archive's documents by briefing day; each shingled only when a text of its days is matched."""

    docs: list[Doc] = field(default_factory=list)
    by_day: dict[date | None, list[Doc]] = field(default_factory=dict)

    def add(self, label: str, briefing_id: str, day: date | None, text: str | Callable[[], str]) -> None:
        doc = Doc(label, briefing_id, day, text)
        self.docs.append(doc)
        self.by_day.setdefault(day, []).append(doc)

    def forget(self, label: str) -> None:
        """Leave out the document ``label`` (an article being imported again)."""
        self.docs = [doc for doc in self.docs if doc.label != label]
        self.by_day = {day: [doc for doc in docs if doc.label != label] for day, docs in self.by_day.items()}

    def has_day(self, day: date) -> bool:
        return any(doc.label.startswith("briefing ") for doc in self.by_day.get(day, []))

    def candidates(
        self,
        text: str,
        days: list[date],
        limit: int | None = 5,
        ranked: bool = True,
        briefings: Collection[str] | None = None,
        common: str = "",
    ) -> list[Candidate]:
        """The best-scoring briefings of ``days`` for ``text`` (only ``briefings``, when given), best first.

        A briefing scores as its best document on the preferred day: the first of ``days`` it has
        documents on (any of them, unless ``ranked``). The shingles and anchors of ``common`` (what
        every text about these briefings says: the host's and spokesperson's names, "press
        conference") are no evidence, and are left out of the text's.
        """
        found = words(text)
        mine, my_anchors = _pairs(found) - shingles(common), anchors(text) - anchors(common)
        best: dict[str, tuple[int, tuple[float, float, float, float], Doc]] = {}  # briefing -> rank, _score, doc
        for position, day in enumerate(days):
            rank = position if ranked else 0
            for doc in self.by_day.get(day, []):
                if briefings is not None and doc.briefing_id not in briefings:
                    continue
                evidence = _score(found, mine, my_anchors, doc.shingles, doc.anchors, partial(joined, doc.text))
                held = best.get(doc.briefing_id)
                if held is None or (rank, -evidence[0]) < (held[0], -held[1][0]):
                    best[doc.briefing_id] = (rank, evidence, doc)
        best_first = sorted(best.items(), key=lambda item: (-item[1][1][0], item[1][0], item[0]))[:limit]
        return [  # passages only for those returned: finding them is most of a comparison's cost
            Candidate(
                briefing_id, doc.day, score, round(containment, 4), round(overlap, 4), round(passage, 1), rank,
                doc.label, shared_passages(text, found, doc.shingles),
            )
            for briefing_id, (rank, (score, containment, overlap, passage), doc) in best_first
        ]  # fmt: skip


def similarity(text: str, other: str, common: str = "") -> float:
    """The score of ``text`` against one other document, as Index.candidates gives it."""
    theirs, their_anchors = _features(other)
    return _score(words(text), *_features(text, common), theirs, their_anchors, partial(joined, other))[0]


@lru_cache(maxsize=64)  # one new document is compared with many waiting ones
def _features(text: str, common: str = "") -> tuple[frozenset[str], frozenset[str]]:
    return shingles(text) - shingles(common), anchors(text) - anchors(common)


@lru_cache(maxsize=64)
def joined(text: str) -> str:
    """The text's content words in order, each between spaces: a passage of another text is in it
    exactly when that passage's words are consecutive here too."""
    return f" {' '.join(word for word, _, _ in words(text))} "


def _score(
    ws: list[tuple[str, int, int]],
    mine: frozenset[str],
    my_anchors: frozenset[str],
    theirs: frozenset[str],
    their_anchors: frozenset[str],
    their_words: Callable[[], str],
) -> tuple[float, float, float, float]:
    """(score, containment, anchor overlap, longest shared passage in words) of a text (its words ``ws``,
    shingles ``mine`` and anchors) against another's shingles, anchors and words (``joined``, read only
    when the texts share shingles enough for a long passage)."""
    shared = mine & theirs
    containment = len(shared) / max(MIN_SHINGLES, min(len(mine), len(theirs)))
    overlap = len(my_anchors & their_anchors) / max(MIN_ANCHORS, min(len(my_anchors), len(their_anchors)))
    passage = longest_passage(ws, shared, their_words()) if len(shared) >= LONG_PASSAGE else 0.0
    score = max(containment, ANCHOR_WEIGHT * overlap, min(1.0, MATCH_THRESHOLD * passage / LONG_PASSAGE))
    return round(score, 4), containment, overlap, passage


def longest_passage(ws: list[tuple[str, int, int]], shared: frozenset[str], theirs: str) -> float:
    """The longest run of consecutive words of ``ws`` that stand consecutive in the other text too (its
    ``joined`` words), in words, a CJK character counting CJK_WORD: runs of shingles the other text
    holds somewhere, longest first, each kept only if the other text holds it whole."""
    runs: list[tuple[float, int, int]] = []
    start, length = 0, 0.0
    for i, (a, b) in enumerate(zip(ws, ws[1:], strict=False)):
        if f"{a[0]} {b[0]}" in shared:
            start, length = (i, 0.0) if length == 0 else (start, length)
            length += CJK_WORD if CJK_CHAR.match(a[0]) else 1
            runs.append((length, start, i + 1))
        else:
            length = 0.0
    for length, first, last in sorted(runs, key=lambda r: (-r[0], r[1]))[:PASSAGE_LOOKUPS]:
        if f" {' '.join(w for w, _, _ in ws[first : last + 1])} " in theirs:
            return length
    return 0.0


def choose(candidates: list[Candidate], day_taken: bool = False) -> Candidate | None:
    """The candidate to assign: at the threshold or above, the preferred day first, then the best score.

    When the preferred day already has a briefing (``day_taken``), the day before is not considered:
    consecutive days' briefings are never merged by nearness.
    """
    passing = [c for c in candidates if c.score >= MATCH_THRESHOLD and not (day_taken and c.day_rank > 0)]
    return min(passing, key=lambda c: (c.day_rank, -c.score, c.briefing_id)) if passing else None


def choose_clear(candidates: list[Candidate]) -> Candidate | None:
    """For a text without a date: the best candidate, if it reaches MATCH_THRESHOLD, leads the next
    best by UNDATED_MARGIN and shares wording with it (UNDATED_TEXT_SHARE by shingles or a passage:
    names alone recur in every day's coverage of a running story); otherwise none."""
    if not candidates or candidates[0].score < MATCH_THRESHOLD:  # candidates come best first
        return None
    if candidates[0].text_score < UNDATED_TEXT_SHARE:
        return None
    if len(candidates) > 1 and candidates[0].score - candidates[1].score < UNDATED_MARGIN:
        return None
    return candidates[0]


def shared_passages(
    text: str, ws: list[tuple[str, int, int]], theirs: frozenset[str], limit: int = 6
) -> tuple[str, ...]:
    """The runs of ``text`` (its words ``ws``) made of shingles the other document also has, longest first."""
    runs: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(zip(ws, ws[1:], strict=False)):
        if f"{a[0]} {b[0]}" not in theirs:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    spans = sorted(runs, key=lambda r: (-(r[1] - r[0]), r[0]))[:limit]
    folded = unicodedata.normalize("NFKC", text)  # where the words' offsets are
    return tuple(dict.fromkeys(" ".join(folded[ws[s][1] : ws[e][2]].split()) for s, e in spans))
