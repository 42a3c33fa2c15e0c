"""The search index in shards merged into one bundle: it answers as one Pagefind bundle over the whole
site does (same results, counts and order), in Chromium, and only changed shards are indexed again."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve_folder, write_files
from playwright.sync_api import Browser, Page, expect

from pressarchive.pipeline import BuildConfig, build

pytestmark = pytest.mark.slow

YEARS = (2023, 2024, 2025)


def archive(root: Path) -> Path:
    files = {"sources/wire.yaml": "name: Wire\n", "sources/post.yaml": "name: Post\n"}
    for year in YEARS:
        files[f"briefings/talks-{year}.md"] = f"---\ntitle: Harbour talks {year}\ndate: {year}-03-01\n---\n"
        for day, source in (("03-05", "wire"), ("09-20", "post")):
            files[f"articles/{year}/{source}-{year}.md"] = (
                f"---\ntitle: Harbour report {year} by {source}\nsource: {source}\ndate: {year}-{day}\n"
                f"briefing: talks-{year}\n---\nThe harbour reopened in {year}, said the {source}. {EXTRA[year, source]}\n"
            )
    return write_files(root / "content", files)


# Words that only some pages hold: a name in one page of one shard, words of two shards, a longer
# word that starts with a word other shards hold (Pagefind completes and shortens absent words per index).
EXTRA = {
    (2023, "wire"): "Ferries and storm warnings.",
    (2023, "post"): "A storm closed the port.",
    (2024, "wire"): "The harbourmaster Okonkwo spoke of the lighthouse.",
    (2024, "post"): "Ferries ran again.",
    (2025, "wire"): "Storm damage was repaired at the lighthouse.",
    (2025, "post"): "Ferries ran again after the storm, ferries full.",
}


def config(root: Path, shard_pages: int = 2000) -> BuildConfig:
    return BuildConfig(
        content=root / "content",
        out=root / "site",
        cache=root / "cache" / "build.sqlite",
        search_shard_pages=shard_pages,
    )


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sharded")
    archive(root)
    notes: list[str] = []
    build(config(root, shard_pages=2), progress=notes.append)  # two pages a shard: six shards
    assert "indexing 6 of 6 search shards: 2023-1of2, 2023-2of2, 2024-1of2, 2024-2of2, 2025-1of2, 2025-2of2" in notes
    # One Pagefind bundle over the same pages, for reference (not published: beside the site).
    command = [sys.executable, "-m", "pagefind", "--site", str(root / "site"), "--output-path"]
    subprocess.run([*command, str(root / "site" / "__single__")], check=True, capture_output=True)
    return root


@pytest.fixture(scope="module")
def sharded_url(sharded: Path) -> Iterator[str]:
    yield from serve_folder(sharded / "site", "/")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_the_shards_are_published_as_one_bundle(sharded: Path) -> None:
    bundle = sharded / "site" / "pagefind"
    assert not (bundle / "shards").exists() and not (bundle / "shards.json").exists()
    assert len(list(bundle.glob("*.pf_meta"))) == 1  # one language, one index
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert len(list((bundle / "fragment").iterdir())) == 9  # six articles and three briefings
    assert json.loads((bundle / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"] == 9


SEARCH = """async ([bundle, term]) => {
  const pagefind = await import(bundle + 'pagefind.js');
  await pagefind.options({baseUrl: '/'});
  await pagefind.init();
  const found = await pagefind.search(term);
  const urls = await Promise.all(found.results.map(async r => (await r.data()).url));
  return urls.map((url, i) => [url, found.results[i].score]);
}"""


def answers(page: Page, url: str, bundle: str, term: str) -> list[tuple[str, float]]:
    page.goto(url + "search/")
    return [(found, round(score, 4)) for found, score in page.evaluate(SEARCH, [url + bundle, term])]


@pytest.mark.parametrize(
    "term", ["harbour", "storm", "ferries", "lighthouse", "harbour storm", "ferries storm", "light", "reopen", "2024"]
)
def test_answers_and_scores_are_those_of_one_bundle(page: Page, sharded_url: str, term: str) -> None:
    merged = answers(page, sharded_url, "pagefind/", term)
    single = answers(page, sharded_url, "__single__/", term)
    assert merged and sorted(merged) == sorted(single)  # same pages, each with the same score
    assert [score for _, score in merged] == sorted((score for _, score in merged), reverse=True)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Okonkwo", ["Harbour report 2024 by wire"]),  # one page of one shard
        ("harbourmaster", ["Harbour report 2024 by wire"]),  # other shards hold only "harbour"
        ("lighthouse", ["Harbour report 2025 by wire", "Harbour report 2024 by wire"]),
        ("storm ferries", ["Harbour report 2025 by post", "Harbour report 2023 by wire"]),  # both words: AND
    ],
)
def test_a_word_finds_exactly_its_pages(page: Page, sharded_url: str, term: str, expected: list[str]) -> None:
    page.goto(sharded_url + "search/?q=" + term.replace(" ", "+"))
    count = f"{len(expected)} result{'s' if len(expected) > 1 else ''} for “{term}”"
    expect(page.locator("#search-status")).to_contain_text(count)
    assert sorted(page.locator("#search-results > li h2").all_inner_texts()) == sorted(expected)


def dates(page: Page) -> list[str]:
    return page.locator("#search-results > li .meta").all_inner_texts()


def test_one_search_finds_pages_of_every_shard(page: Page, sharded_url: str) -> None:
    page.goto(sharded_url + "search/?q=harbour")
    expect(page.locator("#search-status")).to_contain_text("9 results for “harbour”")
    for year in YEARS:
        expect(page.locator("#search-results > li", has_text=f"Harbour report {year} by wire")).to_have_count(1)


def test_filters_cover_every_shard(page: Page, sharded_url: str) -> None:
    page.goto(sharded_url + "search/?q=harbour")
    expect(page.locator("#search-status")).to_contain_text("9 results")
    page.click("#search-filter-panel summary")
    page.locator("#search-filters input[data-filter='source'][value='Post']").check()
    expect(page.locator("#search-status")).to_contain_text("3 results")
    assert all(text.startswith("Post") for text in dates(page))


def test_newest_first_runs_across_shards(page: Page, sharded_url: str) -> None:
    page.goto(sharded_url + "search/?q=harbour&sort=newest")
    expect(page.locator("#search-status")).to_contain_text("9 results")
    titles = page.locator("#search-results > li h2").all_inner_texts()
    expected = [f"Harbour {kind} {year}" for year in reversed(YEARS) for kind in ("report", "report", "talks")]
    assert [" ".join(t.split()[:3]) for t in titles] == expected, titles
    years = [int(t.split()[2]) for t in titles]
    assert years == sorted(years, reverse=True)
    # Within a year: 20 September (post), 5 March (wire), the briefing of 1 March.
    assert [t.split()[-1] for t in titles[:2]] == ["post", "wire"]


def test_editing_one_article_indexes_only_its_shard_again(tmp_path: Path) -> None:
    content = archive(tmp_path)
    build(config(tmp_path))
    fragments = tmp_path / "site" / "pagefind" / "fragment"
    before = {p: p.read_bytes() for p in fragments.rglob("*") if p.is_file()}
    meta = {p.name: p.read_bytes() for p in (tmp_path / "site" / "pagefind").glob("*.pf_meta")}
    article = content / "articles" / "2025" / "wire-2025.md"
    article.write_text(article.read_text().replace("reopened", "reopened after the storm"))
    notes: list[str] = []
    build(config(tmp_path), progress=notes.append)
    assert "indexing 1 of 3 search shards: 2025" in notes
    assert "merged 3 search shards into one index" in " ".join(notes)
    after = {p: p.read_bytes() for p in fragments.rglob("*") if p.is_file()}
    # One page's fragment changed (a new name); the other eight are the same files.
    assert len(after) == len(before) and len(set(after) & set(before)) == 8
    assert all(after[p] == before[p] for p in set(after) & set(before))
    assert {p.name: p.read_bytes() for p in (tmp_path / "site" / "pagefind").glob("*.pf_meta")} != meta
    notes.clear()
    build(config(tmp_path), progress=notes.append)
    assert any(n.startswith("nothing changed") for n in notes)


def test_sharded_builds_are_byte_identical(tmp_path: Path) -> None:
    archive(tmp_path)
    build(config(tmp_path))
    first = {p.relative_to(tmp_path / "site"): p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    clean = BuildConfig(content=tmp_path / "content", out=tmp_path / "again", cache=None)
    build(clean)
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*") if p.is_file()}
    assert first == second
