"""Overview pages: budget, indicators, and the index pages of themes and colleges. Each page is a template
(``pages/budget.md``, ``pages/indicators.md``, ``pages/themes.md``, ``pages/colleges.md``); this module builds
their contexts."""

from __future__ import annotations

from decimal import Decimal

from .. import paths
from ..datasets import Dataset
from ..model import Site
from ..numbers import euro_mln, machine, number, percent
from ..templating import Templates
from . import status
from .common import Generated, agenda_source, dataset_downloads, rel, table
from .theme import indicator_cells, indicator_columns, target_years

BUDGET = paths.BUDGET
INDICATORS = paths.INDICATORS
BUDGET_UNIT = "aandelen in procent (0-100), bedragen in miljoenen euro's"


def budget(site: Site, files: list[Generated], templates: Templates | None = None) -> Generated | None:
    """The budget page from ``pages/budget.md``, or ``None`` when the data have no budget."""
    plan = site.budget
    if plan is None:
        return None
    page = BUDGET
    columns = ["Thema", "Aandeel", "Bedrag"]
    rows = []
    for a in plan.allocations:
        theme = site.theme(a.theme)
        rows.append([theme.short_title if theme else a.label, percent(a.share_pct), euro_mln(a.amount_mln)])
    share = sum((a.share_pct for a in plan.allocations), Decimal(0))
    amount = sum((a.amount_mln for a in plan.allocations), Decimal(0))
    printed = plan.total
    total_share = printed.share_pct if printed and printed.share_pct is not None else share
    total_amount = printed.amount_mln if printed and printed.amount_mln is not None else amount
    rows.append(["Totaal", percent(total_share), euro_mln(total_amount)])
    caption = "Budgetverdeling over de thema's"
    machine_rows = [(r[0], machine(a.share_pct), machine(a.amount_mln)) for r, a in zip(rows, plan.allocations)]
    machine_rows.append(("Totaal", machine(total_share), machine(total_amount)))
    dataset = Dataset(
        "begroting-thema",
        caption,
        ("thema", "aandeel_pct", "bedrag_mln_euro"),
        tuple(machine_rows),
        BUDGET_UNIT,
        agenda_source(site),
        page,
    )
    check = (
        "komt overeen met"
        if printed and printed.amount_mln == amount and printed.share_pct == share
        else "wijkt af van"
    )
    national = [a for a in plan.allocations if site.theme(a.theme) and site.theme(a.theme).national]
    context = {
        "plan": plan,
        "per": " per jaar" if plan.per_year else "",
        "table": table(columns, rows, caption, css="kw-table kw-budget"),
        "downloads": dataset_downloads(dataset, files),
        "sum": {"share": percent(share), "amount": euro_mln(amount), "check": check},
        "national": {
            "share": percent(sum((a.share_pct for a in national), Decimal(0))),
            "amount": euro_mln(sum((a.amount_mln for a in national), Decimal(0))),
        }
        if national
        else None,
        "additional": additional(site, page, files) if plan.additional else None,
    }
    return Generated(page, (templates or Templates()).render("pages/budget.md", **context), "Begroting")


def additional(site: Site, page: str, files: list[Generated]) -> dict:
    """The table of additional means for the national themes (``pages/budget.md``)."""
    plan = site.budget
    columns = [
        "Thema",
        "KA-middelen (% verticaal)",
        "KA-middelen",
        "KA (% horizontaal)",
        "Andere middelen",
        "Andere (%)",
        "Totaal additioneel",
        "Totaal (%)",
    ]

    def cells(r):
        return [
            percent(r.ka_share_vertical_pct),
            euro_mln(r.ka_amount_mln),
            percent(r.ka_share_horizontal_pct),
            euro_mln(r.other_amount_mln),
            percent(r.other_share_pct),
            euro_mln(r.total_amount_mln),
            percent(r.total_share_pct),
        ]

    fields = (
        "ka_share_vertical_pct",
        "ka_amount_mln",
        "ka_share_horizontal_pct",
        "other_amount_mln",
        "other_share_pct",
        "total_amount_mln",
        "total_share_pct",
    )
    records = [((site.theme(r.theme).short_title if site.theme(r.theme) else r.label), r) for r in plan.additional]
    if plan.additional_total:
        records.append(("Totaal", plan.additional_total))
    rows = [[label, *cells(r)] for label, r in records]
    names = (
        "thema",
        "ka_pct_verticaal",
        "ka_mln_euro",
        "ka_pct_horizontaal",
        "andere_mln_euro",
        "andere_pct",
        "totaal_mln_euro",
        "totaal_pct",
    )
    mrows = tuple((label, *(machine(getattr(r, f)) for f in fields)) for label, r in records)
    title = "Additionele middelen voor de landelijke thema's"
    dataset = Dataset("begroting-additioneel", title, names, mrows, BUDGET_UNIT, agenda_source(site), page)
    return {
        "title": title,
        "table": table(columns, rows, title, css="kw-table kw-budget"),
        "downloads": dataset_downloads(dataset, files),
    }


def indicators(site: Site, files: list[Generated], templates: Templates | None = None) -> Generated:
    """The overview of all indicators from ``pages/indicators.md``."""
    page = INDICATORS
    years = target_years(site)
    measured = any(i.realisations for i in site.indicators)  # without realisations every Stand says "geen gegevens"
    columns = ["Indicator", "Thema", "Nulmeting", *[f"Streefwaarde {y}" for y in years]] + (
        ["Stand"] if measured else []
    )
    rows, mrows = [], []
    for ind in site.indicators:
        theme = site.theme(ind.theme)
        label, theme_name = f"{ind.id} {ind.short_name or ind.name}", theme.short_title if theme else ind.theme
        shown, cells = indicator_cells(ind, years)
        rows.append([label, theme_name, *shown] + ([status.overview_cell(ind)] if measured else []))
        mrows.append((label, theme_name, ind.unit, *cells, status.overview_code(ind)))
    caption = "Alle indicatoren met nulmeting en streefwaarden"
    names = ("indicator", "thema", "eenheid", *indicator_columns(years), "stand")
    dataset = Dataset(
        "indicatoren", caption, names, tuple(mrows), "per indicator, zie de kolom eenheid", agenda_source(site), page
    )
    context = {
        "table": table(columns, rows, caption, css="kw-table kw-overview"),
        "downloads": dataset_downloads(dataset, files),
        "indicative": any(t.indicative for i in site.indicators for t in i.targets),
        "minimum": site.agenda.goals_are_minimum,
        "themes": [{"name": t.short_title, "url": rel(page, paths.theme(t.id))} for t in site.themes],
        "indicators": [{"id": i.id, "url": rel(page, paths.indicator(i.id))} for i in site.indicators],
        "explanation": status.explanation(page) if measured else None,
    }
    return Generated(page, (templates or Templates()).render("pages/indicators.md", **context), "Indicatoren")


def themes_index(site: Site, templates: Templates | None = None) -> Generated:
    """The index of the themes from ``pages/themes.md``."""
    page = paths.THEMES_INDEX

    def entry(t) -> dict:
        return {
            "number": t.number,
            "title": t.title,
            "url": rel(page, paths.theme(t.id)),
            "national": t.national,
            "indicators": _count(len(site.indicators_of(t.id)), "indicator", "indicatoren"),
            "measures": _count(len(site.measures_of(t.id)), "maatregel", "maatregelen"),
        }

    context = {
        "themes": [entry(t) for t in site.themes if t.kind == "theme"],
        "preconditions": [entry(t) for t in site.themes if t.kind == "precondition"],
    }
    return Generated(page, (templates or Templates()).render("pages/themes.md", **context), "Overzicht")


def _count(n: int, one: str, many: str) -> str:
    """``1 maatregel``, ``3 maatregelen``, ``geen maatregelen``."""
    return f"1 {one}" if n == 1 else f"{number(n) if n else 'geen'} {many}"


def _college_contents(site: Site, unit_id: str) -> str:
    """What a college appendix holds, for the index: ``waarden in 5 van de 6 tabellen; 2 maatregelen noemen
    het college``."""
    tables = [t for t in site.tables.values() if t.meta.rows == "unit"]
    filled = [
        t for t in tables if (row := t.row_for_unit(unit_id)) is not None and any(v is not None for v in row.values)
    ]
    values = (
        f"waarden in {number(len(filled))} van de {_count(len(tables), 'tabel', 'tabellen')}"
        if tables
        else "geen tabellen"
    )
    n = sum(1 for m in site.measures if unit_id in m.units)
    measures = "geen maatregel noemt" if not n else "1 maatregel noemt" if n == 1 else f"{number(n)} maatregelen noemen"
    return f"{values}; {measures} het college"


def colleges_index(site: Site, templates: Templates | None = None) -> Generated:
    """The index of the college appendices from ``pages/colleges.md``."""
    page = paths.COLLEGES_INDEX
    context = {
        "count": number(len(site.units)),
        "colleges": [
            {
                "name": u.name,
                "url": rel(page, paths.college(u.id)),
                "code": u.code,
                "contents": _college_contents(site, u.id),
            }
            for u in site.units
        ],
    }
    return Generated(page, (templates or Templates()).render("pages/colleges.md", **context), "Overzicht")
