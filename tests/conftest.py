"""Shared helpers: every test builds real sites from real files with the real CLI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pressarchive.pipeline import BuildConfig, build

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
# Where this test process builds from: each pytest-xdist worker of each run has its own, so that
# builds run side by side never share a build cache (.cache/ in the folder a build runs from).
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))
WORK = Path(tempfile.gettempdir()) / f"pressarchive-tests-{_RUN}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


@pytest.fixture(scope="session", autouse=True)
def _own_working_folder() -> Iterator[None]:
    WORK.mkdir(parents=True, exist_ok=True)
    before = Path.cwd()
    os.chdir(WORK)
    try:
        yield
    finally:
        os.chdir(before)
        shutil.rmtree(WORK, ignore_errors=True)


def run_build(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python build.py ARGS` as a user would; never raises on a failed build."""
    command = [sys.executable, str(ROOT / "build.py"), *map(str, args)]
    return subprocess.run(command, cwd=cwd or WORK, capture_output=True, text=True, timeout=600)


def build_ok(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = run_build(*args, cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a content tree from a mapping of relative path -> text or bytes."""
    for rel_path, data in files.items():
        path = root / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def corpus_article(root: Path, number: int) -> Path:
    """Article ``number`` of an archive bench.generate_corpus wrote into ``root``/content."""
    return root / "content" / "articles" / f"{number // 1000:03d}" / f"article-{number:06d}.md"


def replace_in(path: Path, pattern: str, replacement: str) -> None:
    """Edit a file as a curator would: the first match of ``pattern`` (a line-anchored regex) replaced."""
    text = path.read_text()
    changed = re.sub(pattern, replacement, text, count=1, flags=re.MULTILINE)
    assert changed != text, f"{pattern!r} not found in {path}"
    path.write_text(changed)


def same_as_clean_build(config: BuildConfig, clean: Path) -> bool:
    """Whether the site ``config`` built is, byte for byte, the one a build of the same content with
    no cache at all writes into the fresh folder ``clean``."""
    shutil.rmtree(clean, ignore_errors=True)
    fresh = BuildConfig(
        content=config.content, out=clean, templates=config.templates, cache=None, search=False, drafts=config.drafts
    )
    build(fresh)
    return tree_bytes(config.out) == tree_bytes(clean)


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content/, built once with search, at base URL /."""
    out = tmp_path_factory.mktemp("bundled") / "site"
    build_ok("--content", CONTENT, "--out", out)
    return out


@pytest.fixture(scope="session")
def bundled_site_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content/, built once with search, for a GitHub Pages project path /REPO/."""
    out = tmp_path_factory.mktemp("bundled-repo") / "site"
    build_ok("--content", CONTENT, "--out", out, "--base-url", "/REPO/")
    return out


def serve_folder(folder: Path, base_path: str) -> Iterator[str]:
    """Serve ``folder`` under ``base_path`` on 127.0.0.1 with the project's own server."""
    sys.path.insert(0, str(ROOT))
    from pressarchive.serve import make_server

    server = make_server(folder, base_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; a missing browser fails the run on CI and skips elsewhere."""
    found = CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")
    if not found:
        message = "Chromium not found at /usr/bin/chromium (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return str(found)


NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip


def require_tool(found: bool, message: str) -> None:
    """A missing test tool fails the run on CI (CI=true) and skips elsewhere."""
    if found:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def absolute_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled content built with search for https://example.org/REPO/: feeds, sitemap, canonical."""
    out = tmp_path_factory.mktemp("bundled-abs") / "site"
    build_ok("--content", CONTENT, "--out", out, "--base-url", "https://example.org/REPO/")
    return out


@pytest.fixture(scope="session")
def browser(chromium_path: str):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


BROWSER_FIXTURES = {"browser", "chromium_path", "vnu"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use a browser (or the HTML checker) are marked `browser`, so `make test-fast` can leave them out."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
