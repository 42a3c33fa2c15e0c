"""Passages marked in a rendered body: <mark> elements put around stretches of its plain text.

The stretches are offsets in text.body_text(html).text; each character there knows where
it is in the HTML, so a mark is split wherever a tag (a link, emphasis) interrupts the
stretch and never crosses one. Only whole characters and entities are wrapped: the HTML
stays well formed and nothing of the body's own markup changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .text import NO_SPAN, BodyText


@dataclass(frozen=True)
class Mark:
    start: int  # offsets in the body's plain text
    end: int
    anchor: str  # id of the first <mark>, so pages can link to the passage
    title: str  # what the passage is (shown on hover)
    link: str = ""  # a link placed after the passage, such as to the transcript item it reports
    link_text: str = ""


def mark_passages(html: str, body: BodyText, marks: list[Mark]) -> str:
    """``html`` with each mark's stretch wrapped; overlapping marks after the first are left out."""
    # (position, order, markup); at one position the order is: closing mark, reference link, opening mark.
    insertions: list[tuple[int, int, str]] = []
    reach = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if mark.start < reach or mark.end <= mark.start:
            continue
        segments = _segments(body, mark.start, mark.end)
        if not segments:
            continue
        reach = mark.end
        title = escape(mark.title)
        for number, (start, end) in enumerate(segments):
            anchor = f' id="{escape(mark.anchor)}"' if number == 0 else ""
            insertions.append((start, 2, f'<mark class="passage"{anchor} title="{title}">'))
            insertions.append((end, 0, "</mark>"))
        if mark.link:
            reference = (
                f' <a class="passage-ref" data-pagefind-ignore href="{escape(mark.link)}">{escape(mark.link_text)}</a>'
            )
            insertions.append((_after_closers(body, mark.end, segments[-1][1]), 1, reference))
    # Applied from the end: at one position, what is inserted later lands before what was inserted first.
    for position, _, markup in sorted(insertions, key=lambda i: (i[0], i[1]), reverse=True):
        html = html[:position] + markup + html[position:]
    return html


# Closing quotation marks and brackets: a reference put after a passage goes after those that close it,
# not inside the quotation ("「無核三原則」 question 2", not "「無核三原則 question 2」").
CLOSERS = frozenset('」』”’"»›)）】〕〉》')


def _after_closers(body: BodyText, end: int, position: int) -> int:
    """The HTML position after the closing marks that follow plain-text offset ``end`` (at HTML ``position``),
    as long as they stand right after it in the HTML (no tag between)."""
    while end < len(body.text) and body.text[end] in CLOSERS and body.spans[end] != NO_SPAN:
        if body.spans[end][0] != position:
            break
        position, end = body.spans[end][1], end + 1
    return position


def _segments(body: BodyText, start: int, end: int) -> list[tuple[int, int]]:
    """The stretch's runs of contiguous characters in the HTML, as (start, end) positions there."""
    segments: list[tuple[int, int]] = []
    for at in range(max(0, start), min(end, len(body.spans))):
        span = body.spans[at]
        if span == NO_SPAN:
            continue
        if segments and segments[-1][1] == span[0]:
            segments[-1] = (segments[-1][0], span[1])
        elif not body.text[at].isspace() or segments:
            segments.append(span)
    return [(a, b) for a, b in segments if a < b]
