"""The import, capture by capture: read -> clean -> metadata -> source -> furniture -> briefing -> files.

(A capture that is a briefing's own transcript is planned by transcripts.py instead.)

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
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..chinese import simplified
from ..fields import language, web_url
from .archive import Archive, Unassigned, day_of, evidence_text, site_of
from .assign import assign, makes_briefing
from .dates import url_date
from .furniture import EARLIER_MAX, Earlier, drop_furniture
from .headline import without_site_name
from .hosts import host_of_site, reported_host
from .lines import Removal, counted
from .metadata import Found, NotText, read_capture, title_from_opening
from .outlet import SourceInfo, host_of, known_outlet, own_site, self_credit, source_for_host
from .plan import (
    CAPTURES,
    ImportFailed,
    NoBriefing,
    Options,
    Plan,
    Report,
    capture_list,
    given_briefing,
    keep_capture,
    publication_date,
    rejoin,
    removed_lines,
    truncation,
)
from .transcripts import briefings_before, maybe_transcript, plan_transcript, transcript_reason
from .write import NewFile, front_matter, markdown_file, slugify, unique

UNDATED = "undated"  # the folder of drafts whose capture prints no date

SLUG_MIN_LETTERS = 3
ARCHIVE_MARKERS = ("site.yaml", "sources", "articles", "briefings")


def plan_import(captures: list[Path], options: Options) -> Plan:
    """Plan every capture; raise ImportFailed listing every problem if any capture fails.

    The captures are planned oldest first (by the date they print or their URL shows, then by
    their SHA-256), whatever order they were given in, so one batch always makes the same groups;
    those that name a briefing come first, as only they make new briefings the others can join.
    """
    if options.url and len(captures) > 1:
        raise ImportFailed(["--url names one page: import one capture at a time, or give --url-list"])
    if not options.new_archive:
        check_archive(options.content)
    if options.language:
        try:
            language(options.language)
        except ValueError as exc:
            raise ImportFailed([f"--language: {exc}"]) from None
    archive = Archive.read(options.content)
    plan, problems = Plan(), []
    read: list[tuple[tuple[bool, str, bool, str], Path, Found, Options]] = []
    for capture in captures:
        mine = replace(options, url=options.urls.get(capture.name) or options.url)
        try:
            found, digest = _read(capture)
        except ImportFailed as failed:
            problems += [f"{capture}: {p}" for p in failed.problems]
            continue
        found.language = options.language or found.language
        day = mine.date or found.date or (url_date(mine.url) or ("9999",))[0]
        text = "\n".join(
            [found.title or "", *found.original_titles, found.body, *found.photo_captions]
        )  # what assign() reads
        makes_none = not makes_briefing(text, reported_host(text))
        elsewhere = host_of_site(host_of(mine.url or found.url)) is None  # a host's own page goes first: of two
        read.append(((makes_none, day[:10], elsewhere, digest), capture, found, mine))  # copies, it is kept
    for (*_, digest), capture, found, mine in sorted(read, key=lambda r: r[0]):
        try:
            _plan_one(capture, found, digest, mine, archive, plan, batch=len(captures) > 1)
        except ImportFailed as failed:
            problems += [f"{capture}: {p}" for p in failed.problems]
    if problems:
        raise ImportFailed(problems)
    if any(new.what == "capture" for new in plan.files):
        plan.files.append(capture_list(archive))
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


def _plan_one(
    capture: Path, found: Found, digest: str, options: Options, archive: Archive, plan: Plan, batch: bool
) -> None:
    """Plan the files of one capture (``digest``: the SHA-256 of its bytes)."""
    report = Report(capture)
    held = archive.by_capture.get(digest)
    if held and batch and not options.force:  # imported before: a batch run again goes on (alone, it is refused)
        report.copy_of = held
        report.lines.append(
            f"not imported: the archive holds this capture already, as {held} (--force imports it again)"
        )
        plan.reports.append(report)
        return
    if held and held.parent.name != "transcripts":
        archive.forget(held)  # (imported again with --force: the old copy is not evidence for the new)
    if found.notes.get("charset"):
        report.lines.append(f"decoded as {found.notes['charset']}: the capture is not UTF-8 (check the text)")
    if found.readings:
        report.lines.append(
            f"text: {found.readings} pinyin readings that the page put after its characters taken out"
            ' ("發(fā)言人" as "發言人"); the capture keeps them'
        )
    if found.lost_characters:
        report.to_fill.append(
            f"text: {counted(found.lost_characters, 'character')} that the page lost printed as '?' (\"嚴重?fù)p害\"):"
            " compare the text with the original page, or find a better copy"
        )
    url = options.url or found.url
    site, official = host_of(url), host_of_site(host_of(url))
    if found.title:  # only now is the URL's host known: "... klyoum.com" on klyoum.com
        found.title = without_site_name(found.title, site)
    why = "given with --as transcript" if options.kind == "transcript" else None
    if options.kind is None:
        path = urlsplit(url).path if url else ""
        titles = [found.title, *found.original_titles]
        why = transcript_reason(titles, found.body, official, site, path, found.language)
    if why:
        said, asked = len(report.lines), len(report.to_fill)
        try:
            plan_transcript(capture, found, options, archive, plan, report, why)
            return
        except NoBriefing as unknown:
            if options.kind == "transcript":
                raise
            # A batch goes on: the capture becomes a draft without a briefing, for a curator to place. The
            # draft's own steps say again what the transcript's said (its date, its candidates): once is enough.
            del report.lines[said:], report.to_fill[asked:]
            report.lines.append(f"transcript: {why}; {unknown.problems[0]}")
    hint = maybe_transcript(found.body, official) if options.kind is None else None
    if why and not hint:  # (the hint says as much, and why)
        report.to_fill.append(
            "kind: it reads as a briefing's transcript, whose briefing the archive cannot tell: once that "
            "briefing is in the archive, delete this draft and import the capture again with --as transcript --briefing ID"
        )
    if hint:
        report.to_fill.append(hint)
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    problems = []
    for step in (_title, _source, publication_date):
        try:
            step(found, options, archive, plan, fields, extra, report)
        except ImportFailed as failed:
            problems += failed.problems
    if problems:
        raise ImportFailed(problems)
    site = site_of(options.url or found.url, fields["source"])
    _drop_furniture(found, capture.name, site, fields["source"], archive, plan)
    # A photo caption, or a repost's note of its original headline, is kept out of the article, but it
    # names the event the article reports: kept in `extra`, it is evidence of the briefing when the
    # article is matched again from its file.
    captions, originals = found.photo_captions, found.original_titles
    if captions:
        extra["photo_captions"] = captions
    if originals:
        extra["original_titles"] = originals
    if found.titles_in_other_languages:
        extra["titles_in_other_languages"] = found.titles_in_other_languages
    if found.readings:
        extra["pinyin_readings_removed"] = found.readings
    if found.lost_characters:
        extra["lost_characters"] = found.lost_characters
    text = evidence_text(fields["title"], originals, found.body, captions, day_of(fields.get("date")))
    _assign_briefing(text, options, archive, plan, fields, report)
    if "briefing" not in fields and (earlier := briefings_before(official, day_of(fields.get("date")), archive)):
        report.to_fill.append(earlier)
    _optional_fields(found, options, fields, report)
    extra["capture"] = keep_capture(capture.name, capture.read_bytes(), digest, archive, plan)
    extra["capture_sha256"] = digest
    if truncation(found, report):
        fields["truncated"] = True
    fields["draft"] = True
    fields["extra"] = extra
    if held and held.parent.name == "transcripts":
        raise ImportFailed([f"this capture is imported already, as the transcript {held}; delete that first"])
    report.article = held or _article_path(fields, options, archive)
    archive.by_capture[digest] = report.article  # the same bytes again in this batch are set aside
    plan.files.append(NewFile(report.article, markdown_file(fields, found.body), "article"))
    article_name = report.article.relative_to(options.content).as_posix()
    archive.by_site.setdefault(site, []).append(Earlier(article_name, lambda: found.body))
    archive.unassigned = [w for w in archive.unassigned if w.path != report.article]  # imported again: this is it now
    if "briefing" in fields:
        archive.add_article(f"article {report.article}", fields["briefing"], text)
        rejoin(fields["briefing"], text, archive, plan, report)
    else:
        archive.unassigned.append(Unassigned(report.article, day_of(fields.get("date")), text))
    report.lines[:0] = removed_lines(found)
    plan.reports.append(report)


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


def _article_path(fields: dict[str, Any], options: Options, archive: Archive) -> Path:
    """articles/YYYY/MM/<slug>.md (articles/undated/ without a date), the slug made unique across the archive."""
    day = fields.get("date", "undated")
    slug = unique(article_slug(fields["title"], fields.get("url"), fields["source"], day), archive.slugs)
    archive.slugs.add(slug)
    folder: Path = options.content / "articles" / (f"{day[:4]}/{day[5:7]}" if "date" in fields else UNDATED)
    return folder / f"{slug}.md"


def article_slug(title: str, url: str | None, source: str, day: str) -> str:
    """From the title (transliterated: slugify), else from the URL's last path segment, else
    <source>-<date>; never bare digits."""
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) if url else ""
    for candidate in (slugify(title), slugify(re.sub(r"\.[a-z]{2,5}$", "", segment))):
        if len(re.findall(r"[a-z]", candidate)) >= SLUG_MIN_LETTERS:
            return candidate
    return f"{source}-{day[:10]}"


URL_WORDS = 4  # words of letters an address's last segment needs to read as a headline


def url_words(url: str | None) -> str:
    """The words of a URL's last segment when it spells a headline ("china-blames-japan-for-radar-illumination-
    stunt"), for the curator to compare with the opening sentence standing in; "" when it does not."""
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]) if url else ""
    words = re.sub(r"\.[a-z]{2,5}$", "", segment).replace("_", "-").split("-")
    letters = [w for w in words if w.isalpha()]
    return " ".join(letters) if len(letters) >= URL_WORDS and len(letters) * 2 > len(words) else ""


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
        worded = url_words(options.url or found.url)
        hint = f"; the address reads “{worded}” (pass --title, or edit `title:`)" if worded else ""
        report.to_fill.append(f"title: the capture shows no headline; the opening sentence stands in (check it){hint}")
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
    if found.credit and not own_site(found.credit, host):
        name, where, own_host = found.credit, "the agency the text credits", None
        if host:
            extra["platform"] = host
    elif host and (owner := source_for_host(host, archive.outlets)):
        fields["source"] = owner.id
        report.lines.append(f"source: {owner.id} (owns the URL's host {host})")
        return
    elif host and (official := host_of_site(host)):
        name, where, own_host = official.name, f"the host table: {host} is its own site", host
    elif found.credit:
        name, where, own_host = found.credit, f"the text's credit, on its own site {host}", host
    elif found.outlet:
        name, where = found.outlet, found.notes.get("outlet_from", "the capture")
        own_host = host if found.outlet_is_site else None
    elif host and (named := self_credit(found.body, host)):
        name, where, own_host = named, f'the name the text gives itself ("{named} reports") on its own site', host
    elif host and (listed := known_outlet(host)):
        name, where, own_host = listed[0], f"the table of known outlets: {listed[1]} is {listed[0]}'s site", host
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
        if wanted and wanted in (_squash(source_id), _squash(known_name)):
            return source_id
    source_id = unique(slugify(name) or "source", set(archive.sources))
    archive.sources[source_id] = name
    archive.outlets.append(SourceInfo(source_id, name, (host,) if host else ()))
    values = {"name": name, **({"url": f"https://{host}/"} if host else {})}
    path = options.content / "sources" / f"{source_id}.yaml"
    plan.files.append(NewFile(path, front_matter(values), "source"))
    report.to_fill.append(f"source: new file {path} for {name}; check the name, add kind and description")
    return source_id


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
        report.to_fill.append("language: not detected with confidence (set it, or import again with --language)")
    if found.byline:
        fields["byline"] = found.byline
    else:
        report.to_fill.append("byline: the capture names no author")
    report.to_fill.append("tags: none set")


def _assign_briefing(
    evidence: str, options: Options, archive: Archive, plan: Plan, fields: dict[str, Any], report: Report
) -> None:
    if given := given_briefing(options, archive, report):
        fields["briefing"] = given
        return
    published = day_of(fields.get("date"))
    done = assign(evidence, published, report.capture.name, archive, create=published is not None)
    if done.briefing:
        fields["briefing"] = done.briefing
    if done.new_file:
        plan.files.append(done.new_file)
    report.lines += done.lines
    report.to_fill += done.to_fill


def _squash(text: str) -> str:
    """A name's letters and digits, in any script, folded (NFKC, case, Traditional Chinese characters to
    Simplified): "People's Daily" and "peoples-daily" agree, and so do "ＣＧＴＮ" and "CGTN", "新京報" and "新京报"."""
    return re.sub(r"[\W_]", "", simplified(unicodedata.normalize("NFKC", text).casefold()))
