"""File stamps: when the file system's word that a file is unchanged can be trusted, as git's index trusts it.

A file is taken as unchanged while its stamp (size, modification and change time to
the nanosecond, inode) is the one recorded. The modification time can be set back
(`touch -r`, `rsync -t`, tar, a restore), the change time cannot: any write, rename,
link or `utime` moves it to the present. A file changed within the same tick of the
file system's clock as the moment it was recorded can still keep its stamp, so a file
whose times fall within RACY_NS of that moment is "racy": its content digest is kept
too and compared before the file is trusted (git's "racily clean" entries).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import NamedTuple

# File system clocks are coarse (a kernel tick, 2 s on FAT): a margin of 2 s covers them all.
RACY_NS = 2_000_000_000


class Stamp(NamedTuple):  # a tuple: made for every file of the site on each build, and stored as one
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int


class Written(NamedTuple):
    """An output file as a build wrote it: its key (what its bytes depend on), and its stamp on disk then."""

    key: str
    stamp: Stamp


def stamp_of(status: os.stat_result) -> Stamp:
    return Stamp(status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def stamp_at(path: Path) -> Stamp | None:
    """The stamp of the file at ``path`` (links followed), or None if there is none."""
    try:
        return stamp_of(path.stat())
    except OSError:
        return None


def is_racy(stamp: Stamp, snapshot_ns: int) -> bool:
    """True if the file may have changed after ``snapshot_ns`` without its stamp showing it."""
    return max(stamp.mtime_ns, stamp.ctime_ns) >= snapshot_ns - RACY_NS


def content_digest(path: Path) -> str:
    """The SHA-256 of the file's bytes ("" if it cannot be read: never equal to a digest)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""
