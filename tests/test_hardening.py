"""Hostile or odd input: encodings, YAML traps, sizes, dates, reserved names, warnings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import FIXTURES, build_ok, parse, run_build, tree_bytes, write_files

SOURCE = "name: Wire\nkind: news agency\n"
BRIEFING = "---\ntitle: Budget briefing\ndate: 2025-01-02\n---\nSummary.\n"


def article(extra: str = "", body: str = "Body text.\n", date: str = "2025-01-03") -> str:
    return f"---\ntitle: A story\nsource: wire\ndate: {date}\nbriefing: budget\n{extra}---\n{body}"


def site(root: Path, articles: dict[str, str | bytes]) -> Path:
    files: dict[str, str | bytes] = {"sources/wire.yaml": SOURCE, "briefings/budget.md": BRIEFING}
    files.update({f"articles/{name}": text for name, text in articles.items()})
    return write_files(root, files)


# Encoding ---------------------------------------------------------------------


def test_bom_and_crlf_build_byte_identical_to_plain_lf(tmp_path: Path) -> None:
    text = article("tags: [budget]\n", body="First line.\n\nSecond *paragraph*.\n")
    plain = site(tmp_path / "plain", {"story.md": text})
    windows = site(tmp_path / "windows", {"story.md": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()})
    (windows / "sources" / "wire.yaml").write_bytes(b"\xef\xbb\xbf" + SOURCE.replace("\n", "\r\n").encode())
    build_ok("--content", plain, "--out", tmp_path / "a", "--no-search")
    build_ok("--content", windows, "--out", tmp_path / "b", "--no-search")
    assert tree_bytes(tmp_path / "a") == tree_bytes(tmp_path / "b")
    sha = parse(tmp_path / "b" / "articles" / "story" / "index.html").select_one("code.hash").get_text()
    import hashlib

    assert sha == hashlib.sha256(b"First line.\n\nSecond *paragraph*.\n").hexdigest()


# YAML traps -------------------------------------------------------------------


def test_billion_laughs_fails_fast() -> None:
    case = FIXTURES / "invalid" / "yaml-billion-laughs"
    started = time.perf_counter()
    result = run_build("check", "--content", "content", cwd=case)
    assert time.perf_counter() - started < 2  # a safety bound, not a benchmark
    assert result.returncode == 1
    assert "YAML aliases (`*name`) are not allowed" in result.stderr


# Paths ------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(__import__("pressarchive.fields", fromlist=["x"]).RESERVED_SLUGS))
def test_every_reserved_slug_is_refused(name: str, tmp_path: Path) -> None:
    content = site(tmp_path / "content", {"ok.md": article(f"slug: '{name}'\n"), f"{name}.md": article()})
    result = run_build("check", "--content", content)
    assert result.returncode == 1
    assert f"{content}/articles/ok.md:6: slug: '{name}' is reserved for the site's own pages\n" in result.stderr
    message = (
        f"'{name}' is reserved for the site's own pages (taken from the file name: rename the file or set `slug:`)"
    )
    assert f"{content}/articles/{name}.md:1: slug: {message}\n" in result.stderr


# Size -------------------------------------------------------------------------


def test_file_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    content = site(tmp_path / "content", {"big.md": article(body="word " * 400_001)})
    size = (content / "articles" / "big.md").stat().st_size
    result = run_build("check", "--content", content)
    assert result.returncode == 1
    limit = "the limit is 2,000,000 (raise it with --max-file-bytes)"
    assert result.stderr == f"Error: {content}/articles/big.md: file is {size:,} bytes; {limit}\n"
    build_ok("check", "--content", content, "--max-file-bytes", "3000000")
    small = run_build("check", "--content", content, "--max-file-bytes", "40")
    assert "sources/wire.yaml" not in small.stderr and "briefings/budget.md: file is" in small.stderr


@pytest.mark.parametrize(
    "body",
    ["[" * 100_000, "\n".join("  " * i + "- x" for i in range(1_000)), ">" * 100_000 + " x"],
    ids=["brackets", "nested-lists", "nested-quotes"],
)
def test_pathological_markdown_builds_within_budget(body: str, tmp_path: Path) -> None:
    content = site(tmp_path / "content", {"story.md": article(body=body + "\n")})
    started = time.perf_counter()
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    assert time.perf_counter() - started < 30  # measured about 2 s for 100,000 `[`


# Dates ------------------------------------------------------------------------


def test_mixed_date_precisions_sort_in_utc(tmp_path: Path) -> None:
    dates = {
        "a-offset": "2025-01-03T09:00:00+08:00",  # 01:00 UTC
        "b-date": "2025-01-03",  # 00:00 UTC
        "c-naive": "2025-01-03T02:30:00",  # 02:30, zone not stated, ordered as UTC
        "d-west": "2025-01-02T20:30:00-05:00",  # 01:30 UTC on the 3rd
        "e-next": "2025-01-04",
    }
    content = site(tmp_path / "content", {f"{slug}.md": article(date=date) for slug, date in dates.items()})
    build_ok("--content", content, "--out", tmp_path / "site", "--no-search")
    oldest_first = ["b-date", "a-offset", "d-west", "c-naive", "e-next"]
    briefing = parse(tmp_path / "site" / "briefings" / "budget" / "index.html")
    assert [a["href"] for a in briefing.select("ol.cards h3 a")] == [f"/articles/{s}/" for s in oldest_first]
    source = parse(tmp_path / "site" / "sources" / "wire" / "index.html")
    newest_first = [a["href"] for a in source.select("ol.cards h3 a")]
    assert newest_first == [f"/articles/{s}/" for s in reversed(oldest_first)]


# Warnings ---------------------------------------------------------------------


def test_warnings_are_reported_and_strict_makes_them_errors(tmp_path: Path) -> None:
    content = site(
        tmp_path / "content",
        {
            "lonely.md": "---\ntitle: Lonely\nsource: wire\ndate: 2025-01-01\ntags: [Budget]\n---\nText\n",
            "empty.md": article("tags: [budget]\n", body=""),
        },
    )
    expected = [
        f"{content}/articles/empty.md: the article has no body text",
        f"{content}/articles/lonely.md: briefing: not set: the article is listed under its source only",
        f"{content}/articles/lonely.md:5: tags: 'Budget' differs only in case from 'budget' in {content}/articles/empty.md",
    ]
    site_url = ("--base-url", "https://example.org/")  # else a warning that feeds are left out joins these
    result = build_ok("--content", content, "--out", tmp_path / "site", "--no-search", *site_url)
    assert [
        line.removeprefix("Warning: ") for line in result.stderr.splitlines() if line.startswith("Warning: ")
    ] == expected
    for command in ("check", "build"):
        strict = run_build(command, "--content", content, "--out", tmp_path / "strict", "--strict")
        assert strict.returncode == 1
        assert strict.stderr == "Error: 3 problems found:\n" + "\n".join(expected) + "\n"
        assert not (tmp_path / "strict").exists()


def test_markdown_over_the_render_budget_is_an_error(tmp_path: Path) -> None:
    from pressarchive.errors import BuildError
    from pressarchive.pipeline import BuildConfig, build

    content = site(tmp_path / "content", {"fine.md": article(), "slow.md": article(body="[" * 400_000 + "\n")})
    started = time.perf_counter()
    with pytest.raises(BuildError) as raised:
        build(BuildConfig(content=content, out=tmp_path / "site", search=False, render_budget=0.5))
    assert time.perf_counter() - started < 10
    hint = "simplify it (long runs of `[` or `*`, deeply nested lists or quotes)"
    assert raised.value.text == f"{content}/articles/slow.md: the Markdown took more than 0.5 s to render; {hint}"
    assert not (tmp_path / "site").exists()
