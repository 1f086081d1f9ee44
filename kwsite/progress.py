"""Progress bars for the long steps (charts, PDF), shown only on a terminal.

``steps(label, length)`` is a context manager yielding ``tick(n)``; when stderr
is not a TTY (CI, tests, pipes) it yields a no-op and prints nothing.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

import click


@contextlib.contextmanager
def steps(label: str, length: int) -> Iterator[Callable[[int], None]]:
    if not sys.stderr.isatty() or length <= 0:
        yield lambda n: None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr, show_eta=False) as bar:
        yield bar.update
