"""OWASP filter-evasion payloads in every field, the body, link and image URLs: nothing runs.

Every output file is parsed and checked for script, event handlers and script URLs
of content origin; then a sample of pages is opened in headless Chromium with traps
on alert/confirm/prompt, dialogs, page errors and console errors (CSP violations included).
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, build_ok, serve_folder, write_files
from playwright.sync_api import Browser

PAYLOADS = [line for line in (FIXTURES / "xss_payloads.txt").read_text(encoding="utf-8").split("\n") if line.strip()]
# The site's own scripts; the search page links its script relatively so it also loads from file://.
SITE_SCRIPTS = {"../static/search.js"}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "background",
    "dynsrc",
    "lowsrc",
    "poster",
    "data",
    "xlink:href",
    "srcset",
    "codebase",
    "cite",
    "longdesc",
}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet", "svg", "math", "style"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON is valid YAML)."""
    return json.dumps(value)


def url_with(payload: str) -> str:
    return "https://example.org/" + re.sub(r"\s", "%20", payload)


def body_with(payload: str) -> str:
    return (
        f"{payload}\n\n[link](<{payload}>) and ![image](<{payload}>)\n\n"
        f"[ref][r] <{payload}> [js](javascript:alert(1)) ![d](data:text/html,x)\n\n"
        f"- {payload}\n\n> {payload}\n\n`{payload}`\n\n[r]: <{payload}>\n"
    )


def hostile_content(root: Path) -> Path:
    files: dict[str, str | bytes] = {"site.yaml": f"title: {q(PAYLOADS[0])}\ndescription: {q(PAYLOADS[1])}\n"}
    for n, payload in enumerate(PAYLOADS):
        p = q(payload)
        tag = q(f"{payload} {n}")  # payloads that differ only in punctuation would share a tag page (an error)
        files[f"sources/s{n:02d}.yaml"] = (
            f"name: {p}\ndescription: {p}\nkind: {p}\ncountry: {p}\nurl: {q(url_with(payload))}\nextra: {{note: {p}}}\n"
        )
        files[f"briefings/b{n:02d}.md"] = (
            f"---\ntitle: {p}\ndate: 2025-01-{1 + n % 28:02d}\nhost: {p}\nspokesperson: {p}\ntags: [{tag}]\n"
            f"transcript_url: {q(url_with(payload))}\nextra: {{note: {p}}}\n---\n{body_with(payload)}"
        )
        summary = f"summary: {p}\n" if n % 2 else ""
        files[f"articles/a{n:02d}.md"] = (
            f"---\ntitle: {p}\nsource: s{n:02d}\nbriefing: b{(n + 1) % len(PAYLOADS):02d}\ndate: 2025-02-{1 + n % 28:02d}T10:00:00+01:00\n"
            f"byline: {p}\ntags: [{tag}, plain]\nurl: {q(url_with(payload))}\n{summary}extra: {{note: {p}, {p}: {p}}}\n---\n{body_with(payload)}"
        )
    return write_files(root, files)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    build_ok("--content", hostile_content(root / "content"), "--out", root / "site")
    return root / "site"


def output_files(site: Path) -> list[Path]:
    """Every file the templates wrote (Pagefind's own bundle is third-party code, not content)."""
    return [
        p
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".xml", ".json") and "pagefind" not in p.parts
    ]


def problems_in_html(markup: str, where: str) -> list[str]:
    soup = BeautifulSoup(markup, "html.parser")
    found = [f"{where}: {len(soup.find_all('body'))} <body> elements"] if len(soup.find_all("body")) > 1 else []
    for tag in soup.find_all(True):
        name = tag.name.lower()
        if name in FORBIDDEN_TAGS:
            found.append(f"{where}: <{name}> element")
        if name == "input" and (tag.get("type") or "text").lower() not in ("text", "search", "submit", "hidden"):
            found.append(f"{where}: <input type={tag.get('type')}>")
        if name == "link" and (
            tag.get("rel") not in (["stylesheet"], ["icon"]) or not tag.get("href", "").startswith("/")
        ):
            found.append(f"{where}: <link> {tag.attrs}")
        if name == "script":
            kind = (tag.get("type") or "").lower()
            if kind == "application/ld+json":
                json.loads(tag.string or "")
            elif not tag.get("src") or tag.string:
                found.append(f"{where}: inline <script>")
            elif tag["src"] not in SITE_SCRIPTS:
                found.append(f"{where}: script from {tag['src']}")
        if name == "meta" and (tag.get("http-equiv") or "").lower() == "refresh":
            found.append(f"{where}: meta refresh")
        for attribute, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if attribute.lower().startswith("on"):
                found.append(f"{where}: {attribute}= on <{name}>")
            if attribute.lower() == "style":
                found.append(f"{where}: style= on <{name}>")
            cleaned = re.sub(r"[\s\x00-\x1f]", "", html.unescape(value)).lower()
            if attribute.lower() in URL_ATTRIBUTES and cleaned.startswith(BAD_SCHEMES):
                found.append(f"{where}: {attribute}={value!r} on <{name}>")
    return found


def problems_in_file(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        json.loads(text)
        return []
    found = problems_in_html(text, str(path))
    if path.suffix == ".xml":  # escaped HTML inside a feed is HTML to a feed reader
        for element in BeautifulSoup(text, "html.parser").find_all(True):
            inner = element.get_text()
            if "<" in inner:
                found += problems_in_html(inner, f"{path} <{element.name}>")
    return found


def test_payload_list_is_representative() -> None:
    assert len(PAYLOADS) >= 40


def test_no_output_file_carries_executable_content(hostile_site: Path) -> None:
    files = output_files(hostile_site)
    assert len(files) > 3 * len(PAYLOADS)
    problems = [problem for path in files for problem in problems_in_file(path)]
    assert problems == []


def test_payloads_appear_as_text(hostile_site: Path) -> None:
    template = next(n for n, p in enumerate(PAYLOADS) if "{{ 7*7 }}" in p)
    for n in (3, 26, template):
        page = BeautifulSoup(
            (hostile_site / "articles" / f"a{n:02d}" / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        assert page.h1.get_text() == PAYLOADS[n]
        assert PAYLOADS[n] in page.select_one("main").get_text()


@contextlib.contextmanager
def served(folder: Path):  # type: ignore[no-untyped-def]
    yield from serve_folder(folder, "/")


TRAP = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__xss.push(name + ":" + args.join(",")); };
}
"""


def test_pages_run_nothing_in_chromium(hostile_site: Path, browser: Browser) -> None:
    pages = ["", "briefings/", "sources/", "search/", "404.html"]
    pages += [f"articles/a{n:02d}/" for n in range(0, len(PAYLOADS), 3)]
    pages += [f"briefings/b{n:02d}/" for n in range(1, len(PAYLOADS), 5)] + [
        f"sources/s{n:02d}/" for n in range(2, len(PAYLOADS), 5)
    ]
    events: list[str] = []
    with served(hostile_site) as base:
        try:
            page = browser.new_page()
            page.add_init_script(TRAP)
            page.route(
                re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort()
            )  # nothing leaves the machine
            page.on("dialog", lambda dialog: (events.append(f"dialog {dialog.message}"), dialog.dismiss()))
            page.on("pageerror", lambda error: events.append(f"page error {error}"))
            page.on(
                "console",
                lambda message: (
                    events.append(f"console {message.type}: {message.text}")
                    if message.type == "error"
                    and "net::ERR_FAILED" not in message.text
                    and "Failed to load resource" not in message.text
                    else None
                ),
            )
            for path in pages:
                page.goto(base + path, wait_until="load")
                page.mouse.move(200, 200)
                page.mouse.move(10, 400)
                trapped = page.evaluate("window.__xss")
                events += [f"{path}: {call}" for call in trapped]
        finally:
            page.close()
    assert events == []


def test_search_works_under_the_content_security_policy(bundled_site: Path, browser: Browser) -> None:
    """The CSP every page carries lets search.js load Pagefind, run its WebAssembly and worker, in both sorts."""
    events: list[str] = []
    with served(bundled_site) as base:
        page = browser.new_page()
        try:
            page.on("pageerror", lambda error: events.append(f"page error {error}"))
            page.on(
                "console",
                lambda message: (
                    events.append(f"console {message.type}: {message.text}")
                    if message.type in ("error", "warning") and "Failed to load resource" not in message.text
                    else None
                ),
            )
            page.on(
                "response",
                lambda response: (
                    events.append(f"{response.status} {response.url}")
                    if response.status >= 400 and not response.url.endswith("/favicon.ico")
                    else None
                ),
            )
            page.goto(base + "search/?q=human+rights", wait_until="load")
            page.wait_for_selector("#search-results > li", timeout=15_000)
            relevance = page.locator("#search-results > li").count()
            page.select_option("#search-sort", "newest")
            page.wait_for_url("**sort=newest**")
            page.wait_for_selector("#search-results > li", timeout=15_000)
            newest = page.locator("#search-results > li").count()
        finally:
            page.close()
    assert relevance >= 1 and newest == relevance
    assert events == []
