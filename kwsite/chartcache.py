"""A digest-keyed cache of drawn charts (their SVG) and other downloads (workbooks),
so unchanged ones are not made again.

Usage::

    cache = ChartCache(Path(".kwsite-cache"))
    svg = cache.get_or_render(KINDS["indicator"].inputs((ind, table, label)),
                              lambda: indicator_svg(ind, table, label))

The digest covers the inputs, the matplotlib version and
:data:`kwsite.charts.CHART_STYLE_VERSION`; a changed value, a matplotlib
upgrade or a style change gives a new digest. All entries live in one SQLite
database in the cache directory (:data:`DB_NAME`, stdlib :mod:`sqlite3`, WAL
journal): a table of (kind, digest) → bytes and the day the entry was last used.
Creating a file costs about 0,5 ms of system time here, so one file per entry
(2,717 in an empty-cache build of the 40-college corpus) was about 1,3 s;
a warm build opened, read and touched each one. Now a build's new entries are
written in one transaction (:meth:`ChartCache.prune` at the end of the build, or
at exit), and the entries it used are marked in one batched ``UPDATE``
(only those not yet marked today). Every process has one connection per cache
directory (:func:`_store`); ``kwsite serve`` and ``kwsite build`` on one site may
run at once (WAL, a busy timeout of :data:`BUSY_SECONDS`); chart workers
(:mod:`kwsite.chartpool`) never touch the cache, the building process stores what
they drew. An interrupted build leaves the database as it was (its
transaction is not committed). A corrupt or foreign database file is reported
once as a warning and replaced by an empty one; the build goes on.
A chart's text part (alt text, data table) is not stored: it is computed from
the data without drawing (:mod:`kwsite.charts.jobs`; under ``serve`` once per
session). At the end of a build :meth:`ChartCache.prune` deletes the entries no
build used for :data:`KEEP_DAYS` days, removes the one-file-per-entry files of
the previous format, and closes the database (its WAL folded back in, so a CI
cache of the folder holds one consistent file).
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from importlib.metadata import version

from pydantic import BaseModel

from .charts import CHART_STYLE_VERSION

_MATPLOTLIB = version("matplotlib")
"""Read from the installed package's metadata: a build whose charts all come from the cache
does not import matplotlib."""

CACHE_FORMAT = 3
"""The database's ``user_version``: a database of another format is emptied (not reported), as a
changed digest would. 3: one SQLite database; 2 and before: one JSON or xlsx file per entry."""
KEEP_DAYS = 14
"""An entry no build has used for this many days is removed by :meth:`ChartCache.prune` (every use
marks the entry with the day, so only entries of old data, styles or versions go)."""
DB_NAME = "kwsite-cache.sqlite3"
"""The database in the cache directory (with ``-wal`` and ``-shm`` beside it while open)."""
APPLICATION_ID = 0x6B777363
"""The database's ``application_id`` (``"kwsc"``): another SQLite file under :data:`DB_NAME` is foreign."""
BUSY_SECONDS = 30.0
"""How long a write waits for another process's transaction (``serve`` and ``build`` at once)."""
FLUSH_BYTES = 32 * 1024 * 1024
"""New entries are kept in memory until the end of the build, or until they hold this many bytes."""
ENTRY = re.compile(r"(?:[0-9a-f]{64}\.(?:json|xlsx)|\.[0-9a-f]{1,12}-\w+\.tmp)")
"""The only file names :meth:`ChartCache.prune` may remove: the entries of the previous format,
one file each (digest and suffix), and the temporary files of their interrupted writes."""
SVG = "svg"
"""The kind of a chart's entry; other downloads are kept under their suffix (``".xlsx"``)."""

log = logging.getLogger("mkdocs.plugins.kwsite.chartcache")
"""Warnings go through MkDocs' logger, so ``--strict`` counts them."""


POSITION_ONLY = {"Row": frozenset({"line"}), "TableData": frozenset({"path"})}
"""Dataclass fields left out of a chart's inputs: where a row or table sits in its file. A chart
never shows them (``tests/test_chart_kinds.py``), and an edit above a row must not redraw it."""


def _canonical(part: object, memo: dict | None = None) -> object:
    """JSON-able form of one chart input: a model (all its fields), a dataclass such as a table or
    row (all fields but :data:`POSITION_ONLY`), a decimal as printed, a tuple, text or ``None``.
    ``memo``: models and dataclasses done before in this build, by identity (the same table's
    description and total row are inputs of each of its forty college charts)."""
    kind = type(part)
    if kind in _SCALARS or part is None:  # most parts: the texts and numbers inside the others
        return part
    if kind is Decimal:
        return {"decimal": str(part)}
    if memo is not None and (isinstance(part, BaseModel) or dataclasses.is_dataclass(part)):
        known = memo.get(id(part))
        if known is not None and known[0] is part:
            return known[1]
        out = _fresh(part, memo)
        memo[id(part)] = (part, out)  # the part is kept, so its id is not another's during the build
        return out
    return _fresh(part, memo)


_SCALARS = frozenset({str, int, float, bool})


@functools.cache
def _fields(kind: type) -> tuple[str, ...]:
    """The names of a dataclass's fields that are chart inputs (all but :data:`POSITION_ONLY`)."""
    skip = POSITION_ONLY.get(kind.__name__, frozenset())
    return tuple(f.name for f in dataclasses.fields(kind) if f.name not in skip)


def _fresh(part: object, memo: dict | None) -> object:
    if isinstance(part, BaseModel):
        return {type(part).__name__: part.model_dump(mode="json")}
    if dataclasses.is_dataclass(part) and not isinstance(part, type):
        return {type(part).__name__: {name: _canonical(getattr(part, name), memo) for name in _fields(type(part))}}
    if isinstance(part, Decimal):
        return {"decimal": str(part)}
    if isinstance(part, (tuple, list)):
        return [_canonical(p, memo) for p in part]
    if isinstance(part, dict):
        return {"dict": [[_canonical(k, memo), _canonical(v, memo)] for k, v in part.items()]}
    if part is None or isinstance(part, (str, int, float, bool)):
        return part
    raise TypeError(f"geen grafiekinvoer: {type(part).__name__}")


def chart_inputs(*parts: object, memo: dict | None = None) -> str:
    """Canonical JSON of everything a chart depends on.

    ``parts`` are models (``model_dump(mode="json")``), dataclasses such as tables and rows (every
    field but :data:`POSITION_ONLY`: line numbers and paths), tuples of these, decimals, strings
    such as the total label or a chart kind, or ``None``. Decimals keep their printed precision
    (``"6.70"`` ≠ ``"6.7"``), as the chart does. :class:`kwsite.charts.kinds.ChartKind` passes the
    kind and exactly the arguments of its text and drawing functions.
    """
    return json.dumps([_canonical(p, memo) for p in parts], sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class ChartCache:
    """SVGs by digest, in memory and (when ``directory`` is given) in the directory's database.

    ``hits`` and ``misses`` count :meth:`get` lookups. Every instance for one directory shares the
    process's connection (:func:`_store`), so a workbook stored through one is read through another.
    """

    def __init__(self, directory: Path | str | None = None, memory: dict[str, str] | None = None) -> None:
        """``memory``: a digest → SVG map to share with later builds (a ``serve`` session)."""
        self.directory = Path(directory) if directory is not None else None
        self.hits = 0
        self.misses = 0
        self._memory: dict[str, str] = {} if memory is None else memory

    @staticmethod
    def digest(key_inputs: str) -> str:
        """sha256 hex of the inputs, the matplotlib version and the chart style version."""
        salt = json.dumps([key_inputs, _MATPLOTLIB, CHART_STYLE_VERSION], ensure_ascii=False)
        return hashlib.sha256(salt.encode("utf-8")).hexdigest()

    def get(self, digest: str) -> str | None:
        """The SVG stored under ``digest`` (memory first, then disk), or ``None`` (counted as a miss)."""
        svg = self._memory.get(digest)
        if svg is None and self.directory is not None:
            data = _store(self.directory).get(SVG, digest)
            svg = None if data is None else _text(data)
        if svg is None:
            self.misses += 1
            return None
        self.hits += 1
        self._memory[digest] = svg
        return svg

    def put(self, digest: str, svg: str) -> None:
        """Keep ``svg`` in memory and store it (written with the build's other new entries)."""
        self._memory[digest] = svg
        if self.directory is not None:
            _store(self.directory).put(SVG, digest, svg.encode("utf-8"))

    def get_or_render(self, key_inputs: str, render: Callable[[], str]) -> str:
        """The cached SVG for ``key_inputs``, or ``render()``'s result, stored."""
        digest = self.digest(key_inputs)
        svg = self.get(digest)
        if svg is None:
            svg = render()
            self.put(digest, svg)
        return svg

    def get_file(self, digest: str, suffix: str) -> bytes | None:
        """The bytes of another download kept beside the charts under ``digest`` and ``suffix``
        (e.g. a workbook, ``".xlsx"``: :func:`kwsite.spreadsheet.workbook_bytes`), or ``None``; not
        kept in memory."""
        return None if self.directory is None else _store(self.directory).get(suffix, digest)

    def put_file(self, digest: str, suffix: str, data: bytes) -> None:
        """Store ``data`` under ``digest`` and ``suffix`` (nothing without a directory)."""
        if self.directory is not None:
            _store(self.directory).put(suffix, digest, bytes(data))

    def flush(self) -> None:
        """Write the new entries and the marks of the used ones now, in one transaction."""
        if self.directory is not None:
            _store(self.directory).flush()

    def close(self) -> None:
        """:meth:`flush` and close this process's connection (its WAL folded into the database);
        a later use opens it again."""
        if self.directory is not None:
            _store(self.directory).close()

    def prune(self, keep_days: float = KEEP_DAYS, now: float | None = None) -> int:
        """At the end of a build: write what the build made and used (:meth:`flush`), delete the
        entries no build used for ``keep_days`` days, remove the files of the previous format
        (:data:`ENTRY` names only, directly in the cache directory, no links followed, nothing else;
        whatever their age: this format never reads them) and :meth:`close`. Returns how many entries
        and files went; 0 without a directory."""
        if self.directory is None:
            return 0
        store = _store(self.directory)
        removed = store.prune(keep_days, time.time() if now is None else now)
        removed += _remove_old_files(self.directory)
        store.close()
        return removed


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _day(now: float | None = None) -> int:
    """Days since 1970 (UTC): an entry's last use is marked by the day."""
    return int((time.time() if now is None else now) // 86400)


def _remove_old_files(directory: Path) -> int:
    """Remove the entries of format 2 and before (one file each, :data:`ENTRY`) directly in
    ``directory``; links, folders and other names stay. Returns how many went."""
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for entry in entries:
        try:
            if ENTRY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB} if hasattr(sqlite3, "SQLITE_CORRUPT") else {11, 26}


class _Foreign(Exception):
    """The file under :data:`DB_NAME` is an SQLite database, but not a kwsite cache."""


class _Store:
    """One cache directory's database for this process: new entries wait in ``pending`` and the
    used ones in ``used`` until :meth:`flush`, one transaction. Thread-safe (one lock)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / DB_NAME
        self.lock = threading.RLock()
        self.db: sqlite3.Connection | None = None
        self.off = False
        """True after an error this build: the cache is memory-only until :meth:`close`."""
        self.warned = False
        self.pending: dict[tuple[str, str], bytes] = {}
        self.pending_bytes = 0
        self.used: set[tuple[str, str]] = set()

    def get(self, kind: str, digest: str) -> bytes | None:
        with self.lock:
            data = self.pending.get((kind, digest))
            if data is not None:
                return data
            db = self._connect()
            if db is None:
                return None
            try:
                row = db.execute(
                    "SELECT data, used FROM entries WHERE kind = ? AND digest = ?", (kind, digest)
                ).fetchone()
            except sqlite3.Error as exc:
                self._failed(exc)
                return None
            if row is None:
                return None
            if row[1] < _day():
                self.used.add((kind, digest))
            return bytes(row[0])

    def put(self, kind: str, digest: str, data: bytes) -> None:
        with self.lock:
            if self.off:
                return
            self.pending[(kind, digest)] = data
            self.pending_bytes += len(data)
            if self.pending_bytes > FLUSH_BYTES:
                self.flush()

    def flush(self) -> None:
        with self.lock:
            pending, used = self.pending, self.used
            self.pending, self.used, self.pending_bytes = {}, set(), 0
            if not pending and not used:
                return
            db = self._connect()
            if db is None:
                return
            today = _day()
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    db.executemany(
                        "INSERT OR REPLACE INTO entries (kind, digest, data, used) VALUES (?, ?, ?, ?)",
                        [(kind, digest, data, today) for (kind, digest), data in pending.items()],
                    )
                    db.executemany(
                        "UPDATE entries SET used = ? WHERE kind = ? AND digest = ? AND used < ?",
                        [(today, kind, digest, today) for kind, digest in used],
                    )
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                self._failed(exc)

    def prune(self, keep_days: float, now: float) -> int:
        with self.lock:
            self.flush()
            db = self._connect()
            if db is None:
                return 0
            try:
                return db.execute("DELETE FROM entries WHERE used < ?", (_day(now - keep_days * 86400),)).rowcount
            except sqlite3.Error as exc:
                self._failed(exc)
                return 0

    def close(self) -> None:
        with self.lock:
            self.flush()
            db, self.db, self.off, self.warned = self.db, None, False, False
            if db is not None:
                try:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                except sqlite3.Error:
                    pass  # another process is reading: its close folds the WAL in
                db.close()  # the last connection to close removes the -wal and -shm files

    def _connect(self) -> sqlite3.Connection | None:
        if self.db is None and not self.off:
            try:
                self.db = self._open()
            except (_Foreign, sqlite3.Error, OSError) as exc:
                self._failed(exc)
        return self.db

    def _open(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            if not self._ours(db):
                db.execute("BEGIN IMMEDIATE")  # one process sets it up; another waits, then finds it done
                try:
                    if not self._ours(db):
                        db.execute("DROP TABLE IF EXISTS entries")
                        db.execute(
                            "CREATE TABLE entries (kind TEXT NOT NULL, digest TEXT NOT NULL, data BLOB NOT NULL,"
                            " used INTEGER NOT NULL, PRIMARY KEY (kind, digest))"
                        )
                        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                        db.execute(f"PRAGMA user_version = {CACHE_FORMAT}")
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
            db.execute("PRAGMA journal_mode = WAL")
            db.execute(
                "PRAGMA synchronous = NORMAL"
            )  # a cache: a power cut may lose the last build's entries, never the file
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _ours(db: sqlite3.Connection) -> bool:
        """Whether ``db`` is a cache of this format; raises :class:`_Foreign` for another database."""
        app = db.execute("PRAGMA application_id").fetchone()[0]
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        if app != APPLICATION_ID and (app != 0 or tables):
            raise _Foreign("geen kwsite-cache")
        return app == APPLICATION_ID and db.execute("PRAGMA user_version").fetchone()[0] == CACHE_FORMAT

    def _failed(self, exc: BaseException) -> None:
        """One warning per build, then: a corrupt or foreign database is removed and an empty one
        started; any other error (locked too long, disk full, no write permission) leaves the cache
        memory-only for the rest of this build. New entries not yet written are dropped."""
        corrupt = isinstance(exc, _Foreign) or _code(exc) in _CORRUPT
        if not self.warned:
            self.warned = True
            if corrupt:
                log.warning(
                    f"kwsite: de grafiekcache {self.path} is beschadigd of geen kwsite-cache ({exc}); "
                    "hij wordt vervangen door een lege en de grafieken worden opnieuw getekend"
                )
            else:
                log.warning(
                    f"kwsite: de grafiekcache {self.path} is niet te gebruiken ({exc}); de build gaat door zonder"
                )
        self.pending, self.used, self.pending_bytes = {}, set(), 0
        db, self.db = self.db, None
        if db is not None:
            try:
                db.close()
            except sqlite3.Error:
                pass
        self.off = True
        if not corrupt:
            return
        for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal"):
            try:
                os.unlink(self.directory / name)  # a link is removed, not followed
            except FileNotFoundError:
                pass
            except OSError:
                return  # stays memory-only
        try:
            self.db, self.off = self._open(), False
        except (_Foreign, sqlite3.Error, OSError):
            pass  # stays memory-only


def _code(exc: BaseException) -> int:
    """The primary SQLite result code of ``exc`` (0 when unknown)."""
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


_STORES: dict[tuple[int, str], _Store] = {}
_STORES_LOCK = threading.Lock()


def _store(directory: Path) -> _Store:
    """This process's store of ``directory`` (a child process opens its own connection)."""
    key = (os.getpid(), os.path.abspath(directory))
    store = _STORES.get(key)
    if store is None:
        with _STORES_LOCK:
            store = _STORES.setdefault(key, _Store(Path(key[1])))
    return store


@atexit.register
def close_all() -> None:
    """Write and close every store of this process (at exit: a ``kwsite pdf`` or a failed build
    that never reached :meth:`ChartCache.prune`)."""
    pid = os.getpid()
    for (owner, _), store in list(_STORES.items()):
        if owner == pid:
            store.close()
