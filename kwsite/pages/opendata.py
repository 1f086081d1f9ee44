"""The "Open data" page: every dataset of the site (each table and chart) with
its description, unit, source, the page that shows it and its downloads; and
the JSON Schema the JSON downloads follow."""

from __future__ import annotations

from ..datasets import SCHEMA_PATH, Dataset, schema_text
from .common import Generated, download_links, rel, size_text, text

PATH = "open-data.md"
TITLE = "Open data"


def render(datasets: list[Dataset], titles: dict[str, str], files: list[Generated]) -> Generated:
    """``datasets`` in page order; ``titles`` docs path → page title (for the headings)."""
    page = PATH
    schema = schema_text()
    files.append(Generated(SCHEMA_PATH, schema))
    out = [
        f"# {TITLE}\n",
        "Elke tabel en elke grafiek op deze site is ook te downloaden, als CSV en als JSON. "
        f"Deze pagina noemt ze allemaal ({len(datasets)} bestanden per formaat), per pagina waarop ze staan.\n",
        "## Zo zijn de bestanden opgebouwd\n",
        "- CSV: UTF-8, komma als scheidingsteken, de eerste regel geeft de kolomnamen.\n"
        "- Getallen met een punt als decimaalteken en zonder scheidingsteken voor duizendtallen (`69.11`, `1731`), "
        "met de precisie die de bron drukt. Percentages staan op een schaal van 0 tot 100.\n"
        "- Een lege cel (CSV) of `null` (JSON) betekent dat de bron geen waarde geeft; dat is nooit 0.\n"
        "- Perioden staan als tekst zoals de bron ze noemt (`2017`, `2016-2017`).\n"
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
