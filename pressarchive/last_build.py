"""The remember stage, and the shortcut it allows: a rebuild whose inputs match the last build's stops at once.

A build's inputs, as the file system describes them, are its fingerprint: the options,
the code, and every content and template file's path and stamp (size, mtime, ctime,
inode: stamps.py). The last good build into an output folder is remembered with that
fingerprint, the digests of the files that were racy when it looked at them, and the
folder's identity; the next build with the same fingerprint and digests, into the same
untouched folder, has nothing to do.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .cache import CODE_VERSION, BuildCache
from .load import Scan
from .model import Records, bodies_of
from .staging import folder_id, tree_matches
from .stamps import content_digest, is_racy, stamp_of


@dataclass(frozen=True)
class Inputs:
    """What a build read, as the file system describes it."""

    fingerprint: str
    racy: tuple[tuple[str, str], ...]  # (path, SHA-256) of each file changed too recently for its stamp to prove it

    def racy_files_match(self) -> bool:
        """True if every racy file still holds the bytes it held then."""
        return all(content_digest(Path(path)) == digest for path, digest in self.racy)


@dataclass(frozen=True)
class LastBuild:
    inputs: Inputs
    folder: str  # the output folder's identity (staging.folder_id) once swapped in
    summary: str  # such as "2 articles, 1 briefing, 2 sources"
    pages: int
    files: int
    warnings: tuple[str, ...]


def build_inputs(options: Any, templates: Path, scan: Scan | None) -> Inputs:
    """The build's inputs as the file system describes them: options, code, and each file's stamp."""
    snapshot_ns = time.time_ns()
    files, errors = scan or ([], [])
    template_files = [(path, stamp_of(path.stat())) for path in sorted(p for p in templates.rglob("*") if p.is_file())]
    racy = [(f.location, f.racy_digest) for f in files if f.racy_digest]
    racy += [(str(path), content_digest(path)) for path, stamp in template_files if is_racy(stamp, snapshot_ns)]
    content = [(f.kind, f.location, f.stamp.size, f.stamp.mtime_ns, f.stamp.ctime_ns, f.stamp.inode) for f in files]
    stamps = [(str(path), stamp) for path, stamp in template_files]
    parts = (CODE_VERSION, options, content, len(errors), stamps)
    return Inputs(hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest(), tuple(racy))


def unchanged_build(cache: BuildCache, out: Path, inputs: Inputs) -> LastBuild | None:
    """The last build into ``out`` if it had these very inputs and its output is untouched; else None.
    Its files that were racy and are no longer are remembered as settled."""
    last = cache.state(_state_name(out))
    if not isinstance(last, LastBuild) or last.inputs.fingerprint != inputs.fingerprint:
        return None
    if last.folder != folder_id(out, out) or not last.inputs.racy_files_match():
        return None
    if not tree_matches(out, cache.manifest_stamps(last.folder)):
        return None
    if last.inputs.racy != inputs.racy:  # its racy files hold the bytes they held: trust their stamps from now
        # on, as git refreshes its index (else every build after a fresh clone would read them all again)
        last = replace(last, inputs=inputs)
        cache.put_state(_state_name(out), last)
    return last


def remember(cache: BuildCache, out: Path, last: LastBuild, records: Records, plan: bytes) -> None:
    """Keep what the next build can reuse: new records, the bodies still in use, this build and its
    page plan (kept_pages.py)."""
    fresh = [(v.file, bodies_of(v.record), v.record) for v in records.fresh]
    cache.put_records(fresh, {str(file.path) for file in records.files})
    in_use = {key for article in records.articles for key in bodies_of(article)}
    in_use |= {key for briefing in records.briefings for key in bodies_of(briefing)}
    in_use |= set(bodies_of(records.about)) if records.about else set()
    cache.keep_bodies(in_use)  # edits leave old bodies behind
    cache.put_state(_plan_name(out), plan)
    cache.put_state(_state_name(out), last)


def last_plan(cache: BuildCache, out: Path) -> bytes | None:
    """The page plan the last build into ``out`` kept (kept_pages.py), if any."""
    plan = cache.state(_plan_name(out))
    return plan if isinstance(plan, bytes) else None


def _state_name(out: Path) -> str:
    return f"last build into {out.resolve()}"


def _plan_name(out: Path) -> str:
    return f"page plan of {out.resolve()}"
