"""Profile a one-article rebuild: python scripts/profile_edit.py CONTENT OUT [TEMPLATES].

Builds CONTENT into OUT (warming the build cache at OUT.cache.sqlite, as the benchmark
does), edits the first article and builds, so that the spare folder is in step with the
site; then edits it again and profiles that rebuild with cProfile. Puts the article back
and builds once more. Prints the top lines by own time and by cumulative time.
"""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.pipeline import BuildConfig, build  # noqa: E402


def main(content: Path, out: Path, templates: Path) -> None:
    config = BuildConfig(content=content, out=out, templates=templates, search=False, cache=Path(f"{out}.cache.sqlite"))
    first = sorted((content / "articles").rglob("*.md"))[0]
    original = first.read_text(encoding="utf-8")
    build(config)
    profile = cProfile.Profile()
    try:
        first.write_text(original.replace("\n---\n", "\n---\nFirst edit.\n\n", 1), encoding="utf-8")
        build(config)  # after a full rebuild, the first one also brings the spare folder up to date
        first.write_text(original.replace("\n---\n", "\n---\nProfiled edit.\n\n", 1), encoding="utf-8")
        started = time.perf_counter()
        profile.runcall(build, config)
        print(f"edit-one rebuild under cProfile: {time.perf_counter() - started:.2f} s")
    finally:
        first.write_text(original, encoding="utf-8")
    for order in ("tottime", "cumtime"):
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats(order).print_stats(int(__import__("os").environ.get("TOP", "15")))
        print(text.getvalue())
    build(config)


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]]
    main(args[0], args[1], args[2] if len(args) > 2 else ROOT / "templates")
