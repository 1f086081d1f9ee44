"""The generated page of one theme: ambition, goals, indicator cards with
chart and breakdown tables, measures grouped as in the appendix, budget."""

from __future__ import annotations

from ..present import target_table_text as target_text
from ..datasets import UNIT_TEXT, Dataset
from ..model import Indicator, Site, TableData, Theme
from ..numbers import euro_mln, machine, percent
from ..present import baseline_text, year_label
from ..tables import html_table, named, table_rows
from . import status
from .common import Generated, chart_block, download_block, rel, svg_link, text
from . import activities, goals, ratios
from . import execution

GROUPS = {"programma": "Programma", "begeleiding": "Begeleiding, ondersteuning en stimulering"}
NATIONAL = "landelijk thema"
NOT_IN_DATA = "De gegevens van deze site bevatten"
"""Start of every "nothing here" sentence: it says what the site's data lack, never that the agenda has none."""


def path(theme: Theme) -> str:
    return f"themas/{theme.id}.md"


def target_years(site: Site) -> list[int]:
    """Years that carry a target somewhere, in order (2020, 2022 for S3)."""
    return sorted({t.year for i in site.indicators for t in i.targets})


def indicator_cells(ind: Indicator, years: list[int]) -> tuple[list[str], list[str]]:
    """Baseline and targets per year of ``ind``: display cells (``6,7 (2017)``, ``6,9 (+0,2 punt)``)
    and machine cells (``6.7``, ``2017``, ``6.9 (+0.2 punt t.o.v. nulmeting)``; ``""`` where the
    display says "geen gegevens" or "geen streefwaarde")."""
    base = ind.baseline
    shown = base is not None and base.value is not None
    period = (base.period or (str(base.year) if base.year else "")) if shown else ""
    targets = ["; ".join(target_text(t, ind.unit, display=False) for t in ind.targets_in(y)) for y in years]
    display = [baseline_text(ind), *[year_label(ind, y) for y in years]]
    derived = "ja" if shown and base.derived else ""
    return display, [machine(base.value) if shown else "", period, derived, *targets]


def indicator_columns(years: list[int]) -> list[str]:
    """CSV column names after the label columns, matching :func:`indicator_cells`
    (``nulmeting_afgeleid``: ``ja`` when the agenda does not name the value as baseline)."""
    return ["nulmeting", "nulmeting_periode", "nulmeting_afgeleid", *[f"streefwaarde_{y}" for y in years]]


def card(site: Site, ind: Indicator, page: str, charts, files: list[Generated]) -> str:
    years = target_years(site)
    cols = ["Indicator", "Nulmeting", *[f"Streefwaarde {y}" for y in years]]
    label = f"{ind.id} {ind.short_name or ind.name}"
    shown, cells = indicator_cells(ind, years)
    caption = f"Nulmeting en streefwaarden van indicator {ind.id}"
    dataset = Dataset(f"streefwaarden-{ind.id}", f"{caption}: {ind.name}", ("indicator", *indicator_columns(years)),
                      ((label, *cells),), UNIT_TEXT[ind.unit], ind.source, page)
    parts = [f"### {text(ind.id)} {text(ind.name)}\n", html_table(cols, [[label, *shown]], caption, css="kw-table kw-card"), "",
             download_block(dataset, files) + "\n"]
    facts = []
    if ind.definition:
        facts.append(f"**Definitie:** {ind.definition}")
    if ind.scale:
        facts.append(f"**Schaal:** {text(str(ind.scale.min))}-{text(str(ind.scale.max))}".replace(".", ","))
    if ind.polarity == "lower_is_better":
        facts.append("**Richting:** lager is beter")
    if ind.source:
        facts.append(f"**Bron:** {text(ind.source)}")
    if ind.baseline and ind.baseline.derived and ind.baseline.value is not None:
        facts.append(f"**Nulmeting afgeleid door de redactie:** {ind.baseline.derived}")
    if ind.baseline and ind.baseline.note:
        facts.append(f"**Nulmeting:** {ind.baseline.note}")
    if ind.ambition:
        facts.append(f"**Ambitie:** {ind.ambition}")
    if ind.attainment:
        facts.append(f"**Wijze van vaststellen:** {ind.attainment}")
    parts += ["\n".join(f"- {f}" for f in facts), ""]
    notes = [t for t in ind.targets if t.note]
    for t in notes:
        parts.append(f"*Streefwaarde {t.year}:* {t.note}\n")
    parts.append(f"[Alles over indicator {text(ind.id)}]({rel(page, f'indicatoren/{ind.id}.md')})\n")
    parts.append(status.card_block(site, ind, page, files))
    chart = charts.indicator(ind)
    if chart is not None:
        title = f"Indicator {ind.id} {ind.name}: waarden, nulmeting en streefwaarden per jaar"
        parts.append(chart_block(page, chart, files, (title, UNIT_TEXT[ind.unit], ind.source)))
    for table in site.tables_of(ind.id):
        parts.append(table_block(site, table, page, charts, files))
    return "\n".join(parts)


def table_dataset(table: TableData, page: str) -> Dataset:
    """The machine form of a data table as shown on a theme page (same rows and columns)."""
    columns = (table_rows(table)[0][0], *table.periods)
    rows = tuple((r.label, *(machine(v) for v in r.values)) for r in table.rows)
    return Dataset(f"tabel-{table.meta.id}", table.meta.title, columns, rows, UNIT_TEXT[table.meta.unit], table.meta.source, page)


def table_block(site: Site, table: TableData, page: str, charts, files: list[Generated]) -> str:
    """A data table (with its chart when it has one) and its CSV and JSON downloads."""
    drawn, table = named(table, site, short=True), named(table, site)  # one name per college (item 5, #17)
    columns, rows = table_rows(table)
    out = [f"#### {text(table.meta.title)}\n"]
    chart = charts.table(drawn) if table.meta.chart else None
    if chart is not None:
        out.append(chart_block(page, chart, files))
    out.append(html_table(columns, rows, table.meta.title, css="kw-table kw-data-table"))
    out.append("")
    src = f"Bron: {text(table.meta.source)}. " if table.meta.source else ""
    note = f"{text(table.meta.note)} " if table.meta.note else ""
    svg = f"  \n{svg_link(page, chart)}" if chart is not None else ""
    out.append(f"{src}{note}\n\n{download_block(table_dataset(table, page), files)}{svg}\n")
    return "\n".join(out)


def measures_block(site: Site, theme: Theme, page: str) -> str:
    out = []
    headings = list(dict.fromkeys(m.heading for m in site.measures_of(theme.id) if m.heading))
    sections = [(title, [m for m in site.measures_of(theme.id) if m.group == group]) for group, title in GROUPS.items()]
    sections += [(h, [m for m in site.measures_of(theme.id) if m.heading == h]) for h in headings]
    for title, items in sections:
        if not items:
            continue
        out.append(f"### {text(title)}\n")
        for m in items:
            line = f"- **{text(m.title)}**"
            if m.summary:
                line += f": {m.summary}"
            extra = []
            if m.units:
                links = [f"[{text(site.unit(u).name)}]({rel(page, 'colleges/' + u + '.md')})" for u in m.units if site.unit(u)]
                extra.append("Colleges: " + ", ".join(links))
            if m.partners:
                extra.append("Partners: " + ", ".join(text(p) for p in m.partners))
            out.append(line + ("".join(f"\n    - {e}" for e in extra)))
            out += [f"    - {text(i)}" for i in m.items]
        out.append("")
    return "\n".join(out) if out else f"{NOT_IN_DATA} geen maatregelen voor dit thema.\n"


def budget_block(site: Site, theme: Theme, page: str) -> str:
    budget = site.budget
    alloc = next((a for a in budget.allocations if a.theme == theme.id), None) if budget else None
    if alloc is None:
        return f"{NOT_IN_DATA} geen budget voor dit thema.\n"
    per = " per jaar" if budget.per_year else ""
    out = [f"Dit thema krijgt {percent(alloc.share_pct)} van de kwaliteitsmiddelen: {euro_mln(alloc.amount_mln)}{per}."]
    extra = next((a for a in budget.additional if a.theme == theme.id), None)
    if extra:
        out.append(
            f"Met {euro_mln(extra.other_amount_mln)} aan andere additionele middelen"
            f"{' (volgens de agenda indicatief)' if budget.additional_indicative else ''} is het totaal voor dit thema "
            f"{euro_mln(extra.total_amount_mln)}; de kwaliteitsmiddelen zijn daarvan {percent(extra.ka_share_horizontal_pct)}."
        )
    out.append(f"\n[Begroting van alle thema's]({rel(page, 'begroting.md')})\n")
    return " ".join(out[:-1]) + "\n" + out[-1]


def render(site: Site, theme: Theme, charts, chapter: str | None, files: list[Generated]) -> Generated:
    page = path(theme)
    kind = "Voorwaarde" if theme.kind == "precondition" else f"Thema {theme.number}"
    this = "deze voorwaarde" if theme.kind == "precondition" else "dit thema"
    out = [f"# {kind}: {text(theme.title)}\n"]
    if theme.national:
        out.append(f"*Dit is een {NATIONAL}.*\n")
    if theme.summary:
        out.append(f"{theme.summary}\n")
    if chapter:
        out.append(f"De toelichting staat in [hoofdstuk {theme.chapter}]({rel(page, chapter)}).\n")
    baseline = ratios.theme_block(site, theme, charts, page=page, files=files) if site.ratios else None
    if baseline:
        out.append("## Uitgangssituatie\n")
        out.append(baseline)
    out.append("## Ambitie\n")
    out.append("\n\n".join(theme.ambitions) + "\n" if theme.ambitions else f"{NOT_IN_DATA} geen ambitie voor {this}.\n")
    out.append("## Doelen\n")
    by_year = goals.block(site, theme)
    if by_year:
        out.append(by_year)
    else:
        out.append("\n".join(f"- {text(g.text)}" for g in theme.goals) + "\n" if theme.goals else f"{NOT_IN_DATA} geen doelen voor {this}.\n")
    inds = site.indicators_of(theme.id)
    out.append("## Indicatoren\n")
    if inds:
        out += [card(site, ind, page, charts, files) for ind in inds]
    elif any(g.indicator for g in theme.goals):
        out.append(f"De proces- en effectindicatoren van {this} staan bij de doelen hierboven. {NOT_IN_DATA} "
                   f"voor {this} geen indicator met nulmeting en streefwaarden.\n")
    else:
        out.append(f"{NOT_IN_DATA} geen indicatoren voor {this}.\n")
    for label, value in (("Monitor", theme.monitor), ("Wijze van vaststellen", theme.attainment_rule), ("Duurzaamheid", theme.sustainability)):
        if value:
            out.append(f"## {label}\n\n{value}\n")
    specific = activities.theme_block(site, theme, page, files)
    if specific:
        out.append("## Specifieke activiteiten en budget\n")
        out.append(specific)
        return Generated(page, "\n".join(out), f"{kind}: {theme.short_title}")
    out.append("## Maatregelen\n")
    out.append(measures_block(site, theme, page))
    out += [b for b in [execution.theme_block(site, theme)] if b]
    out.append("## Budget\n")
    out.append(budget_block(site, theme, page))
    return Generated(page, "\n".join(out), f"{kind}: {theme.short_title}")
