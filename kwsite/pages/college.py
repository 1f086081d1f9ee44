"""The generated appendix of one college: every value the data tables hold
for it beside the institution total, "geen gegevens" where a table has no row
for it, and the measures that name it."""

from __future__ import annotations

from ..datasets import UNIT_TEXT, Dataset
from ..model import Site, TableData, Unit
from ..numbers import MISSING, machine, with_unit
from ..tables import html_table
from .common import Generated, chart_block, download_block, rel, svg_link, text
from . import execution, status
from .theme import GROUPS


def path(unit: Unit) -> str:
    return f"colleges/{unit.id}.md"


def _unit_tables(site: Site) -> list[TableData]:
    return [t for t in site.tables.values() if t.meta.rows == "unit"]


def table_block(site: Site, unit: Unit, table: TableData, page: str, files: list[Generated], charts=None) -> str:
    """The table's values for ``unit`` beside the total, as a line chart (when ``charts`` is given
    and the table's ``chart`` is on) right above the table that holds the chart's data."""
    title = text(table.meta.title)
    ind = site.indicator(table.meta.indicator) if table.meta.indicator else None
    head = f"### {title}\n"
    if ind:
        theme = site.theme(ind.theme)
        link = f"[{text(ind.id)} {text(ind.name)}]({rel(page, 'themas/' + ind.theme + '.md')})" if theme else text(ind.name)
        head += f"\nIndicator {link}\n"
    row = table.row_for_unit(unit.id)
    if row is None:
        return head + f"\n*{MISSING.capitalize()}:* deze tabel heeft geen rij voor {text(unit.name)}.\n"
    total = table.row_for_unit("total")  # tables without a printed total get no total column
    columns = ["Periode", unit.name] + ([site.agenda.total_name] if total else [])
    rows, machine_rows = [], []
    for i, period in enumerate(table.periods):
        values = [row.values[i]] + ([total.values[i]] if total else [])
        rows.append([period, *(with_unit(v, table.meta.unit) for v in values)])
        machine_rows.append([period, *(machine(v) for v in values)])
    caption = f"{table.meta.title}: {unit.name}"
    dataset = Dataset(f"college-{unit.id}-{table.meta.id}", caption, tuple(columns), tuple(map(tuple, machine_rows)),
                      UNIT_TEXT[table.meta.unit], table.meta.source, page)
    link = download_block(dataset, files)
    chart = charts.college(unit, table) if charts is not None and table.meta.chart else None
    image = chart_block(page, chart, files) if chart is not None else ""
    svg = f"  \n{svg_link(page, chart)}" if chart is not None else ""
    return head + "\n" + image + html_table(columns, rows, caption, css="kw-table kw-data-table") + f"\n\n{link}{svg}\n"


def measures_block(site: Site, unit: Unit, page: str) -> str:
    named = [m for m in site.measures if unit.id in m.units]
    if not named:
        return f"Geen van de maatregelen in de gegevens van deze site noemt {text(unit.name)} bij naam.\n"
    out = []
    for m in named:
        theme = site.theme(m.theme)
        where = f"[{text(theme.short_title)}]({rel(page, 'themas/' + theme.id + '.md')})" if theme else ""
        out.append(f"- **{text(m.title)}** ({where}, {GROUPS[m.group].lower() if m.group else text(m.heading).lower()})" + (f": {m.summary}" if m.summary else ""))
    return "\n".join(out) + "\n"


def render(site: Site, unit: Unit, files: list[Generated], charts=None) -> Generated:
    """The appendix page of ``unit``; its charts come from ``charts`` (a :class:`kwsite.build.ChartSet`)."""
    page = path(unit)
    inst = next((i for i in site.agenda.institutions if i.id == unit.institution), None)
    out = [f"# {text(unit.name)}\n"]
    facts = []
    if unit.code:
        facts.append(f"Code: {text(unit.code)}")
    if inst and unit.institution_derived:
        facts.append(f"Instelling: {text(inst.name)} (afgeleid door de redactie: {text(unit.institution_derived)})")
    elif inst:
        facts.append(f"Instelling: {text(inst.name)}")
    if facts:
        out.append(" · ".join(facts) + "\n")
    if unit.description:
        out.append(unit.description + "\n")
    out.append(
        f"Deze bijlage toont per tabel de waarden van {text(unit.name)} naast het totaal van "
        f"{text(site.agenda.total_name)}, als de tabel dat totaal geeft. Waar een tabel geen rij voor dit "
        f"college heeft, staat *{MISSING}*.\n"
    )
    out.append("## Indicatoren\n")
    out += [table_block(site, unit, t, page, files, charts) for t in _unit_tables(site)] or [f"{MISSING.capitalize()}.\n"]
    out.append("## Stand van de indicatoren\n")
    out.append(status.college_block(site, unit))
    out.append("## Maatregelen\n")
    out.append(measures_block(site, unit, page))
    out += [b for b in [execution.college_block(site, unit)] if b]
    return Generated(page, "\n".join(out), unit.name)
