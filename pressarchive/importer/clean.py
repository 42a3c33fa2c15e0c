"""Cleaning: capture text -> the article's Markdown body, one small named pass at a time.

Each pass takes lines and returns the lines it keeps, recording every line it
removes with the reason. No pass removes a sentence of the article: debris is
matched as a whole line (or as the part of a line it is, where the page lost a
line break: a photo's caption before the lead, an editor's tag closing the last
paragraph), and a repeated copy of the text is dropped only when each of its
sentences survives in the copy that is kept. Before the passes, pinyin readings
that a mirror put after every character ("發(fā)言人") are taken out and counted.

The passes that need more than a pattern have modules of their own: the headline
(headline.py), other stories' teasers (teasers.py), the page below the article
(page_end.py), paragraphs and repeated copies (paragraphs.py); the patterns are in
debris.py, and what every pass shares (a line, a removal) in lines.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .dates import LABELLED, LABELLED_SCAN_LINES, SCAN_LINES, STORE_MONTH, STORE_PREFIX, date_lines
from .debris import (
    BYLINE,
    CAPTION,
    COOKIES,
    CREDITS,
    DATELINE,
    EDITOR_INITIALS,
    FURNITURE,
    IMAGE_ALT,
    JAPANESE_CAPTION,
    JAPANESE_LEAD,
    JSON_DATE_FIELD,
    JSON_FIELD,
    KEYWORD_ROW,
    LANGUAGE_NAMES,
    LEADING_CAPTIONS,
    MENU_ITEM,
    NOTICE,
    ORIGINAL_TITLE,
    PLACE_LINE,
    SPEAKER_LABEL,
    TAG_ROW,
    TICKER,
    TRAILING_STAMP,
    WEATHER,
    WIRE_END,
)
from .headline import OTHER_LANGUAGE_HEADLINE, drop_headline, is_page_label, looks_like_headline
from .hosts import names_a_host, names_a_spokesperson
from .lines import SENTENCE_FINAL, Line, Removal, drop_matching
from .page_end import page_end
from .paragraphs import bullets_to_list, drop_repeated_copy, split_line_paragraphs, tidy
from .teasers import drop_teasers

LANGUAGE_RUN = 3  # language names in a row that make a switcher
WRAPPED_LINE_CHARS = 40  # a line cut mid-sentence this long is a hard-wrapped paragraph's
MENU_ITEMS = 4
TAG_LINES = 10  # non-blank lines from the top where a page's section tag stands alone
HOME_TRAIL_LINES = 8  # non-blank lines from the top where a breadcrumb trail stands
HOME_TRAIL_ITEMS = 4  # sections in a trail before its headline ("首页 中国新闻")
HOME_ITEMS = {
    "home",
    "首页",
    "首頁",
    "ホーム",
    "홈",
    "inicio",
    "accueil",
    "главная",
    "início",
    "startseite",
}  # a menu's first
NAME_CAPTION_LINES = 12  # non-blank lines from the top where a caption naming the spokesperson stands
PROSE_WORDS = 8  # a line of this many words is prose (the article's, a teaser's): menus stand above it
PLACE_CHARS = 12  # characters of the place ending a Japanese paper's caption: "首相官邸", "東京都千代田区"
# A character's reading in pinyin, in brackets right after it: "發(fā)言人", "聯(lián)合國". Some mirrors put one after
# every character with several readings; READINGS or more in a capture are the mirror's, not the article's (a
# story that gives one reading, "行(háng)", keeps it). A syllable with a tone mark: never an English word.
PINYIN_READING = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
READINGS = 3
# Characters the page lost, printed as "?" inside Chinese text before what is left of their pinyin reading
# ("嚴重?fù)p害"); on such a page, two and more in a row too ("報告??梢越榻B"). (One "?" before a character is a
# question mark, "是否将致辞?是否将宣布…", and two may be one: "真的吗??这是…".)
LOST_CHARACTER = re.compile(r"(?<=[\u3400-\u9fff])\?(?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])")
LOST_CHARACTERS = re.compile(r"(?<=[\u3400-\u9fff])\?{2,}(?=[\u3400-\u9fff])")


ORIGINAL_HEADLINE = "original headline (a repost's note)"


@dataclass
class Cleaned:
    body: str
    removed: list[Removal] = field(default_factory=list)
    readings: int = 0  # pinyin readings a mirror put after characters, taken out of the text
    lost: int = 0  # characters the page lost, printed as "?" (left as they are: the text says so)

    def found(self, reason: str) -> list[str]:
        """The removed lines for one reason, e.g. the dateline or the headline."""
        return [r.text for r in self.removed if r.reason == reason]


def clean(text: str) -> Cleaned:
    """Run every pass, in order, over a capture's text."""
    text, readings = without_readings(normalise(text))
    lines: list[Line] = list(enumerate(text.split("\n"), start=1))
    removed: list[Removal] = []
    passes = (
        drop_store_prefix,
        drop_json_fields,
        drop_menus,
        drop_home_trails,
        drop_language_switchers,
        drop_tickers,
        drop_furniture,
        drop_tag_rows,
        drop_place_lines,
        drop_cookie_banners,
        drop_notices,
        drop_original_titles,
        drop_field_blocks,
        drop_credits,
        drop_editor_initials,
        drop_captions,
        drop_teasers,
        drop_page_end,
        drop_datelines,
        split_trailing_stamps,
        drop_date_lines,
        drop_bylines,
        drop_headline,
        drop_repeated_copy,
        split_line_paragraphs,
    )
    for one_pass in passes:
        lines = one_pass(lines, removed)
    body = tidy("\n".join(bullets_to_list(t) for _, t in lines))
    lost = len(LOST_CHARACTER.findall(body))
    lost += sum(len(m.group()) for m in LOST_CHARACTERS.finditer(body)) if lost else 0
    return Cleaned(body, sorted(removed, key=lambda r: r.line), readings, lost)


def without_readings(text: str) -> tuple[str, int]:
    """The text without the pinyin readings a mirror put after its characters, and how many there were."""
    without, found = PINYIN_READING.subn("", text)
    return (without, found) if found >= READINGS else (text, 0)


def normalise(text: str) -> str:
    """NFC, LF line ends, no BOM or zero-width characters, single spaces, no trailing blanks."""
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u200b\u200c\u2060\ufeff]", "", text)  # zero-width space/non-joiner, word joiner
    lines = []
    for line in text.split("\n"):
        indent = re.match(r"[ \t\u00a0]*", line).group()  # type: ignore[union-attr]
        rest = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line[len(indent) :]).rstrip()
        lines.append(("  " if indent and rest else "") + rest)
    return "\n".join(lines)


def drop_language_switchers(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A site's language switcher: LANGUAGE_RUN or more lines in a row, each a language's own name."""
    kept: list[Line] = []
    run: list[Line] = []
    for number, line in [*lines, (0, "")]:
        if line.strip() in LANGUAGE_NAMES:
            run.append((number, line))
            continue
        if len(run) >= LANGUAGE_RUN:
            removed += [Removal(n, t.strip(), "language switcher") for n, t in run]
        else:
            kept += run
        run = []
        if number or line:
            kept.append((number, line))
    return kept


def drop_menus(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Navigation menus ("• Home", "• China", "• Business", ...), and a date line on the page's first line
    right above one: the site's date of today ("Thursday, January 29, 2026", on every page), not the article's."""
    gone: set[int] = set()
    first = next((i for i, (_, t) in enumerate(lines) if t.strip()), None)
    for run in _menu_runs(lines):
        above = next((i for i in range(run[0] - 1, -1, -1) if lines[i][1].strip()), None)
        if above is not None and above == first and date_lines([lines[above][1]]):
            removed.append(
                Removal(lines[above][0], lines[above][1].strip(), "the site's date of today, above its menu")
            )
            gone.add(above)
        removed += [Removal(lines[i][0], lines[i][1].strip(), "navigation menu") for i in run]
        gone.update(run)
    for i in _lone_tags(lines):
        removed.append(Removal(lines[i][0], lines[i][1].strip(), "section tag"))
        gone.add(i)
    return [line for i, line in enumerate(lines) if i not in gone]


def _lone_tags(lines: list[Line]) -> list[int]:
    """Bulleted lines of one or two words alone near the top, no other bullet above or below them: the
    page's section tag under its byline ("• China", Devdiscourse), never an article's list."""
    texts = [(i, t.strip()) for i, (_, t) in enumerate(lines) if t.strip()][:TAG_LINES]
    bulleted = [MENU_ITEM.fullmatch(t) is not None for _, t in texts]
    return [
        index
        for n, (index, text) in enumerate(texts)
        if bulleted[n]
        and len(text.strip(" •●▪◦‣·-").split()) <= 2
        and not (n and bulleted[n - 1])
        and not (n + 1 < len(texts) and bulleted[n + 1])
    ]


def drop_home_trails(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A breadcrumb trail flattened into spaces, from the home page to the headline the next line
    gives alone ("首页 中国新闻 是否有中国籍船只…外交部回应", then "是否有中国籍船只…外交部回应")."""
    texts = [(i, t.strip()) for i, (_, t) in enumerate(lines) if t.strip()][:HOME_TRAIL_LINES]
    for (index, line), (_, following) in zip(texts, texts[1:], strict=False):
        trail = line[: -len(following)].split() if line.endswith(following) and line != following else []
        if trail and trail[0].casefold() in HOME_ITEMS and len(trail) <= HOME_TRAIL_ITEMS:
            removed.append(Removal(lines[index][0], line, "breadcrumb trail"))
            return lines[:index] + lines[index + 1 :]
    return lines


def _menu_runs(lines: list[Line]) -> list[list[int]]:
    """The indexes of each run of MENU_ITEMS or more menu items in a row (blank lines between them allowed)
    above the first line of prose (a list further down may be the article's: "The documents are: - ..."),
    holding a "Home" item or printed twice (an article's list of topics is neither)."""
    runs: list[list[int]] = [[]]
    for index, (_, line) in enumerate(lines):
        if len(line.split()) >= PROSE_WORDS:
            break
        if MENU_ITEM.fullmatch(line):
            runs[-1].append(index)
        elif line.strip() and runs[-1]:
            runs.append([])
    texts = [tuple(lines[i][1].strip(" •●▪◦‣·-").casefold() for i in run) for run in runs]
    return [
        run
        for run, items in zip(runs, texts, strict=True)
        if len(run) >= MENU_ITEMS and (HOME_ITEMS & set(items) or texts.count(items) > 1)
    ]


def drop_tickers(lines: list[Line], removed: list[Removal]) -> list[Line]:
    kept = drop_matching(lines, removed, TICKER, "market ticker")
    return drop_matching(kept, removed, WEATHER, "weather ticker")


def drop_furniture(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return drop_matching(lines, removed, FURNITURE, "page furniture")


API_FIELD = "a field of the site's API response"


def drop_json_fields(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A site's API response saved as the page (its first line "{"): its braces and its short fields
    ("id": 1617715, "author": "Andri Saubani") go, a date's field as the dateline; the fields holding
    the article's text stay."""
    first = next((t.strip() for _, t in lines if t.strip()), "")
    if first not in ("{", "["):
        return lines
    kept = drop_matching(lines, removed, JSON_FIELD, API_FIELD)
    for index, removal in enumerate(removed):
        if removal.reason == API_FIELD and JSON_DATE_FIELD.match(removal.text):
            removed[index] = Removal(removal.line, removal.text, "dateline")  # the page's date, as its field gives it
    return kept


def drop_notices(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return drop_matching(lines, removed, NOTICE, "site notice")


def drop_tag_rows(lines: list[Line], removed: list[Removal]) -> list[Line]:
    kept = drop_matching(lines, removed, TAG_ROW, "row of topic tags")
    texts = ["", *(t.strip() for _, t in kept), ""]
    rows = {i for i, text in enumerate(texts[1:-1]) if KEYWORD_ROW.fullmatch(text)}
    rows -= {i for i in rows if _wrapped_sentence(texts[i], texts[i + 2]) and i - 1 not in rows}
    removed += [Removal(kept[i][0], kept[i][1].strip(), "row of topic tags") for i in sorted(rows)]
    return [line for i, line in enumerate(kept) if i not in rows]


def _wrapped_sentence(before: str, after: str) -> bool:
    """Whether a line between these two is a hard-wrapped sentence's: the line above is a long one cut
    mid-sentence, or the line below goes on in lower case."""
    return (len(before) >= WRAPPED_LINE_CHARS and not SENTENCE_FINAL.search(before)) or after[:1].islower()


def drop_place_lines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return drop_matching(lines, removed, PLACE_LINE, "dateline place on its own line")


def drop_cookie_banners(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return drop_matching(lines, removed, COOKIES, "cookie banner")


def drop_original_titles(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A repost's note of its original headline: not the article, but kept (as removed) for what it names."""
    return drop_matching(lines, removed, ORIGINAL_TITLE, ORIGINAL_HEADLINE)


def titles_in_other_languages(removed: list[Removal]) -> list[str]:
    """A bilingual page's headline in its other language ("Foreign Ministry Spokesperson Lin Jian's Regular
    Press Conference on January 5, 2026" under "2026年1月5日外交部发言人林剑主持例行记者会")."""
    return [r.text for r in removed if r.reason == OTHER_LANGUAGE_HEADLINE]


def original_titles(removed: list[Removal]) -> list[str]:
    """The headlines a repost says its text first ran under (the briefing's own title, in a transcript's repost)."""
    return [
        m["title"] or m["quoted"] or m["bare"]
        for r in removed
        if r.reason == ORIGINAL_HEADLINE and (m := ORIGINAL_TITLE.fullmatch(r.text))
    ]


# An editor's tag closing the last paragraph: "…付出代价。 【编辑:刘阳禾】".
TRAILING_EDITOR = re.compile(
    r"(?<=[。！？”」.!?])\s*(?P<tag>[【\[](?:编辑|編輯|责编|責編)\s*[:：][^】\]]{1,20}[】\]])\s*$"
)


def drop_credits(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Credits and labels (an editor's tag closing a paragraph too), but not a speaker's label over what
    they said ("木原官房長官：") nor a date line."""
    kept = []
    for number, line in lines:
        if tag := TRAILING_EDITOR.search(line):
            removed.append(Removal(number, tag["tag"], "credit or label"))
            line = line[: tag.start()]
        kept.append((number, line))
    return drop_matching(kept, removed, CREDITS, "credit or label", unless=_is_label_or_date)


# A field's label alone on its line, its value on the next: "Source" / "Xinhuanet" / "Editor" / "Li Jiayao".
FIELD_LABEL = re.compile(
    r"(?:source|editor|author|reporter|writer|time|date|published|updated|来源|來源|作者|编辑|編輯|责任编辑|責任編輯|时间|時間)\s*[:：]?",
    re.IGNORECASE,
)
FIELD_VALUE_WORDS = 4  # a field's value is a name or a stamp, not a sentence
FIELD_PAIRS = 2  # label and value pairs in a row that make the page's block of fields


def drop_field_blocks(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A block of FIELD_PAIRS or more labels near the top, each alone over its value (China Military Online:
    "Source" / "Xinhuanet" / "Editor" / "Li Jiayao" / "Time" / its stamp). A value that is a date stays for
    the date lines' pass, which reads it."""
    texts = [(i, t.strip()) for i, (_, t) in enumerate(lines) if t.strip()][:NAME_CAPTION_LINES]
    pairs: list[tuple[int, int]] = []  # (label, value) indexes in lines of the current run
    best: list[tuple[int, int]] = []
    n = 0
    while n + 1 < len(texts):
        (label_at, label), (value_at, value) = texts[n], texts[n + 1]
        if (
            FIELD_LABEL.fullmatch(label)
            and len(value.split()) <= FIELD_VALUE_WORDS
            and not SENTENCE_FINAL.search(value)
        ):
            pairs.append((label_at, value_at))
            n += 2
            continue
        best, pairs = max(best, pairs, key=len), []
        n += 1
    best = max(best, pairs, key=len)
    if len(best) < FIELD_PAIRS:
        return lines
    gone = {i for pair in best for i in pair if i == pair[0] or not date_lines([lines[i][1]])}
    removed += [Removal(lines[i][0], lines[i][1].strip(), "credit or label") for i in sorted(gone)]
    return [line for i, line in enumerate(lines) if i not in gone]


def drop_editor_initials(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A wire editor's initials under its "(end)" (KUNA: "... for Japan. (end)", then "mk.aai")."""
    kept: list[Line] = []
    before = ""  # the last line kept that is not blank
    for number, line in lines:
        if EDITOR_INITIALS.fullmatch(line.strip()) and WIRE_END.search(before):
            removed.append(Removal(number, line.strip(), "credit or label"))
            continue
        kept.append((number, line))
        before = line.strip() or before
    return kept


PHOTO_OR_EDITOR = re.compile(r"\b(?:foto|photo|image|picture|editor)s?\b|[摄攝]|[图圖]片|사진", re.IGNORECASE)
SPEAKER_TITLE = re.compile(r"(?:報道官|报道官|发言人|發言人|대변인|,? spokes(?:person|woman|man))$", re.IGNORECASE)


def _is_label_or_date(line: str) -> bool:
    """A speaker's label, or a date line ("11:37 ص 05/03/2026" reads as a photo's path credit "a/b/c";
    "来源:证券时报网2026-02-05 18:14" is the page's stamp): the date lines' pass reads it as the page's date.
    A photo's or an editor's credit with a date ("Foto: dpa/Stefan Sauer 12.11.2023") stays a credit: a file
    photo's day is not the page's."""
    return _is_speaker_label(line) or (bool(date_lines([line])) and not PHOTO_OR_EDITOR.search(line))


def _is_speaker_label(line: str) -> bool:
    """A known host or spokesperson's name (perhaps with the title after it) and a colon, alone on its
    line: what follows is their words."""
    return _labels_a_speaker(SPEAKER_LABEL.fullmatch(line))


def _labels_a_speaker(label: re.Match[str] | None) -> bool:
    """Whether a speaker's label names a known host or spokesperson (perhaps with the title after it)."""
    name = SPEAKER_TITLE.sub("", label["name"]).strip() if label else ""  # "郭嘉昆報道官:", "Mao Ning, spokesperson:"
    return bool(name) and names_a_host(name)


def drop_captions(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Photo captions (one opening a line that goes on is split from it), and an image's text printed
    again as its caption on the next line (Newsis)."""
    split: list[Line] = []
    for number, line in lines:
        opening = _leading_caption(line.strip())
        if opening:
            removed.append(Removal(number, opening[0], "photo caption"))
        split.append((number, opening[1]) if opening else (number, line))
    kept = _drop_name_captions(drop_matching(split, removed, CAPTION, "photo caption"), removed)
    images = {r.line: " ".join(image["alt"].split()) for r in removed if (image := IMAGE_ALT.match(r.text))}
    present = {n for n, _ in lines}  # an image removed by an earlier pass still stands where it stood
    texts = sorted(
        [(n, " ".join(t.split())) for n, t in lines if t.strip()] + [(n, "") for n in images if n not in present]
    )
    again = {n for (above, _), (n, text) in zip(texts, texts[1:], strict=False) if images.get(above) == text}
    removed += [Removal(n, t.strip(), "photo caption") for n, t in kept if n in again]
    return [(n, t) for n, t in kept if n not in again]


def _drop_name_captions(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A line near the top that only names a host's spokesperson (after their office, perhaps): the caption
    of their photo ("Chinese Foreign Ministry spokesperson Guo Jiakun", printed once or twice above the lead).
    Not in a transcript, whose speakers' labels name them (a name alone there may be a label that lost its colon)."""
    if any(_labels_a_speaker(SPEAKER_LABEL.match(t.strip())) for _, t in lines):
        return lines
    # above the first line that ends a sentence (a transcript's question, the lead): a name alone below one
    # may be a speaker's label that lost its colon
    texts = [(n, t.strip()) for n, t in lines if t.strip()][:NAME_CAPTION_LINES]
    prose = next((i for i, (_, t) in enumerate(texts) if SENTENCE_FINAL.search(t)), len(texts))
    top = [n for n, _ in texts[:prose]]
    below = {n: t.strip() for (n, _), (_, t) in zip(lines, lines[1:], strict=False)}
    captions = {
        n for n, t in lines if n in top and names_a_spokesperson(t) and _under_caption(below.get(n, ""), t.strip())
    }
    removed += [Removal(n, t.strip(), "photo caption (the spokesperson's name)") for n, t in lines if n in captions]
    return [(n, t) for n, t in lines if n not in captions]


def _under_caption(below: str, caption: str) -> bool:
    """Whether the line right below a name may follow a photo's caption: a blank line, the caption again
    (the image's text and its caption), or a sentence; not a headline's next line ("Chinese Foreign Ministry
    Spokesperson Guo Jiakun" over "On Question of ...: "I Am Not Aware of the Situation"", a subtitle's kicker)."""
    return not below or below == caption or bool(SENTENCE_FINAL.search(below))


def _leading_caption(line: str) -> tuple[str, str] | None:
    """(caption, the story after it) when a photo's caption opens the line, the page having lost the break."""
    if opening := next((m for p in LEADING_CAPTIONS if (m := p.fullmatch(line))), None):
        return opening["caption"], opening["rest"]
    if japanese := JAPANESE_CAPTION.fullmatch(line):
        after = japanese["after"]
        for cut in range(1, PLACE_CHARS + 1):  # the place: "首相官邸", "国会"
            if JAPANESE_LEAD.match(after, cut) and after[cut : cut + 2] in japanese["who"]:
                return line[: len(line) - len(after) + cut], after[cut:]
    return None


def drop_page_end(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """The page's controls, section links and footer below the article (see page_end)."""
    start = page_end(lines)
    if start is None:
        return lines
    removed += [Removal(n, t.strip(), "the page below the article") for n, t in lines[start:] if t.strip()]
    return lines[:start]


def drop_datelines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return drop_matching(lines, removed, DATELINE, "dateline")


def drop_store_prefix(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """The store's " date YYYY-MM-DD " before the first line: set aside as the printed date (one to the
    month only, " date 2025-06 ", is set aside too, and gives no date). A few
    words after it on that line are the page's first, a site's name or a label ("Newsfrom Japan",
    "快訊", "Left Menu"): a headline is longer, and the article starts on a line of its own."""
    for i, (number, line) in enumerate(lines):
        if not line.strip():
            continue
        match = STORE_PREFIX.match(line)
        if match:
            removed.append(Removal(number, f"date {match[1]}", "dateline"))
            rest = line[match.end() :]
            if rest.strip() and date_lines([rest]):  # the page's own stamp beside the store's: "11/03/2026 10:32"
                removed.append(Removal(number, rest.strip(), "dateline"))
                rest = ""
            elif rest.strip() and is_page_label(rest.strip()) and any(t.strip() for _, t in lines[i + 1 :]):
                removed.append(Removal(number, rest.strip(), "the page's first words, beside the store's date"))
                rest = ""
            return [*lines[:i], (number, rest), *lines[i + 1 :]]
        if month := STORE_MONTH.match(line):  # " date 2025-06 La Cina accusa...": set aside, never a date
            removed.append(Removal(number, f"date {month[1]}", "the store's date, to the month only"))
            return [*lines[:i], (number, line[month.end() :]), *lines[i + 1 :]]
        return lines
    return lines


def split_trailing_stamps(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A headline and its page's stamp on one line ("Trung Quốc lên tiếng về ... Takaichi 09/02/2026 19:41"),
    the page's first: two lines, so that each is read as what it is (a byline's "Posted by X 09/02/2026
    19:41" further down stays whole, a date line)."""
    kept, seen = [], 0
    for number, line in lines:
        seen += bool(line.strip())
        stamp = TRAILING_STAMP.search(line) if seen == 1 else None
        head = line[: stamp.start()].strip() if stamp else ""
        if stamp and looks_like_headline(head):
            kept += [(number, head), (number, stamp.group().strip())]
        else:
            kept.append((number, line))
    return kept


def drop_date_lines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Lines near the top that are mostly a date ("Updated: December 10, 2025 21:50"), or a labelled date
    below a long menu ("Haber Giriş Tarihi: 13.01.2026 14:06")."""
    kept, seen = [], 0
    for number, line in lines:
        seen += bool(line.strip())
        near = seen <= SCAN_LINES or (seen <= LABELLED_SCAN_LINES and bool(LABELLED.match(line.strip())))
        if line.strip() and near and line.strip() in {p.line for p in date_lines([line])}:
            removed.append(Removal(number, line.strip(), "dateline"))
        else:
            kept.append((number, line))
    return kept


def drop_bylines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Bylines, and the author's name alone on a line elsewhere (the author's box under the text)."""
    kept = drop_matching(lines, removed, BYLINE, "byline")
    names = {match["name"] for r in removed if r.reason == "byline" and (match := BYLINE.fullmatch(r.text))}
    alone = [(n, t) for n, t in kept if t.strip() in names]
    removed += [Removal(n, t.strip(), "byline (the author's name again)") for n, t in alone]
    return [line for line in kept if line not in alone]
