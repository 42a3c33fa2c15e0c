"""The outlet from the URL's host, and the agency a platform's text credits."""

from __future__ import annotations

from pathlib import Path

from conftest import CONTENT

from pressarchive.importer.outlet import SourceInfo, credited_agency, distributed_author, host_of, source_for_host

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


def test_an_agency_named_in_prose_or_a_photo_credit_is_no_credit():
    assert credited_agency("Xinhua reported that the talks went well, Reuters said later.") is None
    assert credited_agency("Zuma/TASS\nThe Secretary-General regrets") is None


def test_seed_000_is_a_broker_feed_whose_dateline_names_the_outlet():
    text = (CONTENT / "captures" / "000_1a359d1b1b1cfee0.txt").read_text(encoding="utf-8")
    assert "Zhitongcaijing·12/10/2025" in text and credited_agency(text) is None  # the dateline does it


def test_a_press_release_platform_names_the_author_on_the_line_before():
    text = (EVAL / "015_pubt-mfa-transcript-2025-10-31.txt").read_text(encoding="utf-8")
    assert distributed_author(text) == "Ministry of Foreign Affairs of the People's Republic of China"
