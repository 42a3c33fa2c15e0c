"""Make and write the files a build must produce, across all cores when there are many.

Rendering pages is CPU-bound Python: workers are forked after the whole site is modelled
(workers.py); each renders and writes every n-th file itself and sends back only what it
wrote (the files' stamps).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from .stamps import Stamp, stamp_of
from .workers import in_shares

PARALLEL_THRESHOLD = 800  # fewer files than this are made faster in one process than by forking
Todo = list[tuple[str, Callable[[], bytes]]]  # output path -> how to make its bytes
Made = dict[str, Stamp]  # output path -> its stamp as written


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
