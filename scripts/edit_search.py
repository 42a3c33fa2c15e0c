"""Time one-article rebuilds with search: python scripts/edit_search.py WORK [--n 10000] [--runs 5] [--checkout DIR].

Generates the benchmark's synthetic archive of N articles in WORK/content (kept for the next
run), builds it cold with search into WORK/site (build cache in WORK/.cache), then edits one
article and rebuilds once untimed (so the spare folder is in step, as after any edit), then
``--runs`` times edits another article (spread over the archive's dates: newest, middle,
oldest and between) and times `build.py` from outside, in a fresh interpreter, start-up
included. Prints each run with the build's search lines and the median. ``--checkout``
times another checkout of this project (such as an older commit) on the same corpus; use a
WORK on tmpfs (/dev/shm) so that the disk does not time itself.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressarchive.bench import generate_corpus, user_environment  # noqa: E402

SPREAD = (0.98, 0.5, 0.02, 0.8, 0.3, 0.9, 0.1)  # where the edited articles sit among the files, in order


def build(checkout: Path, work: Path) -> tuple[float, float, list[str]]:
    """Wall-clock and CPU seconds (the build and its children, Pagefind included) of one build,
    and the lines it printed about search."""
    command = [sys.executable, str(checkout / "build.py"), "--content", "content", "--out", "site"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, env=user_environment(), check=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, [line for line in result.stderr.splitlines() if "search" in line]


def edit(article: Path, run: int) -> None:
    article.write_text(article.read_text().replace("\n---\n", f"\n---\nEdited in run {run}.\n\n", 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("work", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--checkout", type=Path, default=ROOT)
    args = parser.parse_args()
    content = args.work / "content"
    if not content.is_dir():
        generate_corpus(content, args.n)
    shutil.rmtree(args.work / "site", ignore_errors=True)
    shutil.rmtree(args.work / ".site-spare", ignore_errors=True)
    shutil.rmtree(args.work / ".cache", ignore_errors=True)
    articles = sorted((content / "articles").rglob("*.md"), key=lambda p: p.name)
    print("cold build with search: {:.2f} s (CPU {:.2f} s)".format(*build(args.checkout, args.work)), flush=True)
    edit(articles[len(articles) // 3], 0)
    print("first edit (untimed): {:.2f} s (CPU {:.2f} s)".format(*build(args.checkout, args.work)), flush=True)
    times, cpus = [], []
    for run in range(args.runs):
        article = articles[min(len(articles) - 1, int(SPREAD[run % len(SPREAD)] * len(articles)))]
        edit(article, run + 1)
        seconds, cpu, lines = build(args.checkout, args.work)
        times.append(seconds)
        cpus.append(cpu)
        print(f"edit {article.name}: {seconds:.2f} s, CPU {cpu:.2f} s ({'; '.join(lines)})", flush=True)
    print(
        f"edit one article with search, median of {len(times)}: {statistics.median(times):.2f} s"
        f" (CPU {statistics.median(cpus):.2f} s; load average now: {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()
