"""Open data: every table and chart of the site as CSV and JSON.

A :class:`Dataset` holds the machine form of one table (dot decimals, no
thousands separators, ``""`` for a missing value) with its description, unit
and source. It is written twice, from the same cells:

- CSV: UTF-8, header row, ``\\n`` line ends (see :func:`kwsite.tables.csv_text`);
- JSON: an object that follows :data:`SCHEMA` (published with the site as
  ``downloads/schema/dataset.schema.json``): numbers as JSON numbers, missing
  values as ``null``, the first column (labels, periods such as ``"2017"`` or
  ``"2016-2017"``) always as strings.

The same cells also make a spreadsheet (:mod:`kwsite.spreadsheet`), and all datasets of a
site together one zip with a data package descriptor (:mod:`kwsite.datapackage`).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from . import paths
from .tables import csv_text, safe_cell

SCHEMA_PATH = paths.SCHEMA
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
UNIT_TEXT = {
    "percent": "procent (0-100)",
    "grade": "rapportcijfer",
    "score": "score",
    "count": "aantal",
}
"""A unit of the model in words, for the open-data page and the JSON."""

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "dataset.schema.json",
    "title": "kwsite-dataset",
    "description": "Een tabel of de gegevens van een grafiek van de kwaliteitsagenda, in machineleesbare vorm.",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "unit", "source", "page", "columns", "rows"],
    "properties": {
        "$schema": {"type": "string"},
        "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "description": "Naam van het bestand zonder extensie.",
        },
        "title": {"type": "string", "description": "Wat de tabel laat zien."},
        "unit": {"type": "string", "description": "Eenheid van de getallen, in woorden."},
        "source": {"type": ["string", "null"], "description": "Bron van de cijfers."},
        "page": {"type": "string", "description": "Pagina van de site waar de tabel staat, relatief aan de hoofdmap."},
        "columns": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "type"],
                "properties": {"name": {"type": "string"}, "type": {"enum": ["string", "number"]}},
            },
        },
        "rows": {
            "type": "array",
            "description": "Eén array per rij, even lang als columns; null waar de gegevens van de site geen waarde hebben (nooit 0).",
            "items": {"type": "array", "items": {"type": ["string", "number", "null"]}},
        },
    },
}
"""JSON Schema (draft 2020-12) of every ``downloads/*.json``."""


@dataclass(frozen=True)
class Dataset:
    """One downloadable table.

    ``rows`` are machine text cells as long as ``columns``; ``page`` is the
    docs-dir path of the page that shows the table (``themas/x.md``); ``directory_urls`` MkDocs'
    ``use_directory_urls`` of the site, for the page's URL in the JSON (:attr:`page_url`).
    """

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    unit: str
    source: str | None
    page: str
    directory_urls: bool = True

    @property
    def page_url(self) -> str:
        """URL of :attr:`page` relative to the site root (``themas/x/`` or ``themas/x.html``)."""
        return paths.page_url(self.page, self.directory_urls)

    def __post_init__(self) -> None:  # tuples all the way down: hashable, so its texts can be remembered
        object.__setattr__(self, "columns", tuple(self.columns))
        object.__setattr__(self, "rows", tuple(tuple(r) for r in self.rows))

    def column_types(self) -> list[str]:
        """``"number"`` for a column (not the first) whose filled cells are all numbers, else ``"string"``."""
        return list(self._types)

    @cached_property
    def _types(self) -> tuple[str, ...]:  # made once: the JSON, the workbook and the zip's descriptor ask
        types = []
        for i, _ in enumerate(self.columns):
            cells = [r[i] for r in self.rows if r[i] != ""]
            numeric = i > 0 and cells and all(NUMBER.fullmatch(c) for c in cells)
            types.append("number" if numeric else "string")
        return tuple(types)

    def csv(self) -> str:
        return self._csv

    def json(self) -> str:
        """The JSON text; a number keeps its value (``6.70`` is written ``6.7``)."""
        return self._json

    @cached_property
    def _csv(self) -> str:  # made once: the link sizes, the file and the open-data page all need it
        return _csv_of(self)

    @cached_property
    def _json(self) -> str:
        return _json_of(self)


@lru_cache(maxsize=16384)
def _csv_of(dataset: Dataset) -> str:
    """The CSV text; remembered by the dataset's value, so ``serve`` makes it once per session."""
    return csv_text(list(dataset.columns), [list(r) for r in dataset.rows])


@lru_cache(maxsize=16384)
def _json_of(dataset: Dataset) -> str:
    """The JSON text; remembered by the dataset's value, so ``serve`` makes it once per session."""
    types = dataset.column_types()
    rows = [[_json_cell(c, t) for c, t in zip(r, types)] for r in dataset.rows]
    doc = {
        "$schema": "schema/dataset.schema.json",
        "id": dataset.key,
        "title": dataset.title,
        "unit": dataset.unit,
        "source": dataset.source,
        "page": dataset.page_url,
        "columns": [{"name": n, "type": t} for n, t in zip(dataset.columns, types)],
        "rows": rows,
    }
    return indented_json(doc) + "\n"


def _scalar(value) -> str:
    """One JSON scalar as ``json.dumps(value, ensure_ascii=False)`` writes it."""
    if isinstance(value, str):
        return _STRING(value)
    if value is None:
        return "null"
    if type(value) is int:
        return int.__repr__(value)
    if type(value) is float and math.isfinite(value):
        return float.__repr__(value)
    return json.dumps(value, ensure_ascii=False)


_STRING = json.encoder.encode_basestring  # the C function where there is one


def indented_json(value, depth: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=1)`` for the dicts, lists and scalars of a dataset's
    JSON, with each scalar written by the json module's C encoder (the indenting encoder is pure Python
    and several times slower; ``tests/test_datapackage.py`` compares the two)."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + " " * (depth + 1)
        items = (_scalar(k) + ": " + indented_json(v, depth + 1) for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + "\n" + " " * depth + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = "\n" + " " * (depth + 1)
        if not any(isinstance(v, (dict, list, tuple)) for v in value):  # a row: scalars only
            items = map(_scalar, value)
        else:
            items = (indented_json(v, depth + 1) for v in value)
        return "[" + inner + ("," + inner).join(items) + "\n" + " " * depth + "]"
    return _scalar(value)


def _json_cell(cell: str, kind: str):
    if cell == "":
        return None
    if kind == "number":
        return int(cell) if "." not in cell else float(cell)  # shortest repr: 69.11 stays 69.11
    return safe_cell(cell)  # formula-like text neutralised as in the CSV


def page_url(docs_path: str, directory_urls: bool = True) -> str:
    """``themas/x.md`` → ``themas/x/`` (or ``themas/x.html``): see :func:`kwsite.paths.page_url`."""
    return paths.page_url(docs_path, directory_urls)


def schema_text() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=1) + "\n"
