"""The library's entry points for one site: load and validate its data, and
make its generated pages with charts taken from a digest-keyed cache.

Used by the MkDocs plugin and the CLI alike.
"""

from __future__ import annotations

from pathlib import Path

from .load import load
from .model import Indicator, Site, TableData
from .pages import Generated, generate
from .problems import KwsiteError, Problem, errors
from .validate import validate


def load_site(data_dir: Path | str, rel: str = "data") -> tuple[Site, list[Problem]]:
    """Load and validate ``data_dir``.

    Returns the site and its warnings (and notes: acknowledged problems, level
    ``note``); raises :class:`KwsiteError` with *all* errors (file, line, field)
    when there is any.
    """
    site, loaded = load(data_dir, rel)
    if site is not None:
        validate(site, loaded)
    found = errors(loaded.problems)
    warned = sorted(p for p in loaded.problems if p.level in ("warning", "note"))
    if found or site is None:
        raise KwsiteError(found or loaded.problems, warned)
    return site, warned


def chart_count(site: Site) -> int:
    """Upper bound of the charts one build asks for: one per indicator and per table."""
    return len(site.indicators) + len(site.tables)


class ChartSet:
    """Charts of one build, drawn once and cached on disk by their inputs."""

    def __init__(self, site: Site, cache_dir: Path | str | None = None, tick=None):
        from .chartcache import ChartCache

        self.site = site
        self.cache = ChartCache(Path(cache_dir) if cache_dir else None)
        self.tick = tick or (lambda n: None)
        """Called with 1 after each chart, for progress bars (:func:`chart_count` charts at most)."""

    def indicator(self, ind: Indicator):
        from . import chartcache, charts

        tables = self.site.tables_of(ind.id)
        series = tables[0] if tables else None
        label = self.site.agenda.total_name
        if series is not None and len(tables) > 1:  # say which breakdown the line shows
            label = f"{label}, {series.meta.title}"
        inputs = chartcache.chart_inputs(ind, series, label)
        chart = self.cache.get_or_render(inputs, lambda: charts.indicator_chart(ind, series, label))
        self.tick(1)
        return chart

    def table(self, table: TableData):
        from . import chartcache, charts

        inputs = chartcache.chart_inputs(None, table, "table")
        chart = self.cache.get_or_render(inputs, lambda: charts.table_chart(table))
        self.tick(1)
        return chart

    def ratio(self, table):
        """Chart of a ratio baseline table (:class:`~kwsite.model.RatioTable`), or ``None``."""
        from . import chartcache, charts

        inputs = chartcache.chart_inputs(table, "ratio")
        return self.cache.get_or_render(inputs, lambda: charts.ratio_chart(table))


def text_tables(site: Site, texts: dict[str, str]) -> dict[str, list]:
    """Datasets of the Markdown tables in hand-written pages: docs path → list of
    :class:`kwsite.datasets.Dataset` (see :mod:`kwsite.mdtables`). Directives are
    expanded first; unknown ones are reported when the page itself is rendered."""
    from .directives import expand
    from .mdtables import datasets

    out = {}
    for uri, source in sorted(texts.items()):
        found = datasets(expand(source, site, uri)[0], uri)
        if found:
            out[uri] = found
    return out


def build_pages(site: Site, src_uris: list[str], cache_dir: Path | str | None = None,
                texts: dict[str, str] | None = None, tick=None,
                found_tables: dict | None = None) -> tuple[list[Generated], ChartSet]:
    """Every generated page and asset of ``site``; ``src_uris`` are the docs-dir
    paths of the hand-written pages (to link theme pages to their chapters);
    ``texts`` their Markdown (docs path → text), for the downloads of their tables
    (``found_tables``: :func:`text_tables` of them, when the caller has it already).
    ``tick(1)`` is called after each chart."""
    from .pages import chapter_paths

    charts = ChartSet(site, cache_dir, tick)
    texts = texts or {}
    found_tables = text_tables(site, texts) if found_tables is None else found_tables
    tables = [d for found in found_tables.values() for d in found]
    titles = {uri: _title(source) for uri, source in texts.items()}
    return generate(site, charts, chapter_paths(src_uris), tables, titles), charts


def _title(markdown: str) -> str | None:
    for line in markdown.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return None
