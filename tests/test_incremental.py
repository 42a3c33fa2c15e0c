"""Rebuilds with a warm build cache give exactly the site a clean build gives.

Every test builds a real synthetic archive on disk, changes it the way a curator
would, rebuilds with the cache, and compares the result byte for byte with a build
of the same content that has no cache at all (--no-cache: fresh folder, every page
rendered). A page key that missed a dependency would show up here as a stale page.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, corpus_article, replace_in, same_as_clean_build, tree_bytes

from pressarchive.bench import generate_corpus
from pressarchive.errors import BuildError
from pressarchive.pipeline import BuildConfig, build

pytestmark = pytest.mark.slow


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A 120-article synthetic archive with a site URL (so feeds and sitemap are built too) and its own templates."""
    content = tmp_path / "content"
    generate_corpus(content, 120, seed=7)
    (content / "site.yaml").write_text("title: Test Archive\nurl: https://example.org/archive/\n")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def warm(root: Path, **options: object) -> BuildConfig:
    return BuildConfig(
        content=root / "content",
        out=root / "site",
        templates=root / "templates",
        cache=root / "cache" / "build.sqlite",
        search=False,
        **options,  # type: ignore[arg-type]
    )


def assert_same_as_clean_build(root: Path, config: BuildConfig) -> None:
    assert same_as_clean_build(config, root / "clean" / "site")


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("an article's title", lambda r: replace_in(corpus_article(r, 5), r"^title: ", "title: Retitled ")),
    (
        "an article's body",
        lambda r: replace_in(corpus_article(r, 6), r"^---\n(?!title)", "---\nA new first paragraph.\n\n"),
    ),
    (
        "a source's name",
        lambda r: replace_in(r / "content/sources/source-03.yaml", r"^name: .*$", "name: Renamed Outlet"),
    ),
    (
        "a briefing's title",
        lambda r: replace_in(r / "content/briefings/briefing-000004.md", r"^title: .*$", "title: New"),
    ),
    (
        "a briefing's summary",
        lambda r: replace_in(r / "content/briefings/briefing-000005.md", r"^---\n(?!title)", "---\nSummary. "),
    ),
    (
        "a new article",
        lambda r: (
            corpus_article(r, 3)
            .with_name("added.md")
            .write_text(corpus_article(r, 3).read_text().replace("title:", "slug: added-article\ntitle: Added", 1))
        ),
    ),
    ("a deleted article", lambda r: corpus_article(r, 9).unlink()),
    ("an article's date", lambda r: replace_in(corpus_article(r, 10), r"^date: \d{4}", "date: 2003")),
    ("an article's tags", lambda r: replace_in(corpus_article(r, 11), r"^tags: \[", "tags: [brand-new-tag, ")),
    (
        "an article's briefing",
        lambda r: replace_in(corpus_article(r, 12), r"^briefing: .*$", "briefing: briefing-000001"),
    ),
    ("an article's source", lambda r: replace_in(corpus_article(r, 13), r"^source: .*$", "source: source-07")),
    ("an article made a draft", lambda r: replace_in(corpus_article(r, 14), r"^title: ", "draft: true\ntitle: ")),
    ("the site's title", lambda r: replace_in(r / "content/site.yaml", r"^title: .*$", "title: Renamed Archive")),
    (
        "a template",
        lambda r: replace_in(r / "templates/_macros.html", r"<ol class=\"cards\">", '<ol class="cards" data-x>'),
    ),
    ("a new source file", lambda r: (r / "content/sources/source-99.yaml").write_text("name: Newcomer\n")),
]


def test_every_kind_of_edit_rebuilds_to_the_clean_build(archive: Path) -> None:
    config = warm(archive)
    build(config)
    for name, edit in EDITS:
        edit(archive)
        result = build(config)
        assert result.changed > 0, name
        try:
            assert_same_as_clean_build(archive, config)
        except AssertionError:
            pytest.fail(f"after editing {name}, the rebuild differs from a clean build")


def test_edit_one_article_rewrites_only_the_pages_that_show_it(archive: Path) -> None:
    config = warm(archive)
    build(config)
    build(config)
    before = {p: p.stat().st_mtime_ns for p in config.out.rglob("*") if p.is_file()}
    replace_in(corpus_article(archive, 20), r"^title: ", "title: Retitled ")
    result = build(config)
    after = {p: p.stat().st_mtime_ns for p in config.out.rglob("*") if p.is_file()}
    rewritten = sorted(p.relative_to(config.out).as_posix() for p in after if after[p] != before.get(p))
    assert 0 < result.changed == len(rewritten) < 40
    assert any(p.startswith("articles/") for p in rewritten)
    assert "search/index.html" not in rewritten and "static/style.css" not in rewritten
    assert_same_as_clean_build(archive, config)


def test_no_op_rebuild_stops_early_and_leaves_every_file_alone(archive: Path) -> None:
    config = warm(archive)
    build(config)
    before = {p: p.stat().st_mtime_ns for p in config.out.rglob("*")}
    notes: list[str] = []
    result = build(config, progress=notes.append)
    assert result.changed == 0
    assert any(n.startswith("nothing changed since the last build") for n in notes), notes
    assert {p: p.stat().st_mtime_ns for p in config.out.rglob("*")} == before


def test_a_file_removed_from_the_site_by_hand_is_restored(archive: Path) -> None:
    config = warm(archive)
    build(config)
    victim = next((config.out / "articles").iterdir()) / "index.html"
    victim.unlink()
    (config.out / "stray.html").write_text("not ours")
    notes: list[str] = []
    build(config, progress=notes.append)
    assert not any(n.startswith("nothing changed") for n in notes)
    assert victim.is_file() and not (config.out / "stray.html").exists()
    assert_same_as_clean_build(archive, config)


def test_tampered_spare_and_live_files_are_not_trusted(archive: Path) -> None:
    """A file changed behind the cache's back (same size even) is rewritten, never reused."""
    config = warm(archive)
    build(config)
    spare = archive / ".site-spare"
    assert (spare / ".pressarchive-build").is_file()
    for folder in (spare, config.out):
        page = folder / "sources" / "source-01" / "index.html"
        data = page.read_bytes()
        status = page.stat()
        os.unlink(page)  # replaced, as an editor saving a new file does
        page.write_bytes(data.replace(b"<h1>", b"<h2>", 1).replace(b"</h1>", b"</h2>", 1))
        os.utime(page, ns=(status.st_atime_ns, status.st_mtime_ns + 1))
    replace_in(corpus_article(archive, 30), r"^title: ", "title: Changed ")
    build(config)
    assert_same_as_clean_build(archive, config)


def test_failed_rebuild_keeps_the_site_and_the_next_good_build_is_exact(archive: Path) -> None:
    config = warm(archive)
    build(config)
    replace_in(corpus_article(archive, 40), r"^title: ", "title: Before the failure ")
    build(config)
    before = tree_bytes(config.out)
    (archive / "content/articles/000/bad.md").write_text("---\ntitle: Bad\nsource: nowhere\ndate: 2025-01-01\n---\nx\n")
    replace_in(corpus_article(archive, 41), r"^title: ", "title: Edited with the bad file ")
    with pytest.raises(BuildError, match="unknown source 'nowhere'"):
        build(config)
    assert tree_bytes(config.out) == before
    (archive / "content/articles/000/bad.md").unlink()
    build(config)
    assert_same_as_clean_build(archive, config)


def test_a_corrupt_cache_file_only_costs_time(archive: Path) -> None:
    config = warm(archive)
    build(config)
    assert config.cache is not None
    config.cache.write_bytes(b"this is not a database" * 100)
    replace_in(corpus_article(archive, 50), r"^title: ", "title: After corruption ")
    build(config)
    assert_same_as_clean_build(archive, config)


def test_cache_from_another_code_version_is_dropped(archive: Path) -> None:
    config = warm(archive)
    build(config)
    assert config.cache is not None
    with sqlite3.connect(config.cache) as db:
        db.execute("UPDATE meta SET value = 'older' WHERE name = 'code_version'")
        records_before = db.execute("SELECT count(*) FROM records").fetchone()[0]
    assert records_before > 100
    notes: list[str] = []
    build(config, progress=notes.append)
    assert not any(n.startswith("nothing changed") for n in notes)
    assert_same_as_clean_build(archive, config)


def test_drafts_option_is_part_of_what_a_build_depends_on(archive: Path) -> None:
    replace_in(corpus_article(archive, 60), r"^title: ", "draft: true\ntitle: Draft ")
    build(warm(archive))
    with_drafts = warm(archive, drafts=True)
    build(with_drafts)
    assert_same_as_clean_build(archive, with_drafts)


PARALLEL_BUILD = """
import sys, threading
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from pressarchive import bodies, produce
from pressarchive.pipeline import BuildConfig, build
bodies.PARALLEL_THRESHOLD = produce.PARALLEL_THRESHOLD = 1  # however small the site: worker processes
assert threading.active_count() == 1  # else produce_files would not fork
root = Path(sys.argv[2])
build(BuildConfig(content=root / "content", out=root / "parallel", templates=root / "templates", cache=None, search=False))
"""


def test_worker_processes_write_the_same_bytes_as_one_process(archive: Path) -> None:
    # Below the thresholds (as here) the build works in one process; a big archive renders
    # Markdown in a process pool and pages in forked workers. Both must give the same site.
    subprocess.run([sys.executable, "-c", PARALLEL_BUILD, str(ROOT), str(archive)], check=True)
    config = warm(archive)
    build(config)
    assert tree_bytes(archive / "parallel") == tree_bytes(config.out)


def test_the_cache_knows_each_librarys_installed_version_without_importing_it():
    """The cache's code version names every library that shapes what it holds, with its version,
    read from the installed distribution (a no-op build imports none of them)."""
    from pressarchive.cache import LIBRARIES, _installed

    found = _installed(LIBRARIES)
    assert len(found) == len(LIBRARIES)
    assert all(re.fullmatch(r"[\w.]+-\d[\w.+]*\.dist-info", name) for name in found), found
