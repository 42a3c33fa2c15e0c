"""Load stage: find the content files, and read each into a Document of raw front-matter values.

Nothing here knows what a field means; it only turns bytes into YAML values with
the line each came from (frontmatter.py). An unchanged file whose validated record
the build cache holds is not read at all: ``reuse`` hands that record back instead.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ContentError
from .stamps import Stamp, content_digest, is_racy, stamp_of

if TYPE_CHECKING:
    from .frontmatter import Value

MAX_FILE_BYTES = 2_000_000  # default for --max-file-bytes


@dataclass(frozen=True)
class ContentFile:
    """A content file as found on disk, before it is read.

    ``racy_digest`` is the SHA-256 of its bytes when it changed so recently that its stamp
    alone cannot prove it unchanged later (stamps.is_racy), and "" otherwise.
    """

    kind: str  # "article", "briefing", "transcript", "source", "site", "about", or "capture" (not read here)
    location: str  # its path as found; ``path`` is made from it when asked for (a no-op build never asks)
    stamp: Stamp
    racy_digest: str = ""

    @cached_property
    def path(self) -> Path:
        return Path(self.location)

    @property
    def size(self) -> int:
        return self.stamp.size


@dataclass(frozen=True)
class Document:
    """One content file: its kind, id (file stem), raw fields and Markdown body."""

    kind: str  # "article", "briefing", "transcript", "source", "site" or "about"
    src_path: Path
    id: str
    fields: dict[str, Value]
    body: str = ""
    body_line: int = 0
    digest: str = ""  # SHA-256 of the file's name in the content folder and its bytes: all a record derives from


@dataclass(frozen=True)
class Content:
    """Everything under the content folder, before validation.

    ``items`` follows the files' order; each is a freshly read Document, or a validated
    record that ``reuse`` returned for an unchanged file (from the build cache).
    """

    root: Path
    files: list[ContentFile]
    items: list[tuple[ContentFile, Any]]
    errors: list[ContentError]

    @property
    def documents(self) -> list[Document]:
        return [item for _, item in self.items if isinstance(item, Document)]


Scan = tuple[list[ContentFile], list[ContentError]]  # what content_files found


def load_content(
    root: Path,
    max_file_bytes: int = MAX_FILE_BYTES,
    reuse: Callable[[ContentFile], Any] = lambda _: None,
    scan: Scan | None = None,
) -> Content:
    """Read every content file under ``root`` (as listed by ``scan``); problems are collected, never raised."""
    items: list[tuple[ContentFile, Any]] = []
    if not root.is_dir():
        return Content(root, [], [], [ContentError(root, 0, "", "content folder not found")])
    files, errors = scan if scan is not None else content_files(root)
    errors = list(errors)
    for file in files:
        if file.kind == "capture":
            continue  # published as they are (captures.py); listed so that a change to one is a change
        if file.size > max_file_bytes:
            limit = f"the limit is {max_file_bytes:,} (raise it with --max-file-bytes)"
            errors.append(ContentError(file.path, 0, "", f"file is {file.size:,} bytes; {limit}"))
            continue
        record = reuse(file)
        if record is not None:
            items.append((file, record))
            continue
        read = _read_text(file.path, file.path.relative_to(root).as_posix(), errors)
        if read is None:
            continue
        text, digest = read
        doc = _parse_document(file.kind, file.path, text, digest, errors)
        if doc is not None:
            items.append((file, doc))
    if not any(file.kind == "article" for file, _ in items) and not errors:
        errors.append(ContentError(root / "articles", 0, "", "no articles found; add Markdown files under articles/"))
    return Content(root, files, items, errors)


def content_files(root: Path) -> tuple[list[ContentFile], list[ContentError]]:
    """Every content file under ``root`` with its stamp, in build order, and the files refused."""
    snapshot_ns = time.time_ns()
    errors: list[ContentError] = []
    candidates: list[tuple[str, str, os.DirEntry[str] | None]] = [
        (kind, str(root / name), None)
        for kind, name in (("site", "site.yaml"), ("about", "about.md"))
        if (root / name).exists()
    ]
    sources = _listing(root / "sources", "*.y*ml", recursive=False)
    errors += _same_source_twice([Path(path) for path, _ in sources])
    candidates += [("source", *found) for found in sources]
    candidates += [("briefing", *found) for found in _listing(root / "briefings", "*.md", recursive=False)]
    candidates += [("transcript", *found) for found in _listing(root / "transcripts", "*.md", recursive=False)]
    candidates += [("article", *found) for found in _listing(root / "articles", "*.md", recursive=True)]
    candidates += [("capture", *found) for found in _listing(root / "captures", "*", recursive=False)]
    # The listing does not descend into linked folders, so only a linked file or top folder can lead outside.
    linked = {
        name for name in ("sources", "briefings", "transcripts", "articles", "captures") if (root / name).is_symlink()
    }
    files = []
    for kind, location, entry in candidates:
        if _is_editor_junk(entry.name if entry else os.path.basename(location)):
            continue
        through_link = bool(linked) and Path(location).relative_to(root).parts[0] in linked
        status = _status(location, entry, root, through_link, errors)
        if status is not None and stat.S_ISREG(status.st_mode):
            stamp = stamp_of(status)
            racy = content_digest(Path(location)) if is_racy(stamp, snapshot_ns) else ""
            files.append(ContentFile(kind, location, stamp, racy))
    return files, errors


def _same_source_twice(paths: list[Path]) -> list[ContentError]:
    """sources/x.yml beside sources/x.yaml: which one is the source x?"""
    first: dict[str, Path] = {}
    errors = []
    for path in paths:
        if path.suffix in (".yaml", ".yml") and first.setdefault(path.stem, path) != path:
            message = f"the source '{path.stem}' is also {first[path.stem].name}; keep one of the two files"
            errors.append(ContentError(path, 0, "", message))
    return errors


def _status(
    location: str, entry: os.DirEntry[str] | None, root: Path, through_link: bool, errors: list[ContentError]
) -> os.stat_result | None:
    """The file's status (a link's target's, if it stays inside ``root``); None if gone or refused."""
    try:
        status = entry.stat(follow_symlinks=False) if entry is not None else os.lstat(location)
        if not (stat.S_ISLNK(status.st_mode) or through_link):
            return status  # (the usual case: no Path made)
        path = Path(location)
        target = path.resolve(strict=True)
        if not target.is_relative_to(root.resolve()):
            what = "folder" if target.is_dir() else "file"
            errors.append(ContentError(path, 0, "", f"is a link to a {what} outside the content folder"))
            return None
        return path.stat()
    except (RuntimeError, OSError) as exc:
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            errors.append(ContentError(Path(location), 0, "", "is a link that loops back on itself; remove it"))
        return None  # else gone since it was listed, or a dangling link


def _listing(folder: Path, pattern: str, recursive: bool) -> list[tuple[str, os.DirEntry[str]]]:
    """Entries matching ``pattern`` in ``folder`` (and below it, not through links), sorted like paths;
    with ``recursive``, linked folders too (content_files refuses those that lead outside)."""
    found: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), str(folder))]
    while pending:
        parts, directory = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            if recursive and entry.is_dir(follow_symlinks=False):
                pending.append(((*parts, entry.name), entry.path))
            if fnmatch.fnmatchcase(entry.name, pattern) or (recursive and entry.is_symlink() and entry.is_dir()):
                found.append(((*parts, entry.name), entry))
    found.sort(key=lambda item: item[0])
    return [(entry.path, entry) for _, entry in found]


def _is_editor_junk(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))


def _read_text(path: Path, name: str, errors: list[ContentError]) -> tuple[str, str] | None:
    """The file's text, normalised, and the digest of its ``name`` (inside the content folder) and bytes."""
    data = path.read_bytes()
    if b"\0" in data:
        errors.append(ContentError(path, 0, "", f"contains a NUL byte at byte offset {data.index(0)}"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1  # (a curator finds a line, not a byte offset)
        errors.append(ContentError(path, line, "", f"is not valid UTF-8 (byte offset {exc.start}); save it as UTF-8"))
        return None
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()
    # A BOM and Windows line endings must build exactly like plain LF UTF-8.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), digest


def _parse_document(kind: str, path: Path, text: str, digest: str, errors: list[ContentError]) -> Document | None:
    from .frontmatter import parse_yaml_mapping  # here, not above: a build with nothing to do reads no YAML

    doc_id = path.stem
    if kind in ("source", "site"):
        fields = parse_yaml_mapping(text, path, 1, errors)
        return None if fields is None else Document(kind, path, doc_id, fields, digest=digest)
    if kind == "about" and not text.startswith("---"):
        return Document(kind, path, doc_id, {}, text, 1, digest)  # front matter is optional here
    split = _split_front_matter(text, path, errors)
    if split is None:
        return None
    front, body, body_line = split
    fields = parse_yaml_mapping(front, path, 2, errors)
    return None if fields is None else Document(kind, path, doc_id, fields, body, body_line, digest)


def _split_front_matter(text: str, path: Path, errors: list[ContentError]) -> tuple[str, str, int] | None:
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        hint = "Did you forget to add `---` on the first line?"
        errors.append(ContentError(path, 1, "", f"couldn't find front matter. {hint}"))
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    errors.append(
        ContentError(path, 1, "", "front matter opened with `---` is never closed; add a `---` line after it")
    )
    return None
