"""Pages kept between builds: a rebuild plans again only the pages an edit can change.

A page's key (pages.page_key) is a digest of what it shows, and every record a page shows
is named in its ``depends`` by the record's digest (of the file it came from), every
coverage analysis by its key. A build keeps, for each briefing, article and source page and
each page of a paginated list (nearly all the pages), its key, what the sitemap and the search index take from it, and
the digests and keys it named. The next build, if the records that decide which pages
exist and what each lists (the structure: ids, dates, sources, briefings, tags, the names
that order the sources) are the same, and so are the templates and settings (the build
key), keeps every such page that names no digest or key gone since: its builder runs only
if its file must be written again (Templates.render). Every other page is planned as a
cold build plans it. An edit to an article's text or title plans a few pages again, not
every one.

The structure is every field of the records but those a page shows only beside the
record's digest (SHOWN_WITH_DIGEST): a field missing from that list, a new one included,
costs a full plan, never a stale page.
"""

from __future__ import annotations

import hashlib
import marshal
from array import array
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from operator import attrgetter
from typing import Any

from .captures import Captures
from .coverage import Coverage
from .model import Article, Briefing, Site, Source, Transcript
from .pages import Page, SearchPlace, page_key, search_key

# Fields a page shows only where its ``depends`` also names the record's digest.
SHOWN_WITH_DIGEST: dict[type, frozenset[str]] = {
    Article: frozenset(
        "title lines body_md body_sha256 url byline language summary retrieved truncated extra src_path digest".split()
    ),
    Briefing: frozenset("title spokesperson transcript_url summary_md extra src_path digest".split()),
    Source: frozenset("url description country language kind hosts extra src_path digest".split()),
    Transcript: frozenset("text url retrieved complete note extra src_path digest".split()),
}
_DATES = ("date.iso", "date.precision")  # what a Timestamp is made from (its moment follows from them)


def _structural(kind: type) -> Callable[[Any], tuple[Any, ...]]:
    names = [f.name for f in fields(kind) if f.name not in SHOWN_WITH_DIGEST[kind]]
    return attrgetter(*(part for name in names for part in (_DATES if name == "date" else (name,))))


_STRUCTURAL = {kind: _structural(kind) for kind in SHOWN_WITH_DIGEST}


class KeptPages:
    """The last build's pages, as far as they still hold; and what this build keeps for the next one."""

    def __init__(self, last: bytes | None, site: Site, coverage: Coverage, captures: Captures, build_key: str):
        self.build_key = build_key
        self.structure = structure(site, captures)
        self.names = named_digests(site, coverage)
        self.pages: dict[str, tuple[Any, ...]] = {}  # path -> kept fields (_kept_fields), in the plan's order
        self.shown_by: dict[str, bytes] = {}  # digest or key -> numbers of the pages that name it (or did), packed
        self.changed: set[str] = set()  # paths of pages that name a digest or key gone since
        self.planned: list[Page] = []  # pages that could have been kept, planned in this build
        self.kept = 0  # pages kept
        plan = _unpacked(last)
        if plan is not None and plan[0] == build_key and plan[1] == self.structure:
            self.pages, self.shown_by = plan[2], plan[3]
            paths = list(self.pages)
            for gone in [name for name in self.shown_by if name not in self.names]:
                self.changed.update(paths[n] for n in _numbers(self.shown_by.pop(gone)))

    def reuse(self, path: str, plan: Callable[[], Page]) -> Page:
        """The page at ``path``: kept from the last build if nothing it names changed, else planned."""
        kept = self.pages.get(path)
        if kept is None or path in self.changed:
            page = plan()
            self.planned.append(page)
            return page
        key, index_key, lastmod, place = kept
        search = SearchPlace(*place) if place else None
        page = Page(path=path, template="", title="", depends=(), context=dict, lastmod=lastmod, search=search)
        page.key, page.index_key, page.planned = key, index_key, plan
        self.kept += 1
        return page

    def to_keep(self) -> bytes:
        """What the next build needs of this one's pages (their keys are known by now)."""
        again = not self.kept  # every page planned: what each one names, found anew
        pages = self.pages if not again else {}
        for page in self.planned:
            pages[page.path] = _kept_fields(page, self.build_key)
        numbers = {path: number for number, path in enumerate(pages)} if self.planned else {}
        named: dict[str, list[int]] = {}
        for page in self.planned:
            for name in _named(page.depends, self.names):
                named.setdefault(name, []).append(numbers[page.path])
        shown_by = self.shown_by if not again else {}
        for name, found in named.items():
            held = _numbers(shown_by.get(name, b""))
            known = set(held)  # (a page planned again may name what it named before)
            held.extend(n for n in found if n not in known)
            shown_by[name] = held.tobytes()
        return marshal.dumps((self.build_key, self.structure, pages, shown_by))


def structure(site: Site, captures: Captures) -> str:
    """A digest of what decides which pages exist, what each lists and in which order."""
    records = [*site.sources.values(), *site.briefings.values(), *site.articles]
    records += [t for held in site.transcripts.values() for t in held]
    fixed = [_STRUCTURAL[type(record)](record) for record in records]
    listed = sorted((reference, c.sha256, c.size) for reference, c in captures.listed.items())
    text = repr((site.info, site.about, fixed, listed))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def named_digests(site: Site, coverage: Coverage) -> set[str]:
    """Every digest and key a page can name: the records' and the coverage analyses'."""
    names = {s.digest for s in site.sources.values()} | {b.digest for b in site.briefings.values()}
    names |= {a.digest for a in site.articles} | {t.digest for held in site.transcripts.values() for t in held}
    names |= {report.key for report in coverage.briefings.values()}
    return names


def _named(depends: tuple[Any, ...], names: set[str]) -> set[str]:
    """The digests and keys found anywhere in ``depends``: in tuples, lists, sets and dataclasses, however nested."""
    found = set()
    pending = list(depends)
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if value in names:
                found.add(value)
        elif isinstance(value, (tuple, list, set, frozenset)):
            pending.extend(value)
        elif is_dataclass(value) and not isinstance(value, type):
            pending.extend(getattr(value, f.name) for f in fields(value))
    return found


def _kept_fields(page: Page, build_key: str) -> tuple[Any, ...]:
    place = (page.search.year, page.search.month, page.search.date) if page.search else None
    index_key = search_key(page, build_key) if page.search else ""
    return (page_key(page, build_key), index_key, page.lastmod, place)


def _numbers(packed: bytes) -> array[int]:
    numbers = array("I")
    numbers.frombytes(packed)
    return numbers


def _unpacked(last: bytes | None) -> tuple[Any, ...] | None:
    """The last build's kept plan, or None when there is none or it cannot be read."""
    if last is None:
        return None
    try:
        plan = marshal.loads(last)
    except Exception:  # noqa: BLE001 - any bytes may be in the cache: all that matters is that they are unusable
        return None
    return plan if isinstance(plan, tuple) and len(plan) == 4 else None
