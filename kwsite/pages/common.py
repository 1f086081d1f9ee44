"""Pieces shared by the generated pages: the page record and the contexts of the recurring blocks
(tables, chart blocks, download links: CSV, JSON, Excel; SVG of a chart) that the macros in
``kwsite/theme/pages/macros/`` render; escaping is the templates' (autoescape).

A link to a file made later than the page (a chart being drawn, the spreadsheets, which are made
once all datasets are known) names its size with a marker, :func:`size_mark`, that
:func:`fill_sizes` replaces when the page is rendered (the plugin's ``on_page_markdown``, the PDF)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from .. import paths
from ..datasets import Dataset
from ..model import Site
from ..numbers import number
from ..paths import rel


@dataclass(frozen=True)
class Generated:
    """A file made in memory: ``path`` relative to the docs dir, ``body`` its text, or for a
    chart still being drawn an object whose ``result()`` gives the text (see :attr:`content`)."""

    path: str
    body: str | bytes | object
    title: str | None = None
    dataset: Dataset | None = None
    """Set on the CSV and JSON of a dataset, so the open-data page can list it (:attr:`is_dataset`) and
    :func:`with_urls` can remake the JSON."""

    @property
    def is_dataset(self) -> bool:
        """The CSV of a dataset: one per dataset, for the open-data page and the zip."""
        return self.dataset is not None and self.path.endswith(".csv")

    @property
    def ready(self) -> bool:
        """Whether the text is there without waiting."""
        return isinstance(self.body, (str, bytes))

    @property
    def content(self) -> str | bytes:
        """The text; for a chart being drawn, waits for it (raises
        :class:`kwsite.chartpool.ChartError` when the drawing failed)."""
        return self.body if isinstance(self.body, (str, bytes)) else self.body.result()


def size_text(content: str | bytes) -> str:
    """File size for link texts: ``0,4 kB``."""
    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    kb = (Decimal(size) / 1024).quantize(Decimal("0.1"))
    return f"{number(max(kb, Decimal('0.1')))} kB"


SIZE_MARK = re.compile(r"<!--kw-size:([^<>]+?)-->")


def size_mark(path: str) -> str:
    """Stands for the size of the file at docs path ``path`` until :func:`fill_sizes`."""
    return f"<!--kw-size:{path}-->"


def fill_sizes(markdown: str, content_of: Callable[[str], str | bytes | None]) -> str:
    """``markdown`` with every :func:`size_mark` replaced by :func:`size_text` of
    ``content_of(path)`` (which may wait for a chart being drawn); a marker naming no file stays as it is
    (an HTML comment: nothing shows)."""

    def size(match: re.Match) -> str:
        content = content_of(match.group(1))
        return match.group(0) if content is None else size_text(content)

    return SIZE_MARK.sub(size, markdown) if "<!--kw-size:" in markdown else markdown


def dataset_files(dataset: Dataset) -> list[Generated]:
    """``downloads/<key>.csv`` (carrying the dataset, for the open-data page) and ``.json``."""
    return [
        Generated(paths.download(dataset.key, "csv"), dataset.csv(), dataset=dataset),
        Generated(paths.download(dataset.key, "json"), dataset.json(), dataset=dataset),
    ]


def with_urls(file: Generated, directory_urls: bool) -> Generated:
    """``file`` for a site with MkDocs' ``use_directory_urls`` = ``directory_urls``: a dataset's CSV and
    JSON carry the dataset with that setting, and the JSON names its page's URL by it
    (``themas/kern/`` or ``themas/kern.html``). The pages link the JSON with a :func:`size_mark`, so
    their text does not depend on it."""
    if file.dataset is None or file.dataset.directory_urls == directory_urls:
        return file
    dataset = dataclasses.replace(file.dataset, directory_urls=directory_urls)
    body = dataset.json() if file.path.endswith(".json") else file.body
    return dataclasses.replace(file, body=body, dataset=dataset)


def xlsx_path(dataset: Dataset) -> str:
    """``downloads/<key>.xlsx``: made with all the others at the end of :func:`kwsite.pages.generate`."""
    return paths.download(dataset.key, "xlsx")


# Contexts for the page templates (kwsite/theme/pages/macros/): plain data, rendered and escaped there.


def table(columns: list[str], rows: list[list], caption: str, css: str = "kw-table") -> dict:
    """Context of ``macros/table.html`` ``table``: header texts, rows (first cell the row header; a cell is a
    text or a status cell of :func:`kwsite.pages.status.cell`), the caption screen readers read."""
    return {"columns": list(columns), "rows": [list(r) for r in rows], "caption": caption, "css": css}


def downloads(dataset: Dataset, label: str = "Download de tabel", page: str | None = None) -> dict:
    """Context of ``macros/table.html`` ``downloads``: the CSV, JSON and Excel links of ``dataset``,
    relative to ``page`` (default: the dataset's), with their sizes (JSON and Excel: a :func:`size_mark`)."""
    page = page or dataset.page
    csv, json, xlsx = (paths.download(dataset.key, kind) for kind in ("csv", "json", "xlsx"))
    return {
        "label": label,
        "links": [
            {"kind": "CSV", "size": size_text(dataset.csv()), "url": rel(page, csv)},
            {"kind": "JSON", "size": Markup(size_mark(json)), "url": rel(page, json)},
            {"kind": "Excel", "size": Markup(size_mark(xlsx)), "url": rel(page, xlsx)},
        ],
    }


def dataset_downloads(dataset: Dataset, files: list[Generated], label: str = "Download de tabel") -> dict:
    """Add ``dataset``'s CSV and JSON to ``files``; the :func:`downloads` context of its links."""
    files += dataset_files(dataset)
    return downloads(dataset, label)


def chart(page: str, chart, files: list[Generated], meta: tuple[str, str, str | None] | None = None) -> dict:
    """Context of ``macros/chart.html``; adds the SVG (and with ``meta`` — title, unit, source — the chart's
    data downloads) to ``files``. Without ``meta`` the caller shows the same data in its own table."""
    path = paths.chart(chart.key)
    files.append(Generated(path, chart.source))
    out = {
        "alt": chart.alt.replace("[", "(").replace("]", ")").replace("\n", " "),
        "url": rel(page, path),
        "svg": {"size": Markup(size_mark(path)), "url": rel(page, path)},
        "table": None,
        "downloads": None,
    }
    if meta is not None:
        title, unit, source = meta
        out["table"] = table(
            list(chart.columns), list(chart.rows), f"Gegevens van de grafiek: {title}", css="kw-table kw-chart-data"
        )
        dataset = Dataset(
            chart.key, title, tuple(chart.columns), tuple(tuple(r) for r in chart.csv_rows), unit, source, page
        )
        out["downloads"] = dataset_downloads(dataset, files, "Download de gegevens van de grafiek")
    return out


def agenda_source(site: Site) -> str:
    """The agenda document itself, as source of figures it states directly (budget, targets)."""
    return f"{site.agenda.title} ({site.agenda.edition.label})"
