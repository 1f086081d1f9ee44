"""Paired clean builds of the 40-college corpus, CPU of the whole process tree: stock MkDocs, then
``kwsite build`` with an empty cache and with a warm one (charts and spreadsheets), optionally the
same empty-cache build of another checkout of kwsite (``--before DIR``, e.g. ``git archive main
kwsite | tar -x -C DIR``), in turns so a changing machine load hits all alike. Part (a) of
``benchmarks/run.py`` without the preview and the PDF::

    .venv/bin/python benchmarks/builds.py [--runs 2] [--before DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import measure as run
import report
from corpus import Corpus
from stock import export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--before", type=Path, help="a folder holding another kwsite/ package to compare")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kwsite-builds-"))
    site, stock = tmp / "kwsite", tmp / "stock"
    try:
        Corpus(40, 30, 300, 100).write(site)
        export(site, stock)
        print(f"machine: {report.machine()}; load at start {run.load_average():.1f}")
        for i in range(args.runs):
            s = run.build(stock, tmp, keep_cache=True)
            b = bw = None
            if args.before:
                env = dict(run.ENV)
                run.ENV["PYTHONPATH"] = str(args.before.resolve())
                try:
                    b = run.build(site, tmp, keep_cache=False)
                    bw = run.build(site, tmp, keep_cache=True)
                finally:
                    run.ENV.clear()
                    run.ENV.update(env)
            c = run.build(site, tmp, keep_cache=False)
            w = run.build(site, tmp, keep_cache=True)
            line = (
                f"run {i + 1}: stock {s.cpu:.1f} s CPU (load {s.load:.1f}); empty cache {c.cpu:.1f} s "
                f"= {c.cpu / s.cpu:.2f}x (load {c.load:.1f}); warm {w.cpu:.1f} s = {w.cpu / s.cpu:.2f}x "
                f"(load {w.load:.1f})"
            )
            if b is not None:
                line += (
                    f"; before, empty cache {b.cpu:.1f} s = {b.cpu / s.cpu:.2f}x (load {b.load:.1f}), "
                    f"warm {bw.cpu:.1f} s = {bw.cpu / s.cpu:.2f}x (load {bw.load:.1f})"
                )
            print(line, flush=True)
            print(f"    {run.CHARTS.search(c.log).group(0)} / {run.CHARTS.search(w.log).group(0)}", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
