"""Which briefing a capture's text reports: a matching one, its host's one of the day, a new one, or none.

In order: the best briefing of the text's days at MATCH_THRESHOLD or more (match.py), never one of
another host than the one the text names next to its briefing word, and only one whose host the text
names or whose wording it shares (names and numbers alone recur in every story of a running one: the
commerce ministry's statement is not the foreign ministry's briefing; a text that names the host in
passing, neither at a briefing nor by its spokesperson, must share some wording too); else
the one briefing its host (hosts.py: a name next to a briefing word, in any language the
table knows) has on its day; else, for a text that names no briefing but quotes a host's spokesperson
(in full, beside the office, not speaking elsewhere), that host's one briefing of its day when the day
before has none; else a new briefing, when the text names a briefing and whose
it is (a host of the table, or a ministry's name); else none, left for the archivist to fill
in or for a later import's briefing to claim (a passing "clamoring for a briefing by Rubio"
makes no briefing of its own). The archive is told of a new briefing at once,
so the next capture of a batch can join it.

A text without a date is matched only against the briefings of the host it names, of any day
(the UNDATED_REACH most recent), and only to a clear winner (match.choose_clear); it never gets a
new briefing, which would need the day. When it names the briefing's month and day ("8 января,
в ходе брифинга", "12月10日的例行记者会") only that host's briefings on such a day count: the one
there is is its briefing, as for a dated text, with a note that the year was not stated; none
there means its briefing is not in the archive. The weekday it gives its briefing ("told a regular press
conference on Tuesday"; "este lunes" in a lead naming no other) leaves only the host's briefings held on
that weekday (days.weekday_of_briefing). What every text about that host says (its names, its
spokespeople's, "regular press conference") is left out of the comparison: all of its
briefings share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..briefing_words import BRIEFING_WORD, BRIEFING_WORDS
from ..model import MONTHS
from .archive import Archive
from .days import (
    DATELINE_REACH,
    WIRE_DATELINE,
    bracketed_date_of_briefing,
    briefing_days,
    day_before,
    day_beside,
    day_named_at_briefing,
    day_of_month_at_briefing,
    first_weekday,
    month_day_at_briefing,
    weekday_of_briefing,
)
from .hosts import (
    NAME_REACH,
    Host,
    Sighting,
    host_named,
    host_with_id,
    quoting_host,
    reported_host,
    spoken_elsewhere,
)
from .lines import counted
from .match import MATCH_THRESHOLD, UNDATED_MARGIN, Candidate, choose, choose_clear, similarity
from .write import NewFile, markdown_file, slugify, unique

UNNAMED_FOREIGN_MINISTRY = re.compile(r"(?:The )?(?:Ministry of Foreign Affairs|Foreign Ministry)")
HOST = re.compile(r"\b((?:[A-Z][\w']+ )*Ministry(?: of(?: [A-Z][\w']+)+)?)")
SPOKESPERSON = re.compile(r"\b[Ss]pokes(?:man|woman|person)\s+([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})")
BOILERPLATE = ("regular press conference", "例行记者会", "定例記者会見", "spokesperson", "发言人", "報道官")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
BRIEFING_KINDS = ("press conference", "press briefing")  # as a briefing the importer makes is called
PASSING_SHARE = 0.21  # of its wording a text naming the host only in passing must share: more than a 7-word passage
# (0.204), the longest that coverage of different briefings shares in eval/import
UNDATED_REACH = 250  # briefing days of a host an undated text is compared with: about a year of a daily briefing


@dataclass
class Assignment:
    briefing: str | None = None
    new_file: NewFile | None = None  # the new briefing's file
    lines: list[str] = field(default_factory=list)  # for the report
    to_fill: list[str] = field(default_factory=list)


def assign(
    text: str,
    published: date | None,
    capture_name: str,
    archive: Archive,
    create: bool = True,
    known: dict[str, str] | None = None,
    transcript: bool = False,
    host: Sighting | None = None,
) -> Assignment:
    """The briefing ``text`` (a capture's title and body, published on ``published``) reports; a new
    one only if ``create``, taking the front-matter values ``known`` (a transcript's own title and
    URL) over those it derives. A ``transcript`` is dated by its briefing: the weekdays its questions
    name say nothing of its day. ``host``: whose briefing it is when the text need not say (a host's
    transcript posted in its transcripts' section the day of the briefing)."""
    if published is None:
        return _assign_undated(text, archive)
    sighting = reported_host(text) or host
    days = briefing_days(text, published, sighting.host.voices if sighting else None)
    speaker = None if sighting or transcript else quoting_host(text)
    # "毛寧報道官は7日", "Lin Jian on Tuesday said", "9月18日,外交部发言人林剑": the day the spokesperson spoke
    spoke_on = (
        day_beside(text, speaker.after, published) or day_before(text, speaker.start, published) if speaker else None
    )
    if spoke_on:
        days = [spoke_on]
    candidates = archive.index.candidates(text, days)
    done = Assignment(lines=[describe(c) for c in candidates])
    if days[0] > published:  # "konferensi pers pada Kamis (25/09)" on a page dated the 18th
        done.to_fill.append(
            f"date: the capture's date, {published}, is before the day its text gives its briefing"
            f" ({WEEKDAY_NAMES[days[0].weekday()]} {days[0]}): check which is wrong"
        )
    scored = bool(candidates)
    candidates = _admissible(candidates, text, sighting, speaker, archive, done)
    if not candidates:
        left = " left (each one scored is left out, as said above)" if scored else ""
        done.lines.append(f"briefing candidates: none{left} on {', '.join(d.isoformat() for d in days)}")
    chosen = choose(candidates, day_taken=len(days) > 1 and archive.index.has_day(days[0]))
    if chosen:
        done.briefing = chosen.briefing_id
        done.lines.append(f"briefing: {chosen.briefing_id} (score {chosen.score} >= threshold {MATCH_THRESHOLD})")
        return done
    if sighting:
        done.lines.append(_said(sighting))
    same_host = archive.briefings_of(sighting.host, days[0]) if sighting else []
    if len(same_host) == 1:
        done.briefing = same_host[0]
        why = "the day the text names" if len(days) == 1 else "the day its publication gives its briefing"
        done.lines.append(f"briefing: {same_host[0]} (the one briefing of that host on {days[0]}, {why})")
    elif speaker and len(quoted_on := _one_briefing_quoted(speaker.host, text, days, archive, spoke_on)) == 1:
        # A regular briefing's coverage often quotes its spokesperson without naming the briefing ("Lin
        # Jian ha señalado este martes"); on the one day the text gives, that host's one briefing is it.
        done.briefing = quoted_on[0]
        done.lines.append(
            f"briefing: {quoted_on[0]} (the text names no briefing, but quotes {speaker.host.name}'s spokesperson"
            f" {speaker.spokesperson} on {days[0]}, when that host held this one briefing, and none on"
            f" {' or '.join(d.isoformat() for d in days[1:]) or 'another day the text may report'})"
        )
    elif create and makes_briefing(text, sighting):
        unexplained = None if transcript else day_unexplained(text, days, day_named_at_briefing(text, published))
        if unexplained:
            done.lines.append(
                f"briefing: none made: the text names {unexplained}, neither its publication day nor the day "
                "before, so its briefing's day is not clear"
            )
            done.to_fill.append("briefing: pass --briefing ID (or add its briefing and import again)")
        else:  # a ministry named at the briefing without its country is the quoted spokesperson's host's
            whose = sighting or (speaker if speaker and _ministry_of(speaker.host, text) else None)
            _new_briefing(text, days[0], whose, capture_name, archive, done, known or {})
    elif candidates:  # scored, under the threshold: the curator is shown the nearest ("score 0.31" then "none" misled)
        best = max(candidates, key=lambda c: c.score)
        done.lines.append(
            f"briefing: none (the best candidate, {best.briefing_id}, scores {best.score}, under {MATCH_THRESHOLD})"
        )
        done.to_fill.append(f"briefing: pass --briefing {best.briefing_id} if it reports that briefing")
    elif BRIEFING_WORD.search(text):
        done.lines.append("briefing: none (the text matches none, and names no host next to its briefing word)")
        done.to_fill.append("briefing: whose briefing it reports is not clear; pass --briefing ID if it reports one")
    else:
        done.lines.append("briefing: none (the text matches none and names no briefing or press conference)")
        done.to_fill.append("briefing: the text names none; pass --briefing ID if it reports one")
    return done


def _admissible(
    candidates: list[Candidate],
    text: str,
    sighting: Sighting | None,
    speaker: Sighting | None,
    archive: Archive,
    done: Assignment,
) -> list[Candidate]:
    """The candidates the text may join, each left out said so in the report."""
    if sighting:  # a text that says whose briefing it reports never joins another host's
        others = [
            c for c in candidates if archive.briefing_hosts.get(c.briefing_id, sighting.host.id) != sighting.host.id
        ]
        done.lines += [f"candidate {c.briefing_id}: left out: another host's briefing" for c in others]
        candidates = [c for c in candidates if c not in others]
    # Names and numbers alone recur in every story of a running one: another ministry's statement, or the
    # same story told by another government's spokesman, shares them, not wording; and a story of the same
    # running news that never names the host shares a stock photo's caption with its coverage. A text that
    # never names the host must share enough wording to match on that alone.
    weak = [c for c in candidates if c.text_score < MATCH_THRESHOLD and not _names_host_of(c, text, archive)]
    done.lines += [
        f"candidate {c.briefing_id}: left out: the text never names its host, and shares too little of its wording"
        f" ({c.text_score} < {MATCH_THRESHOLD} without the names and numbers)"
        for c in weak
    ]
    candidates = [c for c in candidates if c not in weak]
    # A text naming the host in passing ("China's Foreign Ministry and the Hong Kong government have also
    # criticised the ruling", in a story of another office's statement), or its spokesperson speaking
    # elsewhere ("In a post on X, ... Lin Jian said"), shares the running story's names and numbers with its
    # coverage; on those alone it joins only when it reports the host speaking at a briefing or quotes it.
    # A spokesperson's words repeated elsewhere (a post on X) are the briefing's words only as a copy is:
    # the text must share as much wording as a match needs, in whatever order the captures come.
    if sighting or not candidates:
        return candidates  # (reading where the spokesperson spoke is the costly part: only when it counts)
    needed = MATCH_THRESHOLD if spoken_elsewhere(text) else PASSING_SHARE
    passing = [c for c in candidates if c.text_score < needed and not _quotes_host_of(c, speaker, archive)]
    done.lines += [
        f"candidate {c.briefing_id}: left out: the text names the host but not at a briefing"
        f" ({'its spokesperson speaks elsewhere' if needed == MATCH_THRESHOLD else 'nor by its spokesperson'}),"
        f" and shares too little of its wording ({c.text_score} < {needed} without the names and numbers)"
        for c in passing
    ]
    candidates = [c for c in candidates if c not in passing]
    return candidates


def _said(sighting: Sighting) -> str:
    """The report's line of whose briefing the text reports, and how it says so."""
    if BRIEFING_WORD.fullmatch(sighting.briefing_word):
        return f'host: {sighting.host.name} ("{sighting.name}" next to "{sighting.briefing_word}")'
    return f'host: {sighting.host.name} ({sighting.briefing_word}: "{sighting.name}")'


def _one_briefing_quoted(
    host: Host, text: str, days: list[date], archive: Archive, spoke_on: date | None = None
) -> list[str]:
    """The host's briefings on the likeliest of ``days``, when the others have none: quoting a spokesperson
    names no day, so a briefing on the day before too leaves the text unassigned; and so does a weekday
    the text names that is none of them ("Lin Jian on Friday urged", in Monday's paper), unless the day is
    written beside the spokesperson (``spoke_on``: "Lin Jian said on Monday", after another's "on Tuesday")."""
    if day_unexplained(text, days, spoke_on) or any(archive.briefings_of(host, day) for day in days[1:]):
        return []
    return archive.briefings_of(host, days[0])


def _quotes_host_of(candidate: Candidate, speaker: Sighting | None, archive: Archive) -> bool:
    """Whether the text quotes the spokesperson of the candidate's briefing's host (``speaker``)."""
    return speaker is not None and archive.briefing_hosts.get(candidate.briefing_id) == speaker.host.id


def _names_host_of(candidate: Candidate, text: str, archive: Archive) -> bool:
    """Whether ``text`` names the host of the candidate's briefing (or its spokespeople); False if unknown."""
    host = host_with_id(archive.briefing_hosts.get(candidate.briefing_id))
    return host is not None and bool(host.names.search(text))


FILED_WITHIN = 7  # days after the briefing a wire's story about it may be filed ("北京11月19日电 …17日在例行记者会上")


def day_unexplained(text: str, days: list[date], named: date | None = None) -> str | None:
    """The weekday the text names first, when it is none of ``days`` (Tuesday, in a story published on
    Friday that names no host beside it), or a Chinese wire's dateline of a day before those or long after
    them ("新华社北京3月8日电" atop a page dated 19 November): a new briefing would be made on a day the text
    contradicts. A weekday is no contradiction when the text ``named`` its briefing's day beside the
    briefing word ("周三，中国外交部发言人毛宁在例行记者会上", below "德国国防部周二(7月8日)称"): that is
    another event's day."""
    weekday = first_weekday(text)
    if named is None and weekday is not None and not any(day.weekday() == weekday for day in days):
        return WEEKDAY_NAMES[weekday]
    dateline = WIRE_DATELINE.search(text, 0, DATELINE_REACH)
    if not dateline or not days:
        return None
    filed = [min(days) + timedelta(days=n) for n in range(FILED_WITHIN + 1)]  # the briefing's day and the week after
    if (int(dateline["month"]), int(dateline["day"])) not in {(day.month, day.day) for day in filed}:
        return f'"{dateline.group().strip()}" (its wire\'s dateline)'
    return None


def makes_briefing(text: str, sighting: Sighting | None) -> bool:
    """Whether ``text`` (whose host next to a briefing word is ``sighting``) may make a new briefing:
    it names a briefing and whose it is, a host of the table or a ministry named next to it."""
    return bool(sighting or ministry_at_briefing(text))


def _ministry_of(host: Host, text: str) -> bool:
    """Whether the ministry the text names at its briefing may be ``host``: one of its own names, or a
    foreign ministry named without its country ("the Ministry of Foreign Affairs held a press conference")."""
    named = ministry_at_briefing(text)
    return named is not None and bool(UNNAMED_FOREIGN_MINISTRY.fullmatch(named) or host.own.search(named))


def ministry_at_briefing(text: str) -> str | None:
    """A ministry's name ("Foreign Ministry of Ruritania") within NAME_REACH characters of a briefing word:
    one named further away said something else ("China's ministry said on Sunday", below a photo
    caption of another press conference)."""
    for word in BRIEFING_WORD.finditer(text):
        near = HOST.search(text, max(0, word.start() - NAME_REACH), word.end() + NAME_REACH)
        if near:
            return near[1]
    return None


def _assign_undated(text: str, archive: Archive) -> Assignment:
    done = Assignment()
    sighting = reported_host(text) or quoting_host(text)
    days = archive.days_of(sighting.host)[-UNDATED_REACH:] if sighting else []
    if not days:
        named = (
            f"names {sighting.host.name}, of which the archive has no briefing"
            if sighting
            else ("names no host next to a briefing word, nor quotes a host's spokesperson")
        )
        done.lines.append(f"briefing: not matched: the capture has no date, and its text {named}")
        done.to_fill.append(
            "briefing: set `briefing:` by hand, or add the date: a later import of its briefing's coverage matches it"
        )
        return done
    assert sighting is not None
    said = _said(sighting)
    day_named = month_day_at_briefing(text, sighting.host.names, sighting.host.voices)
    on = ""  # the day the text names at its briefing, as the report says it
    if day_named:
        year, month, day_number = day_named
        days = [d for d in days if (d.month, d.day) == (month, day_number) and year in (None, d.year)]
        on = f"{day_number} {MONTHS[month - 1]}" + (f" {year}" if year else "")
        if not days:
            return _held_on_none(done, said, on)
        unstated = "" if year else "; the year is not stated"
        if _the_one_held(done, archive, sighting, days, f"{on}, the day the text names next to the briefing{unstated}"):
            return done
    elif (day_of_month := day_of_month_at_briefing(text, sighting.host.names)) is not None:
        # only the month is unknown: the host's briefings held on another day of the month are not its own
        days = [d for d in days if d.day == day_of_month]
        on = f"day {day_of_month} of a month"
        if not days:
            return _held_on_none(done, said, on)
    elif (weekday := weekday_of_briefing(text, sighting.host.voices)) is not None:
        # the weekday it gives its briefing ("este lunes"): a briefing held on another weekday is not its own
        days = [d for d in days if d.weekday() == weekday]
        on = f"a {WEEKDAY_NAMES[weekday]}"
        if not days:
            return _held_on_none(done, said, on)
        if dated := bracketed_date_of_briefing(text):  # "pada hari Senin (13/10)": that Monday's date too
            days = [d for d in days if (d.day, d.month) in dated]
            on = f"{on} dated {' or '.join(f'{day} {MONTHS[month - 1]}' for day, month in sorted(dated))}"
            why = f"{on}, the weekday and date the text names next to the briefing; the year is not stated"
            if _the_one_held(done, archive, sighting, days, why):
                return done
            if not days:
                return _held_on_none(done, said, on)
    own = {b for b, host in archive.briefing_hosts.items() if host == sighting.host.id}
    common = said_of(sighting.host)
    candidates = archive.index.candidates(text, days, limit=None, ranked=False, briefings=own, common=common)
    compared = f"its {counted(len(days), 'briefing day')}" + (f" on {on}" if on else "")
    done.lines.append(f"{said}; no date, so compared with {compared} in the archive")
    done.lines += [describe(c, dated=False) for c in candidates[:5]]
    chosen = choose_clear(candidates)
    if chosen:
        runner_up = f", next best {candidates[1].score}" if len(candidates) > 1 else ", no other"
        done.briefing = chosen.briefing_id
        done.lines.append(
            f"briefing: {chosen.briefing_id} of {chosen.day} (score {chosen.score} >= {MATCH_THRESHOLD}"
            f"{runner_up}: a lead of {UNDATED_MARGIN} or more is needed without a date)"
        )
        done.to_fill.append(
            f"date: the capture prints none; its briefing was on {chosen.day}, so it was published then or later"
        )
    else:
        done.lines.append(
            f"briefing: not matched: no briefing of {sighting.host.name} scores {MATCH_THRESHOLD} or more "
            f"with a lead of {UNDATED_MARGIN}, as a capture without a date needs"
        )
        done.to_fill.append(
            "briefing: set `briefing:` by hand, or add the date: a later import of its briefing's coverage matches it"
        )
    return done


def _the_one_held(done: Assignment, archive: Archive, sighting: Sighting, days: list[date], why: str) -> bool:
    """For an undated text naming its briefing's day: whether the archive holds one briefing of the host on the
    ``days`` it may be; if so, ``done`` takes it, saying ``why`` that day ("13 October, the day the text names...")."""
    own_that_day = [b for day in days for b in archive.briefings_of(sighting.host, day)]
    if len(own_that_day) != 1:
        return False
    done.briefing = own_that_day[0]
    done.lines.append(
        f"{_said(sighting)}; briefing: {done.briefing} (the archive's one briefing of that host on {why})"
    )
    done.to_fill.append(f"date: the capture prints none; check that it reports the briefing of {days[0]}")
    return True


def _held_on_none(done: Assignment, said: str, on: str) -> Assignment:
    """An undated text that names its briefing's day (``on``), a day the archive holds none of the host's on."""
    done.lines.append(f"{said}; the text names {on}, a day the archive holds none of its briefings on")
    done.lines.append("briefing: not matched: its briefing is not in the archive")
    done.to_fill.append("briefing: add its briefing, or set `briefing:` by hand; and add the date")
    return done


def said_of(host: Host) -> str:
    """What every text about ``host``'s briefings says, and so tells none of them apart."""
    return "\n".join([*host.forms, *BRIEFING_WORDS, *BOILERPLATE])


def may_win(text: str, coverage: str, host_id: str | None, day: date) -> bool:
    """Whether ``coverage``, new to a briefing of ``host_id`` on ``day``, may have made that briefing an
    undated ``text``'s: the text names that month and day, or the coverage scores enough against it
    to be the clear winner. If not, the text's match cannot have changed."""
    host = host_with_id(host_id)
    if host is None:
        return False
    named = month_day_at_briefing(text, host.names, host.voices)
    return (named is not None and named[1:] == (day.month, day.day) and named[0] in (None, day.year)) or (
        similarity(text, coverage, said_of(host)) >= MATCH_THRESHOLD
    )


def _new_briefing(
    text: str,
    day: date,
    sighting: Sighting | None,
    capture_name: str,
    archive: Archive,
    done: Assignment,
    known: dict[str, str],
) -> None:
    host = sighting.host.name if sighting else ministry_at_briefing(text)
    named = SPOKESPERSON.search(text)
    spokesperson = sighting.spokesperson if sighting and sighting.spokesperson else (named[1] if named else None)
    # the host's own word for its briefings, so that one host's ids read alike whatever language made them
    kind = sighting.host.kind if sighting and sighting.host.kind else None
    kind = kind or (BRIEFING_KINDS[0] if BRIEFING_KINDS[0] in text.lower() else BRIEFING_KINDS[1])
    title = known.get("title") or default_title(host, kind, day)
    short = sighting.host.id if sighting else host or ""  # the table's id: "cn-mfa", not the host's full name
    briefing_id = unique(f"{day.isoformat()}-{slugify(short + ' ' + kind)}", archive.briefings)
    values: dict[str, Any] = {"title": title, "date": day.isoformat()}
    values.update({k: v for k, v in (("host", host), ("spokesperson", spokesperson)) if v})
    values.update({k: v for k, v in known.items() if k != "title"})
    values["extra"] = {
        "import_note": f"Created by the importer for {capture_name}; check the title, date and host, and add a summary."
    }
    path = archive.root / "briefings" / f"{briefing_id}.md"
    done.briefing, done.new_file = briefing_id, NewFile(path, markdown_file(values, ""), "briefing")
    archive.add_briefing(briefing_id, day, title, sighting.host if sighting else host_named(host))
    done.lines.append(f"briefing: new {briefing_id} (no candidate reached threshold {MATCH_THRESHOLD})")
    done.to_fill.append(f"briefing: new file {path}; check its title, date, host and add a summary")


def default_title(host: str | None, kind: str, day: date) -> str:
    """The title the importer gives a briefing it makes from coverage: "Ministry of ... press briefing, 7 January 2026"."""
    title = f"{host + ' ' if host else ''}{kind}, {day.day} {MONTHS[day.month - 1]} {day.year}"
    return title[0].upper() + title[1:]


def describe(c: Candidate, dated: bool = True) -> str:
    shared = "; ".join(f'"{p}"' for p in c.passages)
    if dated:
        day = "the day named or of publication" if c.day_rank == 0 else "the day before"
    else:
        day = f"held on {c.day}"
    why = f"shingles {c.containment}, anchors {c.anchor_overlap}, passage {c.passage} words; {day}; via {c.via}"
    return f"candidate {c.briefing_id}: score {c.score} ({why}); shared: {shared}"
