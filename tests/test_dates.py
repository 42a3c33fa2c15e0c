"""Machine-readable dates are never more precise than the content; people read one format everywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import build_ok, parse, write_files

# slug -> the date as the content writes it, and what it knows
DATES = {
    "day": ("2025-11-03", "date"),
    "local": ("2025-11-04T08:17:04", "local"),
    "offset": ("2025-11-05T09:30:00+08:00", "offset"),
}
BRIEFING = "---\ntitle: A briefing\ndate: 2025-11-03\n---\nSummary.\n"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


def precision(value: str) -> str:
    """What a machine-readable date claims to know."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "date"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?", value):
        return "local"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})", value), value
    return "offset"


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dates")
    files = {"sources/wire.yaml": "name: Wire\n", "briefings/b.md": BRIEFING}
    for slug, (written, _) in DATES.items():
        files[f"articles/{slug}.md"] = (
            f"---\ntitle: Story {slug}\nsource: wire\ndate: {written}\nbriefing: b\n---\nText.\n"
        )
    write_files(root / "content", files)
    out = root / "site"
    build_ok("--content", root / "content", "--out", out, "--base-url", "https://example.org/", "--no-search")
    return out


def json_ld_dates(data: object) -> list[str]:
    """Every date-valued property (datePublished, startDate, ...) anywhere in a JSON-LD object."""
    if isinstance(data, dict):
        found = [v for k, v in data.items() if isinstance(v, str) and re.match(r"date|startDate|endDate", k)]
        return found + [d for v in data.values() for d in json_ld_dates(v)]
    if isinstance(data, list):
        return [d for v in data for d in json_ld_dates(v)]
    return []


@pytest.mark.parametrize("slug", list(DATES))
def test_an_article_page_says_only_what_the_content_knows(dated_site: Path, slug: str) -> None:
    written, known = DATES[slug]
    page = parse(dated_site / "articles" / slug / "index.html")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert json_ld_dates(data) == [written]
    assert page.find("meta", property="article:published_time")["content"] == written
    assert precision(page.find("article").find("time")["datetime"]) == known


def test_every_json_ld_date_of_every_page_is_no_more_precise_than_the_content(dated_site: Path) -> None:
    known = {written for written, _ in DATES.values()} | {"2025-11-03"}
    seen = []
    for path in sorted(dated_site.rglob("*.html")):
        for script in parse(path).find_all("script", type="application/ld+json"):
            seen += json_ld_dates(json.loads(script.string))
    assert seen and set(seen) <= known


def test_the_sitemap_gives_a_local_time_as_its_date(dated_site: Path) -> None:
    root = ET.parse(dated_site / "sitemap.xml").getroot()
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}
    assert lastmod["https://example.org/articles/day/"] == "2025-11-03"
    assert lastmod["https://example.org/articles/local/"] == "2025-11-04"
    assert lastmod["https://example.org/articles/offset/"] == "2025-11-05T09:30:00+08:00"
    assert lastmod["https://example.org/briefings/b/"] == "2025-11-03"
    assert all(precision(v) != "local" for v in lastmod.values() if v)


def test_atom_writes_what_docs_site_md_says(dated_site: Path) -> None:
    """RFC 4287 requires a full date-time with an offset: a day is midnight UTC, a local time is read as UTC."""
    root = ET.parse(dated_site / "feeds" / "all.xml").getroot()
    published = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}published") for e in root.iter(f"{ATOM}entry")}
    assert published == {
        "Story day": "2025-11-03T00:00:00Z",
        "Story local": "2025-11-04T08:17:04Z",
        "Story offset": "2025-11-05T09:30:00+08:00",
    }
    docs = (Path(__file__).resolve().parent.parent / "docs" / "site.md").read_text(encoding="utf-8")
    assert "| `2025-12-10T00:00:00Z` | `2025-12-10T08:17:04Z` |" in docs


def test_search_results_show_dates_as_the_pages_do(dated_site: Path) -> None:
    briefing = parse(dated_site / "briefings" / "b" / "index.html")
    assert briefing.find(attrs={"data-pagefind-meta": "date"}).string == "3 November 2025"
    article = parse(dated_site / "articles" / "offset" / "index.html")
    shown = article.find("time").string
    assert article.find(attrs={"data-pagefind-meta": "date"}).string == shown == "5 November 2025, 09:30 UTC+08:00"
