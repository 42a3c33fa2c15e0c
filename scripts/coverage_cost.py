"""What coverage analysis adds to a cold build: one checkout, with and without it, rounds interleaved.

    python scripts/coverage_cost.py CONTENT [--rounds 5] [--work DIR] [--checkout DIR]

Each round builds CONTENT cold (no output folder, no build cache, without search) twice with the
same checkout, in fresh interpreters timed from outside (the order alternates between rounds):
once as it is, once with the coverage stage answering "nothing aligned" for every article
(no transcript, no passages, no quotes, no shared text) without reading any text, so the pages
carry no coverage parts. The difference is the analysis and the pages' coverage parts, and nothing else merged
since (issue 15 asks that the cold build grow by at most 20%). Prints each side's median wall-
clock and CPU seconds (the build and its workers) and with/without. Run it with --work on tmpfs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ab_build import timed  # noqa: E402

# Run in the build's interpreter before build.py: the coverage stage returns an empty report per briefing.
WITHOUT_COVERAGE = """
import os, runpy, sys
sys.path.insert(0, os.path.dirname(sys.argv[1]))  # the checkout, whose build.py follows
from pressarchive import coverage, stages
def nothing_aligned(site, bodies, cache):
    def unaligned(a):
        return coverage.ArticleCoverage(a.slug, a.language, 0, "no transcript", "", (), (), ())
    def empty(b):
        articles = {a.slug: unaligned(a) for a in site.coverage[b]}
        return coverage.BriefingCoverage(b, "none", (), articles, ())
    return coverage.Coverage({b: empty(b) for b in site.briefings}, 0)
stages.analyse_coverage = nothing_aligned
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def cold_build(checkout: Path, content: Path, work: Path, with_coverage: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the build and its workers) of one cold build without search."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    build = [str(checkout / "build.py"), "--content", str(content), "--out", str(work / "site"), "--no-search"]
    command = [sys.executable, *build] if with_coverage else [sys.executable, "-c", WITHOUT_COVERAGE, *build]
    return timed(command, work)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args(argv)
    checkout, content = args.checkout.resolve(), args.content.resolve()
    times: dict[bool, list[float]] = {True: [], False: []}
    cpu: dict[bool, list[float]] = {True: [], False: []}
    for round_number in range(args.rounds):
        for with_coverage in (True, False) if round_number % 2 == 0 else (False, True):
            wall, seconds = cold_build(checkout, content, args.work / f"coverage-{with_coverage}", with_coverage)
            times[with_coverage].append(wall)
            cpu[with_coverage].append(seconds)
        print(
            f"round {round_number + 1}: with {times[True][-1]:.2f} s ({cpu[True][-1]:.2f} CPU), "
            f"without {times[False][-1]:.2f} s ({cpu[False][-1]:.2f} CPU)",
            flush=True,
        )
    with_, without = statistics.median(times[True]), statistics.median(times[False])
    print(f"median of {args.rounds}: with {with_:.2f} s, without {without:.2f} s, with/without {with_ / without:.3f}")
    with_cpu, without_cpu = statistics.median(cpu[True]), statistics.median(cpu[False])
    print(
        f"CPU seconds, median: with {with_cpu:.2f}, without {without_cpu:.2f}, with/without {with_cpu / without_cpu:.3f}"
    )
    paired = statistics.median(w / o for w, o in zip(cpu[True], cpu[False], strict=True))
    print(f"CPU seconds, median of the rounds' with/without: {paired:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
