"""`build.py serve`: rebuilds on change, shows errors while serving the last good build, stays inside the site."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, serve_folder
from playwright.sync_api import expect

pytestmark = pytest.mark.slow

BRIEFING = "briefings/2025-12-10-mfa-regular-press-conference.md"
BRIEFING_PAGE = "briefings/2025-12-10-mfa-regular-press-conference/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def wait_for(check: Callable[[], bool], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {check.__doc__ or check}")


@pytest.fixture
def dev_server(tmp_path: Path) -> Iterator[tuple[int, Path, Path]]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    port = free_port()
    command = [sys.executable, str(ROOT / "build.py"), "serve", "--content", str(content), "--out", str(tmp_path / "site"),
               "--port", str(port), "--base-url", "/REPO/", "--no-search"]  # fmt: skip
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(command, cwd=tmp_path, stderr=log, stdout=log)
    try:
        wait_for(lambda: "serving" in (tmp_path / "serve.log").read_text())
        yield port, content, tmp_path
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def status(port: int) -> dict[str, object]:
    return json.loads(get(port, "/__pressarchive/status")[1])


def settled_status(port: int, quiet: float = 1.0) -> dict[str, object]:
    """The status once no rebuild has happened for ``quiet`` seconds (one save can fire two events)."""
    last, since = status(port), time.monotonic()
    while time.monotonic() - since < quiet:
        time.sleep(0.1)
        current = status(port)
        if current != last:
            last, since = current, time.monotonic()
    return last


def test_serve_rebuilds_shows_errors_keeps_last_good_build_and_recovers(dev_server: tuple[int, Path, Path]) -> None:
    port, content, folder = dev_server
    assert f"http://127.0.0.1:{port}/REPO/" in (folder / "serve.log").read_text()
    assert get(port, "/REPO/" + BRIEFING_PAGE)[0] == 200
    briefing = content / BRIEFING
    original = briefing.read_text()
    briefing.write_text(original.replace("title: Foreign", "title: Edited Foreign"))
    wait_for(lambda: "Edited Foreign" in get(port, "/REPO/" + BRIEFING_PAGE)[1])
    good_build = settled_status(port)["build"]

    briefing.write_text(original.replace("date: 2025-12-10", "date: someday"))
    wait_for(lambda: bool(status(port)["error"]))
    assert "date" in str(status(port)["error"]) and status(port)["build"] == good_build
    assert "someday" in (folder / "serve.log").read_text()
    code, page = get(port, "/REPO/" + BRIEFING_PAGE)
    assert code == 200 and "Edited Foreign" in page and "__pressarchive/live.js" in page

    briefing.write_text(original)
    wait_for(lambda: status(port)["error"] == "" and int(status(port)["build"]) > int(good_build))
    assert "Edited Foreign" not in get(port, "/REPO/" + BRIEFING_PAGE)[1]
    on_disk = (folder / "site" / BRIEFING_PAGE / "index.html").read_text()
    assert "__pressarchive" not in on_disk


def test_page_reloads_itself_and_shows_the_error(dev_server: tuple[int, Path, Path], browser) -> None:  # type: ignore[no-untyped-def]
    port, content, _ = dev_server
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{port}/REPO/{BRIEFING_PAGE}")
    briefing = content / BRIEFING
    original = briefing.read_text()
    briefing.write_text(original.replace("title: Foreign", "title: Reloaded Foreign"))
    expect(page.locator("h1")).to_contain_text("Reloaded", timeout=15000)  # locators need no eval under the CSP
    briefing.write_text(original.replace("date: 2025-12-10", "date: someday"))
    page.wait_for_selector("#pressarchive-error", timeout=15000)
    assert "someday" in page.inner_text("#pressarchive-error")
    briefing.write_text(original)
    expect(page.locator("h1")).not_to_contain_text("Reloaded", timeout=15000)
    assert page.query_selector("#pressarchive-error") is None
    page.close()


@pytest.fixture
def served_with_symlink(bundled_site_repo: Path, tmp_path: Path) -> Iterator[int]:
    site = tmp_path / "site"
    shutil.copytree(bundled_site_repo, site)
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink(tmp_path / "secret.txt", site / "leak.txt")
    os.symlink(tmp_path, site / "outside")
    for url in serve_folder(site, "/REPO/"):
        yield int(url.split(":")[2].split("/")[0])


@pytest.mark.parametrize(
    "path",
    ["/REPO/%2e%2e/secret.txt", "/REPO/../secret.txt", "/REPO/%2E%2E%2Fsecret.txt", "//etc/passwd", "/REPO//etc/passwd",
     "/REPO/leak.txt", "/REPO/outside/secret.txt", "/REPO/static/", "/REPO/%00", "/etc/passwd", "/REPO/..%5csecret.txt"],
)  # fmt: skip
def test_requests_outside_the_site_get_404(served_with_symlink: int, path: str) -> None:
    code, body = get(served_with_symlink, path)
    assert code == 404 and "secret" not in body and "root:" not in body


def test_the_site_itself_is_served(served_with_symlink: int) -> None:
    assert get(served_with_symlink, "/REPO/")[0] == 200
    assert get(served_with_symlink, "/REPO/static/style.css")[0] == 200


HOSTILE = {
    "deep YAML": (
        "articles/deep.md",
        "---\ntitle: x\nextra:\n  x: " + "[" * 30_000 + "]" * 30_000 + "\n---\n",
        "nested",
    ),
    "a date out of range": (
        "articles/edge.md",
        "---\ntitle: x\nsource: zhitongcaijing\ndate: 9999-12-31T23:00:00-12:00\n---\nText.\n",
        "out of range",
    ),
}


def test_serve_survives_hostile_files_and_reports_them(dev_server: tuple[int, Path, Path]) -> None:
    port, content, folder = dev_server
    for name, (path, text, message) in HOSTILE.items():
        good_build = int(str(settled_status(port)["build"]))
        (content / path).write_text(text)
        wait_for(lambda: message in str(status(port)["error"]))  # noqa: B023 - called before the loop moves on
        assert status(port)["build"] == good_build, name
        (content / path).unlink()
        wait_for(lambda: status(port)["error"] == "" and int(str(status(port)["build"])) > good_build)  # noqa: B023
    (content / "articles/loop.md").symlink_to("loop.md")
    wait_for(lambda: "loops back on itself" in str(status(port)["error"]))
    (content / "articles/loop.md").unlink()
    wait_for(lambda: status(port)["error"] == "")
    assert "Traceback" not in (folder / "serve.log").read_text()
