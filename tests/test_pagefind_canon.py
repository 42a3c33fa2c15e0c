"""pressarchive.pagefind_canon: a canonicalised Pagefind bundle is byte-identical across
runs, still names files the way Pagefind does, and still searches in Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import build_ok, serve_folder, tree_bytes, write_files
from playwright.sync_api import Browser

from pressarchive.pagefind_canon import canonicalize_bundle, cbor_dumps, cbor_loads, pagefind_hash, read_payload

pytestmark = pytest.mark.slow

SOURCES = {"alpha-news": "Alpha News", "beta-wire": "Beta Wire", "gamma-daily": "Gamma Daily"}
TAGS = [f"topic {letter}" for letter in "abcdefghijkl"]


def articles() -> list[dict]:
    """30 articles, 3 sources, 5 tags each (many multi-valued filters), 2 languages."""
    return [
        {
            "slug": f"a{i:02d}",
            "source": list(SOURCES)[i % 3],
            "language": "fr" if i % 2 else "en",
            "tags": [TAGS[(i + k) % len(TAGS)] for k in range(5)],
        }
        for i in range(30)
    ]


def write_content(root: Path) -> Path:
    files: dict[str, str | bytes] = {"site.yaml": "title: Canon test\nlanguage: en\n"}
    files.update({f"sources/{sid}.yaml": f"name: {name}\n" for sid, name in SOURCES.items()})
    for i, art in enumerate(articles()):
        tags = ", ".join(f'"{tag}"' for tag in art["tags"])
        files[f"articles/{art['slug']}.md"] = (
            f'---\ntitle: "Article {i} about word{i}"\nsource: {art["source"]}\n'
            f"date: 2025-{1 + i % 12:02d}-{1 + i:02d}\n"
            f"language: {art['language']}\ntags: [{tags}]\n---\nBody of article {i}: shared zebrafish text, word{i}.\n"
        )
    return write_files(root, files)


def index(site: Path) -> None:
    """Run Pagefind over a site built with --no-search, as pressarchive.search does."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_content(tmp_path_factory.mktemp("canon") / "content")


@pytest.fixture(scope="module")
def canonical_site(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("canon-site") / "site"
    build_ok("--content", content, "--out", site, "--no-search")
    index(site)
    canonicalize_bundle(site / "pagefind")
    return site


def test_two_runs_are_byte_identical_after_canonicalisation(
    content: Path, canonical_site: Path, tmp_path: Path
) -> None:
    raw, runs = [], []
    for name in ("one", "two"):
        site = tmp_path / name
        build_ok("--content", content, "--out", site, "--no-search")
        index(site)
        raw.append(tree_bytes(site))
        canonicalize_bundle(site / "pagefind")
        runs.append(tree_bytes(site))
    assert runs[0] == runs[1]
    assert runs[0] == tree_bytes(canonical_site)  # a third, separate run agrees too
    # Everything canonicalize_bundle does not touch is exactly what Pagefind wrote.
    untouched = {k: v for k, v in raw[0].items() if "/filter/" not in k and not k.endswith((".pf_meta", "entry.json"))}
    assert untouched.items() <= runs[0].items()
    # Idempotent: canonicalising a canonical bundle changes nothing.
    again = tmp_path / "again"
    shutil.copytree(canonical_site, again)
    canonicalize_bundle(again / "pagefind")
    assert tree_bytes(again) == tree_bytes(canonical_site)


def test_codec_and_names_match_pagefind(content: Path, canonical_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build_ok("--content", content, "--out", site, "--no-search")
    index(site)
    for bundle in (site / "pagefind", canonical_site / "pagefind"):
        files = sorted(p for p in bundle.rglob("*.pf_*"))
        assert len(files) > 40
        for path in files:
            payload = read_payload(path)
            # Pagefind's gzip header: no name, mtime 0, XFL 2, OS 255.
            assert path.read_bytes()[:10] == bytes.fromhex("1f8b08000000000002ff"), path
            # The name is the unpadded-hex SHA-1 prefix of the payload, as Pagefind computes it.
            short = path.stem.rsplit("_", 1)[1]
            assert pagefind_hash(payload, len(short)) == short, path
            if path.suffix != ".pf_fragment":  # fragments are JSON, the rest CBOR
                assert cbor_dumps(cbor_loads(payload)) == payload, path  # byte-for-byte round trip
    for path in (canonical_site / "pagefind" / "filter").iterdir():
        _, values = cbor_loads(read_payload(path))
        assert [v for v, _ in values] == sorted(v for v, _ in values)


def expected(languages: set[str]) -> tuple[dict[str, dict[str, int]], dict[str, list[str]]]:
    """Filter counts and per-tag result URLs over the articles in ``languages``."""
    chosen = [a for a in articles() if a["language"] in languages]
    tags = {t: sum(t in a["tags"] for a in chosen) for t in TAGS}
    sources = {name: sum(a["source"] == sid for a in chosen) for sid, name in SOURCES.items()}
    by_tag = {t: sorted(f"/articles/{a['slug']}/" for a in chosen if t in a["tags"]) for t in TAGS}
    return {"tag": {t: n for t, n in tags.items() if n}, "source": {s: n for s, n in sources.items() if n}}, by_tag


# Asked from article pages: /search/ runs the site's search.js, which imports the same
# pagefind.js and merges the other languages' indexes (mergeIndex) while we query, so
# answers there depend on timing. An article page searches its own language's index.
SEARCH_JS = """async (tags) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const filters = await pagefind.filters();
    const byTag = {};
    for (const tag of tags) {
        const found = await pagefind.search("zebrafish", {filters: {tag}});
        byTag[tag] = (await Promise.all(found.results.map(r => r.data()))).map(d => d.url).sort();
    }
    return {filters, byTag};
}"""


@pytest.fixture(scope="module")
def raw_site(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same content indexed by Pagefind and left as Pagefind wrote it."""
    site = tmp_path_factory.mktemp("canon-raw") / "site"
    build_ok("--content", content, "--out", site, "--no-search")
    index(site)
    return site


def ask(browser: Browser, site: Path, page_path: str) -> dict:
    for url in serve_folder(site, "/"):
        page = browser.new_page()
        try:
            page.goto(url + page_path)  # <html lang> picks the primary language's index
            return page.evaluate(SEARCH_JS, TAGS)
        finally:
            page.close()
    raise AssertionError("not served")


@pytest.mark.parametrize(("page_path", "language"), [("articles/a00/", "en"), ("articles/a01/", "fr")])
def test_search_works_after_canonicalisation(
    browser: Browser, canonical_site: Path, raw_site: Path, page_path: str, language: str
) -> None:
    result = ask(browser, canonical_site, page_path)
    filters, by_tag = expected({language})
    assert result["filters"]["tag"] == filters["tag"]  # every tag, with its count
    assert result["filters"]["source"] == filters["source"]
    assert result["byTag"] == by_tag  # the right pages for every tag filter
    # And exactly what the bundle answered before canonicalisation.
    assert ask(browser, raw_site, page_path) == result
