"""Baseline tables of counts and percentages on a theme page (S4 section 5.6).

Each column of the source table becomes a row here. The printed percentage is
shown as printed; where the data acknowledges that it disagrees with the
counts, the row says so and a note gives both numbers.
"""

from __future__ import annotations

from ..model import RatioTable, Site, Theme
from ..numbers import MISSING, machine, number, percent
from ..datasets import Dataset
from ..tables import html_table
from .common import Generated, chart_block, download_block, svg_link, text


def _percent_cell(col) -> str:
    if col.percent is None:
        return MISSING
    value = ("ca. " if col.approximate else "") + percent(col.percent)
    return value + " (gedrukt; zie noot)" if col.acknowledged else value


def _columns(table: RatioTable) -> list[str]:
    names = [table.column or "", ]
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


def _notes(table: RatioTable) -> list[str]:
    out = []
    for col in table.columns:
        if not col.acknowledged:
            continue
        calc = col.computed_percent()
        if calc is not None:
            out.append(f"*Noot bij {text(col.label)}:* gedrukt {percent(col.percent)}, berekend "
                       f"{number(col.numerator)} / {number(col.denominator)} = {percent(calc)}. "
                       f"{text(col.acknowledged)}")
        else:
            out.append(f"*Noot bij {text(col.label)}:* {text(col.acknowledged)}")
    return out


def table_block(table: RatioTable, page: str, charts, files: list[Generated]) -> str:
    period = f" ({text(table.period)})" if table.period and table.period not in table.title else ""
    out = [f"### {text(table.title)}{period}\n"]
    chart = charts.ratio(table) if charts is not None else None
    if chart is not None:
        out.append(chart_block(page, chart, files))
    rows = [_row(table, c, True) for c in table.columns]
    out.append(html_table(_columns(table), rows, table.title, css="kw-table kw-data-table kw-ratio"))
    out.append("")
    out += [n + "\n" for n in _notes(table)]
    src = f"Bron: {text(table.source)}. " if table.source else ""
    note = f"{text(table.note)} " if table.note else ""
    unit = "aantal; percentage en norm in procent (0-100), zoals gedrukt"
    dataset = Dataset(f"basis-{table.id}", table.title, tuple(_columns(table)),
                      tuple(tuple(_row(table, c, False)) for c in table.columns), unit, table.source, page)
    svg = f"  \n{svg_link(page, chart)}" if chart is not None else ""
    out.append(f"{src}{note}{download_block(dataset, files)}{svg}\n")
    return "\n".join(out)


def theme_block(site: Site, theme: Theme, charts, page: str, files: list[Generated]) -> str | None:
    """The ratio tables placed on ``theme``'s page, or ``None``."""
    tables = site.ratios_of(theme.id)
    if not tables:
        return None
    return "\n".join(table_block(t, page, charts, files) for t in tables)
