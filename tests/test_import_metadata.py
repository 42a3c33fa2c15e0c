"""Metadata: only what a capture shows; HTML pages with and without their own metadata."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CONTENT

from pressarchive.importer.headline import looks_like_headline
from pressarchive.importer.language import detect_language
from pressarchive.importer.metadata import (
    NotText,
    decode_capture,
    from_text,
    iso_date,
    printed_date,
    read_capture,
    relative_dates,
    title_from_opening,
)

CAPTURES = Path(__file__).resolve().parent / "fixtures" / "import" / "captures"
SEEDS = CONTENT / "captures"


def test_printed_dates_are_kept_naive_and_as_precise_as_printed():
    assert printed_date("12/10/2025 08:17:04") == "2025-12-10T08:17:04"
    assert printed_date("03/04/2025 09:30") == "2025-03-04T09:30:00"
    assert printed_date("12/10/2025") == "2025-12-10"
    assert printed_date("13/45/2025") is None


def test_page_dates_keep_their_stated_offset_and_nothing_else_is_a_date():
    assert iso_date("2025-12-10T18:30:00+08:00") == "2025-12-10T18:30:00+08:00"
    assert iso_date("2025-12-10T10:30:00Z") == "2025-12-10T10:30:00+00:00"
    assert iso_date("2025-12-10") == "2025-12-10"
    assert iso_date("10 December 2025") is None


def test_relative_dates_are_found_not_resolved():
    assert relative_dates("Yesterday, December 10 marked Human Rights Day.") == ["Yesterday, December 10"]
    assert relative_dates("The talks ended last week.") == ["last week"]
    assert relative_dates("On December 10 the talks ended.") == []


def test_seed_000_shows_outlet_and_time_but_no_headline():
    found = read_capture(SEEDS / "000_1a359d1b1b1cfee0.txt")
    assert (found.title, found.outlet, found.date, found.url, found.byline) == (
        None,
        "Zhitongcaijing",
        "2025-12-10T08:17:04",
        None,
        None,
    )
    assert found.notes["date_source"] == 'text "Zhitongcaijing·12/10/2025 08:17:04" (month/day/year)'
    assert (
        title_from_opening(found.body)
        == "On December 10, Foreign Ministry Spokesman Guo Jiakun presided over a regular press conference"
    )


def test_seed_002_shows_a_headline_and_only_a_relative_date():
    found = read_capture(SEEDS / "002_34fcbf3e7faf7fdd.txt")
    assert found.title == "Chinese mainland to Power Up Global Human Rights 🌍✨"
    assert (found.outlet, found.date, found.url) == (None, None, None)
    assert found.relative_dates == ["Yesterday, December 10"]


def test_a_text_byline_is_read():
    assert read_capture(CAPTURES / "headline_twice.txt").byline == "Jane Doe"


def test_html_page_metadata_is_read_from_json_ld_open_graph_and_canonical():
    found = read_capture(CAPTURES / "with_metadata.html")
    assert found.title == 'Ministry briefing: visit & talks "announced" #diplomacy'
    assert found.date == "2025-12-10T18:30:00+08:00"
    assert (found.outlet, found.byline) == ("Example News", "Jane Doe")
    assert found.url == "https://news.example.org/world/2025/12/ministry-briefing"
    assert found.body.startswith("At the regular press conference on Wednesday,")
    assert found.body.endswith("on its website later in the day.\n")
    assert found.body.count("\n\n") == 3
    for debris in ("Share this article", "Related posts", "Copyright", "Home"):
        assert debris not in found.body


def test_html_page_without_metadata_gives_text_only():
    found = read_capture(CAPTURES / "without_metadata.html")
    assert (found.title, found.date, found.outlet, found.byline, found.url) == (None, None, None, None, None)
    assert found.body.count("\n\n") == 2
    assert "exercise restraint" in found.body


# What a capture is: text in some encoding, in some language ---------------------

EVAL = Path(__file__).resolve().parent.parent / "eval" / "import" / "captures"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        (bytes((n * 37 + 11) % 256 for n in range(4096)), "binary data (NUL bytes)"),
    ],
)
def test_binary_captures_are_refused_by_what_they_are(data, what):
    with pytest.raises(NotText, match=re.escape(what)):
        decode_capture(data)


def test_html_in_gbk_is_decoded_by_its_declared_charset():
    page = '<html><head><meta charset="gbk"><title>外交部发言人</title></head><body><p>郭嘉昆主持例行记者会。</p></body></html>'
    text, charset = decode_capture(page.encode("gbk"))
    assert "郭嘉昆主持例行记者会" in text and charset == "gbk"


def test_text_in_an_undeclared_legacy_encoding_is_detected():
    sentence = (
        "Официальный представитель МИД России Мария Захарова заявила на брифинге в четверг, что санкции не работают."
    )
    text, charset = decode_capture((sentence + "\n").encode("cp1251") * 3)
    assert sentence in text and charset != "utf_8"


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("004_wlchinahf-radar-zh.txt", "zh"),
        ("027_tbs-newsdig-kihara-radar-ja.txt", "ja"),
        ("033_comments-ua-zakharova-sanctions-uk.txt", "uk"),
        ("040_infobae-efe-onu-retirada-eeuu-es.txt", "es"),
        ("009_diariodepe-xi-trump-busan-pt.txt", "pt"),
        ("037_aa-un-chief-regrets-us-withdrawal.txt", "en"),
    ],
)
def test_language_is_detected(name, language):
    assert read_capture(EVAL / name).language == language


def test_language_detection_is_deterministic():
    text = (EVAL / "032_gazeta-zakharova-gas-ban-ru.txt").read_text(encoding="utf-8")
    assert len({detect_language.__wrapped__(text) for _ in range(5)}) == 1


def test_single_newline_paragraphs_stay_paragraphs_and_hard_wrapped_lines_join():
    one_a_line = read_capture(EVAL / "046_qwxb-chinadaily-mirror-group-of-friends.txt").body
    assert one_a_line.count("\n\n") >= 5
    wrapped = read_capture(EVAL / "019_lincolndailynews-ap-state-overhaul.txt").body
    assert "reduce staff\nin the U.S." in wrapped  # one paragraph, as Markdown joins it


def test_a_long_opening_sentence_becomes_a_cut_title():
    found = read_capture(EVAL / "002_amigonews-radar.txt")
    title = title_from_opening(found.body)
    assert title is not None and title.endswith("…") and len(title) <= 121
    assert found.body.startswith(title[:-1])


@pytest.mark.parametrize(
    ("opening", "title"),
    [
        ("【新華社北京10月30日】郭嘉昆報道官は30日の記者会見で求めた。", "郭嘉昆報道官は30日の記者会見で求めた"),
        (
            "BEIJING, Oct. 29 (Xinhua) -- Guo Jiakun said the talks went well. More.",
            "Guo Jiakun said the talks went well",
        ),
        (
            "WASHINGTON (AP) — The State Department said it would cut staff.",
            "The State Department said it would cut staff",
        ),
        ("The UN (United Nations) - said it would cut staff.", "The UN (United Nations) - said it would cut staff"),
        ("Milan, 7 janvier (LaPresse) – Diviser les sphères d'influence. Suite.", "Diviser les sphères d'influence"),
        (
            "Pechino, 5 gen.(Adnkronos) - Il ministero ha ribadito la posizione. Poi.",
            "Il ministero ha ribadito la posizione",
        ),
        (
            "Naciones Unidas, 8 ene (EFE).- El Secretario General lamenta la salida.",
            "El Secretario General lamenta la salida",
        ),
        (
            "Beijing, Sep 30 (PTI) China on Tuesday expressed its support. More.",
            "China on Tuesday expressed its support",
        ),
    ],
)
def test_a_title_made_from_the_opening_sentence_leaves_out_the_agencys_dateline(opening, title):
    assert title_from_opening(opening + "\n") == title


def test_a_stamp_with_its_credits_is_never_the_title():
    stamp = "2026-02-14 19:04:34 来源:参考消息网 责任编辑:刘天霖"
    assert not looks_like_headline(stamp)
    for headline in (
        "消息来源：外交部回应日本首相涉台言论",
        "《三体》作者：中国科幻正走向世界",
        "Open Source: China publishes a new AI policy",
    ):
        assert looks_like_headline(headline), headline  # a label inside a headline is no stamp's
    opening = f"{stamp}\n\n中国外交部发言人林剑12日主持例行记者会。\n"
    assert title_from_opening(opening) == "中国外交部发言人林剑12日主持例行记者会"


def test_a_wires_dateline_on_its_own_line_is_neither_headline_nor_text_but_credits_the_wire():
    found = from_text(
        " date 2025-11-03 PEKÍN, 3 nov (Reuters) -\n\nEl Ministerio de Asuntos Exteriores chino dijo el lunes que"
        " el rey de España hará una visita de Estado a China.\n\nLo dijo Mao Ning, portavoz del ministerio.\n"
    )
    assert found.title is None and found.credit == "Reuters"
    assert title_from_opening("PEKÍN, 3 nov (Reuters) -\n\nEl rey visitará China. Más.\n") == "El rey visitará China"
    indonesian = "KONTAN.CO.ID - BEIJING. Kementerian Luar Negeri China mengungkapkan sikapnya. Lagi.\n"
    assert title_from_opening(indonesian) == "Kementerian Luar Negeri China mengungkapkan sikapnya"  # a site's dateline
    assert found.body.startswith("El Ministerio de Asuntos Exteriores chino dijo el lunes")


def test_the_headline_is_the_plain_line_not_its_variant_with_a_date_above_it():
    found = read_capture(EVAL / "035_1prime-zakharova-telegram-ru.txt")  # "Headline - 23.10.2025" above "Headline"
    assert found.title == '"Без мха и лишайников". Захарова высмеяла новые антироссийские санкции ЕС'
    assert "санкции ЕС - 23.10.2025" not in found.body  # the variant went with the headline


def test_a_reporters_byline_on_another_site_makes_the_outlet_the_credit():
    found = read_capture(EVAL / "021_mprnews-npr-state-overhaul.txt")  # "Michele Kelemen, NPR" on MPR News
    assert found.credit == "NPR"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("11月10日，外交部發言人林劍主持例行記者會。有記者就日本首相高市早苗在國會答問時發表涉台錯誤言論提問。", "zh"),
        ("外交部发言人林剑主持例行记者会。有记者就日本首相高市早苗在国会答问时发表涉台错误言论提问。", "zh"),
        ("中国外交部の林剣報道官は14日の記者会見で、日本側に厳正な申し入れを行ったと述べた。", "ja"),
        ("마오닝 중국 외교부 대변인은 정례 브리핑을 통해 양측 인사가 베이징에서 회담을 진행했다고 밝혔습니다.", "ko"),
    ],
)
def test_chinese_japanese_and_korean_are_told_by_their_scripts(text, language):
    """langdetect alone calls the Traditional Chinese line Korean (0.86), though it holds no Hangul."""
    assert detect_language.__wrapped__(text) == language


def test_a_bilingual_chinese_and_english_page_is_chinese_and_an_english_one_quoting_names_is_not():
    bilingual = (
        "总台央视记者：中国外长今年首访非洲有何特殊意义？中方对这次访问有何期待？\n"
        "CCTV: What is the special significance of the Chinese Foreign Minister's visit to Africa on the first "
        "overseas trip of the year? What are China's expectations for the visit?\n"
        "毛宁：王毅外长此访是中国外长连续第36年新年首访非洲。\n"
        "Mao Ning: This visit marks the 36th consecutive year that the Chinese foreign minister has chosen Africa."
    )
    assert detect_language.__wrapped__(bilingual) == "zh"
    english = (
        "Foreign Ministry spokesperson Mao Ning (毛宁) said on Wednesday that the visit continues a tradition of "
        "36 years, and that China looks forward to deepening its cooperation with African countries this year."
    )
    assert detect_language.__wrapped__(english) == "en"


def test_a_bilingual_page_running_its_two_languages_together_on_one_line_is_chinese():
    # Global Times, 24 November 2025: each Chinese sentence followed by its English, on one line
    run_together = (
        "Chinese foreign ministry spokesperson Mao Ning\n\n"
        "在11月24日举行的中国外交部例行记者会上，有日媒记者提问称：日本首相高市早苗表示，她没有机会与李强总理交谈。"
        "请问中方对此有何评论？At a regular press conference of the Chinese Foreign Ministry on November 24, a Japanese"
        " reporter asked that Japanese Prime Minister Sanae Takaichi had no opportunity to speak with Chinese Premier Li"
        " Qiang. What is China's comment on this?对此，外交部发言人毛宁表示，我们希望日方能够严肃对待中方的关切。In"
        " response, Chinese foreign ministry spokesperson Mao Ning said on Monday that China hopes Japan will take"
        " China's concerns seriously."
    )
    assert detect_language.__wrapped__(run_together) == "zh"
    quoting = (
        "Mao Ning said on Monday that Japan should take China's concerns seriously. She added, in Chinese,"
        " 我们希望日方能够严肃对待中方的关切。 The remarks came after the summit, where no meeting took place between"
        " the two leaders, and officials in Tokyo said they remained open to dialogue with Beijing."
    )
    assert detect_language.__wrapped__(quoting) == "en"


def test_the_opening_sentence_skips_a_masthead_left_over_and_a_mixed_case_dateline():
    body = (
        "Newsfrom Japan\n\nBeijing, Nov. 13 (Jiji Press)--The Chinese Foreign Ministry on Thursday urged Japanese "
        "Prime Minister Sanae Takaichi to retract her remark.\n\nLin Jian told a news conference so.\n"
    )
    assert title_from_opening(body) == (
        "The Chinese Foreign Ministry on Thursday urged Japanese Prime Minister Sanae Takaichi to retract her remark"
    )


def test_a_korean_photo_caption_is_never_the_headline():
    found = from_text(
        "▲ 시진핑 중국 국가주석(왼쪽)과 다카이치 사나에 일본 총리\n\n마오닝 중국 외교부 대변인은 정례 브리핑을 통해 밝혔습니다.\n"
    )
    assert found.title is None and [(r.line, r.reason) for r in found.removed] == [(1, "photo caption")]


def test_what_the_review_found_is_neither_a_dateline_nor_a_bilingual_page():
    who = "The head of the WHO (AP) said the outbreak was contained. More.\n"
    assert title_from_opening(who) == "The head of the WHO (AP) said the outbreak was contained"  # no dash, no date
    quoting = (
        "Foreign Ministry spokesperson Mao Ning said the visit continues a tradition of 36 years. She read out: "
        "中方一贯主张通过对话协商解决分歧，反对单边制裁和长臂管辖，愿同各方一道维护地区和平稳定与发展繁荣。 "
        "The ministry added that the talks would go on next week in Beijing as planned."
    )
    assert detect_language.__wrapped__(quoting) == "en"  # one Chinese passage: no bilingual page


def test_the_sites_name_after_a_headline_is_not_the_title():
    from pressarchive.importer.headline import without_site_name

    assert without_site_name("الصين تعبر عن قلقها إزاء الهجمات klyoum.com", "www.klyoum.com") == (
        "الصين تعبر عن قلقها إزاء الهجمات"
    )
    assert without_site_name("China condemns school bus attack in Pakistan: FM spokesperson-Xinhua", None) == (
        "China condemns school bus attack in Pakistan: FM spokesperson"
    )
    assert without_site_name("China urges restraint - Reuters", None) == "China urges restraint"
    assert without_site_name("Talks with Xinhua", None) == "Talks with Xinhua"
    assert without_site_name("China blocks access to x.com", "example.com") == "China blocks access to x.com"
    assert without_site_name("White House launches trumprx.gov", None) == "White House launches trumprx.gov"


def test_a_chinese_opening_sentence_standing_in_for_a_title_is_cut_shorter_than_an_english_one():
    """A reader's review: United Daily News's 120-character lead shown as a page's heading."""
    lead = (
        "中國外交部發言人毛寧17日在例行記者會上表示，日本首相高市早苗涉台錯誤言論嚴重損害中日關係的政治基礎，"
        "中方敦促日方立即改正錯誤、收回錯誤言論，否則一切後果由日方承擔，並表示中方不會與日方領導人在二十國集團峰會期間會面。"
    )
    title = title_from_opening(lead + "\n")
    assert title is not None and title.endswith("…") and len(title) <= 51 and lead.startswith(title[:-1])
    english = (
        "China on Tuesday urged Japan to retract the remarks its prime minister made on Taiwan in parliament, " * 2
    )
    assert len(title_from_opening(english.strip() + ".\n") or "") > 51


@pytest.mark.parametrize(
    ("text", "byline", "gone"),
    [  # pages of 14 November 2025 a user imported (HK01, ETtoday, Workercn), cut short here
        (
            "高市早苗迴避回應無核原則 中國：嚴重關切日方近期軍事安全動向\n撰文：張涵語\n出版：更新：\n"
            "日本首相高市早苗近日在國會被問及是否堅持「無核三原則」時迴避明確表態。外交部發言人林劍11月14日主持例行記者會表示，中方感到嚴重關切。",
            "張涵語",
            ["撰文：張涵語", "出版：更新："],
        ),
        (
            "大陸外交部發言人林劍表示關切\n\n記者魏有德／綜合報導\n\n大陸與日本雙邊關係近期陷入嚴重摩擦，大陸官方連日要求高市早苗收回論述，陷入僵局。",
            "魏有德",
            ["記者魏有德／綜合報導"],
        ),
        (
            "外交部发言人林剑11月14日在例行记者会上答问时表示，中方对日方近期的军事安全动向表达严重关切。\n\n"
            "“我们敦促日方深刻反省侵略历史。”林剑说。(记者董雪、刘杨)\n\n×\n",
            "董雪、刘杨",
            ["×"],
        ),
    ],
)
def test_a_chinese_pages_author_or_reporters_are_its_byline(text: str, byline: str, gone: list[str]):
    found = from_text(text)
    assert found.byline == byline
    assert not any(line in found.body.split("\n") for line in gone)


def test_a_reporter_named_in_the_text_or_a_transcripts_label_is_no_byline():
    assert from_text("总台央视记者：外交部发言人林剑今天表示关切，记者会上有记者提问。").byline is None


@pytest.mark.parametrize(
    ("opening", "printed"),
    [  # alexa.ng (a user's import of 13 October 2025) printed no other date
        (
            "Beijing/Washington, October 13, 2025 – In a sharp escalation, Beijing on Monday rebuffed threats.",
            "2025-10-13",
        ),
        ("BEIJING, Oct. 13, 2025 /PRNewswire/ -- The ministry said on Monday that it would act.", "2025-10-13"),
        ("On Monday, October 13, 2025 - the ministry said it would act at once.", None),  # a lead, no dateline
        ("China, which joined the body in 2001 - the ministry said - will act.", None),
    ],
)
def test_a_dateline_opening_the_first_paragraph_dates_a_page_that_prints_no_other(opening: str, printed: str | None):
    found = from_text(f"Beijing rebuffs the threat of tariffs today\n\n{opening}\n")
    assert found.date == printed
