"""Pagefind 1.5.2's word chunks (``index/*.pf_index``) read as bytes, for merging them.

A chunk is ``[[[word, [page entry, ...], [[variant, [page entry, ...]], ...]], ...]]``, a page
entry ``[page, locations, meta locations]`` with the page given as the difference from the entry
before it (the first: from 0), and in the meta locations ``-(i + 1)`` starting the locations in
metadata field ``i``. Reading keeps each entry's locations as the bytes they are and reads only
the page numbers (and the metadata field numbers when they must change), several times faster
than decoding every number and encoding it again. Anything else raises ValueError.
"""

from __future__ import annotations

from collections.abc import Iterator

from .pagefind_canon import cbor_dumps, cbor_head, cbor_loads

# A shard's page entries for one word (or one variant of it), ready to be merged: how many, the first
# and last page (numbered in the shard), the first entry without its page number, the other entries.
Entries = tuple[int, int, int, bytes, bytes]


def scan_chunk(data: bytes, remap: list[int] | None) -> Iterator[tuple[str, tuple[int, Entries, dict[str, Entries]]]]:
    """Each word of the chunk ``data`` (its payload) as (word, (locations, entries, {variant: entries})).
    ``remap``: the new number of each metadata field, or None to keep them."""
    i = _expect_array(data, 0, 1)
    count, i = _arg(data, i)[1:]
    for _ in range(count):
        i = _expect_array(data, i, 3)
        word, i = _text(data, i)
        i, pages, size = _scan_entries(data, i, remap)
        variants: dict[str, Entries] = {}
        _, count_variants, i = _arg(data, i)
        for _ in range(count_variants):
            i = _expect_array(data, i, 2)
            variant, i = _text(data, i)
            i, variants[variant], variant_size = _scan_entries(data, i, remap)
            size += variant_size
        yield word, (size, pages, variants)


def _scan_entries(data: bytes, i: int, remap: list[int] | None) -> tuple[int, Entries, int]:
    """(end, the entries, their locations as Pagefind counts them for chunking)."""
    _, count, i = _arg(data, i)
    if not count:
        return i, (0, 0, 0, b"", b""), 0
    size, page, first, first_tail, rest_start, rest = 0, 0, 0, b"", i, []
    for k in range(count):
        i = _expect_array(data, i, 3)
        major, delta, i = _arg(data, i)
        if major != 0:
            raise ValueError(f"a page number is not a positive integer at byte {i}")
        page += delta
        locations = i
        i, found = _skip_integers(data, i)
        size += found + 1
        meta_locations = i
        i, _ = _skip_integers(data, i)
        tail = (
            data[locations:i]
            if remap is None
            else data[locations:meta_locations] + _remap(data, meta_locations, i, remap)
        )
        if k == 0:
            first, first_tail, rest_start = delta, tail, i
        elif remap is not None:
            rest.append(cbor_head(4, 3) + cbor_dumps(delta) + tail)
    return i, (count, first, page, first_tail, data[rest_start:i] if remap is None else b"".join(rest)), size


def _remap(data: bytes, start: int, end: int, fields: list[int]) -> bytes:
    """Metadata locations with the field numbers of the merged index."""
    return cbor_dumps([-fields[-n - 1] - 1 if n < 0 else n for n in cbor_loads(data[start:end])])


def _arg(data: bytes, i: int) -> tuple[int, int, int]:
    """(major type, argument, where the item's content starts) of the CBOR item at ``i``."""
    head, info = data[i] >> 5, data[i] & 31
    if info < 24:
        return head, info, i + 1
    size = 1 << (info - 24)
    return head, int.from_bytes(data[i + 1 : i + 1 + size], "big"), i + 1 + size


def _expect_array(data: bytes, i: int, length: int) -> int:
    major, found, i = _arg(data, i)
    if major != 4 or found != length:
        raise ValueError(f"expected an array of {length} at byte {i}")
    return i


def _text(data: bytes, i: int) -> tuple[str, int]:
    major, length, i = _arg(data, i)
    if major != 3:
        raise ValueError(f"expected text at byte {i}")
    return data[i : i + length].decode("utf-8"), i + length


def _skip_integers(data: bytes, i: int) -> tuple[int, int]:
    """(end, how many) of the array of integers at ``i``."""
    major, count, i = _arg(data, i)
    if major != 4:
        raise ValueError(f"expected an array at byte {i}")
    for _ in range(count):
        info = data[i] & 31
        i += 1 if info < 24 else 1 + (1 << (info - 24))
    return i, count
