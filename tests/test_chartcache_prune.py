"""The chart cache prunes itself: an entry (chart or workbook) that no build used for
``KEEP_DAYS`` days goes, one that a build used stays, and nothing but cache entries is ever removed."""

import os
import time

from kwsite.chartcache import KEEP_DAYS, ChartCache

OLD = time.time() - (KEEP_DAYS + 1) * 86400


def digest(n: int) -> str:
    return f"{n:064x}"


def aged(path, when=OLD):
    os.utime(path, (when, when))
    return path


def test_unused_old_entries_go_and_used_ones_stay(tmp_path):
    cache = ChartCache(tmp_path)
    for n in range(4):
        cache.put(digest(n), f"<svg>{n}</svg>")
    cache.put_file(digest(10), ".xlsx", b"werkmap 10")
    cache.put_file(digest(11), ".xlsx", b"werkmap 11")
    for path in tmp_path.iterdir():
        aged(path)
    build = ChartCache(tmp_path)  # a later build uses chart 1 and workbook 11 only
    assert build.get(digest(1)) == "<svg>1</svg>" and build.get_file(digest(11), ".xlsx") == b"werkmap 11"
    build.put(digest(5), "<svg>5</svg>")  # and draws a new one
    assert build.prune() == 4  # charts 0, 2, 3 and workbook 10
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{digest(1)}.json", f"{digest(5)}.json", f"{digest(11)}.xlsx"]
    )
    assert ChartCache(tmp_path).get(digest(1)) == "<svg>1</svg>"


def test_young_unused_entries_stay(tmp_path):
    cache = ChartCache(tmp_path)
    cache.put(digest(0), "<svg/>")
    aged(tmp_path / f"{digest(0)}.json", time.time() - (KEEP_DAYS - 1) * 86400)
    assert ChartCache(tmp_path).prune() == 0 and (tmp_path / f"{digest(0)}.json").exists()


def test_only_cache_entries_are_ever_removed(tmp_path):
    """A cache_dir pointed at a folder with other files (a careless mkdocs.yml): old files that are
    not cache entries, sub-folders and what a link points to all stay."""
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
    (cache_dir / f"{digest(4)}.json").write_text("{}")
    aged(cache_dir / f"{digest(4)}.json")
    (cache_dir / f".{digest(5)[:12]}-ab12cd_x.tmp").write_text("half")  # an interrupted write
    aged(cache_dir / f".{digest(5)[:12]}-ab12cd_x.tmp")
    assert ChartCache(cache_dir).prune() == 2  # the old entry and the old temporary file
    assert sorted(p.name for p in cache_dir.iterdir()) == sorted(keep + ["sub", f"{digest(3)}.json"])
    assert (cache_dir / "sub" / f"{digest(2)}.json").exists()
    assert target.read_text() == "niet van de cache"


def test_no_directory_prunes_nothing():
    assert ChartCache(None).prune() == 0
