"""Chart building blocks: palette, Dutch number text, SVG rendering, axes helpers."""

from __future__ import annotations

import math
import re
from html import escape
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Target
from ..present import cell_text as _cell  # noqa: F401  (the chart modules import these three from here)
from ..present import fmt
from ..targetkinds import ChartMark, kind_of
from .printing import _font_height_metrics, _print_svg

if TYPE_CHECKING:
    from matplotlib.figure import Figure
from ..present import target_table_text as target_text  # noqa: F401

CHART_STYLE_VERSION = "11"
"""Bump when the look changes, so cached charts are redrawn."""

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
SERIES, BASELINE, TARGET, REALISATION = PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3]

STYLE = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "xtick.labelcolor": TEXT,
    "ytick.labelcolor": TEXT,
    "axes.edgecolor": MUTED,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.8,
    "legend.frameon": False,
    "legend.fontsize": 8,
    "text.parse_math": False,  # labels come from data: a "$" is a dollar sign, never mathtext
}
"""The house style, applied per chart with ``rc_context`` (``svg.hashsalt`` is added per chart)."""

MIN_SPAN = {"percent": 20.0, "grade": 2.0}
"""Smallest y-axis span of a line chart, in the unit (percentage points, grade points): a change of
0,7 point then looks like 0,7 point instead of a cliff (#17). Counts start at zero instead."""
DOMAIN = {"percent": (0.0, 100.0), "grade": (1.0, 10.0)}
"""Where a widened axis stops: no 110 % and no grade 0 just to centre the data."""


def honest_ylim(low: float, high: float, unit: str) -> tuple[float, float]:
    """Y limits for a line chart whose data (with its margins) spans ``low``–``high``: widened
    around the middle to :data:`MIN_SPAN` of the unit, shifted to stay inside :data:`DOMAIN`
    (never narrower than the data); for counts, from zero."""
    if unit == "count":
        return min(low, 0.0), high
    span = MIN_SPAN.get(unit)
    if span is None or high - low >= span:
        return low, high
    middle = (low + high) / 2
    new_low, new_high = middle - span / 2, middle + span / 2
    floor, ceiling = DOMAIN.get(unit, (-math.inf, math.inf))
    if new_low < floor:
        new_low, new_high = floor, new_high + (floor - new_low)
    if new_high > ceiling:
        new_low, new_high = max(floor, new_low - (new_high - ceiling)), ceiling
    return min(low, new_low), max(high, new_high)


UNIT_LABEL = {"percent": "Percentage", "grade": "Cijfer", "score": "Score", "count": "Aantal"}
ROW_HEADER = {"unit": "College", "series": "Reeks", "domain": "Domein", "level": "Niveau"}
TARGET_MARKER = {"point": "s", "floor": "^", "ceiling": "v"}
"""Matplotlib marker per :data:`kwsite.targetkinds.Shape` (a ``span`` is a bar)."""
MAX_LINES = 7
"""More rows than this in a series/domain/level table: bars of the last period (lines would be spaghetti)."""


@dataclass(frozen=True)
class ChartText:
    """A chart's text part, computed from data without drawing: file key, alt text and data table.

    ``rows`` and ``csv_rows`` have one tuple per table row, each as long as
    ``columns``; ``rows`` is Dutch display text, ``csv_rows`` dot decimals with
    ``""`` for a missing value.
    """

    key: str
    alt: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    csv_rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """A rendered chart: :class:`ChartText` fields plus ``svg``, the bare ``<svg>`` element."""

    key: str
    svg: str
    alt: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    csv_rows: tuple[tuple[str, ...], ...]

    @property
    def source(self) -> str:
        """The SVG (as :class:`kwsite.chartpool.PlannedChart` names its SVG or pending drawing)."""
        return self.svg

    @classmethod
    def of(cls, text: ChartText, svg: str) -> Chart:
        """The text part with its drawing."""
        return cls(text.key, svg, text.alt, text.columns, text.rows, text.csv_rows)


# --- numbers ---------------------------------------------------------------------------------


def contrast_ratio(hex1: str, hex2: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours, 1.0 … 21.0."""

    def luminance(colour: str) -> float:
        rgb = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(hex1), luminance(hex2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _year(period: str | None) -> int | None:
    """``"2017"`` → 2017; anything else (``"2016-2017"``) → ``None``."""
    return int(period) if period and re.fullmatch(r"\d{4}", period.strip()) else None


def _sort_key(period: str) -> tuple[int, str]:
    """By the first four-digit year; a school year written with two digits (``’17-‘18``) as 2017."""
    found = re.search(r"\d{4}", period) or re.fullmatch(r"\D?(\d{2})\s*[-/]\s*\D?\d{2}", period.strip())
    if found is None:
        return (9999, period)
    return (int(found.group()) if found.re.pattern == r"\d{4}" else 2000 + int(found.group(1)), period)


def target_mark(target: Target) -> ChartMark:
    """How the chart marks ``target`` (its kind's :class:`~kwsite.targetkinds.ChartMark`); ``ValueError``
    for a kind that is not drawn (filter with :func:`charted`)."""
    mark = kind_of(target.kind).mark
    if mark is None:
        raise ValueError(f"streefwaarde van soort '{target.kind}' wordt niet getekend")
    return mark


def charted(target: Target) -> bool:
    """Whether the chart draws ``target`` (its kind has a marker)."""
    return kind_of(target.kind).mark is not None


def _target_label(target: Target, unit: str) -> str:
    """Short label next to a plotted target: ``"6,9"``, ``"min. 6,9"``, ``"6,5–7,0"``."""
    mark = target_mark(target)
    if mark.shape == "span":
        text = f"{fmt(target.low, unit)}–{fmt(target.high, unit)}"
    else:
        text = mark.prefix + fmt(target.value, unit)
    return text + ("\nindicatief" if target.indicative else "")


# --- rendering -------------------------------------------------------------------------------


def _render(key: str, draw: Callable[[Figure], None], height: float = FIGSIZE[1]) -> str:
    """Run ``draw`` on a fresh 6 in × ``height`` in figure, fit its margins (:func:`_fit`);
    return the bare ``<svg>`` element."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context({**STYLE, "svg.hashsalt": f"kwsite:{key}"}):
        fig = Figure(figsize=(FIGSIZE[0], height))
        FigureCanvasAgg(fig)
        fig.subplots_adjust(*GUESS)
        draw(fig)
        _fit(fig)
        svg = _print_svg(fig)
        ax = fig.axes[0]
        title = fig._suptitle.get_text() if fig._suptitle is not None else ""
        title = title or ax.get_title(loc="left") or ax.get_title()
    return _clean_svg(svg, key, title)


GUESS = (0.12, 0.22, 0.95, 0.86)
"""Axes box (left, bottom, right, top; figure fractions) before :func:`_fit`: close to the end
result, so the tick locator (which counts on the axis length) picks the same ticks."""
PAD = 4.0
"""Points of white space at the figure's edges and between the axes' decorations and the legend."""


def _fit(fig: Figure) -> None:
    """Fixed margins computed from the figure in one measuring pass (instead of the iterating
    constrained layout, about 40 % of a chart's time): the axes box is placed so that its tick
    labels, axis labels, title and annotations, the figure legend below and the figure title
    above all fit inside the figure with :data:`PAD` points to spare."""
    renderer = _measuring_renderer(fig.dpi)
    ax = fig.axes[0]
    pad = PAD * fig.dpi / 72
    below = sum(legend.get_window_extent(renderer).height + pad for legend in fig.legends)
    above = fig._suptitle.get_window_extent(renderer).height + pad if fig._suptitle is not None else 0.0
    box, tight = ax.get_window_extent(renderer), ax.get_tightbbox(renderer)
    left, right = box.x0 - tight.x0 + pad, tight.x1 - box.x1 + pad
    bottom, top = box.y0 - tight.y0 + pad + below, tight.y1 - box.y1 + pad + above
    width, height = fig.bbox.width, fig.bbox.height
    ax.set_position((left / width, bottom / height, 1 - (left + right) / width, 1 - (bottom + top) / height))


@lru_cache(maxsize=1)
def _measuring_renderer(dpi: float):
    """One Agg renderer for every chart's :func:`_fit`: it only measures (its canvas is never drawn
    on), and matplotlib keeps the text sizes it measured per renderer, so the tick labels, legend
    entries and axis labels that recur from chart to chart are measured once a process; the font's
    line heights too (:func:`kwsite.charts.printing._font_height_metrics`, at the renderer's dpi, which is the figure's)."""
    from matplotlib.backends.backend_agg import RendererAgg

    class MeasuringRenderer(RendererAgg):
        def _get_font_height_metrics(self, prop):
            return _font_height_metrics(prop.copy(), self.dpi)

    return MeasuringRenderer(1, 1, dpi)


def _clean_svg(text: str, key: str, title: str = "") -> str:
    """Bare ``<svg class="kwsite-chart">`` to inline: no prolog or metadata; the unreferenced group
    ids (``figure_1``, ``axes_1``; would repeat between charts) dropped except ours (``<key>-...``);
    matplotlib's global ``*{...}`` style scoped to charts. ``title`` (the drawn title) becomes its
    ``<title>`` element, so the file names itself when opened on its own (see :func:`with_desc`)."""
    text = text[text.index("<svg") :].replace("<svg ", '<svg class="kwsite-chart" ', 1)
    if title:
        text = _after_open_tag(text, f"\n <title>{escape(' '.join(title.split()), quote=False)}</title>")
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    text = re.sub(r'<g id="(?!' + re.escape(key) + r'-)[^"]*"', "<g", text)
    return text.replace('<style type="text/css">*{', '<style type="text/css">.kwsite-chart *{', 1)


def _after_open_tag(svg: str, element: str) -> str:
    end = svg.index(">", svg.index("<svg")) + 1
    return svg[:end] + element + svg[end:]


def with_desc(svg: str, alt: str) -> str:
    """The SVG with the chart's alt text as its ``<desc>`` (after the ``<title>``), so a downloaded
    file describes itself."""
    desc = f"\n <desc>{escape(alt, quote=False)}</desc>"
    if "</title>" in svg[: svg.index("<defs>") if "<defs>" in svg else len(svg)]:
        end = svg.index("</title>") + len("</title>")
        return svg[:end] + desc + svg[end:]
    return _after_open_tag(svg, desc)


def _DutchTicks(unit: str):  # noqa: N802 (used like the class it makes)
    """Dutch tick labels for ``unit``: a matplotlib ``FuncFormatter`` whose ticks all get the
    decimals the finest one needs (``6,5``/``7,0``)."""
    return _dutch_ticks()(unit)


@lru_cache(maxsize=1)
def _dutch_ticks():
    """The formatter class, made on first use: importing this module does not import matplotlib
    (a build whose charts all come from the cache never does)."""
    from matplotlib.ticker import FuncFormatter

    class DutchTicks(FuncFormatter):
        def __init__(self, unit: str) -> None:
            super().__init__(lambda x, _pos: fmt(round(x, self.decimals), unit, self.decimals))
            self.decimals = 0

        def set_locs(self, locs: Sequence[float]) -> None:
            finite = [v for v in locs if math.isfinite(v)]
            self.decimals = next((d for d in range(4) if all(abs(round(v, d) - v) < 1e-9 for v in finite)), 3)

    return DutchTicks


def _year_axis(axis, years: Sequence[int]) -> None:
    """Integer years, every year when there are few, never ``2.015``."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    if years and max(years) - min(years) <= 12:
        axis.set_ticks(range(min(years), max(years) + 1))
    else:
        axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda x, _pos: str(int(round(x)))))


def _floats(values: Sequence[Decimal | None]) -> list[float]:
    return [math.nan if v is None else float(v) for v in values]


def bar_label(ax, text: str, x: float, y: float) -> None:
    """The value written just right of a horizontal bar's end (8 pt, on a white box so a grid line never crosses it)."""
    ax.annotate(
        text,
        (x, y),
        xytext=(3, 0),
        textcoords="offset points",
        va="center",
        fontsize=8,
        zorder=4,
        bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"},
    )
