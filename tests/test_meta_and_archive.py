"""Head metadata (canonical, Open Graph, JSON-LD), archive and tag pages, GitHub Pages output rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
from conftest import build_ok, parse, write_files

SOURCE = "name: Wire <Service> & Co\nurl: https://wire.example/\n"
BRIEFING = "---\ntitle: A briefing\ndate: 2025-11-03\ntags: [Trade]\n---\nSummary.\n"


def article(n: int, title: str = "", tags: str = "[Trade, trade]") -> str:
    title = title or f"Story {n}"
    return f"---\ntitle: {json.dumps(title)}\nsource: wire\ndate: 2025-11-{1 + n % 28:02d}\nbriefing: b\ntags: {tags}\n---\nBody {n}.\n"


def build_many(tmp_path: Path, count: int, hostile_title: str = "") -> Path:
    files = {"sources/wire.yaml": SOURCE, "briefings/b.md": BRIEFING}
    files.update({f"articles/a{n}.md": article(n) for n in range(count)})
    if hostile_title:
        files["articles/evil.md"] = article(999, hostile_title, tags="[x]")
    write_files(tmp_path / "content", files)
    out = tmp_path / "site"
    build_ok("--content", tmp_path / "content", "--out", out, "--base-url", "https://example.org/REPO/", "--no-search")
    return out


def test_json_ld_cannot_break_out_of_its_script(tmp_path: Path) -> None:
    out = build_many(tmp_path, 1, hostile_title="</script><script>alert(1)</script> & <!--")
    html = (out / "articles" / "evil" / "index.html").read_text()
    script = parse(out / "articles" / "evil" / "index.html").find("script", type="application/ld+json")
    raw = script.string
    assert "<" not in raw and ">" not in raw and "&" not in raw
    assert html.count("</script>") == 1
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "</script><script>alert(1)</script> & <!--"
    assert data["publisher"] == {"@type": "Organization", "name": "Wire <Service> & Co", "url": "https://wire.example/"}
    feed = feedparser.parse((out / "feeds" / "sources" / "wire.xml").read_bytes())
    assert not feed.bozo and feed.feed.title == "Wire <Service> & Co · Press Briefing Archive"
    assert "</script><script>alert(1)</script> & <!--" in [e.title for e in feed.entries]


def test_article_and_briefing_pages_carry_canonical_open_graph_and_json_ld(absolute_site: Path) -> None:
    page = parse(absolute_site / "articles" / "zhitongcaijing-guo-jiakun-human-rights-day" / "index.html")
    canonical = "https://example.org/REPO/articles/zhitongcaijing-guo-jiakun-human-rights-day/"
    assert page.find("link", rel="canonical")["href"] == canonical
    assert page.find("meta", property="og:url")["content"] == canonical
    assert page.find("meta", property="og:type")["content"] == "article"
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["publisher"]["name"] == "Zhitongcaijing"
    briefing = parse(absolute_site / "briefings" / "2025-12-10-mfa-regular-press-conference" / "index.html")
    data = json.loads(briefing.find("script", type="application/ld+json").string)
    assert data["@type"] == "CollectionPage" and data["about"]["@type"] == "Event"
    assert data["mainEntity"]["numberOfItems"] == 2


def test_long_lists_are_paginated_with_rel_prev_and_next(tmp_path: Path) -> None:
    out = build_many(tmp_path, 120)
    first = parse(out / "tags" / "trade" / "index.html")
    assert len(first.select("ol.cards > li")) == 50
    assert first.find("link", rel="next")["href"] == "/REPO/tags/trade/page/2/"
    assert first.find("link", rel="prev") is None
    middle = parse(out / "tags" / "trade" / "page" / "2" / "index.html")
    assert middle.find("link", rel="prev")["href"] == "/REPO/tags/trade/"
    assert middle.find("link", rel="next")["href"] == "/REPO/tags/trade/page/3/"
    last = parse(out / "tags" / "trade" / "page" / "3" / "index.html")
    assert len(last.select("ol.cards > li")) == 20 and last.find("link", rel="next") is None
    assert (out / "archive" / "2025" / "11" / "page" / "3" / "index.html").is_file()
    assert not (out / "tags" / "trade" / "page" / "4").exists()


def test_archive_pages_link_years_months_and_tags(absolute_site: Path) -> None:
    archive = parse(absolute_site / "archive" / "index.html")
    hrefs = [a["href"] for a in archive.select("main a")]
    assert "/REPO/archive/2025/" in hrefs and "/REPO/archive/2025/12/" in hrefs
    month = parse(absolute_site / "archive" / "2025" / "12" / "index.html")
    assert len(month.select("ol.cards > li")) == 2
    tags = parse(absolute_site / "tags" / "index.html")
    assert "/REPO/tags/human-rights-day/" in [a["href"] for a in tags.select("main a")]


def test_output_suits_github_pages(absolute_site: Path) -> None:
    assert (absolute_site / ".nojekyll").is_file()
    assert (absolute_site / "404.html").is_file()
    for path in absolute_site.rglob("*"):
        relative = path.relative_to(absolute_site)
        assert not path.is_symlink(), relative
        assert not any(part.startswith("_") for part in relative.parts), relative
    links = [a["href"] for a in parse(absolute_site / "404.html").find_all("a")]
    assert links and all(href.startswith("/REPO/") for href in links if not href.startswith("#"))


def test_an_excerpt_stops_at_forty_words_or_eighty_chinese_characters(tmp_path: Path) -> None:
    """A Chinese paragraph has no spaces: counted in words, a whole body was its excerpt (a reader's review)."""
    chinese = "中国外交部发言人毛宁在例行记者会上表示，中方敦促日方立即改正错误、收回错误言论。" * 6
    english = " ".join(f"word{n}" for n in range(50))
    article = "---\ntitle: {title}\nsource: s\ndate: 2025-06-27\nbriefing: b\nlanguage: {language}\n---\n{body}\n"
    content = write_files(
        tmp_path / "content",
        {
            "sources/s.yaml": "name: S\n",
            "briefings/b.md": "---\ntitle: B\ndate: 2025-06-27\n---\n",
            "articles/zh.md": article.format(title="中文", language="zh", body=chinese),
            "articles/en.md": article.format(title="English", language="en", body=english),
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    page = parse(tmp_path / "site" / "briefings" / "b" / "index.html")
    excerpts = {li.h3.get_text(strip=True): li.select_one("p.excerpt").get_text() for li in page.select("li.card")}
    shown = excerpts["中文"].removesuffix(" …")
    assert excerpts["中文"].endswith(" …") and chinese.startswith(shown)
    assert len(re.findall(r"[\u3400-\u9fff]", shown)) == 80  # punctuation aside
    assert excerpts["English"] == " ".join(f"word{n}" for n in range(40)) + " …"
