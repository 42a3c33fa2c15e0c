"""The language a capture is written in, by langdetect (Google's language-detection profiles, shipped with it).

langdetect samples at random; its seed is fixed here, so the same text always gets
the same answer. Chinese is written as `zh` whatever the script ("zh-cn", "zh-tw").
"""

from __future__ import annotations

from functools import lru_cache

MIN_LETTERS = 20  # fewer letters than this say nothing reliable
MIN_PROBABILITY = 0.8


@lru_cache(maxsize=256)
def detect_language(text: str) -> str | None:
    """The IETF code of ``text``'s language ("en", "zh", "ja"), or None when unsure."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None
    if best.prob < MIN_PROBABILITY:
        return None
    return str(best.lang).split("-")[0]
