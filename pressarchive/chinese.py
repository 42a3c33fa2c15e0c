"""Traditional Chinese characters folded to Simplified ones, for comparing texts only.

A Hong Kong or Taiwan report ("外交部發言人林劍") and the ministry's transcript ("外交部发言人林剑")
share no character n-gram until the script is folded. OpenCC's own tables (the `opencc` package,
the project that maintains them) decide each character's Simplified form; the folding is done
character by character, never by phrase, so a text keeps its length and every offset into it
holds. Japanese text is folded by the same tables: a kanji that is also a Traditional
character (記, 見) takes its Simplified form, one of Japan's own simplified forms (剣, 図) stays
as it is. Both sides of a comparison are folded alike; what a reader sees is never folded.
"""

from __future__ import annotations

import re
from functools import cache

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class _Simplified(dict[int, int]):
    """str.translate's table: each character looked up in OpenCC once, then kept."""

    def __missing__(self, code: int) -> int:
        folded = _converter().convert(chr(code))
        self[code] = ord(folded) if len(folded) == 1 else code
        return self[code]


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc  # here: only texts holding Chinese characters need it

    return opencc.OpenCC("t2s")


_TABLE = _Simplified()


def simplified(text: str) -> str:
    """``text`` with each Traditional Chinese character in its Simplified form; the same length.
    A text without Chinese characters is returned as it is (OpenCC is never loaded for it)."""
    return text.translate(_TABLE) if _HAN.search(text) else text
