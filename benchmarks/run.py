"""Benchmark at scale (issues 8, 20): a 40-college synthetic agenda against stock MkDocs + Material,
measured as users run it.

One command, from the repository root after the README's set-up (Linux)::

    .venv/bin/python benchmarks/run.py [--runs 3] [--no-pdf]

It writes the corpus (``benchmarks/corpus.py``, a git repository) and its stock twin
(``benchmarks/stock.py``) to a temporary folder, then prints every figure beside its goal:

(a) a clean ``kwsite build`` ÷ stock ``mkdocs build`` of the same pages, with a warm chart cache
    (goal ≤ 1,3) and an empty one (goal ≤ 2,0), in CPU time of the whole process tree (the verdict:
    a busy machine cannot flatter it) and in wall time; ratios pair by pair, median over the runs;
(a') the CI case: ``kwsite build`` in a fresh clone, with the chart cache restored (as the
    workflows' cache step does) and without;
(b) the preview (``kwsite serve``) from save to screen: the seconds from writing one changed value
    in one CSV to the served page showing it, ÷ a clean warm ``kwsite build`` (goal ≤ 0,15), beside
    MkDocs' own "built in" figure;
(c) milliseconds per chart drawn cold and each kind's CPU time drawn one by one, and the chart
    cache hit rate on rebuild;
(d) the PDF of the corpus (``kwsite pdf``): seconds per 100 pages (goal ≤ 12) and peak memory of its
    process tree (goal ≤ 1 GiB);
(e) peak memory of a build: all processes together and the largest one (goal ≤ 1 GiB).

Each figure is printed with the machine's load average (``/proc/loadavg``, 1 minute) during it. Times
are whole processes, start-up included. CPU is user + system time of the process and all its
descendants (sampled from /proc every 20 ms; each process's last 20 ms may be missed).
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
BUILT = re.compile(r"(?:Documentation built in|Site gebouwd in) ([\d.]+) seconde?n?s?")  # MkDocs, or in Dutch (kwsite)
CHARTS = re.compile(r"grafieken: (\d+) getekend, (\d+) uit de cache")
GIB = 1024**3


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
    load: float = 0.0
    """The 1-minute load average of the machine, mean of its values before and after the run."""

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


def load_average() -> float:
    """The machine's 1-minute load average."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def measure(cmd: list[str], cwd: Path) -> Run:
    """Run ``cmd`` to the end; its wall time, the CPU time of it and all its descendants (worker
    processes included; sampled from /proc every 20 ms, so each process's last 20 ms may be
    missed), and its memory."""
    page = os.sysconf("SC_PAGE_SIZE")
    load_before = load_average()
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
    cpu = max(cpu, usage.ru_utime + usage.ru_stime)  # the root's own count, when sampling missed its end
    return Run(wall, cpu, peak[0], usage.ru_maxrss * 1024, log, (load_before + load_average()) / 2)


KWSITE = str(Path(sys.executable).with_name("kwsite"))


def build(site: Path, out_root: Path, *, keep_cache: bool) -> Run:
    """A clean build as users run it: ``kwsite build`` for the corpus (it writes ``site/`` next to
    the sources and swaps it in), stock ``mkdocs build --strict`` into a new folder for the twin."""
    if not keep_cache:
        shutil.rmtree(site / ".kwsite-cache", ignore_errors=True)
    if (site / "data").is_dir():
        return measure([KWSITE, "build", str(site)], site)
    out = tempfile.mkdtemp(prefix="out-", dir=out_root)
    return measure([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", out], site)


def ci_build(site: Path, tmp: Path, *, restored: bool) -> Run:
    """The CI case: a fresh ``git clone`` of the corpus, its chart cache restored from the last build
    (what the workflows' cache step does) or not, then ``kwsite build``."""
    clone = Path(tempfile.mkdtemp(prefix="clone-", dir=tmp)) / "site"
    subprocess.run(["git", "clone", "-q", str(site), str(clone)], check=True)
    if restored:
        shutil.copytree(site / ".kwsite-cache", clone / ".kwsite-cache")
    try:
        return measure([KWSITE, "build", str(clone)], clone)
    finally:
        shutil.rmtree(clone.parent, ignore_errors=True)


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
        self.proc = subprocess.Popen(
            [str(kwsite), "serve", str(site), "-a", f"127.0.0.1:{self.port}"],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
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

    def drain(self, settle: float = 0.5) -> str:
        """Every log line read so far (and within ``settle`` seconds more)."""
        seen, end = [], time.monotonic() + settle
        while True:
            try:
                seen.append(self.lines.get(timeout=max(0.0, end - time.monotonic())))
            except queue.Empty:
                return "".join(seen)

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


@dataclass
class Rebuild:
    screen: float
    """Seconds from the save to the served page showing the new value."""
    built: float
    """MkDocs' own "Documentation built in" figure of the rebuild that shows it."""
    drawn: int
    cached: int
    load: float


def rebuilds(site: Path, runs: int) -> list[Rebuild]:
    """One per preview rebuild after a one-value edit, measured end to end: the clock starts when
    the CSV is written and stops when the served college page shows the new value (polled every
    20 ms). MkDocs' figure and the chart counts are those of the build that showed it."""
    serve = Serve(site)
    out = []
    try:
        serve.wait_for("Serving on|Voorvertoning op", timeout=1800)  # the first build: minutes on a busy machine
        time.sleep(1)  # let the file watcher settle
        for run in range(runs):
            value = f"{61 + run}.{3 + run}"
            shown = value.replace(".", ",") + "%"
            while shown in serve.page("colleges/c01/"):  # a value the page shows already proves nothing
                value = f"{float(value) + 0.1:.1f}"
                shown = value.replace(".", ",") + "%"
            before = load_average()
            set_cell(site, value)
            saved = time.perf_counter()
            while shown not in serve.page("colleges/c01/"):
                if time.perf_counter() - saved > 300:
                    sys.exit(f"the rebuilt college page does not show {shown}")
                time.sleep(0.02)
            screen = time.perf_counter() - saved
            seen = serve.drain()
            if not BUILT.search(seen):  # the log line may come just after the page
                seen += serve.wait_for(BUILT, timeout=120)[1]
            counts = list(CHARTS.finditer(seen))[-1]
            built = float(list(BUILT.finditer(seen))[-1].group(1))
            out.append(
                Rebuild(screen, built, int(counts.group(1)), int(counts.group(2)), (before + load_average()) / 2)
            )
            time.sleep(1)
    finally:
        serve.stop()
    return out


# --- report --------------------------------------------------------------------------------------


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / GIB
    versions = ", ".join(
        f"{p} {metadata.version(p)}" for p in ("mkdocs", "mkdocs-material", "matplotlib", "weasyprint")
    )
    return (
        f"{len(os.sched_getaffinity(0))} cores usable ({model}), {memory:.0f} GiB, "
        f"Python {platform.python_version()}, {versions}"
    )


def verdict(ok: bool) -> str:
    return "ok" if ok else "NIET gehaald"


def goal(value: float, limit: float, text: str) -> str:
    """``value`` printed beside its goal and whether it is met."""
    return f"{value:.2f}  (doel ≤ {text}: {verdict(value <= limit)})"


def git_repo(site: Path) -> None:
    """Make the corpus a git repository with one commit (a fresh clone needs one; the build date
    comes from it)."""

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", *args],
            cwd=site,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    (site / ".gitignore").write_text(".kwsite-cache/\nsite/\n.site*/\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "corpus")


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
        git_repo(site)
        export(site, stock)
        pages = sum(1 for _ in (stock / "content").rglob("*.md"))
        print(f"machine: {machine()}; load at start {load_average():.1f}")
        print(f"corpus: {pages} pages; runs: {args.runs}")
        rows = []
        for _ in range(args.runs):
            rows.append(
                (
                    build(stock, tmp, keep_cache=True),
                    build(site, tmp, keep_cache=False),
                    build(site, tmp, keep_cache=True),
                )
            )
        stock_runs, cold, warm = zip(*rows)
        drawn = int(CHARTS.search(cold[0].log).group(1))
        cached = int(CHARTS.search(warm[0].log).group(2))
        load = median(r.load for row in rows for r in row)
        print(f"\n(a) clean build, whole process tree, median of {args.runs} (machine load {load:.1f}):")
        print(
            f"    stock mkdocs build {median(r.cpu for r in stock_runs):.2f} s CPU, {median(r.wall for r in stock_runs):.2f} s wall; "
            f"kwsite build warm {median(r.cpu for r in warm):.2f} s CPU, {median(r.wall for r in warm):.2f} s wall; "
            f"empty cache {median(r.cpu for r in cold):.2f} s CPU, {median(r.wall for r in cold):.2f} s wall"
        )
        print(
            f"    kwsite ÷ stock, warm chart cache, CPU: {goal(median(w.cpu / s.cpu for s, _, w in rows), 1.3, '1,3')}; "
            f"wall {median(w.wall / s.wall for s, _, w in rows):.2f}"
        )
        print(
            f"    kwsite ÷ stock, empty chart cache, CPU: {goal(median(c.cpu / s.cpu for s, c, _ in rows), 2.0, '2,0')}; "
            f"wall {median(c.wall / s.wall for s, c, _ in rows):.2f}"
        )
        print(f"    charts: {drawn} drawn cold, {cached} from the cache warm")

        stock_cpu = median(r.cpu for r in stock_runs)
        fresh = [ci_build(site, tmp, restored=False) for _ in range(args.runs)]
        restored = [ci_build(site, tmp, restored=True) for _ in range(args.runs)]
        print(
            f"\n(a') CI: kwsite build in a fresh clone (machine load {median(r.load for r in fresh + restored):.1f}): "
            f"cache restored {median(r.cpu for r in restored):.2f} s CPU ({median(r.wall for r in restored):.2f} s wall), "
            f"not restored {median(r.cpu for r in fresh):.2f} s CPU ({median(r.wall for r in fresh):.2f} s wall)"
        )
        print(
            f"    ÷ stock, cache restored, CPU: {goal(median(r.cpu for r in restored) / stock_cpu, 1.3, '1,3')}; "
            f"not restored: {goal(median(r.cpu for r in fresh) / stock_cpu, 2.0, '2,0')}"
        )

        again = rebuilds(site, args.runs)
        screen = median(r.screen for r in again)
        clean = median(r.wall for r in warm)
        print(
            f"\n(b) preview (kwsite serve) from save to screen: {screen:.2f} s (median of {len(again)}; "
            f"MkDocs' own figure {median(r.built for r in again):.2f} s; machine load {median(r.load for r in again):.1f})"
        )
        print(
            f"    ÷ clean kwsite build, warm cache, wall ({clean:.2f} s): {goal(screen / clean, 0.15, '0,15')}; "
            f"MkDocs' figure ÷ its clean figure {median(r.built for r in again) / median(r.built for r in warm):.3f}"
        )

        extra_wall = median(c.wall - w.wall for _, c, w in rows)
        extra_cpu = median(c.cpu - w.cpu for _, c, w in rows)
        hits = [r.cached / (r.drawn + r.cached) for r in again]
        print(
            f"\n(c) per chart drawn cold: {1000 * extra_wall / drawn:.1f} ms wall, {1000 * extra_cpu / drawn:.1f} ms CPU "
            f"({drawn} charts; empty-cache build minus warm build)"
        )
        print(
            f"    chart cache on rebuild: {median(r.drawn for r in again):.0f} drawn, hit rate {100 * min(hits):.2f}% (lowest)"
        )
        for kind, times in sorted(cpu_per_kind(planned(site / "data")).items()):
            print(
                f"    {kind:9s} {len(times):5d} charts, median {1000 * median(times):6.1f} ms CPU each (drawn one by one)"
            )

        if not args.no_pdf:
            pdf = measure([KWSITE, "pdf", str(site), "-o", str(tmp / "a.pdf")], tmp)
            count = int(re.search(r"(\d+) pagina's", pdf.log).group(1))
            print(
                f"\n(d) PDF: {count} pages in {pdf.wall:.1f} s wall, {pdf.cpu:.1f} s CPU (machine load {pdf.load:.1f})"
            )
            print(
                f"    s CPU per 100 pages: {goal(100 * pdf.cpu / count, 12, '12')}; wall {100 * pdf.wall / count:.1f}"
            )
            print(f"    peak memory, process tree, GiB: {goal(pdf.tree_peak / GIB, 1.0, '1')}")

        peak = max(r.tree_peak for r in cold + warm)
        single = max(r.single_peak for r in cold + warm)
        print(
            f"\n(e) peak memory of a kwsite build, all processes together, GiB: {goal(peak / GIB, 1.0, '1')}; "
            f"largest single process {single / GIB:.2f} GiB"
        )
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
