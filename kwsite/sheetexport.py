"""``kwsite export``: every realisation (``indicators.yaml`` and ``realisations.csv``) as the long table
``kwsite import`` reads (:mod:`kwsite.sheetimport`), as CSV or xlsx; importing it again changes nothing."""

from __future__ import annotations

from . import model as m
from .realisations import Stored


def export_rows(site: m.Site) -> list[list[str]]:
    """Every realisation (YAML and ``realisations.csv``) as rows of the import table, with a header:
    indicator, college (name; the institution's ``total_name``), jaar, periode, uitsplitsing, waarde,
    toelichting; sorted as :func:`kwsite.realisations.sort_key`."""
    from .realisations import sort_key

    names = {u.id: u.name for u in site.units}
    rows = sorted((Stored(i.id, r) for i in site.indicators for r in i.realisations), key=sort_key)
    out = [["indicator", "college", "jaar", "periode", "uitsplitsing", "waarde", "toelichting"]]
    for s in rows:
        r = s.real
        out.append(
            [
                s.indicator,
                names.get(r.unit, r.unit) if r.unit else site.agenda.total_name,
                str(r.year),
                r.period or "",
                r.breakdown or "",
                format(r.value, "f"),
                r.note or "",
            ]
        )
    return out


def export_bytes(site: m.Site, kind: str) -> bytes:
    """:func:`export_rows` as ``csv`` (UTF-8, comma, point decimals) or ``xlsx`` (sheet ``Realisaties``,
    numbers as numbers showing their decimals: ``6.70`` as ``6,70``). Same data → same bytes."""
    import csv
    import io

    rows = export_rows(site)
    if kind == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        return out.getvalue().encode("utf-8")
    import zipfile

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    from .repro import zip_bytes
    from .spreadsheet import NO_DATE, number_format

    book = Workbook()
    sheet = book.active
    sheet.title = "Realisaties"
    sheet.append(rows[0])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows[1:], start=2):
        for c, value in enumerate(row, start=1):
            if value == "":
                continue
            cell = sheet.cell(row=r, column=c)
            if c == 3:
                cell.value = int(value)
            elif c == 6:
                cell.value = int(value) if "." not in value else float(value)
                cell.number_format = number_format(value)
            else:
                cell.value = value
                cell.data_type = "s"  # never a formula
    sheet.freeze_panes = "A2"
    book.properties.created = book.properties.modified = NO_DATE
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as made:
        entries = [(name, made.read(name)) for name in made.namelist()]
    return zip_bytes(entries, None)
