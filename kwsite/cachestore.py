"""The SQLite database behind :class:`kwsite.chartcache.ChartCache`: one per cache directory.

The database (:data:`DB_NAME`, stdlib :mod:`sqlite3`, WAL journal) holds one table of
(kind, digest) → bytes and the day each entry was last used. Creating a file costs about 0,5 ms
of system time on the machine we measure on, so one file per entry (2,717 in an empty-cache build
of the 40-college corpus) was about 1,3 s; a warm build opened, read and touched each one. Here a
build's new entries wait in memory and are written in one transaction (:meth:`Store.flush`, at the
end of the build or at exit, or once :data:`FLUSH_BYTES` wait), and the entries it read are marked
in one batched ``UPDATE`` (only those not yet marked today).

Every process has one connection per directory (:func:`store`; a child process opens its own).
``kwsite serve`` and ``kwsite build`` on one site may run at once: readers never wait (WAL), a
writer waits up to :data:`BUSY_SECONDS` for the other's transaction. Chart workers
(:mod:`kwsite.chartpool`) never touch the cache: the building process stores what they drew. A
build that is interrupted leaves the database as it was (its transaction is not committed). A
corrupt or foreign file is one warning through MkDocs' logger and is replaced by an empty database;
any other error (locked too long, disk full, no permission) is one warning and a memory-only cache
for the rest of the build. :meth:`Store.close` (end of a build, :meth:`kwsite.chartcache.ChartCache.prune`) folds the
WAL back into the database and removes the ``-wal`` and ``-shm`` files, so a CI cache of the folder
holds one consistent file.
"""

from __future__ import annotations

import atexit
import logging
import os
import re
import sqlite3
import threading
import time
from pathlib import Path

CACHE_FORMAT = 3
"""The database's ``user_version``: a database of another format is emptied (not reported), as a
changed digest would. 3: one SQLite database; 2 and before: one JSON or xlsx file per entry."""
DB_NAME = "kwsite-cache.sqlite3"
"""The database in the cache directory (with ``-wal`` and ``-shm`` beside it while open)."""
APPLICATION_ID = 0x6B777363
"""The database's ``application_id`` (``"kwsc"``): another SQLite file under :data:`DB_NAME` is foreign."""
BUSY_SECONDS = 30.0
"""How long a write waits for another process's transaction (``serve`` and ``build`` at once)."""
FLUSH_BYTES = 32 * 1024 * 1024
"""New entries are kept in memory until the end of the build, or until they hold this many bytes."""
ENTRY = re.compile(r"(?:[0-9a-f]{64}\.(?:json|xlsx)|\.[0-9a-f]{1,12}-\w+\.tmp)")
"""The only file names :meth:`kwsite.chartcache.ChartCache.prune` may remove: the entries of the previous format,
one file each (digest and suffix), and the temporary files of their interrupted writes."""
log = logging.getLogger("mkdocs.plugins.kwsite.chartcache")
"""Warnings go through MkDocs' logger, so ``--strict`` counts them."""


def day(now: float | None = None) -> int:
    """Days since 1970 (UTC): an entry's last use is marked by the day."""
    return int((time.time() if now is None else now) // 86400)


def remove_old_files(directory: Path) -> int:
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


class Store:
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
            if row[1] < day():
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
            today = day()
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
                    _rollback(db)
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
                return db.execute("DELETE FROM entries WHERE used < ?", (day(now - keep_days * 86400),)).rowcount
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
                try:
                    db.close()  # the last connection to close removes the -wal and -shm files
                except sqlite3.Error:
                    pass

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
                    _rollback(db)
                    raise
            db.execute("PRAGMA journal_mode = WAL")
            # a cache: a power cut may lose the last build's entries, never the file
            db.execute("PRAGMA synchronous = NORMAL")
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


def _rollback(db: sqlite3.Connection) -> None:
    """Undo the open transaction (none is open when its COMMIT failed and SQLite undid it)."""
    try:
        db.execute("ROLLBACK")
    except sqlite3.Error:
        pass


def _code(exc: BaseException) -> int:
    """The primary SQLite result code of ``exc`` (0 when unknown)."""
    return (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


_STORES: dict[tuple[int, str], Store] = {}
_STORES_LOCK = threading.Lock()


def store(directory: Path) -> Store:
    """This process's store of ``directory`` (a child process opens its own connection)."""
    key = (os.getpid(), os.path.abspath(directory))
    found = _STORES.get(key)
    if found is None:
        with _STORES_LOCK:
            found = _STORES.setdefault(key, Store(Path(key[1])))
    return found


@atexit.register
def close_all() -> None:
    """Write and close every store of this process (at exit: a ``kwsite pdf`` or a failed build
    that never reached :meth:`kwsite.chartcache.ChartCache.prune`)."""
    pid = os.getpid()
    for (owner, _), found in list(_STORES.items()):
        if owner == pid:
            try:
                found.close()
            except sqlite3.Error:
                pass  # at exit: the database stays as its last transaction left it
