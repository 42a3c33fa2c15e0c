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
from functools import partial
from pathlib import Path

import markdown_it

from . import markup

# Any change to the Markdown code or library version gives new keys.
_CODE_VERSION = hashlib.sha256(Path(markup.__file__).read_bytes() + markdown_it.__version__.encode()).hexdigest()
PARALLEL_THRESHOLD = 200  # below this many bodies to render, processes cost more than they save


def _key(body: str) -> str:
    return hashlib.sha256((_CODE_VERSION + body).encode("utf-8")).hexdigest()


def render_bodies(
    bodies: Iterable[str], cache_file: Path | None, budget: float
) -> tuple[dict[str, tuple[str, str]], set[str]]:
    """Map each distinct Markdown body to (html, excerpt), reusing and filling the cache.

    Each body gets ``budget`` seconds; the ones that take longer are returned apart.
    """
    wanted = {_key(body): body for body in bodies}
    rendered: dict[str, tuple[str, str]] = {}
    db = _open(cache_file) if cache_file else None
    if db is not None:
        rendered = _lookup(db, list(wanted))
    missing = [key for key in wanted if key not in rendered]
    too_slow = set()
    for key, result in zip(missing, _render_many([wanted[k] for k in missing], budget), strict=False):
        if result is None:
            too_slow.add(wanted[key])
        else:
            rendered[key] = result
    if db is not None:
        new = [(k, *rendered[k]) for k in missing if k in rendered]
        with db:
            db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?)", new)
        db.close()
    return {body: rendered[key] for key, body in wanted.items() if key in rendered}, too_slow


def _render_many(bodies: list[str], budget: float) -> list[tuple[str, str] | None]:
    render = partial(markup.render_within, budget=budget)
    if len(bodies) < PARALLEL_THRESHOLD or (os.cpu_count() or 1) < 2:
        return [render(body) for body in bodies]
    with ProcessPoolExecutor() as pool:  # each worker's main thread, so the time limit applies
        return list(pool.map(render, bodies, chunksize=64))


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
