"""Benchmark at scale (issue 8): a 40-college synthetic agenda against stock MkDocs + Material.

One command, from the repository root after the README's set-up (Linux)::

    .venv/bin/python benchmarks/run.py [--runs 3] [--no-pdf]

It writes the corpus (``benchmarks/corpus.py``) and its stock twin
(``benchmarks/stock.py``) to a temporary folder, then prints five figures:

(a) clean build, kwsite ÷ stock MkDocs + Material of the same pages, with a
    warm chart cache (goal ≤ 1,3) and an empty one (goal ≤ 2,5); the ratio of
    each run's pair, median over the runs (A B A B order, so drift cancels);
(b) the preview rebuild (``kwsite serve``) after one value in one CSV changed,
    ÷ a clean build (goal ≤ 0,15); both as MkDocs reports them ("Documentation
    built in"), and each rebuild is checked to show the new value;
(c) milliseconds per chart drawn cold (extra wall and CPU time of the empty-cache
    build over the warm one, per chart; and each kind's CPU time drawn one by one),
    and the chart cache hit rate on rebuild (the charts drawn are those whose inputs changed);
(d) PDF seconds per 100 pages (``kwsite pdf`` of the corpus);
(e) peak memory: all processes of one build together (sampled from /proc every
    20 ms) and the largest single process (the kernel's own count); goal ≤ 1 GiB.

Times are whole processes (``python -m mkdocs build --strict``, start-up
included) unless said otherwise. Goals are checked here and marked ok/NIET.
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from charts import cpu_per_kind, planned  # noqa: E402
from corpus import Corpus  # noqa: E402
from stock import export  # noqa: E402

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
CHARTS = re.compile(r"grafieken: (\d+) getekend, (\d+) uit de cache")
GIB = 1024 ** 3


@dataclass
class Run:
    wall: float
    cpu: float
    tree_peak: int
    """Bytes: the largest sum of resident memory over the build's processes at one moment."""
    single_peak: int
    """Bytes: the largest resident memory of one process (``ru_maxrss``)."""
    log: str
    """What it printed (stdout and stderr)."""

    @property
    def built(self) -> float:
        return float(BUILT.search(self.log).group(1))


def _tree(root: int, page: int, ticks: dict[int, int]) -> int:
    """Resident bytes of ``root`` and all its descendants now; their CPU ticks so far go into ``ticks``."""
    stats: dict[int, list[bytes]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
                stats[int(entry.name)] = stat[stat.rindex(b")") + 2 :].split()
            except (OSError, ValueError):
                continue
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo += [p for p, fields in stats.items() if int(fields[1]) == pid and p not in tree]
    total = 0
    for pid in tree:
        fields = stats.get(pid)
        if fields is not None:  # fields[11], [12]: utime, stime (stat fields 14 and 15)
            ticks[pid] = max(ticks.get(pid, 0), int(fields[11]) + int(fields[12]))
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * page
        except (OSError, ValueError):
            continue
    return total


def measure(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd`` to the end; its wall time, the CPU time of it and all its descendants (worker
    processes included; sampled from /proc every 20 ms, so each process's last 20 ms may be
    missed), and its memory."""
    page = os.sysconf("SC_PAGE_SIZE")
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=err, stderr=subprocess.STDOUT)
        peak, ticks, done = [0], {}, threading.Event()

        def sample() -> None:
            while not done.wait(0.02):
                peak[0] = max(peak[0], _tree(proc.pid, page, ticks))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{log[-3000:]}")
    cpu = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
    return Run(wall, cpu, peak[0], usage.ru_maxrss * 1024, log)


def build(site: Path, out_root: Path, *, keep_cache: bool) -> Run:
    """A clean build into a new output folder (writing where a large folder was just deleted
    is several times slower on ext4, for stock and kwsite alike; a clean clone has none)."""
    if not keep_cache:
        shutil.rmtree(site / ".kwsite-cache", ignore_errors=True)
    out = tempfile.mkdtemp(prefix="out-", dir=out_root)
    return measure([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", out], site)


def median(values) -> float:
    return statistics.median(list(values))


# --- (b) preview rebuilds ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """``kwsite serve`` in the background; its log lines arrive on a queue."""

    def __init__(self, site: Path) -> None:
        self.port = _free_port()
        kwsite = Path(sys.executable).with_name("kwsite")
        self.proc = subprocess.Popen([str(kwsite), "serve", str(site), "-a", f"127.0.0.1:{self.port}"], env=ENV,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.put(line)

    def wait_for(self, pattern: re.Pattern | str, timeout: float = 300) -> tuple[re.Match, str]:
        """The first log line matching ``pattern`` and all lines read up to it."""
        pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        seen, end = [], time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.proc.poll() is not None:
                    break
                continue
            seen.append(line)
            if "ERROR" in line or "Aborted" in line:
                sys.exit("kwsite serve: " + "".join(seen[-20:]))
            found = pattern.search(line)
            if found:
                return found, "".join(seen)
        sys.exit("kwsite serve gave no '" + pattern.pattern + "':\n" + "".join(seen[-20:]))

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def set_cell(site: Path, value: str) -> None:
    """College c01, last year, first indicator table: ``value`` (a dot decimal)."""
    csv = site / "data" / "tables" / "i01.csv"
    lines = csv.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("c01,"))
    cells = lines[row].split(",")
    cells[-1] = value
    lines[row] = ",".join(cells)
    csv.write_text("\n".join(lines), encoding="utf-8")


def rebuilds(site: Path, runs: int) -> list[tuple[float, int, int]]:
    """(seconds, charts drawn, charts from cache) per preview rebuild after a one-value edit.

    A rebuild counts once its page shows the new value (an editor's save may be seen as
    two changes; the build that shows the value is the one measured)."""
    serve = Serve(site)
    out = []
    try:
        serve.wait_for("Serving on")
        time.sleep(1)  # let the file watcher settle
        for run in range(runs):
            value = f"{61 + run}.{3 + run}"
            shown = value.replace(".", ",") + "%"
            set_cell(site, value)
            for _ in range(5):
                counts, _ = serve.wait_for(CHARTS, timeout=120)
                seconds, _ = serve.wait_for(BUILT, timeout=120)
                if shown in serve.page("colleges/c01/"):
                    break
            else:
                sys.exit(f"the rebuilt college page does not show {shown}")
            out.append((float(seconds.group(1)), int(counts.group(1)), int(counts.group(2))))
    finally:
        serve.stop()
    return out


# --- report --------------------------------------------------------------------------------------


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("mkdocs", "mkdocs-material", "matplotlib", "weasyprint"))
    return (f"{len(os.sched_getaffinity(0))} cores usable ({model}), {memory:.0f} GiB, "
            f"Python {platform.python_version()}, {versions}")


def verdict(ok: bool) -> str:
    return "ok" if ok else "NIET gehaald"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each kind (default 3)")
    parser.add_argument("--no-pdf", action="store_true", help="skip (d), the PDF (minutes at this size)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kwsite-bench-"))
    site, stock = (args.keep or tmp / "kwsite"), tmp / "stock"
    try:
        Corpus(40, 30, 300, 100).write(site)
        export(site, stock)
        pages = sum(1 for _ in (stock / "content").rglob("*.md"))
        print(f"machine: {machine()}")
        print(f"corpus: {pages} pages; runs: {args.runs}")
        rows = []
        for _ in range(args.runs):
            rows.append((build(stock, tmp, keep_cache=True), build(site, tmp, keep_cache=False),
                         build(site, tmp, keep_cache=True)))
        stock_runs, cold, warm = zip(*rows)
        drawn = int(CHARTS.search(cold[0].log).group(1))
        cached = int(CHARTS.search(warm[0].log).group(2))
        warm_ratio = median(w.wall / s.wall for s, _, w in rows)
        cold_ratio = median(c.wall / s.wall for s, c, _ in rows)
        print(f"\n(a) clean build, whole process, median of {args.runs}: stock {median(r.wall for r in stock_runs):.2f} s, "
              f"kwsite warm cache {median(r.wall for r in warm):.2f} s, empty cache {median(r.wall for r in cold):.2f} s")
        print(f"    kwsite ÷ stock, warm chart cache: {warm_ratio:.2f}  (goal ≤ 1,3: {verdict(warm_ratio <= 1.3)})")
        print(f"    kwsite ÷ stock, empty chart cache: {cold_ratio:.2f}  (goal ≤ 2,5: {verdict(cold_ratio <= 2.5)})")
        print(f"    charts: {drawn} drawn cold, {cached} from the cache warm")

        again = rebuilds(site, args.runs)
        rebuild = median(r[0] for r in again)
        clean_warm, clean_cold = median(r.built for r in warm), median(r.built for r in cold)
        ratio = rebuild / clean_warm
        print(f"\n(b) preview rebuild after one value changed: {rebuild:.2f} s (MkDocs' own figure, median of {len(again)}); "
              f"clean build {clean_warm:.2f} s warm, {clean_cold:.2f} s empty cache")
        print(f"    rebuild ÷ clean build (warm cache): {ratio:.3f}  (goal ≤ 0,15: {verdict(ratio <= 0.15)}); "
              f"÷ clean build (empty cache): {rebuild / clean_cold:.3f}")

        extra_wall = median(c.wall - w.wall for _, c, w in rows)
        extra_cpu = median(c.cpu - w.cpu for _, c, w in rows)
        hits = [h / (d + h) for _, d, h in again]
        print(f"\n(c) per chart drawn cold: {1000 * extra_wall / drawn:.1f} ms wall, {1000 * extra_cpu / drawn:.1f} ms CPU "
              f"({drawn} charts; empty-cache build minus warm build)")
        print(f"    chart cache on rebuild: {median(d for _, d, _ in again):.0f} drawn, hit rate {100 * min(hits):.2f}% (lowest)")
        for kind, times in sorted(cpu_per_kind(planned(site / "data")).items()):
            print(f"    {kind:9s} {len(times):5d} charts, median {1000 * median(times):6.1f} ms CPU each (drawn one by one)")

        if not args.no_pdf:
            pdf = measure([str(Path(sys.executable).with_name("kwsite")), "pdf", str(site), "-o", str(tmp / "a.pdf")], tmp)
            count = int(re.search(r"(\d+) pagina's", pdf.log).group(1))
            print(f"\n(d) PDF: {count} pages in {pdf.wall:.1f} s = {100 * pdf.wall / count:.1f} s per 100 pages; "
                  f"peak memory {pdf.tree_peak / GIB:.2f} GiB")

        peak = max(r.tree_peak for r in cold + warm)
        single = max(r.single_peak for r in cold + warm)
        print(f"\n(e) peak memory of a kwsite build: {peak / GIB:.2f} GiB all processes together, "
              f"{single / GIB:.2f} GiB largest single process  (goal ≤ 1 GiB: {verdict(peak <= GIB)})")
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)



if __name__ == "__main__":
    main()
