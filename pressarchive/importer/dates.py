"""Publication dates as a capture prints them, in its languages, and the date in a URL.

A date line is a line that is mostly a date: "Updated: December 10, 2025 21:50",
"Published: Dec 10, 2025 05:37 PM", "2025-12-18 00:13:00", "2025.12.12 21:19 GMT+8",
"2025年12月10日 15:30", "31 октября 2025 в 10:56", "「人民網日本語版」2025年10月31日",
or the store's " date 2025-10-29 " prefix. A date inside a sentence ("On December 10,
2025, at a regular press conference") is the briefing's, not the publication's, and
is not taken. Month names in any language are read by dateparser; numeric forms
by pattern. The time is kept when printed and the zone only when stated (a named
zone with one fixed offset, or an explicit offset).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ..briefing_words import BRIEFING_WORD
from .days import WEEKDAY_WORDS
from .hosts import hosts

VENUE = re.compile(r"於\s*[:：]?\s*\S{0,8}会見室")  # "於:本省会見室", at the ministry's press room (Japan's records)
DATE_LINE_REST_MAX = 45  # characters a date line may hold besides its dates and label
DATE_LINE_REST_CJK = 10  # a CJK headline after a date ("2025年10月30日外交部发言人...") is not a date line
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
SCAN_LINES = 15  # non-blank lines from the top where a publication date stands
STAMP_REACH = 10  # days an either-way slashed stamp may be before the store's date (a month off is a misreading)
STORE_DATE_REACH = 30  # days between the store's date and the one the page prints beyond which the page's is taken
LABELLED_SCAN_LINES = 40  # ... and where one labelled as the publication date stands
OPENING_STAMP_LINES = 3  # non-blank lines of the cleaned text where a timestamp may open one
OPENING_STAMP_REACH = 40  # characters from a line's start within which that timestamp ends
SENTENCE_MARK = re.compile(r"[.!?,;:。！？，、]")
# After a date, what makes it the moment a figure or ranking stands at, not a publication: "2022.08.01 00:00 기준"
AS_OF = re.compile(r"^\s*(?:기준|현재|時点|現在|as of)", re.IGNORECASE)
_LABEL_WORDS = (
    r"updated|published|posted|last updated|date|发布时间|發佈時間|时间|日期|更新|公開|配信|опубликовано|обновлено"
    r"|actualizado|publicado|publié|mis à jour|created|(?:haber )?(?:giriş|güncellenme|yayınlanma) tarihi"
)
LABEL = re.compile(rf"(?:{_LABEL_WORDS})\s*[:：]?\s*$", re.IGNORECASE)  # just before a date: it is the page's
LABELLED = re.compile(rf"(?:{_LABEL_WORDS})\s*[:：]", re.IGNORECASE)  # a line that opens so is a date line
# A date after a word and its preposition in a running phrase ("updates on", "happened on"): what the line
# speaks of happened then; the page's own stamp stands alone or under a label ("Published on" is one).
# ... unless a stamp's words stand before it: "Published 10:05 am on", "Last modified on", "Posted by staff on".
STAMP_WORDS = re.compile(rf"\b(?:{_LABEL_WORDS}|modified|by)\b|\b[ap]\.?m\.?\s+on\s*$", re.IGNORECASE)
RUNNING_PHRASE = re.compile(
    rf"(?<![\w-])(?!(?:{_LABEL_WORDS})\s)[a-z]{{2,}}\s+(?:on|of|for|from|since|until|before|after)\s*$"
)
TIME = r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?"
ZONE = r"(?P<zone>(?:GMT|UTC)\s*[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}\b|Z\b|(?:JST|KST|HKT|MSK|BJT|EDT|EST|UTC|GMT)(?![A-Za-z]))"
TAIL = rf"(?:(?:,?\s*(?:at|в|à|a las|um|-|\||/|[Hh]ora:?)?\s*|T){TIME})?(?:\s*\|?\s*\(?{ZONE}\)?)?"  # "19:10 (UTC+04:00)", "2025 | GMT +5"
SLASHED = re.compile(rf"(?<!\d)(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>20\d{{2}})(?!\d){TAIL}")  # 12/10/2025: _slashed
NUMERIC = [
    # the zone before the time: "2025-04-03 HKT 16:49" (RTHK)
    re.compile(
        rf"(?<!\d)(?P<y>20\d{{2}})(?P<sep>[-./])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})\s+"
        rf"(?P<zone>JST|KST|HKT|MSK|BJT|EDT|EST|UTC|GMT)\s+{TIME}"
    ),
    re.compile(rf"(?<!\d)(?P<y>20\d{{2}})(?P<sep>[-./])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?!\d){TAIL}"),
    re.compile(
        rf"(?P<y>20\d{{2}})\s*[年년]\s*(?P<m>\d{{1,2}})\s*[月월]\s*(?P<d>\d{{1,2}})\s*[日일]{TAIL}"
    ),  # and Korean
    SLASHED,
    re.compile(rf"(?<![\d.])(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>20\d{{2}})(?!\d){TAIL}"),  # 23.10.2025
    re.compile(rf"(?<![\d-])(?P<da>\d{{1,2}})-(?P<db>\d{{1,2}})-(?P<y>20\d{{2}})(?!\d){TAIL}"),  # 09-02-2026: _dashed
    # the time first: "17:25 23.02.2026" (RIA Novosti)
    re.compile(r"(?<![\d:])(?P<H>\d{1,2}):(?P<M>\d{2})\s+(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>20\d{2})(?!\d)"),
    # Japan's era years, as its government's pages print them: "令和7年11月25日(火曜日)16時46分" (Reiwa 1 is 2019)
    re.compile(
        r"令和\s*(?P<reiwa>\d{1,2}|元)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
        r"(?:\s*[（(][月火水木金土日](?:曜日?)?[）)])?(?:\s*(?P<H>\d{1,2})\s*時\s*(?P<M>\d{1,2})\s*分)?"
    ),
    # a clock in CJK: "2025年05月23日 17時52分" (Jiji), "2025년 5월 23일 17시 52분"
    re.compile(
        r"(?P<y>20\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일](?:\s*[（(][^()（）]{1,4}[)）])?"
        r"\s*(?P<H>\d{1,2})\s*[時时시]\s*(?P<M>\d{1,2})\s*[分분]"
    ),
    # the time first, then the ISO date: "15:58 2026-02-04 HKT" (Sing Tao), "19:08 UTC+8, 2025-06-13" (Shine)
    re.compile(
        rf"(?<![\d:])(?P<H>\d{{1,2}}):(?P<M>\d{{2}})\s+(?P<y>20\d{{2}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)(?:\s*{ZONE})?"
    ),
    re.compile(
        rf"(?<![\d:])(?P<H>\d{{1,2}}):(?P<M>\d{{2}})\s*{ZONE},?\s+(?P<y>20\d{{2}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d)"
    ),
    # an Arabic page's clock, morning (ص) or evening (م), then the day first: "11:37 ص 05/03/2026" (Masrawy)
    re.compile(
        r"(?<![\d:])(?P<H>\d{1,2}):(?P<M>\d{2})\s*(?P<ampm>ص|م)\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>20\d{2})(?!\d)"
    ),
    # a month's abbreviation between dashes: "16-Feb-2026 8:58 AM" (Indian pages)
    re.compile(rf"(?<![\w-])(?P<d>\d{{1,2}})-(?P<mon>[A-Za-z]{{3}})-(?P<y>20\d{{2}})(?!\d){TAIL}"),
]
LEADING_TIME = (  # "17:06 JST, November 2, 2025" (The Japan News)
    r"(?:(?P<lead>\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)(?:\s+(?P<lead_zone>JST|KST|MSK|BJT|EDT|EST|UTC|GMT))?,?\s+)?"
)
WORDS = re.compile(
    LEADING_TIME
    + r"(?P<words>(?:(?<!\d)\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?20\d{2})|(?:(?<![^\W\d_])[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+20\d{2}))"
    + TAIL
)
ARABIC_AMPM = {"ص": "am", "م": "pm"}  # صباحًا, مساءً
ENGLISH_MONTHS = {m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\.?"
ENGLISH_MDY = re.compile(rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>20\d{{2}})", re.IGNORECASE)
ENGLISH_DMY = re.compile(rf"(?P<d>\d{{1,2}})\.?\s+{_MONTH},?\s+(?P<y>20\d{{2}})", re.IGNORECASE)
AMERICAN_ZONES = frozenset({"EST", "EDT"})  # zones a page prints that say it is American (month first)
# Zone abbreviations that name more than one offset: the time is kept, its zone is not guessed.
AMBIGUOUS_ZONES = {
    "IST": "India +05:30, Ireland +01:00 or Israel +02:00",
    "CST": "China +08:00, or US Central -06:00",
    "BST": "British Summer Time +01:00 or Bangladesh +06:00",
    "PST": "US Pacific -08:00 or the Philippines +08:00",
    "AST": "Arabia +03:00 or Atlantic -04:00",
}
AMBIGUOUS_ZONE = re.compile(
    rf"\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*\(?(?P<zone>{'|'.join(AMBIGUOUS_ZONES)})(?![A-Za-z])"
)


def ambiguous_zone(line: str) -> str | None:
    """The zone abbreviation after a time in ``line`` that names more than one offset ("13:19 IST")."""
    found = AMBIGUOUS_ZONE.search(line)
    return found["zone"] if found else None


ZONES = {
    "JST": "+09:00",
    "KST": "+09:00",
    "HKT": "+08:00",
    "MSK": "+03:00",
    "BJT": "+08:00",
    "EDT": "-04:00",
    "EST": "-05:00",
}
URL_DATE = re.compile(r"(?<!\d)(20\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
# A timestamp id: YYYYMMDDHHMM and more digits (asiae.co.kr's 2025103017134859838), the clock checked too.
URL_STAMP = re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d")
# A path's folders without leading zeros: "/news/2025/9/18/1360728.html" (vz.ru).
URL_FOLDERS = re.compile(r"/(20\d{2})/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/")
# La Nación's (lanacion.com.ar) article ids end on the day, day first: "...-nid19082025/".
URL_NID = re.compile(r"-nid(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(20\d{2})/?(?:[?#].*)?$")
FULL_MONTHS = "january february march april may june july august september october november december".split()
URL_WORDS = re.compile(rf"(?<![a-z])({'|'.join(FULL_MONTHS)})[-_](\d{{1,2}})[-_,]+(20\d{{2}})(?!\d)", re.IGNORECASE)
SHORT_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?", re.IGNORECASE)
# An embedded post's signature: "— China Xinhua Español (@XHespanol) May 23, 2025" is the post's date.
EMBEDDED_POST = re.compile(r"[—–]\s*[^\n]{1,80}\(@\w{1,30}\)")
STORE_PREFIX = re.compile(r"\s*date (\d{4}-\d{2}-\d{2})(?:\s+|$)")
STORE_MONTH = re.compile(r"\s*date (\d{4}-\d{2})(?:\s+|$)")  # the store's date to the month only: no day to take


@dataclass(frozen=True)
class Printed:
    iso: str  # "2025-12-10", "2025-12-10T21:50" or "2025-12-10T21:50+09:00"
    line: str  # the line as the capture prints it


def date_lines(lines: list[str], languages: tuple[str, ...] = ()) -> list[Printed]:
    """The date lines among the first SCAN_LINES non-blank lines, in order; a labelled one ("Haber Giriş
    Tarihi: 13.01.2026 14:06") below a long menu counts within LABELLED_SCAN_LINES."""
    found = []
    for number, line in enumerate([x.strip() for x in lines if x.strip()][:LABELLED_SCAN_LINES]):
        if number >= SCAN_LINES and not LABELLED.match(line):
            continue
        if prefix := STORE_PREFIX.match(line):
            found.append(Printed(prefix[1], f"date {prefix[1]}"))
            continue
        dates = [] if EMBEDDED_POST.search(line) else dates_in(line, languages)
        if dates and _mostly_dates(line, dates):
            found.append(Printed(max(dates, key=lambda d: (len(d[0]), -d[1]))[0], line))
    return found


def opening_stamp(text: str) -> Printed | None:
    """A numeric date with its time at the start of one of the text's first lines, after at most a
    short name, on a page flattened into long lines ("毎日新聞 2025/11/10 12:59(最終更新 ...) 449文字
    ポスト..."): prose names a day in words, not so."""
    for line in [x.strip() for x in text.split("\n") if x.strip()][:OPENING_STAMP_LINES]:
        for pattern in NUMERIC:
            match = pattern.search(line, 0, OPENING_STAMP_REACH)
            if match and match["H"] and not SENTENCE_MARK.search(line, 0, match.start()):
                day = _numeric(match)
                if day and "T" in day:
                    return Printed(day, line[: match.end()])
    return None


# A dateline opening the first paragraph: "Beijing/Washington, October 13, 2025 – In a sharp escalation",
# "WASHINGTON, Oct. 13, 2025 /PRNewswire/ --": its place, its date with the year, then a dash or a slash.
OPENING_DATELINE = re.compile(
    r"(?!(?:On|In|At|By|From|Since|Until|Before|After)\b)"  # (a lead's "On Monday, October 13, 2025 -" is no dateline)
    r"(?P<place>[^\W\d_][\w .'/()-]{0,40}?),\s*(?P<date>[^–—/]{4,30}?\d{4})\s*(?:[–—-]{1,2}|/[A-Za-z]+/)"
)


def opening_dateline(text: str) -> Printed | None:
    """The date of a dateline opening one of the text's first lines, printed with its year ("Beijing/Washington,
    October 13, 2025 – ..."): the day the story was filed, as the page gives no other."""
    for line in [x.strip() for x in text.split("\n") if x.strip()][:OPENING_STAMP_LINES]:
        match = OPENING_DATELINE.match(line)
        if match and (found := date_lines([match["date"]])) and found[0].iso[:10] == found[0].iso:
            return Printed(found[0].iso, line[: match.end("date")])
    return None


def publication_date(lines: list[str], languages: tuple[str, ...] = ()) -> Printed | None:
    """The first date line, or a more precise one printed for the same day (of those stamping the same
    minute, the one that says most: its seconds and zone)."""
    found = date_lines(lines, languages)
    if not found:
        return None
    found = [_slash_order(p, found[:n] + found[n + 1 :], languages) for n, p in enumerate(found)]
    if STORE_PREFIX.match(found[0].line) and (
        _all_far_from(found[0], found[1:]) or _stamped_before(found[0], found[1:])
    ):
        found = found[1:]  # the page's own dates: all far from the store's for it, or its stamp before it
    precise = [p for p in found if "T" in p.iso and p.iso[:10] == found[0].iso[:10]]
    if "T" in found[0].iso or not precise:
        return found[0]
    same_minute = [p for p in precise if p.iso[:16] == precise[0].iso[:16]]  # "14:44 10.02.2026", then with its zone
    return max(same_minute, key=lambda p: len(p.iso))


def _all_far_from(stored: Printed, printed: list[Printed]) -> bool:
    """Whether the page prints dates and every one is more than STORE_DATE_REACH days from the store's date
    for it (" date 2024-11-01" over "Beijing (AFP) Feb 10, 2026"): then the page's own date is taken. One
    near it ("Published: January 13", then "Updated: March 20") keeps the store's."""
    day = date.fromisoformat(stored.iso[:10])
    return bool(printed) and all(abs((date.fromisoformat(p.iso[:10]) - day).days) > STORE_DATE_REACH for p in printed)


def _stamped_before(stored: Printed, printed: list[Printed]) -> bool:
    """Whether the page prints one day, before the store's date for it, with its time (" date 2025-10-20
    13/10/2025 16:19"): the page's stamp of its publication, the store's date a later visit's or edit's.
    A stamp after the store's date may be an update's ("Updated: March 20"), and one more than STAMP_REACH
    days before it a misreading ("09/10/2025" month first on a day-first page); the store's is kept then."""
    days = {date.fromisoformat(p.iso[:10]) for p in printed}
    if len(days) != 1 or not any("T" in p.iso for p in printed):
        return False
    before = (date.fromisoformat(stored.iso[:10]) - days.pop()).days
    reach = STAMP_REACH if any(_either_way(SLASHED.search(p.line)) for p in printed) else STORE_DATE_REACH
    return 0 < before <= reach


def _either_way(slashed: re.Match[str] | None) -> bool:
    """Whether a slashed date ("09/10/2025") reads as a day either way: both numbers could be the month."""
    return slashed is not None and int(slashed["a"]) <= 12 and int(slashed["b"]) <= 12 and slashed["a"] != slashed["b"]


def _slash_order(printed: Printed, others: list[Printed], languages: tuple[str, ...]) -> Printed:
    """``printed`` read day first instead, when it is an ambiguous "09/02/2026" (both numbers could be the
    month) and either another date the page prints is that day, or the page is in a language other
    than English and none is the month-first day (a platform's English furniture prints "11/05/2025"
    over a Spanish text, with "2025-11-05 22:07" below it)."""
    match = SLASHED.search(printed.line)
    if match is None or not _either_way(match):
        return printed
    day_first = f"{match['y']}-{int(match['b']):02d}-{int(match['a']):02d}"
    stated = {p.iso[:10] for p in others}
    if day_first in stated or (printed.iso[:10] not in stated and languages and "en" not in languages):
        return Printed(day_first + printed.iso[10:], printed.line)
    return printed


FILE_PHOTO_DAYS = 7  # days before publication beyond which a caption's dated photo is a file photo


def file_photo(caption: str, published: date | None) -> bool:
    """Whether ``caption`` dates its photo (with its year) more than FILE_PHOTO_DAYS before ``published``
    ("2025年8月28日，外交部發言人郭嘉昆在北京主持例行記者會。（中國外交部官網）" on 25 September): a file photo,
    whose event, briefing or day is not the article's. On an undated page (``published`` None) any photo
    dated with its year may be one: nothing tells them apart."""
    for iso, _, _ in dates_in(caption, ()):
        try:
            day = date.fromisoformat(iso[:10])
        except ValueError:
            continue
        if published is None or (published - day).days > FILE_PHOTO_DAYS:
            return True
    return False


def dates_in(line: str, languages: tuple[str, ...]) -> list[tuple[str, int, int]]:
    """Every date in ``line`` as (ISO text, start, end)."""
    found = []
    for pattern in NUMERIC:
        for match in pattern.finditer(line):
            day = _numeric(match)
            if day:
                found.append((day, match.start(), match.end()))
    for match in WORDS.finditer(line):
        if any(s <= match.start() < e for _, s, e in found):
            continue
        day = _words(match, languages)
        if day:
            found.append((day, match.start(), match.end()))
    return found


PAGE_CREDITS = re.compile(r"(?:来源|來源|责任编辑|責任編輯|编辑|編輯|作者)\s*[:：]\s*[^\s:：]{1,20}")


def _mostly_dates(line: str, dates: list[tuple[str, int, int]]) -> bool:
    rest, cut = "", 0
    for _, start, end in sorted(dates, key=lambda d: d[1]):
        if start >= cut:
            rest, cut = rest + line[cut:start] + " ", end
    before_first = line[: min(d[1] for d in dates)]
    if AS_OF.match(line[max(d[2] for d in dates) :]):
        return False  # "2022.08.01 00:00 기준": a ranking's time, over a page published years later
    rest = (rest + line[cut:]).strip(" |[]()【】「」-–—·,")
    if LABEL.search(before_first):
        return True
    if RUNNING_PHRASE.search(before_first) and not STAMP_WORDS.search(before_first):
        return False  # "Iran-Israel war: Follow LIVE updates on March 19, 2026": a link to other news of the day
    rest = VENUE.sub("", rest)  # where it was held says nothing of what the line is
    # nor the page's source and editor: "2026-02-14 19:04:34 来源:参考消息网 责任编辑:刘天霖"
    rest = PAGE_CREDITS.sub("", rest).strip()
    if BRIEFING_WORD.search(rest) or any(host.names.search(rest) for host in hosts()):
        return False  # a briefing's title: "Regular Press Conference on November 18, 2025", "2025年11月18日外交部发言人毛宁"
    return len(rest) <= DATE_LINE_REST_MAX and len(CJK.findall(rest)) <= DATE_LINE_REST_CJK


def _numeric(match: re.Match[str]) -> str | None:
    found = match.groupdict()
    reiwa = found.get("reiwa")
    year = int(found["y"]) if reiwa is None else 2018 + (1 if reiwa == "元" else int(reiwa))
    if "a" in found:
        month, day_number = _slashed(match)
    elif "da" in found:
        month, day_number = _dashed(match)
    elif "mon" in found:
        month, day_number = ENGLISH_MONTHS.get(found["mon"].lower(), 0), int(match["d"])
    else:
        month, day_number = int(match["m"]), int(match["d"])
    try:
        day = datetime(year, month, day_number)
    except ValueError:
        return None
    return _with_time(day.date().isoformat(), match)


def _dashed(match: re.Match[str]) -> tuple[int, int]:
    """(month, day) of "a-b-2026": day first, as India and Europe print it ("09-02-2026 13:06 IST"), unless
    an American zone follows and ``a`` can be a month ("02-10-2026 08:15 AM EST")."""
    a, b = int(match["da"]), int(match["db"])
    american = (match.groupdict().get("zone") or "").upper() in AMERICAN_ZONES
    return (a, b) if american and a <= 12 else (b, a)


def _slashed(match: re.Match[str]) -> tuple[int, int]:
    """(month, day) of "a/b/2025": day first when ``a`` cannot be a month ("16/10/2025", Hong Kong's
    order), else month first, as American pages and platforms write it ("11/05/2025 | Press release"
    over a Spanish text: the text's language does not tell the page's order)."""
    a, b = int(match["a"]), int(match["b"])
    return (b, a) if a > 12 else (a, b)


def _words(match: re.Match[str], languages: tuple[str, ...]) -> str | None:
    parsed = _parse_words(match["words"].rstrip(",."), languages)
    if parsed is None:
        return None
    iso = _with_time(parsed, match)
    if "T" not in iso and match["lead"]:
        iso = f"{parsed}T{_clock(match['lead'])}{_offset(match['lead_zone'] or match['zone'])}"
    return iso


@lru_cache(maxsize=1024)
def _parse_words(text: str, languages: tuple[str, ...]) -> str | None:
    """'Dec 10, 2025', '10 December 2025' in English by pattern; any other language by dateparser."""
    english = _english(text)
    if english:
        return english
    import dateparser  # here: loading its language data takes about a second

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    try:
        moment = dateparser.parse(text, languages=list(languages) or None, settings=settings)
        if moment is None and languages:
            moment = dateparser.parse(text, settings=settings)
    except (ValueError, OverflowError):
        return None
    # dateparser reads more than dates ("25 week 2025" became 14 June 2026, "Fri 10, 2025" 10 October):
    # the printed day and year must hold, and the word between them must be no weekday
    day, year = re.search(r"(?<!\d)\d{1,2}(?!\d)", text), re.search(r"20\d{2}", text)
    if moment is None or not day or not year or (moment.day, moment.year) != (int(day.group()), int(year.group())):
        return None
    if any(pattern.search(text) for pattern in WEEKDAY_WORDS) or SHORT_WEEKDAY.search(text):
        return None
    return str(moment.date().isoformat())


def _english(text: str) -> str | None:
    match = ENGLISH_MDY.fullmatch(text) or ENGLISH_DMY.fullmatch(text)
    if not match:
        return None
    try:
        return datetime(int(match["y"]), ENGLISH_MONTHS[match["month"][:3].lower()], int(match["d"])).date().isoformat()
    except ValueError:
        return None


def _with_time(day: str, match: re.Match[str]) -> str:
    found = match.groupdict()  # (a pattern may lack seconds, a.m./p.m. or a zone)
    if not found.get("H"):
        return day
    hour = int(found["H"])
    ampm = ARABIC_AMPM.get(found.get("ampm") or "") or (found.get("ampm") or "").lower().replace(".", "")
    hour = hour % 12 + (12 if ampm == "pm" else 0) if ampm else hour
    if hour > 23 or int(found["M"]) > 59:
        return day
    clock = f"{hour:02d}:{int(found['M']):02d}" + (f":{found['S']}" if found.get("S") else "")
    return f"{day}T{clock}{_offset(found.get('zone'))}"


def _clock(text: str) -> str:
    hour, minute = re.match(r"(\d{1,2}):(\d{2})", text).groups()  # type: ignore[union-attr]
    pm = re.search(r"[Pp]", text)
    return f"{int(hour) % 12 + 12 if pm else int(hour):02d}:{minute}"


def _offset(zone: str | None) -> str:
    """'+0300' -> '+03:00', 'GMT+8' -> '+08:00', 'JST' -> '+09:00'; '' for none or an ambiguous name."""
    if not zone:
        return ""
    zone = zone.replace(" ", "")
    if zone in ZONES:
        return ZONES[zone]
    if zone in ("Z", "UTC", "GMT"):
        return "+00:00"
    match = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", zone)
    if not match:
        return ""
    return f"{match[1]}{int(match[2]):02d}:{match[3] or '00'}"


def url_date(url: str | None) -> tuple[str, str] | None:
    """The date in a URL and the part that shows it: /2025/1029/, /20251211-, t20251210_..., a timestamp id
    (2025103017134859838: 2025-10-30 17:13, the date kept), /2025/9/18/, the words april-22-2025, or La Nación's
    -nid19082025."""
    for pattern in (URL_DATE, URL_STAMP, URL_FOLDERS):
        if match := pattern.search(url or ""):
            return _url_day(int(match[1]), int(match[2]), int(match[3]), match.group())
    if match := URL_WORDS.search(url or ""):
        return _url_day(int(match[3]), FULL_MONTHS.index(match[1].lower()) + 1, int(match[2]), match.group())
    if match := URL_NID.search(url or ""):
        return _url_day(int(match[3]), int(match[2]), int(match[1]), match.group().rstrip("/"))
    return None


def _url_day(year: int, month: int, day_of_month: int, shown: str) -> tuple[str, str] | None:
    try:
        return datetime(year, month, day_of_month).date().isoformat(), shown
    except ValueError:
        return None
