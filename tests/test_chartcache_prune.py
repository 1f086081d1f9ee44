"""The chart cache prunes itself: an entry (chart or workbook) that no build used for
``KEEP_DAYS`` days goes, one that a build used stays, and nothing but cache entries is ever removed.
Entries of the previous format (one file each) are never read and go at the first prune."""

import os
import sqlite3
import time

from kwsite.chartcache import DB_NAME, KEEP_DAYS, ChartCache

OLD = time.time() - (KEEP_DAYS + 1) * 86400


def digest(n: int) -> str:
    return f"{n:064x}"


def aged(path, when=OLD):
    os.utime(path, (when, when))
    return path


def age_entries(directory, when=OLD):
    """Mark every entry in the database as last used at ``when`` (as if no build used it since)."""
    ChartCache(directory).close()
    with sqlite3.connect(directory / DB_NAME) as db:
        db.execute("UPDATE entries SET used = ?", (int(when // 86400),))
    db.close()


def stored(directory):
    ChartCache(directory).close()
    db = sqlite3.connect(directory / DB_NAME)
    try:
        return sorted(db.execute("SELECT kind, digest FROM entries").fetchall())
    finally:
        db.close()


def test_unused_old_entries_go_and_used_ones_stay(tmp_path):
    cache = ChartCache(tmp_path)
    for n in range(4):
        cache.put(digest(n), f"<svg>{n}</svg>")
    cache.put_file(digest(10), ".xlsx", b"werkmap 10")
    cache.put_file(digest(11), ".xlsx", b"werkmap 11")
    age_entries(tmp_path)
    build = ChartCache(tmp_path)  # a later build uses chart 1 and workbook 11 only
    assert build.get(digest(1)) == "<svg>1</svg>" and build.get_file(digest(11), ".xlsx") == b"werkmap 11"
    build.put(digest(5), "<svg>5</svg>")  # and draws a new one
    assert build.prune() == 4  # charts 0, 2, 3 and workbook 10
    assert stored(tmp_path) == [(".xlsx", digest(11)), ("svg", digest(1)), ("svg", digest(5))]
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]  # closed: no -wal or -shm left
    assert ChartCache(tmp_path).get(digest(1)) == "<svg>1</svg>"


def test_young_unused_entries_stay(tmp_path):
    cache = ChartCache(tmp_path)
    cache.put(digest(0), "<svg/>")
    age_entries(tmp_path, time.time() - (KEEP_DAYS - 1) * 86400)
    assert ChartCache(tmp_path).prune() == 0 and stored(tmp_path) == [("svg", digest(0))]


def test_only_cache_entries_are_ever_removed(tmp_path):
    """A cache_dir pointed at a folder with other files (a careless mkdocs.yml): files that are
    not cache entries, sub-folders and what a link points to all stay. Files of the previous format
    (``<digest>.json``, ``<digest>.xlsx`` and their temporary files) go whatever their age."""
    other = tmp_path / "elders"
    other.mkdir()
    target = other / f"{digest(7)}.json"
    target.write_text("niet van de cache")
    aged(target)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    keep = [
        "notities.txt",
        "index.md",
        f"{digest(1)}.json.bak",
        f"{digest(1)[:63]}.json",
        f"{'AB' * 32}.json",  # upper case: not a digest kwsite writes
        f"{digest(1)}.svg",
    ]
    for name in keep:
        (cache_dir / name).write_text("x")
        aged(cache_dir / name)
    (cache_dir / "sub").mkdir()
    (cache_dir / "sub" / f"{digest(2)}.json").write_text("x")
    aged(cache_dir / "sub" / f"{digest(2)}.json")
    (cache_dir / f"{digest(3)}.json").symlink_to(target)
    (cache_dir / f"{digest(4)}.json").write_text('{"format": 2, "svg": "<svg/>"}')  # an entry of format 2
    (cache_dir / f"{digest(6)}.xlsx").write_bytes(b"PK")  # a workbook of format 2, made today
    (cache_dir / f".{digest(5)[:12]}-ab12cd_x.tmp").write_text("half")  # an interrupted write
    cache = ChartCache(cache_dir)
    assert cache.get(digest(4)) is None and cache.get_file(digest(6), ".xlsx") is None  # never read
    assert cache.prune() == 3  # the two old entries and the temporary file
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted(keep + ["sub", f"{digest(3)}.json", DB_NAME])
    assert (cache_dir / "sub" / f"{digest(2)}.json").exists()
    assert target.read_text() == "niet van de cache"


def test_no_directory_prunes_nothing():
    assert ChartCache(None).prune() == 0
