"""The merged bundle holds what one Pagefind bundle over the same pages holds: each word's pages with
their locations, each filter's pages, each sort order. Read from the files, so a Pagefind release
that changes its format fails here (the version is pinned in requirements.txt)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import write_files

from pressarchive.pagefind_canon import cbor_loads, read_payload
from pressarchive.pipeline import BuildConfig, build

pytestmark = pytest.mark.slow


def archive(root: Path) -> Path:
    """Three years, a Chinese article, words with diacritics (Pagefind keeps them as variants of a word),
    a shard of briefings only (its pages have other metadata fields than articles)."""
    files = {"sources/wire.yaml": "name: Wire\n", "sources/post.yaml": "name: Post\n"}
    for year in (2023, 2024, 2025):
        files[f"briefings/talks-{year}.md"] = f"---\ntitle: Harbour talks {year}\ndate: {year}-01-01\n---\nThe café.\n"
        for day, source in (("07-05", "wire"), ("09-20", "post")):
            files[f"articles/{source}-{year}.md"] = (
                f"---\ntitle: Harbour report {year} by {source}\nsource: {source}\ndate: {year}-{day}\n"
                f"briefing: talks-{year}\n---\nThe harbour reopened in {year}; the cafe and the café, naïve résumé.\n"
            )
    files["articles/zh.md"] = (
        "---\ntitle: 外交部发言人主持例行记者会\nsource: wire\ndate: 2024-06-06\nlanguage: zh\n---\n外交部 人权 发展。\n"
    )
    return write_files(root / "content", files)


def bundle_data(bundle: Path) -> dict[str, Any]:
    """Everything a search reads from a bundle, with pages named by URL instead of number."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    data: dict[str, Any] = {}
    for lang, info in entry["languages"].items():
        meta = cbor_loads(read_payload(bundle / f"pagefind.{info['hash']}.pf_meta"))
        urls = [json.loads(read_payload(bundle / "fragment" / f"{h}.pf_fragment"))["url"] for h, _ in meta[1]]
        fields = meta[5]

        def entries(packed: list[Any], urls: list[str] = urls, fields: list[str] = fields) -> list[Any]:
            page, found = 0, []
            for delta, locations, meta_locations in packed:
                page += delta
                named = [fields[-n - 1] if n < 0 else n for n in meta_locations]
                found.append((urls[page], locations, named))
            return sorted(found)

        words = {}
        for _, _, chunk in meta[2]:
            (packed,) = cbor_loads(read_payload(bundle / "index" / f"{chunk}.pf_index"))
            for word, pages, variants in packed:
                words[word] = (entries(pages), sorted((v, entries(e)) for v, e in variants))
        filters = {}
        for name, file in meta[3]:
            _, values = cbor_loads(read_payload(bundle / "filter" / f"{file}.pf_filter"))
            filters[name] = {value: sorted(urls[p] for p in pages) for value, pages in values}
        data[lang] = {
            "pages": sorted((urls[i], count) for i, (_, count) in enumerate(meta[1])),
            "words": words,
            "filters": filters,
            "sorts": {key: [urls[p] for p in pages] for key, pages in meta[4]},
            "page_count": info["page_count"],
        }
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("merge")
    archive(root)
    config = BuildConfig(content=root / "content", out=root / "site", cache=root / "cache.sqlite", search_shard_pages=2)
    notes: list[str] = []
    build(config, progress=notes.append)
    assert any(note.startswith("merged 6 search shards") for note in notes), notes
    command = [sys.executable, "-m", "pagefind", "--site", str(root / "site"), "--output-path"]
    subprocess.run([*command, str(root / "single")], check=True, capture_output=True)
    return root


def test_the_merged_bundle_holds_what_one_bundle_holds(site: Path) -> None:
    merged, single = bundle_data(site / "site" / "pagefind"), bundle_data(site / "single")
    assert set(merged) == set(single) == {"en", "zh"}
    for lang in merged:
        assert merged[lang]["pages"] == single[lang]["pages"]
        assert merged[lang]["page_count"] == single[lang]["page_count"]
        assert merged[lang]["words"] == single[lang]["words"]
        assert merged[lang]["filters"] == single[lang]["filters"]
        assert merged[lang]["sorts"] == single[lang]["sorts"]  # no two pages share a date here


def test_the_words_include_variants_and_metadata(site: Path) -> None:
    words = bundle_data(site / "site" / "pagefind")["en"]["words"]
    assert [variant for variant, _ in words["cafe"][1]] == ["café"]  # the same word with its diacritics
    title_word = words["harbour"][0][0]
    assert "title" in title_word[2]  # found in the title metadata field too


def test_sort_order_is_by_date_across_shards(site: Path) -> None:
    order = bundle_data(site / "site" / "pagefind")["en"]["sorts"]["date"]
    expected = [
        f"/{kind}/{name}-{year}/"
        for year in (2023, 2024, 2025)
        for kind, name in (("briefings", "talks"), ("articles", "wire"), ("articles", "post"))
    ]
    assert order == expected
