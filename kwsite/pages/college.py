"""The generated appendix of one college: every value the data tables hold
for it beside the institution total, "geen gegevens" where a table has no row
for it, and the measures that name it. The page is the template ``pages/college.md``; this module builds
its context."""

from __future__ import annotations

from .. import paths
from ..datasets import UNIT_TEXT, Dataset
from ..model import Site, TableData, Unit
from ..numbers import machine, with_unit
from ..templating import Templates
from .common import Generated, dataset_downloads, rel, table
from .common import chart as chart_context
from .. import executionview as execution
from . import status
from .theme import GROUPS


def path(unit: Unit) -> str:
    return paths.college(unit.id)


def _unit_tables(site: Site) -> list[TableData]:
    return [t for t in site.tables.values() if t.meta.rows == "unit"]


def table_block(site: Site, unit: Unit, data: TableData, page: str, files: list[Generated], charts=None) -> dict:
    """Context of one table of the appendix (``pages/college.md``, macro ``data_table``): the table's values
    for ``unit`` beside the total, as a line chart (when ``charts`` is given and the table's ``chart`` is on)
    right above the table that holds the chart's data; ``table`` is ``None`` when the table has no row for it."""
    ind = site.indicator(data.meta.indicator) if data.meta.indicator else None
    out = {
        "title": data.meta.title,
        "table": None,
        "chart": None,
        "downloads": None,
        "indicator": {
            "id": ind.id,
            "name": ind.name,
            "url": rel(page, paths.theme(ind.theme)) if site.theme(ind.theme) else None,
        }
        if ind
        else None,
    }
    row = data.row_for_unit(unit.id)
    if row is None:
        return out
    total = data.row_for_unit("total")  # tables without a printed total get no total column
    columns = ["Periode", unit.name] + ([site.agenda.total_name] if total else [])
    rows, machine_rows = [], []
    for i, period in enumerate(data.periods):
        values = [row.values[i]] + ([total.values[i]] if total else [])
        rows.append([period, *(with_unit(v, data.meta.unit) for v in values)])
        machine_rows.append([period, *(machine(v) for v in values)])
    caption = f"{data.meta.title}: {unit.name}"
    dataset = Dataset(
        f"college-{unit.id}-{data.meta.id}",
        caption,
        tuple(columns),
        tuple(map(tuple, machine_rows)),
        UNIT_TEXT[data.meta.unit],
        data.meta.source,
        page,
    )
    out["downloads"] = dataset_downloads(dataset, files)
    drawn = charts.college(unit, data) if charts is not None and data.meta.chart else None
    out["chart"] = chart_context(page, drawn, files) if drawn is not None else None
    out["table"] = table(columns, rows, caption, css="kw-table kw-data-table")
    return out


def measures(site: Site, unit: Unit, page: str) -> list[dict]:
    """The measures that name ``unit``, with their theme and group."""
    out = []
    for m in site.measures:
        if unit.id not in m.units:
            continue
        theme = site.theme(m.theme)
        out.append(
            {
                "title": m.title,
                "summary": m.summary,
                "theme": {"name": theme.short_title, "url": rel(page, paths.theme(theme.id))} if theme else None,
                "group": GROUPS[m.group].lower() if m.group else (m.heading or "").lower(),
            }
        )
    return out


def render(
    site: Site, unit: Unit, files: list[Generated], charts=None, templates: Templates | None = None
) -> Generated:
    """The appendix page of ``unit`` from ``pages/college.md``; its charts come from ``charts`` (a
    :class:`kwsite.build.ChartSet`)."""
    page = path(unit)
    inst = next((i for i in site.agenda.institutions if i.id == unit.institution), None)
    context = {
        "unit": unit,
        "total_name": site.agenda.total_name,
        "institution": {"name": inst.name, "derived": unit.institution_derived} if inst else None,
        "data_tables": [table_block(site, unit, t, page, files, charts) for t in _unit_tables(site)],
        "status": status.college_rows(site, unit),
        "site_measured": any(i.realisations for i in site.indicators),
        "explanation": status.explanation(page),
        "measures": measures(site, unit, page),
        "execution": execution.college_block(site, unit),
    }
    return Generated(page, (templates or Templates()).render("pages/college.md", **context), unit.name)
