"""Publication dates as printed: the formats of real captures, zones only when stated, never a date in prose."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressarchive.importer.dates import (
    Printed,
    date_lines,
    dates_in,
    file_photo,
    opening_stamp,
    publication_date,
    url_date,
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Updated: December 10, 2025 21:50", "2025-12-10T21:50"),
        ("2025-12-18 00:13:00", "2025-12-18T00:13:00"),
        ("2025.12.12 21:19 GMT+8", "2025-12-12T21:19+08:00"),
        ("4 January 2026 19:10 (UTC+04:00)", "2026-01-04T19:10+04:00"),  # AzerNews
        ("2025年12月10日", "2025-12-10"),
        ("2025年12月10日 15:30", "2025-12-10T15:30"),
        ("Published: Dec 10, 2025 05:37 PM", "2025-12-10T17:37"),
        ("发布时间:2025-10-30 18:36:38", "2025-10-30T18:36:38"),
        ("「人民網日本語版」2025年10月31日", "2025-10-31"),
        ("Xinhua) 21:02, October 31, 2025", "2025-10-31T21:02"),
        ("31 октября 2025 в 10:56", "2025-10-31T10:56"),
        ("[April 23, 2025]", "2025-04-23"),
        ("December 8, 2025 at 18:50 JST", "2025-12-08T18:50+09:00"),
        ("2025-10-23T20:06+0300", "2025-10-23T20:06+03:00"),
        ("10/31/2025 | Press release | Distributed by Public on 10/31/2025 06:35", "2025-10-31T06:35"),
        ("By Minlu Zhang at the United Nations | chinadaily.com.cn | Updated: 2025-12-10 09:31", "2025-12-10T09:31"),
        ("8 de enero de 2026 14:05", "2026-01-08T14:05"),
        ("2026년 1월 29일", "2026-01-29"),  # TRT Korean
        ("2025年05月23日 17時52分", "2025-05-23T17:52"),  # Jiji
        ("2025년 5월 23일 (금) 17시 52분", "2025-05-23T17:52"),
        ("16-Feb-2026 8:58 AM", "2026-02-16T08:58"),  # an Indian page
        ("15:58 2026-02-04 HKT", "2026-02-04T15:58+08:00"),  # Sing Tao: the time first, Hong Kong's zone
        ("19:08 UTC+8, 2025-06-13", "2025-06-13T19:08+08:00"),  # Shine
        ("Umer Jamshaid Published May 23, 2025 | 03:50 PM", "2025-05-23T15:50"),  # UrduPoint
        ("August 18, 2025 / 16:09 IST", "2025-08-18T16:09"),  # IST is India's, Israel's or Ireland's: no zone
    ],
)
def test_printed_formats(line, iso):
    printed = publication_date(["Headline of the story", line, "The text begins here."])
    assert printed is not None and (printed.iso, printed.line) == (iso, line)


def test_a_zone_is_kept_only_when_stated_and_unambiguous():
    assert publication_date(["2025-12-10 08:00 CST"]).iso == "2025-12-10T08:00"  # type: ignore[union-attr]


def test_a_date_inside_a_sentence_is_not_the_publication_date():
    lines = ["On December 10, 2025, at a regular press conference, the spokesperson Guo Jiakun accused Japan."]
    assert publication_date(lines) is None


def test_a_cjk_headline_that_starts_with_a_date_is_not_a_date_line():
    assert publication_date(["2025年10月30日外交部发言人郭嘉昆主持例行记者会"]) is None


def test_the_stores_prefix_counts_and_a_more_precise_stamp_of_the_same_day_wins():
    printed = publication_date(["date 2025-10-31", "Russian PM to visit", "Xinhua) 21:02, October 31, 2025"])
    assert printed is not None and printed.iso == "2025-10-31T21:02"


def test_dates_in_urls():
    assert url_date("https://namasteheadlines.com/china/20251211-china-blames") == ("2025-12-11", "20251211")
    assert url_date("http://en.people.cn/n3/2025/1029/c90000-20383533.html") == ("2025-10-29", "2025/1029")
    assert url_date("https://www.globaltimes.cn/page/202512/1350214.shtml") is None
    assert url_date("https://cm.asiae.co.kr/en/article/2025103017134859838") == ("2025-10-30", "202510301713")
    assert url_date("https://usanewshub.site/department-press-briefing-april-22-2025") == (
        "2025-04-22",
        "april-22-2025",
    )
    assert url_date("https://example.org/article/2025103099134859838") is None  # hour 99: an id, not a time
    assert url_date("https://www.lanacion.com.ar/agencias/china-expresa-su-apoyo-nid19082025/") == (
        "2025-08-19",
        "-nid19082025",
    )  # La Nación's id, day first
    assert url_date("https://www.lanacion.com.ar/agencias/x-nid19132025/") is None  # no month 13
    assert url_date("https://vz.ru/news/2025/9/18/1360728.html") == ("2025-09-18", "/2025/9/18/")
    assert url_date("https://example.org/2025/13/18/x.html") is None
    assert url_date("https://example.org/february-30-2025") is None


@settings(deadline=None)
@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    st.text(alphabet="0123456789", max_size=8),
)
def test_a_timestamp_id_in_a_url_gives_its_day(moment, tail):
    found = url_date(f"https://example.org/article/{moment:%Y%m%d%H%M}{tail}")
    assert found is not None and found[0] == moment.date().isoformat()


@settings(deadline=None)
@given(st.dates(min_value=datetime(2000, 1, 1).date(), max_value=datetime(2099, 12, 31).date()))
def test_a_date_in_words_in_a_url_reads_back(day):
    found = url_date(f"https://example.org/department-press-briefing-{day:%B}-{day.day}-{day.year}".lower())
    assert found is not None and found[0] == day.isoformat()


@settings(deadline=None)
@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)))
def test_any_day_printed_in_the_numeric_forms_reads_back(moment):
    for line in (
        moment.strftime("%Y-%m-%d %H:%M"),
        moment.strftime("%Y.%m.%d %H:%M"),
        f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}",
        f"{moment.year}년 {moment.month}월 {moment.day}일 {moment:%H:%M}",
        f"{moment.year}年{moment.month:02d}月{moment.day:02d}日 {moment.hour}時{moment.minute}分",
        f"{moment.day}-{moment:%b}-{moment.year} {moment:%H:%M}",
        f"Updated: {moment:%B} {moment.day}, {moment.year} {moment:%H:%M}",
    ):
        printed = publication_date([line])
        assert printed is not None and printed.iso == moment.strftime("%Y-%m-%dT%H:%M"), line


@settings(deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "No")), max_size=120))
def test_text_without_digits_never_gives_a_date(text):
    assert publication_date(text.split("\n")) is None


def test_a_time_and_zone_before_the_date_are_kept():
    assert dates_in("17:06 JST, November 2, 2025", ("en",)) == [("2025-11-02T17:06+09:00", 0, 27)]


def test_a_timestamp_opening_a_flattened_page_is_its_date_and_a_sentence_naming_one_is_not():
    page = "木原官房長官、中国に求める\nWait 5 sec.\n毎日新聞 2025/11/17 12:22(最終更新 11/17 12:22) 340文字ポスト木原稔官房長官は"
    assert opening_stamp(page) == Printed("2025-11-17T12:22", "毎日新聞 2025/11/17 12:22")
    assert opening_stamp("It said, at 2025/11/17 12:22, that") is None  # within a sentence: a mark before it
    assert opening_stamp("毎日新聞 2025/11/17 (最終更新)") is None  # no time: a day named, not a stamp
    assert opening_stamp("One.\nTwo.\nThree.\n2025/11/17 12:22 later") is None  # beyond the first lines


def test_words_that_are_not_a_date_give_none_whatever_dateparser_makes_of_them():
    """dateparser read "25 week 2025" (the end of "2025 week 2025") as 14 June 2026: an invented date."""
    assert dates_in("¥ café minister minister café minister 2025 week 2025!", ()) == []
    assert dates_in("12 weeks 2025", ()) == []
    assert dates_in("5 gennaio 2026", ()) == [("2026-01-05", 0, 14)]


def test_an_arabic_pages_clock_before_its_day_first_date():
    assert publication_date(["11:37 ص 05/03/2026"], ("ar",)) == Printed("2026-03-05T11:37", "11:37 ص 05/03/2026")
    assert publication_date(["04:20 م 19/09/2025"], ("ar",)) == Printed("2025-09-19T16:20", "04:20 م 19/09/2025")


def test_a_date_a_ranking_stands_at_is_not_the_pages_date():
    """Newspic's keyword ranking prints "2022.08.01 00:00 기준" (as of) above the story's own stamp."""
    lines = [
        "트럼프 “조만간 방중” 발언에 中 외교부",
        "실시간 키워드",
        "2022.08.01 00:00 기준",
        "이데일리 2025-08-26 16:56:16 신고",
    ]
    printed = publication_date(lines, ("ko",))
    assert printed is not None and printed.iso == "2025-08-26T16:56:16"
    for as_of in ("2025-01-02 10:00 as of", "2025年1月2日 10:00 時点", "2025年1月2日現在"):
        assert publication_date([as_of]) is None


def test_a_weekday_and_a_day_are_no_date_without_a_month():
    assert dates_in("Fri 10, 2025", ()) == [] and dates_in("Sat 20, 2025", ()) == []
    assert dates_in("Wednesday, December 10, 2025", ()) == [("2025-12-10", 11, 28)]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("(令和7年11月25日(火曜日)16時46分 於:本省会見室)", "2025-11-25T16:46"),  # the foreign ministry's record
        ("令和8年1月7日(水)午前", "2026-01-07"),  # the Prime Minister's Office: a morning, no time
        ("令和元年5月1日", "2019-05-01"),  # the era's first year
        ("令和7年2月30日", None),  # no such day
    ],
)
def test_japans_era_years_are_read(line: str, iso: str | None) -> None:
    assert [d for d, _, _ in dates_in(line, ("ja",))] == ([iso] if iso else [])


def test_a_date_line_naming_its_press_room_is_a_date_line_not_a_briefings_title() -> None:
    lines = ["記者会見", "茂木外務大臣会見記録", "(令和7年11月25日(火曜日)16時46分 於:本省会見室)", "質疑応答"]
    assert publication_date(lines, ("ja",)) == Printed("2025-11-25T16:46", lines[2])


def test_a_zone_after_a_bar_belongs_to_the_date_and_time_before_it() -> None:
    # Kazinform: "04:35, 20 Ноябрь 2025 | GMT +5"
    assert [d for d, _, _ in dates_in("04:35, 20 Ноябрь 2025 | GMT +5", ("ru",))] == ["2025-11-20T04:35+05:00"]


def test_a_section_name_after_a_bar_is_no_zone() -> None:
    assert [d for d, _, _ in dates_in("2025-11-20 14:35 | EDTECH", ())] == ["2025-11-20T14:35"]


def test_a_slashed_date_is_day_first_only_when_its_first_number_cannot_be_a_month():
    assert [d for d, _, _ in dates_in("16/10/2025 16:35", ())] == ["2025-10-16T16:35"]  # Hong Kong's order
    assert [d for d, _, _ in dates_in("11/05/2025 | Press release", ("es",))] == ["2025-11-05"]  # a US platform's
    assert dates_in("31/13/2025", ()) == []


def test_dashed_day_first_and_time_first_dates_are_read():
    assert [d for d, _, _ in dates_in("Updated: 09-02-2026 13:06 IST", ())] == ["2026-02-09T13:06"]  # IST: ambiguous
    assert "2026-02-23T17:25" in [d for d, _, _ in dates_in("17:25 23.02.2026 (обновлено: 18:01 23.02.2026)", ())]


def test_the_stamp_that_says_most_of_the_same_minute_is_the_date():
    lines = [
        " date 2026-02-10 Рейтинг@Mail.ru",
        "14:44 10.02.2026 (обновлено: 18:09 10.02.2026)",
        "2026-02-10T14:44:00+03:00",
    ]
    assert publication_date(lines, ("ru",)).iso == "2026-02-10T14:44:00+03:00"  # type: ignore[union-attr]


def test_a_labelled_date_below_a_long_menu_is_the_date():
    menu = ["Türkçe", "English", "Русский", "Français", "العربية", "Deutsch", "Español", "日本語", "中文"] * 2
    assert publication_date([*menu, "Başlık", "Haber Giriş Tarihi: 13.01.2026 14:06"]).iso == "2026-01-13T14:06"  # type: ignore[union-attr]
    assert publication_date([*menu, "Başlık", "13.01.2026 14:06"]) is None  # unlabelled, that far down: not the page's


def test_an_ambiguous_slashed_date_is_read_day_first_by_another_date_or_the_pages_language():
    assert publication_date(["09/02/2026 19:41"], ("vi",)).iso == "2026-02-09T19:41"  # type: ignore[union-attr]
    assert publication_date(["09/02/2026 19:41"], ("en",)).iso == "2026-09-02T19:41"  # type: ignore[union-attr]
    stamped = ["11/05/2025 | Press release | Archived content", "2025-11-05 22:07"]  # a US platform over Spanish text
    assert publication_date(stamped, ("es",)).iso == "2025-11-05T22:07"  # type: ignore[union-attr]


def test_a_store_date_far_from_the_one_the_page_prints_gives_way_to_the_pages():
    stale = [" date 2024-11-01 Military Space News", "Beijing (AFP) Feb 10, 2026"]
    assert publication_date(stale).iso == "2026-02-10"  # type: ignore[union-attr]
    updated = [" date 2025-10-31", "Updated: November 3, 2025"]  # days apart: the store's stands
    assert publication_date(updated).iso == "2025-10-31"  # type: ignore[union-attr]
    later = [" date 2026-01-13 China urges Japan", "Published: January 13, 2026", "Updated: March 20, 2026"]
    assert publication_date(later, ("en",)).iso == "2026-01-13"  # type: ignore[union-attr]  # one printed date is near
    prefixed = [" date 2026-02-09 Trung Quốc lên tiếng", "09/02/2026 19:41"]  # the store's day settles the order
    assert publication_date(prefixed, ("vi",)).iso == "2026-02-09T19:41"  # type: ignore[union-attr]


def test_a_dashed_date_is_day_first_unless_an_american_zone_follows():
    assert [d for d, _, _ in dates_in("02-10-2026 08:15 AM EST", ("en",))] == ["2026-02-10T08:15-05:00"]
    assert [d for d, _, _ in dates_in("02-10-2026 08:15", ("en",))] == ["2026-10-02T08:15"]


def test_a_spanish_hora_and_a_chinese_date_label_are_read():
    assert [d for d, _, _ in dates_in("4 de marzo de 2026 Hora: 15:33", ("es",))] == ["2026-03-04T15:33"]
    line = "   日期:2026-03-10 19:05:23     来源:潇湘晨报    浏览:0    评论:0    "
    assert publication_date([line]).iso == "2026-03-10T19:05:23"  # type: ignore[union-attr]


def test_the_pages_own_stamp_before_the_stores_date_is_its_publication():
    """ETNet, 13 October 2025: the store dated the page a week after the stamp it prints."""
    etnet = ["date 2025-10-20", "13/10/2025 16:19"]
    assert publication_date(etnet, ("zh",)).iso == "2025-10-13T16:19"  # type: ignore[union-attr]
    undated = ["date 2025-10-20", "13/10/2025"]  # no time: not a stamp, the store's stands
    assert publication_date(undated, ("zh",)).iso == "2025-10-20"  # type: ignore[union-attr]
    update = ["date 2025-10-20", "22/10/2025 16:19"]  # after the store's: perhaps an update's
    assert publication_date(update, ("zh",)).iso == "2025-10-20"  # type: ignore[union-attr]
    two = ["date 2025-10-20", "13/10/2025 16:19", "Updated: 14/10/2025 09:00"]  # two days printed: unclear
    assert publication_date(two, ("zh",)).iso == "2025-10-20"  # type: ignore[union-attr]
    misread = ["date 2025-10-10", "09/10/2025 16:19 IST"]  # month first, a month before: a misreading
    assert publication_date(misread, ("en",)).iso == "2025-10-10"  # type: ignore[union-attr]
    weeks = ["date 2025-10-27", "13/10/2025 16:19"]  # read one way only: two weeks before is the page's own
    assert publication_date(weeks, ("en",)).iso == "2025-10-13T16:19"  # type: ignore[union-attr]
    tweet = ["— China Xinhua Español (@XHespanol) May 23, 2025"]  # an embedded post's date, not the page's
    assert publication_date(tweet, ("es",)) is None


def test_a_month_word_is_read_only_where_a_word_starts():
    """From a review: "Dec 10, 2025" was looked for from every letter of a long run of letters (a Chinese
    line of 11,000 characters took 1.5 s); a word's middle ("ecember 10, 2025") is no month."""
    found = dates_in("Published: December 10, 2025", ())
    assert [(iso, start) for iso, start, _ in found] == [("2025-12-10", 11)]
    assert dates_in("中国外交部发言人毛宁表示" * 200, ()) == []


@pytest.mark.parametrize(
    "line, stamp",
    [
        ("Iran-Israel war: Follow LIVE updates on March 19, 2026", False),  # heldout29's 2912: a link to a live blog
        ("Read what happened on March 18, 2026", False),
        ("Published on March 19, 2026", True),
        ("Last updated on March 19, 2026 10:00", True),
        ("By Reuters | Updated on March 19, 2026", True),
        ("Tokyo, March 19, 2026", True),
    ],
)
def test_a_date_after_a_running_phrases_preposition_is_no_stamp_but_a_labelled_one_is(line: str, stamp: bool):
    assert bool(date_lines([line])) is stamp


def test_a_caption_dating_its_photo_more_than_a_week_before_the_page_is_a_file_photos():
    caption = "2025年8月28日，外交部發言人郭嘉昆在北京主持例行記者會。（中國外交部官網）"  # heldout28's 2802
    assert file_photo(caption, date(2025, 9, 25))
    assert not file_photo(caption, date(2025, 8, 29))  # the day after: that briefing's photo
    assert file_photo(caption, None)  # an undated page: nothing tells a file photo from the day's
    assert not file_photo(
        "記者会見する木原官房長官=19日午前、首相官邸", date(2025, 11, 19)
    )  # no year: not a file photo


def test_a_url_date_with_underscores_is_read():
    assert url_date("https://www.guancha.cn/internation/2025_09_18_790542.shtml") == ("2025-09-18", "2025_09_18")
    assert url_date("https://example.org/a_2025_13_40_b") is None  # no such month


@pytest.mark.parametrize(
    "line",
    [
        "Published 10:05 am on March 19, 2026",
        "Updated 3:15 pm on March 19, 2026",
        "Last modified on March 19, 2026",
        "Posted by staff on March 19, 2026",
    ],
)
def test_review_a_stamp_with_words_before_its_date_is_still_a_stamp(line: str):
    assert date_lines([line])


def test_a_zone_printed_between_the_date_and_the_time_is_kept():
    """RTHK prints "2025-04-03 HKT 16:49" (a user's import): the time and the zone had been dropped."""
    assert publication_date(["2025-04-03 HKT 16:49"]).iso == "2025-04-03T16:49+08:00"  # type: ignore[union-attr]
    assert publication_date(["2025-04-03 HKT"]).iso == "2025-04-03"  # type: ignore[union-attr]
