"""Write stage: put the rendered files in a staging folder beside the output, then swap.

The previous site is replaced only after everything, the search index included,
has been written: a failed or interrupted build leaves it exactly as it was.
The tool only ever replaces or removes folders that carry its marker file.

With a build cache the old site is not deleted after the swap but kept as
`.<out>-spare`, and the next build stages into it: what each folder holds is
recorded in the cache (path -> key and stamp: size, mtime, ctime, inode), so a
rebuild writes only the files that differ, however large the site, and a file changed
by hand (even with its size and mtime kept) is made again. The two folders never
share a file (no hard links): editing one cannot change the other, or the build
cache's search shards. Disk use is two copies of the site.

On Linux the swap is one atomic renameat2(RENAME_EXCHANGE): there is no moment
when the output folder is missing or partial. Elsewhere it is two renames, and a
build killed between them is repaired by the next run (_remove_leftovers).
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .cache import BuildCache
from .errors import BuildError
from .produce import Output, constant, produce_files
from .stamps import Stamp, Written, stamp_at, stamp_of

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


Manifest = dict[str, Written]  # output path -> as written


class Staging:
    """The folder a build writes the new site into, and what it holds; swapped in for the site at the end.

    With a build cache the staging folder is the site before last (kept beside the output
    as ``.<out>-spare``): only files whose key differs from what it holds are written, and a
    file the current site already has with the right key is linked rather than produced
    again. Without one, every file is written into a fresh folder. A build that fails
    inside ``with Staging(...)`` removes the staging folder and leaves the site as it was.
    """

    def __init__(self, out: Path, cache: BuildCache):
        self.out = out.absolute()
        self.cache = cache
        self.spare = self.out.parent / f".{self.out.name}-spare"
        self.folder = self.spare
        self.manifest: Manifest = {}
        self.changed = 0  # files added, changed or removed since the live site
        self.site_id = ""  # the output folder's identity (folder_id), once swapped in

    def __enter__(self) -> Staging:
        out, cache = self.out, self.cache
        out.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(out)
        if not cache.enabled and _is_ours(self.spare):
            _remove_tree(self.spare)
        if not (cache.enabled and _is_ours(self.spare)):
            self.folder = new_folder(f".{out.name}-build-", out.parent)
        try:
            if not (self.folder / MARKER).is_file():  # never write into an existing file: it may be linked to the site
                (self.folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            self.staged: Manifest = cache.manifest(folder_id(self.folder, out))
            cache.put_manifest(folder_id(self.folder, out), None)  # untrusted until it is consistent again
            self.live: Manifest = cache.manifest(folder_id(out, out)) if out.is_dir() else {}
            self.on_disk = _files(self.folder)
        except BaseException as error:
            self.__exit__(type(error), error, None)
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> None:
        if error is not None:
            _remove_tree(self.folder)
        if isinstance(error, OSError):
            reason = error.strerror or error
            raise BuildError(
                f"could not write the site beside {self.out}: {reason} (the previous site is unchanged)"
            ) from None

    def write(self, outputs: dict[str, Output], within: Callable[[str], bool] = lambda _: True) -> None:
        """Bring the staged files ``within`` scope to exactly ``outputs`` (the marker file counts as in scope)."""
        if within(MARKER):
            outputs = {MARKER: constant(MARKER_TEXT.encode()), **outputs}
        manifest, changed = _update(self, outputs, within)
        self.manifest.update(manifest)
        self.changed += changed

    def size(self) -> int:
        """Bytes of every file staged: what publishing the site uploads."""
        return sum(written.stamp.size for written in self.manifest.values())

    def swap(self) -> None:
        """Make the staged folder the site; the old site becomes the spare (or is removed without a cache)."""
        out, cache = self.out, self.cache
        cache.put_manifest(folder_id(self.folder, out), self.manifest)
        first = not out.exists()
        _swap(self.folder, out, self.spare if cache.enabled else None)
        if first and cache.enabled and not self.spare.exists():
            _prepare_spare(out, self.spare, self.manifest, cache)
        self.site_id = folder_id(out, out)
        cache.keep_manifests(f"{out}|", [self.site_id, folder_id(self.spare, out)])


def _update(staging: Staging, outputs: dict[str, Output], within: Callable[[str], bool]) -> tuple[Manifest, int]:
    """Bring the files of ``staging`` that are ``within`` scope to exactly ``outputs``.

    Returns their manifest and how many files differ from the live site. A file already
    staged is trusted only if its key and stamp match the staged manifest.
    """
    folder, live = staging.folder, staging.live
    present: Manifest = {}
    emptied = set()
    for path, stamp in staging.on_disk.items():
        if not within(path):
            continue
        known = staging.staged.get(path)
        wanted = outputs.get(path)
        if known is not None and wanted is not None and known.key == wanted.key and known.stamp == stamp:
            present[path] = known
        else:
            (folder / path).unlink()
            emptied.add((folder / path).parent)
    manifest: Manifest = {}
    todo = []
    folders = _Copier()
    for path in sorted(outputs):
        output = outputs[path]
        current = live.get(path)
        if path in present:
            manifest[path] = present[path]
        elif output.source is not None or (
            current is not None and current.key == output.key and stamp_at(staging.out / path) == current.stamp
        ):
            # A finished file, or one the last build made already: do not produce it again.
            manifest[path] = Written(output.key, folders.copy(output.source or staging.out / path, folder / path))
        else:
            todo.append((path, output.produce))
    for path, stamp in produce_files(folder, todo, staging.cache).items():
        manifest[path] = Written(outputs[path].key, stamp)
    _remove_empty_folders(folder, emptied)
    changed = sum(path not in live or live[path].key != entry.key for path, entry in manifest.items())
    removed = sum(1 for path in live.keys() - manifest.keys() if within(path))
    return manifest, changed + removed


class _Copier:
    """Copies files, making each target folder once."""

    def __init__(self) -> None:
        self.made: set[Path] = set()

    def copy(self, source: Path, target: Path) -> Stamp:
        if target.parent not in self.made:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.made.add(target.parent)
        return _copy(source, target)


def _copy(source: Path, target: Path) -> Stamp:
    """A copy with the source's mtime (an unchanged page keeps its Last-Modified, and `rsync -t` skips it),
    never a hard link: a shared inode would let an edit of one change both. Returns the copy's stamp.

    The bytes move inside the kernel where it can (copy_file_range): half the CPU time of
    shutil.copy2, which also copies permission bits and extended attributes the site does not use.
    """
    with open(source, "rb", buffering=0) as reader, open(target, "wb", buffering=0) as writer:
        status = os.fstat(reader.fileno())
        _copy_bytes(reader, writer, status.st_size)
        os.utime(writer.fileno(), ns=(status.st_atime_ns, status.st_mtime_ns))
        return stamp_of(os.fstat(writer.fileno()))


def _copy_bytes(reader: BinaryIO, writer: BinaryIO, size: int) -> None:
    """Copy ``reader`` to ``writer`` from their offsets, in the kernel where the platform and file system allow."""
    copy_range = getattr(os, "copy_file_range", None)  # Linux only
    if copy_range is not None:
        try:
            while size > 0 and (copied := copy_range(reader.fileno(), writer.fileno(), size)):
                size -= copied
        except OSError:
            pass  # not across these file systems: Python copies the rest, from where the offsets stand
    shutil.copyfileobj(reader, writer)  # nothing left after a complete kernel copy; a file that grew, its tail


def _copy_tree(source: Path, target: Path, manifest: Manifest) -> Manifest:
    """Fill ``target`` with copies of the files of ``manifest`` under ``source``; the copies' manifest."""
    folders = _Copier()
    return {
        path: Written(written.key, folders.copy(source / path, target / path)) for path, written in manifest.items()
    }


def folder_id(folder: Path, out: Path) -> str:
    """Names ``folder`` (the site at ``out`` or its staging/spare folder) across renames: the swap exchanges names."""
    try:
        status = folder.stat()
    except OSError:
        return ""
    return f"{out.absolute()}|{status.st_dev}:{status.st_ino}"


def tree_matches(folder: Path, stamps: dict[str, tuple[int, ...]]) -> bool:
    """True if ``folder`` holds exactly the files ``stamps`` lists (a manifest's), untouched since they were written."""
    return bool(stamps) and _files(folder) == stamps


def _files(folder: Path) -> dict[str, tuple[int, ...]]:
    """Every file under ``folder`` as relative path -> its stamp, a plain tuple equal to its Stamp (a
    no-op build makes one for each file of the site); links count as files to drop."""
    found: dict[str, tuple[int, ...]] = {}
    pending = [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((prefix + entry.name + "/", entry.path))
                else:
                    status = entry.stat(follow_symlinks=False)
                    found[prefix + entry.name] = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
    return found


def _remove_empty_folders(root: Path, candidates: set[Path]) -> None:
    """Remove the folders in ``candidates`` (and their parents) that deleting files left empty."""
    for folder in sorted(candidates, key=lambda p: len(p.parts), reverse=True):
        while folder != root and folder.is_relative_to(root):
            try:
                folder.rmdir()
            except OSError:
                break  # not empty (or gone)
            folder = folder.parent


def _swap(staging: Path, out: Path, spare: Path | None) -> None:
    """Put ``staging`` at ``out``; the old site becomes ``spare`` (or is removed when there is none)."""
    if not out.exists():
        staging.rename(out)
        return
    if _exchange(staging, out):
        retired = staging
    else:
        retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        retired.rmdir()
        out.rename(retired)
        try:
            staging.rename(out)
        except BaseException:
            if not out.exists():
                retired.rename(out)
            raise
    if spare is None or retired == spare:
        if spare is None:
            _remove_tree(retired)
        return
    if spare.exists() or spare.is_symlink():
        if not _is_ours(spare):
            _remove_tree(retired)  # never touch a folder we did not write
            return
        _remove_tree(spare)
    retired.rename(spare)


def _prepare_spare(out: Path, spare: Path, manifest: Manifest, cache: BuildCache) -> None:
    """After a first build, a copy of the site, so that the next build need not copy it whole."""
    staging = new_folder(f".{out.name}-build-", out.parent)
    try:
        (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        cache.put_manifest(folder_id(staging, out), _copy_tree(out, staging, manifest))
        staging.rename(spare)
    except OSError:
        _remove_tree(staging)  # only a slower next build


def new_folder(prefix: str, parent: Path) -> Path:
    """A new folder of a unique name, with the permissions the umask gives (mkdtemp's are 0700: a web
    server running as another user could not read a site made from it)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(0o777 & ~_umask())
    return folder


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it: set it straight back
    os.umask(mask)
    return mask


def _is_ours(folder: Path) -> bool:
    return folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file()


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here, not above: only a build that swaps folders needs it

    try:
        # The running program's own symbols, which hold the C library's: no find_library (it runs ldconfig).
        libc = ctypes.CDLL(None, use_errno=True)
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
