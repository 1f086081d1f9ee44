"""Baseline tables of counts and percentages on a theme page (S4 section 5.6).

Each column of the source table becomes a row here. The printed percentage is
shown as printed; where the data acknowledges that it disagrees with the
counts, the row says so and a note gives both numbers.
"""

from __future__ import annotations

from ..model import RatioTable, Site, Theme
from ..numbers import MISSING, machine, number, percent
from ..datasets import Dataset
from .common import Generated, dataset_downloads, table
from .common import chart as chart_context


def _percent_cell(col) -> str:
    if col.percent is None:
        return MISSING
    value = ("ca. " if col.approximate else "") + percent(col.percent)
    return value + " (gedrukt; zie noot)" if col.acknowledged else value


def _columns(table: RatioTable) -> list[str]:
    names = [
        table.column or "",
    ]
    names += [x for x in (table.numerator_label, table.denominator_label) if x]
    names.append(table.percent_label)
    if table.norm_label:
        names.append(table.norm_label)
    return names


def _row(table: RatioTable, col, display: bool) -> list[str]:
    fmt = number if display else machine
    cells = [col.label]
    if table.numerator_label:
        cells.append(fmt(col.numerator) if display or col.numerator is not None else "")
    if table.denominator_label:
        cells.append(fmt(col.denominator) if display or col.denominator is not None else "")
    cells.append(_percent_cell(col) if display else machine(col.percent))
    if table.norm_label:
        cells.append(percent(col.norm) if display else machine(col.norm))
    return cells


def _notes(table: RatioTable) -> list[dict]:
    out = []
    for col in table.columns:
        if not col.acknowledged:
            continue
        calc = col.computed_percent()
        out.append(
            {
                "label": col.label,
                "acknowledged": col.acknowledged,
                "computed": percent(calc) if calc is not None else None,
                "printed": percent(col.percent),
                "numerator": number(col.numerator) if calc is not None else None,
                "denominator": number(col.denominator) if calc is not None else None,
            }
        )
    return out


def table_block(ratio: RatioTable, page: str, charts, files: list[Generated]) -> dict:
    """Context of ``macros/ratios.html`` ``ratio_table``: the table with its chart, notes and downloads."""
    chart = charts.ratio(ratio) if charts is not None else None
    rows = [_row(ratio, c, True) for c in ratio.columns]
    unit = "aantal; percentage en norm in procent (0-100), zoals gedrukt"
    dataset = Dataset(
        f"basis-{ratio.id}",
        ratio.title,
        tuple(_columns(ratio)),
        tuple(tuple(_row(ratio, c, False)) for c in ratio.columns),
        unit,
        ratio.source,
        page,
    )
    return {
        "title": ratio.title,
        "period": ratio.period if ratio.period and ratio.period not in ratio.title else None,
        "chart": chart_context(page, chart, files) if chart is not None else None,
        "table": table(_columns(ratio), rows, ratio.title, css="kw-table kw-data-table kw-ratio"),
        "notes": _notes(ratio),
        "source": ratio.source,
        "note": ratio.note,
        "downloads": dataset_downloads(dataset, files),
    }


def theme_block(site: Site, theme: Theme, charts, page: str, files: list[Generated]) -> list[dict]:
    """The ratio tables placed on ``theme``'s page (may be empty)."""
    return [table_block(t, page, charts, files) for t in site.ratios_of(theme.id)]
