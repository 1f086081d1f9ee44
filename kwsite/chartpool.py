"""Drawing the SVGs of cache misses while the build goes on.

A page needs only a chart's text part; its SVG is a :class:`Pending` whose
:meth:`Pending.result` waits for the drawing and then stores the SVG in the
:class:`~kwsite.chartcache.ChartCache`. Charts of the :data:`HERE_KINDS` (drawn from
a template) and, with few matplotlib misses (at most :data:`POOL_AFTER`), all
charts are drawn in this process, each when first asked for; with more, a
process pool (one worker per usable core, ``forkserver`` start method: no fork
of a process with threads, such as ``mkdocs serve``) draws the matplotlib ones
in batches of :data:`BATCH` as soon as they are known (a pool that cannot start its
workers leaves the drawing to this process; as with any ``forkserver`` pool, a
script that builds must guard its main code with ``if __name__ == "__main__"``).
The SVG does not depend
on where it was drawn (each chart sets its whole look; see
:mod:`kwsite.charts.college` for the reused figure).
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .chartcache import ChartCache
from .charts.base import ChartText
from .charts.jobs import ChartJob, Failed, draw_all

POOL_AFTER = 150
"""More matplotlib misses than this in one build start the pool. The pool never saves CPU (the fork
server and each worker import matplotlib and measure every text again): on the 40-college corpus
(90 matplotlib charts, about 15 s of drawing) it cost 1,4-3,6 s more CPU than drawing here, and on
a busy 2-core machine no wall time either (benchmarks/RESULTS.md, issue 20 part 3). It pays only in
wall time on an idle machine with a lot to draw: from about 150 charts (20 s or more)."""
HERE_KINDS = frozenset({"college", "compare"})
"""Chart kinds always drawn in this process, also while the pool runs: drawn through an SVG template
(:mod:`kwsite.charts.college_svg`, about 1 ms; :mod:`kwsite.charts.bars_svg`, about 8 ms), so sending one to a worker (pickling both ways)
costs more CPU than drawing it. They do not count towards :data:`POOL_AFTER`."""
PRELOAD = [
    "kwsite.charts.jobs",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_svg",
    "matplotlib.collections",
    "matplotlib.lines",
    "matplotlib.ticker",
]
"""Imported once by the fork server, so each worker starts with them (the chart modules import
matplotlib only when drawing)."""
BATCH = 8
"""Charts per task sent to a worker (fewer round trips; still small enough to keep both busy)."""


class ChartError(Exception):
    """A chart could not be drawn; the message names its key and the cause."""


@dataclass(frozen=True)
class PlannedChart(ChartText):
    """A chart's text part with its SVG as ``source``: a string (from the cache) or a
    :class:`Pending` drawing (``source.result()`` waits for it)."""

    source: object = None

    @property
    def svg(self) -> str:
        """The SVG; waits for the drawing."""
        return self.source if isinstance(self.source, str) else self.source.result()


def usable_cores() -> int:
    """Cores this process may run on (``sched_getaffinity``), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Pending:
    """The SVG of one chart being drawn (``key`` names it in errors)."""

    def __init__(self, key: str, digest: str, job: ChartJob, drawer: Drawer) -> None:
        self.key, self.digest, self.job = key, digest, job
        self._drawer = drawer
        self._future: Future | None = None
        self._index = 0
        self._svg: str | None = None

    def done(self) -> bool:
        """Whether :meth:`result` would return without drawing or waiting."""
        return self._svg is not None or (self._future is not None and self._future.done())

    def result(self) -> str:
        """The SVG; waits for a worker, or draws here when no worker has it. Raises
        :class:`ChartError` when the drawing failed."""
        if self._svg is None:
            svg = self._from_worker() if self._future is not None else self._draw_here()
            if isinstance(svg, Failed):
                raise ChartError(f"grafiek {self.key} kon niet getekend worden: {svg.message}")
            self._drawer.cache.put(self.digest, svg)
            self._svg = svg
        return self._svg

    def _draw_here(self) -> str | Failed:
        return draw_all([self.job])[0]

    def _from_worker(self) -> str | Failed:
        try:
            return self._future.result()[self._index]
        except BrokenProcessPool as exc:
            return Failed(f"het tekenproces stopte onverwacht ({exc})")


class Session:
    """Chart state kept between the builds of one ``serve`` session: the SVGs known so far
    (``memory``, for :class:`~kwsite.chartcache.ChartCache`) and a pool whose workers stay up,
    so the few charts a rebuild needs are drawn beside MkDocs without starting workers."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.memory: dict[str, str] = {}
        self.texts: dict[str, object] = {}
        """Chart text parts by digest (a text is a function of the chart's inputs only)."""
        self.digests: dict[bytes, str] = {}
        """Cache digest by sha256 of the pickled kind and arguments (:meth:`kwsite.build.ChartSet.plan`)."""
        self._pool: ProcessPoolExecutor | None = None

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = _new_pool(self.workers)
        return self._pool

    def close(self) -> None:
        """Stop the workers (at the end of the session)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=True, cancel_futures=True)


class Drawer:
    """Draws cache misses for one build; ``workers`` ≤ 1 means always in this process. With a
    :class:`Session` (and more than one worker) every miss goes to the session's pool."""

    def __init__(
        self,
        cache: ChartCache,
        workers: int = 1,
        pool_after: int | None = None,
        session: Session | None = None,
        here_kinds: frozenset[str] = HERE_KINDS,
    ) -> None:
        self.cache, self.workers = cache, workers
        self.pool_after = POOL_AFTER if pool_after is None else pool_after
        self.here_kinds = here_kinds
        self.pending: list[Pending] = []
        self._heavy = 0
        self._batch: list[Pending] = []
        self._pool: ProcessPoolExecutor | None = None
        self.session = session if session is not None and session.workers > 1 else None

    def submit(self, key: str, digest: str, job: ChartJob) -> Pending:
        """Plan the drawing of ``job``; the result is drawn by :meth:`Pending.result` at the latest."""
        pending = Pending(key, digest, job, self)
        self.pending.append(pending)
        if job.kind in self.here_kinds:  # drawn here when first asked for
            return pending
        self._batch.append(pending)
        self._heavy += 1
        if self._pool is None and self.session is not None:
            self._pool = self.session.pool()
        elif self._pool is None and self.workers > 1 and self._heavy > self.pool_after:
            self._pool = _new_pool(self.workers)
        if self._pool is not None and len(self._batch) >= BATCH:
            self._send()
        return pending

    def flush(self) -> None:
        """Send the last, partial batch (when the pool runs); call once all charts are planned."""
        if self._pool is not None and self._batch:
            self._send()

    def _send(self) -> None:
        batch, self._batch = self._batch, []
        try:
            future = self._pool.submit(draw_all, [p.job for p in batch])
        except BrokenProcessPool:  # e.g. a worker could not start: draw here instead
            if self.session is not None:  # the session starts a new pool for the next build
                self.session.close()
                self.session = None
            self.close()
            self.workers = 1
            return
        for i, pending in enumerate(batch):
            pending._future, pending._index = future, i

    def finish(self) -> None:
        """Wait for every drawing (storing each in the cache), then stop the pool.
        Raises :class:`ChartError` for the first chart that failed."""
        try:
            for pending in self.pending:
                pending.result()
        finally:
            self.close()

    def close(self) -> None:
        """Stop the pool without waiting for drawings not yet started (after a failed build);
        a session's pool stays up."""
        if self._pool is not None and self.session is not None:
            self._pool = None
        elif self._pool is not None:
            pool, self._pool = self._pool, None
            pool.shutdown(wait=True, cancel_futures=True)


def stop_fork_server() -> None:
    """Stop the ``forkserver`` process that :func:`_new_pool` started (it keeps matplotlib
    imported, some 100 MiB, until this process ends): call when no more charts will be drawn,
    e.g. before the PDF. A later pool starts a new one. Does nothing when none runs."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    if server is not None and getattr(server, "_forkserver_pid", None) is not None and hasattr(server, "_stop"):
        server._stop()


def _new_pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # workers fork with matplotlib imported
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)
