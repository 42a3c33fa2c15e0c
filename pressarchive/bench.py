"""Benchmark: build a seeded synthetic archive and time every kind of rebuild.

    python -m pressarchive.bench --n 10000 --runs 3

Prints medians of several runs for: a cold full build, a no-op rebuild, a rebuild
after editing one article, after adding one, after editing a template, each with
and without the search index; Pagefind's own indexing time; peak memory; output
size; and, when Hugo is installed, Hugo's time on the same corpus and our ratio.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "minister spokesperson ministry briefing press conference cooperation trade security region partners "
    "policy development economy growth agreement talks summit delegation statement question answer reporter "
    "sanctions climate energy health education rights law court people government council committee plan "
    "initiative investment market export import tariff visit foreign relations peace dialogue border maritime"
).split()
TAGS = [f"topic-{i}" for i in range(60)]

# Runs one build in a fresh interpreter and reports its own figures as JSON.
RUNNER = """
import json, os, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from pressarchive.pipeline import BuildConfig, build
started = time.perf_counter()
notes = []
build(BuildConfig(content=Path(sys.argv[2]), out=Path(sys.argv[3]), templates=Path(sys.argv[4]),
                  search=sys.argv[5] == "1", cache=Path(sys.argv[3] + ".cache.sqlite")), progress=notes.append)
print(json.dumps({
    "seconds": time.perf_counter() - started,
    "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    "notes": notes,
}))
sys.stdout.flush()
os._exit(0)  # as build.py does: no freeing of every object at exit
"""


def paragraph(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    chosen[0] = chosen[0].capitalize()
    return " ".join(chosen) + "."


def article_body(rng: random.Random, words: int) -> str:
    parts, written = [], 0
    while written < words:
        size = rng.randint(40, 120)
        kind = rng.random()
        if kind < 0.1:
            parts.append("> " + paragraph(rng, 25))
        elif kind < 0.2:
            parts.append("\n".join(f"- {paragraph(rng, 8)}" for _ in range(4)))
        else:
            text = paragraph(rng, size)
            parts.append(text + f" See [the statement](https://example.org/{rng.randint(1, 9999)}).")
        written += size
    return "\n\n".join(parts) + "\n"


def generate_corpus(root: Path, n: int, seed: int = 1, transcripts: bool = False) -> None:
    """Write ``n`` articles, about 50 sources and briefings of 1 to 8 articles each. With
    ``transcripts``, each briefing also has a transcript of 4 to 10 questions and answers, in words
    of a Zipf vocabulary (Speech), and each article reports two of its answers (a passage copied, a
    passage quoted); the articles, briefings and sources are otherwise the same as without."""
    rng = random.Random(seed)
    said = Speech(random.Random(seed + 1))  # a stream of its own, so the rest of the corpus is unchanged
    if transcripts:
        (root / "transcripts").mkdir(parents=True, exist_ok=True)
    for folder in ("sources", "briefings", "articles"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    sources = [f"source-{i:02d}" for i in range(50)]
    for source in sources:
        (root / "sources" / f"{source}.yaml").write_text(f"name: Outlet {source[-2:]}\nkind: news site\n")
    made, briefing_number = 0, 0
    while made < n:
        briefing_number += 1
        briefing = f"briefing-{briefing_number:06d}"
        day = f"20{10 + briefing_number * 3 // 365 % 16:02d}-{1 + briefing_number % 12:02d}-{1 + briefing_number % 28:02d}"
        (root / "briefings" / f"{briefing}.md").write_text(
            f"---\ntitle: Briefing {briefing_number}\ndate: {day}\nhost: Ministry of Examples\n---\n{paragraph(rng, 40)}\n"
        )
        answers = _write_transcript(root, briefing, said) if transcripts else []
        for _ in range(min(rng.randint(1, 8), n - made)):
            made += 1
            tags = ", ".join(rng.sample(TAGS, 3))
            front = (
                f"---\ntitle: {paragraph(rng, 8)[:-1]}\nsource: {rng.choice(sources)}\ndate: {day}T{made % 24:02d}:00:00+00:00\n"
                f"briefing: {briefing}\ntags: [{tags}]\n---\n"
            )
            path = root / "articles" / f"{made // 1000:03d}" / f"article-{made:06d}.md"
            path.parent.mkdir(exist_ok=True)
            reported = _reported(answers, said) if answers else ""
            path.write_text(front + reported + article_body(rng, rng.randint(400, 1200)))


class Speech:
    """Made-up words spoken with Zipf's frequencies (the n-th most common word 1/n as often as the
    first), as real speech uses its words; the articles' 60 words the most common. Transcripts need
    it: over 60 words every stretch of text would share its word pairs with every other."""

    def __init__(self, rng: random.Random, size: int = 20_000):
        self.rng = rng
        syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
        made = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size)}
        self.words = WORDS + sorted(made - set(WORDS))
        self.weights = list(itertools.accumulate(1 / rank for rank in range(1, len(self.words) + 1)))

    def paragraph(self, words: int) -> str:
        chosen = self.rng.choices(self.words, cum_weights=self.weights, k=words)
        return " ".join([chosen[0].capitalize(), *chosen[1:]]) + "."


def _write_transcript(root: Path, briefing: str, speech: Speech) -> list[str]:
    """A transcript for ``briefing``: questions and answers; its answers."""
    rng = speech.rng
    answers = [speech.paragraph(rng.randint(40, 160)) for _ in range(rng.randint(4, 10))]
    turns = [f"Reporter: {speech.paragraph(rng.randint(15, 40))}\n\nSpokesperson: {a}" for a in answers]
    front = f"---\nlanguage: en\nurl: https://example.org/transcripts/{briefing}\nretrieved: 2026-01-01\n---\n"
    (root / "transcripts" / f"{briefing}.md").write_text(front + "\n\n".join(turns) + "\n")
    return answers


def _reported(answers: list[str], speech: Speech) -> str:
    """Two paragraphs that report two answers: one copies a stretch of an answer, one quotes another."""
    rng = speech.rng
    copied, quoted = (rng.choice(answers).rstrip(".").split() for _ in range(2))
    start = rng.randrange(max(1, len(copied) - 25))
    stretch = " ".join(copied[start : start + 25])
    start = rng.randrange(max(1, len(quoted) - 12))
    quote = " ".join(quoted[start : start + 12])
    return f"The spokesperson said that {stretch}.\n\nAsked about it, the spokesperson said: \u201c{quote}.\u201d\n\n"


def user_environment() -> dict[str, str]:
    """This environment as a user's shell has it: Python caching the project's compiled modules.

    Where PYTHONDONTWRITEBYTECODE is set (this development machine sets it) and the checkout has no
    __pycache__ yet, every fresh interpreter compiles the project's modules again, about 0.1 s of each
    timed build that no installed copy pays.
    """
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_build(content: Path, out: Path, templates: Path, search: bool) -> dict[str, Any]:
    command = [sys.executable, "-c", RUNNER, str(ROOT), str(content), str(out), str(templates), "1" if search else "0"]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=user_environment())
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    figures["seconds"] = time.perf_counter() - started  # what the user waits for, start-up included
    return figures


def pagefind_seconds(notes: list[str]) -> float:
    return next((float(n.split()[-2]) for n in notes if n.startswith("indexed for search in")), 0.0)


def scenarios(content: Path, work: Path, templates: Path, search: bool, runs: int) -> dict[str, list[dict[str, Any]]]:
    """Time each kind of build ``runs`` times; every run starts from the same corpus."""
    results: dict[str, list[dict[str, Any]]] = {}
    first = next(iter(sorted((content / "articles").rglob("*.md"))))
    original = first.read_text()
    template = templates / "article.html"
    for run in range(runs):
        out = work / f"out-{search}-{run}"
        shutil.rmtree(out, ignore_errors=True)
        Path(f"{out}.cache.sqlite").unlink(missing_ok=True)  # cold: no output, no build cache
        results.setdefault("cold full build", []).append(run_build(content, out, templates, search))
        results.setdefault("no-op rebuild", []).append(run_build(content, out, templates, search))
        first.write_text(original.replace("\n---\n", f"\n---\nEdited in run {run}.\n\n", 1))
        results.setdefault("edit one article", []).append(run_build(content, out, templates, search))
        first.write_text(original)
        added = content / "articles" / "added.md"
        added.write_text(original.replace("title:", "slug: added-article\ntitle:", 1))
        results.setdefault("add one article", []).append(run_build(content, out, templates, search))
        added.unlink()
        template.write_text(template.read_text() + f"\n{{# edited {run} #}}\n")
        results.setdefault("edit a template", []).append(run_build(content, out, templates, search))
    return results


def single_bundle(site: Path, work: Path, runs: int) -> tuple[float, float]:
    """Pagefind over the whole built site as one bundle, as before sharding: median seconds, peak MB."""
    times, peaks = [], []
    for run in range(runs):
        output = work / f"single-bundle-{run}"
        shutil.rmtree(output, ignore_errors=True)
        command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output)]
        started = time.perf_counter()
        timed = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - started)
        peaks.append(int(timed.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), max(peaks)


def hugo_seconds(content: Path, work: Path, runs: int) -> float | None:
    """Build an equivalent minimal Hugo site (one page per article, list pages) and time it."""
    hugo = shutil.which("hugo")
    if not hugo:
        return None
    site = work / "hugo"
    shutil.rmtree(site, ignore_errors=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    shutil.copytree(content / "articles", site / "content" / "articles")
    (site / "config.toml").write_text(
        'baseURL = "/"\ndisableKinds = ["RSS", "sitemap", "robotsTXT"]\n'
        '[taxonomies]\n  tag = "tags"\n  source = "source"\n  briefing = "briefing"\n'
    )
    layouts = site / "layouts" / "_default"
    (layouts / "baseof.html").write_text(
        '<!doctype html><html lang="en"><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>'
    )
    (layouts / "single.html").write_text(
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}'
    )
    (layouts / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}'
    )
    times = []
    for _ in range(runs):
        shutil.rmtree(site / "public", ignore_errors=True)
        started = time.perf_counter()
        subprocess.run([hugo, "--quiet", "-s", str(site)], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def report(n: int, runs: int, keep: Path | None = None) -> str:
    work = Path(tempfile.mkdtemp(prefix="pressarchive-bench-")) if keep is None else keep
    content, templates = work / "content", work / "templates"
    started = time.perf_counter()
    generate_corpus(content, n)
    shutil.copytree(ROOT / "templates", templates, dirs_exist_ok=True)
    lines = [
        f"N = {n:,} articles, median of {runs} runs (corpus generated in {time.perf_counter() - started:.1f} s)",
        "",
    ]
    lines += [
        "| build | without search (s) | with search (s) | Pagefind alone (s) | peak memory, ours / Pagefind (MB) |",
        "| --- | --- | --- | --- | --- |",
    ]
    plain = scenarios(content, work, templates, search=False, runs=runs)
    indexed = scenarios(content, work, templates, search=True, runs=runs)
    for name in plain:
        without = statistics.median(r["seconds"] for r in plain[name])
        with_search = statistics.median(r["seconds"] for r in indexed[name])
        pagefind = statistics.median(pagefind_seconds(r["notes"]) for r in indexed[name])
        ours_mb = max(r["self_kb"] for r in indexed[name]) / 1024
        pagefind_mb = max(r["children_kb"] for r in indexed[name]) / 1024
        lines.append(
            f"| {name} | {without:.2f} | {with_search:.2f} | {pagefind:.2f} | {ours_mb:.0f} / {pagefind_mb:.0f} |"
        )
    cold = statistics.median(r["seconds"] for r in plain["cold full build"])
    cold_search = statistics.median(r["seconds"] for r in indexed["cold full build"])
    edit_search = statistics.median(r["seconds"] for r in indexed["edit one article"])
    # Upper bound: our process plus two of its largest child (two shards are indexed at once).
    peak = max(r["self_kb"] + 2 * r["children_kb"] for r in indexed["cold full build"]) / 1024
    single, single_mb = single_bundle(work / f"out-False-{runs - 1}", work, runs)
    lines += [
        "",
        f"Single-bundle Pagefind over the same site: {single:.2f} s, peak {single_mb:.0f} MB. "
        f"Sharded full build with search: {cold_search:.2f} s = {cold_search / (cold + single):.2f}x "
        f"(build without search + single-bundle Pagefind = {cold + single:.2f} s); "
        f"peak memory at most {peak:.0f} MB (ours + 2 x the largest child); edit-one rebuild with search: {edit_search:.2f} s.",
    ]
    out = work / f"out-True-{runs - 1}"
    size = folder_bytes(out)
    index = folder_bytes(out / "pagefind")
    lines += [
        "",
        f"Output: {size / 1e6:.1f} MB ({size / n:,.0f} bytes per article; search index {index / 1e6:.1f} MB); "
        f"1 GB would be reached at about {1e9 / (size / n):,.0f} articles.",
    ]
    hugo = hugo_seconds(content, work, runs)
    if hugo is not None:
        ours = statistics.median(r["seconds"] for r in plain["cold full build"])
        edit = statistics.median(r["seconds"] for r in plain["edit one article"])
        lines.append(
            f"Hugo full build: {hugo:.2f} s. Ours/Hugo: cold build {ours / hugo:.2f}x, edit-one rebuild {edit / hugo:.2f}x."
        )
    else:
        lines.append("Hugo not installed (apt-get install hugo): no comparison.")
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pressarchive.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; medians are reported (default 3)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    print(report(args.n, args.runs, args.keep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
