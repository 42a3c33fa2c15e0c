"""Segmented gzip: valid gzip of Pagefind's prefix and the payload, the same bytes whatever was known."""

from __future__ import annotations

import gzip
import random

from pressarchive.pagefind_canon import MAGIC
from pressarchive.pagefind_gzip import SEGMENT_BYTES, Segments, gzipped, segments


def pieces_of(seed: int) -> list[bytes]:
    rng = random.Random(seed)
    words = [b"minister", b"briefing", b"trade", b"\x83\x01\x02", b"\x00" * 40]
    return [b"".join(rng.choice(words) for _ in range(rng.randint(0, 900))) for _ in range(60)]


def test_the_file_is_gzip_of_the_prefix_and_the_pieces() -> None:
    pieces = pieces_of(1)
    data = gzipped(pieces, {}, {})
    assert gzip.decompress(data) == MAGIC + b"".join(pieces)
    assert data[:10] == gzip.compress(b"", 3, mtime=0)[:9] + b"\xff"  # Pagefind's header: no name, mtime 0


def test_known_segments_give_the_same_bytes_and_only_new_ones_are_deflated() -> None:
    before, after = pieces_of(2), pieces_of(2)
    after[30] += b"edited"
    used: Segments = {}
    first = gzipped(before, {}, used)
    reused: Segments = {}
    second = gzipped(after, used, reused)
    assert second == gzipped(after, {}, {})  # byte-identical to compressing from scratch
    assert gzip.decompress(second) == MAGIC + b"".join(after)
    assert first != second
    assert len(set(reused) - set(used)) == 1  # the edited segment only: the others were taken as they were


def test_segments_end_with_a_piece_and_hold_at_least_segment_bytes() -> None:
    pieces = pieces_of(3)
    cut = list(segments(pieces))
    assert b"".join(cut) == MAGIC + b"".join(pieces)
    assert all(len(segment) >= SEGMENT_BYTES for segment in cut[:-1])


def test_an_empty_payload_is_still_a_valid_file() -> None:
    assert gzip.decompress(gzipped([], {}, {})) == MAGIC
