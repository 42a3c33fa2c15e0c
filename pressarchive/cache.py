"""The build cache: what one build learned that the next can reuse, in one SQLite file.

It lives outside the output folder (default `.cache/pressarchive.sqlite`, gitignored);
deleting it only makes the next build slower. It keeps:

* records: each content file's validated record, keyed by its path and stamp (size,
  mtime, ctime, inode: stamps.py), so an unchanged file is neither read nor parsed
  again (a record is reused only while the bodies it needs are cached too; a file
  that was racy when recorded is reused only if its bytes still have the digest kept);
* bodies: each Markdown body's HTML and excerpt, keyed by the body's SHA-256;
* trees: what each output folder holds (path -> key, size, mtime), so a rebuild
  writes only the files whose bytes change (see write.py);
* templates: Jinja's compiled templates;
* coverage: each briefing's coverage analysis, by the digest of its transcripts and articles;
* state: the last successful build (last_build.py), so a rebuild with nothing
  changed stops at once;
* search/: beside the file, the search index's finished shards (search.py).

Every entry belongs to one CODE_VERSION (this package's source and its libraries'
versions): another version of the tool starts from an empty cache. The file holds
pickles, so it is trusted like the code beside it; keep it out of shared folders. A
file that is not what this version wrote (other tables, entries that do not unpickle
to what they should) is emptied with a warning, and the build goes on without it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import json
import marshal
import pickle
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .load import ContentFile
from .model import AboutPage, Article, Briefing, SiteInfo, Source, Transcript
from .stamps import Stamp, Written, content_digest

PACKAGE = Path(__file__).resolve().parent
# The libraries whose code shapes what the cache holds (rendered bodies, templates, alignments).
LIBRARIES = {  # module -> distribution, as its dist-info folder spells it
    "jinja2": "jinja2",
    "markdown_it": "markdown_it_py",
    "markupsafe": "markupsafe",
    "yaml": "pyyaml",
    "rapidfuzz": "rapidfuzz",
    "sentencex": "sentencex",
    "opencc": "opencc",
    "langcodes": "langcodes",
    # The search index's shards: requirements.txt installs the extended binary, which segments Chinese and
    # Japanese; without it (the standard one alone), the name stands without a version and every page is
    # indexed again.
    "pagefind_bin_extended": "pagefind_bin_extended",
}
Method = TypeVar("Method", bound=Callable[..., Any])
Row = TypeVar("Row")


def _code_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update("\n".join(_installed(LIBRARIES)).encode())
    return digest.hexdigest()


def _installed(libraries: dict[str, str]) -> list[str]:
    """Each library's installed distribution, as its dist-info folder names it ("jinja2-3.1.6.dist-info"):
    its version, read without importing it or importlib.metadata (a no-op build needs neither)."""
    found = []
    for module, distribution in libraries.items():
        spec = importlib.util.find_spec(module)
        folder = Path(spec.origin).parent.parent if spec and spec.origin else None
        names = _folder_names(folder) if folder else ()
        wanted = distribution + "-"
        found += [n for n in names if n.casefold().startswith(wanted) and n.endswith(".dist-info")] or [module]
    return found


@functools.lru_cache(maxsize=4)
def _folder_names(folder: Path) -> tuple[str, ...]:
    return tuple(sorted(p.name for p in folder.iterdir()))


CODE_VERSION = _code_version()
RECORD_TYPES = (SiteInfo, AboutPage, Source, Briefing, Transcript, Article)

_TABLES = ("records", "bodies", "trees", "state", "templates", "coverage")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS records (path TEXT PRIMARY KEY, stamp BLOB, racy_digest TEXT, bodies TEXT, record BLOB);
CREATE TABLE IF NOT EXISTS bodies (key TEXT PRIMARY KEY, html TEXT, excerpt TEXT);
CREATE TABLE IF NOT EXISTS trees (folder TEXT PRIMARY KEY, manifest BLOB);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB);
CREATE TABLE IF NOT EXISTS templates (key TEXT PRIMARY KEY, code BLOB);
CREATE TABLE IF NOT EXISTS coverage (key TEXT PRIMARY KEY, value BLOB);
"""


def _tolerant(default: Callable[[], Any], writes: bool = False) -> Callable[[Method], Method]:
    """A cache that fails mid-build (locked by another build, disk full) is dropped: it only costs time.

    The file is created by the first write, so a build that fails on its content leaves none.
    """

    def wrap(method: Method) -> Method:
        @functools.wraps(method)
        def call(self: BuildCache, *args: Any) -> Any:
            if writes and self.read_only:
                return default()
            if self.db is None and self.enabled:
                self.connect(create=writes)
            if self.db is None:
                return default()
            try:
                return method(self, *args)
            except sqlite3.Error:
                if writes:  # a full disk, say: what the cache holds can still be read
                    self.read_only = True
                else:
                    self.close()
                    self.path = None
                return default()

        return call  # type: ignore[return-value]

    return wrap


def _none() -> None:
    return None


@dataclass(frozen=True)
class CachedFile:
    """What the cache knows of a content file: its stamp then (and digest if racy), the bodies its record needs, the record."""

    stamp: Stamp
    racy_digest: str
    bodies: frozenset[str]
    blob: bytes

    def current(self, file: ContentFile) -> bool:
        """True if ``file`` is still the file this record was made from."""
        if file.stamp != self.stamp:
            return False
        return not self.racy_digest or self.racy_digest == (file.racy_digest or content_digest(file.path))


class BuildCache:
    """The cache file, or nothing at all (``BuildCache(None)``: --no-cache, or an unusable file)."""

    def __init__(self, path: Path | None, warn: Callable[[str], None] = lambda _: None):
        self.path = path
        self.warn = warn
        self.discarded = False  # emptied for holding what this version cannot read
        self.settled: list[str] = []  # records reused that were racy when cached and no longer are
        self.read_only = False
        self.db: sqlite3.Connection | None = None
        self.connect(create=False)

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def connect(self, create: bool) -> None:
        if self.path is None or not (create or self.path.exists()):
            return
        self.db = _open(self.path, self.warn)
        if self.db is None:
            self.path = None  # unusable: build without it

    @property
    def _db(self) -> sqlite3.Connection:
        assert self.db is not None  # checked by _tolerant
        return self.db

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None

    def __enter__(self) -> BuildCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def forget_connection(self) -> None:
        """In a forked child: a SQLite connection must not cross a fork, so connect again on the next read."""
        self.db = None

    def folder(self, name: str) -> Path | None:
        """A folder beside the cache file for finished files (search shards); None without a cache."""
        return None if self.path is None else self.path.parent / name

    # Records ---------------------------------------------------------------

    @_tolerant(dict)
    def records(self) -> dict[str, CachedFile]:
        """Every cached record by path, still pickled: unpickle only the ones still current."""
        rows = self._db.execute("SELECT path, stamp, racy_digest, bodies, record FROM records")
        return {
            path: CachedFile(Stamp(*json.loads(stamp)), racy, frozenset(bodies.split()), blob)
            for path, stamp, racy, bodies, blob in rows
        }

    def reusable_records(self) -> Callable[[ContentFile], Any]:
        """For the load stage: the record of a file unchanged since it was cached, if its bodies are cached too."""
        rows = self.records()
        rendered = self.body_keys() if rows else set()

        def reuse(file: ContentFile) -> Any:
            row = rows.get(str(file.path))
            if row is None or not row.current(file) or not row.bodies <= rendered:
                return None
            record = self.load_record(row.blob, file.path)
            if not isinstance(record, RECORD_TYPES):
                return self.discard("a record")
            if row.racy_digest and not file.racy_digest:
                self.settled.append(str(file.path))
            return record

        return reuse

    @_tolerant(_none, writes=True)
    def put_records(self, rows: Iterable[tuple[ContentFile, Iterable[str], Any]], keep: set[str]) -> None:
        """Store new records (the file they came from, body keys, record); forget files no longer in ``keep``."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?)",
                [
                    (str(file.path), json.dumps(tuple(file.stamp)), file.racy_digest, " ".join(keys), _dump(record))
                    for file, keys, record in rows
                ],
            )
            gone = [(path,) for (path,) in self._db.execute("SELECT path FROM records") if path not in keep]
            self._db.executemany("DELETE FROM records WHERE path = ?", gone)
            # Racy when cached, its bytes checked again by this build and its stamp now old enough to
            # prove it: from now on the stamp alone (else every build would read the file again).
            self._db.executemany("UPDATE records SET racy_digest = '' WHERE path = ?", [(p,) for p in self.settled])
        self.settled.clear()

    @staticmethod
    def load_record(blob: bytes, src_path: Path) -> Any:
        """A record from ``records()``, its ``src_path`` the caller's own Path (rebuilding Paths is slow); None if unreadable."""
        unpickler = pickle.Unpickler(io.BytesIO(blob))
        unpickler.persistent_load = lambda _: src_path  # type: ignore[method-assign]
        try:
            return unpickler.load()
        except Exception:  # noqa: BLE001 - any bytes may be in the file: all that matters is that they are unusable
            return None

    def discard(self, what: str) -> None:
        """Empty a cache found holding something this version did not write, and say so (once)."""
        if self.path is not None and self.db is not None and not self.discarded:
            self.discarded = True
            self.warn(f"the build cache {self.path} held {what} it cannot read; emptied it (this build takes longer)")
            self._empty()

    @_tolerant(_none, writes=True)
    def _empty(self) -> None:
        """Every pickled entry dropped; bodies (plain text) stay: records this build reused need theirs."""
        with self._db:
            for table in _TABLES:
                if table != "bodies":
                    self._db.execute(f"DELETE FROM {table}")

    def _loads(self, value: bytes | None, kind: type, what: str) -> Any:
        """An entry unpickled, or None if there is none or it is not a ``kind`` (the cache is then emptied)."""
        if value is None:
            return None
        try:
            loaded = pickle.loads(value)
        except Exception:  # noqa: BLE001 - any bytes may be in the file
            loaded = None
        return loaded if isinstance(loaded, kind) else self.discard(what)

    # Markdown bodies -------------------------------------------------------

    @_tolerant(dict)
    def bodies(self, keys: list[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for key, html, excerpt in self._db.execute(f"SELECT * FROM bodies WHERE key IN ({marks})", chunk):
                found[key] = (html, excerpt)
        return found

    @_tolerant(set)
    def body_keys(self) -> set[str]:
        return {key for (key,) in self._db.execute("SELECT key FROM bodies")}

    @_tolerant(_none, writes=True)
    def keep_bodies(self, keys: set[str]) -> None:
        gone = [(key,) for key in self.body_keys() if key not in keys]
        with self._db:
            self._db.executemany("DELETE FROM bodies WHERE key = ?", gone)

    @_tolerant(bool, writes=True)
    def put_bodies(self, rows: dict[str, tuple[str, str]]) -> bool:
        """Store rendered bodies; False if they could not be stored."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO bodies VALUES (?, ?, ?)", [(k, *v) for k, v in rows.items()])
        return True

    # Output folders and build state ------------------------------------------

    def manifest(self, folder: str) -> dict[str, Written]:
        """What the output folder with this identity held when last written: path -> as written.

        Stored as plain tuples with marshal: a rebuild reads two manifests of every file of the site,
        and unpickling 28,000 objects took 0.14 s each (marshal and the tuples, 0.05 s)."""
        return self._manifest_rows(folder, lambda key, stamp: Written(key, Stamp(*stamp)))

    def manifest_stamps(self, folder: str) -> dict[str, tuple[int, ...]]:
        """The stamps alone of ``manifest(folder)``, as the plain tuples stored (equal to their Stamps):
        what a build with nothing to do compares with the folder, without making 15,000 objects twice."""
        return self._manifest_rows(folder, lambda _key, stamp: stamp)

    def _manifest_rows(self, folder: str, row: Callable[[str, tuple[int, ...]], Row]) -> dict[str, Row]:
        """The stored manifest of ``folder``, each path's (key, stamp) made into ``row``; {} if none or unreadable."""
        blob = self._get("trees", "manifest", "folder", folder)
        if blob is None:
            return {}
        try:
            return {path: row(key, stamp) for path, (key, stamp) in marshal.loads(blob).items()}
        except Exception:  # noqa: BLE001 - any bytes may be in the file
            self.discard("a folder's manifest")
            return {}

    def put_manifest(self, folder: str, manifest: dict[str, Written] | None) -> None:
        plain = None if manifest is None else {path: (w.key, tuple(w.stamp)) for path, w in manifest.items()}
        self._put("trees", "folder", folder, None if plain is None else marshal.dumps(plain))

    @_tolerant(_none, writes=True)
    def keep_manifests(self, prefix: str, keep: list[str]) -> None:
        """Forget the manifests of folders under ``prefix`` that are gone (every build retires one)."""
        rows = self._db.execute("SELECT folder FROM trees WHERE substr(folder, 1, ?) = ?", (len(prefix), prefix))
        gone = [(folder,) for (folder,) in rows if folder not in keep]
        with self._db:
            self._db.executemany("DELETE FROM trees WHERE folder = ?", gone)

    def compiled(self, key: str) -> bytes | None:
        """A template compiled by Jinja (its bytecode cache's key covers the template's source)."""
        code = self._get("templates", "code", "key", key)
        return code if isinstance(code, bytes) else None

    def put_compiled(self, key: str, code: bytes) -> None:
        self._put("templates", "key", key, code)

    def coverage(self, key: str) -> Any:
        """A briefing's coverage analysis (coverage.py), by the digest of its transcripts and articles."""
        return self._loads(self._get("coverage", "value", "key", key), object, "a coverage analysis")

    def put_coverage(self, key: str, value: Any) -> None:
        self._put("coverage", "key", key, pickle.dumps(value, protocol=5))

    @_tolerant(_none, writes=True)
    def keep_coverage(self, keys: set[str]) -> None:
        gone = [(key,) for (key,) in self._db.execute("SELECT key FROM coverage") if key not in keys]
        with self._db:
            self._db.executemany("DELETE FROM coverage WHERE key = ?", gone)

    def state(self, name: str) -> Any:
        return self._loads(self._get("state", "value", "name", name), object, "the last build's state")

    def put_state(self, name: str, value: Any) -> None:
        self._put("state", "name", name, None if value is None else pickle.dumps(value, protocol=5))

    @_tolerant(_none)
    def _get(self, table: str, column: str, key_column: str, key: str) -> bytes | None:
        row = self._db.execute(f"SELECT {column} FROM {table} WHERE {key_column} = ?", (key,)).fetchone()
        return row[0] if row else None

    @_tolerant(_none, writes=True)
    def _put(self, table: str, key_column: str, key: str, value: bytes | None) -> None:
        with self._db:
            if value is None:
                self._db.execute(f"DELETE FROM {table} WHERE {key_column} = ?", (key,))
            else:
                self._db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", (key, value))


def _dump(record: Any) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    src_path = getattr(record, "src_path", None)
    if src_path is not None:
        pickler.persistent_id = lambda obj: "src_path" if obj is src_path else None  # type: ignore[method-assign]
    pickler.dump(record)
    return buffer.getvalue()


def _open(path: Path, warn: Callable[[str], None]) -> sqlite3.Connection | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path)
        db.text_factory = _text  # damaged text reads as text, found unusable later, rather than as an error
        # WAL with NORMAL sync: a crash may lose the last build's entries, never corrupt older ones,
        # and a rebuild does not wait for a disk flush after each of its few transactions.
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE name = 'code_version'").fetchone()
        same_version = row is not None and row[0] == CODE_VERSION
        if same_version and not _has_schema(db):
            warn(f"the build cache {path} did not have the tables this version writes; started it again")
        if not same_version or not _has_schema(db):  # another version's tables may have other columns
            with db:
                for table in _TABLES:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('code_version', ?)", (CODE_VERSION,))
        db.executescript(_SCHEMA)
        return db
    except (sqlite3.Error, OSError):
        return None  # an unusable cache only costs time


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _has_schema(db: sqlite3.Connection) -> bool:
    """True if every table exists with exactly the columns _SCHEMA gives it (or none exist yet)."""
    expected = sqlite3.connect(":memory:")
    expected.executescript(_SCHEMA)
    present = [table for table in _TABLES if _columns(db, table)]
    return not present or all(_columns(db, table) == _columns(expected, table) for table in _TABLES)


def _columns(db: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    return [(name, kind) for _, name, kind, *_ in db.execute(f"PRAGMA table_info({table})")]
