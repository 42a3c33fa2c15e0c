"""Metadata: only what a capture shows (headline, date as printed, outlet, byline, URL).

Plain-text captures give what the cleaning passes set aside (the headline, the
dateline, the byline). Saved HTML pages give their own metadata: <title>, Open
Graph, JSON-LD, <time> and the canonical link; the main text is extracted with
trafilatura. Nothing is guessed: a relative date ("Yesterday, December 10") is
reported, never resolved.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .clean import Cleaned, clean, original_titles, titles_in_other_languages
from .dates import opening_dateline, opening_stamp, publication_date
from .debris import BYLINE, CHINESE_AUTHOR, CHINESE_REPORTERS, DATELINE
from .headline import CREDIT_LABEL, HEADLINE_MIN_CJK, HEADLINE_MIN_WORDS, without_site_name, without_title_label
from .language import detect_language
from .lines import CJK
from .outlet import (
    broadcaster_reporter,
    bylined_outlet,
    closing_credit,
    credit_line,
    credited_agency,
    distributed_author,
    outlet_named,
    reporter_outlet,
    source_field,
    stamped_agency,
    wire_copyright,
)
from .paragraphs import sentences

RELATIVE_DATE = re.compile(
    r"\b(?:(?:Yesterday|Today|Tomorrow|Tonight|Last night|This (?:morning|afternoon|evening|week))"
    r"|(?:last|this|next) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month))"
    r"(?:,? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})?",
    re.IGNORECASE,
)
TITLE_FROM_SENTENCE_MAX = 120
TITLE_FROM_SENTENCE_MAX_CJK = 50  # a Chinese or Japanese character says as much as two or three Latin ones
TOP_LINES = 15  # a capture's lines where a wire's dateline, removed as a credit, says whose story it is
MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"RIFF", "a RIFF file (WebP image, audio or video)"),
)
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
CONTROL_SHARE_MAX = 0.01


@dataclass
class Found:
    """What one capture shows, each value with a note saying where it came from."""

    body: str
    removed: list[Any]
    title: str | None = None
    date: str | None = None  # ISO 8601, as precise as printed, no zone invented
    outlet: str | None = None
    outlet_is_site: bool = False  # named by the page itself (og:site_name, publisher), not by a dateline
    credit: str | None = None  # the agency (or author) the text credits, when a platform carries it
    byline: str | None = None
    url: str | None = None
    language: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    relative_dates: list[str] = field(default_factory=list)
    readings: int = 0  # pinyin readings after characters, a mirror's, taken out of the text
    lost_characters: int = 0  # characters the page lost, printed as "?"

    @property
    def original_titles(self) -> list[str]:
        """The headlines a repost notes its text first ran under (a transcript's repost: the briefing's title)."""
        return original_titles(self.removed)

    @property
    def photo_captions(self) -> list[str]:
        """The photo captions taken out of the text: not the article, but evidence of the event it reports."""
        return [removal.text for removal in self.removed if removal.reason == "photo caption"]

    @property
    def titles_in_other_languages(self) -> list[str]:
        """A bilingual page's headline in its other language."""
        return titles_in_other_languages(self.removed)


class NotText(ValueError):
    """The capture is not text: an image, a PDF, binary data, or bytes in no known encoding."""


def read_capture(path: Path) -> Found:
    raw, charset = decode_capture(path.read_bytes())
    found = from_html(raw) if path.suffix.lower() in (".html", ".htm") else from_text(raw)
    if charset != "utf_8":
        found.notes["charset"] = charset
    return found


def decode_capture(data: bytes) -> tuple[str, str]:
    """The capture's text and its encoding: UTF-8, else the page's declared charset, else as detected."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise NotText(f"{what}, not a capture: save the page's text (.txt) or the page itself (.html)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf_16"
    if b"\x00" in data:
        raise NotText("binary data (NUL bytes), not a text or HTML capture")
    try:
        return data.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    declared = DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared[1].decode("ascii")), declared[1].decode("ascii").lower()
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best else ""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if not best or not text or controls > len(text) * CONTROL_SHARE_MAX:
        raise NotText("not text in any known encoding (binary data?)")
    return text, best.encoding


CREDITING = ("credit or label", "dateline")  # removed lines that may carry a wire's credit


AUTHOR_LINE = re.compile(CHINESE_AUTHOR)
CLOSING_CREDIT = re.compile(rf"[（(][^（）()]{{0,8}}?{CHINESE_REPORTERS.pattern}")  # "…林剑说。(记者董雪、刘杨)"


def chinese_byline(cleaned: Cleaned) -> str | None:
    """The author or reporters a Chinese page names: its author's line or byline, removed as a credit
    ("撰文：張涵語", "記者魏有德／綜合報導"), else the reporters' credit closing its text ("(记者董雪、刘杨)")."""
    for text in cleaned.found("credit or label"):
        if found := AUTHOR_LINE.fullmatch(text) or CHINESE_REPORTERS.search(text):
            return _names(found.group(found.lastgroup or 0))
    closing = list(CLOSING_CREDIT.finditer(cleaned.body))
    return _names(closing[-1]["names"]) if closing else None


def _names(names: str) -> str:
    return "、".join(names.replace(" ", "、").split("、"))


def from_text(text: str) -> Found:
    cleaned = clean(text)
    found = Found(cleaned.body, cleaned.removed, language=detect_language(cleaned.body))
    found.readings, found.lost_characters = cleaned.readings, cleaned.lost
    headlines = cleaned.found("headline")
    if headlines:
        found.title = without_site_name(
            without_title_label(headlines[0]), None
        )  # the wire's name; the site's own when the URL is known
    _read_dateline(cleaned, found)
    bylines = cleaned.found("byline")
    if bylines:
        found.byline = BYLINE.fullmatch(bylines[0])["name"]  # type: ignore[index]
    else:
        found.byline = chinese_byline(cleaned)
    found.relative_dates = relative_dates(found.body)
    credit = (
        credited_agency(found.body)
        or credited_agency("\n".join(r.text for r in cleaned.removed if r.reason in CREDITING and r.line <= TOP_LINES))
        # (a wire's dateline alone on its line near the top, removed: "Beijing (AFP) Feb 10, 2026")
        or distributed_author(text)
        or bylined_outlet(text)
        or credit_line(text)
        or reporter_outlet(text)
        or broadcaster_reporter(text)
        or source_field(text)
        or stamped_agency(cleaned.found("dateline"))
        or closing_credit(text)
        or wire_copyright(text)
    )
    found.credit = outlet_named(credit) if credit else None
    return found


def _read_dateline(cleaned: Cleaned, found: Found) -> None:
    datelines = cleaned.found("dateline")
    for line in datelines:
        match = DATELINE.fullmatch(line)
        if match:
            found.outlet = match["outlet"].strip()
            found.notes["outlet_from"] = "the capture's dateline"
            found.date = printed_date(match["printed"])
            if found.date:
                found.notes["date_source"] = f'text "{line}" (month/day/year)'
            return
    printed = (
        publication_date(datelines, (found.language,) if found.language else ())
        or opening_stamp(cleaned.body)
        or opening_dateline(cleaned.body)
    )
    if printed:
        found.date = printed.iso
        found.notes["date_source"] = f'text "{printed.line}"'


def printed_date(printed: str) -> str | None:
    """'12/10/2025 08:17:04' -> '2025-12-10T08:17:04' (month/day/year; naive, as printed)."""
    for pattern, has_time in (("%m/%d/%Y %H:%M:%S", True), ("%m/%d/%Y %H:%M", True), ("%m/%d/%Y", False)):
        try:
            moment = datetime.strptime(" ".join(printed.split()), pattern)
        except ValueError:
            continue
        return moment.isoformat() if has_time else moment.date().isoformat()
    return None


def relative_dates(body: str) -> list[str]:
    return list(dict.fromkeys(m.group() for m in RELATIVE_DATE.finditer(body)))


# An agency's dateline opening the first sentence: "【新華社北京10月30日】", "BEIJING, Oct. 29 (Xinhua) -- ".
_DAY_MONTH = r"[^\W\d_]{2,9}\.? \d{1,2}|\d{1,2} [^\W\d_]{2,9}\.?"  # "Jan. 7", "Sep 30", "7 janvier", "5 gen."
_WIRES = r"Xinhua|AP|Reuters|AFP|EFE|Jiji Press|Kyodo|TASS|PTI|Adnkronos|ANSA|LaPresse|Lusa|dpa|KUNA|Yonhap"
STAMP_REACH = 60  # characters of a paragraph's first line where a stamp's "来源:" or "Source:" stands
OPENING_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z0-9]+(?:\.[A-Z]{2,3})+,?\s*-{0,2}\s*[A-Z][A-Z ]{2,20}(?:\.|\s+-{1,2})\s*"  # "KONTAN.CO.ID - BEIJING."
    r"|[^【\n]{0,60}?【[^】]{1,30}】|[^\W\d_][\w .'/-]{1,30}?"  # BEIJING, Beijing, Tokyo/Beijing, Pechino
    rf"(?:(?:, (?:{_DAY_MONTH}))?\s?\((?:{_WIRES})\)\s*\.?(?:--|—|–|-)\s*|, (?:{_DAY_MONTH})\s?\((?:{_WIRES})\)\s*))"
)


def title_from_opening(body: str) -> str | None:
    """The opening sentence, without its dateline and full stop, when the capture shows no headline;
    a long one is cut at a word (or, in CJK text, a character) and ends in "…"."""
    undated = (OPENING_DATELINE.sub("", p) for p in body.split("\n\n"))  # a dateline alone leaves nothing
    # not a masthead left over ("Newsfrom Japan"), nor a stamp with its credits ("2026-02-14 19:04:34 来源:参考消息网")
    paragraphs = [
        p for p in undated if _reads_as_prose(p) and not CREDIT_LABEL.search(p.split("\n", 1)[0][:STAMP_REACH])
    ]
    first = sentences(paragraphs[0]) if paragraphs else []
    if not first:
        return None
    sentence = first[0].rstrip(".。")
    limit = TITLE_FROM_SENTENCE_MAX_CJK if len(CJK.findall(sentence)) * 2 >= len(sentence) else TITLE_FROM_SENTENCE_MAX
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:、，") + "…"


def _reads_as_prose(paragraph: str) -> bool:
    """Four words or more, or as many CJK characters as a headline has at least."""
    return len(paragraph.split()) >= HEADLINE_MIN_WORDS or len(CJK.findall(paragraph)) >= HEADLINE_MIN_CJK


def from_html(html: str) -> Found:
    import trafilatura

    page = page_metadata(html)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    found = from_text("\n\n".join(text.split("\n")))  # trafilatura's text: one paragraph a line
    found.title = page.get("title") or found.title
    found.date = page.get("date") or found.date
    if page.get("outlet"):
        found.outlet, found.outlet_is_site = page["outlet"], True
        found.notes["outlet_from"] = f"the saved page's {page['outlet_from']}"
    found.byline = page.get("byline") or found.byline
    found.url = page.get("url")
    for key in ("title", "url"):
        if page.get(key + "_from"):
            found.notes[f"{key}_note"] = f"From the saved page's {page[key + '_from']}."
    if page.get("date"):
        found.notes["date_source"] = f"html {page['date_from']}"
    return found


def page_metadata(html: str) -> dict[str, str]:
    """Title, date, outlet, byline and URL from the page's own metadata, best source first."""
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(html)
    ld = _json_ld(tree)
    meta = {(m.get("property") or m.get("name") or "").lower(): m.get("content", "").strip() for m in tree.iter("meta")}
    times = [t.get("datetime", "").strip() for t in tree.iter("time") if t.get("datetime")]
    canonical = [
        link.get("href", "").strip() for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical"
    ]
    title_tag = " ".join((tree.findtext(".//title") or "").split())
    candidates = {
        "title": [(ld.get("headline"), "JSON-LD headline"), (meta.get("og:title"), "og:title"), (title_tag, "<title>")],
        "date": [
            (ld.get("datePublished"), "JSON-LD datePublished"),
            (meta.get("article:published_time"), "article:published_time"),
            (times[0] if times else None, "<time datetime>"),
        ],
        "url": [
            (canonical[0] if canonical else None, "canonical link"),
            (meta.get("og:url"), "og:url"),
            (ld.get("url"), "JSON-LD url"),
        ],
        "outlet": [(_name(ld.get("publisher")), "JSON-LD publisher"), (meta.get("og:site_name"), "og:site_name")],
        "byline": [(_name(ld.get("author")), "JSON-LD author"), (meta.get("author"), "author meta")],
    }
    result: dict[str, str] = {}
    for key, options in candidates.items():
        for value, where in options:
            value = _usable(key, value)
            if value:
                result[key], result[key + "_from"] = value, where
                break
    return result


def _usable(key: str, value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    value = " ".join(value.split())
    if key == "date":
        return iso_date(value)
    if key == "url":
        return str(value) if re.match(r"https?://\S+$", value) else None
    return str(value)


def iso_date(value: str) -> str | None:
    """An ISO date or date-time as the page states it; anything else is not a date we can keep."""
    value = value.replace("Z", "+00:00") if value.endswith("Z") else value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return moment.isoformat()


def _json_ld(tree: Any) -> dict[str, Any]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data.get("@graph", [data]) if isinstance(data, dict) else data
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and ("headline" in item or "datePublished" in item):
                return item
    return {}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [_name(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return value.get("name") if isinstance(value.get("name"), str) else None
    return value if isinstance(value, str) else None
