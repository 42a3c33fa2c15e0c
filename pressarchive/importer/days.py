"""The days a text can report a briefing of, from the words it uses, in several languages.

A day named next to the text's first briefing word is the briefing's day (a later one may be
another briefing: "Defense Minister Koizumi held an emergency news conference on Dec. 7"): a date ("on December 10, at a
regular press conference", "Dec. 8", "8 de enero", "23 октября", "10日の記者会見",
"12月10日的例行记者会"), a weekday ("Wednesday's press conference", "este jueves",
"в четверг", "木曜"), or today/yesterday ("today's briefing", "きょう午前の会見", "вчера на
брифинге"), each counted back from the publication day. Otherwise the publication day alone
when the text names its weekday, else the publication day and the day before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from ..briefing_words import BRIEFING_WORD

CJK = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
DAY_REACH_BEFORE = 100  # characters before a briefing word where its day is named
DAY_REACH_AFTER = 100  # ... and after it, both within its sentence
SENTENCE_END = re.compile(r"\n|[。！？]|[.!?][\"”’»)]*\s+(?=[\"“«]?[A-ZА-ЯЁ])")
NAMED_DAY_REACH = 7  # a day the text names counts when it is at most this many days before publication

MONTHS = {  # month names as they precede or follow a day, January first, in en, es, pt, fr, it, ru (genitive), tr, hi, id
    "en": "january february march april may june july august september october november december",
    "en_short": "jan feb mar apr may jun jul aug sept oct nov dec",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "es_short": "ene feb mar abr may jun jul ago sept oct nov dic",  # a wire's dateline: "PEKIN, 18 Ago. (EUROPA PRESS)"
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "it_short": "gen feb mar apr mag giu lug ago sett ott nov dic",  # a wire's dateline: "Pechino, 17 giu. (askanews)"
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "hi": "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    "hi_alt": "जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितम्बर अक्तूबर नवम्बर दिसम्बर",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
}
MONTH_NUMBER = {name: n for names in MONTHS.values() for n, name in enumerate(names.split(), start=1)}
MONTH_NUMBER["sep"] = 9


def month_number(name: str) -> int:
    """The month a MONTH_DAY name stands for, however it is cased ("ARALIK", "Kasim": the pattern matches
    Turkish dotless ı as i, case-insensitively)."""
    return _MONTH_KEYS[_month_key(name)]


def _month_key(name: str) -> str:
    return name.casefold().replace("ı", "i").replace("i̇", "i")


_MONTH_KEYS = {_month_key(name): number for name, number in MONTH_NUMBER.items()}
_MONTH = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
MONTH_DAY = re.compile(
    rf"(?<!\w)(?P<m1>{_MONTH})\.? (?P<d1>\d{{1,2}})(?!\d)"  # December 10, Dec. 8
    rf"|(?<![\d.])(?P<d2>\d{{1,2}})(?:er|-?го)?\.? (?:de )?(?P<m2>{_MONTH})(?!\w)"  # 8 de enero, 23 октября
    r"|(?P<m3>\d{1,2}) ?[月월] ?(?P<d3>\d{1,2}) ?[日일号號]"  # 12月10日, 9월 25일, 7月11号
    # 10日, 6일, 11号 (not "G7 日本"; a 号 day after a word that dates: "在11号", not "嫦娥6号", "3号线", "1号决议")
    r"|(?:(?<![0-9A-Za-z月월第])(?=\d{1,2}[日일](?![本본]))|(?:(?<=[在于於至、，,\s])|^)(?=\d{1,2}[号號](?![线線楼樓码碼令文院机機台])))"
    r"(?P<d4>\d{1,2})[日일号號]"
    r"|(?<!\w)ngày (?P<d5>\d{1,2})(?: tháng |[-/])(?P<m5>\d{1,2})(?!\d)",  # Vietnamese: ngày 3 tháng 2, ngày 9-2
    re.IGNORECASE,
)
# An agency's dateline at the top, its day before the agency ("Pekín, 30 sep (EFE).-", "Beijing, Nov. 13
# (Jiji Press)--") or in Xinhua's brackets ("【新華社北京11月13日】").
_AGENCY = r"\((?:EFE|Xinhua|AFP|AP|Reuters|Kyodo|Jiji Press|TASS|Yonhap|ANSA|dpa|KUNA|PTI|EUROPA PRESS|Europa Press)\)"
DATELINE_DAY = re.compile(
    rf"(?<![\d.])(?P<d2>\d{{1,2}})\.? (?:de )?(?P<m2>{_MONTH})\.?,? {_AGENCY}"
    rf"|(?<!\w)(?P<m1>{_MONTH})\.? (?P<d1>\d{{1,2}}),? {_AGENCY}"
    r"|【新[華华]社[^】\d]{0,6}(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日】",
    re.IGNORECASE,
)
# A day that dates the copy: a Chinese wire's "北京11月8日电" (not "8日电话", a phone call), an agency's
# "Nov. 8 (Xinhua)". It is the briefing's day only when no other day is named beside the briefing.
DISPATCHED = re.compile(
    rf"\s*[电電讯訊](?![话話视視子脑腦影台力网網报報])|(?:,? \d{{4}})?\.?,? {_AGENCY}", re.IGNORECASE
)
DATELINE_REACH = 300  # characters from the top where a dateline stands (below the headline)
# A Chinese wire's dateline opening a line: "新华社北京3月8日电", "中新社北京11月17日電" (not "8日电话", a phone call).
WIRE_DATELINE = re.compile(
    r"(?m)^\s*(?:新[华華]社|中新社|中[评評]社)[^\d\s，,。]{0,8}(?P<month>\d{1,2})月(?P<day>\d{1,2})日[电電](?![话話视視])"
)
DATELINE_PLACE = re.compile(r"\s*(?:[^\W\d_][\w .'/-]{0,30},?\s*)?")  # what opens a dateline's line: its place
REPOST_REACH = 180  # days a page may be dated after its agency's dateline (a repost), counted from that
HOST_WEEKDAY_REACH = 20  # characters after the host's name where its weekday stands ("Mao Ning said on Tuesday")
DAY_LENGTH = 12  # characters a day written in words may take ("September 18", "Wednesday")
FUTURE_REACH = 60  # characters before a day where a word of things to come makes it their day
BARE_DAY_REACH = 5  # characters between a day without its month and the briefing word it is the day of
BRACKETED = re.compile(r"[(（][^()（）]{0,12}[)）]")  # "(현지시간)", "（周三）": left out of that reach
CLAUSE_MARK = re.compile(r"[，,、。；;:：]")
DURATION = ("間", "目", "간", "째")  # "3日間" (for three days), "3日目", "3일간", "3일째"
LEAD_REACH = 600  # characters from the top where an undated text's lead names its news's day
YEAR_AFTER = re.compile(r",? (?P<year>(?:19|20)\d\d)(?!\d)")  # "December 10, 2024", "10 декабря 2024"
YEAR_BEFORE = re.compile(r"(?P<year>(?:19|20)\d\d)年$")  # "2024年12月10日"
WEEKDAYS = (  # Monday first: en, tr, fr, es, pt, it, ru (its cases), ja, zh, de, ko, id, ar, fa, vi (capitalised: "thứ ba" is "third")
    "monday|pazartesi|lundi|lunes|segunda-feira|lunedì|понедельник|月曜|星期一|周一|montag|월요일|senin|الاثنين|دوشنبه|(?-i:[Tt]hứ Hai)",
    "tuesday|salı günü|salı günkü|mardi|martes|terça-feira|martedì|вторник|火曜|星期二|周二|dienstag|화요일|selasa|الثلاثاء|سه‌شنبه|سه شنبه|سهشنبه|(?-i:[Tt]hứ Ba)",
    "wednesday|çarşamba|mercredi|miércoles|quarta-feira|mercoledì|среду|水曜|星期三|周三|mittwoch|수요일|rabu|الأربعاء|چهارشنبه|(?-i:[Tt]hứ Tư)",  # not среда: also "environment"
    "thursday|perşembe|jeudi|jueves|quinta-feira|giovedì|четверг|木曜|星期四|周四|donnerstag|목요일|kamis|الخميس|پنجشنبه|پنج‌شنبه|پنج شنبه|(?-i:[Tt]hứ Năm)",
    "friday|cuma günü|cuma günkü|vendredi|viernes|sexta-feira|venerdì|пятница|пятницу|金曜|星期五|周五|freitag|금요일|jumat|الجمعة|جمعه|(?-i:[Tt]hứ Sáu)",
    "saturday|cumartesi|samedi|sábado|sabato|суббота|субботу|土曜|星期六|周六|samstag|토요일|sabtu|السبت|(?<!سه )(?<!پنج )(?<![\u200cدهج])شنبه|(?-i:[Tt]hứ Bảy)",
    "sunday|dimanche|domingo|domenica|воскресенье|日曜|星期日|星期天|周日|sonntag|일요일|یکشنبه|یک‌شنبه|(?-i:Chủ nhật)",  # not minggu, الأحد: also "week", "one"
)
DAYS_BACK = {  # (Hong Kong papers write "今"/"昨" alone before the verb: "郭嘉昆昨在例行記者會", "今表示";
    # a Korean lead dated by its dateline's day says "전날 정례 브리핑에서", at the day before's briefing)
    "today|сегодня|hoy|hoje|aujourd'hui|bugün|今日|本日|きょう|今天|오늘(?!날)|今(?<![如至迄当當现現从從于於古而]今)(?=[在於于表稱称說说指])|heute|oggi|امروز|اليوم": 0,
    "yesterday|вчера|ayer|ontem|dün|gestern|ieri|昨日|昨天|昨(?=[在於于表稱称說说指晚])|دیروز|أمس|어제|전날": 1,
}
# In Korean the briefing's day stands right before it ("전날 정례 브리핑에서", "어제 열린 브리핑에서"); an "어제" after
# it is in what was said there ("정례 기자회견에서 ... 어제 외교 경로를 통해 ... 전했다고"), and one before a verb is
# that verb's ("미국이 전날 발표한 관세 조치에 대해 정례 브리핑에서").
KOREAN_RELATIVE = re.compile("어제|전날|오늘")
KOREAN_BEFORE_BRIEFING = re.compile(r"\s*(?:(?:열린|있은|진행된)\s*)?(?:정례\s*)?(?:뉴스\s*)?")


def _right_before(between: str) -> bool:
    """Whether the words between a Korean "어제"/"전날" and the briefing word say it is the briefing's day."""
    return bool(KOREAN_BEFORE_BRIEFING.fullmatch(between))


CALENDAR_WORDS = frozenset(MONTHS["en"].split() + [w for day in WEEKDAYS for w in day.split("|")])


def _words(alternatives: str) -> re.Pattern[str]:
    """Any of the words: a CJK one anywhere, another as a whole word."""
    parts = [w if re.match(f"[{CJK}]", w) else rf"(?<!\w){w}(?!\w)" for w in alternatives.split("|")]
    return re.compile("|".join(parts), re.IGNORECASE)


WEEKDAY_WORDS = [_words(day) for day in WEEKDAYS]
OTHER_WEEK = re.compile(  # "last Friday", "el viernes pasado" is rarer in leads; "上周五", "先週金曜"
    r"(?<!\w)(?:last|next|previous|coming|past|dernier|prochain|pasado|próximo|passada|próxima|прошл\w*|следующ\w*)\s+(?:\w+\s+)?$|[上下]周$|[先来]週$",
    re.IGNORECASE,
)
RELATIVE_WORDS = [(_words(words), back) for words, back in DAYS_BACK.items()]
# A weekday in brackets after its date ("石破茂9月23日（周二）赴紐約"): that date's, not a claim of the news's day.
DATED_WEEKDAY = re.compile(r"\d{1,2}\s*[日일号號]\s*[（(]\s*$")
BRACKETED_DAY = re.compile(r"\((?P<a>\d{1,2})/(?P<b>\d{1,2})\)")  # "(25/09)" after a weekday: its date
WEEKDAY_AT_END = [re.compile(f"(?:{p.pattern})\\s*$", re.IGNORECASE) for p in WEEKDAY_WORDS]
# A sentence of things to come, in the languages whose leads name a weekday so ("will meet on Monday").
FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|plans? to|is set to|are set to|is expected to|are expected to)\b"
    r"|\b(?:va|vont|irá|irán|vai|vão|akan|sẽ|будет|будут|wird|werden)\b|将|將|予定|예정",
    re.IGNORECASE,
)


def briefing_days(text: str, published: date, host: re.Pattern[str] | None = None) -> list[date]:
    """The days ``text`` can report a briefing of, most likely first.

    A day named next to the briefing is the day; otherwise the publication day alone when the text
    names its weekday ("China on Thursday urged"), the day before first when it names that one's,
    the named weekday of the six days before otherwise when its sentence names the ``host`` the text
    reports or the state it speaks for ("Guo Jiakun on Monday underscored", "China on Tuesday expressed
    support" in Thursday's paper; "Xi will meet Trump on Thursday" is another matter), else the
    publication day and the day before. An agency's dateline earlier than the page's date (a repost)
    stands for the publication day.
    """
    published = _filed(text, published)
    named = _day_at_briefing(text, published)
    if named:
        return [named]
    first = _lead_weekday(text, host)
    weekday = first[1] if first else None
    before = published - timedelta(days=1)
    if weekday == published.weekday():
        return [published]
    if weekday == before.weekday():
        return [before, published]
    if (
        first
        and host is not None
        and _sentence_names(text, first[0], host)
        and not _to_come(text, first[0])
        and not _day_after(published, first[1])
    ):
        # "Guo Jiakun on Monday underscored", in a story published on Thursday: that Monday
        return [published - timedelta(days=(published.weekday() - first[1]) % 7)]
    return [published, before]


def _day_after(published: date, weekday: int) -> bool:
    """Whether ``weekday`` is the weekday after ``published``'s: "told a press briefing on Friday" on a page dated
    Thursday was written where it was Friday already, or slipped; it is not the Friday six days before."""
    return (weekday - published.weekday()) % 7 == 1


def _filed(text: str, published: date) -> date:
    """The day the text was written: its agency's dateline's ("Beijing, January 12 (Xinhua) --"), when that
    is before the page's date (a repost weeks later), else the page's. Its days count from then."""
    match = DATELINE_DAY.search(text, 0, DATELINE_REACH)
    # none, or one quoted ("See also: Beijing, Oct. 9 (Xinhua) --"): only one opening its line counts
    if not match or not DATELINE_PLACE.fullmatch(text, text.rfind("\n", 0, match.start()) + 1, match.start()):
        return published
    return _date_before(published, *_month_and_day(match), reach=REPOST_REACH) or published


def _to_come(text: str, at: int) -> bool:
    """Whether the sentence holding position ``at`` speaks of something to come ("China will announce
    countermeasures on Tuesday"): its weekday is not a day the host has spoken on."""
    return bool(FUTURE.search(_sentence(text, at)))


def _comes_on(text: str, at: int) -> bool:
    """Whether a word of things to come stands within FUTURE_REACH characters before ``at``, in its
    sentence: the day at ``at`` is when something will happen ("will visit Beijing on Thursday")."""
    return bool(FUTURE.search(text, max(sentence_start(text, at), at - FUTURE_REACH), at))


def _sentence(text: str, at: int) -> str:
    start, end = _sentence_span(text, at)
    return text[start:end]


def _sentence_span(text: str, at: int) -> tuple[int, int]:
    end = SENTENCE_END.search(text, at)
    return (sentence_start(text, at), end.start() if end else len(text))


def sentence_start(text: str, at: int) -> int:
    """Where the sentence of ``text`` holding position ``at`` starts."""
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, at)]
    return starts[-1] if starts else 0


POSSESSIVE = re.compile(r"['’]s\b")
DATE_LEAD_IN = re.compile(r"[, ]{0,2}")  # between a weekday and its date: "Wednesday, November 26, 2025"


def day_beside(text: str, at: int, published: date) -> date | None:
    """The day named in the HOST_WEEKDAY_REACH characters from ``at``, just after a spokesperson's name and
    office ("毛寧報道官は7日、", "Guo Jiakun on Monday said", "대변인은 25일"), counted back from ``published``:
    the day the spokesperson spoke; None if none, or two."""
    window = text[at : at + HOST_WEEKDAY_REACH + DAY_LENGTH]  # (a day starting in reach, whole: "September 18")
    # (not another thing's day: "said Monday's talks in Riyadh were ...")
    named = {
        day
        for start, end, day in _days_named(window, published)
        if start < HOST_WEEKDAY_REACH and not POSSESSIVE.match(window, end)
    }
    return named.pop() if len(named) == 1 else None


# The office written before a spokesperson's name, and nothing else: "9月18日,外交部发言人林剑回应", "On
# September 18, Chinese Foreign Ministry spokesperson Lin Jian said": a day written just before it is the day spoken.
OFFICE_BEFORE_NAME = re.compile(
    r"[,，、\s]*(?:the\s+)?(?:中国|China's\s+|Chinese\s+)?(?:[Ff]oreign\s+[Mm]inistry\s+|外交部)?"
    r"(?:spokes(?:person|woman|man)|发言人|發言人)[,，\s]*$"
)
OFFICE_BEFORE_REACH = 60  # characters before a spokesperson's name where that day and the office stand


def day_before(text: str, at: int, published: date) -> date | None:
    """The day written just before a spokesperson's office and name (the name starting at ``at``), counted
    back from ``published``: "9月18日,外交部发言人林剑回应" on a page of 23 September is 18 September."""
    before = text[max(0, at - OFFICE_BEFORE_REACH) : at]
    office = OFFICE_BEFORE_NAME.search(before)
    if office is None:
        return None
    named = {day for _, end, day in _days_named(before[: office.start()], published) if end == office.start()}
    return named.pop() if len(named) == 1 else None


def _dated_after(text: str, at: int) -> bool:
    """Whether a date with its year follows the weekday ending at ``at`` ("on Wednesday, November 26, 2025 in
    Tokyo", a file photo's caption): that date's weekday, not a claim of the news's day."""
    lead_in = DATE_LEAD_IN.match(text, at)
    found = MONTH_DAY.match(text, lead_in.end() if lead_in else at)
    return bool(found and YEAR_AFTER.match(text, found.end()))


def _lead_weekday(text: str, host: re.Pattern[str] | None) -> tuple[int, int] | None:
    """first_weekday_named(), unless its sentence names the ``host`` with a weekday right after the
    name ("the phone call ... on Monday was positive, said spokesperson Mao Ning on Tuesday" reports
    Tuesday's briefing; "On Tuesday, ... remarks on Friday, Mao Ning said" stays Tuesday's)."""
    first = first_weekday_named(text)
    if first is None or host is None:
        return first
    start, end = _sentence_span(text, first[0])
    for name in host.finditer(text, start, end):
        after = [
            (m.start(), number)
            for number, pattern in enumerate(WEEKDAY_WORDS)
            if (m := pattern.search(text, name.end(), min(end, name.end() + HOST_WEEKDAY_REACH)))
        ]
        if after:
            return min(after)
    return first


def _sentence_names(text: str, at: int, host: re.Pattern[str]) -> bool:
    """Whether the sentence of ``text`` holding position ``at`` names the host (``host``: its names)."""
    return bool(host.search(_sentence(text, at)))


def weekday_of_briefing(text: str, voices: re.Pattern[str]) -> int | None:
    """For a text without a date, the weekday (Monday 0) of its briefing: the one named nearest its first
    briefing word, in that word's sentence ("told a regular press conference on Tuesday", after "the
    phone call on Monday"); else the one weekday its lead names, in a sentence naming the host (``voices``:
    "Las autoridades de China han expresado este lunes"); None when it names none, or several in its lead."""
    first_briefing = next(_around_briefings(text), None)
    if first_briefing is not None:
        near, start, word = first_briefing
        found = [
            (_distance(start + m.start(), start + m.end(), word), number)
            for number, pattern in enumerate(WEEKDAY_WORDS)
            for m in pattern.finditer(near)
            if not OTHER_WEEK.search(near, max(0, m.start() - 12), m.start())
        ]
        if found:
            return min(found)[1]
    lead = text[:LEAD_REACH]
    named = {number for number, pattern in enumerate(WEEKDAY_WORDS) if pattern.search(lead)}
    first = first_weekday_named(lead)
    if first is None or len(named) > 1 or not voices.search(_sentence(text, first[0])):
        return None
    return first[1]


def bracketed_date_of_briefing(text: str) -> frozenset[tuple[int, int]]:
    """For a text without a date: the (day, month) readings of a date in brackets after the weekday named
    in its first briefing word's sentence ("konferensi pers di Beijing pada hari Senin (13/10)": 13 October,
    or the 10th of a 13th month, which no calendar has); empty when there is none."""
    first_briefing = next(_around_briefings(text), None)
    if first_briefing is None:
        return frozenset()
    near = first_briefing[0]
    for match in BRACKETED_DAY.finditer(near):
        if any(p.search(near, 0, match.start()) for p in WEEKDAY_AT_END):
            a, b = int(match["a"]), int(match["b"])
            return frozenset((day, month) for day, month in ((a, b), (b, a)) if 1 <= month <= 12 and 1 <= day <= 31)
    return frozenset()


def first_weekday(text: str) -> int | None:
    """The weekday (Monday 0) the text names first, as a lead names its news's day ("China on Thursday
    urged"); a later one is often another day ("said last Friday"), and one qualified so never counts."""
    first = first_weekday_named(text)
    return first[1] if first else None


def first_weekday_named(text: str) -> tuple[int, int] | None:
    """(where, weekday) of first_weekday(); None when the text names none."""
    return min(
        (
            (match.start(), number)
            for number, pattern in enumerate(WEEKDAY_WORDS)
            for match in pattern.finditer(text)
            if not OTHER_WEEK.search(text, max(0, match.start() - 12), match.start())
            and not DATED_WEEKDAY.search(text, max(0, match.start() - 8), match.start())
            and not _dated_after(text, match.end())
        ),
        default=None,
    )


def day_named_at_briefing(text: str, published: date) -> date | None:
    """The day the text names beside its first briefing word, as briefing_days() reads it; None if none."""
    return _day_at_briefing(text, _filed(text, published))


def _day_at_briefing(text: str, published: date) -> date | None:
    """The day named nearest the text's first briefing word (later ones may be other briefings)."""
    first = next(_around_briefings(text), None)
    if first is None:
        return None
    near, start, word = first
    found = [
        (_distance(start + s, start + e, word), day)
        for s, e, day in _days_named(near, published)
        if not (
            KOREAN_RELATIVE.fullmatch(near, s, e)
            and (start + s > word.start() or not _right_before(near[e : word.start() - start]))
        )
    ]
    return min(found)[1] if found else None


def month_day_at_briefing(
    text: str, host: re.Pattern[str] | None = None, voices: re.Pattern[str] | None = None
) -> tuple[int | None, int, int] | None:
    """For a text without a date: (year, month, day) of the day named nearest its first briefing word
    ("8 января, в ходе брифинга", "12月10日的例行记者会"), the year None unless printed with it ("December
    10, 2024", "2024年12月10日"). None when a weekday, "today" or "yesterday" stands nearer the briefing
    word (that is its day, and it says nothing without the publication day), or for a bare "10日".

    When the first briefing word's sentence names no day (a photo's caption: "記者会見に臨む林剣報道官"),
    a later one counts if the ``host`` the text reports is named in its sentence too: the same briefing.
    When no briefing word has a day beside it, the lead's (_month_day_of_lead: "On Monday (November 10),
    the Japanese government confirmed", above "Chief Cabinet Secretary Kihara told a press conference")."""
    for number, (near, start, word) in enumerate(_around_briefings(text)):
        if number and (host is None or not host.search(near)):
            continue
        found = _month_days_near(text, near, start, word)
        if found:
            return min(found, key=lambda f: f[0])[1]
    return _month_day_of_lead(text, voices) if voices is not None else None


def day_of_month_at_briefing(text: str, host: re.Pattern[str] | None = None) -> int | None:
    """For a text without a date that names no month at its briefing: the bare day of the month nearest
    its first briefing word ("外交部发言人毛宁12日在例行记者会上表示", "12日の定例記者会見で", "21일 정례
    브리핑에서", the way Chinese, Japanese and Korean reports name the day), as month_day_at_briefing
    finds a month and day; None when a weekday, "today" or "yesterday" stands nearer."""
    for number, (near, start, word) in enumerate(_around_briefings(text)):
        if number and (host is None or not host.search(near)):
            continue
        found = _month_days_near(text, near, start, word, bare=True)
        if found:
            nearest = min(found, key=lambda f: f[0])[1]
            return nearest[2] if nearest is not None and nearest[1] == 0 else None
    return None


def _bare_day_of(near: str, match: re.Match[str], start: int, word: re.Match[str]) -> bool:
    """Whether a day without its month names the briefing's day: it stands just before the briefing word,
    as a report opens ("毛宁12日在例行记者会上", "10日の記者会見", "21일(현지시간) 정례 브리핑"), with no clause
    between ("美方12日宣布的关税，毛宁在记者会上": the day of the announcement), is no length of time
    ("3日間の訪米を終え"), stands outside quotes (the spokesperson's "9日午前" is another day) and is not the
    day of something to come ("将于25日")."""
    between = BRACKETED.sub("", near[match.end() : word.start() - start])
    return (
        1 <= int(match["d4"]) <= 31
        and match.end() <= word.start() - start
        and len(between.strip()) <= BARE_DAY_REACH
        and not CLAUSE_MARK.search(between)
        and not near.startswith(DURATION, match.end())
        and not _in_quotes(near, match.start())
        and not _comes_on(near, match.start())
    )


def _month_day_of_lead(text: str, voices: re.Pattern[str]) -> tuple[int | None, int, int] | None:
    """(year, month, day) of the first day the text names, if it stands within LEAD_REACH in a sentence
    that also names its weekday, as a lead states its news's day ("On Monday (November 10)", "TOKYO, Jan
    7 (KUNA) -- The Japanese government on Wednesday"; "on May 9" may be to come), names ``voices`` and
    speaks of nothing to come."""
    for match in MONTH_DAY.finditer(text):
        if match.start() >= LEAD_REACH:
            return None
        number, day = _month_and_day(match)
        if not number or not _is_month_day(number, day):
            continue
        sentence = _sentence(text, match.start())
        weekday = any(p.search(sentence) for p in WEEKDAY_WORDS)
        if not weekday or not voices.search(sentence) or _to_come(text, match.start()):
            return None
        year = YEAR_AFTER.match(text, match.end())
        return (int(year["year"]) if year else None, number, day)
    return None


def _month_days_near(
    text: str, near: str, start: int, word: re.Match[str], bare: bool = False
) -> list[tuple[int, tuple[int | None, int, int] | None]]:
    """Each day expression in ``near`` (starting at ``start`` in ``text``): (distance to ``word``, (year,
    month, day)), or None for a weekday, and for "today" or "yesterday" unless a dateline says when.
    With ``bare``, a day without its month ("10日", "25일") too, as (None, 0, day)."""
    found: list[tuple[int, tuple[int | None, int, int] | None]] = []
    dispatched: list[tuple[int, tuple[int | None, int, int] | None]] = []
    bare_days: list[tuple[int, tuple[int | None, int, int] | None]] = []  # without ``bare``: "林剑13日主持…"
    for match in MONTH_DAY.finditer(near):
        number, day = _month_and_day(match)
        distance = _distance(start + match.start(), start + match.end(), word)
        if number and _is_month_day(number, day):
            year = YEAR_AFTER.match(near, match.end()) or YEAR_BEFORE.search(near[: match.start()])
            named = (int(year["year"]) if year else None, number, day)
            (dispatched if DISPATCHED.match(near, match.end()) else found).append((distance, named))
        elif _group(match, "d4") and _bare_day_of(near, match, start, word):
            (found if bare else bare_days).append((distance, (None, 0, int(match["d4"]))))
    for pattern in WEEKDAY_WORDS:
        for match in pattern.finditer(near):
            found.append((_distance(start + match.start(), start + match.end(), word), None))
    for pattern, back in RELATIVE_WORDS:  # "today", "yesterday": counted from the dateline's day, if any
        for match in pattern.finditer(near):
            if not _in_quotes(near, match.start()):
                found.append(
                    (_distance(start + match.start(), start + match.end(), word), _before_dateline(text, back))
                )
    if not found and dispatched and bare_days:
        return [_in_dispatch_month(min(bare_days), min(dispatched))]
    return found or dispatched


def _in_dispatch_month(
    bare: tuple[int, tuple[int | None, int, int] | None], dispatched: tuple[int, tuple[int | None, int, int] | None]
) -> tuple[int, tuple[int | None, int, int]]:
    """A day without its month beside the briefing word, in the month of the dispatch that reports it ("中评社
    北京10月14日电 外交部发言人林剑13日主持例行记者会" is 13 October; "11月1日电 ... 31日" is 31 October)."""
    (distance, bare_day), (_, dispatch_day) = bare, dispatched
    assert bare_day is not None and dispatch_day is not None
    year, month, day = dispatch_day
    if bare_day[2] > day:  # (the month before the dispatch's)
        year, month = (year - 1 if year and month == 1 else year), (month - 1 or 12)
    return distance, (year, month, bare_day[2])


def _before_dateline(text: str, back: int) -> tuple[None, int, int] | None:
    """The month and day ``back`` days before the one an agency's dateline opening ``text`` names
    ("Pekín, 30 sep (EFE).-", "【新華社北京11月13日】"), year unknown; None without one."""
    match = DATELINE_DAY.search(text, 0, DATELINE_REACH)
    if not match:
        return None
    number, day = _month_and_day(match)
    if not number or not _is_month_day(number, day) or (back and (number, day) == (3, 1)):
        return None  # (the day before 1 March depends on the year)
    named = date(2024, number, day) - timedelta(days=back)
    return (None, named.month, named.day)


def _month_and_day(match: re.Match[str]) -> tuple[int, int]:
    """(month, day) of a MONTH_DAY or DATELINE_DAY match, 0 for what it does not name (a bare "10日")."""
    month = match["m1"] or match["m2"]
    number = month_number(month) if month else int(match["m3"] or _group(match, "m5") or 0)
    return number, int(match["d1"] or match["d2"] or match["d3"] or _group(match, "d5") or 0)


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group's text; None when the pattern has no such group (DATELINE_DAY has no Vietnamese form)."""
    return match.groupdict().get(name)


def _is_month_day(month: int, day: int) -> bool:
    try:
        date(2024, month, day)  # a leap year: 29 February is a day
    except ValueError:
        return False
    return True


def _around_briefings(text: str) -> Iterator[tuple[str, int, re.Match[str]]]:
    """For each briefing word of the text in turn, the sentence around it within reach: (that text, where it starts, the word)."""
    for word in BRIEFING_WORD.finditer(text):
        yield _around(text, word)


def _around(text: str, word: re.Match[str]) -> tuple[str, int, re.Match[str]]:
    """The sentence around ``word``, within DAY_REACH_BEFORE and DAY_REACH_AFTER characters of it."""
    start = max(0, word.start() - DAY_REACH_BEFORE)
    for end in SENTENCE_END.finditer(text, start, word.start()):
        start = end.end()
    after = SENTENCE_END.search(text, word.end(), word.end() + DAY_REACH_AFTER)
    return text[start : after.start() if after else word.end() + DAY_REACH_AFTER], start, word


def _days_named(near: str, published: date) -> list[tuple[int, int, date]]:
    """Every day ``near`` names, as (start, end, day), counted back from ``published``; a weekday
    with its date in brackets, the date it prints (_weekday_dates). A day that a word of things to
    come leads to is left out ("will visit Beijing on Thursday (9/25)"; but "said at a press
    conference on Thursday (25/09) that Choe will visit" is the briefing's day)."""
    found = _weekday_dates(near, published)
    dated_weekdays = [(start, end) for start, end, _ in found]  # (their weekday is not read alone)
    dispatched: list[
        tuple[int, int, date]
    ] = []  # days that date the copy: the briefing's only when no other day is named
    for match in MONTH_DAY.finditer(near):
        month = match["m1"] or match["m2"]
        if month:
            named = _date_before(published, month_number(month), int(match["d1"] or match["d2"]))
        elif match["m3"] or match["m5"]:
            named = _date_before(published, int(match["m3"] or match["m5"]), int(match["d3"] or match["d5"]))
        else:
            named = _date_before(published, published.month, int(match["d4"]))
        if named:
            (dispatched if DISPATCHED.match(near, match.end()) else found).append((match.start(), match.end(), named))
    for number, pattern in enumerate(WEEKDAY_WORDS):
        for match in pattern.finditer(near):
            if any(start <= match.start() < end for start, end in dated_weekdays) or _day_after(published, number):
                continue
            found.append((match.start(), match.end(), published - timedelta(days=(published.weekday() - number) % 7)))
    for pattern, back in RELATIVE_WORDS:
        for match in pattern.finditer(near):
            if not _in_quotes(near, match.start()):  # the speaker's "yesterday", not the text's
                found.append((match.start(), match.end(), published - timedelta(days=back)))
    return [(start, end, day) for start, end, day in found or dispatched if not _comes_on(near, start)]


def _in_quotes(text: str, at: int) -> bool:
    """Whether position ``at`` stands inside a quotation that opens in its sentence and is not closed
    before it ("said, “Yesterday, my colleagues ...”"); German „...“ closes on “; a straight mark opens
    after a space and closes after a word or a comma (it may close a quotation of an earlier sentence)."""
    depth, german = 0, False
    start = sentence_start(text, at)
    for where, mark in enumerate(text[start:at], start):
        if mark == '"':
            opening = where == 0 or text[where - 1].isspace() or text[where - 1] in "([:"
            depth = depth + 1 if opening else max(0, depth - 1)
        elif mark == "„":
            depth, german = depth + 1, True
        elif mark == "“" and german and depth:
            depth, german = depth - 1, False
        elif mark in "“«「『":
            depth += 1
        elif mark in "”»」』" and depth:
            depth -= 1
    return depth > 0


def _weekday_dates(near: str, published: date) -> list[tuple[int, int, date]]:
    """Weekdays printed with their day and month in brackets ("pada Kamis (25/09)", "thứ Năm (25/9)"),
    as (start, end, day): the date of that weekday within NAMED_DAY_REACH of ``published``, either way
    (a page's printed date may be wrong: the text's own day and weekday, agreeing, outweigh it), read
    day first or month first, whichever the weekday agrees with."""
    found = []
    for match in BRACKETED_DAY.finditer(near):
        named = next(((n, m) for n, p in enumerate(WEEKDAY_AT_END) if (m := p.search(near, 0, match.start()))), None)
        if named is None:
            continue
        weekday, weekday_word = named
        a, b = int(match["a"]), int(match["b"])
        days = {_nearby(published, day, month) for day, month in ((a, b), (b, a))}
        agreeing = sorted(d for d in days if d is not None and d.weekday() == weekday)
        if len(agreeing) == 1:
            found.append((weekday_word.start(), match.end(), agreeing[0]))
    return found


def _nearby(published: date, day: int, month: int) -> date | None:
    """The date of that day and month within NAMED_DAY_REACH of ``published``, before or after."""
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            named = date(year, month, day)
        except ValueError:  # no such day that year (29 February), or in any (31/11)
            continue
        if abs((named - published).days) <= NAMED_DAY_REACH:
            return named
    return None


def _distance(start: int, end: int, word: re.Match[str]) -> int:
    return word.start() - end if end <= word.start() else max(0, start - word.end())


def _date_before(published: date, month: int, day: int, reach: int = NAMED_DAY_REACH) -> date | None:
    """That month and day at most ``reach`` days before ``published`` (this year's or last year's)."""
    for year in (published.year, published.year - 1):
        try:
            named = date(year, month, day)
        except ValueError:
            return None
        if 0 <= (published - named).days <= reach:
            return named
    return None
