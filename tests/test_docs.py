"""The README and docs/ stay true: their links resolve, the commands they quote exist with the
options they show, and the output they quote is what the tool prints."""

from __future__ import annotations

import re
import shlex
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT, run_build, write_files

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def code_blocks(path: Path) -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)\n```", path.read_text(encoding="utf-8"), flags=re.S)


def build_commands(path: Path) -> list[list[str]]:
    """Every `python build.py ...` line in the file's code blocks, as words (continuations joined)."""
    found = []
    for block in code_blocks(path):
        for line in block.replace("\\\n", " ").split("\n"):
            match = re.search(r"python3? build\.py\b(.*)", line)
            if match:
                words = shlex.split(re.sub(r"\[|\]|\.\.\.|#.*", " ", match.group(1)).replace("|", " "))
                found.append(words)
    return found


@cache
def options_of(command: str) -> set[str]:
    result = run_build(command, "--help")
    assert result.returncode == 0, result.stderr
    return set(re.findall(r"--[a-z][a-z-]+", result.stdout))


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if not re.match(r"[a-z]+:", target):
            assert (doc.parent / target).exists(), f"{doc.name} links to {target}, which does not exist"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_quoted_commands_take_the_options_they_show(doc: Path) -> None:
    for words in build_commands(doc):
        command = words[0] if words and words[0] in ("build", "check", "serve", "import") else "build"
        for option in (w.split("=")[0] for w in words if w.startswith("--")):
            assert option in options_of(command), f"{doc.name}: `build.py {command}` has no option {option}"


def test_make_targets_the_docs_name_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, flags=re.M))
    for doc in DOCS:
        for target in re.findall(r"`make ([a-z-]+)`", doc.read_text(encoding="utf-8")):
            assert target in targets, f"{doc.name} names `make {target}`"


def test_the_quoted_error_is_what_the_build_prints(tmp_path: Path) -> None:
    """README: two problems, each `path:line: field: message`, exactly as quoted (`...` abridges)."""
    quoted = next(block for block in code_blocks(ROOT / "README.md") if block.startswith("Error:"))
    content = write_files(
        tmp_path / "content",
        {
            "sources/namaste-headlines.yaml": "name: Namaste Headlines\n",
            "sources/zhitongcaijing.yaml": "name: Zhitongcaijing\n",
            "articles/a.md": "---\ntitle: A\nsource: xinhau\ndate: 2025-12-10\n---\nText.\n",
            "articles/b.md": "---\ntitle: B\nsource: zhitongcaijing\ndate: 2025-12-10\ndrafts: true\n---\nText.\n",
        },
    )
    result = run_build("--content", content, cwd=tmp_path)
    assert result.returncode == 1
    printed = result.stderr.replace(f"{content}/", "content/").strip().split("\n")
    for expected in quoted.split("\n"):
        pattern = re.escape(expected).replace(r"\.\.\.", ".*")
        assert any(re.fullmatch(pattern, line) for line in printed), (expected, printed)
