"""The build cache: Markdown rendered once per distinct body, kept between builds.

Rendering Markdown is most of a build's work, and an article's HTML depends only
on its body and on the renderer's code, so that pair is the key. The cache is a
single SQLite file outside the output folder (default `.cache/pressarchive.sqlite`);
deleting it only makes the next build slower.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import markdown_it

from . import markup

# Any change to the Markdown code or library version gives new keys.
_CODE_VERSION = hashlib.sha256(Path(markup.__file__).read_bytes() + markdown_it.__version__.encode()).hexdigest()
PARALLEL_THRESHOLD = 200  # below this many bodies to render, processes cost more than they save


def _key(body: str) -> str:
    return hashlib.sha256((_CODE_VERSION + body).encode("utf-8")).hexdigest()


def render_bodies(bodies: Iterable[str], cache_file: Path | None) -> dict[str, tuple[str, str]]:
    """Map each distinct Markdown body to (html, excerpt), reusing and filling the cache."""
    wanted = {_key(body): body for body in bodies}
    rendered: dict[str, tuple[str, str]] = {}
    db = _open(cache_file) if cache_file else None
    if db is not None:
        rendered = _lookup(db, list(wanted))
    missing = [key for key in wanted if key not in rendered]
    for key, result in zip(missing, _render_many([wanted[k] for k in missing])):
        rendered[key] = result
    if db is not None:
        with db:
            db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?)", [(k, *rendered[k]) for k in missing])
        db.close()
    return {body: rendered[key] for key, body in wanted.items()}


def _render_many(bodies: list[str]) -> list[tuple[str, str]]:
    if len(bodies) < PARALLEL_THRESHOLD or (os.cpu_count() or 1) < 2:
        return [markup.render_with_excerpt(body) for body in bodies]
    with ProcessPoolExecutor() as pool:
        return list(pool.map(markup.render_with_excerpt, bodies, chunksize=64))


def _open(cache_file: Path) -> sqlite3.Connection | None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(cache_file)
        db.execute("CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT, excerpt TEXT)")
        return db
    except sqlite3.Error:
        return None  # an unusable cache only costs time


def _lookup(db: sqlite3.Connection, keys: list[str]) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for key, html, excerpt in db.execute(f"SELECT key, html, excerpt FROM bodies WHERE key IN ({marks})", chunk):
            found[key] = (html, excerpt)
    return found
