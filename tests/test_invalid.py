"""Each folder in fixtures/invalid/ is a content tree with one kind of mistake; its
expected.txt pins the exact error text. Regenerate with:

    REGENERATE_GOLDENS=1 python -m pytest tests/test_invalid.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, build_ok, run_build, tree_bytes, write_files

CASES = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("command", ["check", "build"])
def test_invalid_content_fails_with_exact_message(case: Path, command: str, tmp_path: Path) -> None:
    # Run from a copy: messages name `content/...` as in expected.txt, and no build cache lands in the fixtures.
    work = tmp_path / "case"
    shutil.copytree(case, work, symlinks=True)
    result = run_build(
        command,
        "--content",
        "content",
        "--out",
        tmp_path / "site",
        "--no-search" if command == "build" else "--drafts",
        cwd=work,
    )
    if os.environ.get("REGENERATE_GOLDENS") and command == "check":
        (case / "expected.txt").write_text(result.stderr, encoding="utf-8")
    assert result.returncode == 1
    assert result.stderr == (case / "expected.txt").read_text(encoding="utf-8")
    assert not (tmp_path / "site").exists()


def test_symlink_out_of_content_is_an_error(tmp_path: Path) -> None:
    outside = write_files(tmp_path / "outside", {"secret.md": "---\ntitle: x\n---\n"})
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "articles/ok.md": "---\ntitle: Ok\nsource: wire\ndate: 2025-01-01\n---\nText\n",
        },
    )
    (content / "articles" / "leak.md").symlink_to(outside / "secret.md")
    result = run_build("check", "--content", content)
    assert result.returncode == 1
    assert result.stderr == f"Error: {content}/articles/leak.md: is a link to a file outside the content folder\n"


def test_editor_junk_files_are_ignored(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "articles/ok.md": "---\ntitle: Ok\nsource: wire\ndate: 2025-01-01\n---\nText\n",
            "articles/.#ok.md": "garbage",
            "articles/ok.md~": "garbage",
            "articles/.DS_Store": b"\x00\x01",
        },
    )
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    assert sorted(p.name for p in (tmp_path / "site" / "articles").iterdir()) == ["ok"]


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "articles/ok.md": "---\ntitle: Ok\nsource: wire\ndate: 2025-01-01\n---\nText\n",
        },
    )
    out = tmp_path / "site"
    build_ok("--content", content, "--out", out)
    before = tree_bytes(out)
    write_files(content, {"articles/bad.md": "---\ntitle: Bad\nsource: wire\ndate: someday\n---\n"})
    result = run_build("--content", content, "--out", out)
    assert result.returncode == 1
    assert tree_bytes(out) == before
    # No staging folder left behind; only the spare the next build will stage into.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-spare", ".site.lock", "content", "site"]


def test_refuses_output_folder_it_did_not_write(tmp_path: Path) -> None:
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "articles/ok.md": "---\ntitle: Ok\nsource: wire\ndate: 2025-01-01\n---\nText\n",
        },
    )
    out = write_files(tmp_path / "precious", {"thesis.txt": "do not delete"})
    result = run_build("--content", content, "--out", out, "--no-search")
    assert result.returncode == 1
    assert "holds files this tool did not write" in result.stderr
    assert (out / "thesis.txt").read_text() == "do not delete"
    inside = run_build("--content", content, "--out", content / "site", "--no-search")
    assert inside.returncode == 1
    assert "overlaps" in inside.stderr
