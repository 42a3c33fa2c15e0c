"""An archive of real text for benchmarks: the briefings of eval/coverage/ copied until it holds N articles.

    python scripts/real_corpus.py OUT [--articles 10000]

The synthetic corpus (pressarchive.bench) writes articles of 60 words drawn at random, which no
alignment cost can be judged on: every pair of them shares word pairs by chance. This one holds
the evaluation set's real transcripts (Chinese, English, Spanish, Japanese) and their real
coverage in seven languages, as scripts/eval_coverage.py writes them, each briefing copied under
a new id and date (one day later per copy) with its transcripts and articles. Copies of one
briefing are never compared with each other (alignment stays within a briefing), so each costs
what the original does.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_coverage import write_archive  # noqa: E402

DATE = re.compile(r"^date: '(\d{4}-\d\d-\d\d)'$", re.MULTILINE)


def replicate(out: Path, articles: int) -> int:
    """Write the corpus into ``out`` (emptied first); the number of articles written."""
    shutil.rmtree(out, ignore_errors=True)
    with tempfile.TemporaryDirectory() as work:
        original = Path(work) / "content"
        write_archive(original)
        shutil.copytree(original / "sources", out / "sources")
        briefings = sorted(p.stem for p in (original / "briefings").glob("*.md"))
        coverage = {b: sorted((original / "articles").glob(f"{b}-*.md")) for b in briefings}
        written, copy = 0, 0
        while written < articles:
            for briefing in briefings:
                new_id = f"{briefing}-copy{copy:04d}"
                shifted = _shift(copy)
                text = (original / "briefings" / f"{briefing}.md").read_text(encoding="utf-8")
                _write(out / "briefings" / f"{new_id}.md", shifted(text))
                for transcript in (original / "transcripts").glob(f"{briefing}.*.md"):
                    language = transcript.name.removeprefix(f"{briefing}.")
                    _write(out / "transcripts" / f"{new_id}.{language}", transcript.read_text(encoding="utf-8"))
                for article in coverage[briefing]:
                    if written == articles:
                        return written
                    text = article.read_text(encoding="utf-8").replace(
                        f"briefing: {briefing}\n", f"briefing: {new_id}\n"
                    )
                    text = re.sub(r"^slug: (.*)$", rf"slug: \1-copy{copy:04d}", text, count=1, flags=re.MULTILINE)
                    _write(out / "articles" / f"copy{copy:04d}" / article.name, shifted(text))
                    written += 1
            copy += 1
    return written


def _shift(days: int):  # type: ignore[no-untyped-def]
    def shifted(text: str) -> str:
        return DATE.sub(lambda m: f"date: '{date.fromisoformat(m[1]) + timedelta(days=days)}'", text, count=1)

    return shifted


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    print(f"{replicate(args.out, args.articles)} articles written into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
