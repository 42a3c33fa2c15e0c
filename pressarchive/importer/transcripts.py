"""A capture that is a briefing's own transcript: recognised, and planned as transcripts/<briefing>.<language>.md.

A capture is a transcript when its title names a briefing ("Regular Press Conference",
"Department Press Briefing", "例行记者会") and its text holds the briefing's turns: a question
under one speaker label answered under another (transcript.py reads "Q:", "QUESTION:",
"Beijing Youth Daily:", "Guo Jiakun:", "问："). Coverage quoting an exchange is not titled as
the briefing itself; a spokesperson's written answers ("Remarks on ...") name no briefing. On a
host's own site (hosts.yaml `sites:`) a page whose opening calls itself a briefing's transcript
counts too (the UN's "near-verbatim transcript of today's briefing" puts its questions last), and
so does a page there holding three answered questions or more, whatever its title (written
answers to one or two questions are a statement, not a briefing). A
transcript found elsewhere than on its host's site (a mirror, a portal) is kept as the copy it
is: its file says where the copy was found. `--as article` or `--as transcript` decides instead.

Its briefing is matched as an article's is (assign.py), on the day it was published or, when it
prints none, the day its title names; a briefing it makes takes its title (and its URL, from the
host's own site). A briefing keeps the transcript it has in a language unless --force is given.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ..briefing_words import BRIEFING_WORD
from ..transcript import QUESTIONS_FOLLOW, paragraphs, split_items
from .archive import Archive, day_of
from .assign import BRIEFING_KINDS, assign, default_title
from .dates import dates_in
from .hosts import SAYING_LABEL, Host, Sighting, host_of_site, host_with_id, hosts, spokesperson_answering
from .lines import SENTENCE_FINAL, counted
from .metadata import Found
from .outlet import host_of
from .plan import (
    ImportFailed,
    NoBriefing,
    Options,
    Plan,
    Report,
    checked_url,
    given_briefing,
    keep_capture,
    last_words,
    publication_date,
    rejoin,
    removed_lines,
    truncation,
)
from .write import NewFile, front_matter, markdown_file

TITLE_KEY = re.compile(r"(?m)^title:.*\n(?:[ \t]+.*\n)*")  # a front matter's title, with its continued lines
SAYS_TRANSCRIPT = re.compile(r"transcript|verbatim|стенограмм|实录|全文|記者会見録", re.IGNORECASE)
OPENING = 400  # characters of the text where a page says it is a transcript
# A question's label, its colon lost: "总台央视记者中方能否...？" (a paragraph that asks: it ends in a question mark)
REPORTER_LABEL = re.compile(r"[\u3400-\u9fff]{1,12}?[记記]者(?=[^\s:：会會提问問们們])(?=.*[？?]\s*$)", re.DOTALL)
# What follows a spokesperson's name in a report, not in a transcript's turn: "毛宁表示", "Mao Ning said".
REPORTED_SPEECH = re.compile(
    r"表示|说|說|指出|强调|強調|称|稱|回答|介绍|介紹|宣布|在|对|對|就|于|於|将|將|也|还|還|同|与|與|和"
)
CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
PUBLISHED_AFTER_DAYS = 4  # days before a host page's date whose briefings it may report (translations come later)
BRIEFING_EXCHANGES = 3  # on a host's own site, this many answered questions make a briefing, whatever the title


def transcript_reason(
    titles: list[str | None],
    body: str,
    official: Host | None,
    site: str | None,
    path: str = "",
    language: str | None = None,
) -> str | None:
    """Why the capture reads as a transcript; None when it reads as coverage. ``titles``: its headline,
    then any headline a repost says it first ran under (which counts only over answered questions: a
    rewrite may keep the note); ``path``: its URL's path, which on a host's own site may be the section
    of its transcripts; ``language``: the text's."""
    where = f", on {site}, {official.name}'s own site" if official else ""
    exchanges = _answered_questions(body)
    answered = f"{counted(exchanges, 'question')} answered under speaker labels"
    if exchanges and any(t and BRIEFING_WORD.search(t) for t in titles):
        return f"{answered} under a title naming a briefing{where}"
    title = titles[0] if titles else None
    titled = next((h for h in hosts() if title and h.transcript_title.search(title)), None)
    if titled:
        return f"its title is the one {titled.name} gives its transcripts{where}"
    section = transcript_section(official, path)
    if official and section:
        return f"its page is in {official.name}'s section of briefing transcripts ({section}){where}"
    if official and exchanges >= BRIEFING_EXCHANGES:
        return f"{answered}{where}"
    opening = f"{title or ''}\n{body[:OPENING]}"
    if official and SAYS_TRANSCRIPT.search(opening) and BRIEFING_WORD.search(opening):
        return f"it calls itself a briefing's transcript{where}"
    if exchanges and QUESTIONS_FOLLOW.search(opening) and BRIEFING_WORD.search(opening):
        return f"it says the briefing's questions and answers follow, with {answered}{where}"
    # A copy that lost its title (a wire platform's "Press release" stamp over the ministry's text, the
    # ministry's own translation cut before its heading). Under a headline of its own, an exchange or two
    # under the spokesperson's name is a story's (PTI's question pasted into a report) or, on the host's
    # site, written answers ("Spokesperson's Remarks on ...").
    answering = None if title else spokesperson_answering(body)
    if answering and _posted_in(answering[0], language):
        return f"{answered}, answered under the name of {answering[0].name}'s spokesperson {answering[1]}"
    return None


def restored_labels(body: str, host: Host | None) -> tuple[str, int]:
    """The body with the colon put back after each speaker's name opening a paragraph, when the page set
    the names apart (in bold) and the capture lost the colons ("郭嘉昆今年是..." for "郭嘉昆：今年是...",
    "总台央视记者中方发布了..."); and how many were put back (0: the body as it was). Only where no
    paragraph has a label, only the host's spokespeople in full and a Chinese reporter's label over a
    question, and only when such a question is found."""
    if host is None or any(p.label for p in paragraphs(body)):
        return body, 0
    speakers = sorted(host.speakers, key=len, reverse=True)
    questions = 0
    restored = []
    for paragraph in body.split("\n\n"):
        name = next((n for n in speakers if paragraph.startswith(n) and _name_ends(paragraph, len(n))), None)
        reporter = REPORTER_LABEL.match(paragraph)
        if name:
            separator = "：" if CJK_CHAR.match(name) else ": "
            paragraph = f"{name}{separator}{paragraph[len(name) :].lstrip()}"
        elif reporter:
            paragraph = f"{reporter[0]}：{paragraph[reporter.end() :]}"
            questions += 1
        restored.append(paragraph)
    if not questions:  # a question asked is what shows the labels lost (a copy may be cut before the answer)
        return body, 0
    return "\n\n".join(restored), sum(a != b for a, b in zip(restored, body.split("\n\n"), strict=True))


def _labels_put_back(body: str, restored: str) -> list[str]:
    """The speakers' labels ``restored_labels`` put a colon back after, each once, in order."""
    changed = [new for old, new in zip(body.split("\n\n"), restored.split("\n\n"), strict=True) if old != new]
    return list(dict.fromkeys(re.split(r"：|: ", paragraph, maxsplit=1)[0] for paragraph in changed))


def _name_ends(paragraph: str, at: int) -> bool:
    """Whether the name ending at ``at`` is followed by what was said, as a turn's words follow its label:
    not by a colon, more of a word, a reporting verb ("毛宁表示"), nor, in Latin script, a lower-case word
    ("Mao Ning said"; a turn's first sentence starts with a capital: "Guo Jiakun This year ...")."""
    rest = paragraph[at:]
    if not rest or rest[0] in ":：" or REPORTED_SPEECH.match(rest):
        return False
    if CJK_CHAR.match(rest[0]):
        return True
    return rest[0].isspace() and rest.lstrip()[:1].isupper()


def transcript_section(official: Host | None, path: str) -> str | None:
    """The section of the host's own site ``path`` is in where it posts its transcripts the day of the
    briefing (hosts.yaml `transcript_sections`); None elsewhere."""
    return next((s for s in official.transcript_sections if s in path), None) if official else None


def _section_sighting(official: Host | None, url: str | None, text: str) -> Sighting | None:
    """Its host, for a transcript posted in the host's transcripts' section: its text need not name the
    host next to a briefing word for its briefing to be made; the spokesperson is the one answering."""
    section = transcript_section(official, urlsplit(url).path if url else "")
    if official is None or section is None:
        return None
    answering = (name for form, name in official.people.items() if re.search(rf"(?mi)^{re.escape(form)}\s*[:：]", text))
    return Sighting(official, next(answering, None), official.name, f"its transcripts' section {section}", 0)


def _answering(text: str) -> Sighting | None:
    """Its host, for a transcript whose answers stand under a host's spokesperson's name: the turns
    say whose briefing it is, though the title that named it was lost."""
    answering = spokesperson_answering(text)
    if answering is None:
        return None
    host, person = answering
    return Sighting(host, person, person, "the transcript's answers under the spokesperson's name", 0)


def maybe_transcript(body: str, official: Host | None) -> str | None:
    """For coverage on a host's own site holding fewer answered questions than make a transcript (a
    capture cut short): what to do if it is one."""
    if not official:
        return None
    exchanges = _answered_questions(body)
    if not exchanges:
        return None
    return (
        f"kind: a page of {official.name}'s own site with {counted(exchanges, 'answered question')}"
        " under speaker labels: if it is a briefing's transcript, delete this draft and import the capture again"
        " with --as transcript --briefing ID"
    )


def briefings_before(official: Host | None, day: date | None, archive: Archive) -> str | None:
    """For a page of a host's own site that matched no briefing: the host's briefings of the days before
    its date, which it may report (the ministry posts its transcripts' translations two or three days
    after the briefing, dated by their URL), for a curator to choose from; None if there are none."""
    if official is None or day is None:
        return None
    days = [day - timedelta(days=back) for back in range(1, PUBLISHED_AFTER_DAYS + 1)]
    found = [b for d in days for b in archive.briefings_of(official, d)]
    if not found:
        return None
    return (
        f"briefing: {official.name} may post a briefing's page days after it; its briefings of the"
        f" {PUBLISHED_AFTER_DAYS} days before {day} in the archive: {', '.join(found)} (--briefing ID, if one is this page's)"
    )


def _posted_in(host: Host, language: str | None) -> bool:
    """Whether ``host`` posts its transcripts in ``language`` (its primary subtag), as far as the table says."""
    return not host.transcript_languages or (language or "").split("-")[0] in host.transcript_languages


def _answered_questions(body: str) -> int:
    """How many questions the text holds under speaker labels with an answer after them. A label that ends
    on a verb of saying is a story's reported speech ("石破茂表示：「…」"), no one asking."""
    return sum(
        item.kind == "question" and len(item.paragraphs) > 1 and not SAYING_LABEL.search(item.paragraphs[0].label)
        for item in split_items(body, None)
    )


def provenance(url: str | None, site: str | None, official: Host | None) -> dict[str, Any]:
    """Where the transcript was published, for its front matter; a copy says where it was found."""
    if not url:
        return {}
    if official:
        return {"url": url}
    return {
        "url": url,
        "extra": {"copy_found_at": site, "copy_note": "Not the host's own site: a copy of the transcript."},
    }


def unanswered(body: str) -> str | None:
    """The last words of a transcript cut after its last question (the answer's label cut too: "...What is
    China's comment?" then "Guo Ji"), None when its last item is answered or ends a sentence."""
    items = split_items(body, None)
    if not items or items[-1].kind != "question" or any(p.label for p in items[-1].paragraphs[1:]):
        return None
    last = body[items[-1].paragraphs[-1].start : items[-1].paragraphs[-1].end].strip()
    if len(items[-1].paragraphs) == 1 or not SENTENCE_FINAL.search(last) or last.endswith(("?", "？")):
        return last_words(body)
    return None


def plan_transcript(
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
    url = checked_url(options.url or found.url)
    site = host_of(url)
    official = host_of_site(site)
    fields: dict[str, Any] = {}
    # A repost's own headline is one of its answers; the headline it notes it first ran under is the transcript's.
    original = next((t for t in found.original_titles if BRIEFING_WORD.search(t)), None)
    title = options.title or original or found.title
    extra: dict[str, Any] = {"title": title} if title else {}
    if found.title and title != found.title:
        extra["headline"] = found.title  # the repost's, kept as found
    if found.titles_in_other_languages:  # (a bilingual copy's: the host's title in the translation's language)
        extra["titles_in_other_languages"] = found.titles_in_other_languages
    if found.photo_captions:  # (a copy's photo and its credit: "外交部發言人毛寧（中評社 海涵攝）")
        extra["photo_captions"] = found.photo_captions
    publication_date(found, options, archive, plan, fields, extra, report, transcript=True)
    day = day_of(fields.get("date"))
    titled = (t for t in (found.title, *found.original_titles) if t and dates_in(t, (found.language or "",)))
    if day is None and (title := next(titled, None)):
        day = day_of(dates_in(title, (found.language or "",))[0][0])  # the briefing's day: to match, never written
        report.lines.append(f"briefing day: {day}, as the transcript's title names it")
    evidence = "\n".join([found.title or "", *found.original_titles, found.body])
    # A briefing it makes is titled in the site's language: the transcript's own title when it is in it, else
    # the default one ("... press conference, 5 November 2025"), which a transcript in that language retitles.
    own_title = extra.get("title") if found.language == _site_language(options) else None
    briefing = _transcript_briefing(
        evidence, day, own_title, url if official else None, options, archive, plan, report, found.language
    )
    language = found.language
    if not language:
        raise ImportFailed(["language: not detected with confidence; pass --language CODE (en, zh, ...)"])
    held = archive.transcripts.get((briefing, language))
    if held and not options.force and previous is None:
        # Another copy of a transcript the briefing holds (the ministry's page and a repost of it, in one
        # batch): not an error, and not a second file; the curator may choose this copy with --force.
        report.copy_of = held
        report.lines.append(
            f"not imported: {briefing} holds its {language} transcript already ({held}), of which this capture"
            " is another copy; to hold this copy instead, import it alone with --force"
        )
        plan.reports.append(report)
        return
    if held and not options.force:
        raise ImportFailed(
            [f"transcript: {held} already holds the {language} transcript of {briefing}; pass --force to replace it"]
        )
    values: dict[str, Any] = {"language": language, **provenance(url, site, official)}
    extra |= values.pop("extra", {})
    values |= {"capture": keep_capture(capture.name, data, digest, archive, plan), "capture_sha256": digest}
    notes = []
    if ending := truncation(found, report):
        values["complete"] = False
        notes.append(f"The capture ends mid-sentence (“…{ending}”).")  # (the page says it is held in part)
    elif asked := unanswered(found.body):
        values["complete"] = False
        report.lines.append(f'truncated: the transcript ends on a question with no answer ("…{asked}")')
        notes.append(f"The capture ends on a question with no answer (“…{asked}”).")
    if found.lost_characters:  # (a mirror's copy: the text shows "?" where the page lost a character)
        notes.append(f"The copy prints “?” for {counted(found.lost_characters, 'character')} its page lost.")
    if notes:
        values["note"] = " ".join(notes)
    extra |= {"published": fields["date"]} if "date" in fields else {}
    extra["import_note"] = f"Imported from {capture.name} as the briefing's transcript: {why}."
    values["extra"] = extra
    report.article = held or options.content / "transcripts" / f"{briefing}.{language}.md"
    body, restored = restored_labels(found.body, host_with_id(archive.briefing_hosts.get(briefing)))
    if restored:
        names = ", ".join(f"'{name}'" for name in _labels_put_back(found.body, body))
        extra["labels_restored"] = (
            f"The capture lost the colon after each speaker's name (the page sets names apart, not with a colon): "
            f"the import put {restored} back, after {names}."
        )
        report.lines.append(
            f"speaker labels: {restored} colons put back after the speakers' names (the capture lost them)"
        )
    plan.files.append(NewFile(report.article, markdown_file(values, body), "transcript", updates=bool(held)))
    label = f"transcript {report.article.relative_to(options.content).as_posix()}"
    archive.add_transcript(label, briefing, evidence, language, digest, report.article)
    rejoin(briefing, evidence, archive, plan, report)
    _titled_by_transcript(briefing, extra.get("title"), language, url if official else None, options, plan, report)
    report.lines[:0] = removed_lines(found)
    plan.reports.append(report)


def _titled_by_transcript(
    briefing: str,
    title: str | None,
    language: str,
    official_url: str | None,
    options: Options,
    plan: Plan,
    report: Report,
) -> None:
    """A briefing the importer made from its coverage takes its official transcript's own title
    ("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on January 7, 2026" for
    "Ministry of ... press briefing, 7 January 2026") and URL, when the transcript is in the site's
    language and on the host's own site (its URL alone when the capture shows no title); a title a
    curator gave stays, and nothing else in the file changes (its other lines, comments and body are
    kept as they are)."""
    if not official_url or language != _site_language(options):
        return
    title = title if title and BRIEFING_WORD.search(title) else None
    path = options.content / "briefings" / f"{briefing}.md"
    planned = next((i for i, new in enumerate(plan.files) if new.path == path), None)
    if planned is None and not path.is_file():
        return
    text = str(plan.files[planned].text) if planned is not None else path.read_text(encoding="utf-8")
    head, _, body = text.removeprefix("---\n").partition("\n---\n")
    head += "\n"
    try:
        fields = yaml.safe_load(head)
    except yaml.YAMLError:
        return  # the build says what is wrong with it; a title is not worth guessing around it
    if not isinstance(fields, dict) or (day := day_of(str(fields.get("date", "")))) is None:
        return
    made_by_importer = "Created by the importer" in str((fields.get("extra") or {}).get("import_note", ""))
    defaults = {default_title(fields.get("host"), kind, day) for kind in BRIEFING_KINDS}
    key = TITLE_KEY.search(head)
    if not made_by_importer or fields.get("title") not in defaults or key is None:
        return
    if title is None and fields.get("transcript_url"):
        return
    lines = front_matter({"title": title}) if title else key.group()
    if not fields.get("transcript_url"):
        lines += front_matter({"transcript_url": official_url})
    head = head[: key.start()] + lines + head[key.end() :]
    new = NewFile(path, f"---\n{head}---\n{body}", "briefing", updates=planned is None)
    if planned is None:
        plan.files.append(new)
    else:
        plan.files[planned] = new
    done = (
        f'titled as its transcript is ("{title}")'
        if title
        else "its transcript's URL added (the capture shows no title)"
    )
    report.lines.append(f"briefing {briefing}: {done}")


def _site_language(options: Options) -> str:
    """The archive's language (site.yaml's `language:`), English when it says none."""
    site = options.content / "site.yaml"
    try:
        fields = yaml.safe_load(site.read_text(encoding="utf-8")) if site.is_file() else None
    except yaml.YAMLError:
        fields = None
    return str(fields.get("language") or "en") if isinstance(fields, dict) else "en"


def _transcript_briefing(
    text: str,
    day: date | None,
    title: str | None,
    official_url: str | None,
    options: Options,
    archive: Archive,
    plan: Plan,
    report: Report,
    language: str | None = None,
) -> str:
    """The briefing a transcript is of: --briefing, else matched as an article is; a briefing it makes
    takes ``title`` (the transcript's, in the site's language), and its URL when it stands on the host's own site."""
    if given := given_briefing(options, archive, report):
        return given
    known = {k: v for k, v in (("title", title), ("transcript_url", official_url)) if v}
    official = host_of_site(host_of(official_url))
    # A copy elsewhere is taken to be posted the day of its briefing, as coverage is (a wire platform's copy
    # is stamped within hours); on the host's own site, outside the section of the day's transcripts, a
    # page may be a translation posted days later, whose host is not taken from its answers' labels, unless
    # it is in a language the host posts the day of the briefing.
    same_day = official is not None and (language or "").split("-")[0] in official.same_day_languages
    host = _section_sighting(official, official_url, text) or (_answering(text) if not official or same_day else None)
    done = assign(
        text, day, report.capture.name, archive, create=day is not None, known=known, transcript=True, host=host
    )
    report.lines += done.lines
    report.to_fill += [line for line in done.to_fill if not line.startswith("date:")]
    if done.new_file:
        plan.files.append(done.new_file)
    if not done.briefing:
        raise NoBriefing([f"{done.lines[-1]}; pass --briefing ID"])
    return done.briefing
