"""Briefing matching: shingles, anchors, the days a text can be about, scores, the threshold."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import CONTENT
from hypothesis import given, settings
from hypothesis import strategies as st

from pressarchive.importer.days import briefing_days, day_of_month_at_briefing, month_day_at_briefing
from pressarchive.importer.hosts import host_named
from pressarchive.importer.match import (
    LONG_PASSAGE,
    MATCH_THRESHOLD,
    Index,
    anchors,
    choose,
    choose_clear,
    shingles,
)
from pressarchive.importer.metadata import read_capture

SEEDS = CONTENT / "captures"
DEC_10, DEC_11 = date(2025, 12, 10), date(2025, 12, 11)


def test_shingles_skip_common_words():
    assert shingles("The Universal Declaration of Human Rights") == {
        "universal declaration",
        "declaration human",
        "human rights",
    }


def test_cjk_text_is_shingled_by_characters_traditional_ones_folded_to_simplified():
    assert shingles("记者会见") == {"记 者", "者 会", "会 见"}
    assert shingles("記者會見") == shingles("記者会見") == shingles("记者会见")  # Traditional, Japanese, Simplified


def test_anchors_are_numbers_and_names_but_not_years_days_or_calendar_words():
    found = anchors("On Wednesday, December 10, 2025, Guterres said 58.3% of 66 entities in Busan agreed.")
    assert found == {"58.3%", "66", "guterres", "busan"}


def test_a_day_named_at_the_briefing_is_the_day():
    assert briefing_days("Guo said on December 10 at a regular press conference that", DEC_11) == [DEC_10]
    assert briefing_days("Guo said at Wednesday's press conference", DEC_11) == [DEC_10]
    assert briefing_days("【新華社北京12月11日】郭嘉昆報道官は10日の記者会見で述べた。", DEC_11) == [DEC_10]
    assert briefing_days("郭嘉昆在12月10日的例行记者会上回答了问题。", DEC_11) == [DEC_10]
    hindi = "10 दिसंबर को चीनी विदेश मंत्रालय के प्रवक्ता क्वो च्याखुन ने एक नियमित प्रेस कॉन्फ्रेंस की।"  # (People's Daily)
    assert briefing_days(hindi, DEC_11) == [DEC_10]


def test_a_turkish_weekday_at_the_briefing_beats_another_weekday_earlier_in_the_lead():
    """Xinhua in Turkish, eval/import-heldout21: "on Monday" is the US State Department's; "Salı günkü basın
    toplantısında" (at Tuesday's press conference) is the briefing's."""
    jan_13 = date(2026, 1, 13)
    text = (
        "BEİJİNG, 13 Ocak (Xinhua) -- Çin Dışişleri Bakanlığı Sözcüsü Mao Ning, İran'daki gelişmeleri takip ettiklerini söyledi.\n\n"
        "ABD Dışişleri Bakanlığı pazartesi günü vatandaşlarından İran'ı terk etmelerini istemişti. "
        "Salı günkü basın toplantısında konuyla ilgili değerlendirmelerde bulunan Mao, çabaları desteklediklerini ifade etti."
    )
    assert briefing_days(text, jan_13) == [jan_13]


def test_a_wires_dispatch_day_is_the_briefing_day_only_when_no_other_day_is_named():
    """ "北京11月8日电" dates the copy: the day named at the briefing is the 7th, though the dispatch stands nearer
    the first briefing word (a photo caption's); the same for an agency's "Dec. 11 (Xinhua)"."""
    crntt = (
        "外交部記者會現場（中評社 海涵攝） 中評社北京12月11日電（記者 海涵）外交部發言人郭嘉昆12月10日主持例行記者會。"
    )
    assert briefing_days(crntt, DEC_11) == [DEC_10]
    xinhua = "BEIJING, Dec. 11 (Xinhua) -- Press conference remarks by Guo Jiakun, who said on December 10 that"
    assert briefing_days(xinhua, DEC_11) == [DEC_10]
    # the only day named beside the briefing: the copy's day is the briefing's (same-day wire copy)
    nov_5, nov_3 = date(2025, 11, 5), date(2025, 11, 3)
    assert briefing_days("新华社北京11月3日电 外交部发言人毛宁在例行记者会上表示，中方坚决反对。", nov_5) == [nov_3]
    assert briefing_days("BEIJING, Nov. 3 (Xinhua) -- Mao Ning told a regular press briefing that", nov_5) == [nov_3]
    assert briefing_days("BEIJING, Nov. 3, 2025 (Xinhua) -- Mao Ning told a regular press briefing", nov_5) == [nov_3]
    assert month_day_at_briefing("新华社北京11月3日电 外交部发言人毛宁在例行记者会上表示。") == (None, 11, 3)
    assert briefing_days("外交部11月3日电话吹风会上，发言人表示。", nov_5) == [nov_3]  # 电话: a phone briefing


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Chief Cabinet Secretary Minoru Kihara on Dec. 8 said at a news conference", DEC_10 - timedelta(days=2)),
        ("El portavoz, Stéphane Dujarric, dijo este miércoles en una rueda de prensa", DEC_10),
        ("Мария Захарова 10 декабря на брифинге заявила", DEC_10),
        ("Мария Захарова в среду на брифинге заявила", DEC_10),
        ("El 10 de diciembre, en una conferencia de prensa, el portavoz dijo", DEC_10),
        ("木原官房長官はきょう午前の会見で反論しました。", DEC_11),
        ("木原官房長官は昨日の会見で反論しました。", DEC_10),
        ("外交部發言人郭嘉昆昨在例行記者會回答記者提問稱", DEC_10),  # Hong Kong's "昨" alone before the verb
        ("外交部發言人郭嘉昆今在例行記者會上表示", DEC_11),
        ("The transcript of today's briefing by the Spokesman.", DEC_11),
        ("Çin Dışişleri Bakanlığı Sözcüsü Mao Ning, bugün düzenlediği basın toplantısında", DEC_11),  # Turkish
        ("Sözcü Mao Ning, 10 Aralık'taki basın toplantısında", DEC_10),
        ("Sözcü Mao Ning çarşamba günü basın toplantısında", DEC_10),
    ],
)
def test_a_day_named_at_the_briefing_in_other_languages(text, day):
    assert briefing_days(text, DEC_11) == [day]


def test_last_year_and_nowadays_are_no_day():
    assert briefing_days("昨年の記者会見で木原官房長官は述べた。", DEC_11) == [DEC_11, DEC_10]  # 昨年: last year
    assert briefing_days("如今在例行記者會上，外交部發言人郭嘉昆表示", DEC_11) == [DEC_11, DEC_10]  # 如今: nowadays


def test_a_day_named_in_the_next_sentence_or_at_a_later_briefing_is_not_the_briefing_day():
    text = "Kihara said at a news conference. The navy issued a statement on Dec. 7 saying so."
    assert briefing_days(text, DEC_11) == [DEC_11, DEC_10]
    later = "Kihara said at a news conference that it was wrong. Koizumi held a news conference on Dec. 7."
    assert briefing_days(later, DEC_11) == [DEC_11, DEC_10]


def test_without_a_named_day_the_publication_day_comes_before_the_day_before():
    assert briefing_days("The spokesperson said the facts are clear.", DEC_11) == [DEC_11, DEC_10]
    assert briefing_days("The spokesperson said on Wednesday the facts are clear.", DEC_11) == [DEC_10, DEC_11]


def test_the_weekday_a_lead_names_first_decides_not_a_last_friday_further_down():
    nov_14 = date(2025, 11, 14)  # a Friday
    jiji = "The Chinese Foreign Ministry on Thursday urged Tokyo. Lin Jian told a news conference so. Takaichi said at a session last Friday that"
    assert briefing_days(jiji, nov_14) == [date(2025, 11, 13), nov_14]
    assert briefing_days("Lin said on Friday at a news conference. On Thursday, Tokyo", nov_14) == [nov_14]
    assert briefing_days("Lin told a news conference. Takaichi spoke last Thursday.", nov_14) == [
        nov_14,
        date(2025, 11, 13),
    ]


@settings(deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=200))
def test_a_text_naming_no_day_is_about_its_publication_day_or_the_day_before(text):
    if any(day.lower() in text.lower() for day in ("monday", "tuesday", "wednesday", "thursday", "friday")):
        return
    assert set(briefing_days(text, DEC_11)) <= {DEC_11, DEC_10}


def test_the_seeds_match_each_other_above_the_threshold_with_shared_passages():
    zt = read_capture(SEEDS / "000_1a359d1b1b1cfee0.txt").body
    nh = read_capture(SEEDS / "002_34fcbf3e7faf7fdd.txt").body
    index = Index()
    index.add("article zt", "b1", DEC_10, zt)
    [best] = index.candidates(nh, [DEC_11, DEC_10])
    assert best.briefing_id == "b1" and best.score >= MATCH_THRESHOLD and best.day_rank == 1
    joined = " | ".join(best.passages)
    for term in ("Universal Declaration of Human Rights", "comfort women", "Human Rights Day"):
        assert term in joined
    assert index.candidates(nh, [date(2026, 3, 1)]) == []  # same words, months apart: not a candidate


def test_documents_outside_the_days_are_never_shingled():
    index = Index()
    for n in range(200):
        index.add(f"article {n}", f"b{n}", date(2025, 1, 1), f"unrelated{n} topic{n} words{n} here{n}")
    index.add("article x", "bx", DEC_10, "Guo Jiakun presided over the regular press conference")
    found = index.candidates("Spokesperson Guo Jiakun presided over talks", [DEC_10])
    assert [c.briefing_id for c in found] == ["bx"]
    assert not any("shingles" in vars(doc) for doc in index.docs if doc.day != DEC_10)


def test_a_short_briefing_title_does_not_count_as_a_full_match():
    index = Index()
    index.add("briefing b", "b", DEC_10, "Foreign Ministry press conference, 10 December 2025")
    text = read_capture(SEEDS / "002_34fcbf3e7faf7fdd.txt").body
    assert index.candidates(text, [DEC_11, DEC_10])[0].score < MATCH_THRESHOLD


def test_an_off_topic_text_of_the_same_day_is_not_assigned():
    index = Index()
    transcript = (SEEDS / "mfa-2025-12-10-transcript-en.txt").read_text(encoding="utf-8")
    index.add("briefing t", "t", DEC_10, transcript)
    off_topic = "The city council approved a new budget for parks and libraries on Wednesday. " * 3
    assert choose(index.candidates(off_topic, [DEC_10])) is None


def test_the_day_before_is_not_taken_when_the_publication_day_has_a_briefing():
    index = Index()
    text = "Guterres regrets the decision of the United States, Dujarric said, citing 66 entities and 31 bodies."
    index.add("briefing before", "before", DEC_10, text)
    index.add("briefing today", "today", DEC_11, "An unrelated briefing title")
    candidates = index.candidates(text, [DEC_11, DEC_10])
    assert choose(candidates).briefing_id == "before"  # type: ignore[union-attr]
    assert choose(candidates, day_taken=True) is None


def test_an_undated_text_is_assigned_only_to_a_clear_winner_among_its_hosts_briefings():
    story = "Guterres regrets the decision of the United States to withdraw from 66 organisations, Dujarric said."
    index = Index()
    index.add("briefing dec 10", "dec-10", DEC_10, story)
    index.add("briefing dec 11", "dec-11", DEC_11, "Dujarric spoke about humanitarian access in Gaza and Sudan.")
    [best, other] = index.candidates(story, [DEC_10, DEC_11], ranked=False)
    assert (best.briefing_id, best.day, best.day_rank, other.day_rank) == ("dec-10", DEC_10, 0, 0)
    assert choose_clear([best, other]) == best
    # The next day's briefing told the same story: without a date, neither can be chosen.
    index.add("article dec 11", "dec-11", DEC_11, story)
    assert choose_clear(index.candidates(story, [DEC_10, DEC_11], ranked=False)) is None
    # A weak best is no winner even alone.
    assert choose_clear(index.candidates("Dujarric spoke about Gaza.", [DEC_11], ranked=False)) is None


def test_an_undated_text_is_compared_with_its_hosts_briefings_only_and_not_on_what_all_of_them_say():
    story = "Guterres regrets the decision of the United States to withdraw from 66 organisations, Dujarric said."
    index = Index()
    index.add("briefing un", "un", DEC_10, "Dujarric briefing on humanitarian access in Gaza.")
    index.add("article other host", "other", DEC_10, story)
    assert [c.briefing_id for c in index.candidates(story, [DEC_10], ranked=False, briefings={"un"})] == ["un"]
    common = "Foreign Ministry Spokesperson Guo Jiakun\nregular press conference"
    index.add("briefing mfa", "mfa", DEC_11, "Foreign Ministry Spokesperson Guo Jiakun Regular Press Conference")
    boilerplate = "Foreign Ministry Spokesperson Guo Jiakun regular press conference: the talks went well."
    [plain] = index.candidates(boilerplate, [DEC_11], ranked=False)
    [without] = index.candidates(boilerplate, [DEC_11], ranked=False, common=common)
    assert plain.score >= MATCH_THRESHOLD > without.score


@pytest.mark.parametrize(
    "text, month_day",
    [
        ("Об этом 8 января сообщил его представитель Стефан Дюжаррик в ходе брифинга для журналистов.", (None, 1, 8)),
        ("外交部发言人郭嘉昆12月10日主持例行记者会。", (None, 12, 10)),
        ("外交部发言人郭嘉昆2024年12月10日主持例行记者会。", (2024, 12, 10)),
        ("On December 10, 2024, at the regular press conference, Guo said", (2024, 12, 10)),
        ("Вчера на брифинге Захарова осудила саммит, намеченный на 15 января.", None),  # yesterday: its day
        ("Spokesperson Guo Jiakun said at the press conference on Dec. 10 that", (None, 12, 10)),
        ("Dujarric said at Wednesday's briefing that", None),  # a weekday: no month and day
        ("木原官房長官は10日の記者会見で", None),  # a day without its month
        ("外交部发言人2月30日主持例行记者会。", None),  # no such day
        ("On March 3 the talks began. At the briefing, nothing was said.", None),  # another sentence
        ("Vào ngày 3 tháng 2, người phát ngôn Lâm Kiếm đã có bài phát biểu tại một cuộc họp báo.", (None, 2, 3)),
        ("Ngày 9-2, tại cuộc họp báo, ông Lâm Kiếm nói.", (None, 2, 9)),  # Vietnamese, day first
        ("Berikut ini cuplikan konferensi pers Kementrian Luar Negeri Tiongkok 24 Oktober 2025.", (2025, 10, 24)),
    ],
)
def test_an_undated_text_names_its_briefings_month_and_day_next_to_the_briefing(text, month_day):
    assert month_day_at_briefing(text) == month_day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("外交部发言人毛宁12日在例行记者会上表示。", 12),
        ("木原官房長官は10日の記者会見で", 10),
        ("중국 외교부 대변인은 21일 정례 브리핑에서 밝혔다.", 21),
        ("外交部发言人12月10日主持例行记者会。", None),  # a month and day: month_day_at_briefing's
        ("会見で問われた木原長官は「9日午前、外務省から申し入れを行った」と述べた。", None),  # the speaker's day
        ("外交部发言人毛宁在例行记者会上宣布，王毅将于25日访华。", None),  # a day to come, after the word
        ("王毅将于25日访华，外交部发言人毛宁在例行记者会上宣布。", None),  # a day to come, before it
        ("毛宁昨天在例行记者会上说。", None),
        ("대변인은 12일(현지시간) 정례 브리핑에서 밝혔다.", 12),
        ("针对美方12日宣布的关税，毛宁在记者会上表示。", None),  # the day of the announcement
        ("林官房長官は3日間の訪米を終え、記者会見で述べた。", None),  # three days long
        ("장관은 3일간의 방문을 마치고 기자회견에서 밝혔다.", None),
    ],
)
def test_an_undated_text_may_name_only_the_day_of_the_month_just_before_its_briefing_word(text, day):
    assert day_of_month_at_briefing(text) == day


def test_a_long_shared_passage_reaches_the_threshold_in_a_text_about_something_else():
    transcript = (SEEDS / "mfa-2025-12-10-transcript-en.txt").read_text(encoding="utf-8")
    index = Index()
    index.add("transcript t", "t", DEC_10, transcript)
    long_ones = [s.strip() + "." for s in transcript.split(".") if len(shingles(s)) >= LONG_PASSAGE + 2]
    quoted = min(long_ones, key=lambda s: (len(anchors(s)), s))  # its evidence is the passage, not its names
    other = " ".join(f"Item {n}: council{n} approved budget{n} for park{n} and library{n}." for n in range(60))
    [quoting] = index.candidates(f"{other} {quoted} {other}", [DEC_10])
    assert max(quoting.containment, quoting.anchor_overlap * 0.8) < MATCH_THRESHOLD <= quoting.score
    assert quoting.passage >= LONG_PASSAGE
    words = quoted.split()
    [phrase] = index.candidates(f"{other} {' '.join(words[: len(words) // 3])} {other}", [DEC_10])
    assert phrase.passage < LONG_PASSAGE and phrase.score < MATCH_THRESHOLD  # a third of it: a phrase


def test_boilerplate_of_a_cjk_agency_is_not_a_long_passage():
    boilerplate = (
        "中国外交部の郭嘉昆報道官は定例記者会見で次のように述べた。"  # 32 characters, as livedoor's Xinhua copy opens
    )
    index = Index()
    index.add("article a", "a", DEC_10, boilerplate + "日本の自衛隊機へのレーダー照射について説明した。")
    [other] = index.candidates(boilerplate + "パラグアイとの関係について質問に答えた。", [DEC_10])
    assert 9 <= other.passage < LONG_PASSAGE  # its 27 shared characters count as 9 words


def test_a_passage_counts_only_where_the_other_text_holds_its_words_in_the_same_run():
    mine = [f"word{n}" for n in range(20)]
    scattered = " ".join(f"{a} {b} filler{n}." for n, (a, b) in enumerate(zip(mine, mine[1:], strict=False)))
    index = Index()
    index.add("transcript scattered", "s", DEC_10, scattered)  # every pair of my text, never three in a row
    [candidate] = index.candidates(" ".join(mine), [DEC_10])
    assert candidate.passage == 1.0  # one pair at a time: never a passage
    index.add("transcript whole", "w", DEC_10, f"Before. {' '.join(mine)}. After.")
    assert {c.briefing_id: c.passage for c in index.candidates(" ".join(mine), [DEC_10])}["w"] == 19.0


def test_an_undated_text_sharing_only_names_with_a_briefing_is_not_assigned_to_it():
    """A running story's names (Takaichi, Xue Jian, Osaka, Taiwan) recur in every day's coverage: the day
    the text reports may simply not be in the archive yet."""
    friday = (
        "Sanae Takaichi was asked about nuclear principles in Tokyo. Kihara spoke of submarines. Koizumi agreed. "
        "In Beijing, Lin Jian answered. Xue Jian posted from Osaka. Taiwan and Okinawa came up. "
        "Opposition lawmakers pressed the cabinet over budgets, pensions and rice prices all afternoon."
    )
    index = Index()
    index.add("article nov 14", "nov-14", date(2025, 11, 14), friday)
    text = (
        "Lin Jian urged Japan to retract remarks; Takaichi had linked Taiwan to survival. Xue Jian of Osaka "
        "had posted a threat. Tokyo protested to Beijing; Kihara called it inappropriate; Koizumi, Okinawa."
    )
    [best] = index.candidates(text, [date(2025, 11, 14)], ranked=False)
    assert best.score >= MATCH_THRESHOLD and best.text_score < MATCH_THRESHOLD / 2
    assert choose_clear([best]) is None


def test_a_weekday_earlier_in_the_week_counts_only_where_its_sentence_names_the_host():
    thursday = date(2025, 10, 2)
    names = host_named("Chinese Foreign Ministry").names  # type: ignore[union-attr]
    guo = "Chinese Foreign Ministry spokesperson Guo Jiakun on Monday underscored the red line. He told a briefing so."
    assert briefing_days(guo, thursday, names) == [date(2025, 9, 29)]
    xi = "Xi and Trump will meet on Monday in Busan. Guo Jiakun told a briefing that plans were ready."
    assert briefing_days(xi, thursday, names) == [thursday, date(2025, 10, 1)]  # a day to come, not the briefing's


def test_a_lead_weekday_counts_where_its_sentence_names_the_state_the_host_speaks_for():
    friday = date(2025, 10, 3)
    voices = host_named("Chinese Foreign Ministry").voices  # type: ignore[union-attr]
    lusa = (
        "A China manifestou terça-feira apoio a todos os esforços. Em conferência de imprensa, o porta-voz da "
        "diplomacia chinesa Guo Jiakun apelou à aplicação das resoluções."
    )
    assert briefing_days(lusa, friday, voices) == [date(2025, 9, 30)]
    chinese = "Chinese tourists flocked to Seoul on Tuesday. Guo Jiakun told a press conference it was welcome."
    assert briefing_days(chinese, friday, voices) == [friday, date(2025, 10, 2)]  # "Chinese" is not China


def test_an_undated_lead_names_the_day_when_it_names_the_hosts_voice_and_no_briefing_word_has_one():
    ccs = host_named("Chief Cabinet Secretary").names, host_named("Chief Cabinet Secretary").voices  # type: ignore[union-attr]
    lead = (
        "Consul General Makes Threatening Remarks\n\nOn Monday (November 10), the Japanese government confirmed "
        "that it had protested. The incident began on November 7. Chief Cabinet Secretary Kihara told a press "
        "conference that the post was inappropriate."
    )
    assert month_day_at_briefing(lead, *ccs) == (None, 11, 10)
    other = lead.replace("the Japanese government", "a consulate")  # the lead is not the host's news
    assert month_day_at_briefing(other, *ccs) is None
    at_briefing = lead.replace("told a press conference", "told a press conference on November 11")
    assert month_day_at_briefing(at_briefing, *ccs) == (None, 11, 11)  # the day beside the briefing comes first


def test_a_vietnamese_weekday_is_capitalised_and_an_ordinal_is_not():
    tuesday = date(2025, 9, 30)
    lead = "Tại buổi họp báo vào thứ Ba, phát ngôn viên Guo Jiakun cho biết Bắc Kinh hoan nghênh."
    assert briefing_days(lead, tuesday + timedelta(days=1)) == [tuesday]
    third = "Đây là lần thứ ba Guo Jiakun nói tại buổi họp báo."  # "the third time": no day
    assert briefing_days(third, tuesday) == [tuesday, tuesday - timedelta(days=1)]


def test_korean_and_german_name_the_briefing_and_its_day():
    assert month_day_at_briefing("궈자쿤 대변인은 9월 25일 정례기자회견에서 밝혔다.") == (None, 9, 25)
    xinhua = "[신화망 베이징 1월7일] 마오닝(毛寧) 중국 외교부 대변인은 6일 정례 브리핑에서 밝혔다."
    assert briefing_days(xinhua, date(2026, 1, 7)) == [date(2026, 1, 6)]  # the 6th, as Japanese "6日"
    assert briefing_days("Guo Jiakun hat am Montag auf einer Pressekonferenz geantwortet.", date(2025, 9, 23)) == [
        date(2025, 9, 22)
    ]


def test_today_and_yesterday_in_an_undated_text_count_from_its_agencys_dateline():
    efe = "China apoya los esfuerzos\n\nPekín, 30 sep (EFE).- El portavoz Guo Jiakun instó hoy en una rueda de prensa a la calma."
    assert month_day_at_briefing(efe) == (None, 9, 30)
    xinhua = "【新華社北京3月2日】郭嘉昆報道官は昨日の記者会見で述べた。"
    assert month_day_at_briefing(xinhua) == (None, 3, 1)
    assert month_day_at_briefing("郭嘉昆報道官は昨日の記者会見で述べた。") is None  # no dateline: no day
    assert (
        month_day_at_briefing("【新華社北京3月1日】郭嘉昆報道官は昨日の記者会見で述べた。") is None
    )  # 28 or 29 February


def test_what_the_review_found_gives_no_day_the_text_does_not_say():
    cn = host_named("Chinese Foreign Ministry")
    assert cn is not None
    g7 = "마오닝 대변인은 정례 브리핑에서 G7 일본 외무장관 회의에 대해 말했다."
    assert briefing_days(g7, date(2026, 1, 9), cn.voices) == [date(2026, 1, 9), date(2026, 1, 8)]  # G7, Japan
    visit = "China's President Xi Jinping will visit Moscow on May 9. Mao Ning told a regular press conference so."
    assert month_day_at_briefing(visit, cn.names, cn.voices) is None  # a day to come, with no weekday
    future = "China will announce countermeasures on Tuesday. Mao Ning told a regular press conference so."
    assert briefing_days(future, date(2026, 1, 8), cn.voices) == [date(2026, 1, 8), date(2026, 1, 7)]
    ru = host_named("Russian Foreign Ministry")
    assert ru is not None  # the state's names match whole words, the host's own names by their stems still
    assert briefing_days("Мария Захарова в понедельник на брифинге заявила", date(2026, 1, 8), ru.voices) == [
        date(2026, 1, 5)
    ]


KBS_ID = (
    "Guo Jiakun, juru bicara Kementerian Luar Negeri Beijing, mengatakan kepada wartawan dalam konferensi pers"
    " pada Kamis (25/09) bahwa Menteri Luar Negeri Korea Utara akan mengunjungi China."
)


def test_a_weekday_with_its_date_in_brackets_is_that_date_even_after_the_pages_date():
    # KBS World's Indonesian page prints "date 2025-09-18" above a story of Thursday 25 September's briefing
    assert briefing_days(KBS_ID, date(2025, 9, 18)) == [date(2025, 9, 25)]
    assert briefing_days(KBS_ID, date(2025, 9, 26)) == [date(2025, 9, 25)]
    assert briefing_days(KBS_ID.replace("(25/09)", "(9/25)"), date(2025, 9, 26)) == [date(2025, 9, 25)]
    assert briefing_days("thứ Năm (25/9), tại cuộc họp báo, Guo Jiakun", date(2025, 9, 26)) == [date(2025, 9, 25)]


def test_a_bracketed_date_its_weekday_disagrees_with_is_not_read():
    # 24/09/2025 was a Wednesday: the weekday alone counts, as the Thursday before publication
    assert briefing_days(KBS_ID.replace("(25/09)", "(24/09)"), date(2025, 9, 27)) == [date(2025, 9, 25)]
    # and a day more than a week away is not this story's
    assert briefing_days(KBS_ID.replace("(25/09)", "(2/10)"), date(2025, 9, 18)) == [date(2025, 9, 18)]


def test_a_bracketed_29_february_is_read_in_a_leap_year():
    text = "Guo Jiakun mengatakan dalam konferensi pers pada Kamis (29/02) bahwa China siap."
    assert briefing_days(text, date(2024, 2, 27)) == [date(2024, 2, 29)]


def test_a_day_something_will_happen_on_is_not_the_briefings():
    coming = (
        "Chinese Foreign Ministry spokesperson Guo Jiakun said at a press conference that North Korean"
        " Foreign Minister Choe Son-hui will visit Beijing on Thursday (9/25)."
    )
    assert briefing_days(coming, date(2025, 9, 23)) == [date(2025, 9, 23), date(2025, 9, 22)]
    assert briefing_days("Guo said at a press conference that Xi will meet Trump on Thursday.", date(2025, 9, 23)) == [
        date(2025, 9, 23),
        date(2025, 9, 22),
    ]


def test_the_weekday_beside_the_spokespersons_name_beats_an_earlier_one_in_the_same_sentence():
    # Xinhua, 25 November 2025: Monday was the phone call; Tuesday the briefing
    text = (
        "BEIJING, Nov. 25 (Xinhua) -- The atmosphere of the phone call between Chinese President Xi Jinping and"
        ' U.S. President Donald Trump on Monday was "positive, friendly and constructive," said Chinese foreign'
        " ministry spokesperson Mao Ning on Tuesday.\nMao told a regular press briefing that this call was initiated by the U.S."
    )
    host = host_named("Chinese Foreign Ministry")
    assert host is not None
    assert briefing_days(text, date(2025, 11, 25), host.voices) == [date(2025, 11, 25)]
    assert briefing_days(text, date(2025, 11, 25)) == [
        date(2025, 11, 24),
        date(2025, 11, 25),
    ]  # no host known: the first


def test_a_weekday_of_something_else_before_the_hosts_name_does_not_beat_the_leads():
    # from a review: "On Tuesday, responding to ... remarks on Friday, ... Mao Ning said" is Tuesday's
    text = (
        "On Tuesday, responding to Japanese Prime Minister Sanae Takaichi's remarks in parliament on Friday, China's"
        " foreign ministry spokesperson Mao Ning said Japan must retract them.\nMao told a regular press briefing so."
    )
    host = host_named("Chinese Foreign Ministry")
    assert host is not None
    assert briefing_days(text, date(2025, 11, 25), host.voices) == [date(2025, 11, 25)]


def test_a_repost_weeks_later_counts_its_days_from_its_agencys_dateline():
    repost = (
        "Beijing, January 12 (Xinhua) -- A spokesperson announced on the 12th that the prime minister will visit.\n\n"
        "At the regular press conference held that day, Foreign Ministry Spokesperson Mao Ning said so."
    )
    jan_12 = date(2026, 1, 12)
    assert briefing_days(repost, date(2026, 2, 4)) == [jan_12, jan_12 - timedelta(days=1)]
    assert briefing_days(repost, jan_12) == [jan_12, jan_12 - timedelta(days=1)]  # the same day: nothing changes
    assert briefing_days(repost, date(2026, 1, 11))[0] == date(2026, 1, 11)  # a dateline after the page: not used


def test_turkish_words_are_read_without_mistaking_other_languages_and_in_any_case():
    assert briefing_days("ANKARA, 12 ARALIK (AA) - Sözcü basın toplantısında konuştu.", DEC_11 + timedelta(days=1))
    indonesian = "China cuma ingin perdamaian, kata Mao Ning. Dalam konferensi pers rutin, Mao Ning mengatakan itu."
    assert briefing_days(indonesian, date(2026, 2, 4)) == [date(2026, 2, 4), date(2026, 2, 3)]  # "cuma": only
    name = "Mao Ning was asked at the press conference about remarks by Sali Berisha on Albania."
    assert briefing_days(name, date(2026, 2, 6)) == [date(2026, 2, 6), date(2026, 2, 5)]


def test_a_dateline_counts_for_a_repost_only_where_it_opens_its_line():
    quoted = (
        "China slams tariffs\nSee also: Beijing, Oct. 9 (Xinhua) -- an old story\nThe ministry said at a press briefing"
    )
    assert briefing_days(quoted, date(2026, 2, 4)) == [date(2026, 2, 4), date(2026, 2, 3)]


def test_a_yesterday_inside_the_spokespersons_quote_is_not_the_texts_day():
    """Asia Economy, 25 April 2025: "On April 25, ... Guo Jiakun stated at a regular press briefing,
    “Yesterday, my colleagues ... already gave a clear answer”": the briefing is of the 25th."""
    apr_25 = date(2025, 4, 25)
    quoted = "Guo Jiakun stated at a regular press briefing, “Yesterday, my colleagues and I already answered.”"
    assert briefing_days(quoted, apr_25) == [apr_25, apr_25 - timedelta(days=1)]
    said = "Guo Jiakun stated at a regular press briefing yesterday that the claims were false."
    assert briefing_days(said, apr_25) == [apr_25 - timedelta(days=1)]
    closed = '"We held no talks. Stop the confusion," Guo Jiakun told a regular press briefing yesterday.'
    assert briefing_days(closed, apr_25) == [apr_25 - timedelta(days=1)]  # a quotation closed before it
    german = "Guo Jiakun nannte die Berichte „Fake News“ auf der Pressekonferenz gestern."
    assert briefing_days(german, apr_25) == [apr_25 - timedelta(days=1)]


def test_today_in_a_compound_is_no_day():
    for text in (
        "外交部發言人郭嘉昆迄今在例行記者會上多次表示",
        "當今在例行記者會上，發言人表示",
        "發言人於今表示，例行記者會上",
    ):
        assert briefing_days(text, DEC_11) == [DEC_11, DEC_10], text
