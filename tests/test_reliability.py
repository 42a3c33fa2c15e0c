"""Reliability: no silent wrong output, no crash, no unbounded leftovers (issue 19).

Each test changes real files the way a tool or a person would (rsync -t, tar, a
restore, a hand edit in site/, a second build) and checks the build either gives
exactly what a build without the cache gives, or stops with a clear error.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import markdown_it
import pytest
from conftest import ROOT, build_ok, run_build, serve_folder, tree_bytes, write_files

from pressarchive.cache import BuildCache
from pressarchive.errors import BuildError
from pressarchive.importer.write import literal
from pressarchive.last_build import _state_name
from pressarchive.locks import build_lock
from pressarchive.pipeline import BuildConfig, build
from pressarchive.stamps import RACY_NS

SOURCE = "name: Wire\n"
BRIEFING = "---\ntitle: Budget briefing\ndate: 2025-01-02\n---\nSummary.\n"


def article(title: str = "A story", body: str = "Body text.\n", extra: str = "") -> str:
    return f"---\ntitle: {title}\nsource: wire\ndate: 2025-01-03\nbriefing: budget\n{extra}---\n{body}"


def small_site(root: Path, articles: dict[str, str] | None = None) -> Path:
    files: dict[str, str | bytes] = {"sources/wire.yaml": SOURCE, "briefings/budget.md": BRIEFING}
    for name, text in (articles or {"one.md": article("First"), "two.md": article("Second")}).items():
        files[f"articles/{name}"] = text
    return write_files(root / "content", files)


def config(root: Path, search: bool = False, **options: object) -> BuildConfig:
    return BuildConfig(
        content=root / "content",
        out=root / "site",
        cache=root / "cache" / "build.sqlite",
        search=search,
        **options,  # type: ignore[arg-type]
    )


def clean_build(root: Path, warm: BuildConfig) -> dict[str, bytes]:
    """The site a build without any cache gives for the same content (search files left out)."""
    out = root / "clean" / "site"
    build(BuildConfig(content=warm.content, out=out, cache=None, search=False))
    return tree_bytes(out)


def pages(tree: dict[str, bytes]) -> dict[str, bytes]:
    return {path: data for path, data in tree.items() if not path.startswith("pagefind/")}


def edit_keeping_size_and_mtime(path: Path, old: bytes, new: bytes) -> None:
    """Change bytes in place, same length, then put the modification time back (touch -r, rsync -t, tar)."""
    assert len(old) == len(new)
    status = path.stat()
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (status.st_size, status.st_mtime_ns)


def past_the_racy_window() -> None:
    """Let the file system's clock move on, so that stamps alone decide (no digest check)."""
    time.sleep(RACY_NS / 1e9 + 0.1)


# 1. Stale cache -----------------------------------------------------------------


@pytest.mark.parametrize("wait", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["racy", "settled"])
def test_an_edit_that_keeps_size_and_mtime_is_rebuilt(wait: bool, tmp_path: Path) -> None:
    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    if wait:
        past_the_racy_window()
    edit_keeping_size_and_mtime(tmp_path / "content/articles/one.md", b"Body text.", b"Edit text.")
    build(warm)
    assert b"Edit text." in (tmp_path / "site/articles/one/index.html").read_bytes()
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


@pytest.mark.slow
def test_a_record_is_not_reused_when_size_and_mtime_are_kept(tmp_path: Path) -> None:
    """With another file changed (so the build runs), the edited file's cached record must not be reused."""
    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    past_the_racy_window()
    edit_keeping_size_and_mtime(tmp_path / "content/articles/one.md", b"title: First", b"title: Fixed")
    (tmp_path / "content/articles/two.md").write_text(article("Second, longer"))
    build(warm)
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


@pytest.mark.slow
def test_a_record_cached_while_racy_is_trusted_by_its_stamp_once_settled(tmp_path: Path) -> None:
    """A fresh clone built at once caches every record as racy (digest kept). The next build that
    finds a file unchanged and old enough keeps its stamp alone, or every build would read every
    file again; an edit keeping size and mtime is still caught (the change time moves)."""

    def racy_rows() -> set[str]:
        with sqlite3.connect(warm.cache) as db:  # type: ignore[arg-type]
            return {Path(p).name for (p,) in db.execute("SELECT path FROM records WHERE racy_digest != ''")}

    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    assert {"one.md", "two.md"} <= racy_rows()
    past_the_racy_window()
    (tmp_path / "content/articles/two.md").write_text(article("Second, edited"))
    build(warm)
    assert racy_rows() == {"two.md"}  # just written: racy now
    edit_keeping_size_and_mtime(tmp_path / "content/articles/one.md", b"title: First", b"title: Fixed")
    build(warm)
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


@pytest.mark.slow
def test_a_build_with_nothing_to_do_settles_the_files_that_were_racy(tmp_path: Path) -> None:
    """A fresh clone built at once remembers every content file as racy (its digest kept), and each build
    with nothing to do read and hashed them all again. The first that finds them unchanged and old
    enough remembers them settled; an edit keeping size and mtime is still caught (the change time moves)."""

    def racy_files() -> set[str]:
        with BuildCache(warm.cache, print) as cache:
            return {Path(path).name for path, _ in cache.state(_state_name(warm.out)).inputs.racy}

    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    assert {"one.md", "two.md", "budget.md", "wire.yaml"} <= racy_files()
    past_the_racy_window()
    notes: list[str] = []
    build(warm, progress=notes.append)
    assert any(n.startswith("nothing changed") for n in notes)
    assert racy_files() == set()
    edit_keeping_size_and_mtime(tmp_path / "content/articles/one.md", b"Body text.", b"Edit text.")
    build(warm)
    assert b"Edit text." in (tmp_path / "site/articles/one/index.html").read_bytes()
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


@pytest.mark.parametrize("wait", [False, pytest.param(True, marks=pytest.mark.slow)], ids=["racy", "settled"])
def test_a_template_edit_that_keeps_size_and_mtime_is_rebuilt(wait: bool, tmp_path: Path) -> None:
    small_site(tmp_path)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    warm = config(tmp_path, templates=tmp_path / "templates")
    build(warm)
    if wait:
        past_the_racy_window()
    edit_keeping_size_and_mtime(tmp_path / "templates/base.html", b"<html", b"<HTML")
    build(warm)
    assert (tmp_path / "site/index.html").read_bytes().count(b"<HTML") == 1


@pytest.mark.slow
def test_a_hand_edit_in_the_site_that_keeps_size_and_mtime_is_repaired(tmp_path: Path) -> None:
    small_site(tmp_path)
    warm = config(tmp_path)
    build(warm)
    past_the_racy_window()
    for folder in (warm.out, tmp_path / ".site-spare"):
        edit_keeping_size_and_mtime(folder / "articles/one/index.html", b"<h1", b"<h2")
    notes: list[str] = []
    build(warm, progress=notes.append)
    assert not any(n.startswith("nothing changed") for n in notes)
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)
    (tmp_path / "content/articles/two.md").write_text(article("Second, edited"))
    build(warm)  # now staged into the spare folder: its tampered copy must not be kept
    assert tree_bytes(warm.out) == clean_build(tmp_path, warm)


# 2. Published search files are not the cache's ------------------------------------


@pytest.mark.slow
def test_editing_a_published_search_file_leaves_the_cache_intact(tmp_path: Path) -> None:
    small_site(tmp_path)
    warm = config(tmp_path, search=True)
    build(warm)
    cached = tree_bytes(tmp_path / "cache" / "search")
    published = tree_bytes(warm.out / "pagefind")
    for path in published:
        with open(warm.out / "pagefind" / path, "ab") as file:
            file.write(b"tampered")
    assert tree_bytes(tmp_path / "cache" / "search") == cached
    build(warm)
    assert tree_bytes(warm.out / "pagefind") == published
    assert all(p.stat().st_nlink == 1 for p in warm.out.rglob("*") if p.is_file())


# 3. Crashes become clean errors ----------------------------------------------------


def refused(content: Path, *options: str, cwd: Path | None = None) -> str:
    """Build ``content`` expecting a clean refusal; the error text."""
    result = run_build("--content", content, "--out", content.parent / "site", "--no-search", *options, cwd=cwd)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.startswith("Error: "), result.stderr
    return result.stderr


@pytest.mark.parametrize("style", ["flow", "block"])
def test_yaml_nested_30000_deep_is_an_error_not_a_crash(style: str, tmp_path: Path) -> None:
    deep = "[" * 30_000 + "]" * 30_000 if style == "flow" else "\n    " + "- " * 30_000 + "end"
    content = small_site(tmp_path, {"deep.md": article(extra=f"extra:\n  x: {deep}\n")})
    error = refused(content)
    line = 7 if style == "flow" else 8  # where the nesting goes past what is parsed at all
    assert f"{content}/articles/deep.md:{line}: invalid YAML: nested more than 50 levels deep" in error


@pytest.mark.parametrize("date", ["9999-12-31T23:00:00-12:00", "0001-01-01T00:00+14:00"])
def test_a_date_at_the_edge_of_the_range_is_an_error(date: str, tmp_path: Path) -> None:
    content = small_site(tmp_path, {"edge.md": article().replace("date: 2025-01-03", f"date: {date}")})
    error = refused(content)
    assert f"{content}/articles/edge.md:4: date: '{date}' is out of range" in error


def test_a_symlink_loop_in_the_content_is_an_error(tmp_path: Path) -> None:
    content = small_site(tmp_path)
    (content / "articles/loop.md").symlink_to("loop.md")
    assert f"{content}/articles/loop.md: is a link that loops back on itself" in refused(content)


def cached_build(tmp_path: Path) -> tuple[Path, Path]:
    """The small site built with the CLI's default cache (.cache/ in ``tmp_path``); content and cache file."""
    content = small_site(tmp_path)
    result = run_build("--content", content, "--out", tmp_path / "site", "--no-search", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return content, tmp_path / ".cache" / "pressarchive.sqlite"


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE records SET record = x'80059500ff'",
        "UPDATE state SET value = x'0badc0de'",
        "UPDATE trees SET manifest = x'8004' || randomblob(50)",
        "UPDATE trees SET manifest = x'fb' || x'da0161' || x'e901000000' || x'30'",  # marshal of {'a': 1}: no manifest
        "DROP TABLE records; CREATE TABLE records (path TEXT PRIMARY KEY, size INTEGER)",
    ],
    ids=["records", "state", "manifests", "manifest-shape", "schema"],
)
def test_a_damaged_cache_is_emptied_with_a_warning(damage: str, tmp_path: Path) -> None:
    content, cache = cached_build(tmp_path)
    with sqlite3.connect(cache) as db:
        db.executescript(damage)
    (content / "articles/two.md").write_text(article("Second, edited"))
    for _ in range(2):  # the first build says what it emptied; the next is a normal one
        result = run_build("--content", content, "--out", tmp_path / "site", "--no-search", cwd=tmp_path)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert tree_bytes(tmp_path / "site") == clean_build(tmp_path, config(tmp_path))


def test_a_damaged_cache_is_reported(tmp_path: Path) -> None:
    content, cache = cached_build(tmp_path)
    with sqlite3.connect(cache) as db:
        db.execute("UPDATE records SET record = x'80059500ff'")
    (content / "articles/two.md").write_text(article("Second, edited"))
    result = run_build("--content", content, "--out", tmp_path / "site", "--no-search", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        f"Warning: the build cache {Path('.cache/pressarchive.sqlite')} held a record it cannot read" in result.stderr
    )


def test_a_template_error_names_the_article_and_the_template_line(tmp_path: Path) -> None:
    small_site(tmp_path)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    page = tmp_path / "templates/article.html"
    lines = page.read_text().split("\n")
    at = next(n for n, line in enumerate(lines) if "{% block main %}" in line) + 1
    lines.insert(at, "{{ article.no_such_field }}")
    page.write_text("\n".join(lines))
    with pytest.raises(BuildError) as raised:
        build(config(tmp_path, templates=tmp_path / "templates"))
    assert str(raised.value).startswith(f"{tmp_path}/content/articles/one.md: template article.html line {at + 1}: ")
    assert "no_such_field" in str(raised.value) and "(while rendering /articles/one/)" in str(raised.value)


# 5. Control characters -------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "code"), [(r"\a", "0007"), (r"\e", "001B"), (r"\x7f", "007F"), (r"\uFFFE", "FFFE")]
)
def test_a_control_character_in_metadata_is_an_error(written: str, code: str, tmp_path: Path) -> None:
    content = small_site(tmp_path, {"bell.md": article(f'"Ring {written} bell"', extra=f'tags: ["x{written}"]\n')})
    error = refused(content)
    assert f"{content}/articles/bell.md:2: title: contains the control character U+{code}; remove it" in error
    assert f"{content}/articles/bell.md:6: tags: contains the control character U+{code}; remove it" in error


def test_control_characters_in_a_body_stay_out_of_the_feeds(tmp_path: Path) -> None:
    body = "Bell \x07, escape \x1b[31m, form feed \x0c, noncharacters \ufffe\uffff, DEL \x7f.\n"
    content = small_site(tmp_path, {"one.md": article(body=body), "two.md": article("Second")})
    out = tmp_path / "site"
    result = run_build("--content", content, "--out", out, "--no-search", "--base-url", "https://example.org/")
    assert result.returncode == 0, result.stderr
    feeds = sorted(out.glob("feeds/**/*.xml")) + sorted(out.glob("sitemap*.xml"))
    assert len(feeds) >= 3
    for feed in feeds:
        ET.parse(feed)  # raises on a character XML cannot hold
    assert "Bell , escape [31m" in (out / "feeds/all.xml").read_text()


# 6. An empty archive -------------------------------------------------------------------


def test_an_archive_of_drafts_only_is_refused_unless_allowed(tmp_path: Path) -> None:
    content = small_site(tmp_path, {"a.md": article(extra="draft: true\n"), "b.md": article(extra="draft: true\n")})
    out = tmp_path / "site"
    before = run_build("--content", content, "--out", out, "--no-search", "--drafts")
    assert before.returncode == 0, before.stderr
    published = tree_bytes(out)
    assert refused(content) == (
        "Error: no article to publish: every article is a draft (2); include them with --drafts,"
        " or publish an archive without articles with --allow-empty\n"
    )
    build_ok("check", "--content", content)  # checking drafts (as after an import) is no publication
    assert tree_bytes(out) == published
    result = run_build("--content", content, "--out", out, "--no-search", "--allow-empty")
    assert result.returncode == 0 and "built" in result.stderr, result.stderr


# 7. Two builds at once -------------------------------------------------------------------


@pytest.mark.parametrize("held", ["site", "cache"])
def test_a_second_build_is_refused_naming_the_process_that_holds_the_lock(held: str, tmp_path: Path) -> None:
    content = small_site(tmp_path)
    out, other_out, cache = tmp_path / "site", tmp_path / "other", tmp_path / ".cache" / "pressarchive.sqlite"
    build_ok("--content", content, "--out", out, "--no-search", cwd=tmp_path)
    before = tree_bytes(out)
    with build_lock(out if held == "site" else other_out, cache if held == "cache" else None):
        result = run_build("--content", content, "--out", out, "--no-search", cwd=tmp_path)
    doing = f"writing {out}" if held == "site" else f"using the build cache {Path('.cache/pressarchive.sqlite')}"
    assert result.returncode == 1
    assert (
        result.stderr == f"Error: another build (process {os.getpid()}) is {doing}; wait for it to finish, or stop it\n"
    )
    assert tree_bytes(out) == before
    build_ok("--content", content, "--out", out, "--no-search", cwd=tmp_path)  # the lock went with its holder


# 8. Leftovers after kill -9 ------------------------------------------------------------------


def pagefind_children(pid: int) -> list[int]:
    """The Pagefind processes whose parent is ``pid`` (once they run Pagefind's binary)."""
    return [child for child in children(pid) if b"pagefind" in Path(program(child)).name.encode()]


def program(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
    except OSError:
        return ""


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(check: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.01)
    return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; the parent-death signal is Linux's")
@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
def test_a_killed_build_leaves_no_pagefind_running_and_its_work_is_removed_next_time(
    cache: bool, tmp_path: Path
) -> None:
    articles = {
        f"story-{n:03d}.md": article(f"Story {n}", " ".join(f"w{n * k % 997}" for k in range(200))) for n in range(300)
    }
    content = small_site(tmp_path, articles)
    options = [] if cache else ["--no-cache"]
    command = [
        sys.executable,
        str(ROOT / "build.py"),
        "--content",
        str(content),
        "--out",
        str(tmp_path / "site"),
        *options,
    ]
    build = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.DEVNULL, start_new_session=True)
    pagefind: list[int] = []
    try:
        assert wait_until(lambda: bool(pagefind.extend(pagefind_children(build.pid)) or pagefind)), (
            "Pagefind never started"
        )
        os.kill(pagefind[0], signal.SIGSTOP)  # it cannot finish on its own while the test looks
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        assert wait_until(lambda: not alive(pagefind[0]), seconds=10), "Pagefind outlived the build"
    finally:
        for pid in pagefind:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    work = ".cache/search/*/pagefind-shard-*" if cache else ".site-search-*"
    assert list(tmp_path.glob(work)), "the killed build left no work folder (nothing to test)"
    build_ok("--content", content, "--out", tmp_path / "site", *options, cwd=tmp_path)
    assert list(tmp_path.glob(work)) == []


# 9. Smaller ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("one", "two"), [("C++", "c"), ("🌍", "!!!")])
def test_tags_that_share_a_page_are_an_error_naming_both(one: str, two: str, tmp_path: Path) -> None:
    content = small_site(
        tmp_path, {"a.md": article(extra=f'tags: ["{one}"]\n'), "b.md": article(extra=f'tags: ["{two}"]\n')}
    )
    assert f"{content}/articles/b.md:6: tags: '{two}' and '{one}' (in {content}/articles/a.md) would share" in refused(
        content
    )


def test_a_source_given_as_yml_and_yaml_is_an_error(tmp_path: Path) -> None:
    content = small_site(tmp_path)
    (content / "sources/wire.yml").write_text("name: Other wire\n")
    assert f"{content}/sources/wire.yml: the source 'wire' is also wire.yaml; keep one of the two files" in refused(
        content
    )


@pytest.mark.parametrize("name", ["con", "nul", "aux", "com1", "lpt9", "x" * 201])
def test_a_slug_no_file_system_can_hold_is_an_error(name: str, tmp_path: Path) -> None:
    content = small_site(tmp_path, {f"{name}.md": article()})
    assert f"{content}/articles/{name}.md:1: slug: '{name[:40]}" in refused(content)


def test_a_utc_offset_beyond_14_hours_is_an_error(tmp_path: Path) -> None:
    content = small_site(tmp_path, {"far.md": article().replace("date: 2025-01-03", "date: 2025-01-03T10:00+15:00")})
    assert "far.md:4: date: '2025-01-03T10:00+15:00': UTC offsets go from -14:00 to +14:00" in refused(content)


def test_a_linked_folder_leading_outside_the_content_is_an_error(tmp_path: Path) -> None:
    content = small_site(tmp_path)
    write_files(tmp_path / "elsewhere", {"three.md": article("Third")})
    (content / "articles/more").symlink_to(tmp_path / "elsewhere")
    assert f"{content}/articles/more: is a link to a folder outside the content folder" in refused(content)


def test_the_server_answers_only_its_own_host_names(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>hello</p>")
    for url in serve_folder(tmp_path, "/"):
        port = int(url.rsplit(":", 1)[1].strip("/"))
        for host, expected in [("127.0.0.1", 200), ("localhost", 200), ("attacker.example", 421)]:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/", headers={"Host": f"{host}:{port}"})
            assert connection.getresponse().status == expected, host
            connection.close()


def test_imported_text_that_looks_like_markdown_stays_text() -> None:
    text = "First line\n---\n# Not a heading\n> Not a quote\n\n- a list stays a list\n\nLast\n==="
    html = markdown_it.MarkdownIt("commonmark").render(literal(text))
    assert "<h1>" not in html and "<h2>" not in html and "<blockquote>" not in html and "<hr" not in html
    assert "# Not a heading" in html and "&gt; Not a quote" in html and "<li>a list stays a list</li>" in html
