"""All open data of a site in one download: ``downloads/kwaliteitsagenda-data.zip``.

The zip holds every dataset of the site (:class:`kwsite.datasets.Dataset`) as CSV and as JSON,
the JSON Schema of the JSON files (``schema/dataset.schema.json``) and a Frictionless Data
Package descriptor, ``datapackage.json`` (profile ``tabular-data-package``): one resource per
dataset (its CSV), with a table schema (field types ``string``/``number``, a description and
the unit per field, ``""`` as missing value), its source, and for the whole package the
licence (``agenda.licence``), the publishing institutions, the edition and the build date.

The bytes depend only on the data and the commit: entries in a fixed order, dated with the
build date (:func:`kwsite.repro.zip_bytes`), JSON keys in a fixed order.
"""

from __future__ import annotations

from functools import lru_cache

from . import paths
from .datasets import Dataset, indented_json, schema_text
from .publication import Publication
from .repro import zip_bytes

ZIP_PATH = paths.DATA_ZIP
DESCRIPTOR = "datapackage.json"
SCHEMA_IN_ZIP = "schema/dataset.schema.json"


def unique(datasets: list[Dataset]) -> list[Dataset]:
    """``datasets`` in order, the first of each key (a key is one file name)."""
    seen: dict[str, Dataset] = {}
    for d in datasets:
        seen.setdefault(d.key, d)
    return list(seen.values())


def descriptor(datasets: list[Dataset], about: Publication) -> dict:
    """The ``datapackage.json`` object for ``datasets`` (in order, keys unique)."""
    package = {
        "profile": "tabular-data-package",
        "name": about.agenda_id,
        "title": f"{about.title}: open data",
        "description": (
            f"Alle tabellen en de gegevens van alle grafieken van de {about.title}, "
            f"editie {about.edition_text}. Elke tabel staat er als CSV (de resource) en met dezelfde "
            "waarden als JSON (zelfde naam, .json; schema in schema/dataset.schema.json). Getallen met "
            "een punt als decimaalteken; een lege cel betekent dat de gegevens van de site daar geen waarde hebben (nooit 0)."
        ),
        "licenses": [{"name": about.licence, "path": about.licence_url, "title": about.licence_name}],
        "contributors": [{"title": about.publisher, "role": "publisher"}],
        "edition": {"id": about.edition_id, "label": about.edition, "status": about.status, "date": about.edition_date},
        "citation": about.citation(),
    }
    if about.date is not None:
        package["created"] = about.date.strftime("%Y-%m-%dT%H:%M:%SZ")
    package["resources"] = [_resource(d) for d in datasets]
    return package


def _resource(dataset: Dataset) -> dict:
    resource = {
        "name": dataset.key,
        "path": f"{dataset.key}.csv",
        "profile": "tabular-data-resource",
        "title": dataset.title,
        "description": f"Eenheid: {dataset.unit}. Op de pagina {dataset.page_url or '(startpagina)'} van de site. "
        f"Dezelfde gegevens als JSON: {dataset.key}.json.",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        "schema": {"fields": _fields(dataset), "missingValues": [""]},
    }
    if dataset.source:
        resource["sources"] = [{"title": dataset.source}]
    return resource


def _fields(dataset: Dataset) -> list[dict]:
    fields = []
    for i, (name, kind) in enumerate(zip(dataset.columns, dataset.column_types())):
        if i == 0:
            description = "Rij: het label zoals de pagina het toont (periode, college, thema, ...)."
        elif kind == "number":
            description = f"Getal, met de precisie die de bron drukt. Eenheid: {dataset.unit}."
        else:
            description = "Tekst zoals de pagina hem toont."
        field = {"name": name, "type": kind, "description": description}
        fields.append(field | {"unit": dataset.unit} if kind == "number" else field)
    return fields


def package_json(datasets: list[Dataset], about: Publication) -> str:
    """``datapackage.json``: :func:`descriptor` as ``json.dumps(…, ensure_ascii=False, indent=1)`` writes it,
    each resource's text remembered by its dataset's value (``kwsite serve`` writes only the changed ones
    again; ``tests/test_datapackage.py`` compares it with the whole descriptor written at once)."""
    head = descriptor([], about)
    del head["resources"]  # the last key: written below, one remembered text per dataset
    text = indented_json(head)
    if not datasets:
        return text[:-2] + ',\n "resources": []\n}\n'
    inner = ",\n  ".join(_resource_text(d) for d in datasets)
    return text[:-2] + ',\n "resources": [\n  ' + inner + "\n ]\n}\n"


@lru_cache(maxsize=16384)
def _resource_text(dataset: Dataset) -> str:
    return indented_json(_resource(dataset), 2)


def bundle(datasets: list[Dataset], about: Publication) -> bytes:
    """The zip: ``datapackage.json``, then per dataset (in order, first of each key) its CSV and
    JSON, then the JSON Schema. Same datasets and publication → same bytes."""
    return _bundle(tuple(unique(datasets)), about)


@lru_cache(maxsize=2)
def _bundle(items: tuple[Dataset, ...], about: Publication) -> bytes:
    """:func:`bundle` of unique ``items``, remembered by their value: ``kwsite serve`` makes the descriptor
    and compresses the zip again only when a dataset or the publication changed."""
    entries: list[tuple[str, str]] = [(DESCRIPTOR, package_json(list(items), about))]
    for d in items:
        entries += [(f"{d.key}.csv", d.csv()), (f"{d.key}.json", d.json())]
    entries.append((SCHEMA_IN_ZIP, schema_text()))
    return zip_bytes(entries, about.date, _COMPRESSED)


_COMPRESSED: dict = {}
"""The entries of the last zip made in this process, compressed (:func:`kwsite.repro.zip_bytes`): after a
one-value edit ``kwsite serve`` compresses the two changed entries, not all of them again."""
