"""Every college compared on one indicator in one year: a sorted horizontal bar per college (best
first), the value of the target path for that college as a black tick on its bar, and the colleges
behind the path recognisable without colour (hatched bar, "(achter)" after the name).

Arguments are plain and picklable (:class:`CompareRow` tuples), made by
:func:`kwsite.pages.indicator.colleges_compared`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..numbers import MISSING
from .bars_svg import Bar, HBars, Key, hbars_svg
from .base import (
    FIGSIZE,
    PAD,
    MUTED,
    SERIES,
    TEXT,
    UNIT_LABEL,
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


@dataclass(frozen=True)
class CompareRow:
    """One college: display ``name``, its ``value`` and the target path's value for it (``path``;
    ``None`` without one), whether it is ``behind`` the path, and its status ``word``."""

    name: str
    value: Decimal | None
    path: Decimal | None
    behind: bool
    word: str


def _key(ind_id: str, year: int) -> str:
    return f"colleges-{ind_id}-{year}"


def _label(row: CompareRow) -> str:
    return row.name + (" (achter)" if row.behind else "")


def compare_text(ind_id: str, title: str, unit: str, year: int, rows: tuple[CompareRow, ...]) -> ChartText | None:
    """Key, alt text and data table (college, value, path value, status); ``None`` without a value."""
    if not any(r.value is not None for r in rows):
        return None
    behind = [r.name for r in rows if r.behind]
    alt = (
        f"Staafdiagram {title}, {year}: de colleges van hoog naar laag of van beste naar minste waarde, met de "
        f"waarde van de lijn naar de streefwaarde als streepje. "
        + " ".join(
            f"{r.name}: {fmt(r.value, unit) if r.value is not None else MISSING}"
            + (f", lijn {fmt(r.path, unit)}" if r.path is not None else "")
            + f", {r.word}."
            for r in rows
        )
        + (f" Achter: {', '.join(behind)}." if behind else " Geen college ligt achter.")
    )
    columns = ("College", f"Realisatie {year}", "Lijn", "Stand")

    def cells(r: CompareRow, display: bool) -> tuple[str, ...]:
        path = _cell(r.path, unit, display) if r.path is not None else ""
        return (r.name, _cell(r.value, unit, display), path, r.word if display else r.word.replace(" ", "_"))

    return ChartText(
        _key(ind_id, year), alt, columns, tuple(cells(r, True) for r in rows), tuple(cells(r, False) for r in rows)
    )


def _draw(fig: Figure, key: str, title: str, unit: str, year: int, rows: tuple[CompareRow, ...]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    ax = fig.add_subplot()
    for i, row in enumerate(rows):
        if row.value is None:
            ax.text(0, i, f" {MISSING}", va="center", ha="left", fontsize=8, style="italic", color=MUTED)
            continue
        ax.barh(
            i,
            float(row.value),
            height=0.62,
            color="white" if row.behind else SERIES,
            edgecolor=SERIES,
            hatch="///" if row.behind else None,
            linewidth=1.2,
            gid=f"{key}-bar-{i}",
            zorder=2,
        )
        bar_label(ax, fmt(row.value, unit), float(row.value), i)
        if row.path is not None:
            ax.plot([float(row.path)] * 2, [i - 0.42, i + 0.42], color=TEXT, lw=2.4, zorder=3)
    ax.set_yticks(range(len(rows)), [_label(r) for r in rows])
    handles = [
        Patch(facecolor=SERIES, edgecolor=SERIES, label="op of voor de lijn"),
        Patch(facecolor="white", edgecolor=SERIES, hatch="///", label="achter (gearceerd)"),
    ]
    if any(r.path is not None for r in rows):
        handles.append(Line2D([], [], color=TEXT, lw=2.4, label="lijn naar de streefwaarde"))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))
    ax.set_ylim(len(rows) - 0.5, -0.5)  # every row inside, best on top (a row without a value has no bar to fit)
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    ax.margins(x=0.12)
    ax.set_xlim(left=0)
    ax.xaxis.set_major_formatter(_DutchTicks(unit))
    ax.set_xlabel(f"{UNIT_LABEL.get(unit, '')}, {year}")
    # its top PAD points below the figure's edge (at matplotlib's y=0.98 it ran into the first row of a tall chart)
    fig.suptitle(title, x=0.01, y=1 - PAD / fig.bbox_inches.height / 72, ha="left", fontsize=10, fontweight="bold")


def _height(rows: tuple[CompareRow, ...]) -> float:
    return max(FIGSIZE[1], 1.4 + 0.26 * len(rows))


def compare_bars(ind_id: str, title: str, unit: str, year: int, rows: tuple[CompareRow, ...]) -> HBars:
    """The chart as :class:`~kwsite.charts.bars_svg.HBars`: what :func:`_draw` draws, for the template."""
    bars = tuple(
        Bar(
            _label(r),
            None if r.value is None else float(r.value),
            fmt(r.value, unit) if r.value is not None else "",
            "white" if r.behind else SERIES,
            edge=SERIES,
            hatch=r.behind,
            mark=None if r.path is None or r.value is None else float(r.path),
        )
        for r in rows
    )
    legend = [
        Key("patch", "op of voor de lijn", fill=SERIES, edge=SERIES),
        Key("patch", "achter (gearceerd)", fill="white", edge=SERIES, hatch=True),
    ]
    if any(r.path is not None for r in rows):
        legend.append(Key("line", "lijn naar de streefwaarde", edge=TEXT, width=2.4))
    return HBars(
        key=_key(ind_id, year),
        height=_height(rows),
        bars=bars,
        bar_height=0.62,
        unit=unit,
        xlabel=f"{UNIT_LABEL.get(unit, '')}, {year}",
        title=title,
        title_on_figure=True,
        rows_fixed=True,
        label_gap=3.5,  # the y tick labels' pad (tick length 0)
        label_baseline=True,
        value_gap=3.0,
        missing=f" {MISSING}",
        legend=tuple(legend),
    )


def compare_svg(ind_id: str, title: str, unit: str, year: int, rows: tuple[CompareRow, ...]) -> str:
    """The drawing (for rows whose :func:`compare_text` is not ``None``): through the template
    (:mod:`kwsite.charts.bars_svg`), or by matplotlib where the template cannot draw it."""
    svg = hbars_svg(compare_bars(ind_id, title, unit, year, rows))
    return svg if svg is not None else compare_matplotlib_svg(ind_id, title, unit, year, rows)


def compare_matplotlib_svg(ind_id: str, title: str, unit: str, year: int, rows: tuple[CompareRow, ...]) -> str:
    """matplotlib's drawing of the chart (the template's reference, and its fallback)."""
    key = _key(ind_id, year)
    return _render(key, lambda fig: _draw(fig, key, title, unit, year, rows), _height(rows))


def compare_chart(ind_id: str, title: str, unit: str, year: int, rows: tuple[CompareRow, ...]) -> Chart | None:
    text = compare_text(ind_id, title, unit, year, rows)
    return None if text is None else Chart.of(text, compare_svg(ind_id, title, unit, year, rows))
