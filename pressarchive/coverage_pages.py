"""What the coverage analysis shows on pages, as plain records the templates only loop over.

The briefing page gets its transcript item by item with who reported each, the matrix of
items by outlet, the publication timeline, copies of one text and the outlets that stayed
silent; the article page gets its body with passages marked, what it reports, what it
shares with other coverage and its quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from .bodies import Bodies
from .coverage import ArticleCoverage, BriefingCoverage, Quote, Sharing, TranscriptItems
from .coverage_stats import delay, roster, timeline
from .languages import language_name
from .marks import Mark, mark_passages
from .model import Article, Briefing, Site
from .text import body_text
from .transcript import LABEL, Item
from .urls import Urls, article_path, briefing_path, source_path

SHOWN_SHARE = 0.05  # an article page names the other articles it shares at least this share of its text with
MAX_SHARES = 10  # on an article page: a wire story republished 300 times shares with all the others


@dataclass(frozen=True)
class Link:
    text: str
    href: str


@dataclass(frozen=True)
class Turn:
    label: str  # the speaker as written, "" for a paragraph that continues a turn
    text: str


@dataclass(frozen=True)
class ItemView:
    anchor: str
    name: str  # "Q&A 2 (asked by CCTV)"
    turns: tuple[Turn, ...]
    reported_by: tuple[Link, ...]  # to each article's first passage reporting it


@dataclass(frozen=True)
class TranscriptView:
    language: str  # a name: "Chinese"
    lang: str  # the code, for lang=""
    url: str | None
    copy_found_at: str | None  # the site a copy was found on, when not the host's own (the importer says so)
    complete: bool | None
    note: str | None
    items: tuple[ItemView, ...]
    compared: int  # articles compared with it (those in its language, or one its bilingual copy answers for)
    not_compared: int  # the briefing's other articles: in other languages, never compared with it


@dataclass(frozen=True)
class MatrixRow:
    outlet: Link
    cells: tuple[bool, ...]  # one per item of the matrix's transcript


@dataclass(frozen=True)
class Matrix:
    language: str
    lang: str  # the code, for ids
    items: tuple[tuple[int, str, str], ...]  # (number, anchor, name: "Q&A 2 (asked by CCTV)")
    rows: tuple[MatrixRow, ...]

    @property
    def reported(self) -> bool:
        """Whether any article reports any of its items: a grid of nothing is said in a sentence instead."""
        return any(any(row.cells) for row in self.rows)


@dataclass(frozen=True)
class TimelineRow:
    outlet: Link
    published: str
    after: str
    carried_by: str  # the site that carried the outlet's copy when it is not the outlet's own (the importer's
    # `extra.platform`): its date is that site's, not the outlet's ("" for the outlet's own page)
    dated_by_carrier: bool = False  # the date is the one that site's page gave (the importer's `extra.date_source`)


CAPTURE_DATED = ("text ", "html ", "url ")  # an `extra.date_source` saying the capture gave the date


@dataclass(frozen=True)
class BriefingAnalysis:
    note: str  # what could be compared, said plainly
    transcripts: tuple[TranscriptView, ...]
    matrices: tuple[Matrix, ...]  # one per transcript an article is compared with
    not_compared: tuple[Link, ...]  # articles in a language no transcript held is in, "Al Jazeera (Arabic)"
    timeline: tuple[TimelineRow, ...]
    copies: tuple[tuple[Link, ...], ...]  # groups of articles that are one text
    silent: tuple[Link, ...]  # outlets that covered the host's previous briefings, not this one


def briefing_analysis(
    site: Site, urls: Urls, briefing: Briefing, report: BriefingCoverage, earlier: dict[str, tuple[str, ...]]
) -> BriefingAnalysis:
    articles = site.coverage[briefing.id]
    outlet = _outlet_links(site, urls, articles)
    anchors = {slug: _first_anchors(found) for slug, found in report.articles.items()}
    views = tuple(_transcript_view(t, report, outlet, anchors, urls) for t in report.transcripts)
    return BriefingAnalysis(
        note=_briefing_note(report, len(articles)),
        transcripts=views,
        matrices=_matrices(report, articles, outlet),
        not_compared=_not_compared(report, articles, outlet),
        timeline=tuple(
            TimelineRow(
                outlet[e.article.slug],
                e.article.date.display(),
                e.delay.text,
                str(e.article.extra.get("platform") or ""),
                str(e.article.extra.get("date_source") or "").startswith(CAPTURE_DATED),
            )
            for e in timeline(briefing, articles)
        ),
        copies=tuple(tuple(outlet[slug] for slug in group) for group in report.syndication),
        silent=tuple(Link(s.name, urls.link(source_path(s.id))) for s in roster(site, briefing, earlier)),
    )


def _briefing_note(report: BriefingCoverage, count: int) -> str:
    if count == 0:
        return "No coverage of this briefing yet."
    compared = "Each article is compared with the transcript in its language and with the other coverage."
    if not report.transcripts:
        compared = (
            "The archive holds no transcript of this briefing: the coverage is compared article with article only."
        )
    if count == 1:
        compared += " There is only one article, so there is no other coverage to compare it with."
    if any(t.transcript.complete is False for t in report.transcripts):
        compared += (
            " The archive holds part of the transcript only: what an article reports from the rest is not shown."
        )
    return compared


def _outlet_links(site: Site, urls: Urls, articles: tuple[Article, ...]) -> dict[str, Link]:
    return {a.slug: Link(site.sources[a.source_id].name, urls.link(article_path(a.slug))) for a in articles}


def _first_anchors(found: ArticleCoverage) -> dict[int, str]:
    """Each reported item's first passage anchor in the article."""
    anchors: dict[int, str] = {}
    for number, passage in enumerate(_shown_passages(found), start=1):
        anchors.setdefault(passage[2], f"passage-{number}")
    return anchors


def _transcript_view(
    split: TranscriptItems,
    report: BriefingCoverage,
    outlet: dict[str, Link],
    anchors: dict[str, dict[int, str]],
    urls: Urls,
) -> TranscriptView:
    transcript = split.transcript
    compared = [slug for slug, found in report.articles.items() if found.transcript_language == transcript.language]
    items = []
    for item in split.items:
        reporters = [
            Link(outlet[slug].text, f"{outlet[slug].href}#{anchors[slug][item.number]}")
            for slug in compared
            if item.number in anchors[slug]
        ]
        turns = tuple(_turn(transcript.text[p.start : p.end], p.label) for p in item.paragraphs)
        items.append(ItemView(report.anchor(item.number, transcript.language), item.title, turns, tuple(reporters)))
    return TranscriptView(
        _languages_held(report, transcript.language),
        transcript.language,
        transcript.url,
        str(transcript.extra["copy_found_at"]) if transcript.extra.get("copy_found_at") else None,
        transcript.complete,
        transcript.note,
        tuple(items),
        len(compared),
        len(report.articles) - len(compared),
    )


def _languages_held(report: BriefingCoverage, language: str) -> str:
    """A transcript's language, and that of the coverage a bilingual copy also answers for ("Chinese and English")."""
    base = language.split("-")[0]
    served = {f.language.split("-")[0] for f in report.articles.values() if f.transcript_language == language} - {base}
    return " and ".join([language_name(language), *(language_name(code) for code in sorted(served))])


def _turn(text: str, label: str) -> Turn:
    if not label:
        return Turn("", text)
    match = LABEL.match(text)
    return Turn(label, text[match.end() :] if match else text)


def _matrices(report: BriefingCoverage, articles: tuple[Article, ...], outlet: dict[str, Link]) -> tuple[Matrix, ...]:
    """Items by outlet, one matrix per transcript (the main one first: in the site's language, else the
    first), each with the articles compared with it."""
    matrices = []
    for split in report.transcripts:
        language = split.transcript.language
        numbers = tuple((i.number, report.anchor(i.number, language), i.name) for i in split.items)
        rows = tuple(
            MatrixRow(outlet[article.slug], tuple(n in found.items for n, _, _ in numbers))
            for article in articles
            if (found := report.articles[article.slug]).transcript_language == language
        )
        if rows:
            matrices.append(Matrix(_languages_held(report, language), language, numbers, rows))
    return tuple(matrices)


def _not_compared(report: BriefingCoverage, articles: tuple[Article, ...], outlet: dict[str, Link]) -> tuple[Link, ...]:
    """The articles in a language none of the briefing's transcripts is in, each with its language: said under the
    matrices, whichever transcripts there are (a user's review found them said nowhere when no article was in
    the main transcript's language)."""
    if not report.transcripts:
        return ()
    return tuple(
        Link(f"{outlet[a.slug].text} ({language_name(a.language)})", outlet[a.slug].href)
        for a in articles
        if not report.articles[a.slug].transcript_language
    )


# The article page ----------------------------------------------------------------

QUOTE_TRAILING = ",，、;；:： "
PARTLY = "partly in the transcript held, which stops within the quote"


@dataclass(frozen=True)
class QuoteView:
    text: str
    status: str
    item: Link | None
    differences: tuple[tuple[str, str], ...]
    times: int = 1  # the article quotes these words this many times, each found alike


@dataclass(frozen=True)
class ShareView:
    other: Link
    percent: int
    order: str  # "published 2 h earlier", "order not known"
    site: str = ""  # the host of the other article's URL, where it has one
    on: str = ""  # that host, said where two shares are with one outlet's articles


@dataclass(frozen=True)
class ArticleAnalysis:
    body_html: str  # with its passages marked
    note: str
    reports: tuple[Link, ...]  # the transcript items it reports, linked
    shares: tuple[ShareView, ...]  # the MAX_SHARES largest
    more_shares: int  # articles sharing text with it beyond those
    data_href: str  # the briefing's coverage.json, which lists them all
    quotes: tuple[QuoteView, ...]


def article_analysis(
    site: Site, urls: Urls, bodies: Bodies, article: Article, report: BriefingCoverage
) -> ArticleAnalysis:
    found = report.articles[article.slug]
    html = bodies.html(article.body_sha256)
    held = report.transcripts_in(found.transcript_language)
    items = {i.number: i for t in held for i in t.items}
    not_found = _not_found(held)
    page = urls.link(briefing_path(report.briefing_id))
    marks = [
        Mark(
            start,
            end,
            f"passage-{n}",
            f"reports {items[item].name} of the transcript",
            f"{page}#{report.anchor(item, found.transcript_language)}",
            items[item].name,
        )
        for n, (start, end, item) in enumerate(_shown_passages(found), start=1)
        if item in items
    ]
    shared = shown_shares(found)
    by_slug = {a.slug: a for a in site.coverage[report.briefing_id]}
    return ArticleAnalysis(
        body_html=mark_passages(html, body_text(html), marks) if marks else html,
        note=_article_note(found),
        reports=tuple(
            Link(items[n].name, f"{page}#{report.anchor(n, found.transcript_language)}")
            for n in found.items
            if n in items
        ),
        shares=_told_apart(tuple(_share(site, urls, article, by_slug[s.other], s.share) for s in shared[:MAX_SHARES])),
        more_shares=max(0, len(shared) - MAX_SHARES),
        data_href=urls.link(f"{briefing_path(report.briefing_id)}coverage.json"),
        quotes=_once_each(
            _quote_view(q, items, f"{page}#", not_found, report, found.transcript_language) for q in found.quotes
        ),
    )


def _once_each(quotes: Iterable[QuoteView]) -> tuple[QuoteView, ...]:
    """The quotes in order of first appearance, each shown once with how many times the article quotes it
    ("無核三原則" three times: one line, "3 times")."""
    counted: dict[QuoteView, int] = {}
    for quote in quotes:
        counted[quote] = counted.get(quote, 0) + 1
    return tuple(replace(quote, times=times) for quote, times in counted.items())


def shown_shares(found: ArticleCoverage) -> list[Sharing]:
    """The other articles an article page says it shares text with, largest share first; the page
    names the first MAX_SHARES and their outlets."""
    return [s for s in found.sharing if s.share >= SHOWN_SHARE]


def _shown_passages(found: ArticleCoverage) -> list[tuple[int, int, int]]:
    """The article's transcript passages as (start, end, item), overlaps merged into the first."""
    shown: list[tuple[int, int, int]] = []
    for passage in sorted(found.passages, key=lambda p: (p.span[0], -p.span[1])):
        start, end = passage.span
        if shown and start < shown[-1][1]:
            continue
        shown.append((start, end, passage.item))
    return shown


def _article_note(found: ArticleCoverage) -> str:
    if found.transcript_status == "other language":
        return f"The archive holds no transcript of this briefing in {language_name(found.language)}: this article is compared with the other coverage only."
    if found.transcript_status == "no transcript":
        return (
            "The archive holds no transcript of this briefing: this article is compared with the other coverage only."
        )
    if not found.passages:
        return "No passage of this article was found in the transcript the archive holds."
    return f"{round(found.share_from_transcript * 100)}% of its text is aligned with the transcript; marked passages link to the item they report."


def _share(site: Site, urls: Urls, article: Article, other: Article, share: float) -> ShareView:
    name = site.sources[other.source_id].name
    where = urlsplit(other.url).hostname if other.url else None
    return ShareView(
        Link(name, urls.link(article_path(other.slug))), round(share * 100), _order(article, other), where or ""
    )


def _told_apart(shares: tuple[ShareView, ...]) -> tuple[ShareView, ...]:
    """Shares with two articles of one outlet (Xinhua's copy on two sites) name each article's site: two
    lines "Shares 52% of its text with Xinhua's article" could not be told apart."""
    names = [s.other.text for s in shares]
    return tuple(replace(s, on=s.site) if names.count(s.other.text) > 1 else s for s in shares)


def _order(article: Article, other: Article) -> str:
    gap = delay(other.date, article.date)
    if gap.hours is not None:
        return (
            f"published {abs(gap.hours):g} h {'earlier' if gap.hours >= 0 else 'later'}"
            if gap.hours
            else "published at the same time"
        )
    if gap.days:
        return f"published {abs(gap.days)} day{'s' if abs(gap.days) != 1 else ''} {'earlier' if gap.days > 0 else 'later'}, by the dates as given"
    return "publication order not known"


def _not_found(held: list[TranscriptItems]) -> str:
    """What a quote not found in the ``held`` transcripts is said to be: "not in the transcript" (a possible
    misquote) only where the archive says it holds the whole of each."""
    if any(t.transcript.complete is False for t in held):
        return "not in the part of the transcript held"
    if any(t.transcript.complete is None for t in held):
        return "not in the transcript held (whether it is complete is not stated)"
    return "not in the transcript"


def _quote_view(
    quote: Quote, items: dict[int, Item], page: str, not_found: str, report: BriefingCoverage, language: str
) -> QuoteView:
    item = items.get(quote.item) if quote.item is not None else None
    link = Link(item.name, page + report.anchor(item.number, language)) if item else None
    status = {"not in the transcript": not_found, "partly in the transcript": PARTLY}.get(quote.status, quote.status)
    # (the comma a quotation closes on is the sentence's, not the speaker's: "…the family feels," not checked)
    return QuoteView(quote.text.rstrip(QUOTE_TRAILING), status, link, quote.differences)
