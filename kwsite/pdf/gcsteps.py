"""Python's cycle collector while WeasyPrint renders: one collection when drawing starts, no rescans.

A WeasyPrint render builds millions of long-lived objects (elements, styles, boxes, Pango layouts,
PDF objects) and keeps them until the file is written. CPython's collector rescans the whole heap
each time it has grown by a quarter (a "generation 2" collection): 24 full scans for a 683-page
document, about a quarter of the PDF's CPU time (a run without them: 84 → 66 s CPU, the same bytes).
:func:`collected_per_step` switches those full scans off during the render and instead, when WeasyPrint
starts drawing (``weasyprint.progress`` "Step 6"), collects once and freezes what is still alive
(``gc.freeze``), so later collections only look at new objects. Young objects are still collected
as usual; :func:`release` lets the collector see everything again at the end. Output does not depend
on when memory is freed (``tests/test_pdf_gcsteps.py`` compares bytes).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager

NO_FULL_SCANS = 10**9
"""A generation-2 threshold that is never reached."""
COLLECT_AT = frozenset({"Step 6"})
"""Collect (and freeze) when drawing starts: the layout's discarded attempts are garbage by then. 683
pages, one run each: collecting only here 72,5 s CPU and 1,184 MiB peak; at every step 74,7 s and
1,173 MiB; never until the end 65,9 s and 1,253 MiB; Python's default 84,1 s and 1,181 MiB."""


class _EachStep(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.step = None

    def emit(self, record):
        step = record.getMessage().split(" - ", 1)[0]  # "Step 5 - Creating layout - Page 12": "Step 5"
        if step != self.step:
            self.step = step
            if step in COLLECT_AT:
                gc.collect()
                gc.freeze()


def release() -> None:
    """Let the collector see the frozen objects again and collect (after the objects were dropped)."""
    gc.unfreeze()
    gc.collect()


@contextmanager
def collected_per_step() -> Iterator[None]:
    """While inside, no full rescans of the heap; one collection and a freeze when drawing starts.
    Thresholds, logger level and frozen objects are put back on leaving (also after an error)."""
    progress = logging.getLogger("weasyprint.progress")
    handler, level, thresholds = _EachStep(), progress.level, gc.get_threshold()
    was_enabled = gc.isenabled()
    propagate = progress.propagate
    progress.addHandler(handler)
    if progress.getEffectiveLevel() > logging.INFO:  # the step lines were not shown: they still are not
        progress.setLevel(logging.INFO)
        progress.propagate = False
    gc.set_threshold(thresholds[0], thresholds[1], NO_FULL_SCANS)
    try:
        yield
    finally:
        progress.removeHandler(handler)
        progress.setLevel(level)
        progress.propagate = propagate
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        if was_enabled:
            gc.enable()
