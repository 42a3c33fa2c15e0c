"""The remember stage, and the shortcut it allows: a rebuild whose inputs match the last build's stops at once.

A build's inputs, as the file system describes them, are its fingerprint: the options,
the code, and every content and template file's path, size and mtime. The last good
build into an output folder is remembered with that fingerprint and the folder's
identity; the next build with the same fingerprint, into the same untouched folder,
has nothing to do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bodies import bodies_of
from .cache import CODE_VERSION, BuildCache
from .load import Scan
from .model import Records
from .staging import folder_id, tree_matches


@dataclass(frozen=True)
class LastBuild:
    fingerprint: str
    folder: str  # the output folder's identity (staging.folder_id) once swapped in
    summary: str  # such as "2 articles, 1 briefing, 2 sources"
    pages: int
    files: int
    warnings: tuple[str, ...]


def fingerprint(options: Any, templates: Path, scan: Scan | None) -> str:
    """The build's inputs as the file system describes them: options, code, and each file's size and mtime."""
    files, errors = scan or ([], [])
    stats = []
    for path in sorted(p for p in templates.rglob("*") if p.is_file()):
        status = path.stat()
        stats.append((str(path), status.st_size, status.st_mtime_ns))
    content = [(f.kind, str(f.path), f.size, f.mtime_ns) for f in files]
    parts = (CODE_VERSION, options, content, len(errors), stats)
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()


def unchanged_build(cache: BuildCache, out: Path, inputs: str) -> LastBuild | None:
    """The last build into ``out`` if it had these very inputs and its output is untouched; else None."""
    last = cache.state(_state_name(out))
    if not isinstance(last, LastBuild) or last.fingerprint != inputs or last.folder != folder_id(out, out):
        return None
    return last if tree_matches(out, cache.manifest(last.folder)) else None


def remember(cache: BuildCache, out: Path, last: LastBuild, records: Records) -> None:
    """Keep what the next build can reuse: new records, the bodies still in use, and this build."""
    fresh = [(str(v.file.path), v.file.size, v.file.mtime_ns, bodies_of(v.record), v.record) for v in records.fresh]
    cache.put_records(fresh, {str(file.path) for file in records.files})
    in_use = {key for article in records.articles for key in bodies_of(article)}
    in_use |= {key for briefing in records.briefings for key in bodies_of(briefing)}
    in_use |= set(bodies_of(records.about)) if records.about else set()
    cache.keep_bodies(in_use)  # edits leave old bodies behind
    cache.put_state(_state_name(out), last)


def _state_name(out: Path) -> str:
    return f"last build into {out.resolve()}"
