"""(b) of ``benchmarks/run.py``: the preview (``kwsite serve``) measured from save to screen.

The clock starts when one changed value is written to a CSV of the corpus and stops when the page
served over HTTP contains it. The value is chosen so that the page does not contain it before the
save, so the figure cannot come from a page that already showed it; a page that shows kwsite's error
page instead stops the benchmark. Uses the log lines listed in ``benchmarks/measure.py``.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from measure import BUILT, CHARTS, ENV, KWSITE, Failed, _tree, load_average

DONE = re.compile(BUILT.pattern + r"|Reloading browsers|Browsers laden de pagina opnieuw")
"""The end of a rebuild: MkDocs' "built in" line, or its "reloading browsers" line, which always follows the
build (the "built in" line can be missing, see :attr:`Rebuild.built`)."""

PAGE = "colleges/c01/"
"""The served page that shows the edited value (college c01's appendix: chart alt text and table)."""
ERROR_PAGE = "De site kan niet gebouwd worden"
"""The title of the page ``kwsite serve`` serves after a failed rebuild (``kwsite/servecmd.py``)."""
POLL = 0.02
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
"""Seconds between two requests for the page."""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """``kwsite serve`` in the background; its log lines arrive on a queue."""

    def __init__(self, site: Path) -> None:
        self.port = _free_port()
        self.proc = subprocess.Popen(
            [KWSITE, "serve", str(site), "-a", f"127.0.0.1:{self.port}"],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
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
                raise Failed("kwsite serve: " + "".join(seen[-20:]))
            found = pattern.search(line)
            if found:
                return found, "".join(seen)
        raise Failed(f"kwsite serve gave no '{pattern.pattern}' in {timeout:.0f} s:\n" + "".join(seen[-20:]))

    def drain(self, settle: float = 0.5) -> str:
        """Every log line read so far (and within ``settle`` seconds more)."""
        seen, end = [], time.monotonic() + settle
        while True:
            try:
                seen.append(self.lines.get(timeout=max(0.0, end - time.monotonic())))
            except queue.Empty:
                return "".join(seen)

    def stacks(self) -> str:
        """The Python stack of every thread of serve (it writes them to stderr on SIGUSR1)."""
        try:
            self.proc.send_signal(signal.SIGUSR1)
        except OSError:
            return "(serve has ended)"
        return self.drain(2.0)[-6000:]

    def page(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=120) as response:
            return response.read().decode("utf-8")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def csv_path(site: Path) -> Path:
    return site / "data" / "tables" / "i01.csv"


def set_cell(site: Path, value: str) -> None:
    """College c01, last year, first indicator table (a percentage): ``value`` (a dot decimal)."""
    csv = csv_path(site)
    lines = csv.read_text(encoding="utf-8").split("\n")
    row = next(i for i, line in enumerate(lines) if line.startswith("c01,"))
    cells = lines[row].split(",")
    cells[-1] = value
    lines[row] = ",".join(cells)
    csv.write_text("\n".join(lines), encoding="utf-8")


def shown(value: str) -> re.Pattern:
    """How the page writes ``value`` (``61.3`` → ``61,3``), not as part of a longer number."""
    return re.compile(r"(?<![\d.,])" + re.escape(value.replace(".", ",")) + r"(?![\d])")


def new_value(page: str, run: int) -> str:
    """A value for the edited cell that ``page`` does not show yet."""
    tenths = 213 + 37 * run  # 21,3 - well away from the corpus's own percentages (about 35-100)
    while shown(f"{tenths / 10:.1f}").search(page):
        tenths += 1
    return f"{tenths / 10:.1f}"


@dataclass
class Rebuild:
    screen: float
    """Seconds from the save to the served page showing the new value."""
    built: float | None
    """MkDocs' own "Site gebouwd in" figure of the rebuild that shows it; ``None`` when MkDocs did not print
    it: its ``DuplicateFilter`` on the build logger drops a message already logged in the process, so a
    rebuild that takes exactly as long (to the hundredth) as an earlier one of the session prints no line."""
    drawn: int
    cached: int
    load: float
    value: str
    cpu: float = 0.0
    """CPU seconds (user + system) of the serve process and its workers from the save to the served page:
    the figure a busy machine cannot stretch (the wall figure above can)."""


def rebuilds(site: Path, samples: int, first_build_timeout: float = 1800) -> list[Rebuild]:
    """One per preview rebuild after a one-value edit, measured end to end: the clock starts when
    the CSV is written and stops when the served page :data:`PAGE` shows the new value (polled every
    :data:`POLL` s). MkDocs' figure and the chart counts are those of the build that showed it. The
    CSV is put back as it was at the end."""
    original = csv_path(site).read_bytes()
    serve = Serve(site)
    out = []
    try:
        serve.wait_for("Serving on|Voorvertoning op", timeout=first_build_timeout)
        time.sleep(1)  # let the file watcher settle
        for run in range(samples):
            before_page = serve.page(PAGE)
            value = new_value(before_page, run)
            pattern = shown(value)
            serve.drain(0)
            before = load_average()
            ticks: dict[int, int] = {}
            _tree(serve.proc.pid, PAGE_SIZE, ticks)
            start_ticks = dict(ticks)
            set_cell(site, value)
            saved = time.perf_counter()
            while True:
                page = serve.page(PAGE)
                if pattern.search(page):
                    break
                if ERROR_PAGE in page:
                    raise Failed("kwsite serve shows its error page after the edit:\n" + serve.drain())
                if time.perf_counter() - saved > 300:
                    raise Failed(f"the served page {PAGE} does not show {value} 300 s after the save")
                time.sleep(POLL)
            screen = time.perf_counter() - saved
            _tree(serve.proc.pid, PAGE_SIZE, ticks)
            cpu = sum(t - start_ticks.get(pid, 0) for pid, t in ticks.items()) / os.sysconf("SC_CLK_TCK")
            seen = serve.drain()
            if not DONE.search(seen):  # the log lines may come just after the page
                try:
                    seen += serve.wait_for(DONE, timeout=120)[1]
                except Failed as exc:  # show what serve did print after the save, not only the last wait
                    raise Failed(
                        f"{exc}\nkwsite serve's lines since the save of {value}:\n{seen[-3000:]}\n"
                        f"where serve's threads are (SIGUSR1, kwsite/servecmd.py):\n{serve.stacks()}"
                    ) from None
            counts = list(CHARTS.finditer(seen))
            if not counts:
                raise Failed("kwsite serve printed no 'grafieken: …' line for the rebuild:\n" + seen[-2000:])
            times = list(BUILT.finditer(seen))
            built = float(times[-1].group(1)) if times else None
            drawn, cached = int(counts[-1].group(1)), int(counts[-1].group(2))
            out.append(Rebuild(screen, built, drawn, cached, (before + load_average()) / 2, value, cpu))
            time.sleep(1)
    finally:
        serve.stop()
        csv_path(site).write_bytes(original)
    return out


def main() -> int:
    """(b) alone, on a new corpus: ``benchmarks/preview.py [--colleges 12] [--samples 5] [--keep DIR]``.
    A first build fills the chart cache; then a clean warm ``kwsite build`` (the divisor) and the
    preview rebuilds follow each other, as in ``benchmarks/run.py``."""
    import argparse
    import shutil
    import statistics
    import tempfile

    from corpus import Corpus
    from measure import build, git_repo

    parser = argparse.ArgumentParser(description=main.__doc__.splitlines()[0])
    parser.add_argument("--colleges", type=int, default=40)
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="use (or write) the corpus in this folder")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="kwsite-preview-"))
    site = args.keep.resolve() if args.keep else tmp / "kwsite"
    try:
        if not (site / "mkdocs.yml").is_file():
            measures, plans = max(10, 300 * args.colleges // 40), max(3, 100 * args.colleges // 40)
            Corpus(args.colleges, 30, measures, plans).write(site)
            git_repo(site)
            build(site, tmp, keep_cache=True)  # fills the chart cache
        clean = build(site, tmp, keep_cache=True)
        print(f"clean warm kwsite build: {clean.wall:.2f} s wall, {clean.cpu:.2f} s CPU, load {clean.load:.1f}")
        again = rebuilds(site, args.samples)
        for r in again:
            print(
                f"  {r.value}: {r.screen:.3f} s to the served page (MkDocs {'-' if r.built is None else f'{r.built:.2f}'} s; "
                f"serve CPU {r.cpu:.2f} s; load {r.load:.1f})"
            )
        screen = statistics.median(r.screen for r in again)
        print(f"preview: median {screen:.3f} s ÷ {clean.wall:.2f} s = {screen / clean.wall:.3f} (goal ≤ 0.15)")
        cpu = statistics.median(r.cpu for r in again)
        print(f"  by CPU: median {cpu:.3f} s ÷ {clean.cpu:.2f} s = {cpu / clean.cpu:.3f} (serve's CPU ÷ the build's)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
