"""Load stage: read every content file into a Document of raw front-matter values.

Nothing here knows what a field means; it only turns bytes into YAML values with
the line each came from, refusing YAML features an archive has no use for
(aliases, custom tags, duplicate keys) because they are how bad input hides.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

MAX_FILE_BYTES = 2_000_000  # default for --max-file-bytes
MAX_NESTING = 50  # lists and mappings inside one another, in front matter

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML with dates left as strings: validate parses them with clear errors."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}


@dataclass(frozen=True)
class Value:
    """A front-matter value and the 1-based line it starts on."""

    value: Any
    line: int


@dataclass(frozen=True)
class ContentFile:
    """A content file as found on disk, before it is read."""

    kind: str  # "article", "briefing", "source" or "site"
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Document:
    """One content file: its kind, id (file stem), raw fields and Markdown body."""

    kind: str  # "article", "briefing", "source" or "site"
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
    """Every content file under ``root`` with its size and mtime, in build order, and the files refused."""
    errors: list[ContentError] = []
    site_file = root / "site.yaml"
    candidates: list[tuple[str, Path, os.DirEntry[str] | None]] = (
        [("site", site_file, None)] if site_file.exists() else []
    )
    candidates += [("source", *found) for found in _listing(root / "sources", "*.y*ml", recursive=False)]
    candidates += [("briefing", *found) for found in _listing(root / "briefings", "*.md", recursive=False)]
    candidates += [("article", *found) for found in _listing(root / "articles", "*.md", recursive=True)]
    inside = root.resolve()
    # The listing does not descend into linked folders, so only a linked file or top folder can lead outside.
    linked = {name for name in ("sources", "briefings", "articles") if (root / name).is_symlink()}
    files = []
    for kind, path, entry in candidates:
        if _is_editor_junk(path):
            continue
        try:
            status = entry.stat(follow_symlinks=False) if entry is not None else path.lstat()
            if stat.S_ISLNK(status.st_mode) or (linked and path.relative_to(root).parts[0] in linked):
                if not path.resolve().is_relative_to(inside):
                    errors.append(ContentError(path, 0, "", "is a link to a file outside the content folder"))
                    continue
                status = path.stat()
        except OSError:
            continue  # gone since it was listed, or a dangling link
        if stat.S_ISREG(status.st_mode):
            files.append(ContentFile(kind, path, status.st_size, status.st_mtime_ns))
    return files, errors


def _listing(folder: Path, pattern: str, recursive: bool) -> list[tuple[Path, os.DirEntry[str]]]:
    """Entries matching ``pattern`` in ``folder`` (and below it, not through links), sorted like paths."""
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
            if fnmatch.fnmatchcase(entry.name, pattern):
                found.append(((*parts, entry.name), entry))
    found.sort(key=lambda item: item[0])
    return [(Path(entry.path), entry) for _, entry in found]


def _is_editor_junk(path: Path) -> bool:
    name = path.name
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
        errors.append(ContentError(path, 0, "", f"is not valid UTF-8 (byte offset {exc.start})"))
        return None
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()
    # A BOM and Windows line endings must build exactly like plain LF UTF-8.
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), digest


def _parse_document(kind: str, path: Path, text: str, digest: str, errors: list[ContentError]) -> Document | None:
    doc_id = path.stem
    if kind in ("source", "site"):
        fields = parse_yaml_mapping(text, path, 1, errors)
        return None if fields is None else Document(kind, path, doc_id, fields, digest=digest)
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


def parse_yaml_mapping(text: str, path: Path, first_line: int, errors: list[ContentError]) -> dict[str, Value] | None:
    """Parse a YAML mapping, keeping each top-level key's line; None if it is unusable."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except RecursionError:
        errors.append(ContentError(path, first_line, "", f"invalid YAML: nested more than {MAX_NESTING} levels deep"))
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = exc.problem or "invalid YAML"
        if "expected a single document" in str(exc.context) or "expected <document start>" in problem:
            problem = "holds a second YAML document; keep one mapping of fields"
        errors.append(ContentError(path, line, "", f"invalid YAML: {problem}"))
        return None
    except yaml.reader.ReaderError as exc:
        line = first_line + text[: exc.position].count("\n")
        errors.append(
            ContentError(path, line, "", f"invalid YAML: control character U+{exc.character:04X} is not allowed")
        )
        return None
    except yaml.YAMLError as exc:
        errors.append(ContentError(path, first_line, "", f"invalid YAML: {exc}"))
        return None
    finally:
        loader.dispose()
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        errors.append(ContentError(path, first_line, "", "front matter must be a mapping of `field: value` lines"))
        return None
    try:
        return _mapping_fields(loader, node, path, first_line, errors)
    except _YamlRefused as refused:
        errors.append(ContentError(path, first_line + refused.line, refused.field, refused.message))
        return None


class _YamlRefused(Exception):
    def __init__(self, line: int, field: str, message: str):
        super().__init__(message)
        self.line, self.field, self.message = line, field, message


def _mapping_fields(
    loader: Any, node: yaml.MappingNode, path: Path, first_line: int, errors: list[ContentError]
) -> dict[str, Value]:
    fields: dict[str, Value] = {}
    seen: set[int] = set()
    for key_node, value_node in node.value:
        key = _construct(loader, key_node, "", seen)
        line = first_line + key_node.start_mark.line
        if not isinstance(key, str):
            raise _YamlRefused(key_node.start_mark.line, str(key), "field names must be text")
        if key in fields:
            raise _YamlRefused(
                key_node.start_mark.line, key, f"duplicate field (first given on line {fields[key].line})"
            )
        try:
            fields[key] = Value(_construct(loader, value_node, key, seen), line)
        except _YamlRefused as refused:
            # An alias points back at its anchor's node: report it where the field is.
            raise _YamlRefused(key_node.start_mark.line, refused.field, refused.message) from None
    return fields


class YamlNumber(int):
    """An integer as written (``012`` stays ``012`` in messages; YAML 1.1 reads it as octal 10)."""

    written: str = ""


def _construct(loader: Any, node: yaml.Node, field_name: str, seen: set[int], depth: int = 0) -> Any:
    """Build plain Python values, refusing aliases and tags beyond JSON-like types."""
    if depth > MAX_NESTING:
        raise _YamlRefused(node.start_mark.line, field_name, f"nested more than {MAX_NESTING} levels deep")
    if id(node) in seen:
        raise _YamlRefused(node.start_mark.line, field_name, "YAML aliases (`*name`) are not allowed")
    seen.add(id(node))
    if node.tag not in _ALLOWED_TAGS:
        raise _YamlRefused(node.start_mark.line, field_name, f"YAML tag `{node.tag}` is not allowed")
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, field_name, seen, depth + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _construct(loader, key_node, field_name, seen, depth + 1)
            if not isinstance(key, str):
                raise _YamlRefused(key_node.start_mark.line, field_name, "keys must be text")
            if key in result:
                raise _YamlRefused(key_node.start_mark.line, field_name, f"duplicate key `{key}`")
            result[key] = _construct(loader, value_node, field_name, seen, depth + 1)
        return result
    return _scalar(loader, node, field_name)


def _scalar(loader: Any, node: yaml.Node, field_name: str) -> Any:
    try:
        value = loader.construct_object(node)
    except (ValueError, OverflowError, yaml.YAMLError) as exc:
        reason = "too many digits" if "digits" in str(exc) else "not a valid value"
        raise _YamlRefused(
            node.start_mark.line, field_name, f"cannot read `{str(node.value)[:40]}`: {reason}; put it in quotes"
        ) from None
    if type(value) is int:
        number = YamlNumber(value)
        number.written = str(node.value)
        return number
    return value
