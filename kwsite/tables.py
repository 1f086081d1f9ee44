"""Data tables: display rows and college names, and CSV text.

The HTML of a table is the macro ``table`` in ``kwsite/theme/pages/macros/table.html``: header cells
carry ``scope``, a caption (visually hidden: the heading above says it already), a wrapper that
scrolls sideways on narrow screens and is a named region a keyboard user can focus to scroll it; all
text is escaped there. CSV text cells that a spreadsheet
would run as a formula (starting with ``= + - @``, tab or CR) get a leading
apostrophe; numbers stay numbers.
"""

from __future__ import annotations

import csv
import dataclasses
import io

from .model import Site, TableData
from .numbers import with_unit

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
