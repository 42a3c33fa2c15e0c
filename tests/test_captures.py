"""Raw captures: published byte for byte as plain text, checked against SHA256SUMS, linked from provenance."""

from __future__ import annotations

import hashlib
import urllib.request
from pathlib import Path

from conftest import build_ok, parse, run_build, serve_folder, tree_bytes, write_files

PAGE = b"<!doctype html><script>alert(1)</script><p>Saved page</p>\n"
ARTICLE = (
    "---\ntitle: A story\nsource: wire\ndate: 2025-11-03\nextra:\n  capture: captures/page.html\n{digest}---\nText.\n"
)


def content(root: Path, listed_digest: str, article_digest: str = "") -> Path:
    line = f"  capture_sha256: {article_digest}\n" if article_digest else ""
    return write_files(
        root / "content",
        {
            "sources/wire.yaml": "name: Wire\n",
            "articles/story.md": ARTICLE.format(digest=line),
            "captures/page.html": PAGE,
            "captures/SHA256SUMS": f"{listed_digest}  page.html\n",
        },
    )


def test_a_saved_html_page_is_published_as_text_and_served_as_text(tmp_path: Path) -> None:
    digest = hashlib.sha256(PAGE).hexdigest()
    out = tmp_path / "site"
    build_ok("--content", content(tmp_path, digest, digest), "--out", out, "--no-search")
    assert (out / "captures" / "page.html.txt").read_bytes() == PAGE
    assert not (out / "captures" / "page.html").exists()
    link = parse(out / "articles" / "story" / "index.html").select_one("aside.provenance a[href$='.txt']")
    assert link["href"] == "/captures/page.html.txt"
    for base in serve_folder(out, "/"):
        with urllib.request.urlopen(base + "captures/page.html.txt") as response:
            assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
            assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_a_capture_that_differs_from_its_listed_digest_stops_the_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    good = hashlib.sha256(PAGE).hexdigest()
    build_ok("--content", content(tmp_path, good), "--out", out, "--no-search")
    before = tree_bytes(out)
    wrong = "0" * 64
    result = run_build("--content", content(tmp_path, wrong), "--out", out, "--no-search")
    assert result.returncode == 1
    sums = tmp_path / "content" / "captures" / "SHA256SUMS"
    assert f"{sums}:1: 'page.html' has SHA-256 {good}, not the {wrong} listed" in result.stderr
    assert "Traceback" not in result.stderr and tree_bytes(out) == before


def test_an_article_giving_another_digest_for_its_capture_is_an_error(tmp_path: Path) -> None:
    good = hashlib.sha256(PAGE).hexdigest()
    result = run_build("--content", content(tmp_path, good, "f" * 64), "--out", tmp_path / "site", "--no-search")
    assert result.returncode == 1
    story = tmp_path / "content" / "articles" / "story.md"
    assert (
        f"{story}:5: extra.capture_sha256: '{'f' * 64}' differs from the SHA-256 of captures/page.html" in result.stderr
    )


def test_a_rebuild_follows_edits_to_the_about_page_and_the_captures(tmp_path: Path) -> None:
    """Both are inputs of the build: editing one rebuilds (the cached About page keeps its text)."""
    digest = hashlib.sha256(PAGE).hexdigest()
    root = content(tmp_path, digest)
    about = root / "about.md"
    about.write_text("---\ntitle: About us\nsummary: Wire stories.\n---\nKept by *the desk*.\n", encoding="utf-8")
    out = tmp_path / "site"
    build_ok("--content", root, "--out", out, "--no-search", cwd=tmp_path)
    assert parse(out / "about" / "index.html").select_one("main em").get_text() == "the desk"
    assert "Wire stories." in parse(out / "index.html").select_one("p.lede").get_text()
    (root / "site.yaml").write_text("title: Renamed\n", encoding="utf-8")  # a rebuild that reuses about.md's record
    build_ok("--content", root, "--out", out, "--no-search", cwd=tmp_path)
    assert parse(out / "about" / "index.html").select_one("main em").get_text() == "the desk"
    changed = PAGE.replace(b"Saved page", b"Saved again")
    (root / "captures" / "page.html").write_bytes(changed)
    (root / "captures" / "SHA256SUMS").write_text(f"{hashlib.sha256(changed).hexdigest()}  page.html\n")
    build_ok("--content", root, "--out", out, "--no-search", cwd=tmp_path)
    assert (out / "captures" / "page.html.txt").read_bytes() == changed


def test_without_about_md_the_about_page_says_who_keeps_the_archive_is_not_stated(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_ok("--content", content(tmp_path, hashlib.sha256(PAGE).hexdigest()), "--out", out, "--no-search")
    text = " ".join(parse(out / "about" / "index.html").select_one("main").get_text().split())
    assert "Who keeps this archive, and which briefings it sets out to hold, is not stated" in text
    assert parse(out / "index.html").select_one("p.lede a")["href"] == "/about/"
