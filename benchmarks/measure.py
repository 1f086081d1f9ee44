"""Measuring one process as users run it, for ``benchmarks/run.py`` and ``benchmarks/builds.py``:
wall time, CPU time of the whole process tree, peak memory, what it printed, and the machine's load.

Contract with kwsite's log (``kwsite build`` and ``kwsite serve`` print these lines; the benchmark
reads them, so a change of their wording must change :data:`BUILT` and :data:`CHARTS` too):

- ``kwsite/plugin.py`` (``on_post_build``): ``grafieken: N getekend, M uit de cache`` — N charts
  drawn in this build, M read from the chart cache;
- MkDocs' ``Documentation built in S seconds``, which ``kwsite/dutch.py`` turns into
  ``Site gebouwd in S seconden``;
- ``kwsite pdf`` (``kwsite/cli.py``): ``PAD: N pagina's, ...``.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
BUILT = re.compile(r"(?:Documentation built in|Site gebouwd in) ([\d.]+) seconde?n?s?")  # MkDocs, or in Dutch (kwsite)
CHARTS = re.compile(r"grafieken: (\d+) getekend, (\d+) uit de cache")
PDF_PAGES = re.compile(r"(\d+) pagina's")
GIB = 1024**3
KWSITE = str(Path(sys.executable).with_name("kwsite"))
TIMEOUT = 3600
"""Seconds after which a measured process counts as hung: it is killed and the benchmark stops."""
SAMPLE = 0.05
"""Seconds between two samples of the process tree. One sample reads every process's ``/proc/PID/stat``
(about 2 ms CPU with 150 processes), so 50 ms keeps the benchmark's own share of a core near 4 %."""


class Failed(Exception):
    """A measured command failed or hung; the message says which and shows the end of its log."""


@dataclass
class Run:
    wall: float
    cpu: float
    """Seconds of CPU (user + system) of the process and all its descendants."""
    tree_peak: int
    """Bytes: the largest sum of resident memory over the process tree at one moment."""
    single_peak: int
    """Bytes: the largest resident memory of one process (``ru_maxrss``)."""
    log: str
    """What it printed (stdout and stderr)."""
    load: float = 0.0
    """The 1-minute load average of the machine, mean of its values before and after the run."""

    @property
    def built(self) -> float:
        """MkDocs' own "built in" seconds."""
        return float(BUILT.search(self.log).group(1))

    @property
    def charts(self) -> tuple[int, int]:
        """(drawn, from the cache) of this build, from kwsite's log line (see the module docstring)."""
        found = CHARTS.search(self.log)
        if found is None:
            raise Failed("kwsite printed no 'grafieken: N getekend, M uit de cache' line:\n" + self.log[-2000:])
        return int(found.group(1)), int(found.group(2))


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


def measure(cmd: list[str], cwd: Path, env: dict | None = None) -> Run:
    """Run ``cmd`` to the end; its wall time, the CPU time of it and all its descendants (worker
    processes included), and its memory. The tree is sampled from /proc every :data:`SAMPLE` s; a
    descendant that its parent reaped is counted whole through the root's ``wait4`` usage, one that
    ends unreaped may lose its last sample interval. Raises :class:`Failed` when it exits ≠ 0 or runs over :data:`TIMEOUT`."""
    page = os.sysconf("SC_PAGE_SIZE")
    load_before = load_average()
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env or ENV, stdout=err, stderr=subprocess.STDOUT, start_new_session=True
        )
        peak, ticks, done = [0], {}, threading.Event()

        def sample() -> None:
            while not done.wait(SAMPLE):
                peak[0] = max(peak[0], _tree(proc.pid, page, ticks))
                if time.perf_counter() - start > TIMEOUT:
                    os.killpg(proc.pid, signal.SIGKILL)
                    return

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: its own session does not get the signal, so stop it here
            os.killpg(proc.pid, signal.SIGKILL)
            raise
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        log = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        hung = f" (killed after {TIMEOUT} s)" if wall > TIMEOUT else ""
        raise Failed(f"{' '.join(cmd)} failed{hung} in {cwd}:\n{log[-3000:]}")
    cpu = sum(ticks.values()) / os.sysconf("SC_CLK_TCK")
    cpu = max(cpu, usage.ru_utime + usage.ru_stime)  # the root's own count (reaped children included)
    return Run(wall, cpu, peak[0], usage.ru_maxrss * 1024, log, (load_before + load_average()) / 2)


def build(site: Path, out_root: Path, *, keep_cache: bool) -> Run:
    """A clean build as users run it: ``kwsite build`` for the corpus (it writes ``site/`` next to
    the sources and swaps it in), stock ``mkdocs build --strict`` into a new folder for the twin.
    Without ``keep_cache`` the chart cache (charts and workbooks) is emptied first."""
    if not keep_cache:
        shutil.rmtree(site / ".kwsite-cache", ignore_errors=True)
    if (site / "data").is_dir():
        return measure([KWSITE, "build", str(site)], site)
    out = tempfile.mkdtemp(prefix="out-", dir=out_root)
    try:
        return measure([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", out], site)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def ci_build(site: Path, tmp: Path, *, restored: bool) -> Run:
    """The CI case: a fresh ``git clone`` of the corpus, its chart cache restored from the last build
    (what the workflows' cache step does) or not, then ``kwsite build``. The clone itself is not timed."""
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
