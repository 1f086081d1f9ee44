"""The built site's folder during ``kwsite build``: one build at a time into it, the new version put in
place only when the build succeeded, and Python's cycle collector held back while MkDocs runs.

Used by :func:`kwsite.cli.build`; the folder itself comes from :class:`kwsite.project.Project`.
"""

from __future__ import annotations

import fcntl
import gc
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Busy(Exception):
    """Another ``kwsite build`` holds the lock on the folder of the target (:func:`build_lock`)."""


@contextmanager
def build_lock(target: Path) -> Iterator[None]:
    """Hold a lock on the folder that holds ``target`` for one build, so a second ``kwsite build`` into
    the same folder stops at once instead of moving the site away under the first. The lock is an
    ``flock`` on the folder itself (no lock file is left behind); it ends with the process, also when
    that crashes. Raises :class:`Busy` when another build holds it."""
    handle = os.open(target.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(str(target)) from None
        yield
    finally:
        os.close(handle)


YOUNG_OBJECTS = 10_000
"""Python's cycle collector runs after this many new objects (its default: 700) during ``kwsite build``."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cycle collector less often while one build runs in this process: what is loaded before
    it (modules, classes) is frozen (``gc.freeze``: never scanned again), and a collection starts after
    :data:`YOUNG_OBJECTS` new objects instead of 700. With the defaults a warm build of the 40-college
    corpus spent 0,7 s CPU in the collector, of which 0,5 s in eight scans of the whole heap (the site's
    data, the generated pages, MkDocs' files and pages); with this 0,3 s and no full scan. Garbage
    without cycles is freed at once as always, and the output does not depend on when memory is freed.
    The PDF render sets its own thresholds (:mod:`kwsite.pdf.gcsteps`). Put back on leaving."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def swap(new: Path, target: Path) -> None:
    """Put directory ``new`` in the place of ``target`` with two renames; the old version is removed
    only after the new one is in place (``shutil.rmtree``: links inside are removed, never followed)."""
    old = target.with_name(f".{target.name}.oud")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
