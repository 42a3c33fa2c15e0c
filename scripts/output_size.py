"""Output per article, by folder: python scripts/output_size.py CONTENT WORK.

Builds CONTENT (search included) into WORK/site, with WORK/cache.sqlite as the build
cache, under https://example.org/ so that feeds, the sitemap and canonical links are
written too, then prints the bytes of every file of the site divided by the number of
article pages, folder by folder. The synthetic corpus of the benchmark:

    python -c "from pathlib import Path; from pressarchive.bench import generate_corpus; \\
        generate_corpus(Path('/dev/shm/pw/corpus10k'), 10000)"
    python scripts/output_size.py /dev/shm/pw/corpus10k /dev/shm/pw/work

The same content always builds to the same bytes, so the figures are reproducible.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("articles", "briefings", "sources", "tags", "archive", "feeds", "pagefind")
BASE_URL = "https://example.org/"


def build(content: Path, work: Path) -> Path:
    site = work / "site"
    command = [sys.executable, str(ROOT / "build.py"), "build", "--content", str(content), "--out", str(site)]
    subprocess.run([*command, "--base-url", BASE_URL], check=True, cwd=work)  # the build cache: WORK/.cache/
    return site


def bytes_by_folder(site: Path) -> Counter[str]:
    """The sizes of the site's files, summed by top-level folder (anything else is "other")."""
    sizes: Counter[str] = Counter()
    for path in site.rglob("*"):
        if path.is_file() and not path.is_symlink():
            top = path.relative_to(site).parts[0]
            sizes[top if top in FOLDERS else "other"] += path.stat().st_size
    return sizes


def du_bytes(site: Path) -> int:
    """What `du -sb` says: file sizes plus the folders' own."""
    return int(subprocess.run(["du", "-sb", str(site)], check=True, capture_output=True, text=True).stdout.split()[0])


def report(site: Path) -> str:
    articles = sum(1 for _ in site.glob("articles/*/index.html"))
    sizes = bytes_by_folder(site)
    total = sum(sizes.values())
    lines = [f"{articles:,} articles, {total:,} bytes in files ({du_bytes(site):,} by du -sb)", ""]
    lines += ["| folder | bytes per article | share |", "| --- | ---: | ---: |"]
    for folder in (*FOLDERS, "other"):
        lines.append(f"| {folder} | {sizes[folder] / articles:,.0f} | {sizes[folder] / total:.1%} |")
    lines.append(f"| **all** | **{total / articles:,.0f}** | 100% |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    content, work = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    work.mkdir(parents=True, exist_ok=True)
    print(report(build(content, work)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
