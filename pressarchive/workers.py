"""CPU-bound work over a list, across all cores when the list is long.

Python threads would not help. Workers are forked: each inherits the build's state as it is
(the site model, the rendered bodies), works on every n-th item and sends back its pickled
result through a pipe; the build process works on a share of its own, since every forked
worker ends up with a copy of much of the site model anyway (reference counting writes to
what it reads).
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

MAX_WORKERS = 8
Item = TypeVar("Item")
Result = TypeVar("Result")


def in_shares(
    work: Callable[[Sequence[Item]], Result], items: Sequence[Item], cache: Any, threshold: int
) -> list[Result]:
    """``work`` applied to interleaved shares of ``items`` (items[k::n]), in forked workers when
    there are at least ``threshold`` items: the shares' results, in share order.

    ``cache`` (a BuildCache) is what the work may read: a forked worker drops its SQLite
    connection, which must not cross a fork, and connects again when it reads.
    """
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    # Fork only from a single-threaded process (not under `serve`): locks held by other threads would stay held.
    if len(items) < threshold or workers < 2 or threading.active_count() > 1 or not hasattr(os, "fork"):
        return [work(items)]
    children = [_fork(work, items[share::workers], cache) for share in range(1, workers)]
    try:
        results = [work(items[0::workers])]
        results += [_collect(*child) for child in children]
    except BaseException:
        for pid, _ in children:
            _stop(pid)
        raise
    finally:
        for _, reader in children:
            os.close(reader)
    return results


def _fork(work: Callable[[Sequence[Item]], Result], share: Sequence[Item], cache: Any) -> tuple[int, int]:
    """Run ``work(share)`` in a forked child; return its pid and the pipe its pickled result (or error) arrives on."""
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
        result: object = work(share)
    except BaseException as error:  # sent to the parent, which raises it
        result, code = error, 1
    try:
        with os.fdopen(writer, "wb") as pipe:
            pickle.dump(result, pipe, protocol=5)
    except BaseException:
        code = 2
    os._exit(code)


def _collect(pid: int, reader: int) -> Any:
    """What the child made, once it has finished; its error raised here."""
    with os.fdopen(os.dup(reader), "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    try:
        result = pickle.loads(data)
    except Exception:
        result = RuntimeError(f"a worker process (pid {pid}) ended without a result")
    if isinstance(result, BaseException):
        raise result
    return result


def _stop(pid: int) -> None:
    """Stop and reap a child that may still be running (the build is failing)."""
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
