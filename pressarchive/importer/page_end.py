"""The page below the article: its controls, section links and footer, told apart from the article's end.

A page's end is short lines that end no sentence ("Share To", "Timeline", "APP", "Telegram";
"推荐图文", "点击排行"; "MorePhoto", "Most popular in 24h"), then perhaps a footer's notices. An
article's end is prose. So from the first run of PAGE_END_RUN short lines below the article's first
sentence, to the page's end, everything goes, provided no paragraph of prose stands below it (then
the run was the article's, a list in the middle of it) and no line of it is a list item (an
article's closing list is bulleted; a page's links are not) or starts in lower case (a sentence
wrapped over lines: "See the notice at" / "mofa.go").
"""

from __future__ import annotations

import re

PAGE_END_RUN = 2  # short lines in a row that start the page's end
SHORT_WORDS = 4  # a control or section link: "Most popular in 24h"
SHORT_CHARS = 30
SHORT_CJK = 10  # "0相关评论", "おススメ記事"; a Chinese headline is longer
PROSE_CHARS = 120  # a line this long is prose, however it ends
PROSE_CJK = 50
SENTENCE_WORDS = 3  # a sentence this long is the article's (below the run: the run was a list in it)
SENTENCE_CJK = 8
SENTENCE_FINAL = re.compile(r"[.!?…。！？][\"'”’」』)）\]]*$")
LIST_ITEM = re.compile(r"[-*•●▪◦‣・·]\s|\d{1,2}[.)、]\s?")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

Line = tuple[int, str]  # (line number in the capture, text)


def page_end(lines: list[Line]) -> int | None:
    """The index in ``lines`` where the page's end starts, or None when the article runs to the end."""
    texts = [text.strip() for _, text in lines]
    first = next((i for i, text in enumerate(texts) if _is_sentence(text) or _is_prose_length(text)), None)
    if first is None:
        return None
    run: list[int] = []
    for index in range(first + 1, len(texts)):
        text = texts[index]
        if not text:
            continue
        if _is_short(text):
            run.append(index)
        else:
            run = []
        if len(run) == PAGE_END_RUN and _no_prose_below(texts[run[0] :]):
            return run[0]
    return None


def _is_short(text: str) -> bool:
    """A control or a link: short, ending no sentence, not a list item, not a sentence's continued line."""
    if SENTENCE_FINAL.search(text) or LIST_ITEM.match(text) or text[0].islower():
        return False
    cjk = len(CJK.findall(text))
    if cjk:
        return cjk <= SHORT_CJK and len(text) <= SHORT_CJK + 6
    return len(text.split()) <= SHORT_WORDS and len(text) <= SHORT_CHARS


def _is_prose_length(text: str) -> bool:
    return len(text) >= PROSE_CHARS or len(CJK.findall(text)) >= PROSE_CJK


def _no_prose_below(texts: list[str]) -> bool:
    """No sentence of the article below: nothing of prose's length, no sentence of a few words."""
    return not any(_is_prose_length(text) or _is_sentence(text) for text in texts)


def _is_sentence(text: str) -> bool:
    long_enough = len(text.split()) >= SENTENCE_WORDS or len(CJK.findall(text)) >= SENTENCE_CJK
    return long_enough and bool(SENTENCE_FINAL.search(text))
