"""The college chart: one college's values of a ``rows: unit`` table over its periods, beside the
institution total. Text part (:func:`college_text`) and drawing (:func:`college_svg`) are apart,
so a page can use the text while the SVG is drawn elsewhere."""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal


from ..model import Table
from ..model.site import Row
from ..numbers import MISSING
from .college_geometry import BOTTOM, GRID, LEFT, PAD, RIGHT, SIZE, STYLES, TICK, TITLE_LINE, _positions, _y_range  # noqa: F401
from .base import (
    MUTED,
    STYLE,
    TITLE_WIDTH,
    UNIT_LABEL,
    Chart,
    ChartText,
    _cell,
    _clean_svg,
    _DutchTicks,
    _floats,
    fmt,
)


def college_key(unit_id: str, table_id: str) -> str:
    """``college-<unit>-<table>``: the SVG's file name and id prefix."""
    return f"college-{unit_id}-{table_id}"


def _values_text(label: str, periods: Sequence[str], values: Sequence[Decimal | None], unit: str) -> str:
    cells = "; ".join(f"{p} {MISSING if v is None else fmt(v, unit)}" for p, v in zip(periods, values))
    return f"{label}: {cells}."


def college_alt(meta: Table, periods: Sequence[str], row: Row, total: Row | None, labels: tuple[str, ...]) -> str:
    """Dutch alt text naming the college (its full name, ``labels[2]`` when given), the table and every
    value (missing ones as such)."""
    college, total_label, *full = labels
    college = full[0] if full else college
    beside = f" naast {total_label}" if total is not None else ""
    parts = [f"Lijngrafiek {meta.title}: {college}{beside}, per periode."]
    parts.append(_values_text(college, periods, row.values, meta.unit))
    if total is not None:
        parts.append(_values_text(total_label, periods, total.values, meta.unit))
    return " ".join(parts)


def college_rows(periods: Sequence[str], row: Row, total: Row | None, unit: str, display: bool):
    """One tuple per period: ``(period, college value[, total value])`` as display or CSV text."""
    series = [row] + ([total] if total is not None else [])
    return tuple((p, *(_cell(r.values[i], unit, display) for r in series)) for i, p in enumerate(periods))


def college_text(
    unit_id: str, meta: Table, periods: Sequence[str], row: Row, total: Row | None, labels: tuple[str, str]
) -> ChartText | None:
    """The chart's key, alt text and data table (``Periode``, college, total); ``None`` when the
    college row has no value at all. ``labels`` = (college short name, total name[, full college name
    for the alt text])."""
    if all(v is None for v in row.values):
        return None
    columns = ("Periode", labels[0]) + ((labels[1],) if total is not None else ())
    return ChartText(
        college_key(unit_id, meta.id),
        college_alt(meta, periods, row, total, labels),
        columns,
        college_rows(periods, row, total, meta.unit, True),
        college_rows(periods, row, total, meta.unit, False),
    )


# --- drawing ---------------------------------------------------------------------------------
# One template figure per process, reused: every property a chart sets is set again by the
# next chart (texts, data, limits, ticks, ids, axes box), so a chart's SVG does not depend on
# the charts drawn before it (tests/test_charts_college.py checks this in a fresh process).


_TEMPLATE: dict[str, _Template] = {}


class _Template:
    """The reused figure: axes with two lines, grid and tick marks as line collections, tick labels
    as plain texts (matplotlib's own ticks measure every label twice: most of a chart's time), title,
    y label and a two-entry legend row."""

    def __init__(self) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.collections import LineCollection
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
        from matplotlib.ticker import NullLocator

        fig = Figure(figsize=SIZE)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.1, 0.2, 0.8, 0.6))
        ax.xaxis.set_major_locator(NullLocator())
        ax.yaxis.set_major_locator(NullLocator())
        self.lines = [ax.plot([], [], color=c, marker=m, ls=ls, lw=lw, ms=5, zorder=3)[0] for c, m, ls, lw in STYLES]
        self.grid = ax.add_collection(
            LineCollection(
                [], colors=GRID, linewidths=STYLE["grid.linewidth"], zorder=0.5, transform=ax.get_yaxis_transform()
            ),
            autolim=False,
        )
        self.marks = ax.add_collection(
            LineCollection([], colors=MUTED, linewidths=0.8, clip_on=False, transform=ax.get_xaxis_transform()),
            autolim=False,
        )
        width, height = (v * 72 for v in SIZE)
        self.title = fig.text(PAD / width, 1 - PAD / height, "", va="top", ha="left", fontsize=10, fontweight="bold")
        self.ylabel = fig.text(PAD / width, 0.5, "", va="center", ha="left", rotation=90)
        self.xticks: list = []
        self.yticks: list = []
        self.keys, self.labels = [], []
        for i, (c, m, ls, lw) in enumerate(STYLES):
            x = (LEFT + 150 * i) / width
            key = Line2D(
                [x, x + 13 / width, x + 26 / width],
                [PAD / height + 0.03] * 3,
                color=c,
                marker=m,
                ls=ls,
                lw=lw,
                ms=5,
                markevery=[1],
                transform=fig.transFigure,
            )
            self.keys.append(fig.add_artist(key))
            self.labels.append(fig.text(x + 31 / width, PAD / height + 0.03, "", va="center", ha="left", fontsize=8))
        self.fig, self.ax, self.size = fig, ax, (width, height)

    def tick_labels(self, axis: str, texts: list[tuple[float, str]]) -> None:
        """Show ``(position, text)`` labels along the x or y axis; spare label objects are hidden."""
        pool = self.xticks if axis == "x" else self.yticks
        grown = len(pool) < len(texts)
        while len(pool) < len(texts):
            pool.append(self._tick_text(axis))
        if axis == "x" and grown and self.yticks:  # keep every x label before the y labels, as in a fresh
            for label in self.yticks:  # process: the SVG must not depend on the charts drawn before
                label.remove()
            self.yticks = [self._tick_text("y") for _ in self.yticks]
        for i, label in enumerate(pool):
            label.set_visible(i < len(texts))
            if i < len(texts):
                label.set_text(texts[i][1])
                label.set_position((texts[i][0], 0) if axis == "x" else (0, texts[i][0]))

    def _tick_text(self, axis: str):
        from matplotlib.transforms import offset_copy

        ax = self.ax
        if axis == "x":
            where = offset_copy(ax.get_xaxis_transform(), self.fig, y=-(2 * TICK), units="points")
            return ax.text(0, 0, "", transform=where, ha="center", va="top", clip_on=False)
        where = offset_copy(ax.get_yaxis_transform(), self.fig, x=-TICK, units="points")
        return ax.text(0, 0, "", transform=where, ha="right", va="center", clip_on=False)


def _template() -> _Template:
    import matplotlib

    if "college" not in _TEMPLATE:
        with matplotlib.rc_context(STYLE):
            _TEMPLATE["college"] = _Template()
    return _TEMPLATE["college"]


def _fill(t: _Template, key: str, meta: Table, periods: Sequence[str], series: list[tuple[str, Row | None]]) -> None:
    """Set every varying property of the template for one chart."""
    width, height = t.size
    title = textwrap.fill(f"{meta.title}: {series[0][0]}", TITLE_WIDTH)
    t.title.set_text(title)
    top = PAD + TITLE_LINE * (title.count("\n") + 1) + 8
    t.ax.set_position((LEFT / width, BOTTOM / height, 1 - (LEFT + RIGHT) / width, 1 - (BOTTOM + top) / height))
    xs, labels = _positions(periods)
    known = []
    for line, key_line, text, (label, row) in zip(t.lines, t.keys, t.labels, series):
        ys = _floats(row.values) if row is not None else []
        line.set_data(xs if row is not None else [], ys)
        line.set_gid(f"{key}-{'college' if line is t.lines[0] else 'total'}")
        known += [y for y in ys if not math.isnan(y)]
        for artist in (line, key_line, text):
            artist.set_visible(row is not None)
        text.set_text(label)
    step = (xs[-1] - xs[0]) / max(len(xs) - 1, 1) or 1.0
    t.ax.set_xlim(xs[0] - step * 0.25, xs[-1] + step * 0.25)
    t.tick_labels("x", list(zip(xs, labels)))
    axes_height = height * t.ax.get_position().height
    t.marks.set_segments([[(x, 0), (x, -TICK / axes_height)] for x in xs])
    low, high, ticks = _y_range(known, meta.unit)
    t.ax.set_ylim(low, high)
    dutch = _DutchTicks(meta.unit)
    dutch.set_locs(ticks)
    t.tick_labels("y", [(y, dutch(y)) for y in ticks])
    t.grid.set_segments([[(0, y), (1, y)] for y in ticks])
    t.ylabel.set_text(UNIT_LABEL[meta.unit])


def college_svg(
    unit_id: str, meta: Table, periods: Sequence[str], row: Row, total: Row | None, labels: tuple[str, str]
) -> str:
    """The chart as a bare ``<svg>`` (432 × 209 pt): the college's line (solid, circles) and the
    total's (dashed, squares) over the table's periods in table order; a missing value is a gap.
    The arguments are those of :func:`college_text` (which must not be ``None``)."""
    import matplotlib

    from .college_svg import college_template_svg

    key = college_key(unit_id, meta.id)
    if total is not None:
        svg = college_template_svg(key, meta, periods, [(labels[0], row), (labels[1], total)])
        if svg is not None:
            return svg
    with matplotlib.rc_context({**STYLE, "svg.hashsalt": f"kwsite:{key}"}):
        t = _template()
        _fill(t, key, meta, periods, [(labels[0], row), (labels[1], total)])
        buffer = io.StringIO()
        t.fig.savefig(buffer, format="svg", metadata={"Date": None})
    return _clean_svg(buffer.getvalue(), key, t.title.get_text())


def college_chart(
    unit_id: str, meta: Table, periods: Sequence[str], row: Row, total: Row | None, labels: tuple[str, str]
) -> Chart | None:
    """:func:`college_text` with its drawing, or ``None``."""
    text = college_text(unit_id, meta, periods, row, total, labels)
    return None if text is None else Chart.of(text, college_svg(unit_id, meta, periods, row, total, labels))
