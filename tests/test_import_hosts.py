"""Whose briefing a text reports: hosts.yaml's names next to a briefing word, in any language it lists."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pressarchive.importer.days import BRIEFING_WORD
from pressarchive.importer.hosts import TABLE, host_named, hosts, reported_host, spokesperson_answering


@pytest.mark.parametrize(
    ("text", "host", "spokesperson"),
    [
        ("Spokesperson Guo Jiakun told a regular press briefing that", "cn-mfa", "Guo Jiakun"),
        ("中国外交部の郭嘉昆報道官は10日の記者会見で述べた。", "cn-mfa", "Guo Jiakun"),
        ("заявил представитель МИД КНР Го Цзякунь на брифинге", "cn-mfa", "Guo Jiakun"),
        ("Мария Захарова в ходе брифинга назвала", "ru-mfa", "Maria Zakharova"),
        ("Марія Захарова під час брифінгу з журналістами", "ru-mfa", "Maria Zakharova"),  # Ukrainian
        ("木原官房長官はきょう午前の会見で反論しました。", "jp-ccs", "Minoru Kihara"),
        (  # Korean: the Chief Cabinet Secretary at his press conference, though China's minister stands before him
            "왕이 중국 외교부장이 다카이치 총리를 비판한 데 대해 반박했습니다.\n"
            "기하라 미노루 관방장관은 정례 기자회견에서 중국 측 주장은 사실에 반한다고 말했습니다.",
            "jp-ccs",
            "Minoru Kihara",
        ),
        ("11月10日,外交部發言人林劍主持例行記者會。", "cn-mfa", "Lin Jian"),  # Traditional Chinese (Hong Kong)
        (
            "마오닝 중국 외교부 대변인은 정례 브리핑을 통해 밝혔습니다.",
            "cn-mfa",
            None,
        ),  # Korean: the ministry is nearer
        ("ha declarado el portavoz de Guterres, Stéphane Dujarric, durante una rueda de prensa.", "un-sg", None),
        ("об этом заявил на брифинге официальный представитель генсека Стефан Дюжаррик", "un-sg", None),
        (
            "ha dichiarato il portavoce del ministero Lin Jian in una conferenza stampa.",
            "cn-mfa",
            "Lin Jian",
        ),  # Italian
        (
            "Mao Ning, porte-parole du ministère chinois, a répondu lors d'un point presse quotidien",
            "cn-mfa",
            "Mao Ning",
        ),
        ("في 17 سبتمبر ، ترأس المتحدث باسم وزارة الخارجية لين جيان مؤتمرا صحفيا منتظمًا.", "cn-mfa", "Lin Jian"),
        ("وقالت الناطقة ماو نينغ خلال مؤتمر صحافي دوري", "cn-mfa", "Mao Ning"),  # Arabic: both spellings, any case
        ("وقالت ماو نينغ في مؤتمرها الصحفي اليومي", "cn-mfa", "Mao Ning"),  # "her press conference"
        ("گو جیاکون، سخنگوی وزارت امور خارجهی چین، در یک نشست خبری", "cn-mfa", None),  # Persian: the ministry is nearer
        ("2月5日、中国の外務省の報道官は、定例記者会見に出席しました。", "cn-mfa", None),  # Japanese: 中国の外務省
        ("Говорителят Гуо Дзякун заяви на редовната пресконференция", "cn-mfa", "Guo Jiakun"),  # Bulgarian
        ("cuplikan konferensi pers Kementrian Luar Negeri Tiongkok", "cn-mfa", None),  # Indonesian, as often spelt
    ],
)
def test_the_name_next_to_a_briefing_word_is_the_host(text, host, spokesperson):
    sighting = reported_host(text)
    assert sighting is not None and sighting.host.id == host
    if spokesperson:
        assert sighting.spokesperson == spokesperson


def test_a_name_without_a_briefing_word_reports_no_briefing():
    assert reported_host("Захарова в своем Telegram-канале прокомментировала санкции") is None
    assert reported_host("Chinese Foreign Ministry spokesperson Guo Jiakun said Beijing had taken note.") is None


def test_a_surname_counts_only_once_the_text_names_the_spokesperson_in_full():
    assert reported_host("Guo said at Wednesday's press conference.") is None
    full = "Spokesperson Guo Jiakun said the facts are clear. " + "More words. " * 20
    sighting = reported_host(full + "Guo said at Wednesday's press conference.")
    assert sighting is not None and (sighting.host.id, sighting.name) == ("cn-mfa", "Guo")


def test_two_hosts_at_the_same_distance_leave_the_host_unknown():
    assert reported_host("Kihara and Zakharova at a briefing") is not None  # Zakharova is nearer
    assert reported_host("Zakharova briefing Kihara") is None


def test_a_briefings_host_field_names_its_host():
    assert host_named("Ministry of Foreign Affairs of the People's Republic of China").id == "cn-mfa"  # type: ignore[union-attr]
    assert host_named("Chinese Foreign Ministry").id == "cn-mfa"  # type: ignore[union-attr]
    assert host_named("Foreign Ministry") is None  # which one?
    assert host_named(None) is None


def test_every_name_in_the_table_belongs_to_one_host_and_is_found_next_to_a_briefing():
    for entry in yaml.safe_load(TABLE.read_text(encoding="utf-8"))["hosts"]:
        assert entry.get("sources"), entry["id"]
        forms = [*entry.get("names", []), *(f for p in entry.get("spokespeople", []) for f in p["forms"])]
        for form in forms:
            sighting = reported_host(f"{form} at a briefing")
            assert sighting is not None and sighting.host.id == entry["id"], form
    assert len({h.id for h in hosts()}) == len(hosts())


@settings(deadline=None)
@given(st.text(max_size=300))
def test_a_text_without_a_briefing_word_reports_no_host(text):
    if not BRIEFING_WORD.search(text):
        assert reported_host(text) is None


BTA = (
    "В отговор на въпрос за плановете на Япония да разположи нападателни оръжия близо до Тайван, говорителката"
    " на китайското външно министерство Мао Нин каза днес, че тези развития са изключително опасни, и призова за"
    " повишена бдителност от страна на съседните държави и международната общност, предаде агенция Синхуа.\n\n"
    "Говорителката направи този коментар по време на редовна пресконференция, отбелязвайки, че действията на"
    " Токио умишлено ескалират регионалното напрежение."
)


def test_the_spokesperson_of_a_briefing_words_sentence_is_the_one_named_just_before():
    found = reported_host(BTA)
    assert found is not None and found.host.id == "cn-mfa" and found.spokesperson == "Mao Ning"
    english = (
        "Mao Ning said on Monday that Japan should retract the remarks, adding that the move was dangerous"
        " and that the region must stay vigilant against it in the weeks ahead of the summit.\n"
        "The spokesperson made the remarks at a regular press briefing."
    )
    assert reported_host(english).host.id == "cn-mfa"  # type: ignore[union-attr]


def test_a_spokesperson_after_two_hosts_or_after_none_is_nobodys():
    filler = (
        ", in remarks that went on for a long while about the islands, the fishing boats, the aircraft and the radar"
    )
    two = f"Mao Ning and Minoru Kihara both spoke on the dispute on Monday{filler * 2}.\nThe spokesperson said so at a press conference."
    assert reported_host(two) is None
    none = "Officials in the region said on Monday that talks would resume.\nThe spokesperson said so at a press conference."
    assert reported_host(none) is None
    far = (
        "Mao Ning said so on Monday. "
        + "Other news followed. " * 30
        + "\nThe spokesperson said so at a press conference."
    )
    assert reported_host(far) is None


@pytest.mark.parametrize(
    "text",
    [  # from a review: "the spokesperson" of a briefing word's sentence is someone else's
        "Russian Foreign Ministry spokeswoman Maria Zakharova wrote on her Telegram channel on Thursday that Moscow would"
        " respond.\nA Pentagon spokesman told a news briefing in Washington that it was not so.",
        "Chinese foreign ministry spokesperson Mao Ning wrote on X on Tuesday that it was wrong.\nState Department deputy"
        " spokesperson Tommy Pigott told a press briefing it was right.",
        "Мао Нин заявила, что это опасно.\nПредставители японского правительства на пресс-конференции ответили.",
        "Zakharova escribió en Telegram que Moscú respondería.\nEl portavoz del Gobierno alemán dijo en rueda de prensa que no.",
        "외교부 마오닝 대변인은 엑스 계정에 글을 올려 비판했다.\n한편 통일부 대변인은 21일 정례 브리핑에서 말했다.",
        "外交部发言人毛宁20日表示，日方应当反省。\n商务部新闻发言人何咏前当天在例行记者会上表示，中方将采取措施。",
        "Zakharova wrote on Telegram on Thursday that Moscow would respond.\nJapan's top government spokesman told a regular"
        " news conference it was not so.",
    ],
)
def test_a_spokesperson_qualified_as_someone_elses_is_not_the_one_named_before(text):
    filler = " Officials elsewhere gave no comment on the matter for several hours after that, as the talks went on."
    first, second = text.split("\n")
    assert reported_host(f"{first}{filler * 2}\n{second}") is None


def test_japanese_coverage_of_chinas_spokesperson_naming_japans_minister_is_chinas():
    # from a review: names of Japan's minister stand right after "記者会見で、" in Chinese and Japanese word order
    for text in (
        "中国外務省の毛寧報道官は25日の定例記者会見で、茂木外相の発言について「不正確だ」と反論した。",
        "针对日本外务大臣茂木敏充25日在记者会上的表态，外交部发言人毛宁26日在例行记者会上回应说，日方应当反省。",
    ):
        found = reported_host(text)
        assert found is not None and found.host.id == "cn-mfa"


def test_an_office_held_no_longer_is_not_the_host_speaking():
    xinhua = "中国外交部の郭嘉昆報道官は16日の記者会見で、日本の元内閣官房長官が中国台湾地区を訪問したことに関し"
    assert reported_host(xinhua).host.id == "cn-mfa"  # type: ignore[union-attr]  # not Japan's Chief Cabinet Secretary
    assert reported_host("前外交部发言人赵立坚在记者会上说。") is None
    assert reported_host("The former Chief Cabinet Secretary spoke at a press conference in Taipei.") is None
    for text in (
        "日前外交部发言人毛宁在例行记者会上表示。",
        "记者会前，外交部发言人毛宁表示。",
        "元旦の記者会見で木原官房長官は述べた。",
    ):
        assert reported_host(text) is not None, text  # "recently", "before the briefing", "New Year's Day"


def test_a_typographic_apostrophe_names_the_host_too():
    text = "At a press briefing, Geng Shuang, spokesperson for China’s Foreign Ministry, underscored Beijing’s focus."
    assert reported_host(text).host.id == "cn-mfa"  # type: ignore[union-attr]


def test_a_transcripts_answers_under_the_spokespersons_name_in_full_say_whose_they_are():
    russian = "CCTV: Какова позиция Китая?\n\nГо Цзякунь: Позиция Китая последовательна.\n"  # a case ending
    assert spokesperson_answering(russian) == (hosts()[0], "Guo Jiakun")
    assert spokesperson_answering(russian.replace("Го Цзякунь", "Го")) is None  # a surname alone
    assert spokesperson_answering(russian.replace("CCTV", "Вопрос")) is None  # no outlet asks: a story's exchange


def test_a_surname_alone_does_not_label_a_transcripts_answers():
    zakharova = "Sputnik: Что вы скажете?\n\nZakharova: Мы ответим.\n\nSputnik: А ещё?\n\nZakharova: Да.\n"
    assert spokesperson_answering(zakharova) is None  # a radio interview under her surname
    assert spokesperson_answering(zakharova.replace("Zakharova:", "Maria Zakharova:")) is not None
