"""Time one `build.py import` into a large synthetic archive: python scripts/bench_import.py [--n 10000] [--runs 3].

The archive is pressarchive.bench's seeded corpus (n articles, briefings of 1 to 8
articles each). Each run imports one real capture (eval/import, with its --url) with
--dry-run in a fresh interpreter and reports the wall time and the peak memory of
that process. Nothing is written, so every run sees the same archive.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.bench import generate_corpus  # noqa: E402

CAPTURE = ROOT / "eval/import/captures/016_people-en-mishustin.txt"
URL = "http://en.people.cn/n3/2025/1031/c90000-20384525.html"


def one_import(content: Path) -> tuple[float, float]:
    """Seconds and peak MB of one import (the child's own maximum resident size)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    command = [sys.executable, str(ROOT / "build.py"), "import", str(CAPTURE), "--url", URL]
    result = subprocess.run([*command, "--content", str(content), "--dry-run"], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        generate_corpus(content, args.n)
        runs = [one_import(content) for _ in range(args.runs)]
    seconds = statistics.median(s for s, _ in runs)
    peak = max(m for _, m in runs)
    print(f"import into {args.n:,} articles: median {seconds:.2f} s over {args.runs} runs, peak {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
