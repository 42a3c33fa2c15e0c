"""Local alignment of texts, à la passim: candidate sentence pairs from a shingle index, then rapidfuzz.

Two texts are compared sentence by sentence. An inverted index of each sentence's
shingles (runs of SHINGLE consecutive tokens: words, or characters in Chinese and Japanese)
finds the few sentences of the other text worth comparing, so the cost grows with the
text, not with the product of the texts. Two kinds of match are kept:

* ``verbatim``: rapidfuzz's best partial alignment of the shorter sentence inside the
  longer (tolerant to punctuation, case and small edits) covers at least MIN_CHARS
  characters at a similarity of at least VERBATIM (sentences up to MAX_ALIGN_CHARS long);
  or, where the sentences differ around it, they share a run of at least MIN_RUN tokens
  word for word (difflib);
* ``shared words`` (article and transcript only): two adjacent sentences of the article
  share with one item of the transcript content words worth at least SHARED_WORDS,
  each word weighing its rarity in the briefing's texts (1 for a word found in one
  sentence, less the more sentences hold it). This catches the light rewording of a
  translation of the same official text, and a paraphrase that keeps its facts.

Every kept match says how it was found and its score: nothing is aligned by guess.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .text import Sentence, comparable, is_cjk, token_spans, tokens

VERBATIM = 85.0  # rapidfuzz similarity (0-100) of the aligned stretch
MIN_CHARS = 40  # characters of folded text an aligned stretch must cover (CJK: a quarter of that)
SHARED_WORDS = 7.5  # rarity-weighted content words an article's two adjacent sentences share with an item
WINDOW = 2  # adjacent article sentences compared with an item as one
MAX_ALIGN_CHARS = 400  # longer sentences (a capture without punctuation) are compared by shared runs only:
# rapidfuzz's partial alignment grows with the cube of the length (7 ms at 1,000 characters)
MIN_RUN = 10  # tokens of a shared run of words (CJK: characters, twice as many)
SHINGLE = 3  # tokens in a sentence's shingles: random pairs of common words are shared too often to say anything
MAX_CANDIDATES = 8  # sentences of the other text compared with each sentence, the most promising first
# Which articles of a briefing are worth aligning with each other (passim's candidate step):
LONG_SHINGLE = 3  # tokens in a shingle (CJK: twice as many characters)
MAX_SHINGLE_TEXTS = 100  # a shingle found in more texts than this says nothing (passim's max document frequency)
MAX_PARTNERS = 25  # texts aligned with each text, those sharing the most shingles first
STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it
    its may more no not of on or our over said says she so such than that the their them then there these they this
    those to under up was we were what when which while who will with would you your also about after all any before
    being both each just only other out same should through us will would le la les de des du et en un une el los
    las y del que der die das und den dem des ein eine""".split()
)


@dataclass(frozen=True)
class Match:
    """One sentence of text A aligned with one sentence of text B."""

    a: int  # index of the sentence in A
    b: int  # index of the sentence in B
    method: str  # "verbatim" or "shared words"
    score: float  # 0-1
    a_span: tuple[int, int]  # the aligned stretch, as offsets in A's text
    b_span: tuple[int, int]  # and in B's text


@dataclass(frozen=True)
class Prepared:
    """A text's sentences with what comparing them needs, computed once."""

    sentences: tuple[Sentence, ...]
    folded: tuple[str, ...]  # comparable() of each sentence
    words: tuple[tuple[tuple[str, int, int], ...], ...]  # each sentence's tokens, with offsets in the text
    content: tuple[frozenset[str], ...]  # content tokens of each sentence
    shingles: tuple[frozenset[str], ...]


def prepare(sentences: Sequence[Sentence]) -> Prepared:
    folded, located, content, shingles = [], [], [], []
    for sentence in sentences:
        words = tokens(sentence.text)
        folded.append(comparable(sentence.text))
        located.append(tuple((w, sentence.start + a, sentence.start + b) for w, a, b in token_spans(sentence.text)))
        content.append(_content(words))
        shingles.append(frozenset(" ".join(words[k : k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)))
    return Prepared(tuple(sentences), tuple(folded), tuple(located), tuple(content), tuple(shingles))


def _content(words: list[str]) -> frozenset[str]:
    """Words that carry meaning: no stopwords or bare numbers; in Chinese and Japanese, character
    pairs (a single character is too common to say anything)."""
    found = {w for w in words if len(w) > 1 and w not in STOPWORDS and not w.isdigit()}
    found |= {x + y for x, y in zip(words, words[1:], strict=False) if len(x) == len(y) == 1 and is_cjk(x + y)}
    return frozenset(found)


def weights(texts: Iterable[Prepared]) -> dict[str, float]:
    """Each content token's rarity over the sentences of ``texts``: 1 in one sentence, less in more."""
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        for words in text.content:
            counts.update(words)
            total += 1
    scale = math.log(1 + total) or 1.0
    return {word: math.log(1 + total / n) / scale for word, n in counts.items()}


def verbatim(a: Prepared, b: Prepared) -> list[Match]:
    """The sentences of A that B repeats verbatim or nearly, each with its best sentence of B."""
    index: dict[str, list[int]] = defaultdict(list)
    for number, shingles in enumerate(b.shingles):
        for shingle in shingles:
            index[shingle].append(number)
    matches = []
    for number, shingles in enumerate(a.shingles):
        candidates = Counter(j for shingle in shingles for j in index.get(shingle, ()))
        best = max(
            (m for j, _ in candidates.most_common(MAX_CANDIDATES) if (m := _verbatim(a, number, b, j))),
            key=lambda m: (m.score, -m.b),
            default=None,
        )
        if best is not None:
            matches.append(best)
    return matches


def candidate_pairs(texts: Sequence[Prepared]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of ``texts`` that share at least one long shingle, found with one inverted
    index over all of them: at most MAX_PARTNERS per text, so a briefing of n articles costs about
    n alignments, not n squared. Shingles in more than MAX_SHINGLE_TEXTS texts are ignored."""
    index: dict[str, list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        for shingle in _long_shingles(text):
            index[shingle].append(number)
    shared: dict[int, Counter[int]] = defaultdict(Counter)
    for holders in index.values():
        if 1 < len(holders) <= MAX_SHINGLE_TEXTS:
            for i in holders:
                shared[i].update(j for j in holders if j != i)
    pairs: set[tuple[int, int]] = set()
    for i, partners in shared.items():
        for j, _ in sorted(partners.items(), key=lambda item: (-item[1], item[0]))[:MAX_PARTNERS]:
            pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _long_shingles(text: Prepared) -> set[str]:
    found: set[str] = set()
    for words in text.words:
        tokens_ = [w for w, _, _ in words]
        size = LONG_SHINGLE * 2 if tokens_ and is_cjk(tokens_[0]) else LONG_SHINGLE
        found.update(" ".join(tokens_[k : k + size]) for k in range(len(tokens_) - size + 1))
    return found


def shared_words(a: Prepared, b: Prepared, groups: Sequence[Sequence[int]], weight: dict[str, float]) -> list[Match]:
    """For each group of B's sentences (a transcript item's spoken sentences), A's best window of
    WINDOW adjacent sentences if it shares SHARED_WORDS of rare content words with the group."""
    matches = []
    for group in groups:
        said = frozenset().union(*(b.content[j] for j in group)) if group else frozenset()
        best, at = 0.0, -1
        for i in range(len(a.content)):
            window = frozenset().union(*a.content[i : i + WINDOW])
            score = sum(weight.get(w, 1.0) for w in window & said)
            if score > best:
                best, at = score, i
        if best >= SHARED_WORDS:
            last = min(at + WINDOW, len(a.sentences)) - 1
            window = frozenset().union(*a.content[at : last + 1])
            j = max(group, key=lambda j: (sum(weight.get(w, 1.0) for w in window & b.content[j]), -j))
            a_span = (a.sentences[at].start, a.sentences[last].end)
            b_span = (b.sentences[j].start, b.sentences[j].end)
            matches.append(Match(at, j, "shared words", round(best, 2), a_span, b_span))
    return matches


def _verbatim(a: Prepared, i: int, b: Prepared, j: int) -> Match | None:
    short, long = (a.folded[i], b.folded[j]) if len(a.folded[i]) <= len(b.folded[j]) else (b.folded[j], a.folded[i])
    minimum = MIN_CHARS // 4 if is_cjk(short) else MIN_CHARS
    if not minimum <= len(short) <= MAX_ALIGN_CHARS:
        return _shared_run(a, i, b, j)
    whole_a = (a.sentences[i].start, a.sentences[i].end)
    whole_b = (b.sentences[j].start, b.sentences[j].end)
    # Whole sentences alike is the common case (a republished story) and much cheaper to test
    # than the best partial alignment; its score is then the one reported.
    alike = fuzz.ratio(short, long, score_cutoff=VERBATIM)
    if alike:
        return Match(i, j, "verbatim", round(alike / 100, 3), whole_a, whole_b)
    found = fuzz.partial_ratio_alignment(short, long, score_cutoff=VERBATIM)
    if found is None or found.src_end - found.src_start < minimum:
        return _shared_run(a, i, b, j)
    # Offsets are in the folded texts; the stretch is shown as the whole sentences it lies in.
    return Match(i, j, "verbatim", round(found.score / 100, 3), whole_a, whole_b)


def _shared_run(a: Prepared, i: int, b: Prepared, j: int) -> Match | None:
    """The longest run of tokens two sentences share word for word, if it is MIN_RUN tokens or more."""
    ta, tb = a.words[i], b.words[j]
    if not ta or not tb:
        return None
    matcher = difflib.SequenceMatcher(None, [w for w, _, _ in ta], [w for w, _, _ in tb], autojunk=False)
    run = matcher.find_longest_match(0, len(ta), 0, len(tb))
    needed = MIN_RUN * 2 if is_cjk(a.sentences[i].text) else MIN_RUN
    if run.size < needed:
        return None
    a_span = (ta[run.a][1], ta[run.a + run.size - 1][2])
    b_span = (tb[run.b][1], tb[run.b + run.size - 1][2])
    return Match(i, j, "verbatim", 1.0, a_span, b_span)
