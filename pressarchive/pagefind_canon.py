"""Make a Pagefind 1.5.2 bundle byte-identical across runs over the same site.

Why it varies: Pagefind keeps filters in Rust hash maps with random seeds, so three
things come out in a different order on every run:

* each ``filter/<lang>_<hash>.pf_filter`` lists its values in hash-map order;
* each ``pagefind.<lang>_<hash>.pf_meta`` lists its filters (name, file hash) in
  hash-map order, and names the filter files whose hashes change with the above;
* ``pagefind-entry.json`` lists the languages in hash-map order and names each
  language's meta file.

Fragments and word-index chunks are already stable (words are sorted, pages are
numbered in file order), so they are left untouched.

File formats (checked against Pagefind's source and real output):

* ``.pf_filter`` / ``.pf_meta`` / ``.pf_index`` / ``.pf_fragment``: gzip of
  ``b"pagefind_dcd"`` + payload; the payload is CBOR (minicbor: definite lengths,
  shortest integer heads) except fragments, which are JSON. A filter is
  ``[name, [[value, [page, ...]], ...]]``; a meta file is ``[version, pages,
  index_chunks, [[filter_name, filter_hash], ...], sorts, meta_fields]``.
* File names are ``<lang>_`` + the first 7 (meta: 10) characters of the SHA-1 of
  the payload, written with each byte in *unpadded* hex (Rust ``{:x?}``, so 0x0a is
  ``"a"``). We rebuild names the same way, so a canonical name is exactly the name
  Pagefind would give that content.
* gzip header: ``1f 8b 08 00 00000000 02 ff`` (no name, mtime 0, best compression,
  OS unknown), which Python's ``gzip.compress(..., 9, mtime=0)`` also writes. The
  deflate stream itself may differ from flate2's, which the browser's decompressor
  (it inflates any valid gzip) does not care about; hashes use the payload only.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path
from typing import Any

MAGIC = b"pagefind_dcd"


# --- a minimal CBOR codec: just the types Pagefind's filter and meta files use ---


def _decode(data: bytes, i: int) -> tuple[Any, int]:
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        arg = info
    elif info <= 27:  # 1, 2, 4 or 8 byte big-endian argument
        size = 1 << (info - 24)
        arg, i = int.from_bytes(data[i : i + size], "big"), i + size
    else:
        raise ValueError(f"unsupported CBOR item 0x{data[i - 1]:02x} at {i - 1}")
    if major == 0:
        return arg, i
    if major == 1:
        return -1 - arg, i
    if major == 3:
        return data[i : i + arg].decode("utf-8"), i + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    raise ValueError(f"unsupported CBOR major type {major} at {i - 1}")


def cbor_loads(data: bytes) -> Any:
    value, end = _decode(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes after CBOR item")
    return value


def cbor_head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * size):
            return bytes([major << 5 | info]) + arg.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")


def cbor_dumps(value: Any) -> bytes:
    """Encode like minicbor: shortest heads, definite-length arrays and text."""
    if isinstance(value, bool):
        raise TypeError("bool is not used by Pagefind")
    if isinstance(value, int):
        return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return cbor_head(4, len(value)) + b"".join(cbor_dumps(v) for v in value)
    raise TypeError(f"cannot encode {type(value).__name__}")


# --- Pagefind's file conventions ---


def read_payload(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path}: not a Pagefind file")
    return data[len(MAGIC) :]


def write_payload(path: Path, payload: bytes, level: int = 9) -> None:
    # Same header as Pagefind: no file name, mtime 0, XFL 2 (level 9), OS 255. GzipFile,
    # not gzip.compress, which on Python 3.11+ lets zlib write OS 3 (Unix).
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=level, mtime=0) as gz:
        gz.write(MAGIC + payload)
    path.write_bytes(buffer.getvalue())


def pagefind_hash(payload: bytes, length: int) -> str:
    """Pagefind's name hash: SHA-1 hex with each byte unpadded, then a prefix."""
    return "".join(f"{b:x}" for b in hashlib.sha1(payload).digest())[:length]


def _rename(old: Path, new: Path) -> None:
    if old != new:
        if new.exists():  # cannot happen unless two files hash alike
            raise FileExistsError(new)
        old.rename(new)


def canonicalize_bundle(bundle: Path) -> None:
    """Rewrite the Pagefind bundle folder ``bundle`` in place in a run-independent form."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    filter_dir = bundle / "filter"

    # 1. Filters: sort values by value string; new file name from the new content.
    renamed: dict[str, str] = {}  # old "<lang>_<hash>" -> new
    for path in sorted(filter_dir.glob("*.pf_filter")) if filter_dir.is_dir() else []:
        name, values = cbor_loads(read_payload(path))
        values.sort(key=lambda pair: pair[0])
        payload = cbor_dumps([name, values])
        lang, old_hash = path.stem.split("_", 1)
        new_stem = f"{lang}_{pagefind_hash(payload, len(old_hash))}"
        write_payload(path, payload)
        _rename(path, filter_dir / f"{new_stem}.pf_filter")
        renamed[path.stem] = new_stem

    # 2. Meta per language: point at the renamed filters, sort filters and sorts by name.
    for info in entry["languages"].values():
        path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = cbor_loads(read_payload(path))
        meta[3] = sorted([name, renamed.get(h, h)] for name, h in meta[3])
        meta[4] = sorted(meta[4], key=lambda sort: sort[0])  # keep each sort's page order
        payload = cbor_dumps(meta)
        lang, old_hash = info["hash"].split("_", 1)
        info["hash"] = f"{lang}_{pagefind_hash(payload, len(old_hash))}"
        write_payload(path, payload)
        _rename(path, bundle / f"pagefind.{info['hash']}.pf_meta")

    # 3. Entry: languages in sorted order, serialised as serde_json does (compact, UTF-8).
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
