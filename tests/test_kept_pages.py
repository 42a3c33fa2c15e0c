"""A rebuild keeps the pages an edit cannot change (kept_pages.py), and still gives a clean build's site.

Each test builds a real synthetic archive whose briefings have transcripts (so an edit also
changes coverage analyses, which article, briefing and source pages show), edits it as a
curator would, rebuilds with the build cache, and compares the site byte for byte with a
build of the same content without any cache. A page kept that should have been planned
again would show up as a stale page.
"""

from __future__ import annotations

import pickle
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import ROOT, corpus_article, replace_in, same_as_clean_build

from pressarchive.bench import generate_corpus
from pressarchive.pipeline import BuildConfig, build

pytestmark = pytest.mark.slow

PLANNED = re.compile(r"planned (\d+) pages \((\d+) kept from the last build\)")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    generate_corpus(content, 90, seed=5, transcripts=True)
    (content / "site.yaml").write_text("title: Test Archive\nurl: https://example.org/archive/\n")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def config_of(root: Path, out: str = "site", cache: bool = True) -> BuildConfig:
    return BuildConfig(
        content=root / "content",
        out=root / out,
        templates=root / "templates",
        cache=root / "cache" / "build.sqlite" if cache else None,
        search=False,
    )


def planned(root: Path) -> tuple[int, int]:
    """Build with the cache: (pages, pages kept from the last build)."""
    notes: list[str] = []
    build(config_of(root), progress=notes.append)
    found = [PLANNED.fullmatch(n) for n in notes]
    pages, kept = next(m.groups() for m in found if m)
    return int(pages), int(kept)


def clean_build_matches(root: Path) -> bool:
    return same_as_clean_build(config_of(root), root / "clean")


# Edits that leave which pages exist and what each lists as they were: a few pages planned again.
TEXT_EDITS = [
    (
        "an article's body",
        lambda r: replace_in(corpus_article(r, 7), r"^The spokesperson said that ", "Officials said that "),
    ),
    ("an article's title", lambda r: replace_in(corpus_article(r, 8), r"^title: ", "title: Retitled ")),
    ("an article's language", lambda r: replace_in(corpus_article(r, 9), r"^title: ", "language: fr\ntitle: ")),
    ("an article's summary", lambda r: replace_in(corpus_article(r, 10), r"^title: ", "summary: In short.\ntitle: ")),
    (  # (every article of the briefing now shares less with it: their sources' figures change)
        "a transcript's text",
        lambda r: replace_in(
            r / "content/transcripts/briefing-000003.md",
            r"^Reporter: (.|\n)*",
            "Reporter: Any news?\n\nSpokesperson: None.\n",
        ),
    ),
    (
        "a source's description",
        lambda r: replace_in(r / "content/sources/source-04.yaml", r"^kind: ", "description: A paper.\nkind: "),
    ),
    (
        "a briefing's title",
        lambda r: replace_in(r / "content/briefings/briefing-000004.md", r"^title: .*$", "title: Renamed"),
    ),
    (
        "a briefing's spokesperson",
        lambda r: replace_in(
            r / "content/briefings/briefing-000005.md", r"^host: ", "spokesperson: Ann Example\nhost: "
        ),
    ),
]
# Edits that change which pages exist, what they list or in which order: every page planned again.
STRUCTURE_EDITS = [
    ("an article's date", lambda r: replace_in(corpus_article(r, 11), r"^date: \d{4}", "date: 2003")),
    (
        "a source's name",
        lambda r: replace_in(r / "content/sources/source-05.yaml", r"^name: .*$", "name: Aardvark News"),
    ),
    (
        "an article's briefing",
        lambda r: replace_in(corpus_article(r, 12), r"^briefing: .*$", "briefing: briefing-000001"),
    ),
    ("the about page", lambda r: (r / "content/about.md").write_text("---\ntitle: About\n---\nWho keeps it.\n")),
]


def test_an_edit_to_text_plans_a_few_pages_again_and_builds_the_clean_site(archive: Path) -> None:
    planned(archive)
    for name, change in TEXT_EDITS:
        change(archive)
        pages, kept = planned(archive)
        assert 0 < pages - kept < pages / 2, name
        assert clean_build_matches(archive), f"after editing {name}, the rebuild differs from a clean build"


def test_an_edit_to_an_articles_text_plans_only_the_pages_that_show_it(archive: Path) -> None:
    """Its page, its briefing's page, the pages that list it, and the few pages planned every time
    (home, indexes, archive by year): not every page."""
    planned(archive)
    replace_in(corpus_article(archive, 7), r"^The spokesperson said that ", "Officials said that ")
    pages, kept = planned(archive)
    assert 0 < pages - kept <= 40 < pages / 4


def test_an_edit_to_the_structure_plans_every_page_and_builds_the_clean_site(archive: Path) -> None:
    planned(archive)
    for name, change in STRUCTURE_EDITS:
        change(archive)
        assert planned(archive)[1] == 0, name
        assert clean_build_matches(archive), f"after editing {name}, the rebuild differs from a clean build"


def test_a_kept_page_whose_file_is_gone_is_planned_and_written_again(archive: Path) -> None:
    planned(archive)
    replace_in(corpus_article(archive, 20), r"^title: ", "title: Edited ")
    planned(archive)  # the spare folder now holds the site before this edit
    for folder in (archive / "site", archive / ".site-spare"):
        (folder / "sources" / "source-06" / "index.html").unlink()
    replace_in(corpus_article(archive, 21), r"^title: ", "title: Edited too ")
    pages, kept = planned(archive)
    assert pages - kept <= 40
    assert clean_build_matches(archive)


def test_an_unreadable_kept_plan_only_costs_a_full_plan(archive: Path) -> None:
    planned(archive)
    with sqlite3.connect(archive / "cache" / "build.sqlite") as db:
        rows = db.execute("UPDATE state SET value = ? WHERE name LIKE 'page plan of %'", (pickle.dumps(b"not a plan"),))
        assert rows.rowcount == 1
    replace_in(corpus_article(archive, 30), r"^title: ", "title: Edited ")
    assert planned(archive)[1] == 0
    assert clean_build_matches(archive)


def test_a_digest_is_found_wherever_depends_holds_it() -> None:
    """A page must be planned again when any record it names changes, however its ``depends`` nests the name."""
    from dataclasses import dataclass

    from pressarchive.kept_pages import _named

    @dataclass(frozen=True)
    class Figures:
        digest: str
        count: int

    names = {"a" * 64, "b" * 64, "c" * 64, "d" * 64}
    depends = ("a" * 64, [("b" * 64, 3)], frozenset({"c" * 64}), Figures("d" * 64, 2), "e" * 64, 7, None)
    assert _named(depends, names) == names
