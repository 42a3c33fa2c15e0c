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
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


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
