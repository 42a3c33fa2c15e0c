"""Local alignment of texts, à la passim: candidate sentence pairs from a shingle index, then rapidfuzz.

Two texts are compared sentence by sentence. An inverted index of each sentence's
shingles (runs of SHINGLE consecutive tokens: words, or characters in Chinese and Japanese)
finds the few sentences of the other text worth comparing, so the cost grows with the
text, not with the product of the texts. Two kinds of match are kept:

* ``verbatim``: rapidfuzz's best partial alignment of the shorter sentence inside the
  longer (tolerant to punctuation, case and small edits) covers at least MIN_CHARS
  characters at a similarity of at least VERBATIM (sentences up to MAX_ALIGN_CHARS long);
  or, where the sentences differ around it, they share a run of at least MIN_RUN tokens
  word for word (longest_run);
* ``shared words`` (article and transcript only): two adjacent sentences of the article
  share with one item of the transcript content words worth at least SHARED_WORDS,
  each word weighing its rarity in the briefing's texts (1 for a word found in one
  sentence, less the more sentences hold it). This catches the light rewording of a
  translation of the same official text, and a paraphrase that keeps its facts.

Every kept match says how it was found and its score: nothing is aligned by guess.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from .text import Sentence, is_cjk, joined, token_spans, tokens, tokens_of_lines
from .text import sentences as split_sentences

VERBATIM = 85.0  # rapidfuzz similarity (0-100) of the aligned stretch
SAME_LENGTH = 0.9  # two sentences are compared whole (not by their best partial alignment) within this length ratio
MIN_CHARS = 40  # characters of folded text an aligned stretch must cover (CJK: a quarter of that)
SHARED_WORDS = 7.5  # rarity-weighted content words an article's two adjacent sentences share with an item
OWN_WORDS = 3.0  # of those, what it must share with an item and not with one that window shares more with
WINDOW = 2  # adjacent article sentences compared with an item as one
MAX_ALIGN_CHARS = 400  # longer sentences (a capture without punctuation) are compared by shared runs only:
# rapidfuzz's partial alignment grows with the cube of the length (7 ms at 1,000 characters)
MIN_RUN = 10  # tokens of a shared run of words (CJK: characters, twice as many)
SHINGLE = 3  # tokens in a sentence's shingles: random pairs of common words are shared too often to say anything
# A candidate sentence pair is aligned only if it shares enough shingles: a share of the shorter
# sentence's (at least 2) for rapidfuzz, and for a shared run of MIN_RUN tokens the shingles such a
# run holds. Random pairs of ordinary sentences share a shingle or two; copies share most.
MIN_SHARED = 0.2
MAX_CANDIDATES = 8  # sentences of the other text compared with each sentence, the most promising first
# Which articles of a briefing are worth aligning with each other (passim's candidate step):
LONG_SHINGLE = 5  # tokens in a shingle (CJK: twice as many characters); passim's n-grams are 5 long too
SMALL_BRIEFING = 40  # up to this many articles, candidates come from every pair's shingles compared at once
MAX_SHINGLE_TEXTS = 100  # a shingle in more texts than this pairs each of them only with its FIRST_HOLDERS
FIRST_HOLDERS = 3  # (in the briefing's order), so that 2,000 copies of one story cost 6,000 pairs, not 2 million
MAX_PARTNERS = 25  # texts aligned with each text, those sharing the most shingles first
STOPWORDS = frozenset(
    """a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it
    its may more no not of on or our over said says she so such than that the their them then there these they this
    those to under up was we were what when which while who will with would you your also about after all any before
    being both each just only other out same should through us will would le la les de des du et en un une el los
    las y del que der die das und den dem des ein eine""".split()
)
_TEXT_NUMBERS = itertools.count()  # tell apart the line-break tokens of texts (Prepared.long_shingles)


@dataclass(frozen=True)
class Match:
    """One sentence of text A aligned with one sentence of text B."""

    a: int  # index of the sentence in A
    b: int  # index of the sentence in B
    method: str  # "verbatim" or "shared words"
    score: float  # 0-1
    a_span: tuple[int, int]  # the aligned stretch, as offsets in A's text
    b_span: tuple[int, int]  # and in B's text


class Prepared:
    """A text's sentences with what comparing them needs, each computed when first needed: most texts
    share no long shingle with another (they are never split into sentences), and most briefings
    have no transcript."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self._folded: dict[int, str] = {}
        self._located: dict[int, tuple[tuple[str, int, int], ...]] = {}

    def folded(self, i: int) -> str:
        """comparable() of sentence i."""
        if i not in self._folded:
            self._folded[i] = joined(self.tokens[i])
        return self._folded[i]

    def located(self, i: int) -> tuple[tuple[str, int, int], ...]:
        """Sentence i's tokens, each with its offsets in the text."""
        if i not in self._located:
            sentence = self.sentences[i]
            spans = token_spans(sentence.text)
            self._located[i] = tuple((w, sentence.start + a, sentence.start + b) for w, a, b in spans)
        return self._located[i]

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(split_sentences(self.text, self.language))

    @cached_property
    def tokens(self) -> tuple[list[str], ...]:
        """The tokens of each sentence."""
        return tuple(tokens(sentence.text) for sentence in self.sentences)

    @cached_property
    def shingles(self) -> tuple[frozenset[tuple[str, ...]], ...]:
        """The shingles of each sentence."""
        return tuple(frozenset(zip(*(words[k:] for k in range(SHINGLE)), strict=False)) for words in self.tokens)

    @cached_property
    def all_shingles(self) -> frozenset[tuple[str, ...]]:
        """The shingles of every sentence."""
        return frozenset().union(*self.shingles)

    @cached_property
    def long_shingles(self) -> frozenset[tuple[str, ...]]:
        """The text's runs of LONG_SHINGLE tokens (CJK: twice as many) within a line: a sentence never
        crosses a line, and a run across two sentences only adds a candidate that alignment checks.

        Most texts are tokenized whole, each line break standing as a token of this text's own: the
        runs across a line that this adds hold it, so no other text shares them."""
        words = tokens_of_lines(self.text, next(_TEXT_NUMBERS))
        if words is not None:  # (no Chinese or Japanese: every line's runs are LONG_SHINGLE long)
            return frozenset(zip(*(words[k:] for k in range(LONG_SHINGLE)), strict=False))
        found: set[tuple[str, ...]] = set()
        for line in self.text.split("\n"):
            words = tokens(line)  # (the line decides, not its first word: "12月10日，外交部..." is Chinese)
            size = LONG_SHINGLE * 2 if is_cjk(line) else LONG_SHINGLE
            found.update(zip(*(words[k:] for k in range(size)), strict=False))
        return frozenset(found)

    @cached_property
    def content(self) -> tuple[frozenset[str], ...]:
        """The content tokens of each sentence."""
        return tuple(_content(words) for words in self.tokens)


def _content(words: list[str]) -> frozenset[str]:
    """Words that carry meaning: no stopwords or bare numbers; in Chinese and Japanese, character
    pairs (a single character is too common to say anything)."""
    found = {w for w in words if len(w) > 1 and w not in STOPWORDS and not w.isdigit()}
    if not "".join(words).isascii():  # (no character pairs to look for in ASCII text)
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
    common = a.all_shingles & b.all_shingles  # only these can pair sentences, and two texts share few
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)  # B's sentences holding each
    for j, shingles in enumerate(b.shingles):
        for shingle in shingles & common:
            holders[shingle].append(j)
    matches = []
    for number, shingles in enumerate(a.shingles):
        if not (held := shingles & common):
            continue  # (most sentences: no candidate to count)
        candidates = Counter(j for shingle in held for j in holders[shingle])
        ranked = sorted(candidates.items(), key=lambda c: (-c[1], c[0]))[:MAX_CANDIDATES]  # ties: B's first
        best = max(
            (m for j, shared in ranked if (m := _verbatim(a, number, b, j, shared))),
            key=lambda m: (m.score, -m.b),
            default=None,
        )
        if best is not None:
            matches.append(best)
    return matches


def candidate_pairs(texts: Sequence[Prepared]) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of ``texts`` that share a long shingle: at most MAX_PARTNERS per text, those
    sharing the most first, so a briefing of n articles costs about n alignments, not n squared."""
    shared: dict[int, Counter[int]] = defaultdict(Counter)
    if len(texts) <= SMALL_BRIEFING:  # every pair, each by one set intersection (in C)
        for i, j in itertools.combinations(range(len(texts)), 2):
            if count := len(texts[i].long_shingles & texts[j].long_shingles):
                shared[i][j] = shared[j][i] = count
    else:  # one inverted index
        index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for number, text in enumerate(texts):
            for shingle in text.long_shingles:
                index[shingle].append(number)
        for holders in index.values():
            if len(holders) <= MAX_SHINGLE_TEXTS:
                for i in holders:
                    shared[i].update(j for j in holders if j != i)
            else:  # a wire story carried by hundreds: each copy is compared with the first few to carry it
                first = holders[:FIRST_HOLDERS]
                for i in holders:
                    shared[i].update(j for j in first if j != i)
                    if i not in first:
                        for j in first:
                            shared[j][i] += 1
    pairs: set[tuple[int, int]] = set()
    for i, partners in shared.items():
        ranked = sorted(partners.items(), key=lambda item: (-item[1], item[0]))
        pairs.update((min(i, j), max(i, j)) for j, _ in ranked[:MAX_PARTNERS])
    return sorted(pairs)


def shared_words(a: Prepared, b: Prepared, groups: Sequence[Sequence[int]], weight: dict[str, float]) -> list[Match]:
    """For each group of B's sentences (a transcript item's spoken sentences), A's best window of
    WINDOW adjacent sentences if it shares SHARED_WORDS of rare content words with the group, of
    which OWN_WORDS are not words of a group that window shares more with (two announcements that
    open alike, "应中共中央政治局委员、外交部长王毅邀请…", are not both reported by a story of one)."""
    found = []  # (score, first and last sentence of A's window, the window's words, the group's words, group)
    for group in groups:
        said = frozenset().union(*(b.content[j] for j in group)) if group else frozenset()
        best, at = 0.0, -1
        for i in range(len(a.content)):
            window = frozenset().union(*a.content[i : i + WINDOW])
            score = _weighed(window & said, weight)
            if score > best:
                best, at = score, i
        if best >= SHARED_WORDS:
            last = min(at + WINDOW, len(a.sentences)) - 1
            found.append((best, at, last, frozenset().union(*a.content[at : last + 1]), said, group))
    kept: list[int] = []  # (decided best first: a match left out leaves out no other)
    for n in sorted(range(len(found)), key=lambda n: -found[n][0]):
        best, at, last, window, said, _ = found[n]
        if not any(
            found[k][0] > best
            and found[k][1] <= last
            and at <= found[k][2]
            and _weighed((window & said) - found[k][4], weight) < OWN_WORDS
            for k in kept
        ):
            kept.append(n)
    matches = []
    for best, at, last, window, _, group in (found[n] for n in sorted(kept)):
        j = max(group, key=lambda j: (_weighed(window & b.content[j], weight), -j))
        a_span = (a.sentences[at].start, a.sentences[last].end)
        b_span = (b.sentences[j].start, b.sentences[j].end)
        matches.append(Match(at, j, "shared words", round(best, 2), a_span, b_span))
    return matches


def _weighed(words: frozenset[str], weight: dict[str, float]) -> float:
    return math.fsum(weight.get(w, 1.0) for w in words)  # (exact: the same in any set order)


def _verbatim(a: Prepared, i: int, b: Prepared, j: int, shared: int) -> Match | None:
    """The match of sentence i of A with sentence j of B, which share ``shared`` shingles, if any."""
    cjk = is_cjk(a.sentences[i].text)
    # a run of MIN_RUN tokens (CJK: twice as many) holds that many tokens less SHINGLE - 1 shingles
    may_run = shared >= (MIN_RUN * 2 if cjk else MIN_RUN) - SHINGLE + 1
    if shared < max(2, MIN_SHARED * min(len(a.shingles[i]), len(b.shingles[j]))):
        return _shared_run(a, i, b, j) if may_run else None
    short, long = (a.folded(i), b.folded(j)) if len(a.folded(i)) <= len(b.folded(j)) else (b.folded(j), a.folded(i))
    minimum = MIN_CHARS // 4 if cjk else MIN_CHARS
    if not minimum <= len(short) <= MAX_ALIGN_CHARS:
        return _shared_run(a, i, b, j) if may_run else None
    whole_a = (a.sentences[i].start, a.sentences[i].end)
    whole_b = (b.sentences[j].start, b.sentences[j].end)
    # Whole sentences alike is the common case (a republished story) and much cheaper to test
    # than the best partial alignment; its score is then the one reported, where the two are as long
    # (else one holding the other, "有記者問，中方如何看待…" around "中方如何看待…", would score
    # below a near miss of the same length elsewhere, which the best partial alignment scores).
    alike = fuzz.ratio(short, long, score_cutoff=VERBATIM)
    if alike and len(short) >= SAME_LENGTH * len(long):
        return Match(i, j, "verbatim", round(alike / 100, 3), whole_a, whole_b)
    found = fuzz.partial_ratio_alignment(short, long, score_cutoff=VERBATIM)
    if found is None or found.src_end - found.src_start < minimum:
        if alike:  # alike as wholes, though no stretch of one lies in the other: words added here and there
            return Match(i, j, "verbatim", round(alike / 100, 3), whole_a, whole_b)
        return _shared_run(a, i, b, j) if may_run else None
    # Offsets are in the folded texts; the stretch is shown as the whole sentences it lies in.
    return Match(i, j, "verbatim", round(found.score / 100, 3), whole_a, whole_b)


def _shared_run(a: Prepared, i: int, b: Prepared, j: int) -> Match | None:
    """The longest run of tokens two sentences share word for word, if it is MIN_RUN tokens or more."""
    needed = MIN_RUN * 2 if is_cjk(a.sentences[i].text) else MIN_RUN
    if _folds_alike(a.sentences[i].text, b.sentences[j].text) and (
        _longest_shingle_run(a.tokens[i], b.shingles[j]) < needed - SHINGLE + 1
    ):
        return None  # (half the calls: cheaper than locating both sentences' tokens to find no run)
    ta, tb = a.located(i), b.located(j)
    if not ta or not tb:
        return None
    start_a, start_b, size = longest_run([w for w, _, _ in ta], [w for w, _, _ in tb])
    if size < needed:
        return None
    a_span = (ta[start_a][1], ta[start_a + size - 1][2])
    b_span = (tb[start_b][1], tb[start_b + size - 1][2])
    return Match(i, j, "verbatim", 1.0, a_span, b_span)


def _folds_alike(*texts: str) -> bool:
    """Whether tokens() (NFKC over a whole text) gives the tokens token_spans() (NFKC token by token) locates:
    always, but for compatibility characters that NFKC expands ("㍻" is "平成")."""
    return all(text.isascii() or unicodedata.is_normalized("NFKC", text) for text in texts)


def _longest_shingle_run(words: list[str], shingles: frozenset[tuple[str, ...]]) -> int:
    """How many consecutive shingles of ``words`` are in ``shingles``, at most: a run of n tokens that two
    sentences share holds n - SHINGLE + 1 such shingles, so this bounds the run longest_run can find."""
    best = run = 0
    for shingle in zip(*(words[k:] for k in range(SHINGLE)), strict=False):
        run = run + 1 if shingle in shingles else 0
        best = max(best, run)
    return best


def longest_run(a: list[str], b: list[str]) -> tuple[int, int, int]:
    """(start in a, start in b, length) of the longest run of tokens a and b share in order, the
    earliest in a, then in b, of the longest (difflib's find_longest_match, without its per-call
    index of every token: runs are grown from the positions where each token of a stands in b)."""
    where: dict[str, list[int]] = defaultdict(list)
    for q, word in enumerate(b):
        where[word].append(q)
    best = (0, 0, 0)
    ending: dict[int, int] = {}  # length of the shared run ending at each position of b, at a's last token
    for p, word in enumerate(a):
        grown = {}
        for q in where.get(word, ()):
            size = grown[q] = ending.get(q - 1, 0) + 1
            if size > best[2]:
                best = (p - size + 1, q - size + 1, size)
        ending = grown
    return best
