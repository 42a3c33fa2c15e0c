"""Write stage: put the rendered files in a temporary folder beside the output, then swap.

The previous site is replaced only after everything, the search index included,
has been written: a failed or interrupted build leaves it exactly as it was.
The tool only ever replaces or removes folders that carry its marker file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

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
        raise BuildError(f"refusing to build into {out}: it holds files this tool did not write (no {MARKER} file); empty it or choose another --out")


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
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    retired.rmdir()
    out.rename(retired)
    staging.rename(out)
    shutil.rmtree(retired, ignore_errors=True)


def _remove_leftovers(out: Path) -> None:
    """Clean up after an interrupted build: restore a retired site, drop stale staging folders."""
    for folder in sorted(out.parent.glob(f".{out.name}-old-*")):
        if (folder / MARKER).is_file() and not out.exists():
            folder.rename(out)
        elif (folder / MARKER).is_file():
            shutil.rmtree(folder, ignore_errors=True)
    for folder in sorted(out.parent.glob(f".{out.name}-build-*")):
        ours = (folder / MARKER).is_file() or (folder.is_dir() and not any(folder.iterdir()))
        if ours and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def copy_tree_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` as output path -> bytes, for static assets."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return files
