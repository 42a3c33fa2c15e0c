"""The language a capture is written in, by langdetect (Google's language-detection profiles, shipped with it).

langdetect samples at random; its seed is fixed here, so the same text always gets
the same answer. Chinese is written as `zh` whatever the script ("zh-cn", "zh-tw").

A text written mostly in Chinese characters, kana or Hangul is told by its script instead:
langdetect's profiles share the Han characters, and it calls a Traditional Chinese report
Korean (0.86) although it holds no Hangul. Hangul makes it Korean, kana Japanese, Han
characters alone Chinese. A bilingual page (the ministry's transcript in Chinese with its English
translation, sentence by sentence) is Chinese too: its English has more letters, as a translation
spells in letters what Chinese writes in fewer characters, so its script share decides (BILINGUAL_SHARE).
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_LETTERS = 20  # fewer letters than this say nothing reliable
MIN_PROBABILITY = 0.8
HAN, KANA, HANGUL = (
    re.compile(r"[\u3400-\u9fff\uf900-\ufaff]"),
    re.compile(r"[\u3040-\u30ff]"),
    re.compile(r"[\uac00-\ud7af]"),
)
SCRIPT_SHARE = 0.1  # of a CJK text's characters in Hangul (or kana) that make it Korean (or Japanese)
# Of a text's letters in CJK scripts, at least, for a bilingual page: a Chinese sentence has a third
# of the letters of its English translation (0.2 to 0.4 measured); an English report quoting names
# in characters ("Mao Ning (毛宁)") has a few in a hundred.
BILINGUAL_SHARE = 0.15
# Where a bilingual page's text turns from one language to the other: a line break, or a sentence's end
# followed by the other script.
SWITCH = re.compile(r"\n|(?<=[。？！?!])(?=[A-Za-z])|(?<=[.?!])(?=[\u3400-\u9fff])")


@lru_cache(maxsize=256)
def detect_language(text: str) -> str | None:
    """The IETF code of ``text``'s language ("en", "zh", "ja"), or None when unsure."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return None
    by_script = _cjk_language(text, letters)
    if by_script:
        return by_script
    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None
    if best.prob < MIN_PROBABILITY:
        return None
    return str(best.lang).split("-")[0]


def alternating(text: str) -> bool:
    """Whether lines (or sentences run together on one line: "...有何评论？At a regular press
    conference...") mostly in CJK and in other letters take turns, two or more of each, as a bilingual
    page's do (an English report quoting a Chinese passage has one)."""
    kinds = []
    for line in SWITCH.split(text):
        letters = sum(ch.isalpha() for ch in line)
        cjk = len(HAN.findall(line)) + len(KANA.findall(line)) + len(HANGUL.findall(line))
        if letters >= MIN_LETTERS // 2:
            kinds.append(cjk * 2 >= letters)
    turns = sum(a != b for a, b in zip(kinds, kinds[1:], strict=False))
    return kinds.count(True) >= 2 and kinds.count(False) >= 2 and turns >= 3


def _cjk_language(text: str, letters: int) -> str | None:
    """ "ko", "ja" or "zh" for a text whose letters are mostly CJK, or a bilingual one, by its scripts;
    None for any other."""
    han, kana, hangul = (len(script.findall(text)) for script in (HAN, KANA, HANGUL))
    cjk = han + kana + hangul
    if cjk < BILINGUAL_SHARE * letters or (cjk * 2 < letters and not alternating(text)):
        return None
    if hangul >= SCRIPT_SHARE * cjk:
        return "ko"
    return "ja" if kana >= SCRIPT_SHARE * cjk else "zh"
