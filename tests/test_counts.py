"""Every count on every page agrees with the content, counted here from the content files themselves."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import CONTENT, build_ok, parse, write_files

SOURCES = {"wire": "name: Wire\n", "daily": "name: Daily\n", "quiet": "name: Quiet\n"}
BRIEFINGS = {
    "b1": "---\ntitle: First briefing\ndate: 2024-12-30\ntags: [Trade, United Nations]\n---\n",
    "b2": "---\ntitle: Second briefing\ndate: 2025-01-02\ntags: [budget]\n---\n",
    "b3": "---\ntitle: Uncovered briefing\ndate: 2025-02-01\n---\n",
}
ARTICLES = {  # slug -> (source, date, briefing, tags, draft)
    "w1": ("wire", "2024-12-31", "b1", "[trade, Apple]", False),
    "w2": ("wire", "2025-01-01T09:00:00", "b1", "[Trade]", False),
    "d1": ("daily", "2025-01-02T10:00:00+08:00", "b1", "[apple, zebra]", False),
    "d2": ("daily", "2025-01-03", "b2", "[Budget]", False),
    "d3": ("daily", "2025-01-04", "", "[Zebra]", False),
    "w3": ("wire", "2025-01-05", "b2", "[budget]", True),
}


def article_file(source: str, date: str, briefing: str, tags: str, draft: bool) -> str:
    lines = [f"title: Story {source} {date}", f"source: {source}", f"date: {date}", f"tags: {tags}"]
    lines += [f"briefing: {briefing}"] if briefing else []
    lines += ["draft: true"] if draft else []
    return "---\n" + "\n".join(lines) + "\n---\nText.\n"


@dataclass
class Expected:
    """What the content says, counted without the build's code."""

    titles: dict[str, str] = field(default_factory=dict)  # briefing id -> title
    sources: dict[str, str] = field(default_factory=dict)  # source id -> name
    articles: list[dict[str, object]] = field(default_factory=list)  # published articles' front matter
    briefing_tags: dict[str, list[str]] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)  # briefing id -> its date as written

    def coverage(self, briefing: str) -> list[dict[str, object]]:
        return [a for a in self.articles if a.get("briefing") == briefing]


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yaml", ".yml"):
        return dict(yaml.safe_load(text))
    return dict(yaml.safe_load(text.split("---\n")[1]))


def read_content(root: Path) -> Expected:
    expected = Expected()
    for path in sorted((root / "sources").glob("*.yaml")):
        expected.sources[path.stem] = str(front_matter(path)["name"])
    for path in sorted((root / "briefings").glob("*.md")):
        data = front_matter(path)
        expected.titles[path.stem] = str(data["title"])
        expected.dates[path.stem] = str(data["date"])
        expected.briefing_tags[path.stem] = list(data.get("tags") or [])  # type: ignore[call-overload]
    for path in sorted((root / "articles").rglob("*.md")):
        data = front_matter(path)
        if not data.get("draft"):
            expected.articles.append(data)
    return expected


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@pytest.fixture(scope="module", params=["made", "bundled"])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Expected]:
    root = tmp_path_factory.mktemp("counts")
    if request.param == "bundled":
        content = CONTENT
    else:
        files = {f"sources/{k}.yaml": v for k, v in SOURCES.items()}
        files |= {f"briefings/{k}.md": v for k, v in BRIEFINGS.items()}
        files |= {f"articles/{k}.md": article_file(*v) for k, v in ARTICLES.items()}
        content = write_files(root / "content", files)
    build_ok("--content", content, "--out", root / "site", "--no-search")
    return root / "site", read_content(content)


def rows(page: BeautifulSoup) -> dict[str, str]:
    """Briefing lists: title -> the counts written beside it."""
    return {
        li.a.get_text(): li.select_one(".meta").get_text().split(" · ")[-1] for li in page.select("ol.briefings li")
    }


def test_home_and_briefing_lists_count_articles_and_outlets(built: tuple[Path, Expected]) -> None:
    site, expected = built
    home = parse(site / "index.html")
    outlets = {len({a["source"] for a in expected.coverage(b)}) for b in expected.titles}
    assert outlets  # the lists below say something
    counts = " ".join(home.select_one("p.counts").get_text().split())
    assert counts.startswith(
        f"{plural(len(expected.titles), 'briefing')}, {plural(len(expected.articles), 'article')} "
        f"from {plural(len({a['source'] for a in expected.articles}), 'source')}."  # (those with an article)
    )
    for page in (home, parse(site / "briefings" / "index.html")):
        assert rows(page) == {
            title: f"{plural(len(expected.coverage(b)), 'article')} from "
            f"{plural(len({a['source'] for a in expected.coverage(b)}), 'outlet')}"
            for b, title in expected.titles.items()
        }


def test_briefing_pages_count_their_coverage(built: tuple[Path, Expected]) -> None:
    site, expected = built
    for briefing in expected.titles:
        page = parse(site / "briefings" / briefing / "index.html")
        n = len(expected.coverage(briefing))
        assert page.find(id="coverage").get_text() == f"Coverage ({n})"
        assert len(page.find(id="coverage").parent.select("li.card")) == n


def test_source_pages_count_their_own_articles(built: tuple[Path, Expected]) -> None:
    site, expected = built
    table = parse(site / "sources" / "index.html")
    listed = {tr.a.get_text(): int(tr.find_all("td")[-1].get_text()) for tr in table.select("tbody tr")}
    mine = Counter(str(a["source"]) for a in expected.articles)
    assert listed == {name: mine[s] for s, name in expected.sources.items() if mine[s]}
    # a source with no article published is named under the table, not counted as a row of zero
    idle = [name for s, name in expected.sources.items() if not mine[s]]
    below = table.select_one("main table + p")
    assert ([a.get_text() for a in below.select("a")] if below else []) == idle
    for source in expected.sources:
        page = parse(site / "sources" / source / "index.html")
        assert page.find(id="all-articles").get_text() == f"Articles ({mine[source]})"
        covered = {str(a["briefing"]) for a in expected.articles if a["source"] == source and a.get("briefing")}
        assert rows(page) == {
            expected.titles[b]: f"{plural(len(expected.coverage(b)), 'article')} in all, "
            f"{sum(a['source'] == source for a in expected.coverage(b))} from this source"
            for b in covered
        }


def test_the_tag_index_counts_briefings_and_articles_and_sorts_without_case(built: tuple[Path, Expected]) -> None:
    site, expected = built
    articles: dict[str, set[int]] = defaultdict(set)
    briefings: dict[str, set[str]] = defaultdict(set)
    for n, article in enumerate(expected.articles):
        for tag in article.get("tags") or []:  # type: ignore[attr-defined]
            articles[tag.casefold()].add(n)
    for briefing, tags in expected.briefing_tags.items():
        for tag in tags:
            briefings[tag.casefold()].add(briefing)
    index = parse(site / "tags" / "index.html")
    shown = {
        li.a.get_text().casefold(): li.get_text().split(" (", 1)[1].rstrip(")") for li in index.select("ul.tags li")
    }
    names = [li.a.get_text() for li in index.select("ul.tags li")]
    assert names == sorted(names, key=str.casefold)
    wanted = {}
    for tag in articles.keys() | briefings.keys():
        parts = [plural(len(briefings[tag]), "briefing")] if briefings[tag] else []
        parts += [plural(len(articles[tag]), "article")] if articles[tag] or not briefings[tag] else []
        wanted[tag] = ", ".join(parts)
    assert shown == wanted
    for li in index.select("ul.tags li"):
        page = parse(site / li.a["href"].lstrip("/") / "index.html")
        tag = li.a.get_text().casefold()
        assert page.find(id="tag-articles").get_text() == f"Articles ({len(articles[tag])})"
        assert len(page.select("#tag-briefings ~ ol.briefings li")) == len(briefings[tag])


def holds(briefings: int, articles: int) -> str:
    parts = [plural(briefings, "briefing")] if briefings else []
    return ", ".join(parts + ([plural(articles, "article")] if articles or not briefings else []))


def test_the_archive_counts_briefings_and_articles_by_year_and_month(built: tuple[Path, Expected]) -> None:
    site, expected = built
    articles = Counter(str(a["date"])[:7] for a in expected.articles)
    briefings = Counter(date[:7] for date in expected.dates.values())
    archive = parse(site / "archive" / "index.html")
    shown = {
        li.a.get_text(): li.contents[1].strip() if li.ul else li.get_text().split(" ", 2)[-1]
        for li in archive.select("ul.archive li")
    }
    wanted = {}
    for year in {m[:4] for m in articles | briefings}:
        in_year = [m for m in articles | briefings if m.startswith(year)]
        wanted[year] = f"({holds(sum(briefings[m] for m in in_year), sum(articles[m] for m in in_year))})"
    for month in articles | briefings:
        name = f"{MONTHS[int(month[5:]) - 1]} {month[:4]}"
        wanted[name] = f"({holds(briefings[month], articles[month])})"
        page = parse(site / "archive" / month[:4] / month[5:] / "index.html")
        assert len(page.select("#month-briefings ~ ol.briefings li")) == briefings[month]
        assert page.find(id="month-articles").get_text() == f"Articles ({articles[month]})"
    assert shown == wanted


MONTHS = "January February March April May June July August September October November December".split()
