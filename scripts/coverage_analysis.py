"""Time the coverage analysis alone, in one process, for one checkout: its CPU seconds and a digest of its output.

    python scripts/coverage_analysis.py CHECKOUT CONTENT [--profile N]

Loads, validates and renders CONTENT with CHECKOUT's own code (a worktree of another commit, for an
A/B), then runs only the coverage analysis of every briefing, serially. Two checkouts whose digests
are equal produced the same analysis; run them interleaved, rounds alternating, to compare their
times. With --profile N, cProfile's N costliest functions (by own time) are printed too.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("content", type=Path)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    sys.path.insert(0, str(args.checkout.resolve()))
    from pressarchive import coverage
    from pressarchive.bodies import render_markdown
    from pressarchive.cache import BuildCache
    from pressarchive.load import load_content
    from pressarchive.model import build_site
    from pressarchive.validate import validate_content

    with tempfile.TemporaryDirectory() as work, BuildCache(Path(work), print) as cache:
        records = validate_content(load_content(args.content, 10**7, cache.reusable_records()))
        records, bodies = render_markdown(records, cache, 5.0)
        site = build_site(records, False)
        tasks = []
        for briefing in site.briefings.values():
            transcripts = tuple(
                sorted(site.transcripts[briefing.id], key=lambda t: (t.language != site.info.language, t.language))
            )
            articles = tuple(site.coverage[briefing.id])
            key = coverage.coverage_key(briefing, articles, transcripts)
            tasks.append(coverage.Task(briefing, articles, transcripts, key))
        profiler = cProfile.Profile() if args.profile else None
        started = time.process_time()
        if profiler:
            profiler.enable()
        found = coverage._analyse(bodies, tasks)
        if profiler:
            profiler.disable()
        spent = time.process_time() - started
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    digest = hashlib.sha256(pickle.dumps([(f.briefing_id, f.articles, f.syndication) for f in found])).hexdigest()
    print(
        f"{len(tasks)} briefings, {sum(len(t.articles) for t in tasks)} articles: {spent:.2f} CPU s, digest {digest[:16]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
