"""A build that is interrupted (Ctrl+C, kill -9) or runs out of disk never damages the site."""

from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, WORK, build_ok, run_build, tree_bytes, write_files

pytestmark = pytest.mark.slow

ARTICLES = 300


def big_site(root: Path, edition: str) -> Path:
    """Enough articles that a build with search takes a second or two."""
    files: dict[str, str | bytes] = {
        "sources/wire.yaml": "name: Wire\n",
        "briefings/budget.md": f"---\ntitle: Budget briefing {edition}\ndate: 2025-01-02\n---\nSummary.\n",
    }
    for n in range(ARTICLES):
        words = " ".join(f"word{(n * 7 + k) % 997}" for k in range(150))
        files[f"articles/story-{n:03d}.md"] = (
            f"---\ntitle: Story {n} {edition}\nsource: wire\nbriefing: budget\ndate: 2025-01-{1 + n % 28:02d}\n---\n{words}\n"
        )
    return write_files(root, files)


def pages(tree: dict[str, bytes]) -> dict[str, bytes]:
    """The files that are byte-for-byte reproducible (Pagefind's index names vary between runs)."""
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json"} <= set(tree)
    return {path: data for path, data in tree.items() if not path.startswith("pagefind/")}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if p.name.startswith((".site-build-", ".site-old-")))


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, dict[str, bytes]]:
    """Content for edition one and two, edition one's built site, and edition two's site as files."""
    root = tmp_path_factory.mktemp("editions")
    one, two = big_site(root / "one", "one"), big_site(root / "two", "two")
    build_ok("--content", one, "--out", root / "built-one" / "site")
    build_ok("--content", two, "--out", root / "built-two" / "site")
    return one, two, root / "built-one" / "site", tree_bytes(root / "built-two" / "site")


def start_build(content: Path, out: Path) -> subprocess.Popen[str]:
    command = [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out", str(out)]
    return subprocess.Popen(
        command, cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["sigint", "sigkill"])
def test_interrupted_build_leaves_a_whole_site(
    how: signal.Signals, seed: int, two_editions: tuple, tmp_path: Path
) -> None:
    one, two, built_one, site_two = two_editions
    out = tmp_path / "site"
    shutil.copytree(built_one, out)  # the live site, as edition one's build left it
    before = tree_bytes(out)
    started = time.perf_counter()
    process = start_build(two, out)
    time.sleep(random.Random(seed).uniform(0.05, 2.0))
    os.killpg(process.pid, how)  # the whole group, as Ctrl+C in a terminal would
    _, stderr = process.communicate(timeout=60)
    elapsed = time.perf_counter() - started
    if how == signal.SIGINT and process.returncode != 0:
        assert process.returncode == 130, stderr
        assert stderr.endswith("Error: interrupted; nothing partial was written\n"), stderr
        assert "Traceback" not in stderr
    after = tree_bytes(out)
    assert after == before or pages(after) == pages(site_two), f"partial site after {how.name} at {elapsed:.2f} s"
    if how == signal.SIGINT:
        assert leftovers(tmp_path) == []
    build_ok("--content", two, "--out", out)
    assert pages(tree_bytes(out)) == pages(site_two)
    assert leftovers(tmp_path) == []


def test_leftovers_of_a_killed_two_rename_swap_are_repaired(two_editions: tuple, tmp_path: Path) -> None:
    """Where no atomic exchange exists, a kill between the two renames leaves only .site-old-*."""
    one, two, built_one, site_two = two_editions
    shutil.copytree(built_one, tmp_path / "site")
    (tmp_path / "site").rename(tmp_path / ".site-old-abc123")
    (tmp_path / ".site-build-def456").mkdir()
    build_ok("check", "--content", two)
    build_ok("--content", two, "--out", tmp_path / "site", "--no-search")
    assert leftovers(tmp_path) == []


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))


def test_write_failure_is_a_clean_error(two_editions: tuple, tmp_path: Path) -> None:
    """Unprivileged stand-in for a full disk: RLIMIT_FSIZE makes large writes fail."""
    one, two, _, _ = two_editions
    out = tmp_path / "site"
    build_ok("--content", one, "--out", out)
    before = tree_bytes(out)
    command = [sys.executable, str(ROOT / "build.py"), "--content", str(two), "--out", str(out)]
    result = subprocess.run(command, cwd=WORK, capture_output=True, text=True, preexec_fn=_limit_file_size, timeout=120)
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[-1].startswith("Error: ")
    assert "Traceback" not in result.stderr
    assert tree_bytes(out) == before
    assert leftovers(tmp_path) == []


def test_full_disk_is_a_clean_error(two_editions: tuple, tmp_path: Path) -> None:
    """A real full disk: a 2 MB tmpfs holds a small site but not the 300-article one (about 50 MB)."""
    _, two, _, _ = two_editions
    small = write_files(
        tmp_path / "small",
        {
            "sources/wire.yaml": "name: Wire\n",
            "articles/ok.md": "---\ntitle: Ok\nsource: wire\ndate: 2025-01-01\n---\nText\n",
        },
    )
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot mount a tmpfs: {mounted.stderr!r}")
        pytest.skip("mounting a tmpfs is not permitted here; test_write_failure_is_a_clean_error covers writes failing")
    try:
        out = disk / "site"
        build_ok("--content", small, "--out", out, "--no-search")
        before = tree_bytes(out)
        result = run_build("--content", two, "--out", out)
        assert result.returncode == 1, result.stderr
        assert "No space left on device" in result.stderr or "search index" in result.stderr
        assert "Traceback" not in result.stderr
        assert tree_bytes(out) == before
        assert leftovers(disk) == []
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_two_rename_fallback_swaps_whole_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where renameat2 is missing (not Linux, old libc, some file systems) the swap is two renames."""
    from pressarchive import staging
    from pressarchive.pipeline import BuildConfig, build

    monkeypatch.setattr(staging, "_exchange", lambda a, b: False)
    content = write_files(
        tmp_path / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "articles/ok.md": "---\ntitle: Ok\nsource: wire\ndate: 2025-01-01\n---\nText\n",
        },
    )
    out = tmp_path / "site"
    build(BuildConfig(content=content, out=out, search=False))
    write_files(content, {"articles/more.md": "---\ntitle: More\nsource: wire\ndate: 2025-01-02\n---\nText\n"})
    build(BuildConfig(content=content, out=out, search=False))
    assert (out / "articles" / "more" / "index.html").is_file()
    assert leftovers(tmp_path) == []
