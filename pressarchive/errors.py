"""Errors are data: every stage collects ContentError records, the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one content file, reported as ``path:line: field: message``."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        field, message = _one_line(self.field), _one_line(self.message)
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"


def _one_line(text: str) -> str:
    """Control characters from content shown escaped, so one problem is always one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class BuildError(Exception):
    """Raised with every problem found, so an author fixes them all in one pass."""

    def __init__(self, errors: list[ContentError] | ContentError | str):
        if isinstance(errors, str):
            self.errors: list[ContentError] = []
            self.text = errors
        else:
            self.errors = sorted(errors) if isinstance(errors, list) else [errors]
            self.text = "\n".join(str(e) for e in self.errors)
        super().__init__(self.text)
