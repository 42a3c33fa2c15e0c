"""Which briefing a capture reports: a match, its host's one briefing of its day, a new one, or none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pressarchive.importer.archive import Archive
from pressarchive.importer.assign import assign
from pressarchive.importer.days import briefing_days, month_day_at_briefing
from pressarchive.importer.hosts import host_named

OCT_30, OCT_31 = date(2025, 10, 30), date(2025, 10, 31)
CN_MFA = "Ministry of Foreign Affairs of the People's Republic of China"
JA = "【新華社北京10月30日】中国外交部の郭嘉昆報道官は30日の記者会見で、パラグアイ政府に求めた。"


def archive_with(tmp_path: Path, *briefings: tuple[str, date, str]) -> Archive:
    archive = Archive(tmp_path)
    for briefing_id, day, host in briefings:
        archive.add_briefing(briefing_id, day, f"Press briefing, {day}", host_named(host))
    return archive


def test_a_text_in_another_language_joins_its_hosts_one_briefing_of_the_day_it_names(tmp_path):
    archive = archive_with(tmp_path, ("b30", OCT_30, CN_MFA), ("ru30", OCT_30, "Russian Foreign Ministry"))
    done = assign(JA, OCT_31, "ja.txt", archive)
    assert done.briefing == "b30" and done.new_file is None
    assert "briefing: b30 (the one briefing of that host on 2025-10-30, the day the text names)" in done.lines


def test_two_briefings_of_the_host_that_day_make_a_new_one_not_a_guess(tmp_path):
    archive = archive_with(tmp_path, ("am", OCT_30, CN_MFA), ("pm", OCT_30, CN_MFA))
    done = assign(JA, OCT_31, "ja.txt", archive)
    assert done.briefing == "2025-10-30-cn-mfa-press-conference" and done.new_file is not None  # the host's word
    assert f"host: {CN_MFA}\n" in done.new_file.text and "spokesperson: Guo Jiakun\n" in done.new_file.text
    assert f"title: {CN_MFA} press conference, 30 October 2025\n" in done.new_file.text  # from a Japanese text


def test_the_hosts_briefing_of_another_day_is_not_joined(tmp_path):
    archive = archive_with(tmp_path, ("b29", date(2025, 10, 29), CN_MFA))
    assert assign(JA, OCT_31, "ja.txt", archive).briefing != "b29"


def test_a_text_naming_no_briefing_and_matching_none_gets_none(tmp_path):
    archive = archive_with(tmp_path, ("b30", OCT_30, CN_MFA))
    done = assign("Захарова в своем Telegram-канале прокомментировала санкции ЕС.", OCT_30, "tg.txt", archive)
    assert done.briefing is None and done.new_file is None
    assert done.to_fill == ["briefing: the text names none; pass --briefing ID if it reports one"]


def test_a_briefing_named_in_passing_with_no_host_makes_none_but_a_ministry_or_a_known_host_does(tmp_path):
    archive = archive_with(tmp_path)
    passing = "Rubio is cutting 700 positions. Lawmakers have been clamoring for a briefing by Rubio."
    done = assign(passing, OCT_30, "npr.txt", archive)
    assert done.briefing is None and done.new_file is None
    assert "names no host next to its briefing word" in done.lines[-1]
    ministry = "The Foreign Ministry of Ruritania said at a press briefing that talks would resume."
    assert assign(ministry, OCT_30, "ru.txt", archive).new_file is not None
    assert assign(JA, OCT_31, "ja.txt", archive).new_file is not None  # the table's host: 郭嘉昆報道官


def test_an_undated_text_naming_its_briefings_day_with_the_year_joins_only_that_days_briefing(tmp_path):
    archive = archive_with(tmp_path, ("dec10-2025", date(2025, 12, 10), CN_MFA))
    without_year = "外交部发言人郭嘉昆12月10日主持例行记者会，回答了记者提问。"
    done = assign(without_year, None, "zh.txt", archive)
    assert done.briefing == "dec10-2025" and "the year is not stated" in done.lines[-1]
    with_year = "外交部发言人郭嘉昆2024年12月10日主持例行记者会，回答了记者提问。"
    other_year = assign(with_year, None, "zh.txt", archive)
    assert other_year.briefing is None and "names 10 December 2024, a day the archive holds none" in other_year.lines[0]


def test_a_waiting_articles_kept_captions_are_read_whatever_a_hand_made_of_its_front_matter(tmp_path):
    from pressarchive.importer.archive import _text

    article = tmp_path / "a.md"
    head = "---\ntitle: T\ndate: {date}\nextra:\n  photo_captions: {captions}\n---\nBody text.\n"
    article.write_text(head.format(date="2025-12-10", captions="[Guo Jiakun at the press conference]"))
    assert _text(article) == "T\nBody text.\n\nGuo Jiakun at the press conference"
    article.write_text(head.format(date="2025-12-10", captions="Guo Jiakun at the press conference"))
    assert _text(article).endswith("\nGuo Jiakun at the press conference")  # a string, not its characters
    article.write_text(head.format(date="2025-13-45", captions="[x]"))  # no such day: YAML cannot read it
    assert _text(article) == "T\nBody text.\n"


def test_a_text_naming_its_host_never_joins_another_hosts_briefing_however_alike(tmp_path):
    """Jiji on Kihara's news conference shares its names with China's briefing of the same day."""
    said = "Prime Minister Sanae Takaichi said a Taiwan contingency could threaten Japan; Consul-General Xue Jian in Osaka posted on X."
    nov_10 = date(2025, 11, 10)
    archive = archive_with(tmp_path)
    archive.add_briefing(
        "cn10", nov_10, f"Lin Jian, Chinese Foreign Ministry, press conference. {said}", host_named(CN_MFA)
    )
    kihara = f'"The posts were extremely inappropriate," Chief Cabinet Secretary Minoru Kihara told a news conference. {said}'
    done = assign(kihara, nov_10, "jiji.txt", archive)
    assert done.briefing != "cn10"
    assert "candidate cn10: left out: another host's briefing" in done.lines
    # (the report does not then say there was no candidate: a user read "score 0.8" then "none" as a contradiction)
    assert any(line.startswith("briefing candidates: none left (each one scored is left out") for line in done.lines)
    unnamed = f'"The posts were extremely inappropriate," an official said at a news conference. {said}'
    assert assign(unnamed, nov_10, "other.txt", archive, create=False).briefing == "cn10"  # the test's texts do match


def test_an_undated_text_whose_first_briefing_word_is_a_caption_takes_the_day_named_with_its_host(tmp_path):
    text = (
        "記者会見に臨む中国外交部の林剣報道官。（北京＝新華社配信）【新華社北京11月14日】"
        "中国外交部の林剣報道官は14日の記者会見で、日本側に申し入れを行ったと述べた。"
    )
    archive = archive_with(tmp_path, ("b13", date(2025, 11, 13), CN_MFA), ("b14", date(2025, 11, 14), CN_MFA))
    assert assign(text, None, "xinhua.txt", archive).briefing == "b14"
    elsewhere = "記者会見に臨む林剣報道官。別の話題。木原官房長官は14日の記者会見で述べた。"
    assert month_day_at_briefing(elsewhere, host_named(CN_MFA).names) is None  # another host's briefing


def test_a_ministry_named_far_from_the_briefing_word_makes_no_briefing(tmp_path):
    """Yomiuri: a photo caption of another press conference, and the ministry's statement paragraphs later."""
    caption = "Lin Hsin-i speaks during a press conference at the end of the APEC summit in Gyeongju, on Saturday."
    text = f"{caption}\n{'Takaichi held talks with Lin. ' * 8}\nChina's Foreign Affairs Ministry said on Sunday that the posts were wrong."
    done = assign(text, date(2025, 11, 2), "yomiuri.txt", archive_with(tmp_path))
    assert done.briefing is None and done.new_file is None
    near = "The Foreign Affairs Ministry of Ruritania said at a press conference on Sunday that talks would resume."
    assert assign(near, date(2025, 11, 2), "r.txt", archive_with(tmp_path)).new_file is not None


def test_a_weekday_the_text_names_that_is_neither_its_day_nor_the_day_before_makes_no_briefing(tmp_path):
    """Published on a Friday, a lead of Tuesday that is not the host's news: which day's briefing is not clear."""
    text = (
        "Os palestinianos celebraram terça-feira o plano de paz. "
        "Em conferência de imprensa, o porta-voz Guo Jiakun apelou a um cessar-fogo."
    )
    done = assign(text, date(2025, 10, 3), "lusa.txt", archive_with(tmp_path))
    assert done.briefing is None and done.new_file is None
    assert "the text names Tuesday, neither its publication day nor the day before" in done.lines[-1]
    # Hoje Macau: "A China manifestou terça-feira apoio ...": the state the host speaks for, so that Tuesday.
    china = text.replace("Os palestinianos celebraram", "A China manifestou")
    made = assign(china, date(2025, 10, 3), "hojemacau.txt", archive_with(tmp_path))
    assert made.new_file is not None and made.briefing is not None and made.briefing.startswith("2025-09-30-")


def test_a_chinese_wires_dateline_of_another_day_than_the_pages_makes_no_briefing(tmp_path):
    """A repost dated 19 November 2024 of Xinhua's dispatch of 8 March (eval/import-heldout20's 2020): a reader's
    review found a briefing made on 19 November 2024; the dispatch of the next day still makes one."""
    text = (
        "新华社北京3月8日电 外交部发言人毛宁8日表示，中方对此强烈不满。\n"
        "当日例行记者会上，有记者问：中方对此有何评论？毛宁表示，中方坚决反对。"
    )
    done = assign(text, date(2024, 11, 19), "hanzigong.txt", archive_with(tmp_path))
    assert done.briefing is None and done.new_file is None
    assert '"新华社北京3月8日电" (its wire\'s dateline), neither its publication day' in done.lines[-1]
    next_day = "新华社北京11月19日电 外交部发言人毛宁19日在例行记者会上表示，中方坚决反对。"  # in a paper of the 20th
    made = assign(next_day, date(2024, 11, 20), "xinhua.txt", archive_with(tmp_path))
    assert made.new_file is not None and made.briefing is not None and made.briefing.startswith("2024-11-19-")
    # a follow-up filed two days after the briefing it names (an independent review)
    later = "新华社北京11月19日电 外交部发言人毛宁17日在例行记者会上表示，中方坚决反对。"
    made = assign(later, date(2024, 11, 19), "follow-up.txt", archive_with(tmp_path))
    assert made.new_file is not None and made.briefing is not None and made.briefing.startswith("2024-11-17-")


def test_another_ministrys_statement_naming_no_briefing_does_not_join_on_the_running_storys_names(tmp_path):
    """Jiji on 6 January 2026: the commerce ministry's export ban, which shares with the foreign ministry's
    briefing of the day only the names of the running story (Takaichi, Taiwan, Japan)."""
    held = Path(__file__).parent.parent / "eval" / "import-heldout3" / "captures"
    jan_6 = date(2026, 1, 6)
    archive = archive_with(tmp_path, ("b06", jan_6, CN_MFA))
    for name in ("305_mfa-en-transcript-2026-01-06.txt", "307_globaltimes-mao-2026-01-06.txt"):
        archive.add_article(f"article {name}", "b06", (held / name).read_text(encoding="utf-8"))
    commerce = (held / "332_nippon-jiji-mofcom-statement-2026-01-06.txt").read_text(encoding="utf-8")
    done = assign(commerce, jan_6, "jiji.txt", archive)
    assert done.briefing is None
    assert any("never names its host" in line for line in done.lines)
    spoken = commerce.replace(
        "The Chinese Commerce Ministry on Tuesday", "Foreign Ministry spokesperson Mao Ning on Tuesday"
    )
    assert assign(spoken, jan_6, "jiji.txt", archive).briefing == "b06"  # its host named: the names count


def test_a_text_that_never_names_the_briefings_host_joins_it_only_on_shared_wording(tmp_path):
    """Jiji on 7 January 2026: Tokyo's answer to the export ban, read as if its spokesman were not in
    hosts.yaml; it shares the names of the running story and Jiji's dateline with China's briefing."""
    held = Path(__file__).parent.parent / "eval" / "import-heldout3" / "captures"
    jan_7 = date(2026, 1, 7)
    archive = archive_with(tmp_path, ("b07", jan_7, CN_MFA))
    archive.add_article(
        "article jiji", "b07", (held / "319_nippon-jiji-mao-2026-01-07.txt").read_text(encoding="utf-8")
    )
    tokyo = (held / "329_nippon-jiji-kihara-2026-01-07.txt").read_text(encoding="utf-8")
    unknown = tokyo.replace("Japan's Chief Cabinet Secretary Minoru Kihara", "Ruritania's spokesman Jan Novak")
    done = assign(unknown, jan_7, "jiji.txt", archive)
    assert done.briefing != "b07"
    assert any("never names its host" in line for line in done.lines)


def test_a_story_of_the_running_news_sharing_a_stock_photos_caption_with_the_coverage_is_not_assigned(tmp_path):
    """Global Times on 26 January 2026: Bessent's tariff threat, under the photo caption its report of
    the ministry's briefing that day carries too; it never names the ministry or its spokesperson."""
    held = Path(__file__).parent.parent / "eval" / "import-heldout7" / "captures"
    jan_26 = date(2026, 1, 26)
    archive = archive_with(tmp_path, ("b26", jan_26, CN_MFA))
    archive.add_article("article gt", "b26", (held / "702_globaltimes-guo-2026-01-26.txt").read_text(encoding="utf-8"))
    story = (held / "729_dzwww-globaltimes-bessent-2026-01-26.txt").read_text(encoding="utf-8")
    done = assign(story, jan_26, "dzwww.txt", archive)
    assert done.briefing != "b26"
    assert any("never names its host" in line for line in done.lines)


def test_a_briefing_day_after_the_pages_date_joins_that_day_and_asks_to_check_the_date(tmp_path):
    archive = archive_with(tmp_path, ("b25", date(2025, 9, 25), CN_MFA), ("b18", date(2025, 9, 18), CN_MFA))
    text = (
        "Guo Jiakun mengatakan kepada wartawan dalam konferensi pers pada Kamis (25/09) bahwa Choe Son-hui akan datang."
    )
    done = assign(text, date(2025, 9, 18), "kbs.txt", archive)
    assert done.briefing == "b25"
    assert any("before the day its text gives its briefing (Thursday 2025-09-25)" in line for line in done.to_fill)


def test_a_text_quoting_the_hosts_spokesperson_on_the_day_it_gives_joins_that_days_one_briefing(tmp_path):
    """Europa Press on 10 February 2026: Lin Jian quoted "este martes", no briefing named."""
    held = Path(__file__).parent.parent / "eval" / "import-heldout9" / "captures"
    feb_10 = date(2026, 2, 10)
    text = (held / "915_europapress-lin-2026-02-10-es.txt").read_text(encoding="utf-8")
    archive = archive_with(tmp_path, ("b10", feb_10, CN_MFA), ("b09", date(2026, 2, 9), CN_MFA))
    done = assign(text, feb_10, "ep.txt", archive)
    assert done.briefing == "b10" and done.new_file is None
    assert any("quotes" in line and "spokesperson Lin Jian on 2026-02-10" in line for line in done.lines)
    # never a new briefing, nor a guess between two, nor a day the text does not pin down
    assert assign(text, feb_10, "ep.txt", archive_with(tmp_path / "none")).briefing is None
    two = archive_with(tmp_path / "two", ("am", feb_10, CN_MFA), ("pm", feb_10, CN_MFA))
    assert assign(text, feb_10, "ep.txt", two).briefing is None
    unpinned = text.replace("este martes", "")
    assert assign(unpinned, feb_10, "ep.txt", archive).briefing is None
    # two hosts' spokespeople speak for no one briefing
    both = text + "\nMaria Zakharova, la portavoz rusa, también habló."
    assert assign(both, feb_10, "ep.txt", archive).briefing is None


def _passing(tmp_path: Path) -> tuple[Archive, date, str]:
    """finnewsnetwork on 4 February 2026: the Hong Kong and Macao Affairs Office's rebuke of Panama, which
    adds that "China's Foreign Ministry ... have also criticised the ruling"; its names and numbers are
    those of the ministry's briefing that day (Panama, CK Hutchison, Rubio), its wording is not."""
    held = Path(__file__).parent.parent / "eval" / "import-heldout15" / "captures"
    feb_4 = date(2026, 2, 4)
    archive = archive_with(tmp_path, ("b04", feb_4, CN_MFA))
    archive.add_article(
        "article gt", "b04", (held / "1513_mfa-en-transcript-lin-2026-02-04.txt").read_text(encoding="utf-8")
    )
    return archive, feb_4, (held / "1518_finnewsnetwork-hkmao-panama-2026-02-04.txt").read_text(encoding="utf-8")


def test_a_story_naming_the_host_in_passing_is_left_out_and_one_quoting_its_spokesperson_joins(tmp_path):
    archive, feb_4, story = _passing(tmp_path)
    done = assign(story, feb_4, "finnews.txt", archive)
    assert done.briefing != "b04"
    assert any("names the host but not at a briefing (nor by its spokesperson)" in line for line in done.lines)
    quoted = story.replace("China’s Foreign Ministry and", "Foreign Ministry spokesperson Lin Jian and")
    assert assign(quoted, feb_4, "finnews.txt", archive).briefing == "b04"


def test_a_spokesperson_quoted_without_a_day_joins_the_one_briefing_of_the_publication_day_and_the_day_before(
    tmp_path,
):
    """TASS on Monday 15 September 2025: "Lin Jian stated", then "he emphasized at a briefing", too far from
    the name to say whose: its day and the day before hold one briefing of the ministry, that one."""
    held = Path(__file__).parent.parent / "eval" / "import-heldout14" / "captures"
    sep_15, sep_12 = date(2025, 9, 15), date(2025, 9, 12)
    text = (held / "1411_tass-en-lin-2025-09-15.txt").read_text(encoding="utf-8")
    archive = archive_with(tmp_path, ("b15", sep_15, CN_MFA), ("b12", sep_12, CN_MFA))
    done = assign(text, sep_15, "tass.txt", archive)
    assert done.briefing == "b15", done.lines
    assert "and none on 2025-09-14" in done.lines[-1]
    both = archive_with(tmp_path / "both", ("b15", sep_15, CN_MFA), ("b14", date(2025, 9, 14), CN_MFA))
    assert assign(text, sep_15, "tass.txt", both).briefing is None  # which of two: not told


def test_a_spokesperson_said_to_speak_elsewhere_joins_no_briefing_of_the_day(tmp_path):
    oct_23 = date(2025, 10, 23)
    archive = archive_with(tmp_path, ("b23", oct_23, "Russian Foreign Ministry"))
    post = "Официальный представитель МИД Мария Захарова в своем Telegram-канале прокомментировала санкции ЕС."
    assert assign(post, oct_23, "prime.txt", archive).briefing is None
    assert assign(post.replace("в своем Telegram-канале ", ""), oct_23, "prime.txt", archive).briefing == "b23"


def test_a_name_is_a_quoted_spokesperson_only_in_full_beside_the_office_and_not_speaking_elsewhere(tmp_path):
    oct_14 = date(2025, 10, 14)
    archive = archive_with(tmp_path, ("b14", oct_14, CN_MFA))
    quoted = "Chinese Foreign Ministry spokesperson Lin Jian said on Tuesday that China opposes the move."
    assert assign(quoted, oct_14, "x.txt", archive).briefing == "b14"
    singer = "歌手毛宁14日晚在杭州举办个人演唱会，现场座无虚席。"  # a namesake: no office, no ministry beside the name
    assert assign(singer, oct_14, "x.txt", archive).briefing is None
    x_post = "In a post on X, Chinese Foreign Ministry spokesperson Lin Jian said on Tuesday that China opposes it."
    assert assign(x_post, oct_14, "x.txt", archive).briefing is None
    footer = quoted + " " + "Read more. " * 30 + "Follow us on Telegram."  # far from the name: no matter
    assert assign(footer, oct_14, "x.txt", archive).briefing == "b14"
    friday = quoted.replace("on Tuesday", "on Friday")  # a Tuesday paper's story of Friday's briefing
    assert assign(friday, oct_14, "x.txt", archive).briefing is None
    ru = archive_with(tmp_path / "ru", ("ru14", oct_14, "Russian Foreign Ministry"))
    hockey = "Победную шайбу забросил нападающий Илья Захаров, сообщил официальный представитель клуба."
    assert assign(hockey, oct_14, "x.txt", ru).briefing is None  # a surname alone is nobody's name in full


def test_a_spokespersons_post_elsewhere_joins_the_briefing_only_on_as_much_wording_as_a_match_needs(tmp_path):
    """ANI on 14 June 2025: Lin Jian's post on X, the words of his answer at the briefing of the 13th;
    against Xinhua's report of that briefing it shares some wording, not a match's worth."""
    held = Path(__file__).parent.parent / "eval" / "import-heldout16" / "captures"
    jun_13 = date(2025, 6, 13)
    archive = archive_with(tmp_path, ("b13", jun_13, CN_MFA))
    xinhua = (held / "1603_shine-xinhua-lin-2025-06-13.txt").read_text(encoding="utf-8")
    archive.add_article("article xinhua", "b13", xinhua)
    post = (held / "1620_mexicocitysun-ani-lin-x-post-2025-06-14.txt").read_text(encoding="utf-8")
    done = assign(post, date(2025, 6, 14), "ani.txt", archive)
    assert done.briefing is None, done.lines
    assert any("(its spokesperson speaks elsewhere)" in line and "< 0.35" in line for line in done.lines)


def test_a_ministry_named_at_a_briefing_without_its_country_is_the_quoted_spokespersons_hosts(tmp_path):
    """AiCoin, 24 April 2025: "the Ministry of Foreign Affairs held a regular press conference ... Foreign
    Ministry spokesperson Guo Jiakun: These are all fake news": China's ministry's briefing, not a "ministry"."""
    text = (
        "On the afternoon of April 24th, the Ministry of Foreign Affairs held a regular press conference. Reporter: "
        "Recently, there have been continuous reports from the US that negotiations are underway and even an "
        "agreement may be reached. May I ask if you can confirm? Foreign Ministry spokesperson Guo Jiakun: These are "
        "all fake news."
    )
    done = assign(text, date(2025, 4, 24), "aicoin.txt", archive_with(tmp_path))
    assert done.briefing == "2025-04-24-cn-mfa-press-conference", done.lines
    assert done.new_file is not None and f"host: {CN_MFA}\n" in done.new_file.text


def test_the_day_written_beside_a_quoted_spokesperson_is_the_day_spoken(tmp_path):
    """People's Daily Japanese, 7 November 2025: "外交部（外務省）の毛寧報道官は7日、「...」" names no briefing;
    the 7th is the day Mao Ning spoke, so the briefing of the 6th does not leave it in doubt."""
    nov_7, nov_6 = date(2025, 11, 7), date(2025, 11, 6)
    archive = archive_with(tmp_path, ("b07", nov_7, CN_MFA), ("b06", nov_6, CN_MFA))
    text = "日本産ホタテについて、外交部（外務省）の毛寧報道官は7日、「中国側はすでに公告を発表した」と述べた。"
    assert assign(text, nov_7, "people.txt", archive).briefing == "b07"
    assert assign(text.replace("7日、", ""), nov_7, "people.txt", archive).briefing is None  # which of two days


def test_review_a_commerce_ministry_briefing_quoting_the_foreign_ministry_in_passing_keeps_its_host(tmp_path):
    text = (
        "China's Ministry of Commerce held a press conference on Thursday on the new export controls. Commerce "
        "ministry spokesperson He Yadong told reporters that the measures were lawful and would be applied fairly "
        "to all countries concerned, and that companies could apply for licences.\n\nIn Beijing, the tariff dispute "
        "also drew comment from diplomats. Chinese Foreign Ministry spokesperson Lin Jian said that China would "
        "resolutely safeguard its rights."
    )
    done = assign(text, date(2025, 4, 10), "mofcom.txt", archive_with(tmp_path))
    assert done.new_file is not None and CN_MFA not in done.new_file.text, done.lines


def test_review_everyday_briefing_words_are_not_speaking_elsewhere_and_the_day_is_read_in_persian(tmp_path):
    oct_14 = date(2025, 10, 14)
    archive = archive_with(tmp_path, ("b14", oct_14, CN_MFA))
    for said in (
        "Chinese Foreign Ministry spokesperson Lin Jian made the remarks on Tuesday, citing the joint communiqués.",
        "中国外交部发言人林剑14日表示，日方应当恪守村山谈话精神。",
        "Chinese Foreign Ministry spokesperson Lin Jian said on Tuesday that Trump's claims were false. Trump had "
        "made them in an interview with Fox News.",  # another's interview, in another sentence
    ):
        assert assign(said, oct_14, "x.txt", archive).briefing == "b14", said
    thursday = archive_with(tmp_path / "fa", ("b10", date(2025, 4, 10), CN_MFA))
    persian = "گو جیاکون، سخنگوی وزارت امور خارجه چین، روز پنجشنبه در نشست خبری گفت که پکن مبارزه خواهد کرد."
    done = assign(persian, date(2025, 4, 12), "irna.txt", thursday)
    assert done.briefing == "b10" and done.new_file is None, done.lines


def test_review_a_russian_spokesperson_quoted_in_an_oblique_case_or_as_press_secretary(tmp_path):
    jan_22 = date(2026, 1, 22)
    ru = archive_with(tmp_path, ("ru22", jan_22, "Russian Foreign Ministry"))
    zakharova = "По словам официального представителя МИД России Марии Захаровой, Москва ответит на санкции."
    assert assign(zakharova, jan_22, "x.txt", ru).briefing == "ru22"
    kremlin = archive_with(tmp_path / "k", ("kr22", jan_22, "Kremlin (Press Secretary of the President of Russia)"))
    peskov = "Как заявил пресс-секретарь президента Дмитрий Песков, Кремль внимательно следит за ситуацией."
    assert assign(peskov, jan_22, "x.txt", kremlin).briefing == "kr22"


def test_review_a_story_naming_the_host_in_passing_needs_more_than_a_seven_word_passage(tmp_path):
    archive, feb_4, story = _passing(tmp_path)
    background = (
        " Washington's words and moves, critics said, show a Cold-War mentality and ideological bias. Beijing has"
        " said it will firmly defend the legitimate and lawful rights and interests of Chinese companies."
    )
    assert assign(story + background, feb_4, "finnews.txt", archive).briefing != "b04"


STORY = (
    "外交部发言人毛宁{day}日在例行记者会上表示，中方坚决反对有关国家在南海举行联合军事演习，"
    "敦促有关国家停止挑衅行为，切实尊重地区国家维护和平稳定的努力。"
)


def test_an_undated_text_naming_only_the_day_of_the_month_at_its_briefing_competes_only_on_that_day(tmp_path):
    # two days' coverage of a running story, worded alike: without the day there is no clear winner
    archive = archive_with(tmp_path, ("nov12", date(2025, 11, 12), CN_MFA), ("nov13", date(2025, 11, 13), CN_MFA))
    archive.add_article("article a12", "nov12", STORY.format(day=12))
    archive.add_article("article a13", "nov13", STORY.format(day=13))
    done = assign(STORY.format(day=12), None, "zh.txt", archive)
    assert done.briefing == "nov12"
    assert "compared with its 1 briefing day on day 12 of a month" in "\n".join(done.lines)
    unnamed = STORY.format(day="").replace("毛宁日", "毛宁")
    assert assign(unnamed, None, "zh.txt", archive).briefing is None  # no day: a tie, so no choice


def test_an_undated_text_naming_a_day_of_the_month_the_host_held_no_briefing_on_joins_none(tmp_path):
    archive = archive_with(tmp_path, ("nov13", date(2025, 11, 13), CN_MFA))
    archive.add_article("article a13", "nov13", STORY.format(day=13))
    done = assign(STORY.format(day=12), None, "zh.txt", archive)
    assert done.briefing is None  # (the 13th's coverage, alike as it is, is another day's briefing)
    assert "names day 12 of a month, a day the archive holds none of its briefings on" in "\n".join(done.lines)


SPANISH = (
    "Las autoridades de China han expresado este {day} su apoyo a todos los esfuerzos para lograr la paz. "
    "La portavoz del Ministerio de Exteriores chino, Mao Ning, ha dicho en rueda de prensa que las reuniones "
    "programadas entre los presidentes de Estados Unidos y Ucrania y los líderes europeos deben avanzar hacia "
    "un acuerdo justo, duradero y vinculante, aceptable para todas las partes implicadas en el conflicto."
)


def test_an_undated_text_whose_lead_names_a_weekday_competes_only_with_briefings_held_that_weekday(tmp_path):
    # 18 August 2025 was a Monday, the 19th a Tuesday: the archive holds only the Tuesday's, its coverage alike
    archive = archive_with(tmp_path, ("aug19", date(2025, 8, 19), CN_MFA))
    archive.add_article("article a19", "aug19", SPANISH.format(day="martes"))
    assert assign(SPANISH.format(day="martes"), None, "es.txt", archive).briefing == "aug19"
    done = assign(SPANISH.format(day="lunes"), None, "es.txt", archive)
    assert done.briefing is None
    assert "names a Monday, a day the archive holds none of its briefings on" in "\n".join(done.lines)


def test_an_italian_wires_dateline_with_its_month_abridged_names_the_briefings_day():
    text = "Pechino, 17 giu. (askanews) - ha affermato il portavoce Guo Jiakun durante la consueta conferenza stampa."
    assert briefing_days(text, date(2025, 6, 18)) == [date(2025, 6, 17)]


def test_a_spanish_wires_dateline_with_its_month_abridged_names_the_briefings_day():
    """Europa Press datelines its copy "PEKIN, 18 Ago. (EUROPA PRESS) –": the briefing's day, not the page's."""
    text = "PEKIN, 18 Ago. (EUROPA PRESS) – La portavoz del Ministerio de Exteriores, Mao Ning, ha dicho en rueda de prensa."
    assert briefing_days(text, date(2025, 8, 19)) == [date(2025, 8, 18)]


def test_an_undated_text_takes_the_weekday_named_at_its_briefing_not_the_first_in_its_lead(tmp_path):
    """Found by an independent review: "the phone call on Monday" had barred the Tuesday's briefing."""
    story = (
        "The phone call between the two presidents on Monday was positive and constructive, foreign ministry "
        "spokesperson Mao Ning told a regular press conference on Tuesday, adding that both sides should "
        "implement the consensus reached and keep working on trade, fentanyl and students' visas this month."
    )
    archive = archive_with(tmp_path, ("tue", date(2025, 6, 10), CN_MFA), ("wed", date(2025, 6, 11), CN_MFA))
    archive.add_article("article t", "tue", story)
    done = assign(story, None, "en.txt", archive)
    assert done.briefing == "tue"
    assert "on a Tuesday" in "\n".join(done.lines)


def test_a_korean_lead_dated_by_its_day_names_the_day_before_as_its_briefings():
    """The GM News on 8 July 2025 (eval/import-heldout27's 2707): "8일 ... 마오닝 대변인은 전날 정례 브리핑에서"
    reports the briefing of the 7th; YTN's "정례 기자회견에서 ... 어제 외교 경로를 통해 ... 전했다고" (heldout23's
    2319) says what was done yesterday at today's, so its "어제" names no day of the briefing."""
    jul_8 = date(2025, 7, 8)
    lead = "8일 중국 외교부에 따르면 마오닝 대변인은 전날 정례 브리핑에서 “기후변화는 인류 공동의 과제”라고 밝혔다."
    assert briefing_days(lead, jul_8) == [date(2025, 7, 7)]
    assert briefing_days(lead.replace("전날", "어제"), jul_8) == [date(2025, 7, 7)]
    said = (
        "기하라 관방장관은 정례 기자회견에서 중국 측 주장은 사실에 반한다며 어제 외교 경로를 통해 전했다고 말했습니다."
    )
    assert briefing_days(said, jul_8) == [jul_8, date(2025, 7, 7)]  # the day the page gives, or the day before
    assert briefing_days("오늘날 세계는 변했다. 대변인은 정례 브리핑에서 말했다.", jul_8) == [jul_8, date(2025, 7, 7)]


def test_a_chinese_day_written_with_hao_is_a_day_but_a_metro_line_is_not(tmp_path):
    """jmsxh.com's machine-made Xinhua copy of 12 July 2025 (heldout27's 2719): "外交部发言人毛宁在11号的常规会议上":
    the 11th is the day spoken, so the briefing of the 11th is its own though the 12th's page could report either."""
    jul_11, jul_12 = date(2025, 7, 11), date(2025, 7, 12)
    archive = archive_with(tmp_path, ("b11", jul_11, CN_MFA))
    text = "新华社,北京,7月11日 外交部发言人毛宁在11号的常规会议上回答了记者的问题。毛宁说,关税不应成为胁迫的工具。"
    assert assign(text, jul_12, "jmsxh.txt", archive).briefing == "b11"
    assert briefing_days("外交部发言人毛宁7月11号在例行记者会上表示。", jul_12) == [jul_11]
    assert briefing_days("乘坐3号线的外交部发言人在例行记者会上表示。", jul_12) == [jul_12, jul_11]


def test_a_weekday_of_another_event_does_not_stop_a_briefing_whose_day_the_text_names_beside_it(tmp_path):
    """weidunews.com's page of 9 July 2025 (heldout27's 2715): "德国国防部周二(7月8日)称" opens it, "周三,中国外交部
    发言人毛宁在例行记者会上表示" is its briefing; Tuesday is the German ministry's day, not a doubt on the briefing's."""
    text = (
        "德国国防部周二(7月8日)称,中国军舰在红海用激光照射一架德国侦察机。\n\n"
        "周三,中国外交部发言人毛宁在例行记者会上表示,德方所称的信息与中方了解的事实完全不符。"
    )
    done = assign(text, date(2025, 7, 9), "weidu.txt", archive_with(tmp_path))
    assert done.new_file is not None and done.briefing == "2025-07-09-cn-mfa-press-conference"
    # in Friday's paper too; but without the day beside the briefing word, Tuesday leaves its day unclear
    friday = assign(text, date(2025, 7, 11), "weidu.txt", archive_with(tmp_path / "fri"))
    assert friday.briefing == "2025-07-09-cn-mfa-press-conference"
    german = text.replace("中国军舰在红海用激光照射一架德国侦察机", "一架德国侦察机在红海遭激光照射").replace(
        "周三,", ""
    )
    unnamed = assign(german, date(2025, 7, 11), "weidu.txt", archive_with(tmp_path / "b"))
    assert unnamed.new_file is None and "the text names Tuesday" in unnamed.lines[-1]


def test_a_weekday_the_day_after_the_pages_is_not_the_one_six_days_before(tmp_path):
    """European Sun Times, dated Thursday 19 March 2026 (heldout29's 2916): "Kihara told a press briefing on
    Friday", written where it was Friday already (Fiji), or a slip: not the Friday of the week before."""
    mar_19 = date(2026, 3, 19)
    text = "Tokyo [Japan], March 19: Japan's top government spokesperson Minoru Kihara told a press briefing on Friday."
    assert briefing_days(text, mar_19) == [mar_19]  # (its dateline's day, in the briefing word's sentence)
    undated_line = text.replace("Tokyo [Japan], March 19: ", "")
    assert briefing_days(undated_line, mar_19) == [mar_19, date(2026, 3, 18)]
    archive = archive_with(tmp_path, ("b19", mar_19, "Chief Cabinet Secretary of Japan"))
    assert assign(text, mar_19, "est.txt", archive).briefing == "b19"
    # two days on, "on Friday" is still the Friday before
    assert briefing_days(undated_line, date(2026, 3, 21)) == [date(2026, 3, 20)]


def test_a_weekday_in_brackets_after_its_date_is_that_dates_and_leaves_the_spokespersons_day_clear(tmp_path):
    """HK01 (heldout28's 2802): "石破茂9月23日（周二）赴紐約" is Ishiba's day; "外交部發言人郭嘉昆24日（周三）表示"
    quotes the spokesperson on the 24th, whose one briefing is its own."""
    sep_24, sep_25 = date(2025, 9, 24), date(2025, 9, 25)
    text = (
        "日本首相石破茂9月23日（周二）赴紐約出席聯合國大會。\n\n"
        "外交部發言人郭嘉昆24日（周三）表示，中方始終認為，以正確態度認識和對待歷史是重要前提。"
    )
    archive = archive_with(tmp_path, ("b24", sep_24, CN_MFA))
    assert assign(text, sep_25, "hk01.txt", archive).briefing == "b24"
    # a weekday alone is a claim of the news's day: without the spokesperson's own day, which is not clear
    bare = text.replace("9月23日（周二）", "周二").replace("24日（周三）", "")
    assert assign(bare, sep_25, "hk01.txt", archive).briefing is None


def test_the_day_beside_a_quoted_spokesperson_outweighs_the_leads_weekday_of_another_speaker(tmp_path):
    """Global Times of Tuesday 9 September 2025 (heldout31's 3103): the embassy's spokesperson "said on Tuesday",
    then "Chinese Foreign Ministry spokesperson Lin Jian said on Monday": Monday's briefing is the one it quotes."""
    sep_8, sep_9 = date(2025, 9, 8), date(2025, 9, 9)
    text = (
        "A spokesperson from the Chinese Embassy in Japan said on Tuesday that Seki used to be a Chinese national. "
        "There are consequences for such dishonorable deeds, Chinese Foreign Ministry spokesperson Lin Jian said on "
        "Monday."
    )
    archive = archive_with(tmp_path, ("b08", sep_8, CN_MFA))
    assert assign(text, sep_9, "gt.txt", archive).briefing == "b08"


def test_the_russian_spokespeople_named_in_arabic_and_german_join_their_briefing_of_the_day(tmp_path):
    """Babnet and Sputnik Arabic, Gamereactor (heldout31's 3111, 3112, 3116): "ماريا زاخاروفا ... في إحاطة اليوم
    الأربعاء", "Sprecher Dmitri Peskov sagte"."""
    mar_2, mar_4 = date(2026, 3, 2), date(2026, 3, 4)
    archive = archive_with(
        tmp_path,
        ("zakharova", mar_4, "Ministry of Foreign Affairs of the Russian Federation"),
        ("peskov", mar_2, "Kremlin (Press Secretary of the President of Russia)"),
    )
    arabic = "أكدت المتحدثة باسم وزارة الخارجية الروسية، ماريا زاخاروفا، أن الدعوات سخيفة.\nوقال زاخاروفا في إحاطة اليوم الأربعاء: إن ذلك غير مقبول."
    assert assign(arabic, mar_4, "babnet.txt", archive).briefing == "zakharova"
    german = "Der Kreml gab am Montag bekannt, dass Russland Kontakt hält. Sprecher Dmitri Peskov sagte, Russland sei enttäuscht."
    assert assign(german, mar_2, "gamereactor.txt", archive).briefing == "peskov"


@pytest.mark.parametrize(
    "text",
    [  # an independent review's probes: numbers and relative words that are not the briefing's day
        "中国外交部发言人毛宁在例行记者会上就嫦娥6号返回地球表示祝贺。",
        "外交部发言人在首都机场3号航站楼的例行记者会上表示。",
        "联合国1号决议，外交部发言人在例行记者会上表示。",
        "중국 외교부는 미국이 전날 발표한 관세 조치에 대해 정례 브리핑에서 강력히 반발했다.",
        "미국이 어제 발표한 관세 조치에 대해 마오닝 대변인은 정례 브리핑에서 말했다.",
    ],
)
def test_review_a_number_or_another_events_day_is_not_the_briefings(text: str):
    mar_7 = date(2025, 3, 7)
    assert briefing_days(text, mar_7) == [mar_7, date(2025, 3, 6)]


def test_review_a_possessive_weekday_beside_the_spokesperson_is_another_things_day(tmp_path):
    mar_7 = date(2025, 3, 7)
    archive = archive_with(tmp_path, ("b03", date(2025, 3, 3), CN_MFA), ("b07", mar_7, CN_MFA))
    text = (
        "China on Friday urged restraint. Foreign Ministry spokesperson Lin Jian said Monday's talks in Riyadh "
        "were a positive step for peace."
    )
    assert assign(text, mar_7, "x.txt", archive).briefing == "b07"


def test_a_weekday_printed_with_its_date_and_year_is_that_dates_not_the_news_day():
    """WhistleBuzz of Thursday 19 March 2026 (heldout29's 2915, imported before any other capture of its
    briefing): a file photo's caption "… on Wednesday, November 26, 2025 in Tokyo." had made Wednesday the
    day of Kihara's press conference, and a briefing was made on the 18th."""
    mar_19 = date(2026, 3, 19)
    text = (
        "Japanese Prime Minister Sanae Takaichi during a party leader debate on Wednesday, November 26, 2025 in "
        "Tokyo.\n\nJapan rejected a U.S. assessment, Chief Cabinet Secretary Minoru Kihara said at a press "
        "conference."
    )
    assert briefing_days(text, mar_19) == [mar_19, date(2026, 3, 18)]
    lead = (
        "China on Tuesday, March 17, urged restraint, foreign ministry spokesperson Lin Jian told a press conference."
    )
    assert briefing_days(lead, mar_19) == [date(2026, 3, 17)]  # (its date beside, without the year: the lead's day)


def test_the_day_a_chinese_lead_writes_before_the_spokespersons_office_is_the_day_spoken(tmp_path):
    """dcwnkz.com's post of 23 September 2025 (heldout33's 3303): "9月18日,外交部发言人林剑回应", five days
    before the page's date, names no briefing: the day before the office is the day the spokesperson spoke."""
    sep_18, sep_23 = date(2025, 9, 18), date(2025, 9, 23)
    text = "赞比亚要求中国企业“索赔”800亿美金?9月18日,外交部发言人林剑回应,是我们的问题我们积极配合承担。"
    archive = archive_with(tmp_path, ("b18", sep_18, CN_MFA), ("b22", date(2025, 9, 22), CN_MFA))
    assert assign(text, sep_23, "dcwnkz.txt", archive).briefing == "b18"
    # a day written elsewhere in the sentence, or one beyond a week before the page, is no such day
    assert assign(text.replace("9月18日,", "9月18日的事故后，"), sep_23, "dcwnkz.txt", archive).briefing is None
    assert assign(text.replace("9月18日", "2025年9月8日"), sep_23, "dcwnkz.txt", archive).briefing is None


@pytest.mark.parametrize(
    "text",
    [
        "On September 18, Chinese Foreign Ministry spokesperson Lin Jian said China opposes the claim.",
        "Thursday, Chinese Foreign Ministry spokesperson Lin Jian said China opposes the claim.",
        # a day whose words run past the reach after the name is read whole, not as "September 1"
        "Chinese Foreign Ministry spokesperson Lin Jian said on September 18 that China opposes the claim.",
    ],
)
def test_the_day_written_just_before_or_after_the_spokesperson_is_the_day_spoken_in_english(tmp_path, text: str):
    sep_18, sep_23 = date(2025, 9, 18), date(2025, 9, 23)
    archive = archive_with(tmp_path, ("b18", sep_18, CN_MFA), ("b22", date(2025, 9, 22), CN_MFA))
    assert assign(text, sep_23, "x.txt", archive).briefing == "b18"


def test_a_day_without_its_month_beside_the_briefing_word_takes_the_dispatchs_month():
    """China Review's undated transcript (a user's import): "中评社北京10月14日电(记者 海涵)外交部发言人林剑13日主持例行
    记者会" reports 13 October, not the dispatch's 14th."""
    names = host_named(CN_MFA).names
    text = "中评社北京10月14日电(记者 海涵)外交部发言人林剑13日主持例行记者会并回答中外记者提问。以下是问答全文:"
    assert month_day_at_briefing(text, names) == (None, 10, 13)
    assert month_day_at_briefing(text.replace("10月14日", "11月1日").replace("13日", "31日"), names) == (None, 10, 31)
    assert month_day_at_briefing(text.replace("林剑13日", "林剑"), names) == (None, 10, 14)  # the dispatch's day alone


def test_an_undated_text_naming_its_briefings_weekday_and_date_in_brackets_joins_that_briefing(tmp_path):
    """Bharata Online (a user's import): "dalam konferensi pers di Beijing pada hari Senin (13/10)", no date
    printed; the archive holds two Monday briefings of the host: the bracketed date tells which."""
    archive = archive_with(tmp_path, ("mar", date(2025, 3, 3), CN_MFA), ("oct", date(2025, 10, 13), CN_MFA))
    text = (
        "Beijing, Bharata Online - Ancaman tarif tinggi bukanlah cara yang tepat, kata Juru Bicara Kementerian Luar"
        " Negeri Tiongkok, Lin Jian, dalam konferensi pers di Beijing pada hari Senin (13/10)."
    )
    assert assign(text, None, "bharata.txt", archive).briefing == "oct"
    assert assign(text.replace("(13/10)", "(20/10)"), None, "bharata.txt", archive).briefing is None
    assert assign(text.replace(" (13/10)", ""), None, "bharata.txt", archive).briefing is None  # two Mondays
