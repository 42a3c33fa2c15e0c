"""Briefing assignment: which existing briefing does a new text cover?

Every article (through its briefing) and every briefing (its title and summary)
is indexed by its word shingles: pairs of consecutive words once common words
are set aside, so "Universal Declaration of Human Rights" gives "universal
declaration", "declaration human", "human rights". An inverted index from
shingle to documents finds the candidates sharing at least one shingle, so a new
text is never compared with the whole archive. A candidate's score is

    containment x date factor

where containment = shared shingles / shingles of the smaller text (counted as at
least MIN_SHINGLES, so a short briefing title sharing "foreign ministry" does not
score as a full match), and the date
factor is 1 within a day of the briefing, falling linearly to 0 at a week, and
0.5 when either date is unknown. A briefing scores as its best document. The
importer assigns the best briefing when its score is at least MATCH_THRESHOLD.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

MATCH_THRESHOLD = 0.12
MIN_SHINGLES = 20
COMMON_SHARE = 0.2  # a shingle in more than this share of documents (and >= 20 of them) is ignored
STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it
    its itself may more most no not of on or our over said says she so some such than that the their them then there
    these they this those to too under up very was we were what when where which while who will with would you your
    also about after all any before being both each just like only other out own same should through us""".split()
)
WORD = re.compile(r"\w+(?:['’]\w+)*")


@dataclass(frozen=True)
class Doc:
    """One indexed text: an article or a briefing, and the briefing it stands for."""

    label: str  # e.g. "article content/articles/x.md" or "briefing 2025-12-10-..."
    briefing_id: str
    day: date | None
    shingles: frozenset[str]


@dataclass(frozen=True)
class Candidate:
    briefing_id: str
    score: float
    containment: float
    date_factor: float
    via: str
    passages: tuple[str, ...]


def words(text: str) -> list[tuple[str, int, int]]:
    """Content words as (normalised word, start, end) in the text."""
    folded = unicodedata.normalize("NFKC", text)
    found = []
    for match in WORD.finditer(folded):
        word = match.group().casefold().replace("’", "'")
        if word not in STOPWORDS and not word.isdigit():
            found.append((word, match.start(), match.end()))
    return found


def shingles(text: str) -> frozenset[str]:
    ws = words(text)
    return frozenset(f"{a[0]} {b[0]}" for a, b in zip(ws, ws[1:], strict=False))


def date_factor(a: date | None, b: date | None) -> float:
    if a is None or b is None:
        return 0.5
    apart = abs((a - b).days)
    return 1.0 if apart <= 1 else max(0.0, 1.0 - (apart - 1) / 6)


class Index:
    """Inverted index: shingle -> the documents holding it."""

    def __init__(self) -> None:
        self.docs: list[Doc] = []
        self.postings: dict[str, list[int]] = defaultdict(list)

    def add(self, label: str, briefing_id: str, day: date | None, text: str) -> None:
        doc = Doc(label, briefing_id, day, shingles(text))
        for shingle in doc.shingles:
            self.postings[shingle].append(len(self.docs))
        self.docs.append(doc)

    def candidates(self, text: str, day: date | None, limit: int = 5) -> list[Candidate]:
        """The best-scoring briefings for ``text``, best first."""
        mine = shingles(text)
        shared = self._shared_counts(mine)
        best: dict[str, Candidate] = {}
        for index, count in shared.items():
            doc = self.docs[index]
            containment = count / max(MIN_SHINGLES, min(len(mine), len(doc.shingles)))
            factor = date_factor(day, doc.day)
            score = round(containment * factor, 4)
            if doc.briefing_id not in best or score > best[doc.briefing_id].score:
                passages = shared_passages(text, doc.shingles)
                best[doc.briefing_id] = Candidate(
                    doc.briefing_id, score, round(containment, 4), round(factor, 4), doc.label, passages
                )
        return sorted(best.values(), key=lambda c: (-c.score, c.briefing_id))[:limit]

    def _shared_counts(self, mine: frozenset[str]) -> Counter[int]:
        too_common = max(20, COMMON_SHARE * len(self.docs))
        counts: Counter[int] = Counter()
        for shingle in mine:
            posting = self.postings.get(shingle, [])
            if len(posting) <= too_common:
                counts.update(posting)
        return counts


def shared_passages(text: str, theirs: frozenset[str], limit: int = 6) -> tuple[str, ...]:
    """The runs of ``text`` made of shingles the other document also has, longest first."""
    ws = words(text)
    runs: list[tuple[int, int]] = []
    for i, (a, b) in enumerate(zip(ws, ws[1:], strict=False)):
        if f"{a[0]} {b[0]}" not in theirs:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    spans = sorted(runs, key=lambda r: (-(r[1] - r[0]), r[0]))[:limit]
    return tuple(dict.fromkeys(" ".join(text[ws[s][1] : ws[e][2]].split()) for s, e in spans))
