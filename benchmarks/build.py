"""Time a clean build and rebuilds of the flagship site; count charts drawn vs cached.

Run from the repository root:  .venv/bin/python benchmarks/build.py [--runs 3]

Prints, per scenario, the median wall time over the runs and the ratio to the
clean build, plus how many charts were drawn and how many came from the cache:
  clean      empty chart cache, empty output
  warm       unchanged data, cache kept
  one-value  one table value changed (only the charts that use it are redrawn)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTS = re.compile(r"grafieken: (\d+) getekend, (\d+) uit de cache")


def build(work: Path) -> tuple[float, int, int]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(proc.stderr[-2000:])
    drawn, cached = map(int, COUNTS.search(proc.stderr).groups())
    return elapsed, drawn, cached


def copy_site(target: Path) -> None:
    for name in ("content", "data"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")


def change_one_value(work: Path, run: int) -> None:
    csv = work / "data" / "tables" / "ibm-per-college.csv"
    text = csv.read_text(encoding="utf-8")
    csv.write_text(text.replace("Airport,6.8,6.8,", f"Airport,6.8,6.{run % 9},", 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[tuple[float, int, int]]] = {"clean": [], "warm": [], "one-value": []}
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            copy_site(work)
            results["clean"].append(build(work))
            results["warm"].append(build(work))
            change_one_value(work, run)
            results["one-value"].append(build(work))
    clean = statistics.median(r[0] for r in results["clean"])
    print(f"{'scenario':<10} {'median s':>9} {'ratio':>6} {'drawn':>6} {'cached':>7}")
    for name, rows in results.items():
        median = statistics.median(r[0] for r in rows)
        print(f"{name:<10} {median:9.2f} {median / clean:6.2f} {rows[-1][1]:6d} {rows[-1][2]:7d}")


if __name__ == "__main__":
    main()
