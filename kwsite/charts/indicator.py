"""The indicator chart: own series, baseline and targets over the years."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from ..model import Indicator, Target
from ..model.site import Row, TableData

from decimal import Decimal

from typing import TYPE_CHECKING

from ..numbers import MISSING
from ..present import DERIVED
from ..status import status_for
from .base import (
    honest_ylim,
    SERIES,
    REALISATION,
    BASELINE,
    TARGET,
    TITLE_WIDTH,
    UNIT_LABEL,
    TARGET_MARKER,
    charted,
    target_mark,
    Chart,
    ChartText,
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

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _own_row(series: TableData | None) -> Row | None:
    """The institution's own row: the table's ``total`` row; ``None`` if it has none or it is empty.

    A table without a total row (per college only, e.g. S3's "Startersresultaat per Mbo College")
    has no institution line: its first row is a college, never drawn under the institution's name."""
    if series is None or not series.rows:
        return None
    row = series.row_for_unit("total")
    return row if row is not None and any(v is not None for v in row.values) else None


def _baseline_key(indicator: Indicator) -> str | None:
    base = indicator.baseline
    return None if base is None else (str(base.year) if base.year else base.period)


def _realisations(indicator: Indicator) -> list:
    """The institution's own realisations (not per college, not per breakdown), by year."""
    return sorted((r for r in indicator.realisations if r.unit is None and r.breakdown is None), key=lambda r: r.year)


def _status_word(indicator: Indicator, year: int, display: bool) -> str:
    status = status_for(indicator, year).status
    return f"{status.icon} {status.word}" if display else status.code


def _indicator_table(indicator: Indicator, series: TableData | None, row: Row | None, display: bool) -> list[list[str]]:
    """Rows ``[period, own value, nulmeting, streefwaarde, realisatie, stand]`` sorted by year."""
    unit, base_key = indicator.unit, _baseline_key(indicator)
    reals = {str(r.year): r for r in _realisations(indicator)}
    keys = [*(series.periods if row else ()), base_key, *(str(t.year) for t in indicator.targets), *reals]
    out = []
    for key in sorted(dict.fromkeys(k for k in keys if k), key=_sort_key):
        own = _cell(series.value(row, key), unit, display) if row and key in series.periods else ""
        base = _cell(indicator.baseline.value, unit, display) if key == base_key else ""
        if base and display and indicator.baseline.derived:
            base += f" ({DERIVED})"
        goals = "; ".join(target_text(t, unit, display) for t in indicator.targets if str(t.year) == key)
        real = reals.get(key)
        measured = _cell(real.value, unit, display) if real else ""
        status = _status_word(indicator, real.year, display) if real else ""
        out.append([key, own, base, goals, measured, status])
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
    return (
        f"{label} van {first[0]} tot en met {last[0]}, tussen {fmt(low, unit)} en {fmt(high, unit)}; "
        f"laatste waarde {fmt(last[1], unit)} ({last[0]})."
    )


def _indicator_alt(indicator: Indicator, series: TableData | None, row: Row | None, label: str) -> str:
    unit, base = indicator.unit, indicator.baseline
    parts = [f"Lijngrafiek {indicator.id} {indicator.short_name or indicator.name}."]
    if row:
        parts.append(_series_alt(label, series.periods, row.values, unit))
    if base is not None:
        value = MISSING if base.value is None else fmt(base.value, unit)
        when = _baseline_key(indicator)
        kind = f"Nulmeting ({DERIVED})" if base.derived and base.value is not None else "Nulmeting"
        parts.append(f"{kind} {value} ({when})." if when else f"{kind}: {value}.")
    if indicator.targets:
        ordered = sorted(indicator.targets, key=lambda t: t.year)
        goals = "; ".join(f"{target_text(t, unit)} in {t.year}" for t in ordered)
        parts.append(f"Streefwaarden: {goals}.")
    reals = _realisations(indicator)
    if reals:
        done = "; ".join(
            f"{fmt(r.value, unit)} in {r.year} ({status_for(indicator, r.year).status.word})" for r in reals
        )
        parts.append(f"Realisaties: {done}.")
    if indicator.polarity == "lower_is_better":
        parts.append("Lager is beter.")
    return " ".join(parts)


def _draw_targets(ax: Axes, targets: list[Target], anchor: tuple[float, float] | None, unit: str, key: str) -> None:
    """Targets as markers (hollow + dashed connector when indicative), labelled with their value.

    The n-th target by year gets the SVG ids ``<key>-target-<n>`` and ``<key>-connector-<n>``.
    """
    for i, target in enumerate(sorted(targets, key=lambda t: t.year)):
        dash = (0, (4, 3)) if target.indicative else "-"
        mark = target_mark(target)
        if mark.shape == "span":
            low, high = float(target.low), float(target.high)
            y, top = (low + high) / 2, high
            ax.plot(
                [target.year] * 2,
                [low, high],
                ls=dash,
                marker="_",
                ms=12,
                mew=2,
                lw=3,
                color=TARGET,
                zorder=3,
                gid=f"{key}-target-{i}",
            )
        else:
            y = top = float(target.value)
            ax.plot(
                [target.year],
                [y],
                ls="none",
                marker=TARGET_MARKER[mark.shape],
                ms=8,
                mew=1.8,
                mec=TARGET,
                mfc="white" if target.indicative else TARGET,
                zorder=4,
                gid=f"{key}-target-{i}",
            )
        if anchor is not None:
            ax.plot(
                [anchor[0], target.year],
                [anchor[1], y],
                color=TARGET,
                lw=1.2,
                ls=dash,
                zorder=2,
                gid=f"{key}-connector-{i}",
            )
        ax.annotate(
            _target_label(target, unit),
            (target.year, top),
            xytext=(0, 7),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
            color=TARGET,
        )
        anchor = (target.year, y)


def _draw_realisations(ax: Axes, indicator: Indicator, key: str) -> list[int]:
    """Realisations as a dotted line with star markers; the last one labelled with its status
    in words (never colour alone). Returns their years."""
    reals = _realisations(indicator)
    if not reals:
        return []
    xs, ys = [r.year for r in reals], [float(r.value) for r in reals]
    ax.plot(xs, ys, color=REALISATION, marker="*", ms=10, lw=1.6, ls=":", zorder=6, gid=f"{key}-realisations")
    last = reals[-1]
    status = status_for(indicator, last.year).status
    ax.annotate(
        f"{fmt(last.value, indicator.unit)}: {status.word}",
        (xs[-1], ys[-1]),
        xytext=(0, -12),
        textcoords="offset points",
        ha="center",
        va="top",
        fontsize=8,
        color=REALISATION,
    )
    return xs


def _indicator_legend(
    fig: Figure, label: str | None, base: bool, targets: list[Target], realised: bool = False, derived: bool = False
) -> None:
    """Legend below the plot with only the kinds of marks drawn."""
    entries = [
        (label, dict(color=SERIES, marker="o", lw=2, label=label)),
        (realised, dict(color=REALISATION, marker="*", ms=10, lw=1.6, ls=":", label="realisatie")),
        (
            base,
            dict(
                color=BASELINE, marker="D", ms=7, ls="none", label=f"nulmeting ({DERIVED})" if derived else "nulmeting"
            ),
        ),
        (any(not t.indicative for t in targets), dict(color=TARGET, marker="s", lw=1.2, label="streefwaarde")),
        (
            any(t.indicative for t in targets),
            dict(
                color=TARGET,
                marker="s",
                mfc="white",
                mew=1.8,
                lw=1.2,
                ls=(0, (4, 3)),
                label="streefwaarde (indicatief)",
            ),
        ),
    ]
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], **style) for shown, style in entries if shown]
    cols = len(handles) if len(handles) <= 4 else math.ceil(len(handles) / 2)  # wider would run off the figure
    fig.legend(handles=handles, loc="outside lower center", ncols=cols)


def _draw_indicator(
    fig: Figure,
    indicator: Indicator,
    series: TableData | None,
    row: Row | None,
    label: str,
    targets: list[Target],
    key: str,
) -> None:
    from matplotlib.ticker import MaxNLocator

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
        # on the side of the marker the line does not come from: below when the neighbouring values are higher
        near = (
            [
                y
                for x, y in zip(xs, ys)
                if x != base.year
                and not math.isnan(y)
                and (ha != "left" or x > base.year)
                and (ha != "right" or x < base.year)
            ]
            if row
            else []
        )
        above = bool(near) and sum(near) / len(near) < point[1]
        word = f"nulmeting ({DERIVED})" if base.derived else "nulmeting"
        ax.annotate(
            f"{word} {fmt(base.value, unit)}",
            point,
            xytext=({"left": -4, "right": 4}.get(ha, 0), 9 if above else -9),
            textcoords="offset points",
            ha=ha,
            va="bottom" if above else "top",
            fontsize=8,
            color=BASELINE,
            zorder=6,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    # targets are joined to the later of the nulmeting and the last measured value
    anchor = max((p for p in (point, last) if p), key=lambda p: p[0], default=None)
    _draw_targets(ax, targets, anchor, unit, key)
    realised = _draw_realisations(ax, indicator, key)
    years += realised
    ax.margins(x=0.08, y=0.22)
    ax.set_ylim(*honest_ylim(*ax.get_ylim(), unit))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    _year_axis(ax.xaxis, years)
    ax.yaxis.set_major_formatter(_DutchTicks(unit))
    lower = " (lager is beter)" if indicator.polarity == "lower_is_better" else ""
    ax.set_ylabel(UNIT_LABEL[unit] + lower)
    ax.set_title(textwrap.fill(f"{indicator.id} {indicator.short_name or indicator.name}", TITLE_WIDTH))
    _indicator_legend(fig, label if row else None, has_base, targets, bool(realised), has_base and bool(base.derived))


def _plan(indicator: Indicator, series: TableData | None) -> tuple[Row | None, list[Target]] | None:
    """The own row drawn (if any) and the numeric targets; ``None`` when there is nothing to draw.

    A series without any plain-year period is not drawn (its table is shown instead)."""
    row = _own_row(series)
    if row is not None and not any(_year(p) for p in series.periods):
        row = None  # school years as written ("’14-‘15") have no place on a year axis; the table shows them
    targets = [t for t in indicator.targets if charted(t) and not t.breakdown]
    base = indicator.baseline
    if (
        row is None
        and (base is None or base.value is None or base.year is None)
        and not targets
        and not _realisations(indicator)
    ):
        return None
    return row, targets


def indicator_text(indicator: Indicator, series: TableData | None, total_label: str) -> ChartText | None:
    """The text part of :func:`indicator_chart` (no drawing), or ``None`` when there is no chart."""
    plan = _plan(indicator, series)
    if plan is None:
        return None
    row = plan[0]
    columns = ["Jaar", total_label, "Nulmeting", "Streefwaarde", "Realisatie", "Stand"]
    display, csv = (_indicator_table(indicator, series, row, d) for d in (True, False))
    columns, rows, csv_rows = _drop_empty(columns, display, csv)
    alt = _indicator_alt(indicator, series, row, total_label)
    return ChartText(f"indicator-{indicator.id}", alt, columns, rows, csv_rows)


def indicator_svg(indicator: Indicator, series: TableData | None, total_label: str) -> str:
    """The drawing of :func:`indicator_chart` (for a chart whose :func:`indicator_text` is not ``None``)."""
    row, targets = _plan(indicator, series)
    key = f"indicator-{indicator.id}"
    return _render(key, lambda fig: _draw_indicator(fig, indicator, series, row, total_label, targets, key))


def indicator_chart(indicator: Indicator, series: TableData | None, total_label: str) -> Chart | None:
    """Line chart of the institution's own series with nulmeting and streefwaarden.

    ``series`` is the indicator's first table (its ``total`` row is drawn; a table
    without one draws no line); ``total_label`` names that row ("ROCvA+F"). Targets for a
    ``breakdown`` (``Entree``) are not drawn on the total series, only listed.
    A series without any plain-year period is not drawn (its table is shown instead).
    The institution's realisations are drawn as a dotted line with stars, the last
    one labelled with its status in words; the data table adds their values and status.
    Returns ``None`` when there is neither a series nor a plottable baseline or target.
    """
    text = indicator_text(indicator, series, total_label)
    return None if text is None else Chart.of(text, indicator_svg(indicator, series, total_label))
