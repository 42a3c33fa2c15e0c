"""The index stage and the search page's static HTML, on real builds with the real Pagefind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, build_ok, parse, run_build, tree_bytes

from pressarchive.cache import BuildCache
from pressarchive.errors import BuildError
from pressarchive.pages import SearchPlace
from pressarchive.produce import constant, linked
from pressarchive.search import SearchPage, index_search
from pressarchive.staging import Staging


def test_every_build_writes_a_pagefind_bundle(bundled_site: Path) -> None:
    entry = json.loads((bundled_site / "pagefind" / "pagefind-entry.json").read_text())
    # Two articles and one briefing: the only pages marked data-pagefind-body.
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == 3
    assert (bundled_site / "pagefind" / "pagefind.js").is_file()


def test_build_reports_indexing_time(tmp_path: Path) -> None:
    result = build_ok("--content", CONTENT, "--out", tmp_path / "site")
    assert "indexed for search in" in result.stderr


def test_no_search_skips_the_index(tmp_path: Path) -> None:
    build_ok("--content", CONTENT, "--out", tmp_path / "site", "--no-search")
    assert not (tmp_path / "site" / "pagefind").exists()


def test_pagefind_failure_fails_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_ok("--content", CONTENT, "--out", out)
    before = tree_bytes(out)
    # A shard Pagefind cannot index (it exits 1): its only page is not HTML.
    pages = [SearchPage("notes/index.txt", "key", SearchPlace(2025, 1, "2025-01-01"))]

    with pytest.raises(BuildError, match="search index: Pagefind failed on shard 2025"):
        with Staging(out, BuildCache(None)) as staging:
            staging.write({"notes/index.txt": constant(b"no HTML here")})
            files = index_search(pages, staging.folder, tmp_path / "bundles", "code")
            staging.write({path: linked(file) for path, file in files.items()})
            staging.swap()
    assert tree_bytes(out) == before
    assert not list(tmp_path.glob(".site-build-*"))
    assert not [p for p in (tmp_path / "bundles").iterdir() if p.is_dir()]  # no half bundle kept


def test_article_marks_only_its_text_for_indexing(bundled_site: Path) -> None:
    page = parse(bundled_site / "articles" / "chinese-mainland-to-power-up-global-human-rights" / "index.html")
    body = page.select_one("[data-pagefind-body]")
    assert body is not None and body.find("h1") is not None
    assert body.select_one(".provenance, .related, nav, footer") is None
    filters = {(el["data-pagefind-filter"], el.get_text()) for el in page.select("[data-pagefind-filter]")}
    assert {name for name, _ in filters} == {"source", "briefing", "tag", "language", "year", "type"}
    assert ("type", "Article") in filters and ("source", "Namaste Headlines") in filters
    metas = {el["data-pagefind-meta"] for el in page.select("[data-pagefind-meta]")}
    assert {"title", "source", "date", "briefing"} <= metas
    assert page.select_one("[data-pagefind-sort=date]").get_text().startswith("2025-12-11")


def test_briefing_is_indexed_as_its_own_type(bundled_site: Path) -> None:
    page = parse(bundled_site / "briefings" / "2025-12-10-mfa-regular-press-conference" / "index.html")
    body = page.select_one("[data-pagefind-body]")
    assert body.select_one(".cards") is None  # the coverage list is not indexed
    assert body.select_one("[data-pagefind-filter=type]").get_text() == "Briefing"
    assert body.select_one("[data-pagefind-sort=date]") is not None


def test_other_pages_are_not_indexed(bundled_site: Path) -> None:
    for rel in ["index.html", "sources/index.html", "briefings/index.html", "search/index.html", "404.html"]:
        assert parse(bundled_site / rel).select_one("[data-pagefind-body]") is None, rel


def test_search_page_without_javascript(bundled_site: Path) -> None:
    page = parse(bundled_site / "search" / "index.html")
    noscript = page.find("noscript")
    assert "Search needs JavaScript" in noscript.get_text()
    assert [a["href"] for a in noscript.find_all("a")] == ["/briefings/", "/sources/"]
    status = page.select_one("#search-status").get_text()
    assert status == "Search is loading…"  # advice to run `build.py serve` is for a page opened from a file (search.js)


def test_search_page_has_no_inline_script(bundled_site: Path) -> None:
    page = parse(bundled_site / "search" / "index.html")
    scripts = page.find_all("script")
    assert scripts and all(s.get("src") and not s.get_text().strip() for s in scripts)
    assert not page.find_all(attrs={"onload": True})


@pytest.mark.parametrize(("base", "prefix"), [("/", "/"), ("/REPO/", "/REPO/")])
def test_search_page_knows_its_bundle_path(tmp_path: Path, base: str, prefix: str) -> None:
    out = tmp_path / "site"
    build_ok("--content", CONTENT, "--out", out, "--base-url", base, "--no-search")
    root = parse(out / "search" / "index.html").select_one("#search")
    assert root["data-bundle-path"] == prefix + "pagefind/"
    assert root["data-base-url"] == prefix
    assert parse(out / "index.html").select_one("form.site-search")["action"] == prefix + "search/"


def test_search_script_is_copied(bundled_site: Path) -> None:
    assert (bundled_site / "static" / "search.js").read_bytes() == (
        ROOT / "templates" / "static" / "search.js"
    ).read_bytes()


def test_chinese_article_gets_its_own_index(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_ok("--content", Path(__file__).parent / "fixtures" / "chinese-site", "--out", out)
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "ja", "zh"}
    assert parse(out / "articles" / "zh-article" / "index.html").html["lang"] == "zh"


def test_failed_content_build_never_runs_pagefind(tmp_path: Path) -> None:
    result = run_build("--content", tmp_path / "missing", "--out", tmp_path / "site")
    assert result.returncode == 1 and "indexed for search" not in result.stderr


def test_the_table_of_chinese_variants_is_opencc_s() -> None:
    """templates/static/zh-variants.json is what scripts/zh_variants.py makes from the installed OpenCC."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "zh_variants.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout
