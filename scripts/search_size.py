"""Measure the Pagefind index for a synthetic archive: python scripts/search_size.py [ARTICLES] [RUNS].

Writes ARTICLES (default 1000) seeded-random English-ish articles of about 500 words,
spread over a few sources and briefings, builds the site RUNS times (default 3) and
prints the size of pagefind/ and the median indexing time the build reports.
"""

from __future__ import annotations

import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "ministry spokesperson press conference human rights policy trade tariff island sea "
    "cooperation dialogue security region economy climate energy summit delegation visit "
    "agreement investment development peace border maritime history people culture "
    "technology market growth reform statement question answer report council nation"
).split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 20))]
    return " ".join(words).capitalize() + "."


def write_content(folder: Path, count: int, rng: random.Random) -> None:
    for s in range(5):
        (folder / "sources").mkdir(parents=True, exist_ok=True)
        (folder / "sources" / f"source-{s}.yaml").write_text(f"name: Source {s}\n")
    for b in range(20):
        (folder / "briefings").mkdir(parents=True, exist_ok=True)
        (folder / "briefings" / f"briefing-{b}.md").write_text(
            f"---\ntitle: Briefing {b}\ndate: 2025-{b % 12 + 1:02d}-10\n---\n{sentence(rng)}\n"
        )
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for a in range(count):
        body = "\n\n".join(" ".join(sentence(rng) for _ in range(6)) for _ in range(6))
        front = (
            f"title: {sentence(rng)[:60]}\nsource: source-{a % 5}\ndate: 2025-{a % 12 + 1:02d}-{a % 28 + 1:02d}\n"
            f"briefing: briefing-{a % 20}\ntags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\n"
        )
        (folder / "articles" / f"article-{a}.md").write_text(f"---\n{front}---\n{body}\n")


def build_once(content: Path, out: Path) -> tuple[float, int]:
    command = [sys.executable, str(ROOT / "build.py"), "--content", str(content), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = float(re.search(r"indexed for search in ([0-9.]+) s", result.stderr).group(1))  # type: ignore[union-attr]
    size = sum(p.stat().st_size for p in (out / "pagefind").rglob("*") if p.is_file())
    return seconds, size


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        write_content(content, count, random.Random(1))
        measured = [build_once(content, Path(tmp) / "site") for _ in range(runs)]
    times = [t for t, _ in measured]
    print(
        f"{count} articles: pagefind/ {measured[-1][1]} bytes; indexing median {statistics.median(times):.2f} s "
        f"over {runs} runs ({', '.join(f'{t:.2f}' for t in times)})"
    )


if __name__ == "__main__":
    main()
