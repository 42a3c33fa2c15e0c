"""Write stage: put the rendered files in a temporary folder beside the output, then swap.

The previous site is replaced only after everything, the search index included,
has been written: a failed or interrupted build leaves it exactly as it was.
The tool only ever replaces or removes folders that carry its marker file.

On Linux the swap is one atomic renameat2(RENAME_EXCHANGE): there is no moment
when the output folder is missing or partial. Elsewhere it is two renames, and a
build killed between them is repaired by the next run (_remove_leftovers).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from .errors import BuildError

MARKER = ".pressarchive-build"
MARKER_TEXT = "Written by pressarchive (build.py). This folder is replaced on every build.\n"


def check_output_folder(out: Path, inputs: list[Path]) -> None:
    """Refuse an output folder that is not ours to replace."""
    resolved = out.resolve()
    for folder in [p.resolve() for p in inputs]:
        if folder.is_relative_to(resolved) or resolved.is_relative_to(folder):
            raise BuildError(f"refusing to build into {out}: it overlaps {folder}; choose another --out")
    if Path.cwd().resolve().is_relative_to(resolved):
        raise BuildError(f"refusing to build into {out}: it holds the current folder; choose another --out")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise BuildError(f"refusing to build into {out}: it is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise BuildError(
            f"refusing to build into {out}: it holds files this tool did not write (no {MARKER} file); empty it or choose another --out"
        )


def write_site(out: Path, files: dict[str, bytes], finish: Callable[[Path], None] | None = None) -> None:
    """Write ``files`` (output path -> bytes) into a fresh folder, run ``finish`` on it, swap it in."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
    try:
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        for rel_path in sorted(files):
            target = staging / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel_path])
        if finish is not None:
            finish(staging)
        _swap(staging, out)
    except OSError as exc:
        _remove_tree(staging)
        raise BuildError(
            f"could not write the site beside {out}: {exc.strerror or exc} (the previous site is unchanged)"
        ) from None
    except BaseException:
        _remove_tree(staging)
        raise


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` at ``out``; afterwards ``staging`` (if it exists) holds the old site."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        _remove_tree(staging)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    try:
        staging.rename(out)
    except BaseException:
        if not out.exists():
            retired.rename(out)
        raise
    _remove_tree(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def _remove_leftovers(out: Path) -> None:
    """Clean up after an interrupted build: restore a retired site, drop stale staging folders."""
    for folder in sorted(out.parent.glob(f".{out.name}-old-*")):
        if (folder / MARKER).is_file() and not out.exists():
            folder.rename(out)
        elif (folder / MARKER).is_file():
            _remove_tree(folder)
    for folder in sorted(out.parent.glob(f".{out.name}-build-*")):
        ours = (folder / MARKER).is_file() or (folder.is_dir() and not any(folder.iterdir()))
        if ours and not folder.is_symlink():
            _remove_tree(folder)


def _remove_tree(folder: Path) -> None:
    """Remove one of our folders, its marker last, so a half-removed folder is still recognised."""
    if not folder.is_dir() or folder.is_symlink():
        return
    for child in folder.iterdir():
        if child.name == MARKER:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
    (folder / MARKER).unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass


def copy_tree_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` as output path -> bytes, for static assets."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files
