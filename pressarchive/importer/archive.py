"""What the import needs to know about the archive, read fast: an import must not cost a full load.

Sources are read whole (they are few). Briefings and articles are read only as far as
their front matter's top-level keys (`date`, `title`, `host`, `briefing`, `slug`, `source`,
`url` and `capture_sha256`); an article's text is read only when a capture of its briefing's
days is matched (match.Index shingles a document on first use), for an article
without a briefing, when a briefing of its days gains coverage, and for the most recent
articles of a capture's site, when its furniture is learned (furniture.py). So an import into an
archive of 10,000 articles reads each file's head once and the bodies of a few.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, partial
from pathlib import Path

import yaml

from .dates import file_photo
from .furniture import FOLDER as FURNITURE_FOLDER
from .furniture import Earlier, Furniture
from .hosts import Host, host_named, reported_host
from .match import Index
from .outlet import SourceInfo, host_of

SUM_LINE = re.compile(r"([0-9a-fA-F]{64}) [ *](.+)")  # as sha256sum writes it
KEY = re.compile(
    r"^(date|title|host|briefing|slug|source|url|language|capture_sha256|  capture_sha256):[ \t]*(.*?)[ \t]*$",
    re.MULTILINE,
)


@dataclass
class Unassigned:
    """An article imported without a briefing: a later import may bring the briefing it reports."""

    path: Path
    published: date | None
    text: str | Callable[[], str]

    def read(self) -> str:
        return self.text if isinstance(self.text, str) else self.text()

    @cached_property
    def host(self) -> str | None:
        """The id of the host its text reports (hosts.py), read once."""
        sighting = reported_host(self.read())
        return sighting.host.id if sighting else None


@dataclass
class Archive:
    """The archive's sources, briefings, slugs and index, updated as captures are planned."""

    root: Path
    sources: dict[str, str] = field(default_factory=dict)  # id -> name
    outlets: list[SourceInfo] = field(default_factory=list)  # each source with its hosts
    briefings: set[str] = field(default_factory=set)
    slugs: set[str] = field(default_factory=set)
    index: Index = field(default_factory=Index)
    by_capture: dict[str, Path] = field(default_factory=dict)  # capture SHA-256 -> article or transcript made from it
    briefing_days: dict[str, date | None] = field(default_factory=dict)
    briefing_hosts: dict[str, str] = field(default_factory=dict)  # briefing id -> host id in hosts.yaml
    unassigned: list[Unassigned] = field(default_factory=list)
    transcripts: dict[tuple[str, str], Path] = field(default_factory=dict)  # (briefing, language) -> its file
    captures: dict[str, str] = field(default_factory=dict)  # captures/SHA256SUMS: file name -> SHA-256
    by_site: dict[str, list[Earlier]] = field(default_factory=dict)  # site (site_of) -> its articles, by date
    furniture: dict[str, Furniture] = field(default_factory=dict)  # site -> its furniture file, once read

    @classmethod
    def read(cls, root: Path) -> Archive:
        archive = cls(root)
        archive.captures = listed_captures(root / "captures" / "SHA256SUMS")
        for path in _files(root / "sources", ".yaml"):
            fields = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            fields = fields if isinstance(fields, dict) else {}
            archive.add_source(path.stem, str(fields.get("name") or path.stem), fields.get("url"), fields.get("hosts"))
        for path in _files(root / "briefings", ".md"):
            keys = front_keys(path)
            archive.add_briefing(
                path.stem, day_of(keys.get("date")), partial(_text, path), host_named(keys.get("host"))
            )
        for path in sorted((root / "transcripts").glob("*.md")):  # as the build reads them: not in subfolders
            briefing_id, _, named = path.name.removesuffix(".md").partition(".")
            keys = front_keys(path)
            label = f"transcript {path.relative_to(root).as_posix()}"
            language = named or keys.get("language", "").strip("'\"")
            archive.add_transcript(label, briefing_id, partial(_body, path), language, keys.get("capture_sha256"), path)
        for path in _files(root / "articles", ".md"):
            keys = front_keys(path)
            archive.slugs.add(keys.get("slug") or path.stem)
            if keys.get("source"):
                archive.by_site.setdefault(site_of(keys.get("url"), keys["source"]), []).append(
                    Earlier(path.relative_to(root).as_posix(), partial(_body, path), keys.get("date", ""))
                )
            if keys.get("capture_sha256"):
                archive.by_capture[keys["capture_sha256"]] = path
            if keys.get("briefing"):
                archive.add_article(
                    f"article {path.relative_to(root).as_posix()}", keys["briefing"], partial(_text, path)
                )
            else:
                archive.unassigned.append(Unassigned(path, day_of(keys.get("date")), partial(_text, path)))
        for earlier in archive.by_site.values():
            earlier.sort(key=lambda e: (e.published, e.name))
        return archive

    def furniture_of(self, site: str) -> Furniture:
        if site not in self.furniture:
            self.furniture[site] = Furniture.read(self.root / FURNITURE_FOLDER / f"{site}.txt")
        return self.furniture[site]

    def add_source(self, source_id: str, name: str, url: object, hosts: object) -> None:
        self.sources[source_id] = name
        own = [host_of(url if isinstance(url, str) else None), *(hosts if isinstance(hosts, list) else [])]
        self.outlets.append(SourceInfo(source_id, name, tuple(str(h).lower() for h in own if h)))

    def add_briefing(
        self, briefing_id: str, day: date | None, text: str | Callable[[], str], host: Host | None = None
    ) -> None:
        self.briefings.add(briefing_id)
        self.briefing_days[briefing_id] = day
        if host:
            self.briefing_hosts[briefing_id] = host.id
        self.index.add(f"briefing {briefing_id}", briefing_id, day, text)

    def briefings_of(self, host: Host, day: date) -> list[str]:
        """The briefings of ``host`` on ``day``, as their `host:` fields name it."""
        return sorted(b for b, h in self.briefing_hosts.items() if h == host.id and self.briefing_days[b] == day)

    def days_of(self, host: Host) -> list[date]:
        """The days ``host`` held a briefing the archive has, oldest first."""
        return sorted({day for b, h in self.briefing_hosts.items() if h == host.id and (day := self.briefing_days[b])})

    def add_transcript(
        self,
        label: str,
        briefing_id: str,
        text: str | Callable[[], str],
        language: str,
        capture_sha256: str | None,
        path: Path,
    ) -> None:
        """A transcript stands for its briefing, as its coverage does; one per briefing and language."""
        self.transcripts[(briefing_id, language)] = path
        if capture_sha256:
            self.by_capture[capture_sha256] = path
        if briefing_id in self.briefings:
            self.index.add(label, briefing_id, self.briefing_days.get(briefing_id), text)

    def add_article(self, label: str, briefing_id: str, text: str | Callable[[], str]) -> None:
        """An article stands for its briefing, on its briefing's day."""
        self.index.add(label, briefing_id, self.briefing_days.get(briefing_id), text)

    def forget(self, path: Path) -> None:
        """Leave out the article at ``path``, imported again with --force: its old copy is no evidence of the
        briefing, nor of the site's furniture, for the new one (it would match itself at every line)."""
        name = path.relative_to(self.root).as_posix()
        self.index.forget(f"article {name}")
        for earlier in self.by_site.values():
            earlier[:] = [e for e in earlier if e.name != name]
        self.unassigned = [u for u in self.unassigned if u.path != path]


def site_of(url: str | None, source_id: str) -> str:
    """Whose pages frame an article: its URL's host (a platform carrying an agency's story frames it
    with its own furniture), else its source's id."""
    return host_of(url) or source_id


def listed_captures(sums: Path) -> dict[str, str]:
    """The captures SHA256SUMS lists, as file name -> SHA-256 (the build checks each; here they are only named)."""
    if not sums.is_file():
        return {}
    lines = sums.read_text(encoding="utf-8", errors="replace").splitlines()
    return {m[2]: m[1].lower() for m in map(SUM_LINE.fullmatch, lines) if m}


def front_keys(path: Path) -> dict[str, str]:
    """The few top-level scalar keys the import needs from a file's front matter, unquoted."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = []
        for number, line in enumerate(handle):
            if number and line.rstrip() == "---":
                break
            head.append(line)
    keys: dict[str, str] = {}
    for key, value in KEY.findall("".join(head)):
        keys.setdefault(key.strip(), value.strip().strip("'\""))
    return keys


def day_of(value: str | None) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _text(path: Path) -> str:
    """The file's title, body and what the import kept in `extra` as evidence (the original headlines a
    repost notes, photo captions): what it was matched on."""
    text = path.read_text(encoding="utf-8", errors="replace")
    head, _, body = text.partition("\n---\n")
    originals, captions = _kept(head, "original_titles"), _kept(head, "photo_captions")
    keys = front_keys(path)
    return evidence_text(keys.get("title", ""), originals, body if body else text, captions, day_of(keys.get("date")))


def evidence_text(title: str, originals: list[str], body: str, captions: list[str], published: date | None) -> str:
    """What an article is matched on: its title, the original headlines a repost notes, its body and its photo
    captions, but for a file photo's (dated a week before ``published``, or any dated one when that is
    unknown: another event's day)."""
    return "\n".join([title, *originals, body, *(c for c in captions if not file_photo(c, published))])


def _kept(head: str, key: str) -> list[str]:
    """The strings the front matter ``head`` keeps under `extra: key:`."""
    if f"\n  {key}:" not in head:
        return []
    try:
        kept = (yaml.safe_load(head.removeprefix("---\n")) or {})["extra"][key]
    except (yaml.YAMLError, ValueError, KeyError, TypeError):
        return []  # edited by hand into something else (or a date YAML cannot read): the text alone
    return [str(k) for k in kept] if isinstance(kept, list) else [str(kept)]


def _body(path: Path) -> str:
    """The file's body, after its front matter."""
    text = path.read_text(encoding="utf-8", errors="replace")
    parts = text.split("\n---\n", 1)
    return parts[1] if len(parts) == 2 else text


def _files(folder: Path, suffix: str) -> list[Path]:
    """The files named *``suffix`` under ``folder``, editor files (".x", "#x#") aside, in a stable order."""
    found = []
    for parent, _, names in os.walk(folder):
        found += [os.path.join(parent, n) for n in names if n.endswith(suffix) and not n.startswith((".", "#"))]
    return [Path(p) for p in sorted(found)]
