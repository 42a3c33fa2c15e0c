"""Measure coverage alignment against the hand labels in eval/coverage/: python scripts/eval_coverage.py [-v].

For every labelled briefing it builds a small archive (the transcript, each article as
curated Markdown with its language), runs the real build (`build.py build --no-search`)
and reads each briefing's coverage.json. Then, per article whose language has a transcript:

* items: the label says which transcript items the article reports; the build reports
  an item when one of its passages lies in that item's stretch of the transcript.
  Precision and recall over (article, item) pairs.
* quotes: each labelled quote is found in the article's quotes by its text; a quote the
  build matched to the transcript (exact or reworded) is right when the label says
  exact or reworded too, with the same item. Precision over matched quotes; recall of
  the labelled exact/reworded quotes.
* shared passages: article pairs the label says share a passage, against pairs the
  build lists as sharing text.

Articles in a language no transcript is in are counted apart: the build must say it
compared them with the other coverage only.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval" / "coverage"


@dataclass
class Tally:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    notes: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.true_pos / (self.true_pos + self.false_pos) if self.true_pos + self.false_pos else 1.0

    def recall(self) -> float:
        return self.true_pos / (self.true_pos + self.false_neg) if self.true_pos + self.false_neg else 1.0

    def line(self, name: str) -> str:
        counts = f"tp {self.true_pos}, fp {self.false_pos}, fn {self.false_neg}"
        return f"{name}: precision {self.precision():.3f}, recall {self.recall():.3f} ({counts})"


def markdown_escape(text: str) -> str:
    """Plain text as Markdown that renders to the same words (no headings, lists, code or links)."""
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"([\\`*_{}\[\]<>#|~!])", r"\\\1", line.strip())
        line = re.sub(r"^(\d+)([.)])", r"\1\\\2", line)
        lines.append(re.sub(r"^([-+=])", r"\\\1", line))
    return "\n".join(lines)


def write_archive(root: Path) -> dict[str, dict]:
    """An archive of every labelled briefing; returns the labels by briefing id."""
    labelled = {}
    (root / "sources").mkdir(parents=True)
    for folder in sorted(p for p in EVAL.iterdir() if (p / "labels.yaml").is_file()):
        labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
        labelled[folder.name] = labels
        facts = labels["briefing"]
        briefing = {"title": facts["title"], "date": str(facts["date"])}
        if facts.get("spokesperson"):
            briefing["spokesperson"] = facts["spokesperson"]
        if facts.get("host"):
            briefing["host"] = facts["host"]
        write(root / "briefings" / f"{folder.name}.md", f"---\n{yaml.safe_dump(briefing, allow_unicode=True)}---\n")
        for transcript in facts["transcripts"]:
            meta = {"language": transcript["language"], "url": transcript["parts"][0]["url"], "complete": False}
            body = (folder / transcript["file"]).read_text(encoding="utf-8")
            name = f"{folder.name}.{transcript['language']}.md"
            write(root / "transcripts" / name, f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}")
        for number, article in enumerate(labels["articles"]):
            source = re.sub(r"[^a-z0-9]+", "-", article["outlet"].casefold())[:40].strip("-") or "outlet"
            write(root / "sources" / f"{source}.yaml", yaml.safe_dump({"name": article["outlet"]}, allow_unicode=True))
            front = {
                "title": f"{article['outlet']} on {facts['title']}"[:150],
                "source": source,
                "date": str(facts["date"]),
                "briefing": folder.name,
                "language": article["language"],
                "slug": f"{folder.name}-{number}",
            }
            body = markdown_escape((folder / article["file"]).read_text(encoding="utf-8"))
            write(
                root / "articles" / f"{folder.name}-{number}.md",
                f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n{body}\n",
            )
    return labelled


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def label_spans(labels: dict, transcript: str) -> dict[str, tuple[int, int]]:
    """Each labelled item's stretch of the transcript: from its first words to the next item's."""
    starts = sorted((transcript.index(item["starts"]), item["key"]) for item in labels["items"])
    ends = [start for start, _ in starts[1:]] + [len(transcript)]
    return {key: (start, end) for (start, key), end in zip(starts, ends, strict=True)}


def evaluate(site: Path, labelled: dict[str, dict], verbose: bool) -> dict[str, Tally]:
    tallies = {"items": Tally(), "quotes": Tally(), "shared": Tally(), "other language": Tally()}
    for briefing_id, labels in labelled.items():
        coverage = json.loads((site / "briefings" / briefing_id / "coverage.json").read_text(encoding="utf-8"))
        transcripts = {t["language"]: t for t in coverage["transcripts"]}
        main = labels["briefing"]["transcripts"][0]["language"]
        spans = label_spans(labels, transcripts[main]["text"]) if main in transcripts else {}
        articles = {a["slug"]: a for a in coverage["articles"]}
        for number, article in enumerate(labels["articles"]):
            found = articles[f"{briefing_id}-{number}"]
            where = f"{briefing_id} {article['file']}"
            if article["language"] in transcripts and article["language"] != main:
                # Labelled items are spans of the main transcript; in its other language, items go by number.
                found_items = {f"i{n}" for n in found["items"]}
                _count(tallies["items"], found_items, set(article["reports"]), where, verbose)
                continue
            if article["language"] != main:
                _other_language(tallies["other language"], found, where)
                continue
            _items(tallies["items"], found, set(article["reports"]), spans, where, verbose)
            _quotes(tallies["quotes"], found, article.get("quotes") or [], spans, where, verbose)
        _shared(tallies["shared"], labels, coverage, briefing_id, verbose)
    return tallies


def _items(
    tally: Tally, found: dict, truth: set[str], spans: dict[str, tuple[int, int]], where: str, verbose: bool
) -> None:
    claimed = set()
    for passage in found["transcript_passages"]:
        start, end = passage["transcript_span"]
        claimed |= {key for key, (a, b) in spans.items() if start < b and end > a}
    _count(tally, claimed, truth, where, verbose)


def _count(tally: Tally, claimed: set[str], truth: set[str], where: str, verbose: bool) -> None:
    tally.true_pos += len(claimed & truth)
    tally.false_pos += len(claimed - truth)
    tally.false_neg += len(truth - claimed)
    if verbose and claimed != truth:
        print(f"  items {where}: labelled {sorted(truth)}, found {sorted(claimed)}")


def _quotes(tally: Tally, found: dict, truth: list[dict], spans: dict, where: str, verbose: bool) -> None:
    for quote in truth:
        mine = _found_quote(found["quotes"], quote["text"])
        matched = mine is not None and mine["status"] in ("exact", "reworded")
        labelled = quote["status"] in ("exact", "reworded")
        if matched and labelled and _same_item(mine, quote.get("item"), spans):
            tally.true_pos += 1
        elif matched:
            tally.false_pos += 1
        elif labelled:
            tally.false_neg += 1
        if verbose and matched != labelled:
            status = mine["status"] if mine else "not extracted"
            print(f"  quote {where}: labelled {quote['status']}, found {status}: {quote['text'][:70]!r}")


def _found_quote(found: list[dict], text: str) -> dict | None:
    """The build's quote with the labelled text, or the one holding it (a label may quote part of a quote)."""
    wanted = _fold(text)
    exact = [q for q in found if _fold(q["text"]) == wanted]
    holding = [q for q in found if wanted and (wanted in _fold(q["text"]) or _fold(q["text"]) in wanted)]
    return (exact or holding or [None])[0]


def _same_item(mine: dict, key: str | None, spans: dict[str, tuple[int, int]]) -> bool:
    if key is None or key not in spans or mine.get("transcript_span") is None:
        return key is None
    start, end = mine["transcript_span"]
    a, b = spans[key]
    return start < b and end > a


def _shared(tally: Tally, labels: dict, coverage: dict, briefing_id: str, verbose: bool) -> None:
    files = {article["file"]: f"{briefing_id}-{n}" for n, article in enumerate(labels["articles"])}
    truth = {frozenset(files[f] for f in pair["articles"]) for pair in labels.get("shared") or []}
    found = {frozenset(pair["articles"]) for pair in coverage["shared"]}
    tally.true_pos += len(found & truth)
    tally.false_pos += len(found - truth)
    tally.false_neg += len(truth - found)
    if verbose and found != truth:
        print(
            f"  shared {briefing_id}: missed {[sorted(p) for p in truth - found]}, extra {[sorted(p) for p in found - truth]}"
        )


def _other_language(tally: Tally, found: dict, where: str) -> None:
    said = found["transcript_status"] == "other language"
    tally.true_pos += said and not found["transcript_passages"]
    tally.false_pos += not said
    if not said:
        tally.notes.append(where)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep the archive and site there")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        root = args.keep or Path(work)
        shutil.rmtree(root / "content", ignore_errors=True)
        labelled = write_archive(root / "content")
        command = [sys.executable, str(ROOT / "build.py"), "--content", "content", "--out", "site", "--no-search"]
        result = subprocess.run(command, cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stderr)
            return 1
        tallies = evaluate(root / "site", labelled, args.verbose)
    print(tallies["items"].line("transcript items reported (per article and item)"))
    print(tallies["quotes"].line("quotes matched to the transcript"))
    print(tallies["shared"].line("article pairs sharing a passage"))
    other = tallies["other language"]
    print(f"articles in a language no transcript is in: {other.true_pos} said so, {other.false_pos} did not")
    return 0


if __name__ == "__main__":
    sys.exit(main())
