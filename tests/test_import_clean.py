"""Cleaning passes: each debris pattern, both seeds sentence by sentence, and a property test."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import CONTENT
from hypothesis import given, settings
from hypothesis import strategies as st

from pressarchive.importer.clean import clean, normalise, sentences

CAPTURES = Path(__file__).resolve().parent / "fixtures" / "import" / "captures"
SEEDS = CONTENT / "captures"
CURATED = {
    "000_1a359d1b1b1cfee0.txt": CONTENT / "articles/2025/12/zhitongcaijing-guo-jiakun-human-rights-day.md",
    "002_34fcbf3e7faf7fdd.txt": CONTENT / "articles/2025/12/chinese-mainland-to-power-up-global-human-rights.md",
}


def cleaned(name: str):
    return clean((CAPTURES / name).read_text(encoding="utf-8"))


def reasons(result) -> list[tuple[int, str]]:
    return [(r.line, r.reason) for r in result.removed]


def test_ticker_lines_go_and_percentages_in_prose_stay():
    result = cleaned("ticker.txt")
    assert result.body == "The ministry held its briefing on Monday. Prices rose 2% last year.\n"
    assert reasons(result) == [(1, "market ticker"), (2, "market ticker"), (3, "market ticker"), (4, "market ticker")]


def test_furniture_and_comment_form_go():
    result = cleaned("furniture.txt")
    assert result.body == "The spokesperson took questions for an hour. She declined to comment on the visit.\n"
    assert {reason for _, reason in reasons(result)} == {"page furniture"}
    assert [r.line for r in result.removed] == [1, 2, 3, *range(6, 15)]


def test_a_summary_goes_when_the_full_text_holds_every_sentence():
    result = cleaned("summary_then_full.txt")
    assert result.body == (
        "The spokesperson announced a visit. The minister will travel on Friday. "
        "Talks will follow next week. A joint statement is expected.\n"
    )
    assert reasons(result) == [(1, "repeated copy of the text")]


def test_a_second_copy_under_a_dateline_goes_and_the_dateline_is_kept_aside():
    result = cleaned("twice.txt")
    assert result.body == "The spokesperson announced a visit. Talks will follow next week.\n"
    assert reasons(result) == [(3, "dateline"), (4, "page furniture"), (5, "repeated copy of the text")]
    assert result.found("dateline") == ["Xinhua·03/04/2025 09:30"]


def test_a_headline_printed_twice_and_a_byline_are_set_aside():
    result = cleaned("headline_twice.txt")
    assert result.body == "The ministry set out its plans on Tuesday. Leaders will meet in May.\n"
    assert result.found("headline") == ["Ministry sets out plans for the summit"] * 2
    assert result.found("byline") == ["By Jane Doe"]


def test_a_sentence_that_starts_with_by_is_not_a_byline():
    result = clean("Talks went on all week.\n\nBy Tuesday.\n\nBy Friday, they had ended.\n")
    assert result.removed == [] and "By Tuesday." in result.body


def test_bullets_become_a_markdown_list():
    result = cleaned("bullets.txt")
    assert (
        result.body == "The plan has three parts:\n\n- Cleaner air 🌿\n- Better schools\n- Faster trains\n\n"
        "The plan runs to 2030.\n"
    )
    assert result.removed == []


def test_whitespace_and_unicode_are_normalised():
    result = cleaned("whitespace_unicode.txt")
    assert result.body == "Café owners met the minister. Talks went well.\n\nIndented text is not code.\n"
    assert unicodedata.is_normalized("NFC", result.body)


def test_normalise_keeps_line_numbers():
    assert normalise("a\r\nb\rc").split("\n") == ["a", "b", "c"]


def body_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


def test_every_sentence_of_each_seed_survives_and_the_debris_is_gone():
    for seed, curated in CURATED.items():
        result = clean((SEEDS / seed).read_text(encoding="utf-8"))
        kept = " ".join(result.body.split())
        article = [s for line in body_of(curated).split("\n") for s in sentences(line.removeprefix("- "))]
        assert len(article) >= 12
        for sentence in article:
            assert sentence in kept, sentence
        for debris in ("0.00%", "Listen to the news", "Leave a Reply", "email address", "Back To Top", "·12/10/2025"):
            assert debris not in result.body
        assert result.body == body_of(curated)  # exactly what was curated by hand


def test_each_seed_loses_exactly_its_debris():
    zt = clean((SEEDS / "000_1a359d1b1b1cfee0.txt").read_text(encoding="utf-8"))
    assert reasons(zt) == [
        (1, "market ticker"),
        (2, "market ticker"),
        (3, "market ticker"),
        (7, "dateline"),
        (8, "page furniture"),
        (9, "repeated copy of the text"),
    ]
    nh = clean((SEEDS / "002_34fcbf3e7faf7fdd.txt").read_text(encoding="utf-8"))
    assert reasons(nh) == [
        (1, "headline"),
        (3, "headline"),
        (28, "page furniture"),
        (30, "page furniture"),
        (32, "page furniture"),
    ]


# Property: any article wrapped in any mix of debris cleans back to the article.
WORDS = st.sampled_from(
    "minister ministry talks visit rights trade week said would the of and cooperation 2025 ¥ café 🌍 «quoted»".split()
)
SENTENCE = st.builds(
    lambda first, rest, end: " ".join([first.capitalize(), *rest]) + end,
    WORDS,
    st.lists(WORDS, min_size=2, max_size=12),
    st.sampled_from([".", "!", "?"]),
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=5, unique=True).filter(
    lambda ps: len({s for p in ps for s in sentences(p)}) == sum(len(sentences(p)) for p in ps)  # no sentence twice
)
DEBRIS_LINE = st.sampled_from(
    [
        "-+ 0.00%",
        "+1.25%",
        "HSI 17,234.50 +0.82%",
        "Listen to the news",
        "Share",
        "Share on Facebook",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Back To Top",
        "Post Comment",
        "Zhitongcaijing·12/10/2025 08:17:04",
        "By Jane Doe",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(ARTICLE, st.data())
def test_any_article_in_any_debris_cleans_back_to_the_article(paragraphs, data):
    lines: list[str] = data.draw(st.lists(DEBRIS_LINE, max_size=4))
    for paragraph in paragraphs:
        lines += ["", paragraph, ""] + data.draw(st.lists(DEBRIS_LINE, max_size=3))
    if data.draw(st.booleans()):  # a second copy of the whole text
        lines += ["", *[line for p in paragraphs for line in (p, "")]]
    if data.draw(st.booleans()):  # a summary: the opening sentence, first
        lines = [sentences(paragraphs[0])[0], "", *lines]
    indent = data.draw(st.sampled_from(["", "  ", "\u00a0"]))
    capture = "\n".join(indent + line if line else line for line in lines)
    assert clean(capture).body == "\n\n".join(paragraphs) + "\n"
