"""`build.py import`: arguments, the report on stderr, written paths on stdout, exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .plan import Plan

HELP = "import captures (.txt, saved .html) as draft articles, or as a briefing's transcript"


def add_import_command(commands: Any) -> None:
    command = commands.add_parser("import", help=HELP, description=HELP)
    command.add_argument(
        "captures", nargs="+", type=Path, metavar="CAPTURE", help="a .txt capture or a saved .html page"
    )
    command.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    command.add_argument("--source", help="the source id, when the capture names no outlet (or names it wrongly)")
    command.add_argument("--briefing", help="assign this briefing id instead of matching")
    command.add_argument("--url", help="the original's URL (one capture only)")
    command.add_argument(
        "--url-list", type=Path, metavar="TSV", help="capture<TAB>url lines: each capture's original URL"
    )
    command.add_argument("--init", action="store_true", help="create the --content folder as a new, empty archive")
    command.add_argument("--date", help="the publication date, when the capture prints none (YYYY-MM-DD[THH:MM[:SS]])")
    command.add_argument("--title", help="the headline, when the capture shows none")
    command.add_argument("--dry-run", action="store_true", help="print the files and the report; write nothing")
    command.add_argument("--force", action="store_true", help="replace files that already exist")
    command.add_argument("--language", help="the text's language (en, zh, pt-BR), when detection is wrong or unsure")
    command.add_argument(
        "--as",
        dest="kind",
        choices=("article", "transcript"),
        help="import as coverage (an article) or as the briefing's transcript (default: as the capture reads)",
    )


def run_import(args: argparse.Namespace) -> int:
    from .plan import ImportFailed, Options  # here, not above: `build.py build` starts faster
    from .run import plan_import
    from .write import refusals, write_all

    try:
        urls = read_url_list(args.url_list) if args.url_list else {}
        if args.init:
            init_archive(args.content, args.dry_run)
        options = Options(
            args.content,
            args.source,
            args.briefing,
            args.url,
            args.date,
            args.title,
            args.force,
            urls,
            args.kind,
            args.language,
            new_archive=args.init and args.dry_run,
        )
        plan = plan_import(args.captures, options)
    except ImportFailed as failed:
        _say(_errors(failed.problems) + "\nNothing was written.")
        return 1
    _say(report_text(plan))
    if args.dry_run:
        for new in plan.files:
            text = f"({len(new.text):,} bytes, the capture as it is)\n" if isinstance(new.text, bytes) else new.text
            print(
                f"=== {new.path} ({new.what}{', updated' if new.updates else ''}, not written: --dry-run)\n{text}",
                end="" if text.endswith("\n") else "\n",
            )
        if problems := refusals(plan.files, args.force):  # (the run without --dry-run would stop here)
            _say("Without --dry-run this import would be refused:\n" + "\n".join(problems))
        return 0
    problems = refusals(plan.files, args.force)
    if problems:
        _say(_errors(problems) + "\nNothing was written.")
        return 1
    write_all(plan.files)
    for new in plan.files:
        print(new.path)
    return 0


def read_url_list(path: Path) -> dict[str, str]:
    """capture<TAB>url lines (a header line "capture<TAB>url" is skipped) -> {capture file name: url}."""
    from .plan import ImportFailed

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed([f"--url-list {path}: cannot be read ({exc})"]) from None
    urls = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.split("\t")[0] == "capture":
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[1].strip():
            raise ImportFailed([f"--url-list {path}, line {number}: expected capture<TAB>url"])
        urls[Path(parts[0].strip()).name] = parts[1].strip()
    return urls


def init_archive(content: Path, dry_run: bool) -> None:
    """--init: an empty archive (a sources/ folder) where there is none yet."""
    from .plan import ImportFailed

    if content.exists() and (not content.is_dir() or any(content.iterdir())):
        raise ImportFailed([f"--init: {content} exists and is not empty; not made into an archive"])
    if not dry_run:  # (with --dry-run, the captures are planned into the empty archive it would make)
        (content / "sources").mkdir(parents=True, exist_ok=True)


def report_text(plan: Plan) -> str:
    out = []
    for report in plan.reports:
        out.append(f"{report.capture}: not imported" if report.copy_of else f"{report.capture} -> {report.article}")
        out += [f"  {line}" for line in report.lines]
        if report.to_fill:
            out.append("  to fill in:")
            out += [f"    - {item}" for item in report.to_fill]
    if len(plan.reports) > 1:
        out += ["", f"Review ({len(plan.reports)} captures):", *review_table(plan)]
    return "\n".join(out)


REVIEW_COLUMNS = (
    "capture",
    "title",
    "date (from)",
    "source",
    "language",
    "briefing (why)",
    "lines removed",
    "to fill in",
)


def review_table(plan: Plan) -> list[str]:
    """One row per capture, as its article file will be written (a later capture of the batch may have
    given it its briefing): a table to review a batch at a glance."""
    import yaml

    planned = {new.path: new.text for new in plan.files if new.what in ("article", "transcript")}
    rows = [REVIEW_COLUMNS, tuple("---" for _ in REVIEW_COLUMNS)]
    for report in plan.reports:
        if report.copy_of:
            said = next((line for line in report.lines if line.startswith("not imported")), "not imported")
            why = "held already" if "holds this capture already" in said else "another copy"
            rows.append((report.capture.name, f"not imported: {why}, {report.copy_of.name}", *("",) * 6))
            continue
        text = planned.get(report.article, "") if report.article else ""
        fields = yaml.safe_load(text.split("---\n", 2)[1]) if isinstance(text, str) and text.count("---\n") >= 2 else {}
        extra = fields.get("extra") or {}
        if report.article and report.article.parent.name == "transcripts":  # its row says what an article's would
            briefing_id = report.article.name.partition(".")[0]
            fields = {
                "title": f"transcript: {extra.get('title', '')}",
                "briefing": briefing_id,
                "language": fields.get("language", ""),
                **({"date": extra["published"]} if "published" in extra else {}),
                **({"truncated": True} if fields.get("complete") is False else {}),
            }
        said = next((line.removeprefix("briefing: ") for line in report.lines if line.startswith("briefing: ")), "")
        briefing = fields.get("briefing")
        if briefing is None:
            why = f"none ({said})" if said and not said.startswith("none") else said or "none"
        elif str(briefing) in said:
            why = said
        else:
            why = f"{briefing} (joined when a later capture of the batch matched it)"
        title = str(fields.get("title", ""))
        rows.append(
            (
                report.capture.name,
                title if len(title) <= 60 else title[:59] + "…",
                f"{fields['date']} ({extra.get('date_source', 'given')})" if "date" in fields else "none (to fill in)",
                str(fields.get("source", "")),
                str(fields.get("language", "")),
                why,
                str(sum(line.startswith("removed ") for line in report.lines)),
                str(len(report.to_fill)) + ("; the capture is cut short" if fields.get("truncated") else ""),
            )
        )
    return ["| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows]


def _errors(problems: list[str]) -> str:
    return (
        f"Error: {problems[0]}"
        if len(problems) == 1
        else f"Error: {len(problems)} problems found:\n" + "\n".join(problems)
    )


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
