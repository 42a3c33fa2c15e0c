"""Make and write the files a build must produce, across all cores when there are many.

Each file is an Output: a key that changes whenever its bytes would, and how to make them.

Rendering pages is CPU-bound Python: workers are forked after the whole site is modelled
(workers.py); each renders and writes every n-th file itself and sends back only what it
wrote (the files' stamps).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from .stamps import Stamp, stamp_of
from .workers import in_shares

PARALLEL_THRESHOLD = 800  # fewer files than this are made faster in one process than by forking
Todo = list[tuple[str, Callable[[], bytes]]]  # output path -> how to make its bytes
Made = dict[str, Stamp]  # output path -> its stamp as written


@dataclass(frozen=True)
class Output:
    """One file of the site.

    ``source``, when set, is a finished file that never changes (such as a search shard in
    the build cache): it is copied rather than produced (never hard-linked: the site's
    copy may be edited, the cache's must not be).
    """

    key: str
    produce: Callable[[], bytes]
    source: Path | None = None


def constant(data: bytes) -> Output:
    return Output(hashlib.sha256(data).hexdigest(), lambda: data)


def linked(source: Path) -> Output:
    """An immutable file on disk: its path and stamp are its key."""
    return Output(f"{source}:{stamp_of(source.stat())}", source.read_bytes, source)


def produce_files(folder: Path, todo: Todo, cache: Any) -> Made:
    """Write each file of ``todo`` under ``folder``, in forked workers when there are many.

    ``cache`` (a BuildCache) is what the producers may read (see workers.in_shares).
    """
    made: Made = {}
    for share in in_shares(partial(_produce, folder), todo, cache, PARALLEL_THRESHOLD):
        made.update(share)
    return made


def _produce(folder: Path, todo: Todo) -> Made:
    written = {}
    for path, produce in todo:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(produce())
        written[path] = stamp_of(target.stat())
    return written
