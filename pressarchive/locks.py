"""One build at a time per output folder and per build cache: an exclusive lock, naming who holds it.

The lock is fcntl.flock on a small file beside what it guards (`.<out>.lock` beside
the output folder, `<cache>.lock` beside the cache file), which holds the process id
of the build that has it. The kernel lets go when that process ends, however it ends
(even kill -9), so a lock is never left stale; the files themselves stay.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from .errors import BuildError

try:
    import fcntl
except ImportError:  # Windows: no locking
    fcntl = None  # type: ignore[assignment]


@contextmanager
def build_lock(out: Path, cache: Path | None) -> Iterator[None]:
    """Hold the locks of ``out`` and of the ``cache`` file for the whole build; BuildError if another has one."""
    out = out.absolute()
    guarded = [(out.parent / f".{out.name}.lock", f"writing {out}")]
    if cache is not None:
        guarded.append((cache.absolute().parent / f"{cache.name}.lock", f"using the build cache {cache}"))
    with ExitStack() as stack:
        for path, doing in guarded:
            stack.enter_context(_locked(path, doing))
        yield


@contextmanager
def _locked(path: Path, doing: str) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise BuildError(
                f"another build (process {holder}) is {doing}; wait for it to finish, or stop it"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock
