"""Captures: the raw copies the archive's texts came from, published byte for byte as plain text.

``content/captures/SHA256SUMS`` (the format `sha256sum` writes) lists them. Each listed file
is checked against its digest and published at ``captures/<name>.txt`` (``.txt`` is added to
any other name), so a capture saved from an HTML page is served as text and never runs as a
page. An article (`extra: capture:`) or a transcript (`capture:`) that names a listed capture
links to it, with its SHA-256.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, ContentError
from .model import Records

FOLDER = "captures"
SUMS = "SHA256SUMS"
_LINE = re.compile(r"([0-9a-fA-F]{64}) [ *](.+)")


@dataclass(frozen=True)
class Capture:
    name: str  # the file's name under content/captures/
    src_path: Path
    sha256: str
    size: int

    @property
    def path(self) -> str:
        """Where the site publishes it: always a .txt file."""
        return f"{FOLDER}/{self.name}" if self.name.endswith(".txt") else f"{FOLDER}/{self.name}.txt"


@dataclass(frozen=True)
class Captures:
    listed: dict[str, Capture]  # by the reference content uses: "captures/<name>"

    def of(self, reference: object) -> Capture | None:
        """The capture a front-matter value names, when SHA256SUMS lists it."""
        return self.listed.get(reference) if isinstance(reference, str) else None


def read_captures(content: Path, records: Records) -> Captures:
    """Every capture SHA256SUMS lists, each checked; every problem raised at once as a BuildError."""
    sums = content / FOLDER / SUMS
    if not sums.is_file():
        return Captures({})
    errors: list[ContentError] = []
    listed = {}
    for number, line in enumerate(sums.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if line.strip():
            capture = _listed(sums, number, line, errors)
            if capture is not None:
                listed[f"{FOLDER}/{capture.name}"] = capture
    captures = Captures(listed)
    errors += _references(records, captures)
    if errors:
        raise BuildError(errors)
    return captures


def _listed(sums: Path, number: int, line: str, errors: list[ContentError]) -> Capture | None:
    found = _LINE.fullmatch(line.rstrip())
    if found is None:
        errors.append(ContentError(sums, number, "", "expected `<sha256>  <file name>`, as sha256sum writes it"))
        return None
    digest, name = found.group(1).lower(), found.group(2)
    if "/" in name or "\\" in name or name.startswith(".") or name == SUMS:
        errors.append(ContentError(sums, number, "", f"'{name}' is not a file name in this folder"))
        return None
    path = sums.parent / name
    if path.is_symlink() or not path.is_file():
        errors.append(ContentError(sums, number, "", f"'{name}' is not a file in {sums.parent}"))
        return None
    data = path.read_bytes()
    actual = hashlib.sha256(data).hexdigest()
    if actual != digest:
        errors.append(ContentError(sums, number, "", f"'{name}' has SHA-256 {actual}, not the {digest} listed"))
        return None
    return Capture(name, path, digest, len(data))


def _references(records: Records, captures: Captures) -> list[ContentError]:
    """A text that gives the SHA-256 of a listed capture must give the one SHA256SUMS checked."""
    named = [
        *(
            (
                a.src_path,
                a.lines.get("extra", 0),
                "extra.capture_sha256",
                a.extra.get("capture"),
                a.extra.get("capture_sha256"),
            )
            for a in records.articles
        ),
        *((t.src_path, 0, "capture_sha256", t.capture, t.capture_sha256) for t in records.transcripts),
    ]
    errors = []
    for src_path, line, field, reference, digest in named:
        capture = captures.of(reference)
        if capture is not None and isinstance(digest, str) and digest.lower() != capture.sha256:
            message = f"'{digest}' differs from the SHA-256 of {reference} ({capture.sha256}, checked against {SUMS})"
            errors.append(ContentError(src_path, line, field, message))
    return errors
