"""Other stories' teasers: a "Related Stories" heading and its list, the headlines after a wire story's end
mark, a "Reference(s):" tail, a closing "・" list."""

from __future__ import annotations

import re

from .headline import looks_like_headline
from .lines import Line, Removal

# A heading that opens a list of other stories; the list items under it go with it.
TEASER_HEADING = re.compile(
    r"(?:photos?|videos?|photo gallery|in pictures|more photos|related stories|related news|related articles|related posts|related tags|more stories|top stories|read also|see also|most read"
    r"|you may also like(?: to read)?|popular articles(?: in the past (?:24 hours|week|month))?"
    r"|(?:\"[^\"]{1,20}\" )?(?:most )?popular(?: articles?| stories| news)?|\w{0,4} ?access ranking|ranking"
    r"|similar news:.*|читайте также.*|также читайте.*|相[关關]新[闻聞]|相[关關][报報][导導]|延伸[阅閱][读讀]|关联阅读|新[闻聞]推[荐薦]|推[荐薦][阅閱][读讀]"
    r"|相[关關][阅閱][读讀]|相[关關]内容|相[關关]內容|更多新[闻聞]|你\s?(?:或|可能)\s?(?:有\s?興\s?趣|感\s?兴\s?趣)\s?的\s?文\s?章"
    r"|関連記事|人気記事|おすすめ記事|最新記事|新着記事|注目(?:フォト)?ニュース|(?:みんなの|人気の)反応|(?:はてな)?ブックマークでの反応"
    r"|[热熱][门門](?:新[闻聞]|文章|[资資][讯訊])|阅读排行|관련\s?기사|previous (?:post|article)|next (?:post|article))",
    re.IGNORECASE,
)
# A Chinese wire story's end mark, closing its last paragraph: "(完)", "（完）".
END_MARK = re.compile(r"[（(]完[）)]$")
CLOSES_SENTENCE = re.compile(r"[。！？.!?]$")
HEADLINE_RUN = 3  # headlines in a row after the end mark that make the page's list of other stories
HEADLINE_CHARS = 40  # characters of a headline at most
REFERENCES = re.compile(r"references?(?:\(s\))?\s*:", re.IGNORECASE)
TEASER_ITEM = re.compile(r"\s*(?:[-•●▪◦‣・]\s*)\S.*")
WIRE_SIGNOFF = re.compile(
    r"(?:--|—|–)\s*(?:PTI|IANS|ANI|AFP|AP|Reuters|Xinhua|EFE|UNI)\s*$|\((?:PTI|AFP|Reuters|Xinhua)\)\s*$"
)
TEASER_MARKER = re.compile(r"[-•●▪◦‣・]")  # a list's bullet alone on its line, its item on the next
# A listed story's stamp under its headline: "2025-09-18 16:04 中美关系 -" (its time, perhaps its section).
LISTED_STAMP = re.compile(r"20\d{2}-\d{2}-\d{2} \d{1,2}:\d{2}(?: [^\s-]{1,12})? [-–|]?")
STAMPED_RUN = 2  # headlines, each over its stamp, in a row to the page's end that make its list of other stories


def _teaser(text: str, after: str) -> bool:
    """Another story's summary cut short ("... 美軍出動逾150架軍機，由隸屬海軍的EA-18G咆哮..."), or its headline
    over one (``after``: the next line); an article's own subheading has prose under it. (A headline
    right under the list's heading is one too: "Previous Post" / its title.)"""
    return text.endswith(("...", "…")) or (looks_like_headline(text) and after.endswith(("...", "…")))


def drop_teasers(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A "Related Stories" heading and its list; "Reference(s):" and the short tail under it; a closing "・" list."""
    kept: list[Line] = []
    in_list = after_marker = False
    texts = [t.strip() for _, t in lines]
    tail_from = len(texts)
    while tail_from and (not texts[tail_from - 1] or texts[tail_from - 1].startswith("・")):
        tail_from -= 1
    stamped_from = _stamped_list(texts)
    for i, (number, line) in enumerate(lines):
        text = line.strip()
        if i == stamped_from:  # the page's other stories to its end, each headline over its stamp
            removed += [Removal(n, t.strip(), "teaser list") for n, t in lines[i:] if t.strip()]
            return kept
        if END_MARK.search(text) and _headlines_only(texts[i + 1 :]):
            # "...维护全球战略稳定。(完)", then the page's other stories' headlines to its end
            kept.append((number, line))
            removed += [
                Removal(n, t.strip(), "headlines after the story's end mark") for n, t in lines[i + 1 :] if t.strip()
            ]
            return kept
        if REFERENCES.fullmatch(text) and sum(bool(t) for t in texts[i + 1 :]) <= 4:
            removed += [Removal(n, t.strip(), "references") for n, t in lines[i:] if t.strip()]
            return kept
        if (
            TEASER_HEADING.fullmatch(text)
            and (
                _headlines_only(texts[i + 1 :])  # "更多新闻", then nothing but headlines to the page's end
                or (text.isupper() and _wire_signoff_before(texts[:i]))  # "TOP STORIES" under a story signed "-- PTI"
            )
        ):  # the page's list of other stories, to its end
            removed += [Removal(n, t.strip(), "teaser list") for n, t in lines[i:] if t.strip()]
            return kept
        plain_teaser = in_list and (
            _teaser(text, next((t for t in texts[i + 1 :] if t), ""))
            or (looks_like_headline(text) and _under_teaser_heading(texts[:i]))
        )
        if TEASER_HEADING.fullmatch(text) or (
            in_list and (TEASER_ITEM.fullmatch(text) or after_marker or plain_teaser)
        ):
            removed.append(Removal(number, text, "teaser list"))
            in_list, after_marker = True, False
        elif in_list and TEASER_MARKER.fullmatch(text):
            removed.append(Removal(number, text, "teaser list"))
            after_marker = True
        elif text and i >= tail_from:
            removed.append(Removal(number, text, "teaser list"))
        else:
            in_list = in_list and not text
            kept.append((number, line))
    return kept


def _stamped_list(texts: list[str]) -> int | None:
    """Where the page's closing list of other stories starts: STAMPED_RUN or more headlines, each over its
    stamp (LISTED_STAMP), to the end (the last perhaps cut before its stamp); None if the page has none."""
    lines = [(i, t) for i, t in enumerate(texts) if t]
    end = len(lines) - (1 if lines and not LISTED_STAMP.fullmatch(lines[-1][1]) else 0)
    start = end
    while start >= 2 and LISTED_STAMP.fullmatch(lines[start - 1][1]) and looks_like_headline(lines[start - 2][1]):
        start -= 2
    if (end - start) // 2 < STAMPED_RUN:
        return None
    return lines[start][0]


def _headlines_only(texts: list[str]) -> bool:
    """Whether the lines, HEADLINE_RUN or more, are all headlines: short, none ending as a sentence does."""
    lines = [t for t in texts if t]
    return len(lines) >= HEADLINE_RUN and all(len(t) <= HEADLINE_CHARS and not CLOSES_SENTENCE.search(t) for t in lines)


def _under_teaser_heading(texts: list[str]) -> bool:
    """Whether the last non-blank line before is a teaser list's heading ("Previous Post")."""
    return bool(TEASER_HEADING.fullmatch(next((t for t in reversed(texts) if t), "")))


def _wire_signoff_before(texts: list[str]) -> bool:
    """Whether the last non-blank line before ends with a wire agency's sign-off ("... he said. -- PTI")."""
    last = next((t for t in reversed(texts) if t), "")
    return bool(WIRE_SIGNOFF.search(last))
