"""Cross-file checks, the last part of validation: every reference resolves, every slug is unique.

Run on the records that passed their own file's checks, so one build reports the
problems of every file at once; the model stage then cannot fail on content.
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import ContentError
from .fields import WINDOWS_DEVICE_NAMES
from .model import Article, Briefing, Records, Source, Transcript
from .urls import tag_slug


def cross_file_errors(records: Records, failed: set[str]) -> list[ContentError]:
    """References to a kind in ``failed`` ("source", "briefing": a file of it has errors) are not checked."""
    errors = _check_references(records.sources, records.briefings, records.articles, failed)
    errors += _check_transcripts(records.transcripts, {b.id for b in records.briefings}, failed)
    return errors + _check_slugs(records.articles) + _check_tags([*records.briefings, *records.articles])


def _check_transcripts(
    transcripts: Sequence[Transcript], briefing_ids: set[str], failed: set[str]
) -> list[ContentError]:
    errors = []
    seen: dict[tuple[str, str], Transcript] = {}
    for transcript in sorted(transcripts, key=lambda t: str(t.src_path)):
        if transcript.briefing_id not in briefing_ids and "briefing" not in failed:
            message = f"no briefing '{transcript.briefing_id}' for this transcript (add briefings/{transcript.briefing_id}.md)"
            errors.append(ContentError(transcript.src_path, 0, "", message))
        first = seen.setdefault((transcript.briefing_id, transcript.language), transcript)
        if first is not transcript:
            message = f"a second '{transcript.language}' transcript of the briefing (the first is {first.src_path})"
            errors.append(ContentError(transcript.src_path, 0, "language", message))
    return errors


def _check_references(
    sources: Sequence[Source], briefings: Sequence[Briefing], articles: Sequence[Article], failed: set[str]
) -> list[ContentError]:
    source_ids = {s.id for s in sources}
    briefing_ids = {b.id for b in briefings}
    errors = []
    for a in articles:
        if a.source_id not in source_ids and "source" not in failed:
            errors.append(_unknown(a, "source", a.source_id, sorted(source_ids)))
        if a.briefing_id and a.briefing_id not in briefing_ids and "briefing" not in failed:
            errors.append(_unknown(a, "briefing", a.briefing_id, sorted(briefing_ids)))
    return errors


def _unknown(article: Article, field_name: str, value: str, known: list[str]) -> ContentError:
    line = article.lines.get(field_name, 0)
    listed = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "") if known else "none yet"
    folder = "sources/<id>.yaml" if field_name == "source" else "briefings/<id>.md"
    return ContentError(
        article.src_path, line, field_name, f"unknown {field_name} '{value}'; known: {listed} (add {folder})"
    )


def _check_slugs(articles: Sequence[Article]) -> list[ContentError]:
    first_by_slug: dict[str, Article] = {}
    errors = []
    for a in sorted(articles, key=lambda a: str(a.src_path)):
        key = a.slug.casefold()
        if key in first_by_slug:
            other = first_by_slug[key].src_path
            errors.append(
                ContentError(a.src_path, a.lines.get("slug", 1), "slug", f"'{a.slug}' is already used by {other}")
            )
        else:
            first_by_slug[key] = a
    return errors


def _check_tags(tagged: Sequence[Briefing | Article]) -> list[ContentError]:
    """Two different tags must not share a tag page (`C++` and `c` are both tags/c/), nor name a Windows device."""
    first_by_slug: dict[str, tuple[str, Briefing | Article]] = {}
    errors = []
    for record in sorted(tagged, key=lambda r: str(r.src_path)):
        line = record.lines.get("tags", 0) if isinstance(record, Article) else 0
        for tag in record.tags:
            slug = tag_slug(tag)
            first, where = first_by_slug.setdefault(slug, (tag, record))
            if first.casefold() != tag.casefold():
                message = f"'{tag}' and '{first}' (in {where.src_path}) would share the page tags/{slug}/; write them alike or rename one"
                errors.append(ContentError(record.src_path, line, "tags", message))
            elif slug in WINDOWS_DEVICE_NAMES:
                message = f"'{tag}' would make the folder tags/{slug}/, a device name on Windows; rename the tag"
                errors.append(ContentError(record.src_path, line, "tags", message))
    return errors
