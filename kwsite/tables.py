"""HTML tables with real header cells, and CSV downloads.

Tables are HTML (not Markdown) so header cells carry ``scope`` and numeric
columns align right. Each has a caption (visually hidden: the heading above says
it already) and sits in a wrapper that scrolls sideways on narrow screens; the
wrapper is a named region a keyboard user can focus to scroll it. All text is escaped. CSV text cells that a spreadsheet
would run as a formula (starting with ``= + - @``, tab or CR) get a leading
apostrophe; numbers stay numbers.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from html import escape

from .model import Site, TableData
from .numbers import with_unit

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Html(str):
    """A table cell that is already safe HTML (built from escaped parts); inserted as is."""


def _cell(c: str) -> str:
    return c if isinstance(c, Html) else escape(c)


def html_table(columns: list[str], rows: list[list[str]], caption: str, css: str = "kw-table") -> str:
    """``columns`` header texts; ``rows`` cell texts, the first cell of each row a row header;
    ``caption`` what the table shows (read out by screen readers)."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{escape(row[0])}</th>'] + [f"<td>{_cell(c)}</td>" for c in row[1:]]
        body.append(f"<tr>{''.join(cells)}</tr>")
    name = escape(caption)
    return (
        f'<div class="kw-table-wrap" role="region" aria-label="{name}" tabindex="0">'
        f'<table class="{css}"><caption class="kw-sr-only">{name}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def named(table: TableData, site: Site, short: bool = False) -> TableData:
    """``table`` with each college row labelled by the college's display name: ``name`` (tables, text)
    or, where a chart has no room, ``short_name``. The institution total and rows that are no college
    keep their label as printed; the CSV in ``data/`` keeps the source's spelling ("Amstlnd")."""
    rows = []
    for row in table.rows:
        unit = site.unit(row.unit) if row.unit and row.unit != "total" else None
        rows.append(dataclasses.replace(row, label=unit.short_name if short else unit.name) if unit else row)
    return dataclasses.replace(table, rows=tuple(rows))


def safe_cell(cell: str) -> str:
    if cell.startswith(FORMULA_START):
        try:
            float(cell)
            return cell
        except ValueError:
            return "'" + cell
    return cell


def csv_text(columns: list[str], rows: list[list[str]]) -> str:
    """CSV with a header row, ``\\n`` line ends, formula-like text neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return buf.getvalue()


def table_rows(table: TableData) -> tuple[list[str], list[list[str]]]:
    """Display form of a data table: header and Dutch-formatted rows."""
    columns = [_first_column(table), *table.periods]
    rows = [[r.label, *(with_unit(v, table.meta.unit) for v in r.values)] for r in table.rows]
    return columns, rows


def _first_column(table: TableData) -> str:
    return {"unit": "College", "series": "Reeks", "domain": "Domein", "level": "Niveau"}[table.meta.rows]
