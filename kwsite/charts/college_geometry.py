"""Geometry of the college chart shared by its two drawings: matplotlib's (:mod:`kwsite.charts.college`)
and the SVG template's (:mod:`kwsite.charts.college_svg`), which must give the same bytes."""

from __future__ import annotations

from collections.abc import Sequence

from .base import LINESTYLES, MARKERS, PALETTE, STYLE, _year, honest_ylim

SIZE = (6.0, 2.9)
"""Inches (432 × 209 pt): a little lower than the other charts; it stands beside its table."""

PAD = 5.0
"""Points of white space at the figure's edges."""
LEFT, BOTTOM, RIGHT = 58.0, 46.0, 14.0
"""Points from the figure's edges to the axes: room for the y label and tick labels, the x tick
labels and the legend row below, and a period label overhanging the last tick."""
TITLE_LINE = 13.0
"""Points per title line (10 pt bold)."""
STYLES = ((PALETTE[0], MARKERS[0], LINESTYLES[0], 2.2), (PALETTE[1], MARKERS[1], LINESTYLES[1], 1.8))
"""(colour, marker, line style, width) of the college's line and of the total's: never colour alone."""

TICK = 3.5
"""Points: length of the x tick marks and gap between a tick label and its axis."""
GRID = STYLE["grid.color"]


def _positions(periods: Sequence[str]) -> tuple[list[float], list[str]]:
    """x positions and tick labels: the years themselves when every period is a year, else 0, 1, …"""
    years = [_year(p) for p in periods]
    if all(years):
        return [float(y) for y in years], [str(y) for y in years]
    return [float(i) for i in range(len(periods))], list(periods)


def _y_range(values: list[float], unit: str) -> tuple[float, float, list[float]]:
    """Limits with room above and below the known values, and at most 6 nice ticks inside them."""
    from matplotlib.ticker import MaxNLocator

    low, high = min(values), max(values)
    span = high - low or abs(high) * 0.2 or 1.0
    low, high = low - span * 0.15, high + span * 0.15
    if unit == "percent" or min(values) >= 0:
        low = max(low, 0.0)
    low, high = honest_ylim(low, high, unit)
    ticks = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]).tick_values(low, high) if low <= t <= high]
    return low, high, ticks
