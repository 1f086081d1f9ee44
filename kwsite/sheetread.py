"""Reading a long table of realisations from a spreadsheet (``.xlsx``) or a CSV, cell by cell.

What exports look like, and what happens to it:

- title rows above the header are skipped: the header is the first of the first
  :data:`HEADER_ROWS` rows that names an indicator and a value column (:data:`COLUMNS`; case, spaces
  and a unit in brackets — ``Waarde (%)`` — ignored); a column with another name is not read
  (warning);
- empty rows are skipped;
- a merged cell in the header row that spans columns is refused; a merged cell in the data that spans
  rows of one column (an indicator written once for its rows) holds its value in every row; one that
  spans columns is refused;
- a formula gives its cached value (the one Excel saved), with a warning; a formula without a cached
  value (a file never opened in Excel) is refused;
- numbers keep the decimals their cell format shows (``6,70`` under ``0.00`` is ``6.70``; under
  ``General`` the shortest text of Excel's 15 digits); a ``%`` format is the shown percentage (0.776
  under ``0.0%`` is 77.6);
- text cells stay text here; :mod:`kwsite.sheetimport` reads ``6,7`` (decimal comma) and ``77,6%``.

Semicolon CSVs (Dutch Excel) are read like comma CSVs; every cell of a CSV is text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from .hints import did_you_mean

COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "indicator-id", "indicatorid", "id"),
    "college": ("college", "mbo-college", "eenheid", "unit", "onderdeel"),
    "year": ("jaar", "year", "peiljaar", "meetjaar"),
    "period": ("periode", "period", "schooljaar", "studiejaar"),
    "value": ("waarde", "value", "realisatie", "resultaat"),
    "breakdown": ("uitsplitsing", "breakdown"),
    "note": ("toelichting", "opmerking", "note", "notitie"),
}
"""Field → the header texts that name it."""
FIELD_WORDS = {
    "indicator": "indicator",
    "college": "college",
    "year": "jaar",
    "period": "periode",
    "value": "waarde",
    "breakdown": "uitsplitsing",
    "note": "toelichting",
}
"""Field → its Dutch name in messages (``Blad1!C7 waarde: …``)."""
HEADER_ROWS = 10
MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
WIDE = 100
"""Columns read without a header that names a field (see :func:`_width`)."""


class SheetError(Exception):
    """The file cannot be read as a table at all (one Dutch message)."""


@dataclass(frozen=True)
class Cell:
    """One cell: ``ref`` as Excel names it (``C7``); ``value`` a str, int, float, bool or ``None``;
    ``number`` the value as a Decimal with the decimals shown (numbers only); ``percent`` when its
    format is a percentage; ``formula`` when the value is a formula's cached result."""

    ref: str
    value: object
    number: Decimal | None = None
    percent: bool = False
    formula: bool = False
    rounded: bool = False
    """The stored number has more decimals than the cell shows; ``number`` is what it shows."""


@dataclass
class Table:
    """What was read: the sheet's name (``None`` for a CSV), header row, the column of each field, and the data rows
    (field → :class:`Cell`, with the row number)."""

    sheet: str | None
    header_row: int
    columns: dict[str, str]
    rows: list[tuple[int, dict[str, Cell]]] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(cell or range, field, message): refusals in the table (merged cells, formulas without value)."""
    warnings: list[tuple[str, str, str]] = field(default_factory=list)


def header_field(text: object) -> str | None:
    """The field a header cell names, or ``None``: ``"Waarde (%)"`` → ``value``."""
    if not isinstance(text, str):
        return None
    word = re.sub(r"\(.*?\)", "", text).strip().casefold()
    word = " ".join(word.split())
    return next((f for f, names in COLUMNS.items() if word in names), None)


def decimals(number_format: str) -> int | None:
    """Decimals a cell format shows (``0.00`` → 2, ``#,##0`` → 0, ``0.0%`` → 1); ``None`` for General."""
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.split(";")[0])
    if "0" not in section and "#" not in section:
        return None
    match = re.search(r"\.([0#]+)", section)
    return len(match.group(1)) if match else 0


def shown(value: int | float, number_format: str) -> tuple[Decimal, bool, bool]:
    """(the number as the cell shows it, whether it is a percentage format, whether showing rounded
    the stored value). Floats are read at Excel's 15 significant digits, so no float noise."""
    stored = Decimal(value) if isinstance(value, int) else Decimal(f"{value:.15g}")
    percent = "%" in re.sub(r'"[^"]*"|\\.', "", number_format)  # a quoted or escaped % is only shown
    if percent:
        stored = stored * 100
    places = decimals(number_format)
    if places is None:
        return stored, percent, False
    rounded = stored.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return rounded, percent, rounded != stored


def read(path: Path, sheet: str | None = None) -> Table:
    """Read ``path`` (``.xlsx`` or ``.csv``); raises :class:`SheetError` when it is no readable table."""
    if not path.is_file():
        raise SheetError("bestand bestaat niet")
    if path.stat().st_size > MAX_BYTES:
        raise SheetError(f"bestand is groter dan {MAX_BYTES // (1024 * 1024)} MiB")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        grid, name, merged, hidden = _xlsx(path, sheet)
    elif suffix == ".csv":
        if sheet:
            raise SheetError("een CSV-bestand heeft geen bladen; laat --sheet weg")
        grid, name, merged, hidden = _csv(path), None, [], (set(), set())
    else:
        raise SheetError("verwacht een .xlsx- of .csv-bestand (een .xls of .ods: sla op als .xlsx)")
    return _table(grid, name, merged, hidden)


def _xlsx(path: Path, sheet: str | None):
    import zipfile

    from openpyxl import load_workbook

    from itertools import islice

    unreadable = (zipfile.BadZipFile, KeyError, OSError, ValueError)
    try:  # first a streaming look: a sheet too long is refused before it is loaded (twice) whole
        probe = load_workbook(path, read_only=True)
        try:
            names = probe.sheetnames
            if sheet is not None and sheet not in names:
                raise SheetError(f"geen blad '{sheet}'{did_you_mean(sheet, names)} (bladen: {', '.join(names)})")
            visible = [ws.title for ws in probe.worksheets if ws.sheet_state == "visible"]
            name = sheet or (visible or names)[0]  # the first sheet the editor sees
            rows = sum(1 for _ in islice(probe[name].iter_rows(max_col=1, values_only=True), MAX_ROWS + 1))
        finally:
            probe.close()
        if rows > MAX_ROWS:
            raise SheetError(f"blad '{name}' heeft meer dan {MAX_ROWS} rijen")
        formulas = load_workbook(path, data_only=False)
        cached = load_workbook(path, data_only=True)
    except unreadable as exc:
        raise SheetError(f"geen leesbaar .xlsx-bestand ({type(exc).__name__})") from None
    book, values = formulas[name], cached[name]
    if book.max_row > MAX_ROWS:
        raise SheetError(f"blad '{name}' heeft meer dan {MAX_ROWS} rijen")
    width = _width(book)
    grid = []
    for row, cached_row in zip(book.iter_rows(max_col=width), values.iter_rows(max_col=width)):
        cells = []
        for cell, value in zip(row, cached_row):
            formula = cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("="))
            cells.append(
                (cell.coordinate, value.value if formula else cell.value, cell.number_format or "General", formula)
            )
        grid.append(cells)
    merged = [(r.min_row, r.max_row, r.min_col, r.max_col, r.coord) for r in book.merged_cells.ranges]
    columns = {
        c
        for dim in book.column_dimensions.values()
        if dim.hidden and dim.min
        for c in range(dim.min, min(dim.max or dim.min, width) + 1)
    }
    rows = {r for r, dim in book.row_dimensions.items() if dim.hidden}
    return grid, name, merged, (columns, rows)


def _width(book) -> int:
    """The columns to read: up to the last one in the first :data:`HEADER_ROWS` rows that names a field
    or holds text within :data:`WIDE` columns. A stray cell far to the right (``XFD1``) widens openpyxl's
    sheet to 16,384 columns, and reading every row that wide took minutes and gigabytes; cells right of
    the last header are never read anyway."""
    found = [
        c
        for (r, c), cell in book._cells.items()  # the cells the file has, without creating others
        if r <= HEADER_ROWS
        and cell.value is not None
        and str(cell.value).strip()
        and (c <= WIDE or header_field(cell.value))
    ]
    return max(found, default=1)


def _csv(path: Path):
    from openpyxl.utils import get_column_letter

    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError("bestand is geen UTF-8; sla het op als 'CSV UTF-8'") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if len(rows) > MAX_ROWS:
        raise SheetError(f"meer dan {MAX_ROWS} rijen")
    return [
        [(f"{get_column_letter(c)}{r}", value, "@", False) for c, value in enumerate(row, start=1)]
        for r, row in enumerate(rows, start=1)
    ]


def _table(grid, name: str | None, merged, hidden: tuple[set[int], set[int]] = (set(), set())) -> Table:
    """``hidden``: the hidden (or filtered) columns and rows of the sheet, by number: a hidden column that
    would be read is refused (what is imported must be visible), a hidden row read is warned of."""
    from openpyxl.utils import get_column_letter

    header_at = next(
        (
            r
            for r, row in enumerate(grid[:HEADER_ROWS], start=1)
            if {"indicator", "value"} <= {header_field(c[1]) for c in row}
        ),
        None,
    )
    if header_at is None:
        raise SheetError(
            f"{f'blad {name!r}: ' if name else ''}geen kopregel met een kolom 'indicator' en een kolom 'waarde' in de "
            f"eerste {HEADER_ROWS} rijen (ook gelezen: college, jaar, periode, uitsplitsing, toelichting)"
        )
    table = Table(name, header_at, {})
    fill: dict[tuple[int, int], object] = {}
    for low, high, left, right, coord in merged:
        if high < header_at:
            continue  # a title above the header
        if low <= header_at <= high and right > left:
            table.problems.append((coord, "kop", "samengevoegde cellen in de kopregel; geef elke kolom een eigen kop"))
        elif low <= header_at <= high:
            table.problems.append((coord, "kop", "samengevoegde cellen van de kopregel tot in de gegevens"))
        elif right > left:
            table.problems.append((coord, "", "samengevoegde cellen over kolommen; zet de waarde in één cel per kolom"))
        else:
            top = grid[low - 1][left - 1][1] if left - 1 < len(grid[low - 1]) else None
            for r in range(low + 1, high + 1):
                fill[(r, left)] = top  # one value written once for the rows it spans
    by_col = {}
    for c, (ref, text, _, _) in enumerate(grid[header_at - 1], start=1):
        found = header_field(text)
        if found and found in table.columns.values():
            table.problems.append((ref, "kop", f"kolom '{text}' staat er twee keer"))
        elif found:
            if c in hidden[0]:  # still read, so every row is checked; the error keeps it from being written
                table.problems.append(
                    (
                        ref,
                        "kop",
                        f"kolom '{text}' is verborgen; maak hem zichtbaar of verwijder hem, "
                        "zodat u ziet wat wordt ingelezen",
                    )
                )
            table.columns[get_column_letter(c)] = found
            by_col[c] = found
        elif isinstance(text, str) and text.strip():
            table.warnings.append((ref, "kop", f"kolom '{text.strip()}' wordt niet gelezen"))
    formulas = []
    for r, row in enumerate(grid[header_at:], start=header_at + 1):
        cells, own = {}, False
        for c, (ref, value, fmt, formula) in enumerate(row, start=1):
            if c not in by_col:
                continue
            own = own or (value is not None and str(value).strip() != "")
            if (r, c) in fill:
                value = fill[(r, c)]
            if formula:
                if value is None:
                    table.problems.append(
                        (
                            ref,
                            FIELD_WORDS[by_col[c]],
                            "formule zonder opgeslagen uitkomst; open het "
                            "bestand in Excel en sla het op, of typ de waarde",
                        )
                    )
                    cells[by_col[c]] = Cell(ref, None, formula=True)  # reported: the row is not read
                    continue
                formulas.append(ref)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                number, percent, rounded = shown(value, fmt)
                cells[by_col[c]] = Cell(ref, value, number, percent, formula, rounded)
            else:
                cells[by_col[c]] = Cell(ref, value.strip() if isinstance(value, str) else value, formula=formula)
        if cells and own:  # a row with only a merged cell's value is empty
            table.rows.append((r, cells))
    shut = [r for r, _ in table.rows if r in hidden[1]]
    if shut:
        more = f" en {len(shut) - 1} andere verborgen rij(en)" if len(shut) > 1 else ""
        table.warnings.append(
            (
                f"{shut[0]}:{shut[0]}",
                "",
                f"rij {shut[0]} is verborgen (of weggefilterd) en toch ingelezen{more}; controleer die",
            )
        )
    if formulas:
        more = f" en {len(formulas) - 1} andere" if len(formulas) > 1 else ""
        table.warnings.append((formulas[0], "", f"formule{more}: de opgeslagen uitkomst is ingelezen; controleer die"))
    return table
