"""Charts of data tables: bars per college, lines per series."""

from __future__ import annotations

import math
import textwrap
from ..model.site import Row, TableData

from typing import TYPE_CHECKING

from .bars_svg import Bar, HBars, Key, hbars_svg
from .indicator import _series_alt
from ..numbers import MISSING
from .base import (
    honest_ylim,
    SERIES,
    BASELINE,
    FIGSIZE,
    TITLE_WIDTH,
    PALETTE,
    MUTED,
    MARKERS,
    LINESTYLES,
    UNIT_LABEL,
    ROW_HEADER,
    MAX_LINES,
    Chart,
    ChartText,
    fmt,
    _cell,
    _year,
    _render,
    _DutchTicks,
    _year_axis,
    _floats,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _total_row(table: TableData) -> Row | None:
    """The institution-total row: unit ``total``, else the row labelled ``meta.total``."""
    return table.row_for_unit("total") or (table.row(table.meta.total) if table.meta.total else None)


def _last_period(table: TableData) -> int | None:
    """Index of the last period in which any row has a value."""
    filled = [i for i in range(len(table.periods)) if any(r.values[i] is not None for r in table.rows)]
    return filled[-1] if filled else None


def _bars_alt(table: TableData, index: int) -> str:
    unit, period = table.meta.unit, table.periods[index]
    known = [(r.label, r.values[index]) for r in table.rows if r.values[index] is not None]
    high, low = max(known, key=lambda lv: lv[1]), min(known, key=lambda lv: lv[1])
    parts = [
        f"Staafdiagram {table.meta.title}, {period}: {len(table.rows)} rijen;",
        f"hoogste {high[0]} {fmt(high[1], unit)}, laagste {low[0]} {fmt(low[1], unit)}.",
    ]
    total = _total_row(table)
    if total is not None:
        parts.append(f"{total.label}: {_cell(total.values[index], unit, True)}.")
    missing = [r.label for r in table.rows if r.values[index] is None]
    if missing:
        parts.append(f"{MISSING.capitalize()}: {', '.join(missing)}.")
    return " ".join(parts)


def _draw_bars(fig: Figure, table: TableData, index: int, key: str) -> None:
    """Horizontal bars of period ``index``, table order top to bottom, total highlighted.

    Row labels and value labels are plain texts placed with offset transforms (matplotlib's
    own ticks and annotations measure each label several times: most of a 40-row chart's time)."""
    from matplotlib.transforms import blended_transform_factory, offset_copy

    ax = fig.add_subplot()
    unit, total = table.meta.unit, _total_row(table)
    values = offset_copy(ax.transData, fig, x=2, units="points")
    labels = offset_copy(blended_transform_factory(ax.transAxes, ax.transData), fig, x=-3, units="points")
    for i, row in enumerate(table.rows):
        bold = "bold" if row is total else "normal"
        ax.text(0, i, row.label, transform=labels, ha="right", va="center", fontweight=bold, clip_on=False)
        value = row.values[index]
        if value is None:
            ax.text(0, i, f" {MISSING}", va="center", ha="left", fontsize=8, style="italic", color=MUTED)
            continue
        colour = BASELINE if row is total else SERIES
        ax.barh(i, float(value), height=0.66, color=colour, gid=f"{key}-bar-{i}", zorder=2)
        ax.text(
            float(value),
            i,
            fmt(value, unit),
            transform=values,
            va="center",
            fontsize=8,
            fontweight=bold,
            zorder=4,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"},
        )
    ax.set_yticks([])
    margin = 0.05 * (len(table.rows) - 1 + 0.66)  # matplotlib's 5 %, around every row (one without a bar too)
    ax.set_ylim(len(table.rows) - 1 + 0.33 + margin, -0.33 - margin)
    if total is not None and total.values[index] is not None:
        line = ax.axvline(
            float(total.values[index]),
            color=BASELINE,
            ls="--",
            lw=1.2,
            zorder=3,
            label=f"{total.label}: {fmt(total.values[index], unit)}",
        )
        fig.legend(handles=[line], loc="outside lower center")
    ax.grid(axis="y", visible=False)
    ax.margins(x=0.12)
    if all(v is None or v >= 0 for r in table.rows for v in [r.values[index]]):
        ax.set_xlim(left=0)  # bars start at zero
    ax.xaxis.set_major_formatter(_DutchTicks(unit))
    ax.set_xlabel(f"{UNIT_LABEL[unit]}, {table.periods[index]}")
    ax.set_title(textwrap.fill(f"{table.meta.title} ({table.periods[index]})", TITLE_WIDTH))


def _lines_alt(table: TableData) -> str:
    unit, what = table.meta.unit, ROW_HEADER[table.meta.rows].lower()
    parts = [f"Lijngrafiek {table.meta.title}, één lijn per {what}."]
    parts += [_series_alt(r.label, table.periods, r.values, unit) for r in table.rows]
    return " ".join(parts)


def _end_labels(ax: Axes, ends: list[tuple[float, float, str, str]], gap: float, dx: float) -> None:
    """Direct labels right of the line ends (x, y, label, colour), at least ``gap`` apart vertically.

    Pushed up from the lowest; then, if the stack overshoots the highest end, pulled down from the top.
    """
    ends = sorted(ends, key=lambda e: e[1])
    placed: list[float] = []
    for _x, y, _label, _colour in ends:
        placed.append(max([y] + [p + gap for p in placed[-1:]]))
    for i in reversed(range(len(placed))):
        ceiling = ends[-1][1] if i == len(placed) - 1 else placed[i + 1] - gap
        placed[i] = min(placed[i], ceiling)
    for (x, y, label, colour), y_text in zip(ends, placed):
        ax.annotate(
            label,
            (x, y),
            xytext=(x + dx, y_text),
            textcoords="data",
            va="center",
            ha="left",
            fontsize=8,
            color=colour,
            annotation_clip=False,
            arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.6, "shrinkA": 1, "shrinkB": 4},
        )


def _draw_lines(fig: Figure, table: TableData) -> None:
    """One line per row; marker, line style and colour all differ; labels at the line ends."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax = fig.add_subplot()
    years = [_year(p) for p in table.periods]
    numeric = all(years)
    xs = years if numeric else list(range(len(table.periods)))
    ends, values, total_row = [], [], _total_row(table)
    for i, row in enumerate(table.rows):
        ys = _floats(row.values)
        colour, total = PALETTE[i % len(PALETTE)], row is total_row
        ax.plot(
            xs,
            ys,
            color=colour,
            marker=MARKERS[i % len(MARKERS)],
            ls=LINESTYLES[i % len(LINESTYLES)],
            lw=2.4 if total else 1.6,
            ms=5,
            zorder=3,
        )
        known = [(x, y) for x, y in zip(xs, ys) if not math.isnan(y)]
        values += [y for _, y in known]
        if known:
            ends.append((*known[-1], row.label, colour))
    span = (max(values) - min(values)) or abs(max(values)) or 1.0
    _end_labels(ax, ends, gap=span * 0.09, dx=(max(xs) - min(xs) or 1) * 0.04)
    ax.margins(x=0.04, y=0.12)
    if numeric:
        _year_axis(ax.xaxis, xs)
    else:
        ax.set_xticks(xs)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: table.periods[int(round(x))]))
    ax.set_ylim(*honest_ylim(*ax.get_ylim(), table.meta.unit))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(_DutchTicks(table.meta.unit))
    ax.set_ylabel(UNIT_LABEL[table.meta.unit])
    ax.set_title(textwrap.fill(table.meta.title, TITLE_WIDTH))


def _table_rows(table: TableData, display: bool) -> tuple[tuple[str, ...], ...]:
    return tuple((r.label, *(_cell(v, table.meta.unit, display) for v in r.values)) for r in table.rows)


def _bars(table: TableData) -> bool:
    return table.meta.rows == "unit" or len(table.rows) > MAX_LINES


def table_text(table: TableData) -> ChartText | None:
    """The text part of :func:`table_chart` (no drawing), or ``None`` for a table without any value."""
    index = _last_period(table) if table.rows else None
    if index is None:
        return None
    columns = (ROW_HEADER[table.meta.rows], *table.periods)
    alt = _bars_alt(table, index) if _bars(table) else _lines_alt(table)
    return ChartText(f"table-{table.meta.id}", alt, columns, _table_rows(table, True), _table_rows(table, False))


def _bars_height(table: TableData) -> float:
    return max(FIGSIZE[1], 1.2 + 0.19 * len(table.rows))  # keep ≥ 0.19 in per bar


def table_bars(table: TableData) -> HBars:
    """The bars of a table as :class:`~kwsite.charts.bars_svg.HBars`: what :func:`_draw_bars` draws,
    for the template."""
    index = _last_period(table)
    unit, total, key = table.meta.unit, _total_row(table), f"table-{table.meta.id}"
    bars = tuple(
        Bar(
            row.label,
            None if row.values[index] is None else float(row.values[index]),
            "" if row.values[index] is None else fmt(row.values[index], unit),
            BASELINE if row is total else SERIES,
            bold=row is total,
        )
        for row in table.rows
    )
    vline, legend = None, ()
    if total is not None and total.values[index] is not None:
        vline = (float(total.values[index]), BASELINE)
        label = f"{total.label}: {fmt(total.values[index], unit)}"
        legend = (Key("line", label, edge=BASELINE, width=1.2, dashed=True),)
    return HBars(
        key=key,
        height=_bars_height(table),
        bars=bars,
        bar_height=0.66,
        unit=unit,
        xlabel=f"{UNIT_LABEL[unit]}, {table.periods[index]}",
        title=textwrap.fill(f"{table.meta.title} ({table.periods[index]})", TITLE_WIDTH),
        title_on_figure=False,
        rows_fixed=False,
        label_gap=3.0,
        value_gap=2.0,
        missing=f" {MISSING}",
        legend=legend,
        vline=vline,
    )


def table_svg(table: TableData) -> str:
    """The drawing of :func:`table_chart` (for a table whose :func:`table_text` is not ``None``); bars
    through the template (:mod:`kwsite.charts.bars_svg`) where it can draw them."""
    if _bars(table):
        svg = hbars_svg(table_bars(table))
        if svg is not None:
            return svg
    return table_matplotlib_svg(table)


def table_matplotlib_svg(table: TableData) -> str:
    """matplotlib's drawing of :func:`table_chart` (the template's reference, and its fallback)."""
    key = f"table-{table.meta.id}"
    if _bars(table):
        index = _last_period(table)
        return _render(key, lambda fig: _draw_bars(fig, table, index, key), _bars_height(table))
    return _render(key, lambda fig: _draw_lines(fig, table))


def table_chart(table: TableData) -> Chart | None:
    """Chart of a data table: bars of the last filled period for ``unit`` tables (and for
    other tables with more than :data:`MAX_LINES` rows), else one line per row.

    The data table behind it is the whole table (label column + one column per
    period). Returns ``None`` for a table without any value.
    """
    text = table_text(table)
    return None if text is None else Chart.of(text, table_svg(table))
