"""The outlet from the URL's host, and the agency a platform's text credits."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONTENT

from pressarchive.importer.outlet import (
    SourceInfo,
    broadcaster_reporter,
    bylined_outlet,
    closing_credit,
    credit_line,
    credited_agency,
    distributed_author,
    host_of,
    known_outlet,
    outlet_named,
    own_site,
    reporter_outlet,
    self_credit,
    source_field,
    source_for_host,
    stamped_agency,
    wire_copyright,
)

EVAL = Path(__file__).resolve().parent.parent / "eval" / "import" / "captures"
SOURCES = [
    SourceInfo("people-daily", "People's Daily Online", ("people.cn",)),
    SourceInfo("people-daily-ja", "People's Daily Online (Japanese)", ("j.people.com.cn", "people.com.cn")),
]


def test_host_of_drops_www_and_case():
    assert host_of("https://WWW.GlobalTimes.cn/page/202512/1.shtml") == "globaltimes.cn"
    assert host_of(None) is None and host_of("not a url") is None


def test_a_subdomain_belongs_to_its_source_and_the_closest_domain_wins():
    assert source_for_host("en.people.cn", SOURCES).id == "people-daily"  # type: ignore[union-attr]
    assert source_for_host("j.people.com.cn", SOURCES).id == "people-daily-ja"  # type: ignore[union-attr]
    assert source_for_host("notpeople.cn", SOURCES) is None


def test_agency_credits_in_datelines():
    assert credited_agency("BEIJING, Oct. 29 (Xinhua) -- As agreed between China") == "Xinhua"
    assert credited_agency("WASHINGTON (AP) — Secretary of State Marco Rubio") == "The Associated Press"
    assert credited_agency("Naciones Unidas, 8 ene (EFE).- El Secretario General") == "EFE"
    assert credited_agency("【新華社北京12月11日】中国外交部の郭嘉昆報道官は") == "Xinhua"
    assert credited_agency("Tokyo, Dec. 8 (Jiji Press)--The Japanese government") == "Jiji Press"
    assert credited_agency("Pechino, 5 gen.(Adnkronos) - Il ministero degli Esteri cinese") == "Adnkronos"
    assert credited_agency("Milan, 7 janvier (LaPresse) – Diviser les sphères d'influence") == "LaPresse"
    assert credited_agency("[신화망 베이징 1월7일] 마오닝(毛寧) 중국 외교부 대변인은") == "Xinhua"
    assert credited_agency("TOKYO, Jan 7 (KUNA) -- The Japanese government on Wednesday lodged") == "KUNA"
    assert credited_agency("中央社台北20日電\n中國外交部發言人毛寧20日表示") == "Central News Agency"
    assert credited_agency("新华社北京11月20日电 外交部发言人毛宁20日表示") == "Xinhua"
    assert credited_agency("[서울=뉴시스] 문예성 기자 = 중국 정부가 다카이치 총리에게") == "Newsis"
    assert credited_agency("(서울=연합뉴스) 김기자 = 중국 외교부는") == "Yonhap"
    assert credited_agency("【北京共同】中国外務省の毛寧報道局長は2日の記者会見で") == "Kyodo News"
    assert credited_agency("首相＝28日、北京（ゲッティ＝共同）【北京、ロンドン共同】スターマー英首相は") == "Kyodo News"
    assert credited_agency("【北京時事】中国外務省の報道官は") == "Jiji Press"
    assert credited_agency("（中央社台北10日電）日本首相高市早苗9日表示") == "Central News Agency"
    assert (
        credited_agency("〔中央社〕美國總統川普宣布，即刻起將對任何與伊朗進行貿易的國家課徵25%關稅")
        == "Central News Agency"
    )
    assert credited_agency("Pechino, 2 mar. (askanews) - Il ministero degli Esteri cinese") == "askanews"
    assert credited_agency("Beijing (ANTARA) - Juru bicara Kementerian Luar Negeri China Lin Jian") == "ANTARA"
    assert credited_agency("PEKIN, 18 Ago. (EUROPA PRESS) – Las autoridades de China") == "Europa Press"
    assert credited_agency("中美两国共同努力，外交部发言人表示") is None  # "together", no credit
    assert credited_agency("【據新華社北京二十四日電】針對有報道稱") == "Xinhua"  # Macao Daily carrying Xinhua


def test_a_broadcasters_reporter_credit_names_the_broadcaster():
    assert broadcaster_reporter("Lin Jian sagte das.\n(CCTV-Reporter Zhang Xuesong)\n") == "CCTV"
    assert broadcaster_reporter("Lin Jian disse isso.\n(repórter do CCTV Zhao Jing)\n") == "CCTV"
    assert broadcaster_reporter("He met a CCTV reporter (CCTV-Reporter Zhang) in Beijing.") is None  # not alone
    assert broadcaster_reporter("Guterres spoke.\n(UN Correspondent Edith Lederer)\n") is None  # no outlet known as UN


def test_a_wires_copyright_notice_names_the_story_it_republishes():
    assert wire_copyright("Mao said.\n© 2025 Thomson/Reuters. All rights reserved.\nSign up") == "Reuters"
    assert wire_copyright("Copyright 2025 The Associated Press. All rights reserved.") == "The Associated Press"
    assert wire_copyright("© 2025 Newsmax Media, Inc. All rights reserved.") is None
    assert wire_copyright("A photo of the ministry.\n© Reuters / Tingshu Wang\nThe story.") is None  # a photo's credit


def test_a_wires_chinese_dateline_quoted_in_another_outlets_story_is_no_credit():
    # China News Service's own dispatch quoting Xinhua's: CNS's, never Xinhua's
    assert credited_agency("中新网11月20日电 据新华社北京11月19日电，外交部发言人表示") == "China News Service"
    assert credited_agency("聯合報／記者報導 據中央社東京20日電，日本政府表示") is None


def test_the_source_field_of_a_pages_stamp_names_a_known_outlet():
    stamp = "法國總統外事顧問博納將來華訪問\n編輯: 母曼曄 | 時間: 2025-10-14 16:51:24 | 來源: 央視新聞客戶端 |\n"
    assert source_field(stamp) == "央視新聞客戶端"
    assert source_field("2026-02-27 17:08:34来源:新华社\n\n新华社北京2月27日电\n") == "新华社"
    assert source_field("图片来源:新华社\n") is None  # a picture's source
    assert source_field("来源:长安街知事网友\n") is None  # an outlet outlets.yaml does not know: not from a stamp
    assert source_field("\n".join(["一行。"] * 10) + "\n来源:新华社\n") is None  # below the stamp's lines
    # Guancha's and Shenzhen News's copies of Beijing Daily's and Southcn's stories (a user's import, 2026-12-08)
    assert source_field("美国对中国加征关税,外交部:坚决反对\n来源:北京日报客户端\n") == "北京日报客户端"
    assert source_field("外交部回应美方对华加征34%关税\n来源: 南方网\n") == "南方网"


def test_a_platforms_stamp_names_the_agency_it_carries_and_a_sections_name_does_not():
    assert stamped_agency(["Xin Hua She·2026-02-12 12:17"]) == "Xin Hua She"  # reportify.ai
    assert outlet_named("Xin Hua She") == "Xinhua"
    assert stamped_agency(["Politics · 2026-02-12 12:17", "2026-02-12"]) is None  # a section, not an outlet


def test_a_closing_credit_or_source_line_names_the_outlet_and_a_source_line_in_prose_does_not():
    assert closing_credit("……とした。（編集LX）\n\n「人民網日本語版」2026年1月6日\n") == "人民網日本語版"
    assert closing_credit("毛宁表示,中方重视中委关系。\n\n来源:长安街知事\n\n图片_2025.jpg\n") == "长安街知事"
    assert closing_credit("他说，「人民網日本語版」2026年1月6日报道了此事，来源可靠。\n") is None
    assert closing_credit("Захарова заявила об этом на брифинге.\n\nИсточник: ТАСС\n") == "ТАСС"
    assert closing_credit("The talks went well.\n\nSource: Xinhua\n") == "Xinhua"
    assert closing_credit("The talks went well.\n\nSOURCE:Anadolu Agency\n") == "Anadolu Agency"
    assert closing_credit("Çin tepki gösterdi.\n\nKaynak: AA\n") == "Anadolu Agency"
    assert closing_credit("Source: a senior official said the talks failed\n") is None


def test_an_agency_named_in_prose_or_a_photo_credit_is_no_credit():
    assert credited_agency("Xinhua reported that the talks went well, Reuters said later.") is None
    assert credited_agency("Zuma/TASS\nThe Secretary-General regrets") is None


def test_seed_000_is_a_broker_feed_whose_dateline_names_the_outlet():
    text = (CONTENT / "captures" / "000_1a359d1b1b1cfee0.txt").read_text(encoding="utf-8")
    assert "Zhitongcaijing·12/10/2025" in text and credited_agency(text) is None  # the dateline does it


def test_a_press_release_platform_names_the_author_on_the_line_before():
    text = (EVAL / "015_pubt-mfa-transcript-2025-10-31.txt").read_text(encoding="utf-8")
    assert distributed_author(text) == "Ministry of Foreign Affairs of the People's Republic of China"


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Michele Kelemen, NPR\n\nMarco Rubio announces overhaul", "NPR"),
        ("Summary.\nBy Jeremy Barr, The Washington PostPress secretary Karoline Leavitt holds", "The Washington Post"),
        ("By Anna Smith, Reuters\nThe talks went well.", "Reuters"),
        ("Stephane Dujarric, Spokesman\nThe Secretary-General regrets", None),  # a role, not an outlet
        ("The talks began.\nMichele Kelemen, NPR\n", None),  # not a byline where it stands
        ("Guterres, Dujarric and Haq spoke.", None),
        ("Vladimir Putin, Russian President\nThe talks", None),  # a title, not an outlet
        ("Lin Jian, Foreign Ministry Spokesperson\nThe talks", None),
        ("Hong Kong, China\nThe talks", None),  # a place: a first line credits only by initials
        ("Mari Yamaguchi, AP\nTOKYO", "The Associated Press"),  # as its datelines credit it
    ],
)
def test_a_reporters_byline_names_the_outlet(text, outlet):
    assert bylined_outlet(text) == outlet


def test_a_credit_on_the_outlets_own_site_names_it_and_elsewhere_names_the_platforms_source():
    assert credited_agency("Москва. 24 октября. INTERFAX.RU - Москва примет") == "Interfax"
    assert own_site("Interfax", "interfax.ru") and own_site("The Washington Post", "washingtonpost.com")
    assert not own_site("NPR", "mprnews.org") and not own_site("Xinhua", "diariodepe.com.br")
    assert own_site("The Associated Press", "apnews.com") and not own_site("The Associated Press", "japantimes.co.jp")
    assert not own_site("UN", "tribune.com.pk")  # a label must begin with the name


def test_an_outlets_name_alone_on_a_line_near_the_top_credits_it():
    assert credit_line("Lin Jian: Japan must retract\n\nGlobal Times\n\nChina on Friday urged Japan.") == "Global Times"
    assert credit_line("cgtn\nEl portavoz Lin Jian dijo") == "CGTN"
    assert credit_line("The Global Times reported that China urged Japan.") is None  # a sentence, not a credit
    assert credit_line("\n".join(["A line of the story."] * 8 + ["Reuters"])) is None  # beyond the top
    assert credit_line("imagen.jpg\n\nPor: Xinhua\n\n4 de marzo de 2026") == "Xinhua"  # a byline's word before it
    assert credit_line("13:29 21/07/2025, Monday\nAA\nFile photo") == "Anadolu Agency"  # initials as the wire signs
    assert credit_line("Ani\nAni said the talks went well.") is None  # initials only in capitals


def test_a_chinese_wires_dateline_or_a_reporters_byline_names_the_outlet_under_the_name_the_table_gives():
    assert (
        credited_agency("中新网北京2月5日电 (记者 张蔚然)中国外交部发言人林剑5日主持例行记者会。")
        == "China News Service"
    )
    assert reporter_outlet("“中方反对。”\n澎湃新闻记者 杨文钦 朱郑勇\n\n特别声明") == "澎湃新闻"
    assert reporter_outlet("关系。\n文 | 北京青年报记者 董鑫 孟亚旭\n原标题") == "北京青年报"
    assert reporter_outlet("关系。\n本报记者 张三\n") is None  # "this paper": the page's own, which the URL names
    assert reporter_outlet("他对记者 张三 说了这些话。") is None  # a sentence, not a byline
    assert outlet_named("澎湃新聞") == "The Paper" and outlet_named("人民網日本語版") == "人民網日本語版"
    assert credit_line("标题\n澎湃新闻\n2026-01-28 15:47") == "澎湃新闻"
    assert own_site("The Paper", "m.thepaper.cn") and own_site("TASS", "tass.ru")


def test_a_wires_dateline_with_its_date_and_a_bracketed_closing_credit_name_the_agency():
    assert credited_agency("by AFP Staff Writers\n Beijing (AFP) Feb 10, 2026\n\nChina insisted") == "AFP"
    assert credited_agency(
        "China urged restraint.\n\nIt opposes bloc politics, he noted. (Namibia Daily News/Xinhua)\n"
    ) == ("Xinhua")
    assert credited_agency("Mao Ning spoke in Beijing. (Photo/AP)\n") is None  # a photo's credit, not the copy's
    assert credited_agency("He said (Xinhua) reported it.\n\nThe talks go on.\n") is None  # not the last line


def test_an_indian_agencys_dateline_or_sign_off_credits_it():
    assert credited_agency("Beijing, Sep 30 (PTI) China on Tuesday expressed its support.") == "PTI"
    assert (
        credited_agency("China on Monday expressed condolences.\n\nNo Chinese nationals were hurt, he said.  -- PTI")
        == "PTI"
    )
    assert credited_agency("The minister met the PTI chief on Monday. -- a PTI report said more") is None


def test_a_source_line_naming_no_outlet_credits_none():
    assert closing_credit("中方对此表示关切。\n\n来源：网络\n") is None  # "the internet"
    assert closing_credit("中方对此表示关切。\n\n来源：综合\n") is None  # "compiled"


def test_a_site_naming_itself_in_its_lead_is_the_outlet_only_on_its_own_host():
    lead = "China's Foreign Ministry urged the United States on Sunday to release him, Azernews reports.\n\nMore."
    assert self_credit(lead, "azernews.az") == "Azernews"
    assert self_credit(lead, "example.org") is None  # another site quoting Azernews: not its name


def test_a_well_known_outlets_site_names_it_and_a_site_under_it_counts():
    assert known_outlet("tass.ru") == ("TASS", "tass.ru")
    assert known_outlet("hk.crntt.com") == ("China Review News Agency", "crntt.com")
    assert known_outlet("ir.newspim.com") == ("Newspim", "newspim.com")
    assert known_outlet("m.ytn.co.kr") == ("YTN", "ytn.co.kr")  # a mobile site under the broadcaster's
    assert known_outlet("example.com") is None and known_outlet("com") is None
    assert known_outlet("nottass.ru") is None  # a name that ends like a site is not under it
