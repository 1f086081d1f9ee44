"""Time the PDF edition of the flagship: seconds per 100 pages.

Run from the repository root:  .venv/bin/python benchmarks/pdf.py [--runs 3]

Each run renders the PDF in a fresh process (``kwsite pdf``) on a copy of the
site with a warm chart cache, so the time is the PDF's own: Markdown → HTML,
WeasyPrint layout and PDF/UA-1 writing. Prints pages, median seconds, seconds
per 100 pages and whether all runs gave the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import copy_site  # noqa: E402

PAGES = re.compile(r": (\d+) pagina's")


def render(work: Path, out: Path) -> tuple[float, int, str]:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "kwsite.cli", "pdf", str(work), "-o", str(out)], env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(proc.stderr[-2000:])
    return elapsed, int(PAGES.search(proc.stdout).group(1)), hashlib.sha256(out.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        copy_site(work)
        render(work, work / "warm.pdf")  # fills the chart cache
        runs = [render(work, work / f"run{i}.pdf") for i in range(args.runs)]
    seconds = statistics.median(r[0] for r in runs)
    pages = runs[0][1]
    same = len({r[2] for r in runs}) == 1
    print(f"{'pages':>5} {'median s':>9} {'s/100 pages':>12} {'identical':>9}")
    print(f"{pages:5d} {seconds:9.2f} {seconds / pages * 100:12.2f} {'yes' if same else 'NO':>9}")


if __name__ == "__main__":
    main()
