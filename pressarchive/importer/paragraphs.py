"""Paragraphs: a repeated copy of the text dropped sentence by sentence, paragraphs rebuilt from
single-newline text, sentences, list items, and whether the text ends mid-sentence."""

from __future__ import annotations

import re
import unicodedata

from .dates import dates_in
from .lines import BULLET, CJK, SENTENCE_FINAL, Line, Removal

# (not after initials or a title before a name: "rebuffed U.S. President Donald Trump", "Mr. Lin"; nor
# after a German ordinal; a year ending a sentence has four digits)
SENTENCE_END = re.compile(
    r"(?<![A-Z]\.[A-Z]\.)(?<!\b(?:Mr|Ms|Dr|St|No)\.)(?<!\bMrs\.)(?<!\b(?:Gen|Sen|Rep|Gov|Col|Sgt)\.)"
    r"(?<!\b\d\.)(?<!\b\d\d\.)"  # nor after an ordinal: "vom 1. bis 7. Februar", "am 26. Januar"
    r"(?<=[.!?…。])[\"'”’)\]]*\s+(?=\S)"
)
SIGN_OFF_MAX_CJK = 12  # a last paragraph of fewer CJK characters may be a sign-off ("（了）"), not a cut sentence
SIGN_OFF_MAX_CHARS = 40  # a dated last paragraph this short is a sign-off
TRAILING_CREDIT = re.compile(
    r"\s*[（(][^（）()]{1,40}[）)]$|\s*(?:\(c\)|©)\s?[A-Za-z][\w/ .-]{1,30}$"
)  # "…（『ABEMA NEWS』より）", "…(c)AFP"
PROSE_MIN_CHARS = 120


def drop_repeated_copy(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Drop a paragraph whose sentences all appear in a kept one (a summary, a second copy).

    A paragraph goes when another holds a strict superset of its sentences, or the
    same sentences and comes first. The subset order has a maximal element above
    every paragraph, so each sentence stays in at least one kept paragraph.
    """
    blocks = paragraphs(lines)
    sets = [frozenset(sentences(" ".join(t for _, t in block))) for block in blocks]
    kept: list[Line] = []
    for i, block in enumerate(blocks):
        covered = any(j != i and (sets[i] < sets[j] or (sets[i] == sets[j] and j < i)) for j in range(len(blocks)))
        if covered:
            removed.extend(Removal(n, t.strip(), "repeated copy of the text") for n, t in block if t.strip())
        else:
            kept.extend([*block, (block[-1][0], "")])
    return kept


def split_line_paragraphs(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A block whose lines each end a sentence is one paragraph a line (not hard-wrapped prose)."""
    out: list[Line] = []
    for block in paragraphs(lines):
        texts = [t.strip() for _, t in block]
        ends = sum(bool(SENTENCE_FINAL.search(t)) or len(t) >= PROSE_MIN_CHARS for t in texts)
        one_a_line = len(block) > 1 and ends >= len(block) - 1 and not any(BULLET.fullmatch(t) for t in texts)
        for number, text in block:
            out += [(number, text), (number, "")] if one_a_line else [(number, text)]
        out.append((block[-1][0], ""))
    return out


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[Line]] = [[]]
    for number, line in lines:
        if line.strip():
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def sentences(text: str) -> list[str]:
    """Split prose into sentences at ., ! or ? (and closing quotes) followed by a space."""
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def bullets_to_list(line: str) -> str:
    match = BULLET.fullmatch(line)
    return f"- {match['item'].strip()}" if match else line.strip()


def ends_mid_sentence(body: str) -> bool:
    """True if the text's last paragraph (more than a few words: not a sign-off) stops before the end
    of a sentence: a cut-off capture."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body.strip())]
    last = paragraphs[-1]
    if len(paragraphs) > 1 and len(last) <= SIGN_OFF_MAX_CHARS and dates_in(last, ()):
        last = paragraphs[-2]  # "「人民網日本語版」2025年10月31日": a dated sign-off under the text
    last = TRAILING_CREDIT.sub("", last)  # "…と述べた。（『ABEMA NEWS』より）"
    while last and unicodedata.category(last[-1])[0] in "SZ":  # "change! 🚀": emoji and symbols after the end
        last = last[:-1]
    long_enough = len(last.split()) > 3 or len(CJK.findall(last)) >= SIGN_OFF_MAX_CJK  # CJK has no spaces
    return long_enough and not SENTENCE_FINAL.search(last)


def tidy(text: str) -> str:
    """One blank line between paragraphs, none around the text, list items kept together."""
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n" if text else ""
