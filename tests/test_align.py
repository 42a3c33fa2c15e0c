"""The alignment's building blocks: the plain text it reads, and which articles it compares."""

from __future__ import annotations

import difflib
import html
import itertools
import random
import re

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from pressarchive import align
from pressarchive.align import SHINGLE, Prepared, _longest_shingle_run, candidate_pairs, longest_run, verbatim
from pressarchive.chinese import simplified
from pressarchive.marks import Mark, mark_passages
from pressarchive.markup import render_with_excerpt
from pressarchive.text import NO_SPAN, body_text, plain_text

TRICKY = [
    "",
    "<p>a &amp; b</p>\n<p>&#10;</p><p>&lt;tag&gt;</p>",
    "</p></p>lead<br/>line<hr>next",
    "<ul>\n<li>one</li>\n<li>two &mdash; three</li>\n</ul>\n<blockquote>\n<p>quoted</p>\n</blockquote>",
    "<p>&unknown; &#x1F600; &#0;</p>",
]


def bundled_bodies() -> list[str]:
    bodies = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        bodies.append(render_with_excerpt(body)[0])
    return bodies


@pytest.mark.parametrize("html", TRICKY + bundled_bodies())
def test_plain_text_is_the_text_the_marks_are_placed_in(html: str) -> None:
    assert plain_text(html) == body_text(html).text


MARKDOWN_PIECES = [
    "word", "Word", " ", "\n", "\n\n", "# ", "> ", "- ", "1. ", "*", "_", "`", "```\n", "    ", "[a](http://x/?a=1&b=2)",
    "![alt <x>](y.png)", "&amp;", "&", "&#10;", "&#x1F600;", "&copy;", "&bogus;", "<", ">", "<br>", "<p>", '"', "'", "“",
    "\\", "---\n", "| a | b |\n| - | - |\n| c | d |\n", "  \n", "\x00", "é", "中",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_PIECES) | st.text(max_size=5), max_size=40))
def test_plain_text_of_any_rendered_markdown_is_the_text_the_marks_are_placed_in(pieces: list[str]) -> None:
    rendered = render_with_excerpt("".join(pieces))[0]
    assert plain_text(rendered) == body_text(rendered).text
    # and each character of it points at itself in the HTML, or at the entity it was decoded from
    body = body_text(rendered)
    assert len(body.spans) == len(body.text)
    for char, (start, end) in zip(body.text, body.spans, strict=True):
        if (start, end) == NO_SPAN:
            assert char == "\n"
        else:
            assert rendered[start:end] == char or char in html.unescape(rendered[start:end])


def words(rng: random.Random, n: int) -> str:
    vocabulary = "the minister said talks trade border visit policy market court plan peace".split()
    return " ".join(rng.choice(vocabulary) for _ in range(n))


def texts(count: int) -> tuple[list[Prepared], set[tuple[int, int]]]:
    """``count`` texts of common words; text 3k+1 repeats a sentence of text 3k word for word."""
    rng = random.Random(count)
    bodies = [f"{words(rng, 12)}. {words(rng, 12)}." for _ in range(count)]
    copied = set()
    for k in range(0, count - 1, 3):
        bodies[k + 1] += " " + bodies[k].split(". ")[0] + "."
        copied.add((k, k + 1))
    return [Prepared(body, "en") for body in bodies], copied


def brute_force(prepared: list[Prepared]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(prepared)), 2)
        if prepared[i].long_shingles & prepared[j].long_shingles
    }


@pytest.mark.parametrize("count", [8, align.SMALL_BRIEFING + 20])
def test_candidates_are_the_pairs_that_share_a_long_shingle(count: int) -> None:
    prepared, copied = texts(count)
    found = set(candidate_pairs(prepared))
    assert copied <= found
    assert found == brute_force(prepared)  # at these sizes no text has more than MAX_PARTNERS partners


def test_every_copy_of_a_story_carried_by_hundreds_is_paired_with_the_first_to_carry_it() -> None:
    rng = random.Random(7)
    wire = f"{words(rng, 30)}. {words(rng, 30)}."
    bodies = [wire if n % 3 == 0 else f"{words(rng, 14)}. {words(rng, 14)}." for n in range(3 * 150)]
    prepared = [Prepared(body, "en") for body in bodies]
    copies = [n for n, body in enumerate(bodies) if body == wire]
    assert len(copies) > align.MAX_SHINGLE_TEXTS
    found = set(candidate_pairs(prepared))
    assert all((copies[0], n) in found for n in copies[1:])
    assert len(found) < 20 * len(bodies)  # not every pair of the 150 copies


def test_a_copied_sentence_is_aligned_and_shared_common_words_are_not() -> None:
    prepared, copied = texts(30)
    for i, j in itertools.combinations(range(30), 2):
        matches = verbatim(prepared[i], prepared[j])
        assert bool(matches) == ((i, j) in copied), (i, j, matches)


def test_a_sentence_repeated_more_often_than_the_candidates_kept_is_matched_with_its_first_copy() -> None:
    rng = random.Random(3)
    sentence = words(rng, 15)
    one = Prepared(f"{words(rng, 12)}. {sentence}.", "en")
    two = Prepared(" ".join(f"{words(rng, 12)}. {sentence}." for _ in range(align.MAX_CANDIDATES + 4)), "en")
    [match] = verbatim(one, two)
    assert match.a == 1 and match.b == 1 and match.score == 1.0


def test_a_sentence_held_whole_in_a_longer_one_beats_a_near_miss_of_its_own_length() -> None:
    # the question of answer 4 against the same question about another country in answer 5
    transcript = Prepared(
        "中方如何看待当前中法关系？对此轮对话有何期待？中方如何看待当前中瑞关系？对此访有何期待？", "zh"
    )
    [match] = verbatim(Prepared("有记者问，中方如何看待当前中法关系？", "zh"), transcript)
    assert transcript.sentences[match.b].text == "中方如何看待当前中法关系？" and match.score == 1.0


def test_a_sentence_with_words_added_here_and_there_is_still_verbatim() -> None:
    # alike as wholes (ratio 87 to 90) though no stretch of one lies in the other (from the review of c323c87)
    for said, written in (
        (
            "中方坚决反对美方对中国商品加征关税，将采取必要措施坚决维护自身正当权益。",
            "中方坚决反对美方对中国输美商品加征额外关税，并将采取一切必要措施坚决维护自身的正当权益。",
        ),
        (
            "We urge the US side to stop arming Taiwan and stop sending wrong signals to separatist forces seeking independence.",
            "We urge the US to immediately stop arming Taiwan and to stop sending any wrong signals to the separatist forces"
            " seeking Taiwan independence.",
        ),
    ):
        language = "zh" if "中" in said else "en"
        [match] = verbatim(Prepared(written, language), Prepared(said, language))
        assert match.method == "verbatim" and match.score >= 0.85


def test_words_two_items_share_report_only_the_item_that_shares_more() -> None:
    # three announcements (eval/coverage/cn-mfa-2025-10-14), the last two opening alike
    france = "法國總統外事顧問博納將於10月15日至16日來華，同中共中央政治局委員、中央外事工作委員會辦公室主任王毅舉行新一輪中法戰略對話。"
    sweden = "應中共中央政治局委員、外交部長王毅邀請，瑞典外交大臣斯蒂納加德將於10月16日至17日對中國進行正式訪問。"
    canada = "應中共中央政治局委員、外交部長王毅邀請，加拿大外長阿南德將於10月16日至17日訪華。"
    said = Prepared(f"{france}\n\n{sweden}\n\n{canada}", "zh")
    items = [[0], [1], [2]]
    every_word_as_rare = {}  # (weights: 1 each)
    story = Prepared(f"林劍宣佈:{france}", "zh")  # shares 11 words with Sweden's, all of them France's too
    assert [m.b for m in align.shared_words(story, said, items, every_word_as_rare)] == [0]
    # a story of both visits reports both, though each shares the other's opening words
    both = Prepared(f"瑞典外交大臣斯蒂納加德將對中國進行正式訪問。{canada}", "zh")
    assert [m.b for m in align.shared_words(both, said, items, every_word_as_rare)] == [1, 2]


def test_a_long_unpunctuated_text_is_compared_by_shared_runs() -> None:
    """A capture without full stops is one 'sentence' of thousands of characters: too long for
    the partial alignment, which grows with the cube of its length, but a copied run is found."""
    rng = random.Random(7)
    shared = words(rng, 30)
    one = Prepared(f"{words(rng, 200)} {shared} {words(rng, 200)}", "en")
    two = Prepared(f"{words(rng, 150)} {shared} {words(rng, 150)}", "en")
    assert len(one.folded(0)) > align.MAX_ALIGN_CHARS
    [match] = verbatim(one, two)
    assert match.method == "verbatim" and match.score == 1.0
    start, end = match.a_span
    assert shared in one.sentences[0].text[start:end]


@pytest.mark.parametrize("seed", range(6))
def test_ascii_text_is_tokenized_as_the_general_rule_does(seed: int) -> None:
    from pressarchive.text import _TOKEN, token_spans, tokens

    rng = random.Random(seed)
    text = "".join(rng.choice("aZ9_' .,-\n\t'\x01\x7f" if seed % 2 else "aZ9_ .,-\n\t\x01\x7f") for _ in range(5000))
    assert tokens(text) == _TOKEN.findall(text.lower())
    assert token_spans(text) == [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def long_shingles_line_by_line(text: str) -> set[tuple[str, ...]]:
    """The definition: each line's runs of LONG_SHINGLE tokens (a Chinese or Japanese line: twice as many)."""
    from pressarchive.text import is_cjk, tokens

    found: set[tuple[str, ...]] = set()
    for line in text.split("\n"):
        words = tokens(line)
        size = align.LONG_SHINGLE * 2 if is_cjk(line) else align.LONG_SHINGLE
        found.update(tuple(words[k : k + size]) for k in range(len(words) - size + 1))
    return found


# Words that fold alike in different spellings (case, NFKC, curly apostrophes), apostrophes, CJK, and \x01.
MIXED = "Trade trade TRADE talks don't Don’t China's naïve Straße STRASSE ﬁnal final ｱｲ アイ 中 国 2026 x\x01y".split()


POOLS = {
    "mixed": MIXED,  # tokenized line by line
    "other scripts": [w for w in MIXED if not any(c in w for c in "ｱア中国\x01")],
    "ascii": ["Trade", "trade", "TRADE", "talks", "2026", "don't", "China's"],
    "ascii, no apostrophe": ["Trade", "trade", "TRADE", "talks", "2026"],
}


def test_a_chinese_line_opening_with_a_number_is_shingled_as_chinese() -> None:
    """ "12月10日，..." and "据报道，..." share their long shingles: the line, not its first token, decides."""
    shared = "有记者就人权日提问，发言人介绍了中方推进人权事业的进展和做法。"
    dated, plain = Prepared("12月10日，" + shared, "zh"), Prepared("据报道，" + shared, "zh")
    assert len(dated.long_shingles & plain.long_shingles) >= 10


@pytest.mark.parametrize("seed", range(16))
def test_long_shingles_pair_texts_as_runs_within_a_line_do(seed: int) -> None:
    """Tokenized whole, a text's long shingles share with another's what its lines' runs share."""
    rng = random.Random(seed)
    pool = list(POOLS.values())[seed % len(POOLS)]
    punctuation = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " - ", "" if "'" not in "".join(pool) else "'"]
    bodies = ["".join(rng.choice(pool) + rng.choice(punctuation) for _ in range(rng.randint(0, 60))) for _ in range(12)]
    bodies += [body.upper() for body in bodies[:2]] + [body.replace("\n", " ") for body in bodies[2:4]]
    prepared = [Prepared(body, "en") for body in bodies]
    for text in prepared:
        reference = long_shingles_line_by_line(text.text)
        assert reference <= text.long_shingles
        assert all(any(w.startswith("\x01") for w in run) for run in text.long_shingles - reference)
    for a, b in itertools.combinations(prepared, 2):
        assert a.long_shingles & b.long_shingles == long_shingles_line_by_line(a.text) & long_shingles_line_by_line(
            b.text
        )


@pytest.mark.parametrize("pool", POOLS)
def test_tokens_of_lines_are_each_lines_tokens_with_a_break_between(pool: str) -> None:
    from pressarchive.text import tokens, tokens_of_lines

    rng = random.Random(pool)
    text = "".join(rng.choice(POOLS[pool]) + rng.choice([" ", ". ", "\n", "\n\n", "\t"]) for _ in range(300))
    words = tokens_of_lines(text, 42)
    if pool == "mixed":  # Chinese or Japanese (or \x01): line by line
        assert words is None
        return
    expected = list(itertools.chain.from_iterable([*tokens(line), "\x0142"] for line in text.split("\n")))
    assert words == expected[:-1]


def test_a_traditional_chinese_report_is_compared_with_simplified_text_character_for_character() -> None:
    """HK01 in Traditional characters and Xinhua in Simplified quote the same answer."""
    hk01 = "外交部發言人林劍11月14日主持例行記者會表示，中方對日方近期的軍事安全動向感到嚴重關切。"
    xinhua = "外交部发言人林剑11月14日主持例行记者会表示，中方对日方近期的军事安全动向感到严重关切。"
    assert candidate_pairs([Prepared(hk01, "zh"), Prepared(xinhua, "zh")]) == [(0, 1)]
    [match] = verbatim(Prepared(hk01, "zh"), Prepared(xinhua, "zh"))
    assert hk01[match.a_span[0] : match.a_span[1]] == hk01  # offsets into the text as written


@given(st.text(alphabet=st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF), max_size=50))
def test_folding_to_simplified_keeps_every_offset(text: str) -> None:
    assert len(simplified(text)) == len(text)
    assert simplified("剣 図 外交部") == "剣 図 外交部"  # Japanese kanji and Simplified text as they are


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=30), st.lists(st.sampled_from("abcde"), max_size=30))
def test_the_longest_shared_run_is_difflibs_longest_match(a: list[str], b: list[str]) -> None:
    run = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    assert longest_run(a, b) == ((run.a, run.b, run.size) if run.size else (0, 0, 0))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=30), st.lists(st.sampled_from("abcde"), max_size=30))
def test_the_run_of_shared_shingles_bounds_the_longest_shared_run(a: list[str], b: list[str]) -> None:
    """_shared_run skips locating tokens when the bound says no run is long enough: it must never be below."""
    shingles = frozenset(zip(*(b[k:] for k in range(SHINGLE)), strict=False))
    size = longest_run(a, b)[2]
    assert _longest_shingle_run(a, shingles) >= size - SHINGLE + 1


def test_a_run_shared_through_a_compatibility_character_is_still_found() -> None:
    """NFKC expands "㍻" to "平成" over a whole text but not token by token (an independent review): the
    shortcut that looks for no run where the shingles allow none must not skip such a sentence."""
    shared = "the minister said in 1 that the talks on trade would go on"  # 12 tokens, "1㍻" in one text
    pad_a, pad_b = (" ".join(f"{word}{n}" for n in range(60)) for word in ("alpha", "beta"))  # past MAX_ALIGN_CHARS
    a = Prepared(f"{pad_a} {shared.replace(' 1 ', ' 1㍻ ')} {pad_a}.", "en")
    b = Prepared(f"{pad_b} {shared} {pad_b}.", "en")
    assert verbatim(a, b)  # (empty when the shortcut runs on such a sentence)


@pytest.mark.parametrize(
    ("html_in", "passage", "expected"),
    [  # a user's page of 14 November 2025: the reference had stood inside the quotation, 「無核三原則 question 2」
        ("<p>是否堅持「無核三原則」時迴避</p>", "無核三原則", '無核三原則</mark>」 <a class="passage-ref"'),
        ("<p>he said “we oppose it.” Then</p>", "we oppose it.", 'we oppose it.</mark>” <a class="passage-ref"'),
        # a closing mark behind a tag is not moved across it; nor is anything but closing marks
        (
            "<p>«<em>non</em>» et</p>",
            "non",
            'non</mark> <a class="passage-ref" data-pagefind-ignore href="#i">q</a></em>',
        ),
        ("<p>we oppose it, and</p>", "we oppose it", 'we oppose it</mark> <a class="passage-ref"'),
    ],
)
def test_a_passages_reference_goes_after_the_quotation_marks_closing_it(html_in: str, passage: str, expected: str):
    body = body_text(html_in)
    start = body.text.index(passage)
    marked = mark_passages(html_in, body, [Mark(start, start + len(passage), "p-1", "t", "#i", "q")])
    assert expected in marked
    assert re.sub(r"<mark[^>]*>|</mark>| <a class=\"passage-ref\"[^>]*>q</a>", "", marked) == html_in
