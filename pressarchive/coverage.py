"""Coverage stage: what each article of a briefing takes from the transcript and shares with the others.

For every briefing, its articles are aligned (align.py) with the transcript in their
language, split into items (transcript.py), and with one another; their quotes are
matched to the transcript (quotes.py). An article in a language no transcript of the
briefing is in is compared with the other coverage only, and says so. The result of a
briefing depends only on its transcripts and its articles, so it is kept in the build
cache under their digests: an edit re-aligns only its own briefing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from .align import Match, Prepared, candidate_pairs, shared_words, verbatim, weights
from .bodies import Bodies
from .briefing_words import BRIEFING_WORD
from .cache import CODE_VERSION, BuildCache
from .model import Article, Briefing, Site, Transcript
from .quotes import QuoteMatch, find_quotes, fold_with_offsets, match_quote
from .text import is_cjk, plain_text, tokens
from .transcript import Item, split_items
from .workers import in_shares

PARALLEL_BRIEFINGS = 100  # fewer briefings to align than this are aligned faster in one process than by forking
FORMULA_CHARACTERS = 20  # CJK characters besides a briefing's name that a report's formulaic opening holds
SHARED_PAIR = 0.0  # two articles "share text" when this share of one's text is aligned with the other
SYNDICATED = 0.6  # ... and are copies of one text (syndication) when this share of both is


@dataclass(frozen=True)
class TranscriptPassage:
    """A stretch of an article that reports a transcript item."""

    span: tuple[int, int]  # in the article's text
    item: int  # the item's number
    transcript_span: tuple[int, int]  # in the transcript's text
    method: str  # "verbatim" or "shared words"
    score: float


@dataclass(frozen=True)
class Quote:
    span: tuple[int, int]  # the quoted words, in the article's text
    text: str
    status: str  # "exact", "reworded", "partly in the transcript" (it stops within the quote), "not in the
    # transcript", or "not checked" (no transcript in its language)
    item: int | None
    transcript_span: tuple[int, int] | None
    score: float
    differences: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Sharing:
    """Text an article shares with another article of the same briefing."""

    other: str  # the other article's slug
    share: float  # of this article's text, in characters
    spans: tuple[tuple[int, int], ...]  # in this article's text
    other_spans: tuple[tuple[int, int], ...]  # in the other's


@dataclass(frozen=True)
class ArticleCoverage:
    slug: str
    language: str
    text_length: int
    transcript_status: str  # "aligned", "other language" (no transcript in its language) or "no transcript"
    transcript_language: str  # of the transcript it was aligned with, "" when none
    passages: tuple[TranscriptPassage, ...]
    quotes: tuple[Quote, ...]
    sharing: tuple[Sharing, ...]  # largest share first

    @property
    def items(self) -> tuple[int, ...]:
        return tuple(sorted({p.item for p in self.passages}))

    @property
    def share_from_transcript(self) -> float:
        covered = _union([p.span for p in self.passages])
        return covered / self.text_length if self.text_length else 0.0


@dataclass(frozen=True)
class TranscriptItems:
    transcript: Transcript
    items: tuple[Item, ...]


@dataclass(frozen=True)
class BriefingCoverage:
    briefing_id: str
    key: str  # changes whenever anything here would
    transcripts: tuple[TranscriptItems, ...]  # the main one (in the site's language, else the first) first
    articles: dict[str, ArticleCoverage]  # by slug, in the briefing's coverage order
    syndication: tuple[tuple[str, ...], ...]  # groups of articles that are copies of one text

    def anchor(self, number: int, language: str) -> str:
        """The id of an item on the briefing page: item-3 in the main transcript, item-3-zh in another."""
        main = self.transcripts[0].transcript.language if self.transcripts else language
        return f"item-{number}" if language == main else f"item-{number}-{language}"

    def for_article(self, slug: str) -> ArticleCoverage | None:
        return self.articles.get(slug)

    def transcripts_in(self, language: str) -> list[TranscriptItems]:
        """The transcripts held in ``language`` (an article's ``transcript_language``)."""
        return [t for t in self.transcripts if t.transcript.language == language]


@dataclass(frozen=True)
class Coverage:
    """Every briefing's coverage analysis, by briefing id."""

    briefings: dict[str, BriefingCoverage]
    analysed: int  # briefings aligned in this build (the others came from the cache)


def analyse_coverage(site: Site, bodies: Bodies, cache: BuildCache) -> Coverage:
    """Align every briefing's coverage, taking unchanged briefings' results from the cache."""
    results: dict[str, BriefingCoverage] = {}
    todo: list[Task] = []
    for briefing in site.briefings.values():
        articles = site.coverage[briefing.id]
        # (the site's language decides which transcript is the briefing page's main one)
        transcripts = site.transcripts[briefing.id]
        transcripts = tuple(sorted(transcripts, key=lambda t: (t.language != site.info.language, t.language)))
        key = coverage_key(briefing, articles, transcripts)
        cached = cache.coverage(key)
        if isinstance(cached, BriefingCoverage):
            results[briefing.id] = cached
        else:
            todo.append(Task(briefing, tuple(articles), transcripts, key))
    for share in in_shares(partial(_analyse, bodies), todo, cache, PARALLEL_BRIEFINGS):
        for found in share:
            cache.put_coverage(found.key, found)
            results[found.briefing_id] = found
    cache.keep_coverage({c.key for c in results.values()})
    return Coverage({b: results[b] for b in site.briefings}, len(todo))


TRANSLATION_WORDS = 40  # words of a CJK transcript's paragraphs in another script: a bilingual copy


@dataclass(frozen=True)
class Task:
    """A briefing to align: its coverage and transcripts, and the key its result is cached under."""

    briefing: Briefing
    articles: tuple[Article, ...]
    transcripts: tuple[Transcript, ...]
    key: str


def _analyse(bodies: Bodies, tasks: Sequence[Task]) -> list[BriefingCoverage]:
    return [analyse_briefing(t.briefing, t.articles, t.transcripts, bodies, t.key) for t in tasks]


def coverage_key(briefing: Briefing, articles: Sequence[Article], transcripts: Sequence[Transcript]) -> str:
    parts = [CODE_VERSION, briefing.id, briefing.spokesperson or "", *(t.digest for t in transcripts)]
    parts += [f"{a.slug}|{a.body_sha256}|{a.language}" for a in articles]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def analyse_briefing(
    briefing: Briefing, articles: Sequence[Article], transcripts: Sequence[Transcript], bodies: Bodies, key: str
) -> BriefingCoverage:
    split = tuple(TranscriptItems(t, split_items(t.text, briefing.spokesperson)) for t in transcripts)
    texts = {a.slug: plain_text(bodies.html(a.body_sha256)) for a in articles}
    prepared = {a.slug: Prepared(texts[a.slug], a.language) for a in articles}
    by_language = {t.transcript.language: t for t in split}
    held = list(by_language)  # the languages the archive holds a transcript in
    for t in split:  # a bilingual copy answers for its translation's language too, if no transcript does
        translated = _translation_language(t.transcript)
        if translated and translated not in by_language:
            by_language[translated] = t
    spoken = {language: Prepared(t.transcript.text, language) for language, t in by_language.items()}
    language_of = {a.slug: next((x for x in (_base(a.language), a.language) if x in by_language), "") for a in articles}
    # (rarity over the texts that can share words with a transcript: those in a transcript's language)
    aligned = [prepared[a.slug] for a in articles if language_of[a.slug]]
    weight = weights([*aligned, *(spoken[language] for language in held)]) if split else {}
    sharing = _sharing(articles, prepared, texts)
    results = {}
    folds: dict[str, tuple[str, list[int]]] = {}
    for article in articles:
        language = language_of[article.slug]
        transcript = by_language[language] if language else None
        status = "aligned" if transcript else ("other language" if split else "no transcript")
        quotes = _quotes(texts[article.slug], transcript, folds)
        passages: tuple[TranscriptPassage, ...] = ()
        if transcript is not None:
            said = spoken[language]
            matches = verbatim(prepared[article.slug], said)
            matches += shared_words(prepared[article.slug], said, _spoken_groups(said, transcript.items), weight)
            passages = tuple(p for m in matches if (p := _passage(m, transcript.items))) + _quoted(quotes)
        results[article.slug] = ArticleCoverage(
            slug=article.slug,
            language=article.language,
            text_length=len(texts[article.slug].strip()),
            transcript_status=status,
            transcript_language=transcript.transcript.language if transcript else "",  # (a bilingual copy's own)
            passages=tuple(sorted(passages, key=lambda p: (p.span, p.item))),
            quotes=quotes,
            sharing=sharing[article.slug],
        )
    return BriefingCoverage(briefing.id, key, split, results, syndication_groups(results))


def _translation_language(transcript: Transcript) -> str | None:
    """The language of a Chinese, Japanese or Korean transcript's translation, where the file is a
    bilingual copy (each turn followed by its translation: the ministry's "中英对照" reposts): its
    paragraphs without a CJK character, if they hold TRANSLATION_WORDS words and take turns with
    the CJK ones, by langdetect (importer/language.py)."""
    from .importer.language import alternating, detect_language  # here, not above: few transcripts are bilingual

    if _base(transcript.language) not in ("zh", "ja", "ko"):
        return None
    other = [p for p in transcript.text.split("\n\n") if p.strip() and not is_cjk(p)]
    if sum(len(p.split()) for p in other) < TRANSLATION_WORDS or not alternating(transcript.text):
        return None  # (one English statement quoted in a question is no translation)
    found = detect_language("\n\n".join(other))
    return _base(found) if found and _base(found) != _base(transcript.language) else None


def _spoken_groups(said: Prepared, items: tuple[Item, ...]) -> list[list[int]]:
    """Per item, its sentences that the spokesperson said (a question's own words are left out:
    they often restate an announcement, which an article may report without reporting the answer)."""
    groups = []
    for item in items:
        asked = item.paragraphs[0] if item.kind == "question" else None
        groups.append(
            [
                n
                for n, sentence in enumerate(said.sentences)
                if item.start <= sentence.start < item.end and not (asked and asked.start <= sentence.start < asked.end)
            ]
        )
    return groups


def _quoted(quotes: tuple[Quote, ...]) -> tuple[TranscriptPassage, ...]:
    """A quote found in the transcript is a passage that reports its item."""
    return tuple(
        TranscriptPassage(q.span, q.item, q.transcript_span, f"quote ({q.status})", q.score)
        for q in quotes
        if q.item is not None and q.transcript_span is not None and q.status in ("exact", "reworded")
    )


def _base(language: str) -> str:
    return language.split("-")[0]


def _passage(match: Match, items: tuple[Item, ...]) -> TranscriptPassage | None:
    """The match as a passage reporting the item it lies in; None for one in no item: the heading above the
    first ("中評社北京2月6日電／據外交部網站：...林劍主持例行記者會。全文如下：") is not what was said, and an article
    opening "2月6日,外交部发言人林剑主持例行记者会。" had been marked as reporting the last item (a user's review)."""
    start = match.b_span[0]
    item = next((i.number for i in items if i.start <= start < i.end + 1), None)
    return TranscriptPassage(match.a_span, item, match.b_span, match.method, match.score) if item else None


def _quotes(
    text: str, transcript: TranscriptItems | None, folds: dict[str, tuple[str, list[int]]]
) -> tuple[Quote, ...]:
    """The quotes in ``text``, matched to ``transcript``; ``folds`` keeps each transcript's folded text
    for the next article of its briefing (folding is most of the work)."""
    found = find_quotes(text)
    if transcript is None:
        return tuple(Quote((q.start, q.end), q.text, "not checked", None, None, 0.0, ()) for q in found)
    if not found:
        return ()
    language = transcript.transcript.language
    if language not in folds:
        folds[language] = fold_with_offsets(transcript.transcript.text)
    folded, offsets = folds[language]
    quotes = []
    for quote in found:
        matched = match_quote(quote.text, transcript.transcript.text, folded, offsets)
        quotes.append(_quote(quote.start, quote.end, quote.text, matched, transcript.items))
    return tuple(quotes)


def _quote(start: int, end: int, text: str, matched: QuoteMatch, items: tuple[Item, ...]) -> Quote:
    item = None
    if matched.transcript_span is not None:
        at = matched.transcript_span[0]
        item = next((i.number for i in items if i.start <= at < i.end + 1), None)
    return Quote((start, end), text, matched.status, item, matched.transcript_span, matched.score, matched.differences)


def _sharing(
    articles: Sequence[Article], prepared: dict[str, Prepared], texts: dict[str, str]
) -> dict[str, tuple[Sharing, ...]]:
    """For each article, the other articles it shares text with: verbatim or near-verbatim passages only."""
    shared: dict[str, list[Sharing]] = {a.slug: [] for a in articles}
    for n, m in candidate_pairs([prepared[a.slug] for a in articles]):
        first, second = articles[n], articles[m]
        text = texts[first.slug]
        matches = [
            m for m in verbatim(prepared[first.slug], prepared[second.slug]) if not _formula(text[slice(*m.a_span)])
        ]
        if not matches:
            continue
        mine = tuple(sorted({match.a_span for match in matches}))
        theirs = tuple(sorted({match.b_span for match in matches}))
        for slug, other, spans, other_spans in (
            (first.slug, second.slug, mine, theirs),
            (second.slug, first.slug, theirs, mine),
        ):
            length = len(texts[slug].strip()) or 1
            shared[slug].append(Sharing(other, round(_union(list(spans)) / length, 3), spans, other_spans))
    return {
        slug: tuple(sorted((s for s in found if s.share >= SHARED_PAIR), key=lambda s: (-s.share, s.other)))
        for slug, found in shared.items()
    }


def _formula(passage: str) -> bool:
    """Whether a shared Chinese or Japanese passage is only the way every report of a briefing opens
    ("12月10日，外交部发言人郭嘉昆主持例行记者会。"): a briefing's name with at most FORMULA_CHARACTERS other
    characters, its numbers left out. Two articles sharing it share nothing but their subject (a passage
    in other scripts is 40 characters at least, more than such a formula)."""
    if not is_cjk(passage) or not BRIEFING_WORD.search(passage):
        return False
    rest = [t for t in tokens(BRIEFING_WORD.sub(" ", passage)) if not t.isdigit()]
    return len(rest) <= FORMULA_CHARACTERS


def _union(spans: list[tuple[int, int]]) -> int:
    """How many characters the spans cover together."""
    covered, reach = 0, -1
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            covered += end - start
        reach = max(reach, end)
    return covered


def syndication_groups(articles: dict[str, ArticleCoverage]) -> tuple[tuple[str, ...], ...]:
    """Articles that are copies of one text: each shares SYNDICATED of its text with another of the group."""
    parent = {slug: slug for slug in articles}

    def root(slug: str) -> str:
        while parent[slug] != slug:
            parent[slug] = parent[parent[slug]]  # halve the path: a wire story republished 300 times stays cheap
            slug = parent[slug]
        return slug

    for slug, article in articles.items():
        for sharing in article.sharing:
            other = articles.get(sharing.other)
            back = next((s for s in other.sharing if s.other == slug), None) if other else None
            if sharing.share >= SYNDICATED and back is not None and back.share >= SYNDICATED:
                parent[root(slug)] = root(sharing.other)
    groups: dict[str, list[str]] = {}
    for slug in articles:
        groups.setdefault(root(slug), []).append(slug)
    return tuple(tuple(members) for members in groups.values() if len(members) > 1)
