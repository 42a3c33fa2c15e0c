"""Render-Markdown stage: bodies rendered once, new ones in parallel; pages fetch the rest from the build cache.

Rendering Markdown is most of a cold build's work, and a body's HTML depends only on
the body (and the code, which the cache's CODE_VERSION covers), so the body's SHA-256
is the key.
"""

from __future__ import annotations

import dataclasses
import os
from functools import partial
from pathlib import Path

from . import markup
from .cache import BuildCache
from .errors import BuildError, ContentError
from .model import AboutPage, Article, Briefing, Record, Records, Validated, body_key

PARALLEL_THRESHOLD = 200  # below this many bodies to render, processes cost more than they save
CHUNK = 2000  # bodies rendered and stored at a time: memory stays flat however large the archive


def render_markdown(records: Records, cache: BuildCache, budget: float) -> tuple[Records, Bodies]:
    """Render the Markdown of new and changed files (of every file, without a cache).

    Articles keep no body afterwards: pages get its HTML from Bodies, by the body's hash.
    """
    bodies = Bodies(cache, budget)
    bodies.render_new([(v.file.path, markdown) for v in records.fresh for markdown in _markdown_of(v.record)])
    stripped = {id(a): _without_body(a) for a in records.articles}  # one object per article, shared by both lists
    articles = tuple(stripped[id(a)] for a in records.articles)
    fresh = tuple(Validated(v.file, stripped.get(id(v.record), v.record)) for v in records.fresh)
    return dataclasses.replace(records, articles=articles, fresh=fresh), bodies


def _markdown_of(record: Record) -> tuple[str, ...]:
    match record:
        case Article():
            return (record.body_md,)
        case Briefing() if record.summary_md:
            return (record.summary_md,)
        case AboutPage():
            return (record.body_md,)
    return ()


def _without_body(article: Article) -> Article:
    return dataclasses.replace(article, body_md="") if article.body_md else article


class Bodies:
    """Markdown body (by its body_key) -> (HTML, excerpt), rendered at most once per build and once per cache.

    With a cache, new bodies go straight into it and pages fetch their HTML from it, so a
    cold build of a large archive never holds every body's HTML in memory at once.
    """

    def __init__(self, cache: BuildCache, budget: float):
        self.cache = cache
        self.budget = budget
        self.known: dict[str, tuple[str, str]] = {}  # without a cache: every body; with one: what was asked for

    def render_new(self, documents: list[tuple[Path, str]]) -> None:
        """Render the bodies the cache lacks and store them in it.

        Pathological Markdown is an error naming its file, not a hang.
        """
        wanted = {body_key(body): body for _, body in documents}
        cached = set(self.cache.bodies(list(wanted))) if self.cache.enabled else set()
        missing = [key for key in wanted if key not in cached]
        render = partial(markup.render_within, budget=self.budget)
        slow: set[str] = set()
        pool = None
        if len(missing) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) >= 2:
            from concurrent.futures import ProcessPoolExecutor  # here: only cold builds need it

            pool = ProcessPoolExecutor()  # each worker's main thread, so the time limit applies
        try:
            for start in range(0, len(missing), CHUNK):
                keys = missing[start : start + CHUNK]
                bodies = [wanted[key] for key in keys]
                results = list(pool.map(render, bodies, chunksize=64) if pool else map(render, bodies))
                new = {key: result for key, result in zip(keys, results, strict=True) if result is not None}
                slow.update(wanted[key] for key, result in zip(keys, results, strict=True) if result is None)
                if not self.cache.put_bodies(new):  # no cache, or it cannot take them: keep them here
                    self.known.update(new)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if slow:
            hint = "simplify it (long runs of `[` or `*`, deeply nested lists or quotes)"
            message = f"the Markdown took more than {self.budget:g} s to render; {hint}"
            raise BuildError([ContentError(path, 0, "", message) for path, body in documents if body in slow])

    def html(self, key: str) -> str:
        return self._get(key)[0]

    def excerpt(self, key: str) -> str:
        return self._get(key)[1]

    def _get(self, key: str) -> tuple[str, str]:
        if key not in self.known:
            found = self.cache.bodies([key]).get(key)
            if found is None:  # the pipeline reuses a cached record only if the cache had its body
                raise BuildError("the build cache failed during the build; run again (or with --no-cache)")
            self.known[key] = found
        return self.known[key]
