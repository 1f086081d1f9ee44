"""The "Open data" page: the whole set in one zip (:mod:`kwsite.datapackage`), the licence,
edition and date of the data and how to cite them; how the files are made; every dataset of
the site (each table and chart) with its description, unit, source, the page that shows it and
its downloads; and the JSON Schema the JSON downloads follow. The page is the template ``pages/opendata.md``."""

from __future__ import annotations

from .. import paths
from ..datapackage import ZIP_PATH
from ..datasets import SCHEMA_PATH, Dataset, schema_text
from ..publication import Publication
from ..templating import Templates
from .common import Generated, downloads, rel, size_text

PATH = paths.OPEN_DATA
TITLE = "Open data"


def render(
    datasets: list[Dataset],
    titles: dict[str, str],
    files: list[Generated],
    about: Publication,
    data_zip: Generated,
    templates: Templates | None = None,
) -> Generated:
    """The page from ``pages/opendata.md``. ``datasets`` in page order; ``titles`` docs path → page title (for
    the headings); ``about`` the licence, edition and date; ``data_zip`` the zip of
    :func:`kwsite.datapackage.bundle`."""
    page = PATH
    schema = schema_text()
    files.append(Generated(SCHEMA_PATH, schema))
    by_page: dict[str, list[Dataset]] = {}
    for d in datasets:
        by_page.setdefault(d.page, []).append(d)
    context = {
        "title": TITLE,
        "files": len(datasets),
        "count": len({d.key for d in datasets}),
        "zip": {"size": size_text(data_zip.content), "url": rel(page, ZIP_PATH)},
        "about": about,
        "date": about.date_text,
        "citation": about.citation(),
        "schema": {"size": size_text(schema), "url": rel(page, SCHEMA_PATH)},
        "pages": [
            {
                "title": titles.get(where, where),
                "url": rel(page, where),
                "datasets": [
                    {"title": d.title, "unit": d.unit, "source": d.source, "downloads": downloads(d, "Download", page)}
                    for d in items
                ],
            }
            for where, items in by_page.items()
        ],
    }
    return Generated(page, (templates or Templates()).render("pages/opendata.md", **context), TITLE)
