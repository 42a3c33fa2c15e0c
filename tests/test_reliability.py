"""Reliability: no silent wrong output, no crash, no unbounded leftovers (issue 19).

Each test changes real files the way a tool or a person would (rsync -t, tar, a
restore, a hand edit in site/, a second build) and checks the build either gives
exactly what a build without the cache gives, or stops with a clear error.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import ROOT, tree_bytes, write_files

from pressarchive.pipeline import BuildConfig, build
from pressarchive.stamps import RACY_NS

SOURCE = "name: Wire\n"
BRIEFING = "---\ntitle: Budget briefing\ndate: 2025-01-02\n---\nSummary.\n"


def article(title: str = "A story", body: str = "Body text.\n", extra: str = "") -> str:
    return f"---\ntitle: {title}\nsource: wire\ndate: 2025-01-03\nbriefing: budget\n{extra}---\n{body}"


def small_site(root: Path, articles: dict[str, str] | None = None) -> Path:
    files: dict[str, str | bytes] = {"sources/wire.yaml": SOURCE, "briefings/budget.md": BRIEFING}
    for name, text in (articles or {"one.md": article("First"), "two.md": article("Second")}).items():
        files[f"articles/{name}"] = text
    return write_files(root / "content", files)


def config(root: Path, search: bool = False, **options: object) -> BuildConfig:
    return BuildConfig(
        content=root / "content",
        out=root / "site",
        cache=root / "cache" / "build.sqlite",
        search=search,
        **options,  # type: ignore[arg-type]
    )


def clean_build(root: Path, warm: BuildConfig) -> dict[str, bytes]:
    """The site a build without any cache gives for the same content (search files left out)."""
    out = root / "clean" / "site"
    build(BuildConfig(content=warm.content, out=out, cache=None, search=False))
    return tree_bytes(out)


def pages(tree: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in tree.items() if not path.startswith("pagefind/")}


def edit_keeping_size_and_mtime(path: Path, old: bytes, new: bytes) -> None:
    """Change bytes in place, same length, then put the modification time back (touch -r, rsync -t, tar)."""
    assert len(old) == len(new)
    status = path.stat()
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (status.st_size, status.st_mtime_ns)


def past_the_racy_window() -> None:
    """Let the file system's clock move on, so that stamps alone decide (no digest check)."""
    time.sleep(RACY_NS / 1e9 + 0.1)


# 1. Stale cache -----------------------------------------------------------------


@pytest.mark.parametrize("wait", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["racy", "settled"])
def test_an_edit_that_keeps_size_and_mtime_is_rebuilt(wait: bool, tmp_path: Path) -> None:
    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    if wait:
        past_the_racy_window()
    edit_keeping_size_and_mtime(tmp_path / "content/articles/one.md", b"Body text.", b"Edit text.")
    build(warm)
    assert b"Edit text." in (tmp_path / "site/articles/one/index.html").read_bytes()
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


@pytest.mark.slow
def test_a_record_is_not_reused_when_size_and_mtime_are_kept(tmp_path: Path) -> None:
    """With another file changed (so the build runs), the edited file's cached record must not be reused."""
    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    past_the_racy_window()
    edit_keeping_size_and_mtime(tmp_path / "content/articles/one.md", b"title: First", b"title: Fixed")
    (tmp_path / "content/articles/two.md").write_text(article("Second, longer"))
    build(warm)
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


@pytest.mark.parametrize("wait", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["racy", "settled"])
def test_a_template_edit_that_keeps_size_and_mtime_is_rebuilt(wait: bool, tmp_path: Path) -> None:
    small_site(tmp_path)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    warm = config(tmp_path, templates=tmp_path / "templates")
    build(warm)
    if wait:
        past_the_racy_window()
    edit_keeping_size_and_mtime(tmp_path / "templates/base.html", b"<html", b"<HTML")
    build(warm)
    assert (tmp_path / "site/index.html").read_bytes().count(b"<HTML") == 1


@pytest.mark.slow
def test_a_hand_edit_in_the_site_that_keeps_size_and_mtime_is_repaired(tmp_path: Path) -> None:
    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    past_the_racy_window()
    for folder in (warm.out, tmp_path / ".site-spare"):
        edit_keeping_size_and_mtime(folder / "articles/one/index.html", b"<h1", b"<h2")
    notes: list[str] = []
    build(warm, progress=notes.append)
    assert not any(n.startswith("nothing changed") for n in notes)
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)
    (tmp_path / "content/articles/two.md").write_text(article("Second, edited"))
    build(warm)  # now staged into the spare folder: its tampered copy must not be kept
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


# 2. Published search files are not the cache's ------------------------------------


@pytest.mark.slow
def test_editing_a_published_search_file_leaves_the_cache_intact(tmp_path: Path) -> None:
    small_site(tmp_path)
    warm = config(tmp_path, search=True)
    build(warm)
    cached = tree_bytes(tmp_path / "cache" / "search")
    published = tree_bytes(warm.out / "pagefind")
    for path in published:
        with open(warm.out / "pagefind" / path, "ab") as file:
            file.write(b"tampered")
    assert tree_bytes(tmp_path / "cache" / "search") == cached
    build(warm)
    assert tree_bytes(warm.out / "pagefind") == published
    assert all(p.stat().st_nlink == 1 for p in warm.out.rglob("*") if p.is_file())
