"""axe-core in headless Chromium: no violations on the main page types, in light and dark schemes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import AXE_JS, require_tool, serve_folder

PAGES = {
    "home": "",
    "briefing": "briefings/2025-12-10-mfa-regular-press-conference/",
    "article": "articles/chinese-mainland-to-power-up-global-human-rights/",
    "source": "sources/zhitongcaijing/",
    "search": "search/",
    "tag": "tags/human-rights/",
    "archive": "archive/2025/12/",
}


@pytest.fixture(scope="module")
def served(absolute_site: Path) -> Iterator[str]:
    yield from serve_folder(absolute_site, "/REPO/")


def axe_violations(browser, url: str, scheme: str) -> list[str]:  # type: ignore[no-untyped-def]
    require_tool(AXE_JS.is_file(), "needs node_modules/axe-core (npm ci)")
    page = browser.new_page()
    try:
        page.emulate_media(color_scheme=scheme)
        page.goto(url, wait_until="load")
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate("async () => await axe.run(document)")
    finally:
        page.close()
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})" for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(browser, served: str, name: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    assert axe_violations(browser, served + PAGES[name], scheme) == []


def test_axe_finds_a_violation(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "index.html").write_text('<!doctype html><html><title>x</title><img src="x.png"></html>')
    for base in serve_folder(tmp_path, "/"):
        assert axe_violations(browser, base, "light")
