"""A chart as picklable data: its kind and the inputs of its functions, so that its text part is
computed at once (no drawing) and its SVG later, in this process or in a worker process."""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import ChartText, with_desc
from .kinds import KINDS


@dataclass(frozen=True)
class ChartJob:
    """One chart: ``kind`` (a key of :data:`kwsite.charts.kinds.KINDS`) and ``args``, the arguments
    of its functions (models, tables, rows and labels; all picklable)."""

    kind: str
    args: tuple
    alt: str | None = field(default=None, compare=False)
    """The alt text when already known (a build plans the text part first), so :meth:`svg` need
    not compute the text part again; ``None``: computed there."""

    def text(self) -> ChartText | None:
        """Key, alt text and data table; ``None`` when the data give no chart."""
        return KINDS[self.kind].text(*self.args)

    def inputs(self, memo: dict | None = None) -> str:
        """What the cache digest covers: the kind and every argument (:meth:`ChartKind.inputs`)."""
        return KINDS[self.kind].inputs(self.args, memo)

    def svg(self) -> str:
        """The ``<svg>`` element with ``<title>`` and the alt text as ``<desc>`` (only for a job whose
        :meth:`text` is not ``None``)."""
        return with_desc(KINDS[self.kind].svg(*self.args), self.alt if self.alt is not None else self.text().alt)


@dataclass(frozen=True)
class Failed:
    """A drawing that raised, as text that crosses process boundaries: ``"ValueError: …"``."""

    message: str


def draw_all(jobs: list[ChartJob]) -> list[str | Failed]:
    """The SVG of each job in order; a job that raises gives :class:`Failed`, the others still draw."""
    out: list[str | Failed] = []
    for job in jobs:
        try:
            out.append(job.svg())
        except Exception as exc:  # reported by the caller as a clean build error naming the chart
            out.append(Failed(f"{type(exc).__name__}: {exc}"))
    return out
