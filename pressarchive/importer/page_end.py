"""The page below the article: its controls, section links and footer, told apart from the article's end.

A page's end is readers' comments, from their plugin's rating down ("0 0 votos", "Article
Rating"), whatever prose they hold; or short lines that end no sentence ("Share To", "Timeline", "APP", "Telegram";
"推荐图文", "点击排行"; "MorePhoto", "Most popular in 24h"), then perhaps a footer's notices. An
article's end is prose. So from the first run of PAGE_END_RUN short lines below the article's first
sentence, to the page's end, everything goes, provided no paragraph of prose stands below it (then
the run was the article's, a list in the middle of it), no line of it is a list item (an
article's closing list is numbered or bulleted, "一、", "（1）", "①"; a page's links are not), a
speaker's turn ("MS. LEAVITT: Yes"), a date (a statement's signature), a post quoted in capitals,
or starts in lower case (a sentence wrapped over lines: "See the notice at" / "mofa.go"), and it
does not start under a line announcing it ("They are:", "中方主张：").
"""

from __future__ import annotations

import re

from .dates import dates_in
from .lines import CJK, Line

PAGE_END_RUN = 2  # short lines in a row that start the page's end
SHORT_WORDS = 4  # a control or section link: "Most popular in 24h"
SHORT_CHARS = 30
SHORT_CJK = 10  # "0相关评论", "おススメ記事"; a Chinese headline is longer
PROSE_CHARS = 120  # a line this long is prose, however it ends
PROSE_CJK = 50
SENTENCE_WORDS = 3  # a sentence this long is the article's (below the run: the run was a list in it)
SENTENCE_CJK = 8
CAPITALS_WORDS = 3  # a line of this many words in capitals is a quoted post ("CHINA DEAL DONE"), not a control
# A sentence's end: its mark, then closing quotes or brackets; or, ending a short line, a closing quote
# alone („Wir sind bereit“, «...»: a quotation, not a control).
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’“»」』)）\]]*$")
QUOTATION_END = re.compile(r"[”“»」』]$")
# A list's item: a bullet, "1.", "一、", "（1）", "(a)", "①".
LIST_ITEM = re.compile(r"[-*•●▪◦‣・·]\s|\d{1,2}[.)、]\s?|[一二三四五六七八九十]{1,3}、|[（(]\w{1,2}[)）]|[①-⑳]")
INTRODUCES = (":", "：")  # a line ending so introduces what follows: a list, a quotation
SPEAKER_TURN = re.compile(r"[^:：]{1,40}[:：]\s*\S")  # "MS. LEAVITT: Yes", a transcript's turn
# Where readers' comments start (a comment plugin's own marks: its rating, its feedback label): everything below
# is theirs, prose or not. (A bare "12 comentarios" under a standfirst is a count beside the story, not them.)
COMMENTS = re.compile(r"article rating|\d+ \d+ vot(?:os|es)|comentarios en l[ií]nea", re.IGNORECASE)


def page_end(lines: list[Line]) -> int | None:
    """The index in ``lines`` where the page's end starts, or None when the article runs to the end."""
    texts = [text.strip() for _, text in lines]
    first = next((i for i, text in enumerate(texts) if _is_sentence(text) or _is_prose_length(text)), None)
    if first is None:
        return None
    comments = next((i for i in range(first + 1, len(texts)) if COMMENTS.fullmatch(texts[i])), None)
    texts = texts[:comments]  # the page's end is above its readers' comments, or starts with them
    prose_below = _prose_below(texts)
    run: list[int] = []
    listed = False  # under a line announcing a list ("They are:"): its short lines are the list's
    for index in range(first + 1, len(texts)):
        text = texts[index]
        if not text:
            continue
        short = _is_short(text)
        listed = text.endswith(INTRODUCES) or (listed and short)
        run = run + [index] if short and not listed else []
        if len(run) == PAGE_END_RUN and not prose_below[run[0]]:
            return run[0]
    return comments


def _prose_below(texts: list[str]) -> list[bool]:
    """For each index, whether a sentence of the article stands there or below (counted from the end once)."""
    below, found = [False] * len(texts), False
    for index in range(len(texts) - 1, -1, -1):
        found = found or _is_prose_length(texts[index]) or _is_sentence(texts[index])
        below[index] = found
    return below


def _is_short(text: str) -> bool:
    """A control or a link: short, ending no sentence, not a list item, a speaker's turn, a date (a
    statement's signature), a post in capitals, or a sentence's continued line."""
    if (
        SENTENCE_END.search(text)
        or QUOTATION_END.search(text)
        or LIST_ITEM.match(text)
        or SPEAKER_TURN.match(text)
        or text[0].islower()
        or (text.isupper() and len(text.split()) >= CAPITALS_WORDS)
        or dates_in(text, ())
    ):
        return False
    cjk = len(CJK.findall(text))
    if cjk:
        return cjk <= SHORT_CJK and len(text) <= SHORT_CJK + 6
    return len(text.split()) <= SHORT_WORDS and len(text) <= SHORT_CHARS


def _is_prose_length(text: str) -> bool:
    return len(text) >= PROSE_CHARS or len(CJK.findall(text)) >= PROSE_CJK


def _is_sentence(text: str) -> bool:
    long_enough = len(text.split()) >= SENTENCE_WORDS or len(CJK.findall(text)) >= SENTENCE_CJK
    return long_enough and bool(SENTENCE_END.search(text))
