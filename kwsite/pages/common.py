"""Pieces shared by the generated pages: the page record, chart blocks,
download links (CSV and JSON) and plain-text escaping for Markdown."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from html import escape

from ..datasets import Dataset
from ..numbers import number
from ..tables import html_table

CHARTS_DIR = "grafieken"
DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class Generated:
    """A file made in memory: ``path`` relative to the docs dir, ``body`` its text, or for a
    chart still being drawn an object whose ``result()`` gives the text (see :attr:`content`)."""

    path: str
    body: str | object
    title: str | None = None
    dataset: Dataset | None = None
    """Set on the CSV of a dataset, so the open-data page can list it."""

    @property
    def ready(self) -> bool:
        """Whether the text is there without waiting."""
        return isinstance(self.body, str)

    @property
    def content(self) -> str:
        """The text; for a chart being drawn, waits for it (raises
        :class:`kwsite.chartpool.ChartError` when the drawing failed)."""
        return self.body if isinstance(self.body, str) else self.body.result()


def text(value: str | None) -> str:
    """Plain text from data, safe inside Markdown (HTML special characters escaped)."""
    return escape(value or "", quote=False)


@lru_cache(maxsize=65536)
def rel(from_page: str, target: str) -> str:
    """Relative link from one docs-dir path to another (``themas/a.md`` → ``../begroting.md``)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def size_text(content: str) -> str:
    """File size for link texts: ``0,4 kB``."""
    kb = (Decimal(len(content.encode("utf-8"))) / 1024).quantize(Decimal("0.1"))
    return f"{number(max(kb, Decimal('0.1')))} kB"


def download_block(dataset: Dataset, files: list[Generated], label: str = "Download de tabel") -> str:
    """Add ``downloads/<key>.csv`` and ``.json`` to ``files``; return the Markdown links with their sizes:
    ``Download de tabel: [CSV, 0,4 kB](…) · [JSON, 1,1 kB](…)``."""
    files += dataset_files(dataset)
    return download_links(dataset, label)


def dataset_files(dataset: Dataset) -> list[Generated]:
    """``downloads/<key>.csv`` (carrying the dataset, for the open-data page) and ``.json``."""
    return [Generated(f"{DOWNLOADS_DIR}/{dataset.key}.csv", dataset.csv(), dataset=dataset),
            Generated(f"{DOWNLOADS_DIR}/{dataset.key}.json", dataset.json())]


def download_links(dataset: Dataset, label: str = "Download de tabel", page: str | None = None) -> str:
    """``Download de tabel: [CSV, 0,4 kB](…) · [JSON, 1,1 kB](…)``, relative to ``page`` (default: the dataset's)."""
    page = page or dataset.page
    links = [f"[{kind}, {size_text(body)}]({rel(page, f'{DOWNLOADS_DIR}/{dataset.key}.{kind.lower()}')})"
             for kind, body in (("CSV", dataset.csv()), ("JSON", dataset.json()))]
    return f"{label}: " + " · ".join(links)


def chart_block(page: str, chart, files: list[Generated], meta: tuple[str, str, str | None] | None = None) -> str:
    """The chart as an image with alt text; with ``meta`` (title, unit, source) also its data table
    and downloads. Without ``meta`` the same table is shown right below the chart anyway."""
    path = f"{CHARTS_DIR}/{chart.key}.svg"
    files.append(Generated(path, chart.source))
    alt = chart.alt.replace("[", "(").replace("]", ")").replace("\n", " ")
    image = f"![{text(alt)}]({rel(page, path)}){{ .kw-chart }}\n\n"
    if meta is None:
        return image
    title, unit, source = meta
    table = html_table(list(chart.columns), [list(r) for r in chart.rows], css="kw-table kw-chart-data",
                       caption=f"Gegevens van de grafiek: {title}")
    dataset = Dataset(chart.key, title, tuple(chart.columns), tuple(tuple(r) for r in chart.csv_rows), unit, source, page)
    link = download_block(dataset, files, "Download de gegevens van de grafiek")
    return image + f'<details class="kw-data"><summary>Tabel bij de grafiek</summary>\n\n{table}\n\n</details>\n\n{link}\n'
