"""The indicator chart: own series, baseline and targets over the years."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from ..model import Indicator, Target
from ..model.site import Row, TableData

from decimal import Decimal

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..numbers import MISSING
from .base import (
    SERIES,
    BASELINE,
    TARGET,
    TITLE_WIDTH,
    UNIT_LABEL,
    TARGET_MARKER,
    NUMERIC_KINDS,
    Chart,
    fmt,
    _cell,
    _year,
    _sort_key,
    target_text,
    _target_label,
    _render,
    _DutchTicks,
    _year_axis,
    _floats,
)

def _own_row(series: TableData | None) -> Row | None:
    """The institution's own row: the ``total`` row, else the first; ``None`` if empty."""
    if series is None or not series.rows:
        return None
    row = series.row_for_unit("total") or series.rows[0]
    return row if any(v is not None for v in row.values) else None


def _baseline_key(indicator: Indicator) -> str | None:
    base = indicator.baseline
    return None if base is None else (str(base.year) if base.year else base.period)


def _indicator_table(indicator: Indicator, series: TableData | None, row: Row | None, display: bool) -> list[list[str]]:
    """Rows ``[period, own value, nulmeting, streefwaarde]`` sorted by year."""
    unit, base_key = indicator.unit, _baseline_key(indicator)
    keys = [*(series.periods if row else ()), base_key, *(str(t.year) for t in indicator.targets)]
    out = []
    for key in sorted(dict.fromkeys(k for k in keys if k), key=_sort_key):
        own = _cell(series.value(row, key), unit, display) if row and key in series.periods else ""
        base = _cell(indicator.baseline.value, unit, display) if key == base_key else ""
        goals = "; ".join(target_text(t, unit, display) for t in indicator.targets if str(t.year) == key)
        out.append([key, own, base, goals])
    return out


def _drop_empty(columns: list[str], display: list[list[str]], csv: list[list[str]]):
    """Remove columns (except the first) that are empty in every display row."""
    keep = [i for i in range(len(columns)) if i == 0 or any(r[i] for r in display)]
    display, csv = ([tuple(r[i] for i in keep) for r in rows] for rows in (display, csv))
    return tuple(columns[i] for i in keep), tuple(display), tuple(csv)


def _series_alt(label: str, periods: Sequence[str], values: Sequence[Decimal | None], unit: str) -> str:
    known = [(p, v) for p, v in zip(periods, values) if v is not None]
    if not known:
        return f"Voor {label} zijn geen gegevens beschikbaar."
    low, high = min(v for _, v in known), max(v for _, v in known)
    first, last = known[0], known[-1]
    return (f"{label} van {first[0]} tot en met {last[0]}, tussen {fmt(low, unit)} en {fmt(high, unit)}; "
            f"laatste waarde {fmt(last[1], unit)} ({last[0]}).")


def _indicator_alt(indicator: Indicator, series: TableData | None, row: Row | None, label: str) -> str:
    unit, base = indicator.unit, indicator.baseline
    parts = [f"Lijngrafiek {indicator.id} {indicator.short_name or indicator.name}."]
    if row:
        parts.append(_series_alt(label, series.periods, row.values, unit))
    if base is not None:
        value = MISSING if base.value is None else fmt(base.value, unit)
        when = _baseline_key(indicator)
        parts.append(f"Nulmeting {value} ({when})." if when else f"Nulmeting: {value}.")
    if indicator.targets:
        ordered = sorted(indicator.targets, key=lambda t: t.year)
        goals = "; ".join(f"{target_text(t, unit)} in {t.year}" for t in ordered)
        parts.append(f"Streefwaarden: {goals}.")
    if indicator.polarity == "lower_is_better":
        parts.append("Lager is beter.")
    return " ".join(parts)


def _draw_targets(ax: Axes, targets: list[Target], anchor: tuple[float, float] | None, unit: str, key: str) -> None:
    """Targets as markers (hollow + dashed connector when indicative), labelled with their value.

    The n-th target by year gets the SVG ids ``<key>-target-<n>`` and ``<key>-connector-<n>``.
    """
    for i, target in enumerate(sorted(targets, key=lambda t: t.year)):
        dash = (0, (4, 3)) if target.indicative else "-"
        if target.kind == "range":
            low, high = float(target.low), float(target.high)
            y, top = (low + high) / 2, high
            ax.plot([target.year] * 2, [low, high], ls=dash, marker="_", ms=12, mew=2, lw=3, color=TARGET,
                    zorder=3, gid=f"{key}-target-{i}")
        else:
            y = top = float(target.value)
            ax.plot([target.year], [y], ls="none", marker=TARGET_MARKER[target.kind], ms=8, mew=1.8, mec=TARGET,
                    mfc="white" if target.indicative else TARGET, zorder=4, gid=f"{key}-target-{i}")
        if anchor is not None:
            ax.plot([anchor[0], target.year], [anchor[1], y], color=TARGET, lw=1.2, ls=dash, zorder=2,
                    gid=f"{key}-connector-{i}")
        ax.annotate(_target_label(target, unit), (target.year, top), xytext=(0, 7), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8, color=TARGET)
        anchor = (target.year, y)


def _indicator_legend(fig: Figure, label: str | None, base: bool, targets: list[Target]) -> None:
    """Legend below the plot with only the kinds of marks drawn."""
    entries = [
        (label, dict(color=SERIES, marker="o", lw=2, label=label)),
        (base, dict(color=BASELINE, marker="D", ms=7, ls="none", label="nulmeting")),
        (any(not t.indicative for t in targets), dict(color=TARGET, marker="s", lw=1.2, label="streefwaarde")),
        (any(t.indicative for t in targets), dict(color=TARGET, marker="s", mfc="white", mew=1.8, lw=1.2,
                                                  ls=(0, (4, 3)), label="streefwaarde (indicatief)")),
    ]
    handles = [Line2D([], [], **style) for shown, style in entries if shown]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))


def _draw_indicator(fig: Figure, indicator: Indicator, series: TableData | None, row: Row | None,
                    label: str, targets: list[Target], key: str) -> None:
    ax = fig.add_subplot()
    unit, base = indicator.unit, indicator.baseline
    years, last = [t.year for t in targets], None
    if row:
        points = [(_year(p), v) for p, v in zip(series.periods, row.values) if _year(p)]
        xs, ys = [x for x, _ in points], _floats([v for _, v in points])
        ax.plot(xs, ys, color=SERIES, marker="o", ms=5, lw=2, zorder=3)
        years += xs
        known = [(x, y) for x, y in zip(xs, ys) if not math.isnan(y)]
        last = known[-1] if known else None
    has_base = base is not None and base.value is not None and base.year is not None
    point = (base.year, float(base.value)) if has_base else None
    if point:
        years.append(base.year)
        ax.plot(*[[c] for c in point], ls="none", marker="D", ms=8, color=BASELINE, mec="white", zorder=5)
        # at the left/right end of the axis, the label extends inwards so it is not clipped
        ha = "left" if base.year <= min(years) else "right" if base.year >= max(years) else "center"
        ax.annotate(f"nulmeting {fmt(base.value, unit)}", point, xytext=({"left": -4, "right": 4}.get(ha, 0), -9),
                    textcoords="offset points", ha=ha, va="top", fontsize=8, color=BASELINE)
    # targets are joined to the later of the nulmeting and the last measured value
    anchor = max((p for p in (point, last) if p), key=lambda p: p[0], default=None)
    _draw_targets(ax, targets, anchor, unit, key)
    ax.margins(x=0.08, y=0.22)
    _year_axis(ax.xaxis, years)
    ax.yaxis.set_major_formatter(_DutchTicks(unit))
    lower = " (lager is beter)" if indicator.polarity == "lower_is_better" else ""
    ax.set_ylabel(UNIT_LABEL[unit] + lower)
    ax.set_title(textwrap.fill(f"{indicator.id} {indicator.short_name or indicator.name}", TITLE_WIDTH))
    _indicator_legend(fig, label if row else None, has_base, targets)


def indicator_chart(indicator: Indicator, series: TableData | None, total_label: str) -> Chart | None:
    """Line chart of the institution's own series with nulmeting and streefwaarden.

    ``series`` is the indicator's first table (its ``total`` row, else its first
    row, is drawn); ``total_label`` names that series ("ROCvA+F"). Targets for a
    ``breakdown`` (``Entree``) are not drawn on the total series, only listed.
    A series without any plain-year period is not drawn (its table is shown instead).
    Returns ``None`` when there is neither a series nor a plottable baseline or target.
    """
    row = _own_row(series)
    if row is not None and not any(_year(p) for p in series.periods):
        row = None  # school years as written ("’14-‘15") have no place on a year axis; the table shows them
    targets = [t for t in indicator.targets if t.kind in NUMERIC_KINDS and not t.breakdown]
    base = indicator.baseline
    if row is None and (base is None or base.value is None or base.year is None) and not targets:
        return None
    key = f"indicator-{indicator.id}"
    columns = ["Jaar", total_label, "Nulmeting", "Streefwaarde"]
    display, csv = (_indicator_table(indicator, series, row, d) for d in (True, False))
    columns, rows, csv_rows = _drop_empty(columns, display, csv)
    svg = _render(key, lambda fig: _draw_indicator(fig, indicator, series, row, total_label, targets, key))
    return Chart(key, svg, _indicator_alt(indicator, series, row, total_label), columns, rows, csv_rows)


