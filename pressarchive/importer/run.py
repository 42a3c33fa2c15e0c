"""The import, capture by capture: read -> clean -> metadata -> source -> furniture -> briefing -> files.

Every capture is planned before anything is written; one failure means nothing
is written. Required fields the capture does not show (title, source, date) are
either derived in a way the file says (a missing headline becomes the opening
sentence, noted in `extra.title_note`; a date in the --url; each date says where it
came from in `extra.date_source`), or left out where that is honest (a capture that prints
no date makes a draft without one, which no build publishes until a curator adds it), or
make the capture fail with the option to pass.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from ..fields import identifier, timestamp, web_url
from .archive import Archive, Unassigned, site_of
from .assign import assign, may_win
from .clean import Removal, ends_mid_sentence
from .dates import dates_in, url_date
from .days import BRIEFING_WORD
from .furniture import EARLIER_MAX, Earlier, drop_furniture
from .hosts import host_of_site
from .metadata import Found, NotText, read_capture, title_from_opening
from .outlet import SourceInfo, host_of, source_for_host
from .transcripts import provenance, transcript_reason
from .write import NewFile, front_matter, markdown_file, slugify, unique, with_briefing

CAPTURES, SUMS = "captures", "SHA256SUMS"  # the archive's captures folder and its list (captures.py)
UNDATED = "undated"  # the folder of drafts whose capture prints no date
REJOIN_DAYS = 3  # an article without a briefing is re-scored against briefings this many days from it

SLUG_MIN_LETTERS = 3
ARCHIVE_MARKERS = ("site.yaml", "sources", "articles", "briefings")


class ImportFailed(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


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


@dataclass
class Report:
    capture: Path
    article: Path | None = None
    lines: list[str] = field(default_factory=list)
    to_fill: list[str] = field(default_factory=list)


@dataclass
class Plan:
    files: list[NewFile] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)


def plan_import(captures: list[Path], options: Options) -> Plan:
    """Plan every capture; raise ImportFailed listing every problem if any capture fails.

    The captures are planned oldest first (by the date they print or their URL shows, then by
    their SHA-256), whatever order they were given in, so one batch always makes the same groups;
    those that name a briefing come first, as only they make new briefings the others can join.
    """
    if options.url and len(captures) > 1:
        raise ImportFailed(["--url names one page: import one capture at a time, or give --url-list"])
    check_archive(options.content)
    archive = Archive.read(options.content)
    plan, problems = Plan(), []
    read: list[tuple[tuple[bool, str, str], Path, Found, Options]] = []
    for capture in captures:
        mine = replace(options, url=options.urls.get(capture.name) or options.url)
        try:
            found, digest = _read(capture)
        except ImportFailed as failed:
            problems += [f"{capture}: {p}" for p in failed.problems]
            continue
        day = mine.date or found.date or (url_date(mine.url) or ("9999",))[0]
        names_none = not BRIEFING_WORD.search(f"{found.title or ''}\n{found.body}")
        read.append(((names_none, day[:10], digest), capture, found, mine))
    for _, capture, found, mine in sorted(read, key=lambda r: r[0]):
        try:
            _plan_one(capture, found, mine, archive, plan)
        except ImportFailed as failed:
            problems += [f"{capture}: {p}" for p in failed.problems]
    if problems:
        raise ImportFailed(problems)
    if any(new.what == "capture" for new in plan.files):
        plan.files.append(_capture_list(archive))
    plan.reports.sort(key=lambda r: captures.index(r.capture))
    return plan


def check_archive(content: Path) -> None:
    """A --content that is not an archive (a mistyped folder) is an error, not a new archive."""
    if not content.is_dir():
        raise ImportFailed([f"--content {content}: no such folder; create an archive there with --init"])
    if not any((content / name).exists() for name in ARCHIVE_MARKERS):
        raise ImportFailed(
            [
                f"--content {content}: not an archive (it holds none of {', '.join(ARCHIVE_MARKERS)}); "
                "check the path, or create an archive there with --init"
            ]
        )


def _read(capture: Path) -> tuple[Found, str]:
    if not capture.is_file():
        raise ImportFailed(["no such file"])
    try:
        found = read_capture(capture)
    except NotText as exc:
        raise ImportFailed([str(exc)]) from None
    if not found.body.strip():
        raise ImportFailed(["no article text left after cleaning"])
    return found, hashlib.sha256(capture.read_bytes()).hexdigest()


def _plan_one(capture: Path, found: Found, options: Options, archive: Archive, plan: Plan) -> None:
    report = Report(capture)
    if found.notes.get("charset"):
        report.lines.append(f"decoded as {found.notes['charset']}: the capture is not UTF-8 (check the text)")
    url = options.url or found.url
    site, official = host_of(url), host_of_site(host_of(url))
    why = "given with --as transcript" if options.kind == "transcript" else None
    if options.kind is None:
        why = transcript_reason(found.title, found.body, official, site)
    if why:
        _plan_transcript(capture, found, options, archive, plan, report, why)
        return
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    problems = []
    for step in (_title, _source, _date):
        try:
            step(found, options, archive, plan, fields, extra, report)
        except ImportFailed as failed:
            problems += failed.problems
    if problems:
        raise ImportFailed(problems)
    site = site_of(options.url or found.url, fields["source"])
    _drop_furniture(found, capture.name, site, fields["source"], archive, plan)
    _assign_briefing(found, options, archive, plan, fields, report)
    _optional_fields(found, options, fields, report)
    data = capture.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    extra["capture"] = _keep_capture(capture.name, data, digest, archive, plan)
    extra["capture_sha256"] = digest
    if ends_mid_sentence(found.body):
        fields["truncated"] = True
        ending = " ".join(found.body.split()[-8:])
        report.lines.append(f'truncated: the capture ends mid-sentence ("…{ending}")')
    fields["draft"] = True
    fields["extra"] = extra
    held = archive.by_capture.get(digest)
    if held and held.parent.name == "transcripts":
        raise ImportFailed([f"this capture is imported already, as the transcript {held}; delete that first"])
    report.article = held or _article_path(fields, options, archive)
    plan.files.append(NewFile(report.article, markdown_file(fields, found.body), "article"))
    text = f"{fields['title']}\n{found.body}"
    article_name = report.article.relative_to(options.content).as_posix()
    archive.by_site.setdefault(site, []).append(Earlier(article_name, lambda: found.body))
    archive.unassigned = [w for w in archive.unassigned if w.path != report.article]  # imported again: this is it now
    if "briefing" in fields:
        archive.add_article(f"article {report.article}", fields["briefing"], text)
        _rejoin(fields["briefing"], text, archive, plan, report)
    else:
        archive.unassigned.append(Unassigned(report.article, _day(fields.get("date")), text))
    report.lines[:0] = [
        f"removed {f'line {r.line} ' if r.line else ''}({r.reason}): {_short(r.text)}" for r in found.removed
    ]
    plan.reports.append(report)


def _plan_transcript(
    capture: Path, found: Found, options: Options, archive: Archive, plan: Plan, report: Report, why: str
) -> None:
    """transcripts/<briefing-id>.<language>.md for the briefing the capture is the transcript of."""
    report.lines.append(f"transcript: {why}")
    if options.source:
        raise ImportFailed(
            ["--source: a transcript has no source (it is its host's); leave it out, or use --as article"]
        )
    data = capture.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    previous = archive.by_capture.get(digest)
    if previous and previous.parent.name != "transcripts":
        raise ImportFailed([f"this capture is imported already, as the article {previous}; delete that first"])
    url = _url(options.url or found.url)
    site = host_of(url)
    official = host_of_site(site)
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {"title": options.title or found.title} if options.title or found.title else {}
    _date(found, options, archive, plan, fields, extra, report, transcript=True)
    day = _day(fields.get("date"))
    if day is None and found.title and (named := dates_in(found.title, (found.language or "",))):
        day = _day(named[0][0])  # the briefing's day, not a publication date: used to match, never written
        report.lines.append(f"briefing day: {day}, as the transcript's title names it")
    evidence = f"{found.title or ''}\n{found.body}"
    briefing = _transcript_briefing(
        evidence, day, extra.get("title"), url if official else None, options, archive, plan, report
    )
    language = found.language
    if not language:
        raise ImportFailed(
            [
                "language: not detected with confidence; import it with --as article, or write its transcript file by hand"
            ]
        )
    held = _transcript_held(archive, briefing, language)
    if held and not options.force:
        raise ImportFailed(
            [f"transcript: {held} already holds the {language} transcript of {briefing}; pass --force to replace it"]
        )
    values: dict[str, Any] = {"language": language, **provenance(url, site, official)}
    extra |= values.pop("extra", {})
    values |= {"capture": _keep_capture(capture.name, data, digest, archive, plan), "capture_sha256": digest}
    if ends_mid_sentence(found.body):
        ending = " ".join(found.body.split()[-8:])
        values["complete"] = False
        values["note"] = f"The capture ends mid-sentence (“…{ending}”): the archive holds part of the transcript."
        report.lines.append(f'truncated: the capture ends mid-sentence ("…{ending}")')
    extra |= {"published": fields["date"]} if "date" in fields else {}
    extra["import_note"] = f"Imported from {capture.name} as the briefing's transcript: {why}."
    values["extra"] = extra
    report.article = held or options.content / "transcripts" / f"{briefing}.{language}.md"
    plan.files.append(NewFile(report.article, markdown_file(values, found.body), "transcript", updates=bool(held)))
    label = f"transcript {report.article.relative_to(options.content).as_posix()}"
    archive.add_transcript(label, briefing, evidence, language, digest, report.article)
    _rejoin(briefing, evidence, archive, plan, report)
    report.lines[:0] = [
        f"removed {f'line {r.line} ' if r.line else ''}({r.reason}): {_short(r.text)}" for r in found.removed
    ]
    plan.reports.append(report)


def _url(url: str | None) -> str | None:
    try:
        return web_url(url) if url else None
    except ValueError as exc:
        raise ImportFailed([f"url: {exc}"]) from None


def _transcript_briefing(
    text: str,
    day: date | None,
    title: str | None,
    official_url: str | None,
    options: Options,
    archive: Archive,
    plan: Plan,
    report: Report,
) -> str:
    """The briefing a transcript is of: --briefing, else matched as an article is; a briefing it makes
    takes the transcript's title, and its URL when it stands on the host's own site."""
    if options.briefing:
        if identifier_ok(options.briefing) and options.briefing in archive.briefings:
            report.lines.append(f"briefing: {options.briefing} (given with --briefing)")
            return options.briefing
        known = ", ".join(sorted(archive.briefings)) or "none yet"
        raise ImportFailed([f"briefing: unknown briefing '{options.briefing}'; known: {known}"])
    done = assign(text, day, report.capture.name, archive, create=day is not None)
    report.lines += done.lines
    report.to_fill += [line for line in done.to_fill if not line.startswith("date:")]
    if done.new_file and isinstance(done.new_file.text, str):
        values = yaml.safe_load(done.new_file.text.split("---\n", 2)[1])
        values |= {"title": title} if title else {}
        values |= {"transcript_url": official_url} if official_url else {}
        values["extra"] = values.pop("extra")  # last, as the importer writes it
        plan.files.append(replace(done.new_file, text=markdown_file(values, "")))
    if not done.briefing:
        raise ImportFailed([f"{done.lines[-1]}; pass --briefing ID"])
    return done.briefing


def _transcript_held(archive: Archive, briefing: str, language: str) -> Path | None:
    """The file already holding ``briefing``'s transcript in ``language``, if any."""
    return archive.transcripts.get((briefing, language))


def _drop_furniture(found: Found, capture_name: str, site: str, source_id: str, archive: Archive, plan: Plan) -> None:
    """The site's furniture out of the body: the lines its file lists and those that recur now in
    another of its articles, which the file then lists (furniture.py)."""
    furniture = archive.furniture_of(site)
    earlier = archive.by_site.get(site, [])[-EARLIER_MAX:]
    names = (site, archive.sources.get(source_id, ""))
    found.body, dropped = drop_furniture(found.body, f"{CAPTURES}/{capture_name}", furniture, reversed(earlier), names)
    found.removed += [Removal(0, d.line, d.why) for d in dropped]
    if furniture.changed:
        text = furniture.text(site)
        new = NewFile(furniture.path, text, "furniture", updates=furniture.path.exists())
        plan.files[:] = [f for f in plan.files if f.path != furniture.path] + [new]


def _keep_capture(name: str, data: bytes, digest: str, archive: Archive, plan: Plan) -> str:
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


def _capture_list(archive: Archive) -> NewFile:
    """captures/SHA256SUMS with every capture the archive holds, new ones included, sorted by name."""
    path = archive.root / CAPTURES / SUMS
    lines = "".join(f"{digest}  {name}\n" for name, digest in sorted(archive.captures.items()))
    return NewFile(path, lines, "capture list", updates=path.exists())


def _rejoin(briefing_id: str, coverage: str, archive: Archive, plan: Plan, report: Report) -> None:
    """Give the briefing that just gained ``coverage`` to the articles that earlier imports left without
    one and that now match it, so imports one at a time group as a batch would, in any order."""
    day = archive.briefing_days.get(briefing_id)
    host = archive.briefing_hosts.get(briefing_id)
    for waiting in list(archive.unassigned):
        if day is None or (waiting.published and abs((waiting.published - day).days) > REJOIN_DAYS):
            continue
        if waiting.published is None and not (may_win(waiting.read(), coverage, host) and waiting.host == host):
            continue  # undated: only its host's briefings, and only if the new coverage could change its match
        text = waiting.read()
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


def _article_path(fields: dict[str, Any], options: Options, archive: Archive) -> Path:
    """articles/YYYY/MM/<slug>.md (articles/undated/ without a date), the slug made unique across the archive."""
    day = fields.get("date", "undated")
    slug = unique(article_slug(fields["title"], fields.get("url"), fields["source"], day), archive.slugs)
    archive.slugs.add(slug)
    folder: Path = options.content / "articles" / (f"{day[:4]}/{day[5:7]}" if "date" in fields else UNDATED)
    return folder / f"{slug}.md"


def article_slug(title: str, url: str | None, source: str, day: str) -> str:
    """From the title, else from the URL's last path segment, else <source>-<date>; never bare digits.

    A title in Chinese or Japanese gives no ASCII slug (no transliteration is shipped), so its
    URL's words or the outlet and date name the file.
    """
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) if url else ""
    for candidate in (slugify(title), slugify(re.sub(r"\.[a-z]{2,5}$", "", segment))):
        if len(re.findall(r"[a-z]", candidate)) >= SLUG_MIN_LETTERS:
            return candidate
    return f"{source}-{day[:10]}"


def _title(
    found: Found,
    options: Options,
    archive: Archive,
    plan: Plan,
    fields: dict[str, Any],
    extra: dict[str, Any],
    report: Report,
) -> None:
    if options.title:
        fields["title"] = " ".join(options.title.split())
    elif found.title:
        fields["title"] = found.title
    elif opening := title_from_opening(found.body):
        fields["title"] = opening
        extra["title_note"] = "The capture shows no headline; the title is the article's opening sentence."
        report.to_fill.append("title: the capture shows no headline; the opening sentence stands in (check it)")
    else:
        raise ImportFailed(["title: the capture shows no headline and no short opening sentence; pass --title TEXT"])


def _source(
    found: Found,
    options: Options,
    archive: Archive,
    plan: Plan,
    fields: dict[str, Any],
    extra: dict[str, Any],
    report: Report,
) -> None:
    known = ", ".join(sorted(archive.sources)) or "none yet"
    if options.source:
        if options.source not in archive.sources:
            raise ImportFailed([f"source: unknown source '{options.source}'; known: {known}"])
        fields["source"] = options.source
        if not found.outlet and not found.credit:
            extra["attribution_note"] = "The capture names no outlet; the source was given at import."
        return
    host = host_of(options.url or found.url)
    if found.credit:
        name, where, own_host = found.credit, "the agency the text credits", None
        if host:
            extra["platform"] = host
    elif host and (owner := source_for_host(host, archive.outlets)):
        fields["source"] = owner.id
        report.lines.append(f"source: {owner.id} (owns the URL's host {host})")
        return
    elif host and (official := host_of_site(host)):
        name, where, own_host = official.name, f"the host table: {host} is its own site", host
    elif found.outlet:
        name, where = found.outlet, found.notes.get("outlet_from", "the capture")
        own_host = host if found.outlet_is_site else None
    elif host:
        name, where, own_host = host, "the URL's host", host
    else:
        raise ImportFailed(
            [f"source: the capture names no outlet and no --url was given; pass --url or --source ID (known: {known})"]
        )
    fields["source"] = _source_named(name, own_host, options, archive, plan, report)
    report.lines.append(f"source: {fields['source']} (named by {where})")


def _source_named(name: str, host: str | None, options: Options, archive: Archive, plan: Plan, report: Report) -> str:
    """The source called ``name``, or a new sources/<id>.yaml for it (with the host's URL when it is the site's own)."""
    wanted = _squash(name)
    for source_id, known_name in sorted(archive.sources.items()):
        if wanted in (_squash(source_id), _squash(known_name)):
            return source_id
    source_id = unique(slugify(name) or "source", set(archive.sources))
    archive.sources[source_id] = name
    archive.outlets.append(SourceInfo(source_id, name, (host,) if host else ()))
    values = {"name": name, **({"url": f"https://{host}/"} if host else {})}
    path = options.content / "sources" / f"{source_id}.yaml"
    plan.files.append(NewFile(path, front_matter(values), "source"))
    report.to_fill.append(f"source: new file {path} for {name}; check the name, add kind and description")
    return source_id


def _date(
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


def _optional_fields(found: Found, options: Options, fields: dict[str, Any], report: Report) -> None:
    url = options.url or found.url
    if url:
        try:
            fields["url"] = web_url(url)
        except ValueError as exc:
            raise ImportFailed([f"url: {exc}"]) from None
    else:
        report.to_fill.append("url: the capture shows none (leave it out if the original is unknown)")
    if found.language:
        fields["language"] = found.language
    else:
        report.to_fill.append("language: not detected with confidence")
    if found.byline:
        fields["byline"] = found.byline
    else:
        report.to_fill.append("byline: the capture names no author")
    report.to_fill.append("tags: none set")


def _assign_briefing(
    found: Found, options: Options, archive: Archive, plan: Plan, fields: dict[str, Any], report: Report
) -> None:
    if options.briefing:
        if identifier_ok(options.briefing) and options.briefing in archive.briefings:
            fields["briefing"] = options.briefing
            report.lines.append(f"briefing: {options.briefing} (given with --briefing)")
            return
        raise ImportFailed(
            [
                f"briefing: unknown briefing '{options.briefing}'; "
                f"known: {', '.join(sorted(archive.briefings)) or 'none yet'}"
            ]
        )
    published = _day(fields.get("date"))
    # A photo caption is kept out of the article, but it names the event the article reports.
    captions = [removal.text for removal in found.removed if removal.reason == "photo caption"]
    evidence = "\n".join([fields["title"], found.body, *captions])
    done = assign(evidence, published, report.capture.name, archive, create=published is not None)
    if done.briefing:
        fields["briefing"] = done.briefing
    if done.new_file:
        plan.files.append(done.new_file)
    report.lines += done.lines
    report.to_fill += done.to_fill


def identifier_ok(value: str) -> bool:
    try:
        identifier(value)
    except ValueError:
        return False
    return True


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.casefold())


def _short(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
