"""Pieces shared by the generated pages: the page record, chart blocks,
data-table blocks and plain-text escaping for Markdown."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from ..numbers import number
from ..tables import csv_text, html_table

CHARTS_DIR = "grafieken"
DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class Generated:
    """A file made in memory: ``path`` relative to the docs dir, ``content`` text."""

    path: str
    content: str
    title: str | None = None


def text(value: str | None) -> str:
    """Plain text from data, safe inside Markdown (HTML special characters escaped)."""
    return escape(value or "", quote=False)


def rel(from_page: str, target: str) -> str:
    """Relative link from one docs-dir path to another (``themas/a.md`` → ``../begroting.md``)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def size_text(content: str) -> str:
    """File size for link texts: ``0,4 kB``."""
    kb = (Decimal(len(content.encode("utf-8"))) / 1024).quantize(Decimal("0.1"))
    return f"{number(max(kb, Decimal('0.1')))} kB"


def download_block(page: str, key: str, csv: str, label: str, files: list[Generated]) -> str:
    """Add ``downloads/<key>.csv`` to ``files``; return the Markdown link with its size."""
    path = f"{DOWNLOADS_DIR}/{key}.csv"
    files.append(Generated(path, csv))
    return f"[{label} (CSV, {size_text(csv)})]({rel(page, path)})"


def chart_block(page: str, chart, files: list[Generated], with_table: bool = True) -> str:
    """The chart as an image with alt text, its data table and a CSV download.

    ``with_table=False`` when the same table is shown right below the chart anyway.
    """
    path = f"{CHARTS_DIR}/{chart.key}.svg"
    files.append(Generated(path, chart.svg))
    alt = chart.alt.replace("[", "(").replace("]", ")").replace("\n", " ")
    table = html_table(list(chart.columns), [list(r) for r in chart.rows], css="kw-table kw-chart-data")
    csv = csv_text(list(chart.columns), [list(r) for r in chart.csv_rows])
    link = download_block(page, chart.key, csv, "Gegevens van de grafiek", files)
    image = f"![{text(alt)}]({rel(page, path)}){{ .kw-chart }}\n\n"
    if not with_table:
        return image
    return image + f'<details class="kw-data"><summary>Tabel bij de grafiek</summary>\n\n{table}\n\n</details>\n\n{link}\n'

