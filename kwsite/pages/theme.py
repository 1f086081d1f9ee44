"""The generated page of one theme: ambition, goals, indicator cards with
chart and breakdown tables, measures grouped as in the appendix, budget. The page is the template
``pages/theme.md`` (a site may override it in its ``theme/``); this module builds its context."""

from __future__ import annotations

from .. import paths
from ..present import target_table_text as target_text
from ..datasets import UNIT_TEXT, Dataset
from ..model import Indicator, Site, TableData, Theme
from ..numbers import euro_mln, machine, percent
from ..present import baseline_text, year_label
from ..tables import named, table_rows
from ..templating import Templates, markdown
from . import status
from .common import Generated, dataset_downloads, rel, table
from .common import chart as chart_context
from . import activities, goals, ratios
from .. import executionview as execution

GROUPS = {"programma": "Programma", "begeleiding": "Begeleiding, ondersteuning en stimulering"}


def path(theme: Theme) -> str:
    return paths.theme(theme.id)


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


def card(site: Site, ind: Indicator, page: str, charts, files: list[Generated]) -> dict:
    """Context of one indicator card (``pages/theme.md``, macro ``card``)."""
    years = target_years(site)
    cols = ["Indicator", "Nulmeting", *[f"Streefwaarde {y}" for y in years]]
    label = f"{ind.id} {ind.short_name or ind.name}"
    shown, cells = indicator_cells(ind, years)
    caption = f"Nulmeting en streefwaarden van indicator {ind.id}"
    dataset = Dataset(
        f"streefwaarden-{ind.id}",
        f"{caption}: {ind.name}",
        ("indicator", *indicator_columns(years)),
        ((label, *cells),),
        UNIT_TEXT[ind.unit],
        ind.source,
        page,
    )
    out = {
        "id": ind.id,
        "name": ind.name,
        "table": table([*cols], [[label, *shown]], caption, css="kw-table kw-card"),
        "downloads": dataset_downloads(dataset, files),
    }
    facts = []  # (label, value); a value from data that editors write as Markdown is passed as markup
    if ind.definition:
        facts.append(("Definitie", markdown(ind.definition)))
    if ind.scale:
        facts.append(("Schaal", f"{ind.scale.min}-{ind.scale.max}".replace(".", ",")))
    if ind.polarity == "lower_is_better":
        facts.append(("Richting", "lager is beter"))
    if ind.source:
        facts.append(("Bron", ind.source))
    if ind.baseline and ind.baseline.derived and ind.baseline.value is not None:
        facts.append(("Nulmeting afgeleid door de redactie", markdown(ind.baseline.derived)))
    if ind.baseline and ind.baseline.note:
        facts.append(("Nulmeting", markdown(ind.baseline.note)))
    if ind.ambition:
        facts.append(("Ambitie", markdown(ind.ambition)))
    if ind.attainment:
        facts.append(("Wijze van vaststellen", markdown(ind.attainment)))
    out["facts"] = [{"label": k, "value": v} for k, v in facts]
    out["notes"] = [{"year": t.year, "note": t.note} for t in ind.targets if t.note]
    out["indicator_url"] = rel(page, paths.indicator(ind.id))  # everything about it on its own page (#15)
    out["status"] = status.card(site, ind, page, files)
    chart = charts.indicator(ind)
    title = f"Indicator {ind.id} {ind.name}: waarden, nulmeting en streefwaarden per jaar"
    out["chart"] = (
        chart_context(page, chart, files, (title, UNIT_TEXT[ind.unit], ind.source)) if chart is not None else None
    )
    out["tables"] = [table_block(site, t, page, charts, files) for t in site.tables_of(ind.id)]
    return out


def table_dataset(table: TableData, page: str) -> Dataset:
    """The machine form of a data table as shown on a theme page (same rows and columns)."""
    columns = (table_rows(table)[0][0], *table.periods)
    rows = tuple((r.label, *(machine(v) for v in r.values)) for r in table.rows)
    return Dataset(
        f"tabel-{table.meta.id}", table.meta.title, columns, rows, UNIT_TEXT[table.meta.unit], table.meta.source, page
    )


def table_block(site: Site, data: TableData, page: str, charts, files: list[Generated]) -> dict:
    """Context of a data table (with its chart when it has one) and its downloads (macro ``data_table``)."""
    drawn, data = named(data, site, short=True), named(data, site)  # one name per college (item 5, #17)
    columns, rows = table_rows(data)
    chart = charts.table(drawn) if data.meta.chart else None
    return {
        "title": data.meta.title,
        "chart": chart_context(page, chart, files) if chart is not None else None,
        "table": table(columns, rows, data.meta.title, css="kw-table kw-data-table"),
        "source": data.meta.source,
        "note": data.meta.note,
        "downloads": dataset_downloads(table_dataset(data, page), files),
    }


def measures(site: Site, theme: Theme, page: str) -> list[dict]:
    """The measures of ``theme`` grouped as in the appendix (``macros/measures.html``); only groups with measures."""
    of = site.measures_of(theme.id)
    headings = list(dict.fromkeys(m.heading for m in of if m.heading))
    sections = [(title, [m for m in of if m.group == group]) for group, title in GROUPS.items()]
    sections += [(h, [m for m in of if m.heading == h]) for h in headings]
    return [
        {"title": title, "measures": [_measure(site, m, page) for m in items]} for title, items in sections if items
    ]


def _measure(site: Site, m, page: str) -> dict:
    return {
        "title": m.title,
        "summary": m.summary,
        "partners": list(m.partners),
        "items": list(m.items),
        "colleges": [{"name": site.unit(u).name, "url": rel(page, paths.college(u))} for u in m.units if site.unit(u)],
    }


def budget(site: Site, theme: Theme, page: str) -> dict | None:
    """The theme's share of the budget, formatted (``pages/theme.md``); ``None`` when the data give none."""
    plan = site.budget
    alloc = next((a for a in plan.allocations if a.theme == theme.id), None) if plan else None
    if alloc is None:
        return None
    extra = next((a for a in plan.additional if a.theme == theme.id), None)
    return {
        "share": percent(alloc.share_pct),
        "amount": euro_mln(alloc.amount_mln),
        "per": " per jaar" if plan.per_year else "",
        "indicative": plan.additional_indicative,
        "url": rel(page, paths.BUDGET),
        "additional": {
            "other": euro_mln(extra.other_amount_mln),
            "total": euro_mln(extra.total_amount_mln),
            "share": percent(extra.ka_share_horizontal_pct),
        }
        if extra
        else None,
    }


def render(
    site: Site, theme: Theme, charts, chapter: str | None, files: list[Generated], templates: Templates | None = None
) -> Generated:
    """The page of ``theme`` from ``pages/theme.md`` (``templates``: the site's, default kwsite's own)."""
    page = path(theme)
    kind = "Voorwaarde" if theme.kind == "precondition" else f"Thema {theme.number}"
    baseline = ratios.theme_block(site, theme, charts, page=page, files=files) if site.ratios else []
    inds = site.indicators_of(theme.id)
    context = {
        "kind": kind,
        "this": "deze voorwaarde" if theme.kind == "precondition" else "dit thema",
        "theme": theme,
        "chapter_url": rel(page, chapter) if chapter else None,
        "baseline": baseline,
        "goals": goals.context(site, theme),
        "cards": [card(site, ind, page, charts, files) for ind in inds],
        "goal_indicators": any(g.indicator for g in theme.goals),
        "sections": [
            (label, value)
            for label, value in (
                ("Monitor", theme.monitor),
                ("Wijze van vaststellen", theme.attainment_rule),
                ("Duurzaamheid", theme.sustainability),
            )
            if value
        ],
    }
    context["activities"] = specific = activities.theme_block(site, theme, page, files)
    if not specific:
        context |= {
            "measures": measures(site, theme, page),
            "budget": budget(site, theme, page),
            "execution": execution.theme_block(site, theme),
        }
    text = (templates or Templates()).render("pages/theme.md", **context)
    return Generated(page, text, f"{kind}: {theme.short_title}")
