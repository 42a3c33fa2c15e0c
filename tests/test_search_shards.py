"""The search index in shards: one search across them in Chromium, and only changed shards indexed again."""

from __future__ import annotations

import json
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
        for day, source in ((5, "wire"), (20, "post")):
            files[f"articles/{year}/{source}-{year}.md"] = (
                f"---\ntitle: Harbour report {year} by {source}\nsource: {source}\ndate: {year}-03-{day:02d}\n"
                f"briefing: talks-{year}\n---\nThe harbour reopened in {year}, said the {source}.\n"
            )
    return write_files(root / "content", files)


def config(root: Path) -> BuildConfig:
    return BuildConfig(content=root / "content", out=root / "site", cache=root / "cache" / "build.sqlite")


@pytest.fixture(scope="module")
def sharded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sharded")
    archive(root)
    build(config(root))
    return root


@pytest.fixture(scope="module")
def sharded_url(sharded: Path) -> Iterator[str]:
    yield from serve_folder(sharded / "site", "/")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_each_year_is_a_shard_and_the_newest_is_the_primary_bundle(sharded: Path) -> None:
    bundle = sharded / "site" / "pagefind"
    listing = json.loads((bundle / "shards.json").read_text())
    assert listing["shards"] == ["shards/2024/", "shards/2023/"]
    assert [first[:10] for first, _ in listing["dates"]] == ["2025-03-01", "2024-03-01", "2023-03-01"]
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    for year in (2023, 2024):
        shard = bundle / "shards" / str(year)
        assert (shard / "pagefind-entry.json").is_file() and any(shard.glob("*.pf_meta"))
        assert not (shard / "pagefind.js").exists()  # code and WebAssembly come from the primary bundle
        assert len(list((shard / "fragment").iterdir())) == 3  # two articles and the briefing


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
    # Within a year: the 20th (post), the 5th (wire), the briefing of the 1st.
    assert [t.split()[-1] for t in titles[:2]] == ["post", "wire"]


def test_editing_one_article_indexes_only_its_shard_again(tmp_path: Path) -> None:
    content = archive(tmp_path)
    build(config(tmp_path))
    shards = tmp_path / "site" / "pagefind" / "shards"
    before = {p: p.read_bytes() for p in shards.rglob("*") if p.is_file()}
    primary = {p.name: p.read_bytes() for p in (tmp_path / "site" / "pagefind").glob("*.pf_meta")}
    article = content / "articles" / "2025" / "wire-2025.md"
    article.write_text(article.read_text().replace("reopened", "reopened after the storm"))
    notes: list[str] = []
    build(config(tmp_path), progress=notes.append)
    assert "indexing 1 of 3 search shards: 2025" in notes
    after = {p: p.read_bytes() for p in shards.rglob("*") if p.is_file()}
    assert after == before  # the same files, copied from the cache, not indexed again
    assert {p.name: p.read_bytes() for p in (tmp_path / "site" / "pagefind").glob("*.pf_meta")} != primary
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
