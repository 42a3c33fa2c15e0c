"""Quotes in the common styles, matched to a transcript: exact, reworded (with the difference), or not found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pressarchive.quotes import find_quotes, fold_with_offsets, match_quote
from pressarchive.text import comparable

TRANSCRIPT = (
    "Guo Jiakun: China has always attached great importance to respecting and protecting human rights. "
    "We urge the countries concerned to stop interfering in other countries' internal affairs.\n\n"
    "郭嘉昆：中方一贯重视尊重和保障人权。"
)


def match(quote: str):  # type: ignore[no-untyped-def]
    folded, offsets = fold_with_offsets(TRANSCRIPT)
    return match_quote(quote, TRANSCRIPT, folded, offsets)


def test_every_common_quotation_style_is_found() -> None:
    text = (
        "He said “stop interfering now”, «s'arrêter tout de suite», „sofort aufhören“, 「中方一贯重视」 "
        "and 'keep calm' but it's not 'a' quote, nor the one-word “propaganda”."
    )
    assert [q.text for q in find_quotes(text)] == [
        "stop interfering now",
        "s'arrêter tout de suite",
        "sofort aufhören",
        "中方一贯重视",
        "keep calm",
    ]
    for quote in find_quotes(text):
        assert text[quote.start : quote.end] == quote.text


def test_a_quote_in_any_style_is_found_when_it_is_the_only_one() -> None:
    """(find_quotes skips a text holding none of the opening marks.)"""
    for text in (
        "a “b c” d",
        "a „b c“ d",
        'a "b c" d',
        "a «b c» d",
        "a 「中方一贯」 d",
        "a 『中方一贯』 d",
        "a ‹b c› d",
        "a ‘b c’ d",
        "a 'b c' d",
    ):
        assert len(find_quotes(text)) == 1, text
    assert find_quotes("it’s the minister’s view, 2 > 1 and ”odd“") == []


def test_exact_quotes_ignore_case_and_punctuation_and_point_into_the_transcript() -> None:
    found = match("China has always attached great importance to respecting and protecting Human Rights,")
    assert found.status == "exact" and found.transcript_span is not None
    start, end = found.transcript_span
    assert TRANSCRIPT[start:end].startswith("China has always") and TRANSCRIPT[start:end].endswith("human rights")
    assert match("中方一贯重视尊重").status == "exact"


def test_reworded_quotes_list_what_differs() -> None:
    found = match("We urge the countries concerned to stop meddling in other countries' internal affairs")
    assert found.status == "reworded"
    assert ("interfering", "meddling") in found.differences


def test_quotes_from_elsewhere_are_not_in_the_transcript() -> None:
    assert match("the sky is falling and nobody noticed it at all").status == "not in the transcript"
    assert match("great importance").status == "exact"
    assert match("greater importances").status == "not in the transcript"  # short quotes are exact or nothing


def test_a_ten_thousand_character_quote_is_checked_on_its_start() -> None:
    found = match("China has always attached great importance " + "and more " * 1200)
    assert found.status in ("reworded", "not in the transcript")


def test_a_quote_joining_two_sentences_the_transcript_says_apart_is_reworded_and_lists_what_it_left_out() -> None:
    """National Post: "This is another senseless act ... tolerated. It's a terrible reminder ..." with the
    transcript's sentences between them left out, unmarked."""
    said = (
        "Spicer: This is another senseless act of violence that cannot be tolerated. The President also pledged "
        "to support the Canadian police. It's a terrible reminder of why we must remain vigilant."
    )
    folded, offsets = fold_with_offsets(said)

    def quoted(quote: str):  # type: ignore[no-untyped-def]
        return match_quote(quote, said, folded, offsets)

    found = quoted(
        "This is another senseless act of violence that cannot be tolerated. "
        "It’s a terrible reminder of why we must stay vigilant."
    )
    assert found.status == "reworded" and found.transcript_span is not None
    start, end = found.transcript_span
    assert said[start:end].startswith("This is another") and said[start:end].endswith("remain vigilant")
    assert ("the president also pledged to support the canadian police", "") in found.differences
    assert ("remain", "stay") in found.differences
    swapped = quoted(
        "It's a terrible reminder of why we must remain vigilant. "
        "This is another senseless act of violence that cannot be tolerated."
    )
    assert swapped.status == "not in the transcript"  # the sentences stand in the other order
    half = quoted(
        "This is another senseless act of violence that cannot be tolerated. "
        "The sky is falling and nobody in this room or in the capital has noticed it at all."
    )
    assert half.status == "not in the transcript"  # one sentence of two is from elsewhere


def test_a_reworded_quote_points_at_whole_words() -> None:
    found = match("We urge the countries concerned to stop meddling in other countries' internal affairs")
    assert found.transcript_span is not None
    start, end = found.transcript_span
    assert TRANSCRIPT[start:end].startswith("We urge") and TRANSCRIPT[start:end].endswith("internal affairs")


def test_a_reworded_quotes_span_leaves_out_a_word_the_alignment_barely_touches() -> None:
    said = "China-Arab TV: The U.S. Department of State said “This is our hemisphere and President Trump will not allow our security to be threatened.” What is your view?"
    folded, offsets = fold_with_offsets(said)
    found = match_quote(
        "this is our hemisphere, and President (Donald) Trump will not allow our security to be threatened.",
        said,
        folded,
        offsets,
    )
    assert found.status == "reworded" and found.transcript_span is not None
    start, end = found.transcript_span
    assert said[start:end].lstrip("“").startswith("This is our") and said[start:end].endswith("be threatened")
    assert found.differences == (("", "donald"),)


def test_a_reworded_chinese_quote_leaves_out_the_characters_around_it_that_it_lacks() -> None:
    """「全面禁止核子試驗條約」 (Taiwan's wording) against "全面禁止核试验条约": the difference is the 子 it adds, not
    a character of the transcript before it that an alignment as long as the quote took in (a reader's review)."""
    said = "中方一贯支持全面禁止核试验条约的宗旨和目标，坚定维护暂停核试验的承诺。"
    folded, offsets = fold_with_offsets(said)
    found = match_quote("全面禁止核子試驗條約", said, folded, offsets)
    assert found.status == "reworded" and found.transcript_span is not None
    assert said[found.transcript_span[0] : found.transcript_span[1]] == "全面禁止核试验条约"
    assert found.differences == (("", "子"),)


def test_a_quote_whose_sentences_stand_far_apart_in_the_transcript_is_not_found() -> None:
    said = (
        "Mao Ning: We firmly oppose this. "
        + "China has made its position clear many times. " * 60
        + "Taiwan is part of China."
    )
    folded, offsets = fold_with_offsets(said)
    assert match_quote("We firmly oppose this. Taiwan is part of China.", said, folded, offsets).status == (
        "not in the transcript"
    )


@given(st.text(alphabet=st.sampled_from(list("aZ9 .,;-\"_\n\t'ßﬁ中文«»é")), max_size=40))
@settings(max_examples=500)
def test_folding_keeps_the_folded_texts_characters_pointing_into_the_word_they_came_from(text: str) -> None:
    # ASCII text without apostrophes takes a one-pass path: it must fold as comparable() does, as the rest
    folded, offsets = fold_with_offsets(text)
    assert folded == comparable(text)
    assert len(offsets) == len(folded)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    assert all(any(start <= at < end for start, end in words) for at in offsets)
    assert offsets == sorted(offsets)


def test_folding_ascii_text_keeps_each_letter_at_its_place_in_the_word() -> None:
    folded, offsets = fold_with_offsets('He said "U.S. ties" matter.')
    assert folded == "he said u s ties matter"
    assert [offsets[folded.index(w)] for w in ("he", "said", "ties", "matter")] == [0, 3, 14, 20]


def test_a_quote_running_on_past_where_the_transcript_held_stops_is_partly_in_it():
    """ETtoday's quote (a user's import of 14 November 2025): the copy of the transcript ends mid-word within it."""
    transcript = "总台央视记者：日方近期的动向？\n\n林剑：日方是否真的已同军国主义划清界限？日本政府是否真心坚持专守防"
    folded, offsets = fold_with_offsets(transcript)
    quote = "日方是否真的已同軍國主義劃清界限？日本政府是否真心堅持專守防衛和無核三原則？日方是否還會恪守和平發展承諾？"
    found = match_quote(quote, transcript, folded, offsets)
    assert found.status == "partly in the transcript" and 0 < found.score < 1
    assert found.transcript_span is not None
    assert "日方是否真的已同军国主义划清界限" in transcript[found.transcript_span[0] : found.transcript_span[1]]
    # a quote holding none of its end is not so, nor one running on past a transcript that ends a sentence
    english = "Q: Any comment?\n\nA: We urge Japan to stop"
    folded, offsets = fold_with_offsets(english)
    assert match_quote("stop at once and reflect", english, folded, offsets).status == "not in the transcript"
    assert match_quote("We urge Japan to stop provoking", english, folded, offsets).status == "partly in the transcript"
    whole = english + " provoking."
    folded, offsets = fold_with_offsets(whole)
    assert match_quote("stop provoking. Any comment", whole, folded, offsets).status != "partly in the transcript"


def test_a_quote_marking_words_left_out_is_matched_part_by_part():
    """voz.us (a user's import of 26 January 2026): "(…)" inside a quote had made it "not in the transcript"."""
    said = (
        "Guo Jiakun: China y Canadá han establecido un nuevo tipo de asociación estratégica y han hecho arreglos"
        " específicos. Esta asociación no apuntan contra ninguna tercera parte y sirve a los intereses comunes."
    )
    folded, offsets = fold_with_offsets(said)
    for quote in (
        "China y Canadá han establecido un nuevo tipo de alianza estratégica (…) No apunta contra ningún tercero",
        "China y Canadá han establecido un nuevo tipo de asociación estratégica… no apuntan contra ninguna tercera parte",
        "China y Canadá han establecido un nuevo tipo de asociación estratégica [...] no apuntan contra ninguna tercera parte",
    ):
        found = match_quote(quote, said, folded, offsets)
        assert found.status == "reworded", quote
        assert ("y han hecho arreglos específicos esta asociación", "") in found.differences


def test_a_reworded_quote_going_on_past_a_cut_transcript_is_partly_in_it():
    """ETtoday's quote (a user's review): the copy stops at "我不予評論。關"; the quote, reworded where the copy holds
    it, goes on. It had been "reworded" with "added in the quote: 于中美两国元首通电话我们已经发布了消息稿"."""
    transcript = "彭博社記者：外交部對此有何評論？\n\n林劍：選舉是日本內政，我不予評論。關"
    folded, offsets = fold_with_offsets(transcript)
    found = match_quote(
        "選舉是日本的內政，我不作評論。關於中美兩國元首通電話，我們已經發佈了消息稿。", transcript, folded, offsets
    )
    assert found.status == "partly in the transcript"
    assert found.differences == (("", "的"), ("予", "作"))  # (within the part held)
    assert match_quote("選舉是日本的內政，我不作評論", transcript, folded, offsets).status == "reworded"
    whole = transcript[:-1]  # the same copy ending its sentence: the quote's last words are its own
    folded, offsets = fold_with_offsets(whole)
    assert (
        match_quote("選舉是日本的內政，我不作評論。關於中美兩國元首通電話", whole, folded, offsets).status
        != "partly in the transcript"
    )


def test_a_reworded_quote_shorter_than_the_transcripts_words_is_compared_to_its_end():
    """Beijing Youth Daily (a user's review): the transcript says "对报告曝光的", the quote "对曝光的"; the alignment, a
    window as long as the quote, stopped before "关切" and listed it as added in the quote."""
    transcript = "郭嘉昆:我们注意到这份报告,对报告曝光的恶意网络活动表示严重关切。报告再次表明,在全球范围内"
    folded, offsets = fold_with_offsets(transcript)
    found = match_quote("我们注意到这份报告,对曝光的恶意网络活动表示严重关切。", transcript, folded, offsets)
    assert found.status == "reworded" and found.differences == (("报告", ""),)
