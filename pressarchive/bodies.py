"""Markdown bodies rendered once: new ones in parallel, the rest fetched from the build cache when a page needs them.

Rendering Markdown is most of a cold build's work, and a body's HTML depends only on
the body (and the code, which the cache's CODE_VERSION covers), so the body's SHA-256
is the key.
"""

from __future__ import annotations

import hashlib
import os
from functools import partial
from pathlib import Path

from . import markup
from .cache import BuildCache
from .errors import BuildError, ContentError

PARALLEL_THRESHOLD = 200  # below this many bodies to render, processes cost more than they save


def body_key(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class Bodies:
    """Markdown body (by its body_key) -> (HTML, excerpt), rendered at most once per build and once per cache."""

    def __init__(self, cache: BuildCache, budget: float):
        self.cache = cache
        self.budget = budget
        self.known: dict[str, tuple[str, str]] = {}

    def render_new(self, documents: list[tuple[Path, str]]) -> dict[str, tuple[str, str]]:
        """Render the bodies the cache lacks; return them (by key) for the caller to store.

        Pathological Markdown is an error naming its file, not a hang.
        """
        wanted = {body_key(body): body for _, body in documents}
        cached = self.cache.bodies(list(wanted))
        self.known.update(cached)
        missing = [key for key in wanted if key not in cached]
        render = partial(markup.render_within, budget=self.budget)
        if len(missing) < PARALLEL_THRESHOLD or (os.cpu_count() or 1) < 2:
            results = [render(wanted[key]) for key in missing]
        else:
            from concurrent.futures import ProcessPoolExecutor  # here: only cold builds need it

            with ProcessPoolExecutor() as pool:  # each worker's main thread, so the time limit applies
                results = list(pool.map(render, [wanted[key] for key in missing], chunksize=64))
        slow = {wanted[key] for key, result in zip(missing, results, strict=True) if result is None}
        if slow:
            hint = "simplify it (long runs of `[` or `*`, deeply nested lists or quotes)"
            message = f"the Markdown took more than {self.budget:g} s to render; {hint}"
            raise BuildError([ContentError(path, 0, "", message) for path, body in documents if body in slow])
        new = {key: result for key, result in zip(missing, results, strict=True) if result is not None}
        self.known.update(new)
        return new

    def html(self, key: str) -> str:
        return self._get(key)[0]

    def excerpt(self, key: str) -> str:
        return self._get(key)[1]

    def _get(self, key: str) -> tuple[str, str]:
        if key not in self.known:
            found = self.cache.bodies([key]).get(key)
            if found is None:  # the pipeline reuses a cached record only if the cache has its body
                raise RuntimeError(f"the build cache lost the Markdown body {key}; delete {self.cache.path}")
            self.known[key] = found
        return self.known[key]
