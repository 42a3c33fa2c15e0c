"""What the cleaning passes share: a line of a capture, a removal and its reason, and the one helper
that drops the lines a pattern matches whole."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

BULLET = re.compile(r"\s*[•●▪◦‣]\s*(?P<item>\S.*)")
SENTENCE_FINAL = re.compile(
    r"[.!?…。！？][\"'”’」』)\]]*(?:\s?[»”])?$"
)  # (a French quotation closes "... mondiale. »")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class Removal:
    line: int  # 1-based line in the capture (0 when the line came from a structured page)
    text: str
    reason: str


Line = tuple[int, str]  # (line number in the capture, text)


def drop_matching(
    lines: list[Line],
    removed: list[Removal],
    pattern: re.Pattern[str],
    reason: str,
    unless: Callable[[str], bool] = lambda _: False,
) -> list[Line]:
    """The lines that ``pattern`` does not match whole (``unless`` says which matches stay); the others removed."""
    kept = []
    for number, line in lines:
        if line.strip() and pattern.fullmatch(line.strip()) and not unless(line.strip()):
            removed.append(Removal(number, line.strip(), reason))
        else:
            kept.append((number, line))
    return kept


def counted(number: int, noun: str) -> str:
    """ "1 character", "5 characters": for the report."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
