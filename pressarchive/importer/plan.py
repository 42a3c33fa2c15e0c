"""What an import plans, and the steps a capture's article and a transcript share.

The options it runs with, the files and report lines it collects before writing anything,
the failure that stops it, and the shared steps: the publication date a capture shows,
keeping the capture in the archive, and giving a briefing that gains coverage to the
articles earlier imports left without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..fields import identifier, timestamp, web_url
from .archive import Archive
from .assign import assign, may_win
from .dates import AMBIGUOUS_ZONES, ambiguous_zone, url_date
from .metadata import Found
from .paragraphs import ends_mid_sentence
from .write import NewFile, with_briefing

CAPTURES, SUMS = "captures", "SHA256SUMS"  # the archive's captures folder and its list (captures.py)
REJOIN_DAYS = 3  # an article without a briefing is re-scored against briefings this many days from it
TRUNCATION_ENDING = 80  # characters of a truncated capture's last words quoted in its note


class ImportFailed(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class NoBriefing(ImportFailed):
    """A transcript whose briefing the archive cannot tell (and, without its day, cannot make)."""


@dataclass(frozen=True)
class Options:
    content: Path = Path("content")
    source: str | None = None
    briefing: str | None = None
    url: str | None = None
    date: str | None = None
    title: str | None = None
    force: bool = False
    urls: dict[str, str] = field(default_factory=dict)  # capture file name -> URL (--url-list)
    kind: str | None = None  # "article" or "transcript" (--as); None: recognised from the capture
    language: str | None = None  # --language, instead of the language detected
    new_archive: bool = False  # --init --dry-run: --content is the empty archive --init would make


@dataclass
class Report:
    capture: Path
    article: Path | None = None
    lines: list[str] = field(default_factory=list)
    to_fill: list[str] = field(default_factory=list)
    copy_of: Path | None = None  # not imported: the archive holds this capture, or another copy of this transcript


@dataclass
class Plan:
    files: list[NewFile] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)


def checked_url(url: str | None) -> str | None:
    try:
        return web_url(url) if url else None
    except ValueError as exc:
        raise ImportFailed([f"url: {exc}"]) from None


def keep_capture(name: str, data: bytes, digest: str, archive: Archive, plan: Plan) -> str:
    """Where the archive holds the capture (``captures/<name>``): copied there and listed in SHA256SUMS
    with its SHA-256, unless it holds these very bytes already. A name another file has gets the
    digest's first 12 characters added."""
    held = next((held for held, sha in sorted(archive.captures.items()) if sha == digest), None)
    if held is not None:
        return f"{CAPTURES}/{held}"
    folder = archive.root / CAPTURES
    if name in archive.captures or (folder / name).exists() or name.startswith(".") or name == SUMS:
        name = f"{Path(name).stem}-{digest[:12]}{Path(name).suffix}"
    archive.captures[name] = digest
    plan.files.append(NewFile(folder / name, data, "capture"))
    return f"{CAPTURES}/{name}"


def capture_list(archive: Archive) -> NewFile:
    """captures/SHA256SUMS with every capture the archive holds, new ones included, sorted by name."""
    path = archive.root / CAPTURES / SUMS
    lines = "".join(f"{digest}  {name}\n" for name, digest in sorted(archive.captures.items()))
    return NewFile(path, lines, "capture list", updates=path.exists())


def rejoin(briefing_id: str, coverage: str, archive: Archive, plan: Plan, report: Report) -> None:
    """Give the briefing that just gained ``coverage`` to the articles that earlier imports left without
    one and that now match it, so imports one at a time group as a batch would, in any order."""
    day = archive.briefing_days.get(briefing_id)
    host = archive.briefing_hosts.get(briefing_id)
    joined: list[str] = []
    for waiting in list(archive.unassigned):
        if day is None or (waiting.published and abs((waiting.published - day).days) > REJOIN_DAYS):
            continue
        text = waiting.read()
        if waiting.published is None and not (may_win(text, coverage, host, day) and waiting.host == host):
            continue  # undated: only its host's briefings, and only if the new coverage could change its match
        done = assign(text, waiting.published, waiting.path.name, archive, create=False)
        if done.briefing != briefing_id:
            continue
        planned = next((i for i, new in enumerate(plan.files) if new.path == waiting.path), None)
        current = plan.files[planned].text if planned is not None else waiting.path.read_text(encoding="utf-8")
        updated = with_briefing(current, briefing_id) if isinstance(current, str) else None
        if updated is None:
            continue
        if planned is not None:
            plan.files[planned] = replace(plan.files[planned], text=updated)
        else:
            plan.files.append(NewFile(waiting.path, updated, "article", updates=True))
        archive.unassigned.remove(waiting)
        archive.add_article(f"article {waiting.path}", briefing_id, text)
        report.lines.append(f"also {waiting.path}, imported without a briefing: {done.lines[-1]}")
        joined.append(text)
    for text in joined:  # what joined is coverage too, and may bring others in, as a batch would
        rejoin(briefing_id, text, archive, plan, report)


WITH_OFFSET = re.compile(r"(?:[+-]\d{2}:\d{2}|Z)$")


def publication_date(
    found: Found,
    options: Options,
    archive: Archive,
    plan: Plan,
    fields: dict[str, Any],
    extra: dict[str, Any],
    report: Report,
    transcript: bool = False,
) -> None:
    if options.date:
        try:
            fields["date"] = timestamp(options.date).iso
        except ValueError as exc:
            raise ImportFailed([f"--date: {exc}"]) from None
        extra["date_source"] = "given with --date"
    elif found.date:
        fields["date"] = found.date
        extra["date_source"] = found.notes.get("date_source", "the capture")
        if (zone := ambiguous_zone(extra["date_source"])) and not WITH_OFFSET.search(found.date):
            report.to_fill.append(
                f"date: the capture gives the time in {zone}, which names more than one zone ({AMBIGUOUS_ZONES[zone]}):"
                " the time is kept without it; add the offset to `date:` if the outlet says which"
            )
    elif in_url := url_date(options.url or found.url):
        fields["date"], extra["date_source"] = in_url[0], f'url "{in_url[1]}"'
        if not transcript:
            report.to_fill.append("date: the capture prints none; taken from the URL (check it)")
    else:
        seen = " (it says " + ", ".join(f'"{r}"' for r in found.relative_dates) + ")" if found.relative_dates else ""
        report.lines.append(f"date: none: the capture prints none{seen} and its URL shows none")
        if not transcript:
            report.to_fill.append(
                "date: add it (or import again with --date); the draft stays out of every build until it has one"
            )
    if "date" in fields:
        report.lines.append(f"date: {fields['date']} from {extra['date_source']}")
    if found.relative_dates and not found.date:
        extra["relative_dates"] = found.relative_dates


def given_briefing(options: Options, archive: Archive, report: Report) -> str | None:
    """The briefing given with --briefing (None when none is), which the archive must hold."""
    if not options.briefing:
        return None
    if identifier_ok(options.briefing) and options.briefing in archive.briefings:
        report.lines.append(f"briefing: {options.briefing} (given with --briefing)")
        return options.briefing
    known = ", ".join(sorted(archive.briefings)) or "none yet"
    raise ImportFailed([f"briefing: unknown briefing '{options.briefing}'; known: {known}"])


def truncation(found: Found, report: Report) -> str | None:
    """The last words of a capture that ends mid-sentence, noted in the report; None when it does not."""
    if not ends_mid_sentence(found.body):
        return None
    ending = last_words(found.body)
    report.lines.append(f'truncated: the capture ends mid-sentence ("…{ending}")')
    return ending


def last_words(body: str) -> str:
    """How a cut capture ends, as its note quotes it: its last eight words, at most TRUNCATION_ENDING characters
    (CJK text has few spaces)."""
    return " ".join(body.split()[-8:])[-TRUNCATION_ENDING:]


def identifier_ok(value: str) -> bool:
    try:
        identifier(value)
    except ValueError:
        return False
    return True


def removed_lines(found: Found) -> list[str]:
    """The report's lines for what cleaning removed from the capture."""
    return [f"removed {f'line {r.line} ' if r.line else ''}({r.reason}): {short(r.text)}" for r in found.removed]


def short(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
