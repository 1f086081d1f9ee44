"""The report of ``benchmarks/run.py``: each figure beside its goal, the summary table, and the
Markdown section for ``benchmarks/RESULTS.md`` (``--results FILE``) that records exactly what the
run printed, with the command, the machine, the commit and the date."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kwsite", "mkdocs", "mkdocs-material", "matplotlib", "weasyprint", "pydyf", "openpyxl")


def number(value: float, decimals: int = 2) -> str:
    """``value`` with a decimal comma (``1,23``)."""
    return f"{value:.{decimals}f}".replace(".", ",")


@dataclass
class Figure:
    """One figure of issue 20 with its goal (``limit`` None: no goal, reported only)."""

    name: str
    value: float | None
    """None: not measured (the run failed or the part was skipped; ``detail`` says why)."""
    limit: float | None = None
    unit: str = ""
    detail: str = ""
    """What to show beside the value (e.g. wall time)."""
    load: float | None = None

    @property
    def met(self) -> bool | None:
        if self.value is None or self.limit is None:
            return None
        return self.value <= self.limit

    @property
    def measured(self) -> str:
        if self.value is None:
            return "niet gemeten" + (f" ({self.detail})" if self.detail else "")
        decimals = 2
        # never print a value that looks like the goal while it misses it (2,004 as "2,00")
        while decimals < 4 and self.limit is not None and (round(self.value, decimals) <= self.limit) != self.met:
            decimals += 1
        text = number(self.value, decimals) + (f" {self.unit}" if self.unit else "")
        return text + (f" ({self.detail})" if self.detail else "")

    @property
    def goal(self) -> str:
        if self.limit is None:
            return "—"
        return f"≤ {number(self.limit, 2 if self.limit < 1 else 1)}" + (f" {self.unit}" if self.unit else "")

    @property
    def verdict(self) -> str:
        if self.value is None and self.limit is not None:
            return "niet gemeten"
        return {True: "gehaald", False: "niet gehaald", None: "—"}[self.met]

    @property
    def line(self) -> str:
        """The figure beside its goal, for the detailed output."""
        load = f"; load {number(self.load, 1)}" if self.load is not None else ""
        if self.limit is None:
            return f"{self.name}: {self.measured}{load}"
        return f"{self.name}: {self.measured}  (doel {self.goal}: {self.verdict}{load})"


def table(figures: list[Figure]) -> list[str]:
    """The summary as a Markdown table: figure | measured | goal | gehaald/niet gehaald | load."""
    rows = ["| figure | measured | goal | gehaald/niet gehaald | load |", "|---|---|---|---|---|"]
    for f in figures:
        load = number(f.load, 1) if f.load is not None else ""
        rows.append(f"| {f.name} | {f.measured} | {f.goal} | {f.verdict} | {load} |")
    return rows


def versions() -> str:
    out = []
    for name in PACKAGES:
        try:
            out.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(out)


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.processor()
    )
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (
        f"{len(os.sched_getaffinity(0))} cores usable ({model}), {memory:.0f} GiB, "
        f"Python {platform.python_version()}, {versions()}"
    )


def commit() -> str:
    """The kwsite commit measured, and whether the work tree differs from it."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short=12", "HEAD") or "unknown"
    changed = git("status", "--porcelain", "--untracked-files=no")
    return head + (" with uncommitted changes" if changed else "")


@dataclass
class Context:
    """What the results section says about the run besides its figures."""

    command: str
    machine: str
    commit: str
    started: datetime.datetime
    load_before: float
    load_after: float
    elapsed: float
    colleges: int = 40
    pages: int = 0


def section(context: Context, figures: list[Figure], output: list[str]) -> str:
    """The Markdown section for RESULTS.md: heading with date, command, machine, commit, load, the
    summary table and everything the run printed."""
    minutes, seconds = divmod(round(context.elapsed), 60)
    met = sum(1 for f in figures if f.met)
    goals = sum(1 for f in figures if f.limit is not None)
    lines = [
        f"## {context.started:%Y-%m-%d %H:%M} UTC: `benchmarks/run.py`, {met} of {goals} goals met"
        + ("" if context.colleges == 40 else f" (a {context.colleges}-college corpus, not the issue's)"),
        "",
        f"- command: `{context.command}`",
        f"- corpus: {context.colleges} colleges, {context.pages} pages (`benchmarks/corpus.py`)",
        f"- machine: {context.machine}",
        f"- kwsite commit: {context.commit}",
        f"- load average (1 min) before {number(context.load_before, 1)}, after {number(context.load_after, 1)};"
        f" elapsed {minutes} min {seconds} s",
        "",
        *table(figures),
        "",
        "What the run printed:",
        "",
        "```text",
        *output,
        "```",
        "",
    ]
    return "\n".join(lines)


def write_results(path: Path, text: str) -> None:
    """Put ``text`` into ``path`` as its newest section: after the file's title (its first line, when
    that is a ``# `` heading) and before the older sections; a new file gets a title first."""
    if path.exists():
        old = path.read_text(encoding="utf-8")
        first, sep, rest = old.partition("\n")
        if first.startswith("# "):
            path.write_text(f"{first}\n\n{text}\n{rest.lstrip(chr(10))}", encoding="utf-8")
        else:
            path.write_text(f"{text}\n{old}", encoding="utf-8")
    else:
        path.write_text(f"# Benchmark at scale (issues 8 and 20)\n\n{text}", encoding="utf-8")


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
