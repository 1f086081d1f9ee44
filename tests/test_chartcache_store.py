"""The chart cache's database (kwsite/chartcache.py): entries survive a new process, two processes
write at once, an interrupted build leaves the file as it was, and a corrupt or foreign file is one
warning and an empty cache, never a traceback."""

import logging
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from kwsite.cachestore import APPLICATION_ID
from kwsite.chartcache import CACHE_FORMAT, DB_NAME, ChartCache


def digest(n: int) -> str:
    return f"{n:064x}"


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True, text=True, timeout=120
    )


def rows(directory):
    db = sqlite3.connect(directory / DB_NAME)
    try:
        return dict(db.execute("SELECT digest, data FROM entries").fetchall())
    finally:
        db.close()


def test_entries_survive_in_another_process_and_the_folder_holds_one_file(tmp_path):
    cache = ChartCache(tmp_path)
    cache.put(digest(1), "<svg>één</svg>")
    cache.put_file(digest(2), ".xlsx", b"PK\x03\x04werkmap")
    assert cache.prune() == 0
    assert [p.name for p in tmp_path.iterdir()] == [DB_NAME]  # WAL folded in: what a CI cache keeps
    done = run(
        """
        import sys
        from kwsite.chartcache import ChartCache
        cache = ChartCache(sys.argv[1])
        print(cache.get(f"{1:064x}"), cache.get_file(f"{2:064x}", ".xlsx"), cache.get(f"{3:064x}"))
        """,
        str(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "<svg>één</svg> b'PK\\x03\\x04werkmap' None"


def test_two_processes_writing_at_once_both_succeed(tmp_path):
    script = """
        import sys, time
        from kwsite.chartcache import ChartCache
        start, first = float(sys.argv[2]), int(sys.argv[3])
        while time.time() < start:
            time.sleep(0.005)
        cache = ChartCache(sys.argv[1])
        for n in range(first, first + 300):
            cache.put(f"{n:064x}", f"<svg>{n}</svg>" * 50)
            if n % 20 == 0:
                cache.flush()  # many short transactions, interleaved with the other process's
            assert cache.get(f"{first:064x}") is not None
        cache.prune()
        """
    import time

    start = str(time.time() + 1.5)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(script), str(tmp_path), start, str(first)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for first in (0, 1000)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0] and errors == ["", ""], errors
    stored = rows(tmp_path)
    assert len(stored) == 600
    assert stored[digest(1299)] == b"<svg>1299</svg>" * 50 and stored[digest(7)] == b"<svg>7</svg>" * 50


def test_an_interrupted_build_leaves_the_database_as_it_was(tmp_path):
    """A build killed in the middle of writing its entries: the earlier entries stay, none of the
    half-written transaction does, and the file is intact."""
    done = run(
        """
        import os, sys
        from kwsite.cachestore import store
        from kwsite.chartcache import ChartCache
        cache = ChartCache(sys.argv[1])
        cache.put(f"{1:064x}", "<svg>1</svg>")
        cache.flush()
        db = store(cache.directory).db
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO entries VALUES ('svg', ?, ?, 0)", (f"{2:064x}", b"<svg>2</svg>"))
        os._exit(9)  # killed before COMMIT
        """,
        str(tmp_path),
    )
    assert done.returncode == 9, done.stderr
    cache = ChartCache(tmp_path)
    assert cache.get(digest(1)) == "<svg>1</svg>" and cache.get(digest(2)) is None
    cache.close()
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()


@pytest.mark.parametrize("content", [b"dit is geen database" * 100, b"SQLite format 3\x00" + b"\xff" * 2000])
def test_a_corrupt_file_is_one_warning_and_an_empty_cache(tmp_path, caplog, content):
    (tmp_path / DB_NAME).write_bytes(content)
    cache = ChartCache(tmp_path)
    with caplog.at_level(logging.WARNING):
        assert cache.get(digest(1)) is None and cache.get(digest(2)) is None
        cache.put(digest(1), "<svg>nieuw</svg>")
        cache.prune()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "grafiekcache" in warnings[0].getMessage()
    assert "beschadigd of geen kwsite-cache" in warnings[0].getMessage()
    assert rows(tmp_path) == {digest(1): b"<svg>nieuw</svg>"}  # the file was made again


def test_a_foreign_database_is_replaced_with_a_warning(tmp_path, caplog):
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("CREATE TABLE notities (tekst TEXT)")
    db.commit()
    db.close()
    with caplog.at_level(logging.WARNING):
        cache = ChartCache(tmp_path)
        cache.put(digest(1), "<svg/>")
        cache.close()
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["entries"]
    db.close()


def test_a_database_of_another_format_is_emptied_quietly(tmp_path, caplog):
    cache = ChartCache(tmp_path)
    cache.put(digest(1), "<svg/>")
    cache.close()
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {CACHE_FORMAT - 1}")
    db.commit()
    db.close()
    with caplog.at_level(logging.WARNING):
        assert ChartCache(tmp_path).get(digest(1)) is None
        ChartCache(tmp_path).close()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone() == (CACHE_FORMAT,)
    db.close()


def test_an_unwritable_cache_folder_is_a_warning_not_a_failure(tmp_path, caplog):
    blocked = tmp_path / "bestand"
    blocked.write_text("een bestand, geen map")
    cache = ChartCache(blocked)
    with caplog.at_level(logging.WARNING):
        assert cache.get(digest(1)) is None
        cache.put(digest(1), "<svg/>")
        assert cache.get(digest(1)) == "<svg/>"  # from memory
        assert cache.prune() == 0
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
