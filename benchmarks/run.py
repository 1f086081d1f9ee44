"""Benchmark at scale (issues 8, 20): a 40-college synthetic agenda against stock MkDocs + Material,
measured as users run it.

One command, from the repository root after the README's set-up (Linux)::

    .venv/bin/python benchmarks/run.py [--runs 1] [--samples 5] [--colleges 40] [--no-pdf]
                                       [--results benchmarks/RESULTS.md] [--keep DIR]

It writes the corpus (``benchmarks/corpus.py``, a git repository) and its stock twin
(``benchmarks/stock.py``) to a temporary folder, then prints every figure beside its goal, with the
machine's 1-minute load average (``/proc/loadavg``) during it:

(a) a clean ``kwsite build`` ÷ stock ``mkdocs build`` of the same pages, with an empty chart cache
    (goal ≤ 2,0) and a warm one (goal ≤ 1,3), in CPU time of the whole process tree (the verdict:
    a busy machine cannot flatter it) and in wall time;
(a') the CI case: ``kwsite build`` in a fresh ``git clone``, with the chart cache restored (as the
    workflows' cache step does; held to the warm goal) and without (held to the empty-cache goal);
(b) the preview (``kwsite serve``) from save to screen: the seconds from writing one changed value
    in one CSV to the served page containing it (polled over HTTP; the value is not on the page
    before the save), median of ``--samples``, ÷ a clean warm ``kwsite build`` of the same site
    measured just before (goal ≤ 0,15); MkDocs' own "built in" figure beside it;
(c) CPU per chart drawn cold (empty-cache minus warm build), each chart kind's CPU drawn one by one,
    and the chart cache hit rate of the warm build and of the preview rebuild;
(d) the PDF of the corpus, rendered once (``kwsite pdf``): CPU seconds per 100 pages (goal ≤ 12)
    and peak memory of its process tree (goal ≤ 1 GiB);
(e) peak memory of a build, all processes together (held to the PDF's goal, ≤ 1 GiB).

Each build of a run is paired: stock, empty cache, warm, CI without and with the cache follow each
other, and each ratio divides two builds of the same turn; with ``--runs N`` the figure is the median
of the N ratios. Times are whole processes, start-up included; CPU is user + system time of the
process and all its descendants (``benchmarks/measure.py``). The run ends with a summary table
(figure | measured | goal | gehaald/niet gehaald | load) and the time each part took; ``--results
FILE`` puts that, the command, machine, commit and everything printed as the newest section into
FILE (``benchmarks/RESULTS.md``). A part that fails is reported as "niet gemeten" and the others
still run; the exit status is then 1. ``--colleges N`` makes a smaller corpus (measures and team
plans scale with it) to try the script out; its figures are not the issue's.

Duration with the defaults, estimated from whole runs with 4 and 12 colleges (315 and 617 PDF
pages) and the 40-college CPU times in RESULTS.md: 8 to 10 minutes on a quiet 2-core machine. The
PDF (about 1,650 pages at 40 colleges) takes about 5 of them, one turn of builds about 1,5 (each
more ``--runs`` adds one), corpus and stock twin, preview and chart kinds about 1,5 together; a
busy machine (load 5-7) takes about twice as long.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import report  # noqa: E402
from corpus import Corpus  # noqa: E402
from measure import GIB, KWSITE, PDF_PAGES, Failed, build, ci_build, git_repo, load_average, measure, median  # noqa: E402
from preview import rebuilds  # noqa: E402
from report import Figure, number  # noqa: E402
from stock import export  # noqa: E402

OUTPUT: list[str] = []


def say(text: str = "") -> None:
    """Print ``text`` and keep it for the results section."""
    print(text, flush=True)
    OUTPUT.extend(text.split("\n"))


def show(figures: list[Figure]) -> list[Figure]:
    for figure in figures:
        say("    " + figure.line)
    return figures


GOALS = {
    "empty": ("(a) kwsite build, empty cache ÷ stock mkdocs build, CPU", 2.0, ""),
    "warm": ("(a) kwsite build, warm cache ÷ stock mkdocs build, CPU", 1.3, ""),
    "ci-empty": ("(a') CI: fresh clone, cache not restored ÷ stock, CPU", 2.0, ""),
    "ci-warm": ("(a') CI: fresh clone, cache restored ÷ stock, CPU", 1.3, ""),
    "preview": ("(b) preview save → new value in the served page ÷ clean warm build, wall", 0.15, ""),
    "pdf-time": ("(d) PDF: CPU seconds per 100 pages", 12.0, "s"),
    "pdf-memory": ("(d) PDF: peak memory, process tree", 1.0, "GiB"),
    "build-memory": ("(e) peak memory of a kwsite build, process tree", 1.0, "GiB"),
    "kinds": ("(c) chart kinds: CPU per chart", None, "ms"),  # no goal; one row per kind when measured
}
"""The figures of issue 20 (name, limit for "≤", unit) that are listed also when not measured. The CI builds are held to the
goals of the builds they repeat; a build's memory to the PDF's."""


def goal(key: str, value: float | None, detail: str = "", load: float | None = None) -> Figure:
    name, limit, unit = GOALS[key]
    return Figure(name, value, limit, unit, detail, load)


def builds(site: Path, stock: Path, tmp: Path, runs: int, pages: int) -> list[Figure]:
    """(a), (a'), (c) per chart cold and hit rate warm, (e): paired turns of five builds."""
    say(f"\n(a, a', e) clean builds, CPU of the whole process tree, {runs} paired turn(s):")
    turns = []
    for i in range(runs):
        s = build(stock, tmp, keep_cache=True)
        c = build(site, tmp, keep_cache=False)
        w = build(site, tmp, keep_cache=True)
        fresh = ci_build(site, tmp, restored=False)
        restored = ci_build(site, tmp, restored=True)
        turns.append((s, c, w, fresh, restored))
        say(
            f"  turn {i + 1}: stock {number(s.cpu)} s CPU / {number(s.wall)} s wall (load {number(s.load, 1)}); "
            f"kwsite empty cache {number(c.cpu)} / {number(c.wall)} (load {number(c.load, 1)}); "
            f"warm {number(w.cpu)} / {number(w.wall)} (load {number(w.load, 1)}); "
            f"CI clone without cache {number(fresh.cpu)} / {number(fresh.wall)}, "
            f"with cache {number(restored.cpu)} / {number(restored.wall)} (load {number(restored.load, 1)})"
        )
        say(
            f"    CPU per page ({pages} pages): stock {number(1000 * s.cpu / pages, 1)} ms, kwsite empty cache "
            f"{number(1000 * c.cpu / pages, 1)} ms, warm {number(1000 * w.cpu / pages, 1)} ms"
        )
        say(
            f"    charts (drawn, from the cache): empty {c.charts}, warm {w.charts}, "
            f"CI without {fresh.charts}, with {restored.charts}"
        )

    def ratio(k: int, key: str) -> Figure:
        cpu = median(t[k].cpu / t[0].cpu for t in turns)
        wall = median(t[k].wall / t[0].wall for t in turns)
        return goal(key, cpu, f"wall {number(wall)}", median(r.load for t in turns for r in (t[0], t[k])))

    drawn, _ = turns[0][1].charts
    w_drawn, w_cached = turns[0][2].charts
    extra = median(t[1].cpu - t[2].cpu for t in turns)
    kwsite = [r for t in turns for r in t[1:]]
    peak = max(kwsite, key=lambda r: r.tree_peak)
    return show(
        [
            ratio(1, "empty"),
            ratio(2, "warm"),
            ratio(3, "ci-empty"),
            ratio(4, "ci-warm"),
            Figure(
                "(c) empty-cache build − warm build, CPU per chart drawn (charts, workbooks, pool)",
                1000 * extra / drawn if drawn else None,
                unit="ms",
                detail=f"{drawn} charts" if drawn else "no chart drawn",
            ),
            Figure(
                "(c) chart cache hit rate, warm build",
                100 * w_cached / (w_drawn + w_cached) if w_drawn + w_cached else None,
                unit="%",
                detail=f"{w_cached} of {w_drawn + w_cached}",
            ),
            goal(
                "build-memory",
                peak.tree_peak / GIB,
                f"largest single process {number(max(r.single_peak for r in kwsite) / GIB)} GiB",
                peak.load,
            ),
        ]
    )


def preview(site: Path, tmp: Path, samples: int) -> list[Figure]:
    """(b) and the hit rate of the preview rebuild."""
    say(f"\n(b) preview (kwsite serve) from save to screen, {samples} samples:")
    clean = build(site, tmp, keep_cache=True)
    say(f"  clean warm kwsite build just before: {number(clean.wall)} s wall (MkDocs' figure {number(clean.built)} s)")
    again = rebuilds(site, samples)
    for r in again:
        say(
            f"  {r.value}: {number(r.screen)} s to the served page (MkDocs' figure "
            f"{'not printed' if r.built is None else number(r.built) + ' s'}; "
            f"serve CPU {number(r.cpu)} s; {r.drawn} charts drawn, {r.cached} from the cache; load {number(r.load, 1)})"
        )
    screen = median(r.screen for r in again)
    hits = [100 * r.cached / (r.drawn + r.cached) for r in again if r.drawn + r.cached]
    return show(
        [
            goal(
                "preview",
                screen / clean.wall,
                f"median {number(screen)} s ÷ {number(clean.wall)} s; by MkDocs' timer "
                f"{number(median(r.built for r in again if r.built is not None) / clean.built)}; by CPU (serve ÷ build) "
                f"{number(median(r.cpu for r in again) / clean.cpu)}",
                median(r.load for r in again),
            ),
            Figure(
                "(c) chart cache hit rate, preview rebuild (lowest)",
                min(hits) if hits else None,
                unit="%",
                detail=f"{median(r.drawn for r in again):.0f} drawn (median)",
            ),
        ]
    )


def kinds(site: Path) -> list[Figure]:
    """(c): each chart kind's CPU, every chart of the corpus drawn one by one in this process."""
    from charts import cpu_per_kind, planned  # imports kwsite: only now

    say("\n(c) chart kinds, every chart drawn one by one (CPU of this process):")
    before = load_average()
    times = cpu_per_kind(planned(site / "data"))
    load = (before + load_average()) / 2
    return show(
        [
            Figure(
                f"(c) chart kind {kind}: CPU per chart (median)",
                1000 * median(t),
                unit="ms",
                detail=f"{len(t)} charts, {number(sum(t))} s in all",
                load=load,
            )
            for kind, t in sorted(times.items())
        ]
    )


def pdf(site: Path, tmp: Path) -> list[Figure]:
    """(d): the corpus PDF, rendered once."""
    say("\n(d) PDF of the corpus (kwsite pdf), rendered once:")
    run = measure([KWSITE, "pdf", str(site), "-o", str(tmp / "corpus.pdf")], tmp)
    found = PDF_PAGES.search(run.log)
    if found is None:
        raise Failed("kwsite pdf printed no page count:\n" + run.log[-2000:])
    pages = int(found.group(1))
    say(f"  {pages} pages in {number(run.wall, 1)} s wall, {number(run.cpu, 1)} s CPU")
    return show(
        [
            goal(
                "pdf-time",
                100 * run.cpu / pages,
                f"{pages} pages; wall {number(100 * run.wall / pages, 1)} s",
                run.load,
            ),
            goal(
                "pdf-memory",
                run.tree_peak / GIB,
                f"largest single process {number(run.single_peak / GIB)} GiB",
                run.load,
            ),
        ]
    )


ORDER = ["(a)", "(a')", "(b)", "(c)", "(d)", "(e)"]
"""The summary's order of the parts."""
PARTS = {
    "builds": ["empty", "warm", "ci-empty", "ci-warm", "build-memory"],
    "preview": ["preview"],
    "kinds": ["kinds"],
    "pdf": ["pdf-time", "pdf-memory"],
}
"""The figures that each part measures: listed as "niet gemeten" when it fails."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="paired turns of builds (default 1)")
    parser.add_argument("--samples", type=int, default=5, help="preview rebuilds for (b) (default 5)")
    parser.add_argument("--colleges", type=int, default=40, help="corpus size (default 40, the issue's)")
    parser.add_argument("--no-pdf", action="store_true", help="skip (d), the PDF (minutes at full size)")
    parser.add_argument("--keep", type=Path, help="write the corpus into this new folder and keep it")
    parser.add_argument("--results", type=Path, help="put the report into this file as its newest section")
    args = parser.parse_args()
    if args.colleges < 3:
        parser.error("--colleges: at least 3 (each measure names 3 colleges)")
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        parser.error(f"--keep {args.keep}: the folder is not empty")
    start, started, load_start = time.perf_counter(), report.now(), load_average()
    python = os.path.relpath(sys.executable) if not os.path.relpath(sys.executable).startswith("..") else sys.executable
    command = shlex.join([python, sys.argv[0], *sys.argv[1:]])
    tmp = Path(tempfile.mkdtemp(prefix="kwsite-bench-"))
    site, stock = (args.keep.resolve() if args.keep else tmp / "kwsite"), tmp / "stock"
    figures: list[Figure] = []
    pages = 0
    parts: list[tuple[str, float]] = []
    try:
        say(f"command: {command}")
        say(f"machine: {report.machine()}")
        say(f"kwsite commit: {report.commit()}; load at start {number(load_start, 1)}")
        corpus_start = time.perf_counter()
        measures, plans = max(10, 300 * args.colleges // 40), max(3, 100 * args.colleges // 40)
        Corpus(args.colleges, 30, measures, plans).write(site)
        git_repo(site)
        export(site, stock)
        pages = sum(1 for _ in (stock / "content").rglob("*.md"))
        parts.append(("corpus and stock twin", time.perf_counter() - corpus_start))
        say(f"corpus: {args.colleges} colleges, {pages} pages; turns: {args.runs}; preview samples: {args.samples}")
        steps = [
            ("builds", lambda: builds(site, stock, tmp, args.runs, pages)),
            ("preview", lambda: preview(site, tmp, args.samples)),
            ("kinds", lambda: kinds(site)),
        ]
        if not args.no_pdf:
            steps.append(("pdf", lambda: pdf(site, tmp)))
        for name, step in steps:
            part_start = time.perf_counter()
            try:
                figures += step()
            except Exception as exc:  # Failed, or a change in kwsite: the other parts still run
                say(f"\n{name}: FAILED\n{''.join(traceback.format_exception_only(exc)).strip()}")
                figures += [goal(key, None, "mislukt, zie hierboven") for key in PARTS[name]]
            parts.append((name, time.perf_counter() - part_start))
        if args.no_pdf:
            figures += [goal(key, None, "overgeslagen, --no-pdf") for key in PARTS["pdf"]]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # the corpus too, unless it is in --keep
    elapsed = time.perf_counter() - start
    figures.sort(key=lambda f: ORDER.index(f.name.split(")")[0] + ")"))
    say(
        "\nSummary"
        + ("" if args.colleges == 40 else f" (a {args.colleges}-college corpus: not the issue's figures)")
        + ":"
    )
    for row in report.table(figures):
        say(row)
    say("\ntime per part: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in parts))
    load_end = load_average()
    say(
        f"elapsed: {round(elapsed) // 60} min {round(elapsed) % 60} s; load at start {number(load_start, 1)}, at end {number(load_end, 1)}"
    )
    if args.results:
        context = report.Context(
            command, report.machine(), report.commit(), started, load_start, load_end, elapsed, args.colleges, pages
        )
        report.write_results(args.results, report.section(context, figures, OUTPUT))
        print(f"results written to {args.results}")
    return 1 if any(f.value is None and "--no-pdf" not in f.detail for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
