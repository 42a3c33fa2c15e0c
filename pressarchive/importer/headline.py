"""The headline: which line of the capture it is, its wrapped end, its repeats and variants, the masthead
above it and a section's label under it; and what reads as a headline or as prose."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..briefing_words import BRIEFING_WORD
from .dates import STORE_PREFIX, dates_in
from .debris import BYLINE, CHINESE_BYLINE, WIRE_DISPATCH
from .hosts import names_a_host
from .lines import BULLET, CJK, SENTENCE_FINAL, Line, Removal
from .outlet import dateline_agency

OTHER_LANGUAGE_HEADLINE = "the headline in another language"  # a bilingual page's: kept in `extra`

PAGE_LABEL_WORDS = 2  # words after the store's date that are a site's name or label, not a headline
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 25
HEADLINE_MIN_WORDS = 4  # "Ministry of Foreign Affairs" still passes; "Left Menu", "Close" do not
HEADLINE_MIN_CJK = 8
HEADLINE_VARIANT_EXTRA = 30  # "Headline - 23.10.2025, PRIME" repeats the headline with a date or outlet
SUBTITLE_WORDS = 4  # words after a colon that make the line a fuller headline, not the headline and its outlet
SUBTITLE_CJK = 10  # (CJK characters)
HEADLINE_SCAN = 8
VIDEO_LINK = re.compile(
    r"[(（【\[](?:動画|动画|视频|視頻|Video|영상)[)）】\]]", re.IGNORECASE
)  # "(動画)茂木外務大臣会見の様子"
# A wire's name after the headline: "...: FM spokesperson-Xinhua", "... - Reuters".
WIRE_SUFFIX = re.compile(r"(?<=\w)-(?:Xinhua|Reuters)$|\s+[-|–—]\s+(?:Xinhua|Reuters)$")
SITE_SUFFIX = r"\s+(?:www\.)?{host}$"  # the site's own host after the headline: "... en Irán klyoum.com"
AGENCY_DATELINE_REACH = 40  # characters from a line's start where a wire's dateline stands
HEADLINE_TAGLINE_MAX = 45  # characters: a shorter line may be the site's tagline, not the headline
# The byline a story prints under its headline: "By Jeremy Barr", "聯合報／ 記者陳宥菘／即時報導".
# A breadcrumb trail from the home page to the story, whose last step is its headline: "Home » Japan rejects ..."
CRUMB_TITLE = re.compile(
    r"(?:home|inicio|portada|accueil|startseite|главная|首页|首頁|ホーム)(?: [>›»] [^>›»\n]{1,40})* [>›»] (?P<title>[^>›»\n]{8,200})",
    re.IGNORECASE,
)
UNDER_HEADLINE_BYLINE = re.compile(rf"{BYLINE.pattern}|{CHINESE_BYLINE}|{WIRE_DISPATCH}")


def is_page_label(text: str) -> bool:
    cjk = len(CJK.findall(text))
    short = len(text.split()) <= PAGE_LABEL_WORDS and len(text) <= 24 if not cjk else cjk <= 4 and len(text) <= 6
    return short and not re.search(r"[.!?。！？]$", text)


def drop_headline(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """The headline, its repeats and variants ("Headline - 23.10.2025"), and the masthead lines above it."""
    dated = [r.line for r in removed if r.reason == "dateline" and not STORE_PREFIX.fullmatch(r.text)]
    bylines = [r.line for r in removed if UNDER_HEADLINE_BYLINE.fullmatch(r.text)]  # (removed as credits)
    crumbs = [m["title"].strip() for r in removed if (m := CRUMB_TITLE.fullmatch(r.text))]  # (removed as furniture)
    headline = choose_headline([(n, t.strip()) for n, t in lines if t.strip()], dated, bylines, crumbs)
    if headline is None:
        return lines
    kept: list[Line] = []
    above, under = True, False  # above the headline; on the first line under it
    for index, (number, line) in enumerate(lines):
        text = line.strip()
        wrapped = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        wraps = (above and continues_headline(text, wrapped)) or continues_title(text, wrapped)
        whole = _join_wrapped(text, wrapped) if wraps else text  # a hard-wrapped headline
        if whole == headline or _is_suffixed(text, headline):
            variant = text != headline and whole != headline  # "Headline - 23.10.2025, PRIME": not the title
            if whole != text:
                text = whole
                lines[index + 1] = (lines[index + 1][0], "")
            removed.append(Removal(number, text, "headline with a date or outlet" if variant else "headline"))
            above, under = False, True
        elif not above and _translated_title(headline, whole) and not kept_prose(kept):
            removed.append(Removal(number, whole, OTHER_LANGUAGE_HEADLINE))
            if whole != text:
                lines[index + 1] = (lines[index + 1][0], "")
        elif not above and _undated_repeat(headline, text):
            removed.append(Removal(number, text, "headline repeated without its date"))
        elif under and text and _is_section_label(text) and not BRIEFING_WORD.search(headline):  # a record's heading
            removed.append(Removal(number, text, "a section's label (under the headline)"))
        elif text and above:
            removed.append(Removal(number, text, "masthead (above the headline)"))
        else:
            kept.append((number, line))
        under = under and (not text or text == headline)
    return kept


def _is_section_label(text: str) -> bool:
    """A word or two alone right under the headline ("大国外交", "본문 요약", "Similar Posts"), not a list's
    item, a label for what follows ("Краткие тезисы:"), a dateline's place ("BEIJING") or credit
    ("【北京共同】"), or a spokesperson's name. (Under a briefing's record, such a line is its first
    heading: "質疑応答", "Greenland update".)"""
    return (
        is_page_label(text)
        and not BULLET.fullmatch(text)
        and not text.startswith("- ")
        and not (text.endswith((":", "：")) or text.isupper())
        and not BRACKETED.fullmatch(text)
        and not names_a_host(text)  # the person the article quotes ("Mao Ning"), not a section
    )


# A page's credit or stamp line names its source, editor or author under a label: never its headline.
# (At a line's start or after a stamp's digit, bar or space: not "消息来源：外交部回应", "《三体》作者：", "Open Source: ...".)
CREDIT_LABEL = re.compile(
    r"(?:^|(?<=[\d|｜\s]))(?:来源|來源|责任编辑|責任編輯|编辑|編輯|作者|出处|出處)\s*[:：]|^(?:Source|Editor|Author)\s*:"
)
BRACKETED = re.compile(r"[【〔\[(（].+[】〕\])）]")  # "【北京共同】", "〔中央社〕": a dateline's credit


def _undated_repeat(headline: str, text: str) -> bool:
    """A line that is the headline without the date it opens with: "外交部发言人林剑主持例行记者会" under
    "2025年11月14日外交部发言人林剑主持例行记者会"."""
    rest = headline[: len(headline) - len(text)].strip(" ,:-–—|")
    return len(text) >= HEADLINE_MIN_CJK and headline.endswith(text) and bool(rest) and bool(dates_in(rest, ()))


def continues_headline(headline: str, line: str) -> bool:
    """True if ``line``, right under ``headline``, is its wrapped end: it starts in lower case, and
    together they are still a headline ("...that would cut" / "staff and bureaus")."""
    return bool(line) and line[0].islower() and not is_prose(line) and looks_like_headline(f"{headline} {line}")


# The end of a transcript's wrapped title opens with its briefing: "主持例行记者会", "Regular Press Conference on".
TITLE_END = re.compile(rf"(?:主持|主持的)?(?:例行|regular\s+)?(?:{BRIEFING_WORD.pattern})", re.IGNORECASE)


def continues_title(title: str, line: str) -> bool:
    """True if ``line``, right under a transcript's ``title``, is its wrapped end, holding the briefing
    the title names ("2025年12月11日外交部发言人郭嘉昆" / "主持例行记者会", as the ministry's pages print
    it; "Foreign Ministry Spokesperson Guo Jiakun's" / "Regular Press Conference on December 11, 2025")."""
    joined = _join_wrapped(title, line) if title and line else ""
    unfinished = title.endswith(("'s", "’s")) or not dates_in(line, ())  # not a masthead over a whole title
    return (
        bool(joined)
        and unfinished
        and bool(TITLE_END.match(line) and not BRIEFING_WORD.search(title))
        and not re.search(r"[,.;:!?，。、；：！？]", title)  # a sentence wrapped in a paragraph is no title
        and bool(dates_in(joined, ()))
        and not is_prose(line)
        and looks_like_headline(joined)
    )


def _join_wrapped(first: str, end: str) -> str:
    """A wrapped line joined to its end: with a space, but none between two CJK characters."""
    return first + end if CJK.match(first[-1:]) and CJK.match(end[:1]) else f"{first} {end}"


def _translated_title(headline: str, text: str) -> bool:
    """A transcript's title in its other language, under the first: both name a briefing and the same day
    ("2026年1月7日外交部发言人毛宁 主持例行记者会" / "... Regular Press Conference on January 7, 2026")."""
    days = {d[0][:10] for d in dates_in(headline, ())}
    return (
        text != headline
        and bool(CJK.search(headline)) != bool(CJK.search(text))  # the other language: the other script
        and bool(days)
        and bool(BRIEFING_WORD.search(headline) and BRIEFING_WORD.search(text))
        and {d[0][:10] for d in dates_in(text, ())} == days
        and looks_like_headline(text)
    )


def kept_prose(kept: list[Line]) -> bool:
    """Whether a line of prose stands among ``kept`` (a translated title comes before the text)."""
    return any(is_prose(t.strip()) for _, t in kept)


def choose_headline(
    texts: list[tuple[int, str]], dated: list[int], bylines: Sequence[int] = (), crumbs: Sequence[str] = ()
) -> str | None:
    """The line that the page's breadcrumb trail ends on (``crumbs``: "Home » Japan rejects ..." over a
    "What's Hot" list of other stories), wherever it stands above the text; else, of the headline-like
    lines above the first prose line: the one right above the story's byline (a
    breaking-news list's headlines stand above it: udn.com), the one right above the page's summary
    ("... Мао Нин. РИА Новости, 08.01.2026"), one printed again below the text right above
    the subtitle next to the date, the one next to the printed date, one naming a briefing and its day ("... Regular Press Conference on September 30, 2025", under a
    site's banners), the one above a subtitle printed twice in a row, one printed twice, else the first that is longer than a site's tagline ("The
    Swiss voice in the world since 1935"), else the first. A video's line ("(動画)茂木外務大臣会見の様子")
    heads the page only when no other line could."""
    prose_at = next((i for i, (_, t) in enumerate(texts) if is_prose(t) or _is_sentence(t)), len(texts))
    crumbed = [  # (a section's name the trail ends on, printed as a heading, is no headline: a headline is longer)
        t
        for _, t in texts[:prose_at]
        if t in crumbs and looks_like_headline(t) and (len(t) >= HEADLINE_TAGLINE_MAX or len(CJK.findall(t)) >= 12)
    ]
    if crumbed:
        return crumbed[0]
    top = texts[: min(prose_at, HEADLINE_SCAN)]  # the headline stands above the text's first sentence
    if len(top) == len(texts):  # no prose below: nothing to head
        return None
    fits = [(n, t) for n, t in _with_wrapped_ends(top) if looks_like_headline(t)]
    fits = [(n, t) for n, t in fits if not VIDEO_LINK.match(t)] or fits  # "(VIDEO) ..." only when alone
    repeated = sorted({t for n, t in fits if [x for _, x in top].count(t) > 1}, key=len)
    distance = {t: min([abs(n - d) for d in dated] or [99]) for n, t in fits}
    near_date = [t for t in sorted(distance, key=lambda t: (distance[t], -len(t))) if distance[t] <= 2]
    first_full = [t for _, t in fits if len(t) >= HEADLINE_TAGLINE_MAX] + [t for _, t in fits]
    briefing_title = [t for _, t in fits if BRIEFING_WORD.search(t) and dates_in(t, ())]  # a transcript's own
    bylined = [t for n, t in fits if _right_above(n, bylines, texts)]
    # printed again below the text (its link among the page's others), right above the line next to the date,
    # and no tagline's length: that line is its subtitle ("Пекин отреагировал на…", "Китай уверяет…", the date)
    order = [n for n, _ in texts]
    prose_from = texts[prose_at][0] if prose_at < len(texts) else order[-1]
    at = {t: order.index(n) for n, t in fits}
    # the line right above the page's summary ("... Мао Нин. РИА Новости, 08.01.2026")
    described = [t for (_, t), (_, nxt) in zip(top, top[1:], strict=False) if t in at and DESCRIPTION_TAIL.search(nxt)]
    headed = [
        t
        for t, i in at.items()
        if near_date
        and len(t) >= HEADLINE_TAGLINE_MAX
        and at.get(near_date[0]) == i + 1
        and any(x == t and n > prose_from for n, x in texts)
    ]
    # a subtitle printed twice in a row under the headline (the page's standfirst and its description):
    # the line right above its first copy is the headline, when it is no shorter
    topped = [
        above
        for (_, above), (_, first), (_, second) in zip(top, top[1:], top[2:], strict=False)
        if first == second
        and first in repeated
        and above in at
        and above not in repeated
        and len(above) >= len(first) * 0.5
    ]
    chosen = bylined or described or headed or near_date or briefing_title or topped or repeated or first_full
    if not chosen:
        return None
    plain = [t for _, t in fits if _is_variant(chosen[0], t)]  # "Headline - 23.10.2025" printed next to "Headline"
    headline = plain[0] if plain else chosen[0]
    # a transcript's title over its translation (next to the date): the page's own is the first, the other is kept aside
    above = [t for (_, t), (_, below) in zip(top, top[1:], strict=False) if below == headline]
    return above[0] if above and _translated_title(above[0], headline) else headline


def _right_above(number: int, bylines: Sequence[int], texts: list[tuple[int, str]]) -> bool:
    """Whether line ``number`` stands right above one of ``bylines`` (line numbers), no other text between."""
    return any(number < b and not any(number < n < b for n, _ in texts) for b in bylines)


def _is_sentence(text: str) -> bool:
    """A sentence of a few words or characters ("2月5日,外交部发言人林剑主持例行记者会。"), not a label's full stop."""
    long_enough = len(text.split()) >= HEADLINE_MIN_WORDS or len(CJK.findall(text)) >= HEADLINE_MIN_CJK
    return long_enough and bool(SENTENCE_FINAL.search(text))


def _with_wrapped_ends(texts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines, each transcript title wrapped before its briefing word joined with its end."""
    joined: list[tuple[int, str]] = []
    for number, text in texts:
        if joined and joined[-1][0] == number - 1 and continues_title(joined[-1][1], text):
            joined[-1] = (joined[-1][0], _join_wrapped(joined[-1][1], text))
        else:
            joined.append((number, text))
    return joined


def _is_suffixed(line: str, headline: str) -> bool:
    """Whether ``line`` is ``headline``, or it with a short suffix that is not the rest of a longer
    title: a date or an outlet ("Headline - 23.10.2025, PRIME", "Headline | Outlet", "标题：新华网"),
    not a subtitle or the rest of a sentence after a colon or a comma ("外交部回应…联盟”:反对任何国家…", the
    story's fuller headline; "外交部：中方坚决反对…，敦促美方停止…"), which is text."""
    extra = line[len(headline) :]
    if not line.startswith(headline) or len(extra) > HEADLINE_VARIANT_EXTRA:
        return False
    rest = extra.lstrip()
    return not (rest[:1] in (":", "：", ",", "，") and _is_clause(rest[1:]))


def _is_clause(text: str) -> bool:
    """Whether ``text`` says something, as a subtitle does: SUBTITLE_WORDS words, or SUBTITLE_CJK Chinese,
    Japanese or Korean characters (an outlet's name or a date is shorter)."""
    return len(text.split()) >= SUBTITLE_WORDS or len(CJK.findall(text)) >= SUBTITLE_CJK


def _is_variant(line: str, headline: str) -> bool:
    """Whether ``line`` is ``headline`` with a date (and perhaps the outlet) after a separator:
    "Headline - 23.10.2025, PRIME", not "Live news - Kremlin rejects plan"."""
    extra = line[len(headline) :] if line.startswith(headline) and line != headline else ""
    return len(extra) <= HEADLINE_VARIANT_EXTRA and bool(re.match(r"\s*[-–—|,]\s.*\d", extra))


def is_prose(line: str) -> bool:
    """Too long for a headline, or a full sentence."""
    long_enough = len(line.split()) >= 8 or len(CJK.findall(line)) >= 20
    return len(line) > HEADLINE_MAX_CHARS or (bool(SENTENCE_FINAL.search(line)) and long_enough)


def without_site_name(headline: str, host: str | None) -> str:
    """The headline without the wire's name or the site's own host a page put after it (never another
    site's name: "China blocks access to x.com")."""
    headline = WIRE_SUFFIX.sub("", headline)
    site = (host or "").removeprefix("www.")
    return re.sub(SITE_SUFFIX.format(host=re.escape(site)), "", headline, flags=re.IGNORECASE) if site else headline


# A page's summary (its meta description) printed with its outlet and date after its last sentence.
DESCRIPTION_TAIL = re.compile(r"[.!?…]\s*(?:\|\s*|[^\W\d_][\w .«»\"-]{1,30},\s*)\d{2}\.\d{2}\.\d{4}$")
# A label a page prints before its headline: "标题:外交部回应中国春节出境游首选韩国".
TITLE_LABEL = re.compile(r"^(?:标题|標題|title|titre|título|titolo|заголовок)\s*[:：]\s*", re.IGNORECASE)


def without_title_label(headline: str) -> str:
    """The headline without the label a page printed before it ("标题:")."""
    return TITLE_LABEL.sub("", headline)


def looks_like_headline(line: str) -> bool:
    line = line.strip()
    cjk = len(CJK.findall(line))
    return (
        len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and (len(line.split()) >= HEADLINE_MIN_WORDS or cjk >= HEADLINE_MIN_CJK)
        and line.count(",") + line.count("，") + line.count("،") < 3  # (Arabic's comma too)
        and " | " not in line
        and not (line.isupper() and len(line.split()) > 1)
        and not BULLET.fullmatch(line)
        and not re.search(r"[.,;:!?…。！？：；，][\"”’」』]*$", line)  # "…以下是问答全文：" introduces what follows
        # a quote alone is no headline; one ending in a quoted phrase is ("…by claiming she ‘no longer mentioned
        # any specifics’", "...所谓“联盟”")
        and not re.fullmatch(r"[\"“‘].*(?<![\u3400-\u9fff])[\"”’]", line)
        and not re.search(r"\.(?:jpe?g|png|gif|webp|pdf)$", line, re.IGNORECASE)
        and not dateline_agency(line[:AGENCY_DATELINE_REACH])  # a lede under its wire's dateline
        and not CREDIT_LABEL.search(line)  # "2026-02-14 19:04:34 来源:参考消息网 责任编辑:刘天霖"
        and not DESCRIPTION_TAIL.search(line)  # "..., заявила ... Мао Нин. РИА Новости, 08.01.2026": the page's summary
    )
