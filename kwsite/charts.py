"""Charts: indicators and data tables → deterministic, accessible SVG.

Every chart function is pure: model in, :class:`Chart` out (SVG text, Dutch alt
text and the data table behind the chart). Drawing uses the matplotlib
``Figure`` API only (never pyplot) on an Agg canvas; all style lives in
:data:`STYLE`, applied per chart with ``matplotlib.rc_context``. Output is
byte-identical across runs and processes: ``svg.hashsalt`` is derived from the
chart key (so ids differ between charts inlined on one page) and no date is
written. Numbers are formatted in Dutch with Babel, never the OS locale.
"""

from __future__ import annotations

import io
import math
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

import matplotlib
from babel.numbers import format_decimal
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .model import Indicator, Target
from .model.site import Row, TableData

CHART_STYLE_VERSION = "1"
"""Bump when the look changes, so cached charts are redrawn."""

LOCALE = "nl_NL"
MISSING = "geen gegevens"
FIGSIZE = (6.0, 3.4)
"""Inches; 432×245 pt in the SVG."""
TITLE_WIDTH = 60
"""Characters per title line at 10 pt bold."""

PALETTE = ("#1f4e79", "#a04000", "#2e6b30", "#6a3d9a", "#8b1a1a", "#00646e", "#595959")
"""Dark blue, dark orange, dark green, purple, dark red, teal, grey: each ≥ 4.5:1 on white."""
TEXT = "#1a1a1a"
MUTED = "#595959"
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "h")
"""8 markers vs 7 colours vs 4 line styles: the first 56 series all differ in their combination."""
LINESTYLES = ("-", "--", ":", "-.")
SERIES, BASELINE, TARGET = PALETTE[0], PALETTE[1], PALETTE[2]

STYLE = {
    "svg.fonttype": "none", "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"], "font.size": 9,
    "text.color": TEXT, "axes.labelcolor": TEXT, "xtick.labelcolor": TEXT, "ytick.labelcolor": TEXT,
    "axes.edgecolor": MUTED, "xtick.color": MUTED, "ytick.color": MUTED,
    "axes.titlesize": 10, "axes.titleweight": "bold", "axes.titlelocation": "left",
    "axes.spines.top": False, "axes.spines.right": False,
    "axes.grid": True, "grid.color": "#d9d9d9", "grid.linewidth": 0.8,
    "legend.frameon": False, "legend.fontsize": 8,
}
"""The house style, applied per chart with ``rc_context`` (``svg.hashsalt`` is added per chart)."""

UNIT_LABEL = {"percent": "Percentage", "grade": "Cijfer", "score": "Score", "count": "Aantal"}
DELTA_UNIT = {"percent": " procentpunt", "grade": " punt", "score": " punt", "count": ""}
ROW_HEADER = {"unit": "College", "series": "Reeks", "domain": "Domein", "level": "Niveau"}
TARGET_MARKER = {"value": "s", "relative": "s", "minimum": "^", "maximum": "v"}
NUMERIC_KINDS = ("value", "minimum", "maximum", "range", "relative")
MAX_LINES = 7
"""More rows than this in a series/domain/level table: bars of the last period (lines would be spaghetti)."""


@dataclass(frozen=True)
class Chart:
    """A rendered chart with its text alternatives.

    ``rows`` and ``csv_rows`` have one tuple per table row, each as long as
    ``columns``; ``rows`` is Dutch display text, ``csv_rows`` dot decimals with
    ``""`` for a missing value.
    """

    key: str
    svg: str
    alt: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    csv_rows: tuple[tuple[str, ...], ...]


# --- numbers ---------------------------------------------------------------------------------


def contrast_ratio(hex1: str, hex2: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours, 1.0 … 21.0."""

    def luminance(colour: str) -> float:
        rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(hex1), luminance(hex2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _decimals(value: Decimal) -> int:
    """Printed decimals of a Decimal: ``6.70`` → 2, ``38`` → 0."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def fmt(value: Decimal | float, unit: str, decimals: int | None = None, sign: bool = False) -> str:
    """Dutch display text keeping the printed precision: ``6.7`` → ``"6,7"``, 38 % → ``"38%"``."""
    if decimals is None:
        decimals = _decimals(value) if isinstance(value, Decimal) else 0
    if abs(value) < 1e-12:
        value = 0
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    text = format_decimal(value, format=pattern, locale=LOCALE)
    return ("+" if sign and value > 0 else "") + text + ("%" if unit == "percent" else "")


def _cell(value: Decimal | None, unit: str, display: bool) -> str:
    """Display text (``"6,7"``, ``"38%"``, ``"geen gegevens"``) or CSV text (``"6.7"``, ``"38"``, ``""``)."""
    if value is None:
        return MISSING if display else ""
    return fmt(value, unit) if display else format(value, "f")


def _year(period: str | None) -> int | None:
    """``"2017"`` → 2017; anything else (``"2016-2017"``) → ``None``."""
    return int(period) if period and re.fullmatch(r"\d{4}", period.strip()) else None


def _sort_key(period: str) -> tuple[int, str]:
    found = re.search(r"\d{4}", period)
    return (int(found.group()) if found else 9999, period)


def target_text(target: Target, unit: str, display: bool = True) -> str:
    """A target as table text, e.g. ``"7,1 (+0,4 punt t.o.v. nulmeting; indicatief)"``, ``"Entree: behoud"``."""
    num = lambda v: _cell(v, unit, display)  # noqa: E731
    notes = []
    if target.kind == "relative":
        delta = fmt(target.delta, "", sign=True) if display else f"{target.delta:+f}"
        notes.append(f"{delta}{DELTA_UNIT[unit]} t.o.v. nulmeting")
    main = {
        "value": lambda: num(target.value),
        "relative": lambda: num(target.value),
        "minimum": lambda: f"minimaal {num(target.value)}",
        "maximum": lambda: f"maximaal {num(target.value)}",
        "range": lambda: f"{num(target.low)} tot {num(target.high)}",
        "direction": lambda: str(target.direction),
        "deferred": lambda: f"vast te stellen in {target.set_in}",
    }[target.kind]()
    if target.indicative:
        notes.append("indicatief")
    part = f"{target.breakdown}: " if target.breakdown else ""
    return part + (f"{main} ({'; '.join(notes)})" if notes else main)


def _target_label(target: Target, unit: str) -> str:
    """Short label next to a plotted target: ``"6,9"``, ``"min. 6,9"``, ``"6,5–7,0"``."""
    if target.kind == "range":
        text = f"{fmt(target.low, unit)}–{fmt(target.high, unit)}"
    else:
        prefix = {"minimum": "min. ", "maximum": "max. "}.get(target.kind, "")
        text = prefix + fmt(target.value, unit)
    return text + ("\nindicatief" if target.indicative else "")


# --- rendering -------------------------------------------------------------------------------


def _render(key: str, draw: Callable[[Figure], None], height: float = FIGSIZE[1]) -> str:
    """Run ``draw`` on a fresh 6 in × ``height`` in figure; return the bare ``<svg>`` element."""
    with matplotlib.rc_context({**STYLE, "svg.hashsalt": f"kwsite:{key}"}):
        fig = Figure(figsize=(FIGSIZE[0], height), layout="constrained")
        FigureCanvasAgg(fig)
        draw(fig)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return _clean_svg(buffer.getvalue(), key)


def _clean_svg(text: str, key: str) -> str:
    """Bare ``<svg class="kwsite-chart">`` to inline: no prolog or metadata; the unreferenced group
    ids (``figure_1``, ``axes_1``; would repeat between charts) dropped except ours (``<key>-...``);
    matplotlib's global ``*{...}`` style scoped to charts."""
    text = text[text.index("<svg") :].replace("<svg ", '<svg class="kwsite-chart" ', 1)
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    text = re.sub(r'<g id="(?!' + re.escape(key) + r'-)[^"]*"', "<g", text)
    return text.replace("<style type=\"text/css\">*{", "<style type=\"text/css\">.kwsite-chart *{", 1)


class _DutchTicks(FuncFormatter):
    """Dutch tick labels; all ticks of an axis get the decimals the finest one needs (``6,5``/``7,0``)."""

    def __init__(self, unit: str) -> None:
        super().__init__(lambda x, _pos: fmt(round(x, self.decimals), unit, self.decimals))
        self.decimals = 0

    def set_locs(self, locs: Sequence[float]) -> None:
        finite = [v for v in locs if math.isfinite(v)]
        self.decimals = next((d for d in range(4) if all(abs(round(v, d) - v) < 1e-9 for v in finite)), 3)


def _year_axis(axis, years: Sequence[int]) -> None:
    """Integer years, every year when there are few, never ``2.015``."""
    if years and max(years) - min(years) <= 12:
        axis.set_ticks(range(min(years), max(years) + 1))
    else:
        axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: str(int(round(x)))))


def _floats(values: Sequence[Decimal | None]) -> list[float]:
    return [math.nan if v is None else float(v) for v in values]


# --- indicator chart -------------------------------------------------------------------------


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
    Returns ``None`` when there is neither a series nor a plottable baseline or target.
    """
    row = _own_row(series)
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


# --- table charts ----------------------------------------------------------------------------


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
    parts = [f"Staafdiagram {table.meta.title}, {period}: {len(table.rows)} rijen;",
             f"hoogste {high[0]} {fmt(high[1], unit)}, laagste {low[0]} {fmt(low[1], unit)}."]
    total = _total_row(table)
    if total is not None:
        parts.append(f"{total.label}: {_cell(total.values[index], unit, True)}.")
    missing = [r.label for r in table.rows if r.values[index] is None]
    if missing:
        parts.append(f"{MISSING.capitalize()}: {', '.join(missing)}.")
    return " ".join(parts)


def _draw_bars(fig: Figure, table: TableData, index: int, key: str) -> None:
    """Horizontal bars of period ``index``, table order top to bottom, total highlighted."""
    ax = fig.add_subplot()
    unit, total = table.meta.unit, _total_row(table)
    for i, row in enumerate(table.rows):
        value = row.values[index]
        if value is None:
            ax.text(0, i, f" {MISSING}", va="center", ha="left", fontsize=8, style="italic", color=MUTED)
            continue
        colour = BASELINE if row is total else SERIES
        ax.barh(i, float(value), height=0.66, color=colour, gid=f"{key}-bar-{i}", zorder=2)
        ax.annotate(fmt(value, unit), (float(value), i), xytext=(2, 0), textcoords="offset points", va="center",
                    fontsize=8, fontweight="bold" if row is total else "normal", zorder=4,
                    bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"})
    ax.set_yticks(range(len(table.rows)), [r.label for r in table.rows])
    if total is not None:
        ax.get_yticklabels()[table.rows.index(total)].set_fontweight("bold")
        if total.values[index] is not None:
            line = ax.axvline(float(total.values[index]), color=BASELINE, ls="--", lw=1.2, zorder=3,
                              label=f"{total.label}: {fmt(total.values[index], unit)}")
            fig.legend(handles=[line], loc="outside lower center")
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.margins(x=0.12)
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
        ax.annotate(label, (x, y), xytext=(x + dx, y_text), textcoords="data", va="center", ha="left",
                    fontsize=8, color=colour, annotation_clip=False,
                    arrowprops={"arrowstyle": "-", "color": colour, "lw": 0.6, "shrinkA": 1, "shrinkB": 4})


def _draw_lines(fig: Figure, table: TableData) -> None:
    """One line per row; marker, line style and colour all differ; labels at the line ends."""
    ax = fig.add_subplot()
    years = [_year(p) for p in table.periods]
    numeric = all(years)
    xs = years if numeric else list(range(len(table.periods)))
    ends, values, total_row = [], [], _total_row(table)
    for i, row in enumerate(table.rows):
        ys = _floats(row.values)
        colour, total = PALETTE[i % len(PALETTE)], row is total_row
        ax.plot(xs, ys, color=colour, marker=MARKERS[i % len(MARKERS)], ls=LINESTYLES[i % len(LINESTYLES)],
                lw=2.4 if total else 1.6, ms=5, zorder=3)
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
    ax.yaxis.set_major_formatter(_DutchTicks(table.meta.unit))
    ax.set_ylabel(UNIT_LABEL[table.meta.unit])
    ax.set_title(textwrap.fill(table.meta.title, TITLE_WIDTH))


def _table_rows(table: TableData, display: bool) -> tuple[tuple[str, ...], ...]:
    return tuple((r.label, *(_cell(v, table.meta.unit, display) for v in r.values)) for r in table.rows)


def table_chart(table: TableData) -> Chart | None:
    """Chart of a data table: bars of the last filled period for ``unit`` tables (and for
    other tables with more than :data:`MAX_LINES` rows), else one line per row.

    The data table behind it is the whole table (label column + one column per
    period). Returns ``None`` for a table without any value.
    """
    index = _last_period(table) if table.rows else None
    if index is None:
        return None
    key = f"table-{table.meta.id}"
    columns = (ROW_HEADER[table.meta.rows], *table.periods)
    if table.meta.rows == "unit" or len(table.rows) > MAX_LINES:
        height = max(FIGSIZE[1], 1.2 + 0.19 * len(table.rows))  # keep ≥ 0.19 in per bar
        svg, alt = _render(key, lambda fig: _draw_bars(fig, table, index, key), height), _bars_alt(table, index)
    else:
        svg, alt = _render(key, lambda fig: _draw_lines(fig, table)), _lines_alt(table)
    return Chart(key, svg, alt, columns, _table_rows(table, True), _table_rows(table, False))
