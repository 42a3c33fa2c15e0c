"""Transcripts split into items, on real transcripts of four hosts and the usual label styles."""

from __future__ import annotations

from conftest import ROOT

from pressarchive.transcript import split_items

EVAL = ROOT / "eval" / "coverage"


def kinds(text: str, spokesperson: str | None) -> list[tuple[str, str]]:
    return [(i.kind, i.asker) for i in split_items(text, spokesperson)]


def test_named_outlet_and_spokesperson() -> None:
    text = (EVAL / "cn-mfa-2025-12-10" / "transcript.en.txt").read_text(encoding="utf-8")
    items = split_items(text, "Guo Jiakun")
    assert [(i.kind, i.asker) for i in items] == [("announcement", ""), ("question", "Beijing Youth Daily")]
    assert text[items[1].start :].startswith("Beijing Youth Daily: We noted")
    assert items[1].end == len(text.rstrip())  # the answer's three paragraphs belong to the question


def test_chinese_labels_with_full_width_colons() -> None:
    text = "问：中方对此有何评论？\n\n答：中方一贯主张通过对话解决分歧。\n\n问：能否介绍更多情况？\n\n答：我们会适时发布信息。"
    assert kinds(text, None) == [("question", "问"), ("question", "问")]
    text = (EVAL / "cn-mfa-2025-06-27" / "transcript.zh.txt").read_text(encoding="utf-8")
    assert kinds(text, "郭嘉昆")[1] == ("question", "总台央视记者")


def test_q_and_a_labels() -> None:
    text = "Q: Will the minister travel?\n\nA: Yes, next week.\n\nQ: Where to?\n\nA: To Brussels."
    items = split_items(text, None)
    assert [(i.kind, i.asker, i.name) for i in items] == [
        ("question", "Q", "Q&A 1"),
        ("question", "Q", "Q&A 2"),
    ]


def test_upper_case_labels_and_a_title_for_the_spokesperson() -> None:
    text = (EVAL / "jp-ccs-2016-06-09" / "transcript.en.txt").read_text(encoding="utf-8")
    assert kinds(text, "Yoshihide Suga") == [("question", "REPORTER")]
    text = (EVAL / "us-state-2015-02-10" / "transcript.en.txt").read_text(encoding="utf-8")
    items = split_items(text, "Jen Psaki")
    assert {i.kind for i in items} == {"announcement"} and len(items) == 4


def test_greeting_joins_the_announcement_after_it() -> None:
    text = (EVAL / "un-noon-2023-03-15" / "transcript.en.txt").read_text(encoding="utf-8")
    items = split_items(text, None)
    assert text[items[0].start :].startswith("Good afternoon.")
    assert items[0].kind == "announcement" and len(items) == 3


def test_a_sentence_with_a_colon_is_not_a_speaker() -> None:
    text = "The minister said the plan is simple: build more.\n\nMr. Smith: Will it work?\n\nMs. Jones: We think so."
    assert kinds(text, "Jones") == [("announcement", ""), ("question", "Mr. Smith")]


def test_a_bilingual_transcript_gives_each_turn_twice_and_each_exchange_is_one_item() -> None:
    """yuhaojiang.com's copy of 7 January 2026: Chinese, then English, turn by turn."""
    text = (
        "总台央视记者:中国外长今年首访非洲有何特殊意义?\n\nCCTV: What is the special significance of the visit?\n\n"
        "毛宁:今年是中非建交70周年。\n\nMao Ning: This year marks the 70th anniversary.\n\n"
        "法新社记者:美方称这是我们的半球。\n\nAFP: The US said this is our hemisphere.\n\n"
        "毛宁:划分势力范围不会让一个国家更安全。\n\nMao Ning: Carving out a sphere of influence will not make a country safer."
    )
    items = split_items(text, "Mao Ning")
    assert kinds(text, "Mao Ning") == [("question", "总台央视记者"), ("question", "法新社记者")]
    assert text[items[1].start :].startswith("法新社记者") and items[0].end < items[1].start
    cut = text[: text.index("法新社记者")].rstrip()  # one exchange only (a capture cut short)
    assert kinds(cut, "Mao Ning") == [("question", "总台央视记者")]
    follow_up = (
        "Reuters: Will talks resume?\n\nBloomberg: And when?\n\nMao Ning: Soon.\n\nAFP: Any date?\n\nMao Ning: No."
    )
    assert kinds(follow_up, "Mao Ning") == [("question", "Reuters"), ("question", "Bloomberg"), ("question", "AFP")]


def test_an_outlet_named_in_spanish_or_portuguese_is_a_questions_label() -> None:
    # the ministry's Spanish transcript: "Diario del Pueblo:" asks, "Mao Ning:" answers
    text = (
        "Diario del Pueblo: El 25 de noviembre, el Gobierno japonés adoptó una declaración. ¿Cuál es el comentario de China?\n\n"
        "Mao Ning: China ha dejado clara en múltiples ocasiones su posición.\n\n"
        "La declaración del Gobierno japonés sigue repitiendo la llamada posición constante.\n\n"
        "Agência de Notícias do Brasil: O que a China pensa?\n\n"
        "Mao Ning: A posição da China é clara."
    )
    items = split_items(text, "Mao Ning")
    assert [(i.kind, i.asker, len(i.paragraphs)) for i in items] == [
        ("question", "Diario del Pueblo", 3),
        ("question", "Agência de Notícias do Brasil", 2),
    ]


def test_a_heading_above_the_first_item_is_not_an_announcement() -> None:
    text = (
        "外交部发言人毛宁主持例行记者会\n\n应国家主席习近平邀请,西班牙国王将于11月10日至13日对中国进行国事访问。\n\n"
        "总台央视记者:中方能否介绍此访有关安排?\n\n毛宁:这是国王登基以来首次对中国进行国事访问。"
    )
    items = split_items(text, "毛宁")
    assert [(i.kind, i.asker) for i in items] == [("announcement", ""), ("question", "总台央视记者")]
    assert text[items[0].start :].startswith("应国家主席")
    for heading in (
        "外交部发言人毛宁主持例行记者会（2025年11月3日）",
        "Mao Ning’s Regular Press Conference on November 4, 2025",
    ):
        assert [i.kind for i in split_items(f"{heading}\n\nQ: When?\n\nA: Monday.", None)] == ["question"]
    # an opening that is not a title is an announcement, however short or cut short
    for opening in (
        "The minister will travel to Brussels next week for talks.",
        "应国务院总理李强邀请，新加坡总理黄循财将于11月10日至14日对中国进行正式访问",  # no full stop: cut short
        "I have two announcements to start with — first, the Secretary-General will travel to Belém",
        "Good afternoon everyone and welcome to today's regular press briefing at the Ministry",
    ):
        assert split_items(f"{opening}\n\nQ: When?\n\nA: On Monday.", None)[0].kind == "announcement", opening


def test_pieces_of_a_title_above_the_first_turn_are_no_items() -> None:
    # a bilingual repost's opening: a site's leftover, then its title cut over four lines
    opening = "创始人\n\n2026年2月12日外交部发言人林剑\n\n主持例行记者会\n\nForeign Ministry Spokesperson Lin Jian’s"
    text = f"{opening}\n\n总台央视记者:发言人对此有何评论?\n\n林剑:今年是“非遗版”春节2.0。"
    items = split_items(text, None)
    assert [(i.kind, i.asker) for i in items] == [("question", "总台央视记者")]
    assert text[items[0].start :].startswith("总台央视记者")
    # without a speaker's turn after them, the same lines are the transcript's text, not a title
    assert [i.kind for i in split_items(opening + "\n\n外交部将于明天发布消息。", None)][-1] == "announcement"


def test_a_one_exchange_bilingual_transcript_is_one_question_answered_in_both_scripts() -> None:
    text = (
        "总台央视记者：中方能否进一步介绍峰会整体情况？\n\nCCTV: Can you share more details?\n\n"
        "郭嘉昆：今年是联合国成立80周年。\n\nGuo Jiakun: This year marks the 80th anniversary of the UN."
    )
    assert kinds(text, "Guo Jiakun") == [("question", "总台央视记者")]
    # in one script, a label met once before the spokesperson's answer is another journalist's
    follow_up = "Q: Will he travel?\n\nReporter: And when?\n\nGuo Jiakun: Next week."
    assert kinds(follow_up, "Guo Jiakun") == [("question", "Q"), ("question", "Reporter")]


def test_a_papers_name_in_its_brackets_is_part_of_a_chinese_label() -> None:
    text = "《中国日报》记者：美方指责中国进行核试验。中方对此有何评论？\n\n毛宁：美方指责捕风捉影。\n\n俄新社记者：中方对此有何评论？\n\n毛宁：中方一贯反对单边制裁。"
    assert kinds(text, "毛宁") == [("question", "《中国日报》记者"), ("question", "俄新社记者")]


def test_russian_labels_and_a_spokesperson_named_in_another_script_answer() -> None:
    text = (
        "По приглашению председателя КНР король Таиланда посетит Китай.\n\n"
        "Жэньминь жибао: Китай объявил о визите. Как Китай оценивает отношения?\n\n"
        "Мао Нин: Китай и Таиланд — близкие соседи.\n\nTASS: Как Китай это прокомментирует?\n\nМао Нин: Мы следим."
    )
    assert kinds(text, "Mao Ning") == [("announcement", ""), ("question", "Жэньминь жибао"), ("question", "TASS")]


def test_a_russian_quotes_lead_is_no_label_and_the_one_who_asks_is_no_spokesperson() -> None:
    quotes = "Захарова заявила: «Это провокация».\n\nЗахарова добавила: «Мы ответим на это»."
    assert kinds(quotes, None) == [("announcement", "")]  # a report's quotes, not turns
    turns = "Мао Нин: Король Таиланда посетит Китай с визитом.\n\nТАСС: Как Китай это оценивает?\n\nМао Нин: Мы рады.\n\nТАСС: А Япония?"
    assert [asker for _, asker in kinds(turns, "Mao Ning") if asker] == ["ТАСС", "ТАСС"]


def test_a_copys_lead_saying_the_questions_and_answers_follow_is_no_item() -> None:
    """crntt.com's copies open with a caption, a dateline and "以下是問答全文：" (a reader's review found it as
    "Announcement 1", every item after it numbered one too high)."""
    text = (
        "外交部記者會現場（中評社 海涵攝） 中評社北京11月8日電（記者 海涵）外交部發言人毛寧11月7日主持例行記者會並回答中外記者提問。以下是問答全文：\n\n"
        "應玻利維亞政府邀請，國家主席習近平特使將出席玻利維亞總統就職儀式。\n\n"
        "路透社記者：中方對此有何評論？\n\n"
        "毛寧：我們注意到有關報道。\n"
    )
    items = split_items(text, "毛寧")
    assert [item.name for item in items] == ["announcement 1", "Q&A 2 (asked by 路透社記者)"]
    assert text[items[0].start :].startswith("應玻利維亞政府邀請")
    # an announcement of the spokesperson's own is an item, whatever it ends with
    own = "毛寧：應玻利維亞政府邀請，特使將出席就職儀式。全文如下：\n\n路透社記者：中方有何評論？\n\n毛寧：我們注意到了。\n"
    assert [item.name for item in split_items(own, "毛寧")][0] == "announcement 1"


def test_a_speechs_opening_saying_its_text_follows_is_an_announcement_not_a_copys_lead() -> None:
    """An independent review: "…讲话全文如下：" names no briefing, so it is the spokesperson's announcement."""
    text = (
        "国家主席习近平将于11月10日出席开幕式并发表主旨讲话，讲话全文如下：\n\n尊敬的各位来宾，女士们，先生们。\n\n"
        "路透社记者：中方有何评论？\n\n毛宁：我们注意到了。\n"
    )
    items = split_items(text, "毛宁")
    assert text[items[0].start :].startswith("国家主席习近平将于11月10日")


def test_a_french_transcripts_agency_label_with_a_lower_case_word_opens_a_question() -> None:
    """The ministry's French page of 26 January 2026 (a user's import): "Agence de presse Xinhua :" had been read as
    the spokesperson's text, so its question and answer joined AFP's."""
    text = (
        "AFP : Quel est le commentaire du ministère ?\n\nGuo Jiakun : La Chine préconise la coopération.\n\n"
        "Agence de presse Xinhua : Quelles sont les attentes de la Chine ?\n\nGuo Jiakun : Il s'agit de la première visite."
    )
    assert [(i.kind, i.asker) for i in split_items(text, "Guo Jiakun")] == [
        ("question", "AFP"),
        ("question", "Agence de presse Xinhua"),
    ]
