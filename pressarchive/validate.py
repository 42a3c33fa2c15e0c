"""Validate stage: turn raw Documents into typed records, collecting every problem.

Each kind of file has a schema: field name -> (parser, required). A parser takes
the raw YAML value and returns the typed value or raises ValueError with a
message for the author. Unknown fields are errors, so a typo such as `drafts:`
can never publish a draft; custom data belongs under `extra:`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .crosscheck import cross_file_errors
from .errors import BuildError, ContentError
from .load import Content, ContentFile, Document
from .model import Article, Briefing, SiteInfo, Source, Timestamp

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# Output folders an article slug may not shadow.
RESERVED_SLUGS = frozenset(
    {"articles", "briefings", "sources", "search", "pagefind", "tags", "archive", "feeds", "static", "404"}
)

HOSTNAME_PATTERN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}")

Parser = Callable[[Any], Any]


def text(value: Any) -> str:
    if value is None or value == "":
        raise ValueError("is empty")
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {_describe(value)} (put it in quotes)")
    if not value.strip():
        raise ValueError("is empty")
    return value.strip()


def identifier(value: Any) -> str:
    written = text(value)
    if not ID_PATTERN.fullmatch(written):
        raise ValueError(f"'{written}' is not a valid id: use lowercase letters, digits and single hyphens")
    return written


def slug(value: Any) -> str:
    written = identifier(value)
    if written in RESERVED_SLUGS:
        raise ValueError(f"'{written}' is reserved for the site's own pages")
    return written


def web_url(value: Any) -> str:
    written = text(value)
    parts = urlsplit(written)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in written):
        raise ValueError(f"'{written}' is not an http(s) URL")
    return written


def timestamp(value: Any) -> Timestamp:
    raw = text(value) if not isinstance(value, (int, float)) else str(value)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            day = date.fromisoformat(raw)
            return Timestamp(datetime(day.year, day.month, day.day, tzinfo=UTC), raw, "date")
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1))
    except ValueError as exc:
        reason = f" ({exc})" if re.match(r"\d{4}-\d{2}-\d{2}", raw) else ""
        raise ValueError(f"'{raw}' is not a valid date{reason}; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?", raw):
        raise ValueError(f"'{raw}' is not a valid date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM")
    if moment.tzinfo is None:
        return Timestamp(moment.replace(tzinfo=UTC), moment.isoformat(), "local")
    return Timestamp(moment.astimezone(UTC), moment.isoformat(), "offset")


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_describe(value)}")
    return value


def language(value: Any) -> str:
    written = text(value)
    if not LANGUAGE_PATTERN.fullmatch(written):
        raise ValueError(f"'{written}' is not a language code such as en, zh or pt-BR")
    return written


def tag_list(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list such as [human-rights, un], got {_describe(value)}")
    tags = []
    for item in value:
        try:
            tags.append(text(item))
        except ValueError as exc:
            raise ValueError(f"every tag must be text: {exc}") from None
    return tuple(dict.fromkeys(tags))


def hostname(value: Any) -> str:
    written = text(value).lower()
    if not HOSTNAME_PATTERN.fullmatch(written):
        raise ValueError(f"'{written}' is not a domain name such as archive.example.org")
    return written


def mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError(f"expected a mapping of `key: value` lines, got {_describe(value)}")
    return value


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {getattr(value, 'written', '') or value}"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    return "a mapping" if isinstance(value, dict) else type(value).__name__


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
    "extra": (mapping, False),
}
BRIEFING_FIELDS: dict[str, tuple[Parser, bool]] = {
    "title": (text, True),
    "date": (timestamp, True),
    "host": (text, False),
    "spokesperson": (text, False),
    "transcript_url": (web_url, False),
    "tags": (tag_list, False),
    "extra": (mapping, False),
}
SOURCE_FIELDS: dict[str, tuple[Parser, bool]] = {
    "name": (text, True),
    "url": (web_url, False),
    "description": (text, False),
    "country": (text, False),
    "language": (language, False),
    "kind": (text, False),
    "extra": (mapping, False),
}
SITE_FIELDS: dict[str, tuple[Parser, bool]] = {
    "title": (text, False),
    "description": (text, False),
    "language": (language, False),
    "url": (web_url, False),
    "cname": (hostname, False),
}


EMPTY_BODY_SHA256 = hashlib.sha256(b"\n").hexdigest()


Record = SiteInfo | Source | Briefing | Article


@dataclass(frozen=True)
class Validated:
    """A record validated in this build (not taken from the cache), and the file it came from."""

    file: ContentFile
    record: Record


@dataclass(frozen=True)
class Records:
    """Typed records, ready for the model stage."""

    info: SiteInfo
    sources: tuple[Source, ...]
    briefings: tuple[Briefing, ...]
    articles: tuple[Article, ...]
    fresh: tuple[Validated, ...]  # what the build cache does not know yet
    files: tuple[ContentFile, ...]  # every content file read or reused


def validate_content(content: Content) -> Records:
    """Typed records for every file; raise BuildError with every problem found.

    Records the build cache kept for unchanged files are taken as they are.
    """
    errors = list(content.errors)
    found: list[Record] = []
    fresh: list[Validated] = []
    # Kinds with a file in error: a reference to one of them may name that very file, so it is not checked.
    failed = {_kind_of(error.path, content.root) for error in errors}
    for file, item in content.items:
        if not isinstance(item, Document):
            found.append(item)
            continue
        record = _validate_document(item, errors)
        if record is None:
            failed.add(item.kind)
        else:
            found.append(record)
            fresh.append(Validated(file, record))
    records = _sorted_by_kind(found, tuple(fresh), tuple(content.files))
    errors += cross_file_errors(records.sources, records.briefings, records.articles, failed)
    if errors:
        raise BuildError(errors)
    return records


def _kind_of(path: Path, root: Path) -> str:
    folder = path.relative_to(root).parts[0] if path.is_relative_to(root) and path != root else ""
    return {"sources": "source", "briefings": "briefing", "articles": "article"}.get(folder, "")


def _sorted_by_kind(found: list[Record], fresh: tuple[Validated, ...], files: tuple[ContentFile, ...]) -> Records:
    info, sources, briefings, articles = SiteInfo(), [], [], []
    for record in found:
        match record:
            case SiteInfo():
                info = record
            case Source():
                sources.append(record)
            case Briefing():
                briefings.append(record)
            case Article():
                articles.append(record)
    return Records(info, tuple(sources), tuple(briefings), tuple(articles), fresh, files)


def _validate_document(doc: Document, errors: list[ContentError]) -> Record | None:
    if doc.kind == "site":
        values = _parse_fields(doc, SITE_FIELDS, errors)
        return None if values is None else SiteInfo(**values)
    if doc.kind in ("source", "briefing") and not ID_PATTERN.fullmatch(doc.id):
        message = f"file name '{doc.id}' is not a valid id: use lowercase letters, digits and hyphens"
        errors.append(ContentError(doc.src_path, 0, "", message))
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
    return _validate_article(doc, errors)


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
            values[name] = schema[name][0](value.value)
        except ValueError as exc:
            errors.append(ContentError(doc.src_path, value.line, name, str(exc)))
    for name, (_, required) in schema.items():
        if required and name not in doc.fields:
            errors.append(ContentError(doc.src_path, first_line, name, "is required but missing"))
    return values if len(errors) == count else None


def content_warnings(records: Records) -> list[ContentError]:
    """Problems that do not stop a build (``--strict`` makes them errors), sorted."""
    warnings = []
    tag_spellings: dict[str, tuple[str, Article | Briefing]] = {}
    for article in records.articles:
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
