"""Make and write the files a build must produce, across all cores when there are many.

Rendering pages is CPU-bound Python, so threads would not help. The workers are forked
after the whole site is modelled: each inherits the renderer as it is, takes every n-th
file, renders and writes it itself, and sends back only its size and mtime; the build
process takes a share of its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

PARALLEL_THRESHOLD = 800  # fewer files than this are made faster in one process than by forking
Todo = list[tuple[str, Callable[[], bytes]]]  # output path -> how to make its bytes

_job: tuple[Path, Todo, Any] | None = None  # what forked workers inherit


def produce_files(folder: Path, todo: Todo, cache: Any) -> dict[str, tuple[int, int]]:
    """Write each file of ``todo`` under ``folder``; return path -> (size, mtime_ns).

    ``cache`` (a BuildCache) is what the producers may read; a forked worker opens its own connection.
    """
    workers = min(os.cpu_count() or 1, 8)
    # Fork only from a single-threaded process (not under `serve`): locks held by other threads would stay held.
    if len(todo) < PARALLEL_THRESHOLD or workers < 2 or threading.active_count() > 1 or not hasattr(os, "fork"):
        return _produce(folder, todo)
    import multiprocessing  # here: only large builds fork

    global _job
    _job = (folder, todo, cache)
    try:
        # The build process makes the first share itself: every forked worker ends up with a
        # copy of much of the site model (reference counting writes to what it reads).
        with multiprocessing.get_context("fork").Pool(workers - 1, initializer=_forget_connection) as pool:
            others = pool.map_async(_produce_share, [(index, workers) for index in range(1, workers)])
            shares = [_produce(folder, todo[0::workers]), *others.get()]
    finally:
        _job = None
    return {path: status for share in shares for path, status in share.items()}


def _produce(folder: Path, todo: Todo) -> dict[str, tuple[int, int]]:
    written = {}
    for path, produce in todo:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(produce())
        status = target.stat()
        written[path] = (status.st_size, status.st_mtime_ns)
    return written


def _forget_connection() -> None:
    """A SQLite connection must not be used across fork: the worker drops it and connects again when it reads."""
    assert _job is not None
    _job[2].db = None


def _produce_share(share: tuple[int, int]) -> dict[str, tuple[int, int]]:
    assert _job is not None
    folder, todo, _ = _job
    index, count = share
    return _produce(folder, todo[index::count])
