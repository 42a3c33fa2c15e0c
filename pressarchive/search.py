"""Index stage: run the Pagefind binary (shipped by the pagefind[bin] wheel) over a built site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import BuildError
from .pagefind_canon import canonicalize_bundle

BUNDLE_DIR = "pagefind"


def index_site(folder: Path) -> str:
    """Index ``folder`` in place; return Pagefind's summary. Any failure fails the build."""
    command = [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-subdir", BUNDLE_DIR]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"search index: could not run Pagefind: {exc}") from None
    if result.returncode != 0 or not (folder / BUNDLE_DIR / "pagefind.js").is_file():
        output = (result.stderr or result.stdout).strip()[-2000:]
        raise BuildError(f"search index: Pagefind failed (exit {result.returncode}):\n{output}")
    # Pagefind writes filters in hash-map order; sort them so builds are byte-identical.
    canonicalize_bundle(folder / BUNDLE_DIR)
    return result.stdout
