"""axe-core in headless Chromium: no violations on the main page types, in light and dark schemes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import AXE_JS, require_tool, serve_folder

PAGES = {
    "home": "",
    "about": "about/",
    "briefing": "briefings/2025-12-10-mfa-regular-press-conference/",
    "article": "articles/chinese-mainland-to-power-up-global-human-rights/",
    "source": "sources/zhitongcaijing/",
    "search": "search/",
    "search results": "search/?q=human+rights",
    "tag": "tags/human-rights/",
    "tags": "tags/",
    "404": "404.html",
    "archive": "archive/2025/12/",
}


@pytest.fixture(scope="module")
def served(absolute_site: Path) -> Iterator[str]:
    yield from serve_folder(absolute_site, "/REPO/")


def axe_violations(browser, url: str, scheme: str) -> list[str]:  # type: ignore[no-untyped-def]
    require_tool(AXE_JS.is_file(), "needs node_modules/axe-core (npm ci)")
    context = browser.new_context(bypass_csp=True)  # our CSP rightly blocks the injected axe script
    page = context.new_page()
    try:
        page.emulate_media(color_scheme=scheme)
        page.goto(url, wait_until="load")
        if "?q=" in url:
            page.wait_for_selector("#search-results li")
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate("async () => await axe.run(document)")
    finally:
        context.close()
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})" for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_axe_violations(browser, served: str, name: str, scheme: str) -> None:  # type: ignore[no-untyped-def]
    assert axe_violations(browser, served + PAGES[name], scheme) == []


def test_axe_finds_a_violation(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "index.html").write_text('<!doctype html><html><title>x</title><img src="x.png"></html>')
    for base in serve_folder(tmp_path, "/"):
        assert axe_violations(browser, base, "light")


@pytest.mark.parametrize(("scheme", "background"), [("light", "rgb(253, 253, 252)"), ("dark", "rgb(20, 20, 20)")])
def test_color_scheme_follows_the_reader(browser, served: str, scheme: str, background: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.emulate_media(color_scheme=scheme)
    page.goto(served)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    page.close()


def test_skip_link_shows_on_focus_with_an_outline(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(served)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    box = page.locator(".skip-link").bounding_box()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    page.close()
    assert focused == "skip-link" and box is not None and box["x"] >= 0 and outline == "solid"


def test_print_hides_navigation(browser, served: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(served + PAGES["article"])
    hidden = page.evaluate(
        "['.site-header nav', '.site-search', '.site-footer'].map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    page.close()
    assert hidden == ["none", "none", "none"]
