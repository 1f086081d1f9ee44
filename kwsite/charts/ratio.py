"""Charts of ratio baseline tables (:class:`~kwsite.model.RatioTable`): one horizontal bar per
column with the printed percentage, and the norm, where the table has one, as a marker."""

from __future__ import annotations

import textwrap

from typing import TYPE_CHECKING

from ..model import RatioTable
from ..numbers import MISSING
from .base import (
    BASELINE,
    FIGSIZE,
    MUTED,
    SERIES,
    TITLE_WIDTH,
    Chart,
    ChartText,
    _cell,
    _DutchTicks,
    _render,
    bar_label,
    fmt,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LABEL_WIDTH = 38
"""Characters per line of a bar label (long labels are wrapped)."""


def _title(table: RatioTable) -> str:
    return table.title


def _alt(table: RatioTable) -> str:
    parts = [
        f"Staafdiagram {table.title}: {table.percent_label} per {table.column.lower() or 'kolom'}"
        + (f", met de {table.norm_label.lower()} als streepje." if table.norm_label else ".")
    ]
    for col in table.columns:
        value = (
            (("ongeveer " if col.approximate else "") + fmt(col.percent, "percent"))
            if col.percent is not None
            else MISSING
        )
        norm = (
            f" ({table.norm_label.lower()} {fmt(col.norm, 'percent')})"
            if table.norm_label and col.norm is not None
            else ""
        )
        known = " (zoals gedrukt; zie de noot bij de tabel)" if col.acknowledged else ""
        parts.append(f"{col.label}: {value}{norm}{known}.")
    return " ".join(parts)


def _draw(fig: Figure, table: RatioTable, key: str) -> None:
    from matplotlib.lines import Line2D

    ax = fig.add_subplot()
    labels = [textwrap.fill(c.label, LABEL_WIDTH) for c in table.columns]
    for i, col in enumerate(table.columns):
        if col.percent is None:
            ax.text(0, i, f" {MISSING}", va="center", ha="left", fontsize=8, style="italic", color=MUTED)
            continue
        ax.barh(i, float(col.percent), height=0.62, color=SERIES, gid=f"{key}-bar-{i}", zorder=2)
        text = (
            ("ca. " if col.approximate else "")
            + fmt(col.percent, "percent")
            + (" (gedrukt)" if col.acknowledged else "")
        )
        bar_label(ax, text, float(col.percent), i)
        if table.norm_label and col.norm is not None:
            ax.plot([float(col.norm)] * 2, [i - 0.42, i + 0.42], color=BASELINE, lw=2.2, zorder=3)
    ax.set_yticks(range(len(labels)), labels)
    if table.norm_label and any(c.norm is not None for c in table.columns):
        handle = Line2D([], [], color=BASELINE, lw=2.2, label=table.norm_label)
        fig.legend(handles=[handle], loc="outside lower center")
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.margins(x=0.14)
    ax.set_xlim(left=0)
    ax.xaxis.set_major_formatter(_DutchTicks("percent"))
    ax.set_xlabel(table.percent_label + (f", {table.period}" if table.period else ""))
    # over the whole figure: the long bar labels leave the axes too narrow for the title
    fig.suptitle(textwrap.fill(_title(table), TITLE_WIDTH), x=0.01, ha="left", fontsize=10, fontweight="bold")


def ratio_text(table: RatioTable) -> ChartText | None:
    """The text part of :func:`ratio_chart` (no drawing), or ``None``. The data table behind
    the chart: label, percentage and norm (if any) per column."""
    if not table.chart or all(c.percent is None for c in table.columns):
        return None
    columns = (table.column or "Kolom", table.percent_label) + ((table.norm_label,) if table.norm_label else ())

    def row(col, display):
        cells = (col.label, _cell(col.percent, "percent", display))
        return cells + ((_cell(col.norm, "percent", display),) if table.norm_label else ())

    rows = tuple(row(c, True) for c in table.columns)
    csv_rows = tuple(row(c, False) for c in table.columns)
    return ChartText(f"ratio-{table.id}", _alt(table), columns, rows, csv_rows)


def ratio_svg(table: RatioTable) -> str:
    """The drawing of :func:`ratio_chart` (for a table whose :func:`ratio_text` is not ``None``)."""
    key = f"ratio-{table.id}"
    lines = sum(len(textwrap.wrap(c.label, LABEL_WIDTH)) or 1 for c in table.columns)
    height = max(FIGSIZE[1], 1.3 + 0.22 * lines + 0.12 * len(table.columns))
    return _render(key, lambda fig: _draw(fig, table, key), height)


def ratio_chart(table: RatioTable) -> Chart | None:
    """Bars of the printed percentages (never recomputed); ``None`` when the table has none or
    ``chart`` is off. The data table behind it: label, percentage and norm (if any) per column."""
    text = ratio_text(table)
    return None if text is None else Chart.of(text, ratio_svg(table))
