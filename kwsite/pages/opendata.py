"""The "Open data" page: the whole set in one zip (:mod:`kwsite.datapackage`), the licence,
edition and date of the data and how to cite them; how the files are made; every dataset of
the site (each table and chart) with its description, unit, source, the page that shows it and
its downloads; and the JSON Schema the JSON downloads follow."""

from __future__ import annotations

from ..datapackage import ZIP_PATH
from ..datasets import SCHEMA_PATH, Dataset, schema_text
from ..publication import Publication
from .common import Generated, download_links, rel, size_text, text

PATH = "open-data.md"
TITLE = "Open data"


def zip_link(page: str, data_zip: Generated, label: str = "Alle gegevens in één download") -> str:
    """``[Alle gegevens in één download (ZIP, 151,2 kB)](…)``."""
    return f"[{label} (ZIP, {size_text(data_zip.content)})]({rel(page, ZIP_PATH)})"


def render(datasets: list[Dataset], titles: dict[str, str], files: list[Generated], about: Publication,
           data_zip: Generated) -> Generated:
    """``datasets`` in page order; ``titles`` docs path → page title (for the headings); ``about``
    the licence, edition and date; ``data_zip`` the zip of :func:`kwsite.datapackage.bundle`."""
    page = PATH
    schema = schema_text()
    files.append(Generated(SCHEMA_PATH, schema))
    count = len({d.key for d in datasets})
    date = f"{about.date_text} (de datum van de laatste wijziging van deze uitgave)" if about.date_text else "niet vermeld"
    out = [
        f"# {TITLE}\n",
        "Elke tabel en elke grafiek op deze site is ook te downloaden, als CSV, als JSON en als Excel-bestand. "
        f"Deze pagina noemt ze allemaal ({len(datasets)} bestanden per formaat), per pagina waarop ze staan.\n",
        "## Alles in één download\n",
        f"{zip_link(page, data_zip)}: alle {count} tabellen als CSV en als JSON, met een beschrijving volgens de "
        "standaard *Frictionless Data Package* (`datapackage.json`): per tabel de titel, de bron, de kolommen met "
        "hun type en eenheid, en voor het geheel de licentie en de editie. Programma's en bibliotheken die deze "
        "standaard kennen, lezen de gegevens zonder deze pagina.\n",
        "## Licentie, editie en datum\n",
        f"- Licentie: [{text(about.licence_name)}]({about.licence_url}) (`{about.licence}`): {text(about.licence_terms)}.\n"
        f"- Uitgegeven door: {text(about.publisher)}.\n"
        f"- Editie: {text(about.edition_text)}.\n"
        f"- Datum: {date}.\n",
        "## Zo citeert u de gegevens\n",
        f"> {text(about.citation())}\n",
        "Noem bij een tabel ook de titel en de bron die bij die tabel staan.\n",
        "## Zo zijn de bestanden opgebouwd\n",
        "- CSV: UTF-8, komma als scheidingsteken, de eerste regel geeft de kolomnamen.\n"
        "- Getallen met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen (`69.11`, `1731`), "
        "met de precisie die de bron drukt. Percentages staan op een schaal van 0 tot 100.\n"
        "- Een lege cel (CSV, Excel) of `null` (JSON) betekent dat de gegevens van deze site daar geen waarde hebben (niet gedrukt in de bron of niet overgenomen); dat is nooit 0.\n"
        "- Perioden staan als tekst zoals de bron ze noemt (`2017`, `2016-2017`).\n"
        "- Excel (.xlsx): getallen zijn getallen en tonen het aantal decimalen van de bron (`6,70`), in elke "
        "taalinstelling van Excel; de eenheid staat in de kolomkop, titel, bron en licentie op het tweede tabblad.\n"
        f"- JSON volgt het schema [dataset.schema.json (JSON Schema, {size_text(schema)})]({rel(page, SCHEMA_PATH)}).\n",
    ]
    by_page: dict[str, list[Dataset]] = {}
    for d in datasets:
        by_page.setdefault(d.page, []).append(d)
    for where, items in by_page.items():
        title = titles.get(where, where)
        out.append(f"## {text(title)}\n")
        out.append(f"Op de pagina [{text(title)}]({rel(page, where)}).\n")
        for d in items:
            source = text(d.source) if d.source else "niet vermeld"
            out.append(f"- **{text(d.title)}**  \n  Eenheid: {text(d.unit)}. Bron: {source}.  \n  {download_links(d, 'Download', page)}")
        out.append("")
    return Generated(page, "\n".join(out), TITLE)
