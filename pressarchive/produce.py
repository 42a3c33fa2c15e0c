"""Make and write the files a build must produce, across all cores when there are many.

Rendering pages is CPU-bound Python, so threads would not help. Workers are forked
after the whole site is modelled: each inherits everything as it is, takes every n-th
file, renders and writes it itself, and sends back only what it wrote (the files' stamps)
through a pipe; the build process makes a share of its own.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from .stamps import Stamp, stamp_of

PARALLEL_THRESHOLD = 800  # fewer files than this are made faster in one process than by forking
MAX_WORKERS = 8
Todo = list[tuple[str, Callable[[], bytes]]]  # output path -> how to make its bytes
Made = dict[str, Stamp]  # output path -> its stamp as written


def produce_files(folder: Path, todo: Todo, cache: Any) -> Made:
    """Write each file of ``todo`` under ``folder``.

    ``cache`` (a BuildCache) is what the producers may read: a forked worker drops its
    SQLite connection, which must not cross a fork, and connects again when it reads.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    # Fork only from a single-threaded process (not under `serve`): locks held by other threads would stay held.
    if len(todo) < PARALLEL_THRESHOLD or workers < 2 or threading.active_count() > 1 or not hasattr(os, "fork"):
        return _produce(folder, todo)
    children = [_fork(partial(_produce, folder, todo[share::workers]), cache) for share in range(1, workers)]
    made = {}
    try:
        # The build process makes the first share itself: every forked worker ends up with a
        # copy of much of the site model (reference counting writes to what it reads).
        made.update(_produce(folder, todo[0::workers]))
        for child in children:
            made.update(_collect(*child))
    except BaseException:
        for pid, _ in children:
            _stop(pid)
        raise
    finally:
        for _, reader in children:
            os.close(reader)
    return made


def _produce(folder: Path, todo: Todo) -> Made:
    written = {}
    for path, produce in todo:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(produce())
        written[path] = stamp_of(target.stat())
    return written


def _fork(work: Callable[[], Made], cache: Any) -> tuple[int, int]:
    """Run ``work`` in a forked child; return its pid and the pipe its pickled result (or error) arrives on."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    os.close(reader)
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C: the parent reports it; the child just stops
        cache.forget_connection()
        result: object = work()
    except BaseException as error:  # sent to the parent, which raises it
        result, code = error, 1
    try:
        with os.fdopen(writer, "wb") as pipe:
            pickle.dump(result, pipe, protocol=5)
    except BaseException:
        code = 2
    os._exit(code)


def _collect(pid: int, reader: int) -> Made:
    """What the child wrote, once it has finished; its error raised here."""
    with os.fdopen(os.dup(reader), "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    try:
        result = pickle.loads(data)
    except Exception:
        result = RuntimeError(f"a worker process (pid {pid}) ended without a result")
    if isinstance(result, BaseException):
        raise result
    return result  # type: ignore[no-any-return]


def _stop(pid: int) -> None:
    """Stop and reap a child that may still be running (the build is failing)."""
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
