"""Time the drawing of charts: CPU ms per chart by kind, and the wall time of all charts drawn
here versus in the worker pool.

Run from the repository root::

    .venv/bin/python benchmarks/charts.py [DATA_DIR] [--pool] [--small 4,8,12,16,24]

DATA_DIR defaults to the flagship's ``data``; for issue 8 use the synthetic corpus
(``benchmarks/corpus.py OUT`` → ``OUT/data``). Prints, per kind (indicator, table,
ratio, college), the number of charts and the median CPU ms per chart drawn in this
process, each on an empty cache. ``--pool`` adds the wall time of drawing all charts
with 1 worker (here) and with one worker per usable core; ``--small`` the same for
the first N college charts, to choose :data:`kwsite.chartpool.POOL_AFTER`.
Targets (issue 8): college chart ≤ 12 ms median.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from collections import defaultdict
from pathlib import Path

from kwsite.build import build_pages, load_site
from kwsite.chartcache import ChartCache
from kwsite.chartpool import Drawer, usable_cores

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("charts")


def planned(data: Path):
    """The pending drawings of every chart of the site (empty cache, nothing drawn yet)."""
    site, _ = load_site(data)
    _files, charts = build_pages(site, [], None, workers=1)
    return charts.drawer.pending


def cpu_per_kind(pending) -> dict[str, list[float]]:
    """CPU seconds of each drawing, by chart kind (drawn here, in plan order)."""
    pending[0].job.svg()  # imports and font cache outside the timing
    by_kind: dict[str, list[float]] = defaultdict(list)
    for p in pending:
        start = time.process_time()
        p.job.svg()
        by_kind[p.job.kind].append(time.process_time() - start)
    return by_kind


def wall(jobs, workers: int) -> float:
    """Seconds to draw ``jobs`` with ``workers`` processes (pool from the first job when > 1)."""
    start = time.perf_counter()
    drawer = Drawer(ChartCache(None), workers=workers, pool_after=0)
    for i, job in enumerate(jobs):
        drawer.submit(f"c{i}", f"{i:064x}", job)
    drawer.flush()
    drawer.finish()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=ROOT / "data")
    parser.add_argument("--pool", action="store_true")
    parser.add_argument("--small", default="")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pending = planned(args.data)
    for kind, times in sorted(cpu_per_kind(pending).items()):
        log.info(
            f"{kind:10s} {len(times):5d} charts  median {statistics.median(times) * 1000:6.1f} ms CPU/chart  "
            f"total {sum(times):6.2f} s"
        )
    jobs = [p.job for p in pending]
    cores = usable_cores()
    if args.pool:
        here, pool = wall(jobs, 1), wall(jobs, cores)
        log.info(f"all {len(jobs)} charts: here {here:.2f} s, pool of {cores} {pool:.2f} s, speedup {here / pool:.2f}×")
    college = [j for j in jobs if j.kind == "college"]
    for n in (int(v) for v in args.small.split(",") if v):
        here, pool = wall(college[:n], 1), wall(college[:n], cores)
        log.info(f"{n:4d} college charts: here {here * 1000:6.0f} ms, pool of {cores} {pool * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
