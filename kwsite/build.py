"""The library's entry points for one site: load and validate its data, and
make its generated pages with charts taken from a digest-keyed cache.

Used by the MkDocs plugin and the CLI alike.
"""

from __future__ import annotations

from pathlib import Path

from .load import load, load_site  # noqa: F401  (load_site: kept importable from here)
from .model import Indicator, Site, TableData, Unit
from .pages import Generated, generate


def chart_count(site: Site) -> int:
    """Upper bound of the charts one build asks for: one per indicator, per table and per ratio
    table, and one per college and ``rows: unit`` table with a row for it."""
    per_college = sum(
        1 for t in site.tables.values() if t.meta.rows == "unit" for u in site.units if t.row_for_unit(u.id)
    )
    compared = sum(1 for i in site.indicators if any(r.unit for r in i.realisations))
    return len(site.indicators) + len(site.tables) + len(site.ratios) + per_college + compared


class ChartSet:
    """Charts of one build: text parts at once, SVGs from the digest-keyed cache or drawn by a
    :class:`kwsite.chartpool.Drawer` (``workers`` processes when there are many misses; 1: here).
    Call :meth:`finish` when the build is done (or :meth:`close` when it failed)."""

    def __init__(self, site: Site, cache_dir: Path | str | None = None, tick=None, workers: int = 1, session=None):
        from .chartcache import ChartCache
        from .chartpool import Drawer

        self.site = site
        self.session = session
        self.cache = ChartCache(Path(cache_dir) if cache_dir else None, session.memory if session else None)
        self.drawer = Drawer(self.cache, workers, session=session)
        self.tick = tick or (lambda n: None)
        """Called with 1 after each chart, for progress bars (:func:`chart_count` charts at most)."""
        self.parts: dict = {}
        """Canonical inputs of the models and tables of this build by identity
        (:func:`kwsite.chartcache.chart_inputs`)."""
        self.planned: dict[str, object] = {}
        """Digest → planned chart: a chart shown on two pages (an indicator's on its theme page and its
        own page, #15) is planned and drawn once."""

    def plan(self, kind: str, *subject):
        """The chart of kind ``kind`` (:data:`kwsite.charts.kinds.KINDS`) for ``subject`` as a
        :class:`kwsite.chartpool.PlannedChart`, or ``None`` when the subject has no such chart. Its
        cache digest is made of exactly the arguments its text and drawing receive."""
        from dataclasses import replace

        from .chartpool import PlannedChart
        from .charts.jobs import ChartJob
        from .charts.kinds import KINDS

        args = KINDS[kind].arguments(self.site, *subject)
        if args is None:
            return None
        job = ChartJob(kind, args)
        digest = self._digest(job)
        if digest in self.planned:
            return self.planned[digest]
        texts = self.drawer.session.texts if self.drawer.session is not None else {}
        text = texts[digest] if digest in texts else job.text()  # the digest covers every input of the text
        texts[digest] = text
        self.tick(1)
        if text is None:
            self.planned[digest] = None
            return None
        source = self.cache.get(digest) or self.drawer.submit(text.key, digest, replace(job, alt=text.alt))
        planned = self.planned[digest] = PlannedChart(
            text.key, text.alt, text.columns, text.rows, text.csv_rows, source
        )
        return planned

    def _digest(self, job) -> str:
        """The cache digest of ``job``. In ``serve`` remembered by a digest of its pickled kind and
        arguments (equal pickles: equal arguments, so the same canonical inputs), which is several times
        cheaper than writing the canonical inputs of an unchanged chart again."""
        known = self.session.digests if self.session is not None else None
        if known is None:
            return self.cache.digest(job.inputs(self.parts))
        import hashlib
        import pickle

        key = hashlib.sha256(pickle.dumps((job.kind, job.args), protocol=5)).digest()
        digest = known.get(key)
        if digest is None:
            digest = known[key] = self.cache.digest(job.inputs(self.parts))
        return digest

    def indicator(self, ind: Indicator):
        """Chart of an indicator (its first table's total row as the line), or ``None``."""
        return self.plan("indicator", ind)

    def table(self, table: TableData):
        return self.plan("table", table)

    def ratio(self, table):
        """Chart of a ratio baseline table (:class:`~kwsite.model.RatioTable`), or ``None``."""
        return self.plan("ratio", table)

    def college(self, unit: Unit, table: TableData):
        """One college's values of a ``rows: unit`` table beside the total (``None`` when the table
        has no row, or no value, for the college)."""
        return self.plan("college", unit, table)

    def compare(self, ind: Indicator, year: int, rows: tuple):
        """Every college on ``ind`` in ``year``, sorted (``rows``: :class:`kwsite.charts.compare.CompareRow`)."""
        return self.plan("compare", ind, year, rows)

    def finish(self) -> None:
        """Wait for all drawings and store them; stop the workers. Raises
        :class:`kwsite.chartpool.ChartError` when a chart failed."""
        self.drawer.finish()

    def close(self) -> None:
        """Stop the workers without waiting (after a failed build)."""
        self.drawer.close()


def expanded(site: Site, texts: dict[str, str]) -> dict[str, str]:
    """Hand-written pages' Markdown (docs path → text) with their directives expanded; unknown
    ones are left as written and reported when the page itself is rendered."""
    from .directives import expand

    return {uri: expand(source, site, uri)[0] for uri, source in texts.items()}


def text_tables(
    final: dict[str, str], extensions=None, configs: dict | None = None, links: dict | None = None
) -> dict[str, list]:
    """Datasets of the Markdown tables in hand-written pages: docs path → list of
    :class:`kwsite.datasets.Dataset` (see :mod:`kwsite.mdtables`); ``final`` is the pages'
    text with directives expanded (:func:`expanded`). ``extensions``/``configs``: the site's
    ``markdown_extensions``/``mdx_configs`` (default MkDocs' own), so the tables are the page's.
    The same parse gives each page's ids and links for :func:`kwsite.pagecheck.page_problems`: put in
    ``links`` (docs path → (ids, link targets)) when given; a page whose front matter MkDocs would split
    otherwise (MultiMarkdown meta lines, YAML that is no mapping) is left out of it."""
    from .frontmatter import get_data
    from .mdtables import DEFAULT_EXTENSIONS, FRONT_MATTER, TableLinks, datasets
    from .pagecheck import LinkCollector

    global _TABLES
    extensions = DEFAULT_EXTENSIONS if extensions is None else extensions
    settings = repr(([e for e in extensions if not isinstance(e, TableLinks)], configs))  # adds nothing here
    known, _TABLES, out = _TABLES, {}, {}
    for uri, text in sorted(final.items()):
        key = (uri, text, settings)
        if key not in known:
            collector, body = LinkCollector(), FRONT_MATTER.sub("", text, count=1)
            found = datasets(text, uri, [*extensions, collector], configs)  # one parse, body as here
            known[key] = (found, collector.found(body) if get_data(text)[0] == body.lstrip("\n") else None)
        found, read = _TABLES[key] = known[key]
        if found:
            out[uri] = found
        if links is not None and read is not None:
            links[uri] = read
    return out


_TABLES: dict[tuple[str, str, str], tuple[list, tuple | None]] = {}
"""The previous call's datasets and ids and links per (page, text, Markdown settings): ``kwsite serve``
parses only the pages whose text changed (the datasets are frozen)."""


def build_pages(
    site: Site,
    src_uris: list[str],
    cache_dir: Path | str | None = None,
    texts: dict[str, str] | None = None,
    tick=None,
    found_tables: dict | None = None,
    workers: int = 1,
    session=None,
    directory_urls: bool = True,
    theme_dir: Path | None = None,
) -> tuple[list[Generated], ChartSet]:
    """Every generated page and asset of ``site``; ``src_uris`` are the docs-dir
    paths of the hand-written pages (to link theme pages to their chapters);
    ``texts`` their Markdown (docs path → text), for the downloads of their tables
    (``found_tables``: :func:`text_tables` of them, when the caller has it already).
    ``tick(1)`` is called after each chart. Chart SVGs not in the cache are drawn by ``workers``
    processes when there are many (see :mod:`kwsite.chartpool`); a chart file's content waits for
    its drawing. Call ``ChartSet.finish()`` once the files are written. ``session``: a
    :class:`kwsite.chartpool.Session` kept between the builds of ``serve``; ``directory_urls`` MkDocs'
    ``use_directory_urls`` of the site (page URLs in the downloads); ``theme_dir`` the site's ``theme/``
    folder (its page templates override kwsite's, :mod:`kwsite.templating`). A failing template raises
    :class:`KwsiteError` naming its file and line."""
    from .templating import Templates

    from .pages import chapter_paths

    charts = ChartSet(site, cache_dir, tick, workers, session)
    texts = texts or {}
    found_tables = text_tables(expanded(site, texts)) if found_tables is None else found_tables
    tables = [d for found in found_tables.values() for d in found]
    titles = {uri: _title(source) for uri, source in texts.items()}
    templates = Templates(theme_dir, remember=session is not None, cache=charts.cache)  # texts kept between builds
    try:
        generated = generate(site, charts, chapter_paths(src_uris), tables, titles, directory_urls, templates)
    except BaseException:
        charts.close()
        raise
    charts.drawer.flush()
    return generated, charts


def _title(markdown: str) -> str | None:
    for line in markdown.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return None
