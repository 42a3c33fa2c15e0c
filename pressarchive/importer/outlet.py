"""The outlet: who wrote the text, from the URL's host and from the agency the text credits.

A source file says which hosts are its own: the host of its `url` and any listed
under `hosts:`. A subdomain belongs to the same source (en.people.cn to people.cn).
A platform that carries an agency's article (a broker's feed, a portal, a paper
reprinting a wire) shows the agency's credit where the text begins: "BEIJING,
Oct. 29 (Xinhua) --", "WASHINGTON (AP) —", "Naciones Unidas, 8 ene (EFE).-",
"【新華社北京10月30日】", or a reporter's byline naming the outlet ("Michele Kelemen, NPR" as
the first line, "By Jeremy Barr, The Washington Post"). Then the agency is the outlet and the
host the platform, unless the host is the outlet's own site (its name in the host: Interfax
on interfax.ru), where the credit names the outlet the host would otherwise stand for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

CREDIT_REACH = 600  # characters from the start of the text where an agency's credit stands
# The agency's name as credited in a dateline, and the patterns that credit it.
_DASH = r"\s*(?:--|—|–|-)"  # after a dateline's credit, before the text


_MONTH_DAY_YEAR = r"[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\b"  # a dateline's date after the credit: "Feb 10, 2026"


_JAPANESE_NEAR = r"[\s\S]{0,40}?[\u3040-\u30ff]"  # kana within the next 40 characters


def _credited(short: str) -> re.Pattern[str]:
    """A wire's credit in its dateline, then the dash: "(Reuters) --", "(Adnkronos) -"."""
    return re.compile(rf"\({re.escape(short)}\){_DASH}")


AGENCIES: dict[str, re.Pattern[str]] = {
    "Xinhua": re.compile(
        rf"\(Xinhua\){_DASH}|【(?:據|据)?新[華华]社[^】]{{0,20}}】|\(Xinhua\)\s+\d{{1,2}}:\d{{2}}|(?m:^Xinhua\))"
        r"|\[신화망[^\]]{0,20}\]"  # its Korean service: "[신화망 베이징 1월7일]"
        r"|(?m:^\s*新[华華]社\S{0,8}?\d{1,2}月\d{1,2}日[电電])"  # "新华社北京11月20日电" opening a line, not "据新华社..."
    ),
    # Taiwan's: "中央社台北20日電", "（中央社台北10日電）", "〔中央社〕" (its partners' pages)
    "Central News Agency": re.compile(r"(?m:^\s*(?:[（(]?中央社\S{0,8}?\d{1,2}日電|〔中央社〕))"),
    "China News Service": re.compile(r"(?m:^\s*中(?:新[网網社]|国新闻网|國新聞網)\S{0,8}?\d{1,2}月\d{1,2}日[电電])"),
    "Newsis": re.compile(r"(?m:^\s*[\[(][가-힣]{1,6}\s*=\s*뉴시스[\])])"),  # "[베이징=뉴시스]" opening a line
    "The Associated Press": _credited("AP"),
    "Reuters": _credited("Reuters"),
    "AFP": re.compile(rf"\(AFP\)\s*(?:--|—|–|-|\.-|{_MONTH_DAY_YEAR})"),  # "Beijing (AFP) Feb 10, 2026"
    "EFE": re.compile(r"\(EFE\)\s*\.?\s*(?:--|—|–|-)"),
    # "【北京時事】", "【北京共同】", "【北京、ロンドン共同】", in Japanese text (not a Chinese "【國際時事】")
    "Jiji Press": re.compile(rf"\(Jiji Press\){_DASH}|(?m:^\s*【[^】\s]{{1,8}}時事】(?={_JAPANESE_NEAR}))"),
    "Kyodo News": re.compile(rf"\(Kyodo\){_DASH}|【[^】\s]{{1,12}}共同】(?={_JAPANESE_NEAR})"),
    "askanews": _credited("askanews"),  # "Pechino, 2 mar. (askanews) -"
    "TASS": re.compile(rf"/TASS/\.?{_DASH}|/ТАСС/\.?{_DASH}"),
    "Interfax": re.compile(rf"\bINTERFAX(?:\.RU)?{_DASH}"),
    "Adnkronos": _credited("Adnkronos"),  # "Pechino, 5 gen.(Adnkronos) -"
    "ANSA": _credited("ANSA"),
    "LaPresse": _credited("LaPresse"),  # "Milan, 7 janvier (LaPresse) –"
    "KUNA": _credited("KUNA"),  # "TOKYO, Jan 7 (KUNA) --", Kuwait's agency
    "Yonhap": re.compile(rf"\(Yonhap\){_DASH}|(?m:^\s*[\[(][가-힣]{{1,6}}\s*=\s*연합뉴스[\])])"),  # "(서울=연합뉴스)"
    "Lusa": _credited("Lusa"),
    "dpa": _credited("dpa"),
    "Anadolu Agency": _credited("AA"),
    "Bernama": _credited("Bernama"),
    "ANTARA": _credited("ANTARA"),  # "Beijing (ANTARA) -", Indonesia's agency
    "Europa Press": _credited("EUROPA PRESS"),  # "PEKIN, 18 Ago. (EUROPA PRESS) –"
    "PTI": re.compile(
        r"^[A-Z][\w ./-]{1,30}, [A-Z][a-z]{2,8}\.? \d{1,2} \(PTI\)", re.MULTILINE
    ),  # "Beijing, Sep 30 (PTI)"
}
# An Indian agency's sign-off under the text it supplied: "... he said. -- PTI"; or the last line's
# credit in brackets, the site's name before the agency's: "(Namibia Daily News/Xinhua)".
SIGN_OFF = re.compile(
    r"(?:--|—|–)\s*(?P<agency>PTI|IANS|ANI)\s*$"
    r"|(?m:^.*\((?:[^()/\n]{2,40}/)?(?P<bracketed>Xinhua|EFE|TASS|Anadolu Agency|PTI|IANS|ANI)\)\s*\Z)"
)
SIGN_OFF_REACH = 300  # characters from the text's end
# A site naming itself at the end of its lead: "..., Azernews reports."
SELF_CREDIT = re.compile(r",\s+(?P<name>[A-Z][\w.-]+(?: [A-Z][\w.-]+){0,2}) reports?\.")
# A paper's closing credit and date: "「人民網日本語版」2026年1月6日" (People's Daily's Japanese edition).
CLOSING_CREDIT = re.compile(r"(?m:^「(?P<agency>[^「」\n]{2,20})」\s*\d{4}年\d{1,2}月\d{1,2}日\s*$)")
# What a source line names that is no outlet: "the internet", "compiled", "this site", "netizens", "unknown".
NOT_SOURCES = frozenset(
    "本报 本報 本网 本網 本社 本台 本刊 网络 網絡 互联网 互聯網 综合 綜合 本站 本网 網友 网友 网络整理 综合报道 未知 佚名 网上 新闻 新聞".split()
)
# A field of a page's stamp: "| 來源: 央視新聞客戶端 |", "17:08:34来源:新华社" (the text's source; never "图片来源").
SOURCE_FIELD = re.compile(r"(?:^|[|｜]\s*|\d\s*)(?:来源|來源)\s*[:：]\s*(?P<agency>[^\s|｜:：,，。]{2,20})")
SOURCE_FIELD_LINES = 8  # a capture's first lines, where its stamp stands
# A platform's stamp, the outlet before the date: "Xin Hua She·2026-02-12 12:17".
AGENCY_STAMP = re.compile(r"(?P<agency>[^\s·][^·]{0,30}?)\s*·\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
# A portal's source line under the text: "来源:长安街知事", "原文出处：新华社", "원문 출처:신화통신", "Источник: ТАСС".
SOURCE_LINE = re.compile(
    r"(?m:^[(（【]?(?:(?:(?:文章|原文)?(?:来源|來源|出处|出處)|(?:원문 )?출처|Источник|Source|SOURCE|Kaynak)\s*[:：]\s*"
    r"|(?:原文)?(?:刊登|刊載|刊载|刊發|刊发|刊)[於于]\s*[:：]?\s*)"  # "原文刊登於 香港電台"
    r"(?P<agency>[^\s:：)）】。]{2,20}(?: [A-Z][\w.]{1,20}){0,3})[)）】]?\s*$)"  # or in brackets: "(文章来源:澎湃新闻)"
)
# A reporter's byline naming the outlet: "By Jeremy Barr, The Washington Post" (a lost line break may
# join it to the next sentence: "...The Washington PostPress secretary"), "Michele Kelemen, NPR".
_OUTLET_WORD = r"(?:[A-Z]{2,6}|[A-Z][a-z]+)"
BYLINE_OUTLET = re.compile(
    rf"(?:By\s+)?[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){{1,2}}, (?P<outlet>(?:The )?{_OUTLET_WORD}(?: {_OUTLET_WORD}){{0,3}}?)"
    r"(?=\s*$|(?<=[a-z])[A-Z][a-z])"
)
NOT_OUTLETS = frozenset(  # words of what follows a name and a comma in a caption or an attribution, not an outlet
    "ambassador chairman chief correspondent deputy director editor foreign general house minister ministry "
    "office photographer president press prime representative reporter secretary spokesman spokesperson "
    "spokeswoman state".split()
)
KNOWN_OUTLETS = Path(__file__).with_name("outlets.yaml")
REPORTER_CREDIT = re.compile(  # a broadcaster's initials and its reporter, in brackets, alone on a line
    r"(?m:^\s*\((?:(?P<before>[A-Z]{2,6})[- ](?:[Rr]eporter|[Cc]orrespondent)|rep[óo]rter d[oa] (?P<after>[A-Z]{2,6}))\b[^()\n]{2,40}\)\s*$)"
)


@cache
def _outlet_table() -> dict[str, dict[str, str]]:
    return {
        part: {str(k): str(v) for k, v in table.items()}
        for part, table in yaml.safe_load(KNOWN_OUTLETS.read_text("utf-8")).items()
    }


# A Chinese byline: the outlet, 记者 ("reporter") and the reporters' names, alone on a line.
CHINESE_BYLINE = re.compile(
    r"(?m:^[ \t]*(?:文\s*[|｜/／]\s*)?(?P<outlet>[^\s\d|｜/／:：，,。]{2,8}?)[记記]者(?:[ \t]+[\u4e00-\u9fff]{2,4}){1,4}[ \t]*$)"
)
OUTLET_ENDINGS = ("报", "報", "网", "網", "社", "新闻", "新聞", "电视台", "電視台")
# Outlets whose name alone on a line near the top credits the copy a site carries ("CGTN" over a
# Spanish portal's story, "Global Times" over globalsecurity.org's): the name as a source takes it.
CREDIT_LINE_NAMES = (
    "CGTN", "Global Times", "Xinhua", "China Daily", "People's Daily", "CCTV", "Reuters", "AFP",
    "The Associated Press", "Kyodo News", "Kyodo", "Jiji Press", "Yonhap", "TASS", "Interfax", "NHK",
    "Anadolu Agency", "Sputnik",
)  # fmt: skip
CREDIT_LINE_INITIALS = ("AA", "ANI", "IANS", "PTI", "EFE")  # only in capitals: "Ani" is a name
CREDIT_LINE_PRINTED = tuple(_outlet_table()["printed"])  # "澎湃新闻" alone on a line
# The name may follow a byline's word: "Por: Xinhua" over a Spanish portal's copy, "By Reuters".
CREDIT_LINE = re.compile(
    r"(?:(?:By|Por|Par|Von|Di)\s*:?\s+)?(?P<name>"
    + "|".join(re.escape(n) for n in CREDIT_LINE_NAMES + CREDIT_LINE_PRINTED)
    + "|(?-i:"
    + "|".join(CREDIT_LINE_INITIALS)
    + "))",
    re.IGNORECASE,
)
CREDIT_LINE_REACH = 8  # non-blank lines from the top
AGENCY_SHORT = {
    "AP": "The Associated Press",
    "AA": "Anadolu Agency",
}  # as a byline signs it, under the name its datelines credit
# "Distributed by Public on 10/31/2025": the press-release platform; the line before names the author.
WIRE_COPYRIGHT = re.compile(  # a notice line with its year; a photo's "© Reuters / Tingshu Wang" is not one
    r"(?m:^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}\s*(?:(?P<reuters>(?:Thomson\s*/\s*)?Reuters)"
    r"|(?P<ap>The Associated Press)|(?P<afp>Agence France-Presse))\b[^/\n]*$)",
    re.IGNORECASE,
)
WIRE_COPYRIGHT_NAMES = {"Reuters": "reuters", "The Associated Press": "ap", "AFP": "afp"}
DISTRIBUTED_BY = re.compile(r"\|\s*Distributed by Public on\b")


@dataclass(frozen=True)
class SourceInfo:
    id: str
    name: str
    hosts: tuple[str, ...]  # the host of `url` and those under `hosts:`, without "www."


def _known_outlets() -> dict[str, str]:
    return {site.lower(): name for site, name in _outlet_table()["outlets"].items()}


def printed_names() -> dict[str, str]:
    """Names as pages print them ("澎湃新闻") and the outlet each names ("The Paper"): outlets.yaml."""
    return _outlet_table()["printed"]


def outlet_named(printed: str) -> str:
    """The outlet a credit names, under the name outlets.yaml gives it ("澎湃新闻" -> The Paper)."""
    return printed_names().get(printed, printed)


def known_outlet(host: str) -> tuple[str, str] | None:
    """(name, site) of the well-known outlet whose site ``host`` is or is under (outlets.yaml), if any."""
    known = _known_outlets()
    parts = host.lower().split(".")
    for start in range(len(parts) - 1):
        site = ".".join(parts[start:])
        if site in known:
            return known[site], site
    return None


def host_of(url: str | None) -> str | None:
    """'https://www.Example.org/x' -> 'example.org'; None for no URL or no host."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.") or None


def source_for_host(host: str, sources: list[SourceInfo]) -> SourceInfo | None:
    """The source owning ``host`` or its closest parent domain."""
    best: tuple[int, SourceInfo] | None = None
    for source in sources:
        for own in source.hosts:
            if (host == own or host.endswith("." + own)) and (best is None or len(own) > best[0]):
                best = (len(own), source)
    return best[1] if best else None


def dateline_agency(text: str) -> str | None:
    """The agency whose credit stands where the text begins (its dateline); None if none."""
    start = text[:CREDIT_REACH]
    hits = [(m.start(), name) for name, pattern in AGENCIES.items() if (m := pattern.search(start))]
    return min(hits)[1] if hits else None


def credited_agency(text: str) -> str | None:
    """The agency whose credit stands where the text begins, or whose sign-off ends it; None if none."""
    if dated := dateline_agency(text):
        return dated
    signed = SIGN_OFF.search(text.rstrip()[-SIGN_OFF_REACH:])
    agency = signed and (signed["agency"] or signed["bracketed"])
    return AGENCY_SHORT.get(agency, agency) if agency else None


def self_credit(text: str, host: str | None) -> str | None:
    """The name a site gives itself in its lead ("..., Azernews reports."), if the URL's host is its own."""
    match = SELF_CREDIT.search(text[:CREDIT_REACH])
    return match["name"] if match and own_site(match["name"], host) else None


def closing_credit(raw: str) -> str | None:
    """The outlet a capture credits below its text: "「人民網日本語版」2026年1月6日", "来源:长安街知事"."""
    end = raw.rstrip()[-SIGN_OFF_REACH:]
    found = CLOSING_CREDIT.search(end) or SOURCE_LINE.search(end)
    return AGENCY_SHORT.get(found["agency"], found["agency"]) if found and found["agency"] not in NOT_SOURCES else None


def source_field(raw: str) -> str | None:
    """The outlet a page's stamp near the top names as its text's source ("編輯: 母曼曄 | 時間: 2025-10-14
    16:51:24 | 來源: 央視新聞客戶端 |", "2026-02-27 17:08:34来源:新华社"), one outlets.yaml knows."""
    for line in [x.strip() for x in raw.splitlines() if x.strip()][:SOURCE_FIELD_LINES]:
        found = SOURCE_FIELD.search(line)
        if found and found["agency"] in printed_names():
            return found["agency"]
    return None


def stamped_agency(datelines: list[str]) -> str | None:
    """The outlet a platform's stamp names before its date, one outlets.yaml knows: "Xin Hua She·2026-02-12
    12:17" (reportify.ai carrying Xinhua's story; never a section's name: "Politics · 2026-02-12")."""
    for line in datelines:
        found = AGENCY_STAMP.fullmatch(line)
        if found and found["agency"] in printed_names():
            return found["agency"]
    return None


def wire_copyright(raw: str) -> str | None:
    """The wire whose copyright notice the page prints ("© 2025 Thomson/Reuters. All rights reserved."):
    its story, republished."""
    found = WIRE_COPYRIGHT.search(raw)
    return next(name for name, group in WIRE_COPYRIGHT_NAMES.items() if found[group]) if found else None


def credit_line(raw: str) -> str | None:
    """The outlet named alone on one of the capture's first lines, as CREDIT_LINE_NAMES writes it."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()][:CREDIT_LINE_REACH]
    for line in lines:
        if match := CREDIT_LINE.fullmatch(line):
            names = CREDIT_LINE_NAMES + CREDIT_LINE_PRINTED + CREDIT_LINE_INITIALS
            name = next(n for n in names if n.casefold() == match["name"].casefold())
            return AGENCY_SHORT.get(name, name)
    return None


def broadcaster_reporter(raw: str) -> str | None:
    """The broadcaster a reporter's credit names, one outlets.yaml knows: "(CCTV-Reporter Zhang Xuesong)",
    "(repórter do CCTV ...)" (never "(UN Correspondent Edith Lederer)")."""
    found = REPORTER_CREDIT.search(raw)
    initials = (found["before"] or found["after"]) if found else None
    return initials if initials in _known_outlets().values() else None


def reporter_outlet(raw: str) -> str | None:
    """The outlet a Chinese byline names before its reporters: "澎湃新闻记者 杨文钦 朱郑勇",
    "文 | 北京青年报记者 董鑫 孟亚旭"; a name outlets.yaml prints, or one ending as papers' and sites' do."""
    for match in CHINESE_BYLINE.finditer(raw):
        outlet = match["outlet"]
        if outlet not in NOT_SOURCES and (outlet in printed_names() or outlet.endswith(OUTLET_ENDINGS)):
            return outlet
    return None


def bylined_outlet(raw: str) -> str | None:
    """The outlet a reporter's byline names: a line beginning "By" near the start, or the first line
    when what follows the name is an outlet's initials ("Michele Kelemen, NPR"; not "Hong Kong, China").
    Never a role or an office ("Vladimir Putin, Russian President", "..., Foreign Ministry Spokesperson")."""
    lines = [line.strip() for line in raw[:CREDIT_REACH].split("\n") if line.strip()]
    for n, line in enumerate(lines):
        match = BYLINE_OUTLET.match(line)
        if not match or any(word.casefold() in NOT_OUTLETS for word in match["outlet"].split()):
            continue
        outlet = match["outlet"]
        if line.startswith("By ") or (n == 0 and re.fullmatch(r"[A-Z]{2,6}", outlet)):
            return AGENCY_SHORT.get(outlet, outlet)
    return None


def own_site(outlet: str, host: str | None) -> bool:
    """Whether ``host`` is the site of the outlet called ``outlet``: one of its labels begins with the
    name, squashed (interfax.ru for Interfax, washingtonpost.com, apnews.com; not japantimes.co.jp for AP)."""
    name = re.sub(r"\W", "", outlet.casefold()).removeprefix("the")
    short = next((s for s, full in AGENCY_SHORT.items() if full == outlet), "").casefold()
    labels = (host or "").split(".")[:-1]  # not the top-level domain
    if host and (listed := known_outlet(host)) and listed[0] == outlet_named(outlet):
        return True  # "澎湃新闻" on thepaper.cn, "ТАСС" on tass.ru
    return any(label.replace("-", "").startswith(n) for label in labels for n in (name, short) if n)


def distributed_author(raw: str) -> str | None:
    """The author named on the line before a "Distributed by Public" line (a press-release platform)."""
    lines = [line.strip() for line in raw.split("\n") if line.strip()]
    for before, line in zip(lines, lines[1:], strict=False):
        if DISTRIBUTED_BY.search(line) and len(before) <= 120:
            return before
    return None
