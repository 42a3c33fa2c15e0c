"""Every generated HTML page passes the Nu HTML Checker (vnu.jar from the vnu-jar npm package)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import VNU_JAR, build_ok, require_tool, write_files

pytestmark = pytest.mark.browser  # the Nu HTML Checker: a separate program, like the browser


def vnu_errors(folder: Path) -> list[str]:
    java = shutil.which("java")
    require_tool(
        bool(java) and VNU_JAR.is_file(),
        "needs java and node_modules/vnu-jar (npm ci; apt-get install default-jre-headless)",
    )
    command = [str(java), "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json", str(folder)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages]


def test_every_page_is_valid_html(absolute_site: Path) -> None:
    pages = [p for p in absolute_site.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) > 15
    assert vnu_errors(absolute_site) == []


def test_the_checker_finds_an_error(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>x</title><p><div></span>")
    assert vnu_errors(tmp_path)


def test_paginated_lists_are_valid_html(tmp_path: Path) -> None:
    files = {
        "sources/wire.yaml": "name: Wire\n",
        "briefings/b.md": "---\ntitle: B\ndate: 2025-11-03\ntags: [Trade]\n---\n",
    }
    for n in range(60):
        files[f"articles/a{n}.md"] = (
            f"---\ntitle: S{n}\nsource: wire\ndate: 2025-11-0{n % 9 + 1}\nbriefing: b\ntags: [Trade]\n---\nBody.\n"
        )
    write_files(tmp_path / "content", files)
    build_ok(
        "--content", tmp_path / "content", "--out", tmp_path / "site", "--base-url", "https://e.org/", "--no-search"
    )
    assert (tmp_path / "site" / "tags" / "trade" / "page" / "2" / "index.html").is_file()
    assert vnu_errors(tmp_path / "site") == []
