"""The site's size against its host's limit (GitHub Pages: 1 GB), checked by every build that writes.

Real builds of the bundled archive with the real CLI; the limit is set with --size-limit around the
size the site really has, measured from the files on disk.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import CONTENT, build_ok, run_build, tree_bytes

from pressarchive.site_size import PAGES_LIMIT


def site_bytes(folder: Path) -> int:
    return sum(len(data) for data in tree_bytes(folder).values())


def build(tmp_path: Path, *options: str) -> tuple[int, str, str]:
    result = run_build("build", "--content", CONTENT, "--out", tmp_path / "site", "--no-search", *options)
    return result.returncode, result.stdout, result.stderr


def test_every_build_says_the_size_of_the_site_it_publishes(tmp_path: Path) -> None:
    code, out, err = build(tmp_path)
    assert code == 0, err
    said = re.search(r"site size ([\d.,]+) MB \(([\d.,]+) KB per article\)", out + err)
    assert said is not None, out + err
    assert float(said[1]) == round(site_bytes(tmp_path / "site") / 1e6, 1)
    articles = len(list((tmp_path / "site" / "articles").glob("*/index.html")))
    assert float(said[2]) == round(site_bytes(tmp_path / "site") / articles / 1e3, 1)
    assert "its host publishes" not in err  # far below GitHub Pages' 1 GB
    assert PAGES_LIMIT == 1_000_000_000


def test_a_site_near_the_limit_is_warned_with_the_articles_left(tmp_path: Path) -> None:
    build_ok("build", "--content", CONTENT, "--out", tmp_path / "site", "--no-search")
    size = site_bytes(tmp_path / "site")
    limit = size / 0.95 / 1e6  # the site is 95% of it
    code, _, err = build(tmp_path, "--size-limit", f"{limit:.6f}")
    assert code == 0, err
    assert re.search(r"Warning: the site is [\d.]+ MB, 95% of the [\d.]+ MB its host publishes", err), err
    assert "more articles at its" in err and "docs/multi-site.md" in err
    code, _, again = build(tmp_path, "--size-limit", f"{limit:.6f}")  # nothing to do: said again
    assert code == 0 and "95% of the" in again


def test_a_site_over_the_limit_is_warned_and_with_strict_refused_leaving_the_site(tmp_path: Path) -> None:
    build_ok("build", "--content", CONTENT, "--out", tmp_path / "site", "--no-search")
    before = tree_bytes(tmp_path / "site")
    limit = site_bytes(tmp_path / "site") / 2 / 1e6
    code, _, err = build(tmp_path, "--size-limit", f"{limit:.6f}", "--base-url", "/REPO/")
    assert code == 0, err
    assert "over the" in err and "GitHub Pages refuses" not in err  # (said only at its own 1 GB limit)
    rebuilt = tree_bytes(tmp_path / "site")
    assert rebuilt != before  # the warning does not stop the build
    code, _, err = build(tmp_path, "--size-limit", f"{limit:.6f}", "--strict")
    assert code == 1
    assert "\nError: the site is" in err and "the previous site is unchanged" in err, err
    assert "Traceback" not in err
    assert tree_bytes(tmp_path / "site") == rebuilt


def test_no_check_with_a_limit_of_zero_and_a_clear_error_for_a_bad_limit(tmp_path: Path) -> None:
    code, _, err = build(tmp_path, "--size-limit", "0", "--strict")
    assert code == 0, err
    for bad in ("-1", "lots", "nan", "inf"):
        code, _, err = build(tmp_path, "--size-limit", bad)
        assert code == 2
        assert f"argument --size-limit: '{bad}' is not a size in megabytes (0 or more)" in err
