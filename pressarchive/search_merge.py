"""Shard bundles merged into one Pagefind bundle, so the reader searches one index.

Each shard is indexed by Pagefind on its own (bounded memory, and an edit re-indexes one
shard); this module then writes the index Pagefind would have written for all the shards'
pages at once: the same pages, words, filters and sort orders, with the pages numbered
one after another (shard by shard, oldest first). A search therefore finds, counts and
scores exactly as one bundle over the whole site does (its BM25 statistics are the
archive's: page count, average page length and each word's page count), and a reader
fetches one entry, one metadata file and one chunk per word, whatever the number of shards.

The word lists are merged in word order. The merge holds every shard's words with their page
entries already encoded (about the size of the uncompressed index, 34 MB at 10,000 articles,
against Pagefind's 0.4 MB per page while indexing); each shard's are decoded once and kept
beside its bundle, so a merge after an edit decodes one shard, and index files whose content
did not change are linked from the previous merge instead of compressed again.

Pagefind 1.5.2's files, as read here (all checked by tests/test_search_merge.py against a
bundle Pagefind builds over the same pages at once):

* ``pagefind.<lang>_<hash>.pf_meta``: ``[version, pages, chunks, filters, sorts, meta_fields]``;
  a page is ``[fragment hash, word count]``; a chunk ``[from, to, file hash]``; a filter
  ``[name, file hash]``; a sort ``[key, [page, ...]]`` (pages in sort order);
* ``index/<lang>_<hash>.pf_index``: ``[[[word, [page entry, ...], [[variant, [page entry, ...]], ...]], ...]]``
  where a page entry is ``[page, locations, meta locations]``, the page given as the difference
  from the entry before it (the first: from 0), and in the meta locations ``-(i + 1)`` starts
  the locations in metadata field ``meta_fields[i]``;
* ``filter/<lang>_<hash>.pf_filter``: ``[name, [[value, [page, ...]], ...]]``;
* ``fragment/<hash>.pf_fragment``: JSON, one per page, used as they are.

Sort orders cannot be merged from page numbers alone, so each shard keeps the value of
every page's sort key beside its bundle (SORT_VALUES, read from the metadata field
``sort<key>`` that the templates give each page with its ``data-pagefind-sort``).
"""

from __future__ import annotations

import heapq
import json
import marshal
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

from .pagefind_canon import cbor_dumps, cbor_head, cbor_loads, pagefind_hash, read_payload, write_payload
from .pagefind_chunks import Entries, scan_chunk
from .pagefind_gzip import Segments, gzipped, keep_used

SORT_VALUES = "sort-values.json"  # in a shard's bundle: {lang: {key: [value of each page in sort order]}}
CHUNK_SIZE = 20_000  # locations per index chunk, as Pagefind counts them
CODE_FILES = ("pagefind.js", "pagefind-worker.js")  # with wasm.*.pagefind: the same in every shard
SEGMENTS = "segments.marshal"  # in a merged bundle's folder, not published: its files' deflated segments
COMPRESSING_JOBS = 2  # files compressed at once (zlib lets other threads run while it works)


class MergeError(Exception):
    """A shard bundle is not in the form this module reads (another Pagefind version?)."""


@dataclass(frozen=True)
class Shard:
    """One language of one shard bundle, as the merge needs it."""

    bundle: Path
    meta: list[Any]  # the decoded pf_meta
    offset: int  # its first page's number in the merged index
    fields: list[int]  # its metadata field i -> the merged field number

    @property
    def pages(self) -> list[list[Any]]:
        return list(self.meta[1])


def merge_bundles(
    bundles: list[Path], out: Path, reusable: dict[str, Path] | None = None, known: Segments | None = None
) -> dict[str, Path]:
    """Write into ``out`` the merged index of ``bundles`` (oldest first): every file of the merged bundle,
    as its path in the bundle -> the file.

    ``out`` receives the entry, metadata, word and filter files; the code, WebAssembly and
    fragments are the shards' own files, given where they are. ``reusable``: index and
    filter files of an earlier merge by name, linked instead of written again when unchanged;
    ``known``: the deflated segments of an earlier merge (pagefind_gzip.py), not compressed again.
    The segments of this merge's files are kept in ``out`` (SEGMENTS) for the next.
    """
    entries = [_entry(bundle) for bundle in bundles]
    out.mkdir(parents=True)
    languages: dict[str, Any] = {}
    files: list[Path] = []
    fragments: dict[str, Path] = {}
    pending: Pending = []
    used: Segments = {}
    for lang in sorted({lang for entry in entries for lang in entry["languages"]}):
        holding = [
            (bundle, entry) for bundle, entry in zip(bundles, entries, strict=True) if lang in entry["languages"]
        ]
        info, written = _merge_language(
            lang, holding, MergeOutput(out, reusable or {}, pending, known or {}, used), fragments
        )
        languages[lang] = info
        files += written
    _write_all(pending, known or {}, used)
    (out / SEGMENTS).write_bytes(marshal.dumps(used))
    entry = {**entries[-1], "languages": languages}
    (out / "pagefind-entry.json").write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    newest = bundles[-1]
    merged = {path.relative_to(out).as_posix(): path for path in [out / "pagefind-entry.json", *files]}
    merged |= {f"fragment/{short}.pf_fragment": path for short, path in fragments.items()}
    merged |= {name: newest / name for name in CODE_FILES}
    merged |= {path.name: path for path in newest.glob("wasm.*.pagefind")}
    return dict(sorted(merged.items()))


def _entry(bundle: Path) -> Any:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    if not isinstance(entry.get("languages"), dict):
        raise MergeError(f"{bundle}: pagefind-entry.json has no languages")
    return entry


Pending = list[tuple[Path, list[bytes]]]  # files to write: where, and their payload in pieces (pagefind_gzip.py)


@dataclass(frozen=True)
class MergeOutput:
    """Where a merge writes: its folder, the files of an earlier merge it may link, the files left to write."""

    folder: Path
    reusable: dict[str, Path]
    pending: Pending
    known: Segments
    used: Segments

    def file(self, path: str, pieces: list[bytes]) -> Path:
        """The file at ``path`` in the folder, linked from an earlier merge (same name, same content) or written."""
        old = self.reusable.get(path.rpartition("/")[2])
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if old is not None:
            os.link(old, target)
            keep_used(pieces, self.known, self.used)
        else:
            self.pending.append((target, pieces))
        return target


def _merge_language(
    lang: str, holding: list[tuple[Path, Any]], out: MergeOutput, fragments: dict[str, Path]
) -> tuple[dict[str, Any], list[Path]]:
    metas = [_meta(bundle, entry["languages"][lang]["hash"]) for bundle, entry in holding]
    fields = sorted({name for meta in metas for name in meta[5]})
    shards, offset = [], 0
    for (bundle, _), meta in zip(holding, metas, strict=True):
        shards.append(Shard(bundle, meta, offset, [fields.index(name) for name in meta[5]]))
        offset += len(meta[1])
    pages = []
    for shard in shards:
        folder = shard.bundle / "fragment"
        pages += [_page(folder, page, fragments, out.folder) for page in shard.pages]
    files: list[Path] = []
    chunks = []
    for first, last, pieces in _chunks(_merged_words(shards, lang)):
        name = f"{lang}_{pagefind_hash(b''.join(pieces), 7)}"
        files.append(out.file(f"index/{name}.pf_index", pieces))
        chunks.append([first, last, name])
    _chunk_bounds(chunks)
    filters = []
    for filter_name, values in _merged_filters(shards):
        payload = cbor_dumps([filter_name, values])
        name = f"{lang}_{pagefind_hash(payload, 7)}"
        files.append(out.file(f"filter/{name}.pf_filter", [payload]))
        filters.append([filter_name, name])
    meta = [metas[-1][0], pages, chunks, filters, _merged_sorts(shards, lang), fields]
    payload = cbor_dumps(meta)
    name = f"{lang}_{pagefind_hash(payload, 10)}"
    out.pending.append((out.folder / f"pagefind.{name}.pf_meta", [payload]))
    files.append(out.pending[-1][0])
    wasm = holding[-1][1]["languages"][lang]["wasm"]
    return {"hash": name, "wasm": wasm, "page_count": len(pages)}, files


def _meta(bundle: Path, name: str) -> list[Any]:
    meta = cbor_loads(read_payload(bundle / f"pagefind.{name}.pf_meta"))
    if not (isinstance(meta, list) and len(meta) == 6 and all(isinstance(part, list) for part in meta[1:])):
        raise MergeError(f"{bundle}: pagefind.{name}.pf_meta is not [version, pages, chunks, filters, sorts, fields]")
    return meta


def _page(folder: Path, page: list[Any], fragments: dict[str, Path], out: Path) -> list[Any]:
    """The page's [fragment hash, word count] (its fragment in ``folder``), the fragment kept in ``fragments``
    under a hash no other page has."""
    short, word_count = page
    path = folder / f"{short}.pf_fragment"
    taken = fragments.get(short)
    if taken is not None and taken.read_bytes() != path.read_bytes():  # two pages, one short hash: lengthen it
        payload = read_payload(path)
        lang = short.partition("_")[0]
        length = len(short) - len(lang) - 1
        while short in fragments:
            length += 1
            short = f"{lang}_{pagefind_hash(payload, length)}"
        path = _write(out / "fragment" / f"{short}.pf_fragment", payload)
    fragments[short] = path
    return [short, word_count]


# --- words ---

# A shard's words: word -> (locations, its entries, {variant: its entries}).
Encoded = dict[str, tuple[int, Entries, dict[str, Entries]]]


def _encoded_words(shard: Shard, lang: str) -> Encoded:
    """The shard's words with their page entries encoded for the merged index, kept beside its bundle
    for the next merge (reading a shard is most of a merge's time, and an edit changes one shard)."""
    kept = shard.bundle / f"words-{lang}-{'.'.join(map(str, shard.fields))}.marshal"
    if kept.is_file():
        return marshal.loads(kept.read_bytes())  # type: ignore[no-any-return]
    remap = None if shard.fields == list(range(len(shard.fields))) else shard.fields
    words: Encoded = {}
    for _, _, chunk in shard.meta[2]:
        path = shard.bundle / "index" / f"{chunk}.pf_index"
        try:
            words.update(scan_chunk(read_payload(path), remap))
        except (IndexError, ValueError) as exc:
            raise MergeError(f"{path}: not a word index as Pagefind 1.5.2 writes it ({exc})") from None
    for old in shard.bundle.glob(f"words-{lang}-*.marshal"):
        old.unlink()
    temporary = kept.with_suffix(".tmp")
    temporary.write_bytes(marshal.dumps(words))
    temporary.replace(kept)
    return words


ARRAY_OF_2, ARRAY_OF_3 = cbor_head(4, 2), cbor_head(4, 3)


def _merged_entries(parts: list[tuple[int, Entries]]) -> tuple[int, list[bytes]]:
    """One word's (or variant's) entries from each shard (offset, entries), oldest first, as one list:
    (count, encoded parts)."""
    count, encoded, previous = 0, [], 0
    for offset, (n, first, last, first_tail, rest) in parts:
        if n:
            encoded += [ARRAY_OF_3, cbor_head(0, first + offset - previous), first_tail, rest]
            count, previous = count + n, last + offset
    return count, encoded


def _merged_words(shards: list[Shard], lang: str) -> Iterator[tuple[str, int, list[bytes]]]:
    """Every word of every shard once, in order, as (word, locations, its encoded entry in pieces): its pages
    (and each variant's) in page order."""
    encoded = [_encoded_words(shard, lang) for shard in shards]
    streams = [[(word, i) for word in sorted(words)] for i, words in enumerate(encoded)]
    for word, group in groupby(heapq.merge(*streams), key=itemgetter(0)):
        size = 0
        pages: list[tuple[int, Entries]] = []
        variants: dict[str, list[tuple[int, Entries]]] = {}
        for _, i in group:
            found, offset = encoded[i][word], shards[i].offset
            size += found[0]
            pages.append((offset, found[1]))
            for variant, shard_entries in found[2].items():
                variants.setdefault(variant, []).append((offset, shard_entries))
        count, encoded_pages = _merged_entries(pages)
        parts = [ARRAY_OF_3, _text_item(word), cbor_head(4, count), *encoded_pages, cbor_head(4, len(variants))]
        for variant in sorted(variants):
            count, encoded_pages = _merged_entries(variants[variant])
            parts += [ARRAY_OF_2, _text_item(variant), cbor_head(4, count), *encoded_pages]
        yield word, size, parts


def _text_item(text: str) -> bytes:
    raw = text.encode("utf-8")
    return cbor_head(3, len(raw)) + raw


def _chunks(words: Iterator[tuple[str, int, list[bytes]]]) -> Iterator[tuple[str, str, list[bytes]]]:
    """Words cut into chunks as Pagefind cuts them (once a chunk holds CHUNK_SIZE locations),
    as (first word, last word, the chunk's payload in pieces)."""
    chunk: list[tuple[str, int, list[bytes]]] = []
    size = 0
    for word in words:
        chunk.append(word)
        size += word[1]
        if size >= CHUNK_SIZE:
            yield _chunk(chunk)
            chunk, size = [], 0
    if chunk:
        yield _chunk(chunk)


def _chunk(words: list[tuple[str, int, list[bytes]]]) -> tuple[str, str, list[bytes]]:
    pieces = [cbor_head(4, 1), cbor_head(4, len(words))]
    for _, _, encoded in words:
        pieces += encoded
    return words[0][0], words[-1][0], pieces


def _chunk_bounds(chunks: list[list[str]]) -> None:
    """Shorten neighbouring chunks' last and first words to the prefixes that tell them apart (as Pagefind does)."""
    for before, after in zip(chunks, chunks[1:], strict=False):
        common = len(os.path.commonprefix([before[1], after[0]]))
        before[1], after[0] = before[1][: common + 1], after[0][: common + 1]


# --- filters and sorts ---


def _merged_filters(shards: list[Shard]) -> list[tuple[str, list[Any]]]:
    merged: dict[str, dict[str, list[int]]] = {}
    for shard in shards:
        for _, file in shard.meta[3]:
            filter_name, values = cbor_loads(read_payload(shard.bundle / "filter" / f"{file}.pf_filter"))
            for value, pages in values:
                merged.setdefault(filter_name, {}).setdefault(value, []).extend(p + shard.offset for p in pages)
    return [(name, [[value, merged[name][value]] for value in sorted(merged[name])]) for name in sorted(merged)]


def _merged_sorts(shards: list[Shard], lang: str) -> list[Any]:
    """Each sort key's pages in order of their values across shards (equal values: page order, as Pagefind)."""
    values = [json.loads((shard.bundle / SORT_VALUES).read_text()) for shard in shards]
    sorts = []
    for key in sorted({key for shard in shards for key, _ in shard.meta[4]}):
        streams = []
        for shard, shard_values in zip(shards, values, strict=True):
            order: list[int] = next((pages for name, pages in shard.meta[4] if name == key), [])
            shard_values = shard_values.get(lang, {}).get(key, [])
            if len(shard_values) != len(order):
                raise MergeError(f"{shard.bundle}: {len(order)} pages sorted by {key}, {len(shard_values)} values")
            streams.append([(value, page + shard.offset) for value, page in zip(shard_values, order, strict=True)])
        numeric = all(_is_number(value) for stream in streams for value, _ in stream)
        merged = heapq.merge(*streams, key=(lambda item: float(item[0])) if numeric else (lambda item: item[0]))
        sorts.append([key, [page for _, page in merged]])
    return sorts


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def sort_values(bundle: Path) -> dict[str, dict[str, list[str]]]:
    """For each language and sort key of a freshly built shard bundle, every sorted page's value, in sort order."""
    entry = _entry(bundle)
    found: dict[str, dict[str, list[str]]] = {}
    for lang, info in sorted(entry["languages"].items()):
        meta = _meta(bundle, info["hash"])
        for key, order in meta[4]:
            column = []
            for page in order:
                data = json.loads(read_payload(bundle / "fragment" / f"{meta[1][page][0]}.pf_fragment"))
                value = data.get("meta", {}).get(f"sort{key}")
                if value is None:
                    raise MergeError(f"{bundle}: a page sorted by {key} has no sort{key} metadata ({data.get('url')})")
                column.append(value)
            found.setdefault(lang, {})[key] = column
    return found


def _write(path: Path, payload: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_payload(path, payload, level=3)  # an edit rewrites many chunks: 2.2 times faster than 6, 4.6% larger than 9
    return path


def _write_all(pending: Pending, known: Segments, used: Segments) -> None:
    """Compress and write the files, COMPRESSING_JOBS at a time (zlib lets other threads run while it works)."""
    with ThreadPoolExecutor(COMPRESSING_JOBS) as pool:
        list(pool.map(lambda item: item[0].write_bytes(gzipped(item[1], known, used)), pending))


def earlier_segments(folders: list[Path]) -> Segments:
    """The deflated segments kept by earlier merges (in their folders)."""
    known: Segments = {}
    for folder in folders:
        if (folder / SEGMENTS).is_file():
            known.update(marshal.loads((folder / SEGMENTS).read_bytes()))
    return known
