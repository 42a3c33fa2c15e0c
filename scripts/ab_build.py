"""Time two checkouts of this project building the same content, side by side, rounds interleaved.

    python scripts/ab_build.py OLD_CHECKOUT NEW_CHECKOUT CONTENT [--rounds 5] [--work DIR] [--search] [--no-op | --edit]

Each round builds CONTENT cold (no output folder, no build cache) with OLD, then with NEW
(the order alternates between rounds), each in a fresh interpreter timed from outside, and
checks that both wrote byte-identical sites. With --no-op each side builds cold once, untimed,
and each round then times a rebuild with nothing to do (the build cache and site kept); with --edit
the same, on a copy of CONTENT in WORK, after each round has added a line to one article (a
different one each round, the same for both sides). Prints each side's median wall-clock and CPU
seconds (the build and its workers) and NEW/OLD: CPU time is the steadier when the machine
is shared. Run it with --work on tmpfs (findmnt -t tmpfs): the machine's disk is noisy.
"""

from __future__ import annotations

import argparse
import filecmp
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pressarchive.bench import user_environment  # noqa: E402


def cold_build(checkout: Path, content: Path, work: Path, search: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the build and its workers) of one cold build."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return timed_build(checkout, content, work, search)


def timed_build(checkout: Path, content: Path, work: Path, search: bool) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the build and its workers) of one build into ``work``, as it stands."""
    command = [sys.executable, str(checkout / "build.py"), "--content", str(content), "--out", str(work / "site")]
    return timed(command + ([] if search else ["--no-search"]), work)


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (the command and its children) of a build command run in ``cwd``,
    with a user's environment; exits with the build's error if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=user_environment())
    wall = time.perf_counter() - started
    if finished.returncode != 0:
        sys.exit(f"{' '.join(command[:2])} failed (exit {finished.returncode}):\n{finished.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def same_tree(a: Path, b: Path) -> bool:
    compared = filecmp.dircmp(a, b)
    if compared.left_only or compared.right_only or compared.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(a / d, b / d) for d in compared.common_dirs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("content", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--search", action="store_true", help="include the search index")
    parser.add_argument("--no-op", action="store_true", help="time rebuilds with nothing to do")
    parser.add_argument("--edit", action="store_true", help="time rebuilds after editing one article")
    args = parser.parse_args(argv)
    build = timed_build if args.no_op or args.edit else cold_build
    if args.edit:
        shutil.rmtree(args.work / "content", ignore_errors=True)
        shutil.copytree(args.content, args.work / "content")
        args.content = args.work / "content"
    if args.no_op or args.edit:
        for side, checkout in (("old", args.old), ("new", args.new)):
            cold_build(checkout.resolve(), args.content.resolve(), args.work / side, args.search)
    articles = sorted((args.content / "articles").rglob("*.md"))
    times: dict[str, list[float]] = {"old": [], "new": []}
    cpu: dict[str, list[float]] = {"old": [], "new": []}
    for round_number in range(args.rounds):
        if args.edit:
            edited = articles[(round_number * 7919) % len(articles)]  # spread over the archive
            edited.write_text(edited.read_text(encoding="utf-8") + f"\nEdited in round {round_number + 1}.\n", "utf-8")
        order = ["old", "new"] if round_number % 2 == 0 else ["new", "old"]
        for side in order:
            checkout = args.old if side == "old" else args.new
            wall, seconds = build(checkout.resolve(), args.content.resolve(), args.work / side, args.search)
            times[side].append(wall)
            cpu[side].append(seconds)
        identical = same_tree(args.work / "old" / "site", args.work / "new" / "site")
        print(
            f"round {round_number + 1}: old {times['old'][-1]:.2f} s ({cpu['old'][-1]:.2f} CPU), "
            f"new {times['new'][-1]:.2f} s ({cpu['new'][-1]:.2f} CPU), same files: {identical}"
        )
    old, new = statistics.median(times["old"]), statistics.median(times["new"])
    print(f"median of {args.rounds}: old {old:.2f} s, new {new:.2f} s, new/old {new / old:.3f}")
    old_cpu, new_cpu = statistics.median(cpu["old"]), statistics.median(cpu["new"])
    print(f"CPU seconds, median: old {old_cpu:.2f}, new {new_cpu:.2f}, new/old {new_cpu / old_cpu:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
