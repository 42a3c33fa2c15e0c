"""Validate stage: turn raw Documents into typed records, collecting every problem.

Each kind of file has a schema: field name -> (parser, required). A parser takes
the raw YAML value and returns the typed value or raises ValueError with a
message for the author. Unknown fields are errors, so a typo such as `drafts:`
can never publish a draft; custom data belongs under `extra:`.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .crosscheck import cross_file_errors
from .errors import BuildError, ContentError
from .fields import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    Parser,
    boolean,
    folder_name_problem,
    host_list,
    hostname,
    identifier,
    language,
    mapping,
    printable,
    sha256,
    slug,
    tag_list,
    text,
    timestamp,
    web_url,
)
from .load import Content, ContentFile, Document
from .model import AboutPage, Article, Briefing, Record, Records, SiteInfo, Source, Transcript, Validated

ARTICLE_FIELDS: dict[str, tuple[Parser, bool]] = {
    "title": (text, True),
    "source": (identifier, True),
    "date": (timestamp, True),
    "briefing": (identifier, False),
    "url": (web_url, False),
    "byline": (text, False),
    "language": (language, False),
    "tags": (tag_list, False),
    "summary": (text, False),
    "retrieved": (timestamp, False),
    "slug": (slug, False),
    "draft": (boolean, False),
    "truncated": (boolean, False),
    "extra": (mapping, False),
}
UNDATED_DRAFT_FIELDS = {**ARTICLE_FIELDS, "date": (timestamp, False)}
BRIEFING_FIELDS: dict[str, tuple[Parser, bool]] = {
    "title": (text, True),
    "date": (timestamp, True),
    "host": (text, False),
    "spokesperson": (text, False),
    "transcript_url": (web_url, False),
    "tags": (tag_list, False),
    "extra": (mapping, False),
}
TRANSCRIPT_FIELDS: dict[str, tuple[Parser, bool]] = {
    "language": (language, False),  # required unless the file is named <briefing-id>.<language>.md
    "url": (web_url, False),
    "retrieved": (timestamp, False),
    "capture": (text, False),
    "capture_sha256": (sha256, False),
    "complete": (boolean, False),
    "note": (text, False),
    "extra": (mapping, False),
}
SOURCE_FIELDS: dict[str, tuple[Parser, bool]] = {
    "name": (text, True),
    "url": (web_url, False),
    "description": (text, False),
    "country": (text, False),
    "language": (language, False),
    "kind": (text, False),
    "hosts": (host_list, False),
    "extra": (mapping, False),
}
ABOUT_FIELDS: dict[str, tuple[Parser, bool]] = {
    "title": (text, False),
    "summary": (text, False),
}
SITE_FIELDS: dict[str, tuple[Parser, bool]] = {
    "title": (text, False),
    "description": (text, False),
    "language": (language, False),
    "url": (web_url, False),
    "cname": (hostname, False),
}


EMPTY_BODY_SHA256 = hashlib.sha256(b"\n").hexdigest()


def validate_content(content: Content) -> Records:
    """Typed records for every file; raise BuildError with every problem found.

    Records the build cache kept for unchanged files are taken as they are. A draft without a
    date (the importer writes one when a capture prints none) is left out of the site with a
    warning, drafts published (--drafts) or not: a page cannot be placed without its day, and a
    curator previewing a batch with --drafts still sees the rest of it (``--strict`` refuses it).
    """
    errors = list(content.errors)
    found: list[Record] = []
    fresh: list[Validated] = []
    undated: list[Path] = []
    # Kinds with a file in error: a reference to one of them may name that very file, so it is not checked.
    failed = {_kind_of(error.path, content.root) for error in errors}
    for file, item in content.items:
        if not isinstance(item, Document):
            found.append(item)
            continue
        if _is_undated_draft(item):
            if _parse_fields(item, UNDATED_DRAFT_FIELDS, errors) is None:
                continue
            undated.append(item.src_path)  # never cached: validated again until it has a date
            continue
        record = _validate_document(item, errors)
        if record is None:
            failed.add(item.kind)
        else:
            found.append(record)
            fresh.append(Validated(file, record))
    records = replace(_sorted_by_kind(found, tuple(fresh), tuple(content.files)), undated_drafts=tuple(undated))
    errors += cross_file_errors(records, failed)
    if errors:
        raise BuildError(errors)
    return records


def _is_undated_draft(doc: Document) -> bool:
    draft = doc.fields.get("draft")
    return doc.kind == "article" and "date" not in doc.fields and draft is not None and draft.value is True


def _kind_of(path: Path, root: Path) -> str:
    folder = path.relative_to(root).parts[0] if path.is_relative_to(root) and path != root else ""
    return {"sources": "source", "briefings": "briefing", "transcripts": "transcript", "articles": "article"}.get(
        folder, ""
    )


def _sorted_by_kind(found: list[Record], fresh: tuple[Validated, ...], files: tuple[ContentFile, ...]) -> Records:
    info, sources, briefings, transcripts, articles = SiteInfo(), [], [], [], []
    about = None
    for record in found:
        match record:
            case SiteInfo():
                info = record
            case Source():
                sources.append(record)
            case Briefing():
                briefings.append(record)
            case Transcript():
                transcripts.append(record)
            case Article():
                articles.append(record)
            case AboutPage():
                about = record
    return Records(info, tuple(sources), tuple(briefings), tuple(articles), tuple(transcripts), fresh, files, about)


def _validate_document(doc: Document, errors: list[ContentError]) -> Record | None:
    if doc.kind == "site":
        values = _parse_fields(doc, SITE_FIELDS, errors)
        return None if values is None else SiteInfo(**values)
    if doc.kind == "about":
        values = _parse_fields(doc, ABOUT_FIELDS, errors)
        return None if values is None else _about(doc, values, errors)
    if doc.kind in ("source", "briefing") and not ID_PATTERN.fullmatch(doc.id):
        message = f"file name '{doc.id}' is not a valid id: use lowercase letters, digits and hyphens"
        errors.append(ContentError(doc.src_path, 0, "", message))
        return None
    if doc.kind in ("source", "briefing") and folder_name_problem(doc.id):
        errors.append(ContentError(doc.src_path, 0, "", f"file name: {folder_name_problem(doc.id)}"))
        return None
    if doc.kind == "source":
        values = _parse_fields(doc, SOURCE_FIELDS, errors)
        return None if values is None else Source(id=doc.id, src_path=doc.src_path, digest=doc.digest, **values)
    if doc.kind == "briefing":
        values = _parse_fields(doc, BRIEFING_FIELDS, errors)
        return (
            None
            if values is None
            else Briefing(id=doc.id, src_path=doc.src_path, summary_md=doc.body.strip(), digest=doc.digest, **values)
        )
    if doc.kind == "transcript":
        return _validate_transcript(doc, errors)
    return _validate_article(doc, errors)


def _about(doc: Document, values: dict[str, Any], errors: list[ContentError]) -> AboutPage | None:
    body = doc.body.strip()
    if not body:
        errors.append(ContentError(doc.src_path, doc.body_line, "", "the About page has no text; write it in Markdown"))
        return None
    return AboutPage(src_path=doc.src_path, body_md=body, digest=doc.digest, **values)


def _validate_transcript(doc: Document, errors: list[ContentError]) -> Transcript | None:
    """transcripts/<briefing-id>.md (with `language:`) or transcripts/<briefing-id>.<language>.md."""
    briefing_id, _, named_language = doc.id.partition(".")
    values = _parse_fields(doc, TRANSCRIPT_FIELDS, errors)
    problem = _transcript_name_problem(briefing_id, named_language, values)
    if problem:
        errors.append(
            ContentError(
                doc.src_path, doc.fields["language"].line if "language" in doc.fields else 0, problem[0], problem[1]
            )
        )
        return None
    if values is None:
        return None
    values["language"] = values.get("language") or named_language
    text = doc.body.strip("\n")
    if not text.strip():
        errors.append(
            ContentError(doc.src_path, doc.body_line, "", "the transcript has no text; paste it after the front matter")
        )
        return None
    return Transcript(briefing_id=briefing_id, text=text, src_path=doc.src_path, digest=doc.digest, **values)


def _transcript_name_problem(briefing_id: str, named: str, values: dict[str, Any] | None) -> tuple[str, str] | None:
    if not ID_PATTERN.fullmatch(briefing_id):
        return (
            "",
            f"file name '{briefing_id}' is not a briefing id: name it <briefing-id>.md or <briefing-id>.<language>.md",
        )
    if named and not LANGUAGE_PATTERN.fullmatch(named):
        return "", f"'{named}' in the file name is not a language code such as en, zh or pt-BR"
    given = (values or {}).get("language")
    if given and named and given != named:
        return "language", f"'{given}' differs from '{named}' in the file name"
    if values is not None and not given and not named:
        return "language", "is required: add `language:` or name the file <briefing-id>.<language>.md"
    return None


def _validate_article(doc: Document, errors: list[ContentError]) -> Article | None:
    values = _parse_fields(doc, ARTICLE_FIELDS, errors)
    if "slug" not in doc.fields:
        try:
            values_slug = slug(doc.id)
        except ValueError as exc:
            errors.append(
                ContentError(
                    doc.src_path, 1, "slug", f"{exc} (taken from the file name: rename the file or set `slug:`)"
                )
            )
            return None
        if values is not None:
            values["slug"] = values_slug
    if values is None:
        return None
    values["source_id"] = values.pop("source")
    values["briefing_id"] = values.pop("briefing", None)
    body = doc.body.strip("\n") + "\n" if doc.body.strip() else "\n"
    return Article(
        src_path=doc.src_path,
        lines={name: v.line for name, v in doc.fields.items()},
        body_md=body,
        body_sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        digest=doc.digest,
        **values,
    )


def _parse_fields(
    doc: Document, schema: dict[str, tuple[Parser, bool]], errors: list[ContentError]
) -> dict[str, Any] | None:
    """Parse every field of ``doc``; None when any field is wrong (each reported)."""
    values: dict[str, Any] = {}
    count = len(errors)
    first_line = next(iter(doc.fields.values())).line if doc.fields else 1
    for name, value in doc.fields.items():
        if name not in schema:
            known = ", ".join(schema)
            errors.append(
                ContentError(
                    doc.src_path,
                    value.line,
                    name,
                    f"unknown field; known fields: {known} (put custom data under `extra:`)",
                )
            )
            continue
        try:
            values[name] = schema[name][0](printable(value.value))
        except ValueError as exc:
            errors.append(ContentError(doc.src_path, value.line, name, str(exc)))
    for name, (_, required) in schema.items():
        if required and name not in doc.fields:
            errors.append(ContentError(doc.src_path, first_line, name, "is required but missing"))
    return values if len(errors) == count else None


def content_warnings(records: Records) -> list[ContentError]:
    """Problems that do not stop a build (``--strict`` makes them errors), sorted."""
    warnings = [
        ContentError(path, 0, "date", "not set yet: the draft stays out of the site until it has one")
        for path in records.undated_drafts
    ]
    tag_spellings: dict[str, tuple[str, Article | Briefing]] = {}
    held_on = {b.id: b.date.iso[:10] for b in records.briefings}
    today = datetime.now(UTC).date().isoformat()
    for article in records.articles:
        day, line = article.date.iso[:10], article.lines.get("date", 0)
        if article.briefing_id and day < held_on.get(article.briefing_id, day):
            # (a typo, "2024-12-11" for 2025; dates as given, so a day before is not in doubt but never coverage)
            warnings.append(
                ContentError(
                    article.src_path,
                    line,
                    "date",
                    f"{day} is before its briefing's day, {held_on[article.briefing_id]}",
                )
            )
        if day > today:  # ("2205-12-11"): against the clock of the machine building, said only
            warnings.append(ContentError(article.src_path, line, "date", f"{day} is in the future"))
        if not article.briefing_id:
            warnings.append(
                ContentError(article.src_path, 0, "briefing", "not set: the article is listed under its source only")
            )
        if article.body_sha256 == EMPTY_BODY_SHA256:
            warnings.append(ContentError(article.src_path, 0, "", "the article has no body text"))
    tagged: list[Article | Briefing] = [*records.briefings, *records.articles]
    for record in tagged:
        for tag in record.tags:
            first = tag_spellings.setdefault(tag.casefold(), (tag, record))
            if first[0] != tag:
                line = record.lines.get("tags", 0) if isinstance(record, Article) else 0
                warnings.append(
                    ContentError(
                        record.src_path,
                        line,
                        "tags",
                        f"'{tag}' differs only in case from '{first[0]}' in {first[1].src_path}",
                    )
                )
    return sorted(warnings)
