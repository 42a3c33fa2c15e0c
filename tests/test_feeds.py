"""Atom feeds, sitemap and robots.txt: valid, absolute, deterministic."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
from conftest import CONTENT, build_ok, tree_bytes, write_files

from pressarchive.sitemap import sitemap_files, sitemap_names
from pressarchive.urls import Urls

ATOM = "{http://www.w3.org/2005/Atom}"


def feeds_of(site: Path) -> list[Path]:
    return sorted((site / "feeds").rglob("*.xml"))


def test_every_feed_parses_without_bozo_and_has_atom_required_elements(absolute_site: Path) -> None:
    feeds = feeds_of(absolute_site)
    assert [f.relative_to(absolute_site).as_posix() for f in feeds] == [
        "feeds/all.xml",
        "feeds/briefings/2025-12-10-mfa-regular-press-conference.xml",
        "feeds/sources/namaste-headlines.xml",
        "feeds/sources/zhitongcaijing.xml",
    ]
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        root = ET.parse(feed).getroot()
        for name in ("id", "title", "updated"):
            assert root.find(ATOM + name) is not None and root.find(ATOM + name).text, (feed, name)
        assert root.find(ATOM + "link[@rel='self']").get("href").startswith("https://example.org/REPO/feeds/")
        entries = root.findall(ATOM + "entry")
        assert entries, feed
        for entry in entries:
            for name in ("id", "title", "updated"):
                assert entry.find(ATOM + name).text, (feed, name)
            assert entry.find(ATOM + "id").text.startswith("https://example.org/REPO/articles/")
            assert entry.find(ATOM + "author/" + ATOM + "name").text


def test_feed_dates_come_from_content(absolute_site: Path) -> None:
    parsed = feedparser.parse((absolute_site / "feeds" / "all.xml").read_bytes())
    assert parsed.feed.updated == "2025-12-11T00:00:00Z"
    assert [e.updated for e in parsed.entries] == ["2025-12-11T00:00:00Z", "2025-12-10T08:17:04Z"]


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    for name in ("a", "b"):
        build_ok("--content", CONTENT, "--out", tmp_path / name, "--base-url", "https://example.org/", "--no-search")
    assert tree_bytes(tmp_path / "a") == tree_bytes(tmp_path / "b")


def test_sitemap_lists_every_page_and_robots_points_at_it(absolute_site: Path) -> None:
    root = ET.parse(absolute_site / "sitemap.xml").getroot()
    locs = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {
        p.parent.relative_to(absolute_site).as_posix()
        for p in absolute_site.rglob("index.html")
        if "pagefind" not in p.parts
    }
    expected = {"https://example.org/REPO/" + ("" if p == "." else p + "/") for p in pages}
    assert locs == expected
    robots = (absolute_site / "robots.txt").read_text()
    assert "Sitemap: https://example.org/REPO/sitemap.xml" in robots.splitlines()


def test_a_bare_path_base_leaves_out_feeds_and_sitemap(bundled_site_repo: Path) -> None:
    assert not (bundled_site_repo / "feeds").exists()
    assert not (bundled_site_repo / "sitemap.xml").exists()
    assert "Sitemap:" not in (bundled_site_repo / "robots.txt").read_text()


def test_site_yaml_url_supplies_the_origin_and_cname_is_copied(tmp_path: Path) -> None:
    content = tmp_path / "content"
    for path in CONTENT.rglob("*"):
        if path.is_file():
            write_files(content, {path.relative_to(CONTENT).as_posix(): path.read_bytes()})
    write_files(content, {"site.yaml": "title: T\nurl: https://archive.example.org\ncname: archive.example.org\n"})
    build_ok("--content", content, "--out", tmp_path / "site", "--base-url", "/", "--no-search")
    assert (tmp_path / "site" / "CNAME").read_text() == "archive.example.org\n"
    feed = feedparser.parse((tmp_path / "site" / "feeds" / "all.xml").read_bytes())
    assert feed.feed.id == "https://archive.example.org/feeds/all.xml"


def test_more_pages_than_one_sitemap_may_list_make_a_sitemap_index() -> None:
    urls = Urls.from_base_url("https://example.org/REPO/")
    pages = [(f"articles/a-{n}/", "2025-01-01") for n in range(5)]
    files = sitemap_files(urls, pages, limit=2)
    assert sorted(files) == sorted(sitemap_names(5, limit=2))
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [e.text for e in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert parts == [f"https://example.org/REPO/sitemap-{n}.xml" for n in (1, 2, 3)]
    listed = [
        e.text
        for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml")
        for e in ET.fromstring(files[name]).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert listed == sorted(urls.absolute(path) for path, _ in pages)
