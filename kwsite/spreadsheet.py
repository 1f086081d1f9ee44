"""Every dataset as a spreadsheet (``downloads/<key>.xlsx``) that a Dutch Excel opens as it is.

Why xlsx and not a Dutch CSV (``;`` and decimal comma): a CSV carries no types, so what Excel
makes of it depends on the reader's locale (an English Excel puts ``6,7`` in a text cell; a
Dutch one turns ``6.7`` into a date), and it cannot say how many decimals to show. An xlsx
stores numbers as numbers with their display format, whatever the locale.

Sheet ``Gegevens``: a header row (number columns name the unit: ``2017 (%)``), then one row per
table row; numbers are numbers whose cell format shows the decimals the source prints (``6.70``
is 6,7 shown as ``6,70`` in a Dutch Excel), a missing value is an empty cell, text stays text.
Sheet ``Over deze gegevens``: title, unit, source, page, publisher, edition, the date of the data,
licence and how to cite (:class:`kwsite.publication.Publication`, dated by :func:`data_dated`).

Text from data can never become a formula or an error value: every text cell is stored as a
string (XlsxWriter's ``strings_to_formulas`` and the like are off). Characters XML cannot hold are dropped.
The bytes are reproducible: document dates from the date of the data (the last commit that
changed the data folder, not the build's commit), XlsxWriter's parts zipped by
:func:`kwsite.repro.zip_bytes`. A build keeps them in its chart cache under a digest of everything
they are made of (:func:`workbook_digest`), so a new commit that leaves the data alone (and CI with
the cache restored) reads them back.
"""

from __future__ import annotations

import datetime as dt
import io
import re
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
    return [
        f"{name} ({unit})" if kind == "number" and unit else name
        for name, kind in zip(dataset.columns, dataset.column_types())
    ]


def data_dated(about: Publication, data_dir: str) -> Publication:
    """``about`` dated with the last commit that changed ``data_dir`` (:func:`kwsite.repro.data_time`)
    instead of the build's commit; unchanged outside git. A workbook holds only data, so its date
    (the about sheet's "Stand van de gegevens", the citation, the document properties and zip
    entries) stays the same over commits that leave the data alone."""
    from dataclasses import replace

    from .repro import data_time

    when = data_time(data_dir)
    return about if when is None else replace(about, date=when)


def workbook_bytes(dataset: Dataset, about: Publication, cache=None) -> bytes:
    """The xlsx file of ``dataset``. Same dataset and publication → same bytes.

    ``cache``: a :class:`kwsite.chartcache.ChartCache` whose directory keeps the bytes under
    :func:`workbook_digest`, so a warm build (or CI with the cache restored) never makes the same
    workbook twice; ``None``: made here (remembered for the process)."""
    return _stored(dataset, about, None if cache is None else cache.directory)


@lru_cache(maxsize=4096)
def _stored(dataset: Dataset, about: Publication, directory) -> bytes:
    """Remembered by the dataset's and publication's value (:func:`_contents` is a function of them):
    ``serve`` makes (or reads) each workbook once per session, and does not describe it again."""
    contents = _contents(dataset, about)
    if directory is None:
        return _write(contents)
    from .chartcache import ChartCache

    cache = ChartCache(directory)
    digest = workbook_digest(contents)
    data = cache.get_file(digest, ".xlsx")
    if data is None:
        data = _write(contents)
        cache.put_file(digest, ".xlsx", data)
    return data


WORKBOOK_FORMAT = 2
"""Raise when :func:`_write` changes what it makes of the same contents: cached workbooks are
then made again."""


def workbook_digest(contents: tuple) -> str:
    """sha256 hex of everything a workbook is made of: its :func:`_contents` (every cell, format,
    width and text of both sheets, the document properties and date), the XlsxWriter and zlib
    versions (zlib: the deflated bytes) and :data:`WORKBOOK_FORMAT`."""
    import hashlib
    import json

    key = [contents, *_versions(), WORKBOOK_FORMAT]
    return hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _versions() -> tuple[str, str]:
    """The XlsxWriter and zlib versions, looked up once per process (reading the package metadata
    costs about half a millisecond, once per workbook before)."""
    import zlib
    from importlib.metadata import version

    return version("xlsxwriter"), zlib.ZLIB_RUNTIME_VERSION


def _contents(dataset: Dataset, about: Publication) -> tuple:
    """Everything the workbook of ``dataset`` is made of, as plain JSON-able values: header texts,
    per row the cells (``None`` empty, ``("n", "6.70")`` a number as printed, ``("s", text)``),
    the column widths, the about sheet's rows, the date (ISO, UTC), publisher and title."""
    types = dataset.column_types()
    head = header(dataset)
    rows = tuple(
        tuple(
            None if value == "" else ("n", value) if kind == "number" else ("s", _text(value))
            for value, kind in zip(row, types)
        )
        for row in dataset.rows
    )
    widths = tuple(
        min(MAX_WIDTH, max([len(name)] + [len(r[c]) for r in dataset.rows]) + 2) for c, name in enumerate(head)
    )
    when = about.date.astimezone(dt.UTC).replace(tzinfo=None) if about.date else NO_DATE
    zip_when = about.date.astimezone(dt.UTC).isoformat() if about.date else None
    return (
        tuple(_text(c) for c in head),
        rows,
        widths,
        tuple((_text(k), _text(v)) for k, v in _about(dataset, about)),
        when.isoformat(),
        zip_when,
        _text(about.publisher),
        _text(dataset.title),
    )


def _write(contents: tuple) -> bytes:
    """The xlsx bytes of :func:`_contents`, written with XlsxWriter (write-only, in memory; about
    2,3 times faster than openpyxl's object model here). XlsxWriter's parts (its XML files) are
    zipped once, by :func:`kwsite.repro.zip_bytes`, so entry dates and attributes do not depend on the
    platform (:func:`_book_class`: XlsxWriter's own zip, dated 1980 and made on whatever system, stays empty)."""
    head, rows, widths, about_rows, when_text, zip_when, publisher, title = contents
    buffer = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    book = _book_class()(buffer, options)  # text stays text: never a formula, number or link
    book.set_properties({"title": title, "author": publisher, "created": dt.datetime.fromisoformat(when_text)})
    bold = book.add_format({"bold": True})
    formats: dict[str, object] = {}
    sheet = book.add_worksheet(DATA_SHEET)
    for c, text in enumerate(head):
        sheet.write_string(0, c, text, bold)
    for r, row in enumerate(rows, start=1):
        for c, item in enumerate(row):
            if item is None:
                continue
            kind, value = item
            if kind == "n":
                shown = number_format(value)
                if shown not in formats:
                    formats[shown] = book.add_format({"num_format": shown})
                sheet.write_number(r, c, int(value) if "." not in value else float(value), formats[shown])
            else:
                sheet.write_string(r, c, value)
    sheet.freeze_panes(1, 0)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)

    about_sheet = book.add_worksheet(ABOUT_SHEET)
    key_format = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    text_format = book.add_format({"text_wrap": True, "valign": "top"})
    for r, (key, value) in enumerate(about_rows):
        about_sheet.write_string(r, 0, key, key_format)
        about_sheet.write_string(r, 1, value, text_format)
    about_sheet.set_column(0, 0, 22)
    about_sheet.set_column(1, 1, 90)
    book.close()
    return zip_bytes(book.parts(buffer), dt.datetime.fromisoformat(zip_when) if zip_when else None)


@lru_cache(maxsize=1)
def _book_class():
    """:class:`xlsxwriter.Workbook` that keeps its parts instead of zipping them (made on first use:
    importing this module does not import XlsxWriter). It overrides ``_get_packager``, the hook
    XlsxWriter offers for replacing its packager: the packager writes every part (name, XML) as
    always but hands XlsxWriter none to zip; :meth:`parts` returns them in XlsxWriter's order.
    Before, XlsxWriter zipped them and :func:`_write` unzipped and zipped them again: the same bytes
    (``tests/test_spreadsheet.py``), one deflate instead of two (about 0,8 ms a workbook)."""
    import xlsxwriter
    from xlsxwriter.packager import Packager

    class Parts(Packager):
        made: list | None = None

        def _create_package(self):
            self.made = super()._create_package()
            return []

    class Book(xlsxwriter.Workbook):
        _parts: Parts | None = None

        def _get_packager(self):
            self._parts = Parts()
            return self._parts

        def parts(self, buffer: io.BytesIO) -> list[tuple[str, bytes | str]]:
            """The xlsx parts as ``(name, content)`` after :meth:`close`; XlsxWriter's own zip
            (``buffer``) read back should a later XlsxWriter not call the hook."""
            if self._parts is None or self._parts.made is None:
                with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as made:
                    return [(name, made.read(name)) for name in made.namelist()]
            return [(name, data.getvalue()) for data, name, _binary in self._parts.made]

    return Book


def _about(dataset: Dataset, about: Publication) -> list[tuple[str, str]]:
    return [
        ("Titel", dataset.title),
        ("Eenheid", dataset.unit),
        ("Bron", dataset.source or "niet vermeld"),
        ("Pagina op de site", dataset.page_url or "(startpagina)"),
        ("Uitgave", about.title),
        ("Uitgegeven door", about.publisher),
        ("Editie", about.edition_text),
        ("Stand van de gegevens", f"{about.date_text} (laatste wijziging)" if about.date_text else "niet vermeld"),
        ("Licentie", f"{about.licence_name} ({about.licence}), {about.licence_url}"),
        ("Zo citeert u", about.citation()),
        ("Lege cel", "De bron geeft geen waarde; dat is nooit 0."),
    ]


ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
"""Control characters XML 1.0 cannot hold (openpyxl's ``ILLEGAL_CHARACTERS_RE``)."""


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS.sub("", value)
