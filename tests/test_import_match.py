"""Briefing matching: shingles, the inverted index, scores, shared passages."""

from __future__ import annotations

from datetime import date

from conftest import CONTENT

from pressarchive.importer.match import MATCH_THRESHOLD, Index, date_factor, shingles
from pressarchive.importer.metadata import read_capture

SEEDS = CONTENT / "captures"


def test_shingles_skip_common_words():
    assert shingles("The Universal Declaration of Human Rights") == {
        "universal declaration",
        "declaration human",
        "human rights",
    }


def test_date_factor_falls_from_one_day_to_a_week():
    day = date(2025, 12, 10)
    assert date_factor(day, date(2025, 12, 11)) == 1.0
    assert date_factor(day, date(2025, 12, 14)) == 0.5
    assert date_factor(day, date(2025, 12, 20)) == 0.0
    assert date_factor(day, None) == 0.5


def test_the_seeds_match_each_other_above_the_threshold_with_shared_passages():
    zt = read_capture(SEEDS / "000_1a359d1b1b1cfee0.txt").body
    nh = read_capture(SEEDS / "002_34fcbf3e7faf7fdd.txt").body
    index = Index()
    index.add("article zt", "b1", date(2025, 12, 10), zt)
    [best] = index.candidates(nh, date(2025, 12, 11))
    assert best.briefing_id == "b1" and best.score >= MATCH_THRESHOLD
    joined = " | ".join(best.passages)
    for term in ("Universal Declaration of Human Rights", "comfort women", "Human Rights Day"):
        assert term in joined
    assert index.candidates(nh, date(2026, 3, 1))[0].score == 0.0  # same words, months apart


def test_only_documents_sharing_a_shingle_are_scored():
    index = Index()
    for n in range(200):
        index.add(f"article {n}", f"b{n}", date(2025, 1, 1), f"unrelated{n} topic{n} words{n} here{n}")
    index.add("article x", "bx", date(2025, 12, 10), "Guo Jiakun presided over the regular press conference")
    found = index.candidates("Spokesperson Guo Jiakun presided over talks", date(2025, 12, 10))
    assert [c.briefing_id for c in found] == ["bx"]


def test_a_short_briefing_title_does_not_count_as_a_full_match():
    index = Index()
    index.add("briefing b", "b", date(2025, 12, 10), "Foreign Ministry press conference, 10 December 2025")
    text = read_capture(SEEDS / "002_34fcbf3e7faf7fdd.txt").body
    assert index.candidates(text, date(2025, 12, 11))[0].score < MATCH_THRESHOLD
