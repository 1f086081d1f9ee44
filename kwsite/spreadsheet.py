"""Every dataset as a spreadsheet (``downloads/<key>.xlsx``) that a Dutch Excel opens as it is.

Why xlsx and not a Dutch CSV (``;`` and decimal comma): a CSV carries no types, so what Excel
makes of it depends on the reader's locale (an English Excel puts ``6,7`` in a text cell; a
Dutch one turns ``6.7`` into a date), and it cannot say how many decimals to show. An xlsx
stores numbers as numbers with their display format, whatever the locale.

Sheet ``Gegevens``: a header row (number columns name the unit: ``2017 (%)``), then one row per
table row; numbers are numbers whose cell format shows the decimals the source prints (``6.70``
is 6,7 shown as ``6,70`` in a Dutch Excel), a missing value is an empty cell, text stays text.
Sheet ``Over deze gegevens``: title, unit, source, page, publisher, edition, date, licence and
how to cite (:class:`kwsite.publication.Publication`).

Text from data can never become a formula or an error value: every text cell is stored as a
string (openpyxl would store ``=…`` as a formula). Characters XML cannot hold are dropped.
The bytes are reproducible: document dates from the build date, zip entries re-packed with
:func:`kwsite.repro.zip_bytes`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import lru_cache

from .datasets import UNIT_TEXT, Dataset
from .publication import Publication
from .repro import zip_bytes

DATA_SHEET = "Gegevens"
ABOUT_SHEET = "Over deze gegevens"
UNIT_SHORT = {"percent": "%", "grade": "rapportcijfer", "score": "score", "count": "aantal"}
"""Unit in a column header, by model unit."""
HEADER_UNIT = {UNIT_TEXT[k]: v for k, v in UNIT_SHORT.items()}
"""Unit in a column header, by the dataset's unit in words (:data:`kwsite.datasets.UNIT_TEXT`)."""
NO_DATE = dt.datetime(1980, 1, 1)
MAX_WIDTH = 60


def number_format(cell: str) -> str:
    """Excel format showing the decimals of the machine text: ``"6.70"`` → ``#,##0.00``, ``"1731"`` → ``#,##0``."""
    decimals = len(cell.split(".", 1)[1]) if "." in cell else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def header(dataset: Dataset) -> list[str]:
    """Column names; a number column gets the unit (``2017 (%)``) unless the dataset's unit is
    given per column already (hand-written tables: ``Groei (%)``)."""
    unit = HEADER_UNIT.get(dataset.unit)
    return [f"{name} ({unit})" if kind == "number" and unit else name
            for name, kind in zip(dataset.columns, dataset.column_types())]


def workbook_bytes(dataset: Dataset, about: Publication) -> bytes:
    """The xlsx file of ``dataset``. Same dataset and publication → same bytes."""
    return _workbook(dataset, about)


@lru_cache(maxsize=4096)
def _workbook(dataset: Dataset, about: Publication) -> bytes:  # remembered: serve makes each once per session
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    types = dataset.column_types()
    bold = Font(bold=True)
    sheet.append([_text(c) for c in header(dataset)])
    for cell in sheet[1]:
        cell.data_type, cell.font = "s", bold
    for r, row in enumerate(dataset.rows, start=2):
        for c, (value, kind) in enumerate(zip(row, types), start=1):
            if value == "":
                continue
            cell = sheet.cell(row=r, column=c)
            if kind == "number":
                cell.value = int(value) if "." not in value else float(value)
                cell.number_format = number_format(value)
            else:
                cell.value = _text(value)
                cell.data_type = "s"  # never a formula ("=…") or an error value ("#N/A")
    sheet.freeze_panes = "A2"
    for c, name in enumerate(header(dataset), start=1):
        longest = max([len(name)] + [len(r[c - 1]) for r in dataset.rows])
        sheet.column_dimensions[_letter(c)].width = min(MAX_WIDTH, longest + 2)

    about_sheet = book.create_sheet(ABOUT_SHEET)
    for key, value in _about(dataset, about):
        about_sheet.append([_text(key), _text(value)])
    for row in about_sheet.iter_rows():
        row[0].font = bold
        for cell in row:
            cell.data_type = "s"
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    about_sheet.column_dimensions["A"].width = 22
    about_sheet.column_dimensions["B"].width = 90

    when = about.date.astimezone(dt.UTC).replace(tzinfo=None) if about.date else NO_DATE
    props = book.properties
    props.creator = props.lastModifiedBy = _text(about.publisher)
    props.title, props.created, props.modified = _text(dataset.title), when, when
    props.language = "nl-NL"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()  # not save_workbook(): that stamps "modified" with the clock
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as made:  # its entries carry the clock: re-pack
        entries = [(name, made.read(name)) for name in made.namelist()]
    return zip_bytes(entries, about.date)


def _about(dataset: Dataset, about: Publication) -> list[tuple[str, str]]:
    return [
        ("Titel", dataset.title),
        ("Eenheid", dataset.unit),
        ("Bron", dataset.source or "niet vermeld"),
        ("Pagina op de site", dataset.page_url or "(startpagina)"),
        ("Uitgave", about.title),
        ("Uitgegeven door", about.publisher),
        ("Editie", about.edition_text),
        ("Datum", about.date_text or "niet vermeld"),
        ("Licentie", f"{about.licence_name} ({about.licence}), {about.licence_url}"),
        ("Zo citeert u", about.citation()),
        ("Lege cel", "De bron geeft geen waarde; dat is nooit 0."),
    ]


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
