"""Measure `build.py import` against the hand labels in eval/import/: scripts/eval_import.py [-v] [--reverse] [--batch].

Every capture is imported, one at a time and with only its `--url` (as an archivist
would), into a temporary archive that holds the bundled sources and nothing else;
with --batch, all of them in one import with their URLs from a list (`--url-list`).
A capture whose import fails "needs a second run". For the others it reads the
draft it wrote and compares it with the labels:

* outlet: the source's name (or id) is the labelled outlet, its name before the
  parenthesis, or the host in the parenthesis;
* date: of the captures that print a date, the share whose draft has that date (to
  the minute, zone only when labelled); a date on a capture that shows none, in
  its text or its URL, is counted as invented;
* title: of the captures with a labelled headline, the share whose title is it;
* language: the draft's `language:` against the label;
* grouping: pairwise precision and recall of "same briefing" over the imported
  captures (labelled `briefing: null` captures belong to no group);
* a capture not imported as another copy of a transcript the archive holds is measured as that
  transcript's file, for its outlet, language and briefing only;
* debris: labelled debris lines still present as a whole line of the body, and
  lines of the capture that are neither debris, headline nor the printed date but
  are missing from the body (sentences lost).

`--set eval/import-heldout` (or eval/import-heldout2) measures a held-out set: captures gathered and
labelled after the rules were written, by a helper who never read the importer.
`--all` measures every set under eval/ (eval/import*), each in import order, in reverse and in one
batch, and prints one row per set and the totals, as docs/importing.md quotes them.
`--merged` imports every set's captures, set after set, into one archive: each briefing then
competes with every other set's briefings of its host (86 of the labelled briefings are China's
foreign ministry's, on 86 different days), as in a real archive, where a set alone holds a few.
`--reverse` imports in the opposite order. `--leave-out-hosts` is the held-out check of
hosts.yaml: for each host, the grouping measured with that host removed from the table
(its captures then group by their text alone; precision must not fall).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval" / "import"
sys.path.insert(0, str(ROOT))

from pressarchive.importer import hosts  # noqa: E402
from pressarchive.importer.plan import ImportFailed, Options  # noqa: E402
from pressarchive.importer.run import plan_import  # noqa: E402
from pressarchive.importer.write import write_all  # noqa: E402

PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")  # the store's prefix; the rest of the line is judged


@dataclass
class Result:
    label: dict[str, Any]
    fields: dict[str, Any] | None = None
    body: str = ""
    source_name: str = ""
    problems: list[str] = field(default_factory=list)
    transcript: bool = False  # imported as its briefing's transcript
    copy: bool = False  # not imported: another copy of a transcript the archive holds (measured as that)


# An editor's tag in brackets at a line's end ("…付出代价。 【编辑:刘阳禾】"): no sentence of the article.
EDITOR_TAG = re.compile(r"\s*【[^【】]{1,20}】$")
# A pinyin reading a mirror put after a character ("發(fā)言人"): no text of the article, whether the draft keeps it or not.
READING = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")


def squash(text: str) -> str:
    text = READING.sub("", unicodedata.normalize("NFC", text))
    return re.sub(r"\W", "", unicodedata.normalize("NFKC", text).casefold().replace("’", "'"))


def import_all(labels: list[dict[str, Any]], content: Path) -> list[Result]:
    """One capture per import, as an archivist gives --url."""
    results, articles = [], {}
    for label in labels:
        result = Result(label)
        try:
            plan = plan_import([EVAL / label["capture"]], Options(content=content, url=label["url"]))
        except ImportFailed as failed:
            result.problems = failed.problems
        else:
            write_all(plan.files)
            articles[label["capture"]] = plan.reports[0].copy_of or plan.reports[0].article
            result.copy = plan.reports[0].copy_of is not None
        results.append(result)
    for result in results:  # as the archive holds them at the end: a later import may add an earlier one's briefing
        if result.label["capture"] in articles:
            read_article(result, articles[result.label["capture"]], content)
    return results


def import_batch(labels: list[dict[str, Any]], content: Path) -> list[Result]:
    """All captures in one import (--url-list); those that fail are left out and the rest imported."""
    results = {label["capture"]: Result(label) for label in labels}
    urls = {Path(label["capture"]).name: label["url"] for label in labels}
    todo = [EVAL / label["capture"] for label in labels]
    while todo:
        try:
            plan = plan_import(todo, Options(content=content, urls=urls))
        except ImportFailed as failed:
            failing = {p.split(": ", 1)[0] for p in failed.problems}
            for path in todo:
                if str(path) in failing:
                    results[path.relative_to(EVAL).as_posix()].problems = [
                        p for p in failed.problems if p.startswith(f"{path}: ")
                    ]
            todo = [path for path in todo if str(path) not in failing]
            continue
        write_all(plan.files)
        for report in plan.reports:
            article = report.copy_of or report.article
            assert article is not None
            result = results[report.capture.relative_to(EVAL).as_posix()]
            read_article(result, article, content)
            result.copy = report.copy_of is not None
        break
    return list(results.values())


def read_article(result: Result, article: Path, content: Path) -> None:
    _, head, body = article.read_text(encoding="utf-8").split("---\n", 2)
    result.fields, result.body = yaml.safe_load(head), body
    if article.parent.name == "transcripts":  # measured as the article it would otherwise be
        briefing, language = article.name.split(".")[:2]
        extra = result.fields.get("extra") or {}
        result.transcript = True
        result.fields = {
            "briefing": briefing,
            "language": language,
            "title": extra.get("headline", extra.get("title", "")),  # the headline the capture shows
            "source": "",
            **({"date": extra["published"]} if "published" in extra else {}),
            **({"truncated": True} if result.fields.get("complete") is False else {}),
            "extra": extra,
        }
        host = re.search(r"(?m)^host: (.*)$", (content / "briefings" / f"{briefing}.md").read_text(encoding="utf-8"))
        result.source_name = yaml.safe_load(host[1]) if host else ""
        return
    source = yaml.safe_load((content / "sources" / f"{result.fields['source']}.yaml").read_text())
    result.source_name = str(source.get("name", ""))


def outlet_ok(result: Result) -> bool:
    """The labelled outlet; or, where the capture names none, the URL's host (all the import can know)."""
    outlet = result.label["outlet"]
    accepted = {squash(outlet), squash(outlet.split(" (")[0])}
    if "(" in outlet:
        accepted.add(squash(outlet.split("(", 1)[1].rstrip(")")))
    if not result.label["outlet_named_in_text"] and not result.label.get("platform"):
        accepted.add(squash(re.sub(r"^(?:https?://)?(?:www\.)?([^/]+).*", r"\1", result.label["url"])))
    assert result.fields is not None
    return bool({squash(result.source_name), squash(result.fields["source"])} & accepted)


def minute(value: str) -> tuple[str, str]:
    """'2025-12-10T21:50:00' -> ('2025-12-10T21:50', ''); the zone apart."""
    zone = ""
    if match := re.search(r"([+-]\d{2}:\d{2}|Z)$", value):
        zone, value = match.group(), value[: match.start()]
    moment = datetime.fromisoformat(value)
    text = moment.strftime("%Y-%m-%dT%H:%M") if "T" in value else moment.strftime("%Y-%m-%d")
    return text, zone


def day_printed(label: dict[str, Any]) -> str | None:
    """The label's printed date, if the page prints its day: one printed to the month only ("2025-07") is no
    date an article can take, and a draft left without one is right."""
    value = str(label["date"]) if label["date"] else None
    return value if value and len(value) >= len("2025-07-01") else None


def date_verdict(result: Result) -> str:
    """'right', 'wrong', 'invented', 'url-right', 'url-wrong' or 'none' (nothing to judge)."""
    label, fields = result.label, result.fields
    assert fields is not None
    printed = day_printed(label)
    if "date" not in fields:  # an undated draft
        return "missed" if printed or label["date_in_url"] else "undated"
    got = str(fields["date"])
    if printed:
        return "right" if minute(got) == minute(printed) else "wrong"
    if label["date_in_url"]:
        return "url-right" if got[:10] == label["date_in_url"] else "url-wrong"
    return "invented"


def title_ok(result: Result) -> bool:
    assert result.fields is not None
    return squash(result.fields["title"]) == squash(result.label["title"])


def body_lines(body: str) -> set[str]:
    return {" ".join(line.lstrip("-# ").split()) for line in body.split("\n") if line.strip()}


def debris_left(result: Result) -> list[str]:
    lines = body_lines(result.body)
    return [d for d in result.label["debris"] if " ".join(PREFIX.sub("", d).split()) in lines]


ORIGINAL_NOTE = re.compile(r"[（(【]?原[标標]?[题題]\s*[:：]\s*[《]?(?P<title>.+?)[》]?\s*[）)】]?")  # "(原标题:...)"


def in_front_matter(result: Result, line: str) -> bool:
    """Whether ``line`` is a title the draft keeps in `extra` rather than in its body: a bilingual page's
    headline in its other language, a transcript's repost's own headline (`extra.headline`), or a repost's note of its original headline, whose title is kept
    without its label (a transcript's, as its title). Such lines are counted apart from lost ones and listed with -v: nothing but
    reading them says that each is a title (the title measure never looks at these fields)."""
    extra = (result.fields or {}).get("extra") or {}
    if len(line) > 10 and any(squash(line) in squash(t) for t in extra.get("titles_in_other_languages", [])):
        return True  # (the whole title, or a line of it wrapped over lines)
    if result.transcript and squash(line) == squash(extra.get("headline") or ""):
        return True  # a repost of a transcript: the repost's own headline, kept as found beside the transcript's title
    if result.transcript and len(line) > 5 and squash(line) in squash(extra.get("title") or ""):
        return True  # a line of a transcript's title wrapped over lines ("2025年4月11日外交部发言人林剑" / "主持例行记者会")
    note = ORIGINAL_NOTE.fullmatch(line)
    noted = [*extra.get("original_titles", []), *([extra["title"]] if result.transcript and extra.get("title") else [])]
    return bool(note) and squash(note["title"]) in {squash(t) for t in noted}  # (a transcript's title is its note's)


def missing_lines(result: Result) -> tuple[list[str], list[str]]:
    """Capture lines the label keeps as text that are not in the body (whitespace aside): those lost,
    and those the draft keeps as a title in its front matter (``in_front_matter``)."""
    lost: list[str] = []
    titled: list[str] = []
    for line in _not_in_body(result):
        (titled if in_front_matter(result, line) else lost).append(line)
    return lost, titled


def _not_in_body(result: Result) -> list[str]:
    label = result.label
    skip = {" ".join(d.split()) for d in label["debris"]}
    skip |= {" ".join(str(label[k]).split()) for k in ("title", "date_printed") if label[k]}
    body = " ".join(result.body.replace("\n- ", " ").split())
    restored = "labels_restored" in ((result.fields or {}).get("extra") or {})  # colons put back after names
    unlabelled = re.compile(r"[:：]") if restored else re.compile(r"(?!)")
    body = unlabelled.sub("", body)
    missing = []
    text = (EVAL / label["capture"]).read_text(encoding="utf-8")
    title = squash(str(label["title"]))
    stamped = squash(f"{label['title']}{label['date_printed']}") if label["title"] and label["date_printed"] else None
    for line in text.split("\n"):
        line = " ".join(unicodedata.normalize("NFC", line).split())
        long_enough = len(line) > 10 or len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", line)) >= 5
        in_title = long_enough and squash(line) in title  # a title wrapped over lines
        in_title = in_title or squash(line) == stamped  # the headline and its date on one line: both labelled
        item = line.lstrip("-•●▪ ")  # a list item: the body holds it under its Markdown bullet
        item = READING.sub("", unlabelled.sub("", item))
        if line and line not in skip and not in_title and not line.startswith("date ") and item not in body:
            if not _split_caption(result, item, body) and EDITOR_TAG.sub("", item) not in body:
                missing.append(line)
    return missing


def _split_caption(result: Result, line: str, body: str) -> bool:
    """Whether ``line`` is a photo caption the draft keeps in `extra.photo_captions` and, after it, text the body
    holds ("外交部發言人林劍（中評社 海涵攝） 中評社北京10月17日電…"): none of it lost."""
    captions = ((result.fields or {}).get("extra") or {}).get("photo_captions", [])
    return any(line.startswith(c) and line[len(c) :].strip() in body for c in captions)


def groups(results: list[Result]) -> dict[str, str]:
    return {r.label["capture"]: r.fields["briefing"] for r in results if r.fields and r.fields.get("briefing")}


def pairwise(results: list[Result]) -> tuple[float, float, int, int, int]:
    done = [r for r in results if r.fields]
    tp = fp = fn = 0
    for a, b in combinations(done, 2):
        truth = a.label["briefing"] is not None and a.label["briefing"] == b.label["briefing"]
        assert a.fields is not None and b.fields is not None
        said = a.fields.get("briefing") is not None and a.fields.get("briefing") == b.fields.get("briefing")
        tp, fp, fn = tp + (truth and said), fp + (said and not truth), fn + (truth and not said)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def wrong_briefing(result: Result) -> bool:
    """Whether the capture was given a briefing (its own, or shared) held on another day than its label's,
    or one at all when its label has none: a fault the pairwise figures miss when the briefing is its alone."""
    given = (result.fields or {}).get("briefing")
    if not given:
        return False
    label = result.label["briefing"]
    day = re.search(r"\d{4}-\d{2}-\d{2}", label or "")
    return day is None or not str(given).startswith(day.group(0))


def share(hits: int, total: int) -> str:
    return f"{hits}/{total} ({hits / total:.0%})" if total else "0/0"


def report(results: list[Result], verbose: bool) -> None:
    done = [r for r in results if r.fields]
    print(f"captures: {len(results)}; needing a second run: {share(len(results) - len(done), len(results))}")
    transcripts = [r.label["capture"] for r in done if r.transcript]
    print(f"imported as a briefing's transcript: {len(transcripts)} ({', '.join(c[9:12] for c in transcripts)})")
    copies = [r.label["capture"] for r in done if r.copy]
    print(f"not imported, another copy of a transcript held: {len(copies)} ({', '.join(c[9:12] for c in copies)})")
    undated = [r for r in done if "date" not in (r.fields or {}) and not r.copy]
    print(f"drafts without a date (the capture prints none; a curator adds it): {share(len(undated), len(results))}")
    own = [r for r in done if not r.copy]  # what the capture's own file shows: date, title, text
    if verbose:
        for r in results:
            if not r.fields:
                print(f"  second run {r.label['capture']}: {'; '.join(r.problems)}")
    outlets = [r for r in done if not outlet_ok(r)]
    print(f"outlet right: {share(len(done) - len(outlets), len(done))}")
    verdicts = {r.label["capture"]: date_verdict(r) for r in own}
    printed = [v for v in verdicts.values() if v in ("right", "wrong", "missed")]
    from_url = [v for v in verdicts.values() if v.startswith("url")]
    invented = [c for c, v in verdicts.items() if v == "invented"]
    print(
        f"date right (of captures printing one): {share(printed.count('right'), len(printed))}; "
        f"from the URL right: {share(from_url.count('url-right'), len(from_url))}; invented: {len(invented)}"
    )
    titled = [r for r in own if r.label["title"]]
    titles = [r for r in titled if not title_ok(r)]
    print(f"title right (of captures showing one): {share(len(titled) - len(titles), len(titled))}")
    languages = [r for r in done if r.fields and r.fields.get("language") != r.label["language"]]
    print(f"language right: {share(len(done) - len(languages), len(done))}")
    flagged = [r for r in own if r.fields and r.fields.get("truncated")]
    wrong_flags = [r for r in flagged if not r.label.get("truncated")]
    cut = [r for r in own if r.label.get("truncated")]
    print(
        f"truncated flag: {len(flagged)} flagged, {len(flagged) - len(wrong_flags)} of them labelled truncated; "
        f"{len(flagged) - len(wrong_flags)} of {len(cut)} labelled truncated flagged"
    )
    if verbose:
        for r in wrong_flags:
            print(f"  flagged but not labelled truncated: {r.label['capture']}")
    precision, recall, tp, fp, fn = pairwise(results)
    print(f"grouping: pairwise precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    precision, recall, tp, fp, fn = pairwise([r for r in results if r not in undated])
    print(
        f"grouping of the dated drafts: pairwise precision {precision:.3f}, recall {recall:.3f}"
        f" (tp {tp}, fp {fp}, fn {fn})"
    )
    wrong_day = [r for r in done if wrong_briefing(r)]
    print(f"given a briefing of another day than its label's (a pair or alone): {len(wrong_day)}")
    if verbose:
        for a, b in combinations(done, 2):
            assert a.fields is not None and b.fields is not None
            if a.fields.get("briefing") and a.fields.get("briefing") == b.fields.get("briefing"):
                if a.label["briefing"] is None or a.label["briefing"] != b.label["briefing"]:
                    print(
                        f"  wrongly together {a.label['capture']} ({a.label['briefing']}) and"
                        f" {b.label['capture']} ({b.label['briefing']}) in {a.fields['briefing']}"
                    )
        for r in wrong_day:
            print(
                f"  another day {r.label['capture']}: {r.fields and r.fields['briefing']} (label {r.label['briefing']})"
            )
    left = [(r, d) for r in own for d in debris_left(r)]
    labelled = sum(len(r.label["debris"]) for r in own)
    print(f"debris removed: {share(labelled - len(left), labelled)}")
    missing = {r.label["capture"]: missing_lines(r) for r in own}
    lost = [(r, line) for r in own for line in missing[r.label["capture"]][0]]
    titled_apart = [(r, line) for r in own for line in missing[r.label["capture"]][1]]
    print(f"article lines lost: {len(lost)}; kept only as a title in the front matter: {len(titled_apart)}")
    if verbose:
        for r, line in titled_apart:
            print(f"  kept as a title {r.label['capture']}: {line[:100]!r}")
        for r in outlets:
            print(f"  outlet {r.label['capture']}: got {r.source_name!r}, want {r.label['outlet']!r}")
        for r in own:
            verdict = verdicts[r.label["capture"]]
            if verdict not in ("right", "url-right", "undated"):
                assert r.fields is not None
                print(f"  date {verdict} {r.label['capture']}: got {r.fields.get('date')}, want {r.label['date']}")
        for r in titles:
            assert r.fields is not None
            print(f"  title {r.label['capture']}: got {r.fields['title']!r}, want {r.label['title']!r}")
        for r in languages:
            assert r.fields is not None
            print(f"  language {r.label['capture']}: got {r.fields.get('language')}, want {r.label['language']}")
        for r in done:
            assert r.fields is not None
            print(f"  group {r.label['capture']}: {r.fields.get('briefing')} (label {r.label['briefing']})")
        for r, line in left:
            print(f"  debris left {r.label['capture']}: {line!r}")
        for r, line in lost:
            print(f"  lost {r.label['capture']}: {line[:100]!r}")


def measure(labels: list[dict[str, Any]], batch: bool) -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(ROOT / "content" / "sources", content / "sources")
        return (import_batch if batch else import_all)(labels, content)


def leave_out_hosts(labels: list[dict[str, Any]], batch: bool) -> None:
    """The grouping with each host of hosts.yaml left out of the table in turn."""
    table = yaml.safe_load(hosts.TABLE.read_text(encoding="utf-8"))
    whole = hosts.TABLE
    with tempfile.TemporaryDirectory() as tmp:
        for entry in table["hosts"]:
            hosts.TABLE = Path(tmp) / f"without-{entry['id']}.yaml"
            kept = [h for h in table["hosts"] if h is not entry]
            hosts.TABLE.write_text(yaml.safe_dump({"hosts": kept}, allow_unicode=True), encoding="utf-8")
            hosts.hosts.cache_clear()
            precision, recall, tp, fp, fn = pairwise(measure(labels, batch))
            print(f"without {entry['id']}: precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})")
    hosts.TABLE = whole
    hosts.hosts.cache_clear()


def row(results: list[Result]) -> dict[str, int]:
    """The counts one set contributes to the table of every set (--all)."""
    done = [r for r in results if r.fields]
    own = [r for r in done if not r.copy]
    verdicts = [date_verdict(r) for r in own]
    undated = [r for r in done if "date" not in (r.fields or {}) and not r.copy]
    _, _, tp, fp, fn = pairwise(results)
    _, _, dated_tp, _, dated_fn = pairwise([r for r in results if r not in undated])
    titled = [r for r in own if r.label["title"]]
    missing = [missing_lines(r) for r in own]
    return {
        "captures": len(results),
        "second run": len(results) - len(done),
        "undated": len(undated),
        "outlets": sum(outlet_ok(r) for r in done),
        "dates": verdicts.count("right"),
        "printed": sum(v in ("right", "wrong", "missed") for v in verdicts),
        "from URL": verdicts.count("url-right"),
        "in URL": sum(v.startswith("url") for v in verdicts),
        "invented": verdicts.count("invented"),
        "titles": sum(title_ok(r) for r in titled),
        "titled": len(titled),
        "languages": sum(bool(r.fields and r.fields.get("language") == r.label["language"]) for r in done),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "dated tp": dated_tp,
        "dated fn": dated_fn,
        "debris": sum(len(r.label["debris"]) for r in own) - sum(len(debris_left(r)) for r in own),
        "labelled debris": sum(len(r.label["debris"]) for r in own),
        "lost": sum(len(lost) for lost, _ in missing),
        "front matter": sum(len(titled) for _, titled in missing),
    }


def grouping(tp: int, fp: int, fn: int) -> str:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"{precision:.3f} / {recall:.3f}"


def measure_all() -> None:
    """One row per set under eval/: captures, dates, titles, outlets, grouping in each order; then the totals."""
    global EVAL
    print(
        "| set | captures | undated | outlets | dates printed; from URL | titles | grouping P / R"
        " | dated R | reverse P / R | batch P / R | debris | lost |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    sets = label_files()
    total: dict[str, int] = {}
    for labels_file in sets:
        EVAL = labels_file.parent
        labels = yaml.safe_load(labels_file.read_text(encoding="utf-8"))["captures"]
        one = row(measure(labels, batch=False))
        reverse, batch = (pairwise(measure(ls, batch=b))[2:] for ls, b in ((labels[::-1], False), (labels, True)))
        total = {k: total.get(k, 0) + v for k, v in one.items()}
        print(
            f"| {EVAL.name} | {one['captures']} ({one['second run']}) | {one['undated']} | {one['outlets']}"
            f" | {one['dates']}/{one['printed']}; {one['from URL']}/{one['in URL']}; {one['invented']} invented"
            f" | {one['titles']}/{one['titled']} | {grouping(one['tp'], one['fp'], one['fn'])}"
            f" | {grouping(one['dated tp'], 0, one['dated fn'])[8:]} | {grouping(*reverse)} | {grouping(*batch)}"
            f" | {one['debris']}/{one['labelled debris']} | {one['lost']} |"
        )
    print(
        f"\n{len(sets)} sets, {total['captures']} captures ({total['second run']} needing a second run,"
        f" {total['undated']} undated drafts): grouping precision / recall {grouping(total['tp'], total['fp'], total['fn'])}"
        f" (tp {total['tp']}, fp {total['fp']}, fn {total['fn']}; of the dated drafts"
        f" {grouping(total['dated tp'], 0, total['dated fn'])[8:]}); dates {total['dates']} of {total['printed']}"
        f" printed and {total['from URL']} of {total['in URL']} from the URL, {total['invented']} invented; titles"
        f" {total['titles']} of {total['titled']}; languages {total['languages']} of {total['captures']}; outlets"
        f" {total['outlets']} of {total['captures']}; debris {total['debris']} of {total['labelled debris']};"
        f" {total['lost']} lines lost ({total['front matter']} more kept only as a title in the front matter)"
    )


def label_files() -> list[Path]:
    """Every labelled set's labels.yaml under eval/, in the sets' order (import, import-heldout, -heldout2, ...)."""
    return sorted(ROOT.glob("eval/import*/labels.yaml"), key=lambda f: (len(f.parent.name), f.parent.name))


def merged_labels() -> list[dict[str, Any]]:
    """Every set's labels, captures named from eval/ (the sets' briefing ids are distinct: host and day)."""
    labels = []
    for labels_file in label_files():
        for label in yaml.safe_load(labels_file.read_text(encoding="utf-8"))["captures"]:
            labels.append({**label, "capture": f"{labels_file.parent.name}/{label['capture']}"})
    return labels


def main() -> int:
    global EVAL
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--reverse", action="store_true", help="import in reverse order")
    parser.add_argument("--batch", action="store_true", help="import all captures in one run (--url-list)")
    parser.add_argument("--leave-out-hosts", action="store_true", help="grouping with each host left out of hosts.yaml")
    parser.add_argument("--all", action="store_true", help="every set under eval/, in each order: a table")
    parser.add_argument("--merged", action="store_true", help="every set's captures imported into one archive")
    parser.add_argument(
        "--set",
        type=Path,
        default=EVAL,
        help="the labelled set (default eval/import; eval/import-heldout, eval/import-heldout2, eval/import-heldout3)",
    )
    args = parser.parse_args()
    if args.all:
        measure_all()
        return 0
    if args.merged:
        EVAL = ROOT / "eval"
        labels = merged_labels()
    else:
        EVAL = args.set.resolve()
        labels = yaml.safe_load((EVAL / "labels.yaml").read_text(encoding="utf-8"))["captures"]
    if args.reverse:
        labels = labels[::-1]
    if args.leave_out_hosts:
        leave_out_hosts(labels, args.batch)
        return 0
    results = measure(labels, args.batch)
    report(sorted(results, key=lambda r: r.label["capture"]), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
